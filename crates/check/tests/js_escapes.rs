//! The JavaScript resolver where an object escapes the code that defines
//! it or a name escapes the reader: a class handing `this` to a function
//! that writes members onto it (bottleneck's `parser.load(options,
//! defaults, this)`), `this` inside a function the module exports (it is
//! the exports object), a read of `__proto__` (no prototype set), and an
//! `eval` that only reads a name (the file's names stay known). Each test
//! indexes a temporary project and asserts the exact findings.

mod project;

use project::{Proj, file, shop};

/// The findings of `report` as `kind file:line message`, with confidence.
fn with_confidence(report: &plumb_check::report::Report) -> Vec<(String, f64)> {
    report
        .findings
        .iter()
        .map(|f| {
            (
                format!("{} {}:{} {}", f.kind.id(), f.file, f.line, f.message),
                f.confidence,
            )
        })
        .collect()
}

const PARSER: &str = "exports.load = function (received, defaults, onto) {\n\
                      for (const k in defaults) {\n    onto[k] = received[k] != null ? received[k] : defaults[k];\n  }\n\
                      return onto;\n};\n\
                      exports.overwrite = function (received, defaults) {\n  return Object.keys(defaults).length;\n};\n";

#[test]
fn a_class_handing_this_to_a_function_that_writes_onto_it_holds_its_data() {
    // bottleneck's constructor copies every default onto the instance.
    let class = |call: &str| {
        format!(
            "const parser = require('./parser');\n\
             class Limiter {{\n  constructor(options) {{\n    {call};\n  }}\n\
             schedule(job) {{\n    return new this.Promise(job);\n  }}\n\
             drop() {{\n    return this.Promises();\n  }}\n}}\n\
             Limiter.prototype.defaults = {{ Promise }};\n\
             module.exports = Limiter;\n"
        )
    };
    let p = shop(&[("lib/parser.js", PARSER)]);
    // `Promise` is a name the project uses: it may be one of the copied
    // defaults. A name mentioned nowhere is still a slip.
    assert_eq!(
        file(
            &p,
            "lib/limiter.js",
            &class("parser.load(options, this.defaults, this)")
        ),
        vec!["unknown-symbol lib/limiter.js:10 'this' has no member 'Promises'"]
    );
    // A function that only reads its argument adds nothing.
    assert_eq!(
        file(
            &p,
            "lib/limiter.js",
            &class("parser.overwrite(options, this)")
        ),
        vec![
            "unknown-symbol lib/limiter.js:7 'this' has no member 'Promise'",
            "unknown-symbol lib/limiter.js:10 'this' has no member 'Promises'",
        ]
    );
}

#[test]
fn a_class_handing_this_to_a_constructor_that_stores_and_extends_it_holds_its_data() {
    // bottleneck's `new Events(this)`: `this.instance.on = …`.
    let events = "class Events {\n  constructor(instance) {\n    this.instance = instance;\n\
                  this.instance.on = (name, cb) => this.add(name, cb);\n  }\n\
                  add(name, cb) {\n    return [name, cb];\n  }\n}\nmodule.exports = Events;\n";
    let p = shop(&[("lib/events.js", events)]);
    let body = "const Events = require('./events');\n\
                class Limiter {\n  constructor() {\n    this._events = new Events(this);\n  }\n\
                ready() {\n    this.on('ready', () => 1);\n    this.onn('ready', () => 1);\n  }\n}\n\
                module.exports = Limiter;\n";
    assert_eq!(
        file(&p, "lib/limiter.js", body),
        vec!["unknown-symbol lib/limiter.js:8 'this' has no member 'onn'"]
    );
}

#[test]
fn this_in_a_function_the_module_exports_is_the_exports_object() {
    // node-retry's lib/retry.js.
    let body = "exports.timeouts = function (options) {\n  const out = [];\n\
                for (let i = 0; i < options.retries; i++) {\n    out.push(this.createTimeout(i, options));\n  }\n\
                out.push(this.createTimeouts(0, options));\n  out.push(this.createTimeout(0));\n\
                return out;\n};\n\
                exports.createTimeout = function (attempt, opts) {\n  return Math.round(opts.factor * attempt);\n};\n\
                exports.operation = function (options) {\n  return exports.timeout(options);\n};\n";
    let p = shop(&[]);
    assert_eq!(
        file(&p, "lib/retry.js", body),
        vec![
            "unknown-symbol lib/retry.js:6 module 'lib/retry.js' has no export 'createTimeouts'",
            "arity-mismatch lib/retry.js:7 'createTimeout' needs at least 2 argument(s) but 1 were given",
            "unknown-symbol lib/retry.js:14 module 'lib/retry.js' has no export 'timeout'",
        ]
    );
    // A function that is not the value of an export key binds its own `this`.
    let plain = "function timeouts(options) {\n  return this.createTimeouts(0, options);\n}\n\
                 exports.timeouts = timeouts;\n";
    assert_eq!(file(&p, "lib/retry.js", plain), Vec::<String>::new());
}

