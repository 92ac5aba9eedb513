//! The JavaScript resolver on CommonJS code as older Node libraries write
//! it: modules that export through `module.exports.k = …` or a named object
//! (`module.exports = log4js`), constructor functions whose own body calls
//! `this.m()`, plugin modules that add methods to a class handed to them
//! (`require('./getters')(Queue)`), and the rules that keep such code
//! clean (a throw nested in an `if` on the argument, `Object.assign`
//! sources, `this.k = …` in an object literal's method). Each test indexes
//! a temporary project and asserts the exact findings.

mod project;

use project::{Proj, file};

fn package(name: &str, files: &[(&str, &str)]) -> Proj {
    let manifest = format!(r#"{{"name": "{name}", "main": "lib/index.js"}}"#);
    let mut all = vec![("package.json", manifest.as_str())];
    all.extend_from_slice(files);
    Proj::new(&all)
}

#[test]
fn keys_assigned_to_module_exports_are_the_modules_exports() {
    // bull's lib/utils.js: no whole `module.exports = …`, only keys.
    let p = package(
        "bull",
        &[(
            "lib/utils.js",
            "function isRedisReady(client) {\n  return client.status === 'ready';\n}\n\
             module.exports.isRedisReady = isRedisReady;\n\
             module.exports.emitSafe = function (emitter, event) {\n  return emitter.emit(event);\n};\n",
        )],
    );
    let body = "const utils = require('./utils');\n\
                function start(client, q) {\n  utils.isRedisReady(client);\n  utils.emitSafe(q, 'a');\n  utils.redisReady(client);\n}\n\
                module.exports = start;\n";
    assert_eq!(
        file(&p, "lib/worker.js", body),
        vec!["unknown-symbol lib/worker.js:5 module './utils' has no export 'redisReady'"]
    );
    // A module that also hands `module.exports` to a function may gain keys
    // no name shows: nothing is decided.
    let p = package(
        "bull",
        &[(
            "lib/utils.js",
            "module.exports.isRedisReady = function (c) { return c; };\n\
             Object.assign(module.exports, require('./more'));\n",
        )],
    );
    assert_eq!(file(&p, "lib/worker.js", body), Vec::<String>::new());
}

#[test]
fn a_module_exporting_a_named_object_literal_has_its_keys() {
    // log4js's lib/log4js.js: `const log4js = { getLogger, configure }`.
    let lib = "function getLogger(category) {\n  return { category };\n}\n\
               function configure(config) {\n  return config.appenders;\n}\n\
               const log4js = {\n  getLogger,\n  configure,\n};\n\
               module.exports = log4js;\n";
    let p = package("log4js", &[("lib/log4js.js", lib)]);
    let body = "const log4js = require('../lib/log4js');\n\
                log4js.configure({ appenders: {} });\n\
                log4js.configures({ appenders: {} });\n\
                log4js.getLogger('cheese');\n";
    assert_eq!(
        file(&p, "examples/example.js", body),
        vec!["unknown-symbol examples/example.js:3 'log4js' has no member 'configures'"]
    );
    // Keys added later (`log4js.shutdown = …`, `module.exports.x = …`)
    // leave it open.
    let open = format!("{lib}module.exports.shutdown = function () {{}};\n");
    let p = package("log4js", &[("lib/log4js.js", &open)]);
    assert_eq!(file(&p, "examples/example.js", body), Vec::<String>::new());
}

#[test]
fn a_constructor_functions_body_calls_its_prototype_methods() {
    // bunyan's RotatingFileStream: `this._debug(…)` in the constructor,
    // which is assigned to a variable declared earlier.
    let body = "var RotatingFileStream = null;\n\
                if (process.env.ROT) {\n\
                RotatingFileStream = function (options) {\n  this.path = options.path;\n  this._debug('open');\n  this._debugs('open');\n};\n\
                RotatingFileStream.prototype._debug = function (msg) {\n  return msg;\n};\n\
                }\n\
                function Logger(options) {\n  var self = this;\n  self.addStream(options.stream);\n  self.doAddStream(options.stream);\n}\n\
                Logger.prototype.addStream = function (s) {\n  return s;\n};\n\
                module.exports = { Logger, RotatingFileStream };\n";
    let p = package("bunyan", &[]);
    assert_eq!(
        file(&p, "lib/bunyan.js", body),
        vec![
            "unknown-symbol lib/bunyan.js:6 'this' has no member '_debugs'",
            "unknown-symbol lib/bunyan.js:15 'self' has no member 'doAddStream'",
        ]
    );
}

#[test]
fn a_plugin_module_sees_the_class_it_is_handed() {
    // bull: lib/getters.js adds methods to the Queue that lib/queue.js
    // hands it; `this` there is a Queue.
    let queue = "function Queue(name) {\n  this.name = name;\n}\n\
                 Queue.prototype.toKey = function (type) {\n  return this.name + type;\n};\n\
                 require('./getters')(Queue);\n\
                 module.exports = Queue;\n";
    let getters = "module.exports = function (Queue) {\n\
                   Queue.prototype.getJobs = function (types) {\n    return types.map((t) => this.toKey(t));\n  };\n\
                   Queue.prototype.count = function () {\n    return this.getJobs(['wait']).length;\n  };\n\
                   };\n";
    let p = package(
        "bull",
        &[("lib/queue.js", queue), ("lib/getters.js", getters)],
    );
    let changed = getters
        .replace("this.toKey(t)", "this.asKey(t)")
        .replace("this.getJobs(['wait'])", "this.getJobs(['wait'], 1, 2)");
    assert_eq!(
        file(&p, "lib/getters.js", &changed),
        vec![
            "unknown-symbol lib/getters.js:3 'this' has no member 'asKey'",
            "arity-mismatch lib/getters.js:6 'getJobs' takes at most 1 argument(s) but 3 were given",
        ]
    );
    // A method another plugin adds is the Queue's too.
    let worker = "module.exports = function (Queue) {\n\
                  Queue.prototype.run = function () {\n    return this.count() + this.toKey('a');\n  };\n\
                  };\n";
    let with_worker = queue.replace(
        "require('./getters')(Queue);\n",
        "require('./getters')(Queue);\nrequire('./worker')(Queue);\n",
    );
    let p = package(
        "bull",
        &[
            ("lib/queue.js", &with_worker),
            ("lib/getters.js", getters),
            ("lib/worker.js", worker),
        ],
    );
    assert_eq!(file(&p, "lib/worker.js", worker), Vec::<String>::new());
    // No file hands the plugin its class: nothing is decided.
    let p = package("bull", &[("lib/getters.js", getters)]);
    assert_eq!(file(&p, "lib/getters.js", &changed), Vec::<String>::new());
}

#[test]
fn a_throw_inside_an_if_on_the_argument_does_not_make_it_needed() {
    // log4js's LoggingEvent: the throw is for a bad location, given only
    // when one was passed; `Object.assign({}, context)` skips a missing one.
    let body = "class LoggingEvent {\n\
                constructor(categoryName, level, data, context, location) {\n\
                  this.categoryName = categoryName.trim();\n\
                  this.level = level.toString();\n\
                  this.data = data.slice();\n\
                  this.context = Object.assign({}, context);\n\
                  if (typeof location !== 'undefined') {\n\
                    if (!location || typeof location !== 'object') {\n\
                      throw new TypeError('Invalid location');\n\
                    }\n\
                  }\n\
                }\n\
                }\n\
                new LoggingEvent('a', 'INFO', []);\n\
                new LoggingEvent('a', 'INFO');\n\
                module.exports = LoggingEvent;\n";
    let p = package("log4js", &[]);
    assert_eq!(
        file(&p, "lib/LoggingEvent.js", body),
        vec![
            "arity-mismatch lib/LoggingEvent.js:15 'constructor' needs at least 3 argument(s) but 2 were given"
        ]
    );
}

#[test]
fn an_object_literals_methods_add_the_members_they_assign_to_this() {
    let body = "const fakeConnection = {\n\
                  msgs: [],\n\
                  end(cb) {\n    this.endCb = cb;\n  },\n\
                };\n\
                fakeConnection.end(() => {});\n\
                fakeConnection.endCb();\n\
                fakeConnection.close();\n\
                module.exports = fakeConnection;\n";
    let p = package("log4js", &[]);
    assert_eq!(
        file(&p, "test/shutdown-test.js", body),
        vec!["unknown-symbol test/shutdown-test.js:9 'fakeConnection' has no member 'close'"]
    );
}

#[test]
fn an_imported_define_is_no_amd_loader_and_latest_is_the_repository() {
    // superstruct: `import { define } from './utilities'` in the source,
    // `"superstruct": "latest"` in the examples' own package.json.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "superstruct", "main": "./dist/index.cjs"}"#,
        ),
        ("src/index.ts", "export * from './utilities'\n"),
        (
            "src/utilities.ts",
            "export function define(name: string, validator: () => boolean): string {\n  return name\n}\n\
             export function string(): string {\n  return define('string', () => true)\n}\n",
        ),
        (
            "examples/package.json",
            r#"{"type": "module", "dependencies": {"superstruct": "latest"}}"#,
        ),
    ]);
    assert_eq!(
        file(
            &p,
            "src/types.ts",
            "import { define } from './utilities'\nexport const a = define('a')\n"
        ),
        vec![
            "arity-mismatch src/types.ts:2 'define' needs at least 2 argument(s) but 1 were given"
        ]
    );
    assert_eq!(
        file(
            &p,
            "examples/basic.js",
            "import { string } from 'superstruct'\nconst s = string(5)\nexport default s\n"
        ),
        vec![
            "arity-mismatch examples/basic.js:2 'string' takes at most 0 argument(s) but 1 were given"
        ]
    );
}

#[test]
fn a_relative_import_into_node_modules_is_not_judged() {
    // markdown-it's benchmarks import a package installed in a subfolder.
    let p = package("markdown-it", &[]);
    let body = "import { marked } from '../../extra/node_modules/marked/lib/marked.esm.js'\n\
                import { gone } from './missing.js'\n\
                export default [marked, gone]\n";
    assert_eq!(
        file(&p, "benchmark/implementations/marked/index.mjs", body),
        vec![
            "unknown-import benchmark/implementations/marked/index.mjs:2 cannot find module './missing.js'"
        ]
    );
    // Where they are installed, the disk says.
    let p = package(
        "markdown-it",
        &[(
            "extra/node_modules/marked/lib/marked.esm.js",
            "export const marked = 1;\n",
        )],
    );
    let body = "import { marked } from '../../../extra/node_modules/marked/lib/marked.esm.js'\n\
                import { gone } from '../../../extra/node_modules/marked/lib/marked.gone.js'\n\
                export default [marked, gone]\n";
    assert_eq!(
        file(&p, "benchmark/implementations/marked/index.mjs", body),
        vec![
            "unknown-import benchmark/implementations/marked/index.mjs:2 cannot find module '../../../extra/node_modules/marked/lib/marked.gone.js'"
        ]
    );
}