#[test]
fn reading_proto_sets_no_prototype() {
    // eventemitter3 tests whether `__proto__` is supported; it sets none.
    let body = "function Events() {}\n\
                var prefix = '~';\n\
                if (!new Events().__proto__) prefix = false;\n\
                function EventEmitter() {\n  this._events = new Events();\n}\n\
                EventEmitter.prototype.removeListener = function (event) {\n  return event;\n};\n\
                EventEmitter.prototype.emit = function (event) {\n  this.removeListeners(event);\n  return this.removeListener(event);\n};\n\
                module.exports = EventEmitter;\n";
    let p = shop(&[]);
    assert_eq!(
        file(&p, "index.js", body),
        vec!["unknown-symbol index.js:11 'this' has no member 'removeListeners'"]
    );
    // Setting it (`C.prototype.__proto__ = …`) gives members no definition
    // names.
    let set = body.replace(
        "if (!new Events().__proto__) prefix = false;",
        "EventEmitter.prototype.__proto__ = Events.prototype;",
    );
    assert_eq!(file(&p, "index.js", &set), Vec::<String>::new());
    // A dictionary without a prototype (tape's `{ __proto__: null }`) has
    // fewer members, not more.
    let dictionary = body.replace(
        "if (!new Events().__proto__) prefix = false;",
        "var seen = { __proto__: null };",
    );
    assert_eq!(
        file(&p, "index.js", &dictionary),
        vec!["unknown-symbol index.js:11 'this' has no member 'removeListeners'"]
    );
}

#[test]
fn an_eval_that_reads_a_name_leaves_the_files_names_known() {
    // bottleneck's `eval("require")("redis")` hides an optional package
    // from bundlers.
    let body = "function connect(options) {\n  return eval(\"require\")(\"redis\").createClient(options);\n}\n\
                function start(options) {\n  return connnect(options);\n}\n\
                module.exports = start;\n";
    let p = shop(&[]);
    assert_eq!(
        file(&p, "lib/redis.js", body),
        vec!["unknown-symbol lib/redis.js:5 'connnect' is not defined"]
    );
    // Code in the string may bind any name, at the top level in the
    // whole file.
    let dynamic = format!("eval(src);\n{body}");
    assert_eq!(file(&p, "lib/redis.js", &dynamic), Vec::<String>::new());
}

#[test]
fn a_function_bound_to_this_runs_with_the_methods_this() {
    // archiver's `glob()`: handlers declared in the method, handed on as
    // `onGlobMatch.bind(this)`, or a function expression bound at once.
    let body = |bind: &str| {
        format!(
            "class Archiver {{\n  append(file) {{\n    return file;\n  }}\n\
             glob(globber) {{\n    function onGlobMatch(match) {{\n      this.appends(match);\n    }}\n\
             globber.on('match', {bind});\n\
             globber.on('end', function (err) {{\n      this.appendd(err);\n    }}.bind(this));\n  }}\n}}\n\
             module.exports = Archiver;\n"
        )
    };
    let p = shop(&[]);
    assert_eq!(
        file(&p, "lib/core.js", &body("onGlobMatch.bind(this)")),
        vec![
            "unknown-symbol lib/core.js:7 'this' has no member 'appends'",
            "unknown-symbol lib/core.js:11 'this' has no member 'appendd'",
        ]
    );
    // Handed on unbound, the function's `this` is whatever calls it.
    assert_eq!(
        file(&p, "lib/core.js", &body("onGlobMatch")),
        vec!["unknown-symbol lib/core.js:11 'this' has no member 'appendd'"]
    );
}