#[test]
fn a_class_handed_to_a_registration_or_captured_in_a_stack_stays_closed() {
    // postcss: `Error.captureStackTrace(this, CssSyntaxError)`, and
    // `terminalHighlight.registerInput(Input)` of a function that only
    // stores what it is given.
    let highlight = "let Input\nfunction registerInput(dependant) {\n  Input = dependant\n}\n\
                     function highlight(css) {\n  return new Input(css).css\n}\n\
                     highlight.registerInput = registerInput\nmodule.exports = highlight\n";
    let body = "const terminalHighlight = require('./terminal-highlight')\n\
                class Input extends Error {\n  constructor(css) {\n    super(css)\n    Error.captureStackTrace(this, Input)\n    this.css = css\n  }\n\
                  fromOffset(offset) {\n    return offset\n  }\n\
                  origin(offset) {\n    return this.fromOffsets(offset) + this.fromOffset(offset)\n  }\n}\n\
                terminalHighlight.registerInput(Input)\nmodule.exports = Input\n";
    let p = package("postcss", &[("lib/terminal-highlight.js", highlight)]);
    assert_eq!(
        file(&p, "lib/input.js", body),
        vec!["unknown-symbol lib/input.js:12 'this' has no member 'fromOffsets'"]
    );
    // A function that does more with the class may add members.
    let patching = highlight.replace(
        "Input = dependant\n",
        "Input = dependant\n  dependant.prototype.x = 1\n",
    );
    let p = package("postcss", &[("lib/terminal-highlight.js", &patching)]);
    assert_eq!(file(&p, "lib/input.js", body), Vec::<String>::new());
}