#[test]
fn a_base_from_an_unread_package_hides_only_what_is_no_slip() {
    // node-tar's `class Pack extends Minipass` with minipass not installed:
    // the base's members are unseen, so only a slip of an own member is
    // reported, at lower confidence; `this.emit()` and `this.write()` beside
    // the own `_write()` may be the base's.
    let body = "const { Minipass } = require('minipass');\n\
                class Pack extends Minipass {\n  addEntry(entry) {\n    return entry;\n  }\n\
                _write(chunk) {\n    return chunk;\n  }\n\
                add(entry) {\n    this.addEntries(entry);\n    this.emit('entry', entry);\n    this.write(entry);\n    return this.addEntry(entry);\n  }\n}\n\
                module.exports = Pack;\n";
    let p = Proj::new(&[(
        "package.json",
        r#"{"name": "tar", "dependencies": {"minipass": "^7.0.0", "readable-stream": "^4.0.0"}}"#,
    )]);
    let report = p.check_files(&[("lib/pack.js", body)]);
    let found = with_confidence(&report);
    assert_eq!(
        found,
        vec![
            (
                "unverifiable lib/pack.js:1 'minipass' is declared but not installed, so the names imported from it cannot be checked (install the dependencies to check them)".to_string(),
                0.3
            ),
            (
                "unknown-symbol lib/pack.js:10 'this' has no member 'addEntries'".to_string(),
                0.6
            )
        ]
    );
    // `readable-stream` is Node's `stream` published as a package: its
    // classes' members are known, so a missing one is certain.
    let stream = "const { Transform } = require('readable-stream');\n\
                  class Json extends Transform {\n  _transform(chunk, encoding, callback) {\n    this.push(chunk);\n    this.pushh(chunk);\n    callback();\n  }\n}\n\
                  module.exports = Json;\n";
    assert_eq!(
        file(&p, "lib/json.js", stream),
        vec![
            "unverifiable lib/json.js:1 'readable-stream' is declared but not installed, so the names imported from it cannot be checked (install the dependencies to check them)",
            "unknown-symbol lib/json.js:5 'this' has no member 'pushh'",
        ]
    );
}

#[test]
fn eval_and_with_make_names_only_inside_their_function() {
    // knockout's spec scripts: one template helper runs `with` and `eval`;
    // the rest of the file calls jasmine's globals, of which `doExpect` is
    // a slip.
    let body = "function renderTemplate(script, data) {\n  with (data) {\n    return eval(script) + helperFromScope();\n  }\n}\n\
                describe('Templating', function () {\n\
                it('renders', function () {\n    expect(renderTemplate('1', {})).toEqual(1);\n  });\n\
                it('renders twice', function () {\n    expect(renderTemplate('2', {})).toEqual(2);\n    doExpect(3).toEqual(3);\n  });\n\
                it('renders thrice', function () {\n    expect(3).toEqual(3);\n  });\n});\n";
    let p = shop(&[]);
    let report = p.check_files(&[("spec/templatingBehaviors.js", body)]);
    let found = with_confidence(&report);
    assert_eq!(
        found,
        vec![(
            "unknown-symbol spec/templatingBehaviors.js:12 'doExpect' is not defined".to_string(),
            0.6
        )]
    );
    // At the top level, `with` may make any name of the file.
    let top = body.replace(
        "function renderTemplate(script, data) {\n  with (data) {",
        "with (window) {\n  {",
    );
    assert_eq!(
        file(&p, "spec/templatingBehaviors.js", &top),
        Vec::<String>::new()
    );
}