#[test]
fn an_object_made_with_a_classes_prototype_adds_no_members() {
    // postcss's fromJSON: `{ ...input, __proto__: Input.prototype }`.
    let input = "class Input {\n  fromOffset(offset) {\n    return offset\n  }\n\
                 origin(offset) {\n    return this.fromOffsets(offset)\n  }\n}\nmodule.exports = Input\n";
    let from_json = "const Input = require('./input')\n\
                     module.exports = function fromJSON(json) {\n  return { ...json, __proto__: Input.prototype }\n}\n";
    let p = package("postcss", &[("lib/fromJSON.js", from_json)]);
    assert_eq!(
        file(&p, "lib/input.js", input),
        vec!["unknown-symbol lib/input.js:6 'this' has no member 'fromOffsets'"]
    );
}

#[test]
fn an_undeclared_package_other_files_import_is_the_projects_usage() {
    // busboy's benchmarks compare it with packages installed by hand.
    let p = package(
        "busboy",
        &[(
            "bench/big.js",
            "const { MultipartParser } = require('formidable');\nmodule.exports = MultipartParser;\n",
        )],
    );
    let body = "const qs = require('formidable/src/parsers/Querystring.js');\n\
                const parse = require('formidablee');\nmodule.exports = [qs, parse];\n";
    assert_eq!(
        file(&p, "bench/small.js", body),
        vec![
            "undeclared-package bench/small.js:2 package 'formidablee' is not declared in package.json (and not installed)"
        ]
    );
}

#[test]
fn a_functions_locals_are_not_its_statics() {
    // convict: `const convict = function convict(def) { … const
    // fillErrorBuffer = function … }` then `convict.addFormat = function
    // …`, which the adapter does not record for a function expression:
    // nothing is decided.
    let body = "const convict = function convict(def) {\n  if (def) {\n    const fill = function (e) { return e; };\n    return fill(def);\n  }\n};\n\
                convict.addFormat = function (name) {\n  return name;\n};\n\
                convict.addFormats = function (formats) {\n  formats.forEach((f) => convict.addFormat(f));\n};\n\
                module.exports = convict;\n";
    let p = package("convict", &[]);
    assert_eq!(file(&p, "src/main.js", body), Vec::<String>::new());
}

#[test]
fn a_base_required_inline_is_read() {
    // nedb: `util.inherits(Datastore, require('events').EventEmitter)`.
    let body = "var util = require('util');\n\
                function Datastore(options) {\n  this.options = options;\n}\n\
                util.inherits(Datastore, require('events').EventEmitter);\n\
                Datastore.prototype.getAllData = function () {\n  return [];\n};\n\
                Datastore.prototype.load = function () {\n  this.emit('loaded', this.getAllData());\n  return this.get_all_data();\n};\n\
                module.exports = Datastore;\n";
    let p = package("nedb", &[]);
    assert_eq!(
        file(&p, "lib/datastore.js", body),
        vec!["unknown-symbol lib/datastore.js:11 'this' has no member 'get_all_data'"]
    );
}

#[test]
fn an_undeclared_package_a_change_adds_to_two_files_is_still_new() {
    let p = package("busboy", &[]);
    let r = p.check_files(&[
        (
            "bench/a.js",
            "const x = require('formidablee');\nmodule.exports = x;\n",
        ),
        (
            "bench/b.js",
            "const y = require('formidablee');\nmodule.exports = y;\n",
        ),
    ]);
    assert_eq!(
        project::summary(&r),
        vec![
            "undeclared-package bench/a.js:1 package 'formidablee' is not declared in package.json (and not installed)",
            "undeclared-package bench/b.js:1 package 'formidablee' is not declared in package.json (and not installed)",
        ]
    );
}

#[test]
fn statics_copied_from_another_module_are_the_functions() {
    // picomatch's index.js: `Object.assign(picomatch, pico)` of
    // `const pico = require('./lib/picomatch')`, whose value is a function
    // with statics.
    let lib = "const scan = require('./scan');\nconst picomatch = (glob) => glob;\n\
               picomatch.scan = (input) => scan(input);\npicomatch.parse = (p) => p;\nmodule.exports = picomatch;\n";
    let index = "const pico = require('./lib/picomatch');\n\
                 function picomatch(glob) {\n  return pico(glob);\n}\n\
                 Object.assign(picomatch, pico);\nmodule.exports = picomatch;\n";
    let p = package(
        "picomatch",
        &[
            ("lib/scan.js", "module.exports = (input) => input;\n"),
            ("lib/picomatch.js", lib),
            ("index.js", index),
        ],
    );
    let body = "const pm = require('..');\nconsole.log(pm.scan('a/*'), pm.parse('b'));\nconsole.log(pm.scans('a/*'));\n";
    assert_eq!(
        file(&p, "examples/scan.js", body),
        vec!["unknown-symbol examples/scan.js:3 'pm' has no member 'scans'"]
    );
    // A source the text cannot read leaves it open.
    let open = index.replace(
        "Object.assign(picomatch, pico);",
        "Object.assign(picomatch, pico, makeMore());",
    );
    let p = package(
        "picomatch",
        &[
            ("lib/scan.js", "module.exports = (input) => input;\n"),
            ("lib/picomatch.js", lib),
            ("index.js", &open),
        ],
    );
    assert_eq!(file(&p, "examples/scan.js", body), Vec::<String>::new());
}

#[test]
fn prototype_methods_named_by_a_loop_over_a_string_array_are_known() {
    // nconf's Provider: `['argv', 'env'].forEach(function (type) {
    // Provider.prototype[type] = function () {…} })`.
    let body = "var Provider = exports.Provider = function (options) {\n  this.stores = options;\n};\n\
                ['argv', 'env'].forEach(function (type) {\n  Provider.prototype[type] = function () {\n    return this.add(type);\n  };\n});\n\
                Provider.prototype.add = function (name) {\n  return this.stores[name];\n};\n\
                Provider.prototype.load = function () {\n  this.argv();\n  return this.envs();\n};\n";
    let p = package("nconf", &[]);
    assert_eq!(
        file(&p, "lib/nconf/provider.js", body),
        vec!["unknown-symbol lib/nconf/provider.js:14 'this' has no member 'envs'"]
    );
    // Keys from anything else stay open.
    let open = body.replace("['argv', 'env'].forEach", "types.forEach");
    assert_eq!(
        file(&p, "lib/nconf/provider.js", &open),
        Vec::<String>::new()
    );
}

#[test]
fn a_umd_module_is_the_value_its_factory_returns() {
    // TinyColor's CommonJS build, as rollup writes it.
    let lib = "(function (global, factory) {\n  typeof exports === 'object' && typeof module !== 'undefined' ? module.exports = factory() :\n\
               typeof define === 'function' && define.amd ? define(factory) :\n\
               (global = typeof globalThis !== 'undefined' ? globalThis : global || self, global.tinycolor = factory());\n\
               })(this, (function () { 'use strict';\n\
               function tinycolor(color, opts) {\n    return { color, opts };\n  }\n\
               tinycolor.prototype = {\n    toHex: function () {\n      return '';\n    },\n  };\n\
               tinycolor.equals = function (a, b) {\n    return a === b;\n  };\n\
               tinycolor.readability = function (a, b) {\n    return a.length - b.length;\n  };\n\
               return tinycolor;\n\n}));\n";
    let p = package("tinycolor", &[("lib/tinycolor.js", lib)]);
    let body = "const tinycolor = require('./tinycolor.js');\n\
                tinycolor.equals('red', 'red');\n\
                tinycolor.readabilities('#000', '#fff');\n\
                tinycolor.readability('#000');\n";
    assert_eq!(
        file(&p, "lib/test.js", body),
        vec!["unknown-symbol lib/test.js:3 'tinycolor' has no member 'readabilities'"]
    );
}