#[test]
fn a_plugin_parameter_named_after_a_project_class_is_that_class() {
    // should.js: `should.use(typeAssertions)` runs each plugin as
    // `f(should, should.Assertion)`; the plugin names its parameter after
    // the class, whose statics `Assertion.prototype` patches leave known.
    let assertion = "export function Assertion(obj) {\n  this.obj = obj;\n}\n\
                     Assertion.add = function (name, func) {\n  \
                     Object.defineProperty(Assertion.prototype, name, { value: func });\n};\n\
                     Assertion.alias = function (from, to) {\n  \
                     Object.defineProperty(Assertion.prototype, to, Object.getOwnPropertyDescriptor(Assertion.prototype, from));\n};\n";
    let should = "import { Assertion } from './assertion';\nimport typeAssertions from './ext/type';\n\
                  export function should(obj) {\n  return new Assertion(obj);\n}\n\
                  should.use = function (f) {\n  f(should, Assertion);\n  return this;\n};\n\
                  should.use(typeAssertions);\n";
    // (The typings' `should.Assertion` interface is another name.)
    let typings = "declare function should(obj: any): should.Assertion;\n\
                   declare namespace should {\n  interface Assertion {\n    assert(expr: boolean): this;\n  }\n}\n\
                   declare global {\n  interface Object {\n    should: should.Assertion;\n  }\n}\n\
                   export = should;\n";
    let p = shop(&[
        ("lib/assertion.js", assertion),
        ("lib/should.js", should),
        ("should.d.ts", typings),
    ]);
    let plugin =
        |body: &str| format!("export default function (should, Assertion) {{\n  {body}\n}}\n");
    assert_eq!(
        file(
            &p,
            "lib/ext/type.js",
            &plugin("Assertion.add('Number', function () {});")
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        file(
            &p,
            "lib/ext/type.js",
            &plugin("Assertion.append('Number', function () {});")
        ),
        vec!["unknown-symbol lib/ext/type.js:2 'Assertion' has no member 'append'"]
    );
    assert_eq!(
        file(
            &p,
            "lib/ext/type.js",
            &plugin("Assertion.alias('a', 'b', 'c');")
        ),
        vec![
            "arity-mismatch lib/ext/type.js:2 'alias' takes at most 2 argument(s) but 3 were given"
        ]
    );
    // A lower-case parameter is no class by its name.
    let lower = "export default function (should, assertion) {\n  assertion.append('x');\n}\n";
    assert_eq!(file(&p, "lib/ext/type.js", lower), Vec::<String>::new());
}

#[test]
fn a_class_over_an_installed_base_open_to_any_member_keeps_its_own() {
    // tar-stream's `Pack extends Readable` of streamx, whose own bases
    // Plumb cannot name: any name may be the base's, but a slip of the
    // class's own member is still one.
    let p = project::Proj::new(&[
        (
            "package.json",
            r#"{"name": "tar", "dependencies": {"streamx": "^2.0.0"}}"#,
        ),
        (
            "node_modules/streamx/package.json",
            r#"{"name": "streamx", "main": "index.js"}"#,
        ),
        (
            "node_modules/streamx/index.js",
            "const mixin = (B) => class extends B {};\nclass Readable extends mixin(Object) {\n  push(x) {\n    return x;\n  }\n}\nmodule.exports = { Readable };\n",
        ),
    ]);
    let pack = |call: &str| {
        format!(
            "const {{ Readable }} = require('streamx');\n\
             class Pack extends Readable {{\n  _finish() {{\n    return 1;\n  }}\n  \
             finalize() {{\n    {call};\n  }}\n}}\nmodule.exports = Pack;\n"
        )
    };
    assert_eq!(
        with_confidence(&p.check_files(&[("pack.js", &pack("this._finishes()"))])),
        vec![(
            "unknown-symbol pack.js:7 'this' has no member '_finishes'".to_string(),
            0.6
        )]
    );
    assert_eq!(
        file(&p, "pack.js", &pack("this.destroy()")),
        Vec::<String>::new()
    );
}

#[test]
fn a_global_written_under_a_name_read_from_data_leaves_the_files_names_known() {
    // jQuery's JSONP transport: `window[callbackName] = function …` with
    // the name taken from the request's settings, restored in a callback;
    // `jQuery.event.global[type]` is a member, not the global object.
    let p = shop(&[]);
    let script = |write: &str| {
        format!(
            "function clean(elem) {{\n  return elem;\n}}\n\
             function jsonp(s, jqXHR) {{\n  var callbackName, overwritten;\n  \
             callbackName = s.jsonpCallback;\n  overwritten = window[callbackName];\n  \
             {write}\n  jqXHR.always(function () {{\n    window[callbackName] = overwritten;\n  }});\n}}\n\
             function add(type) {{\n  jQuery.event.global[type] = true;\n  return cleans(type);\n}}\n"
        )
    };
    assert_eq!(
        file(
            &p,
            "jquery.js",
            &script("window[callbackName] = function () {};")
        ),
        vec!["unknown-symbol jquery.js:15 'cleans' is not defined"]
    );
    // A name handed in by a caller (`expose('clean', f)`) or written by a
    // loop may be any name the file calls.
    for write in [
        "window[s.name] = jsonp;",
        "for (var k in s) {\n    window[k] = s[k];\n  }",
    ] {
        assert_eq!(file(&p, "jquery.js", &script(write)), Vec::<String>::new());
    }
    let handed = script("").replace(
        "function jsonp(s, jqXHR) {",
        "function jsonp(s, jqXHR, callbackName) {",
    );
    assert_eq!(file(&p, "jquery.js", &handed), Vec::<String>::new());
}

#[test]
fn an_eval_in_a_function_expression_makes_names_only_inside_it() {
    // require.js: `req.exec = function (text) { return eval(text); }`, a
    // function the facts do not name; the rest of the loader is checked.
    let p = shop(&[]);
    let body = |call: &str| {
        format!(
            "var requirejs;\n(function (global) {{\n  var req = {{}};\n  \
             function normalize(name) {{\n    return name;\n  }}\n  \
             req.exec = function (text) {{\n    return eval(text);\n  }};\n  \
             requirejs = function (deps) {{\n    return {call}(deps);\n  }};\n}}(this));\n"
        )
    };
    assert_eq!(
        file(&p, "require.js", &body("normalizes")),
        vec!["unknown-symbol require.js:11 'normalizes' is not defined"]
    );
    assert_eq!(
        file(&p, "require.js", &body("normalize")),
        Vec::<String>::new()
    );
}