#[test]
fn an_empty_exports_object_filled_by_name_has_those_keys() {
    // nunjucks' lib.js: `var exports = module.exports = {};`.
    let lib = "var exports = module.exports = {};\n\
               function isString(obj) {\n  return typeof obj === 'string';\n}\n\
               exports.isString = isString;\n";
    let p = package("nunjucks", &[("lib/lib.js", lib)]);
    let body = "var lib = require('./lib');\n\
                module.exports = function (s) {\n  return lib.isString(s) || lib.checkString(s);\n};\n";
    assert_eq!(
        file(&p, "lib/filters.js", body),
        // (Read as the literal `{}` and the keys written onto it by name.)
        vec!["unknown-symbol lib/filters.js:3 'lib' has no member 'checkString'"]
    );
}

#[test]
fn an_anonymous_function_module_has_the_keys_it_writes_also_in_a_loop() {
    // needle: `module.exports = function () {…}`, then methods by name and
    // over `'head get'.split(' ')`.
    let lib = "function Needle(method, uri) {\n  this.method = method;\n  this.uri = uri;\n}\n\
               module.exports = function () {\n  return new Needle('get', arguments[0]);\n};\n\
               module.exports.version = '3.0.0';\n\
               module.exports.defaults = function (obj) {\n  return obj;\n};\n\
               'head get'.split(' ').forEach(function (method) {\n\
               module.exports[method] = function (uri) {\n    return new Needle(method, uri);\n  };\n});\n";
    // (Another module's own `module.exports.find = …` adds nothing to it.)
    let p = package(
        "needle",
        &[
            ("lib/needle.js", lib),
            (
                "lib/search.js",
                "module.exports.find = function (x) {\n  return x;\n};\nmodule.exports.find(1);\n",
            ),
        ],
    );
    let body = "var needle = require('./needle');\n\
                needle.get('https://example.com');\n\
                needle.head('https://example.com');\n\
                needle.defaults({});\n\
                needle.find('https://example.com');\n";
    assert_eq!(
        file(&p, "lib/example.js", body),
        vec!["unknown-symbol lib/example.js:5 'needle' has no member 'find'"]
    );
    // Keys from any other computed name are unknown.
    let open = lib.replace("'head get'.split(' ')", "methods");
    let p = package("needle", &[("lib/needle.js", &open)]);
    assert_eq!(file(&p, "lib/example.js", body), Vec::<String>::new());
}

#[test]
fn a_module_whose_value_is_a_method_of_an_empty_literal_is_no_empty_object() {
    // mithril's util/hasOwn.js: `module.exports = {}.hasOwnProperty`.
    let p = package(
        "mithril",
        &[(
            "util/hasOwn.js",
            "\"use strict\"\n\nmodule.exports = {}.hasOwnProperty\n",
        )],
    );
    let body = "var hasOwn = require('./hasOwn')\nmodule.exports = function (o, k) {\n  return hasOwn.call(o, k)\n}\n";
    assert_eq!(file(&p, "util/censor.js", body), Vec::<String>::new());
}

#[test]
fn keys_another_module_hangs_on_an_exported_function_are_its_members() {
    // mithril: render/hyperscript.js exports the function, the root
    // hyperscript.js adds `trust` to it.
    let p = package(
        "mithril",
        &[
            (
                "render/hyperscript.js",
                "function hyperscript(selector) {\n  return { selector };\n}\nhyperscript.fragment = function () {};\nmodule.exports = hyperscript;\n",
            ),
            (
                "render/trust.js",
                "module.exports = function (html) {\n  return html;\n};\n",
            ),
            (
                "hyperscript.js",
                "var hyperscript = require('./render/hyperscript');\nhyperscript.trust = require('./render/trust');\nmodule.exports = hyperscript;\n",
            ),
        ],
    );
    let body = "var m = require('../render/hyperscript');\nm.trust('<b>');\nm.fragment();\nm.trusts('<b>');\n";
    assert_eq!(
        file(&p, "tests/test-component.js", body),
        vec!["unknown-symbol tests/test-component.js:4 'm' has no member 'trusts'"]
    );
}
