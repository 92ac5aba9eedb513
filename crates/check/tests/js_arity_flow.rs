//! JavaScript arity where an argument's use is read through the code: an
//! argument handed on to another file's function or to a base constructor
//! (`Base.call(this, a, b)`), used as a key (`obj[name]`, `name in obj`),
//! or dereferenced after a test of its type; a call after a statement that
//! ends in `)`; `this` in a class field's function; and which of the
//! project's other calls speak for the function (not those of another
//! function of the same name). Each test indexes a temporary project and
//! asserts the exact findings.

mod project;

use project::{file, shop};

const UTIMES: &str = "const fs = require('fs');\n\
                      function utimesSync(path, atime, mtime) {\n  \
                      const fd = fs.openSync(path, 'r+');\n  fs.futimesSync(fd, atime, mtime);\n}\n\
                      module.exports = { utimesSync };\n";

#[test]
fn an_argument_handed_to_another_files_function_that_needs_it_is_needed() {
    // fs-extra's `setDestTimestamps(src, dest)` hands `dest` to
    // `utimesSync`, whose `fs.openSync(path)` throws without it.
    let p = shop(&[("lib/utimes.js", UTIMES)]);
    let body = "const utimesSync = require('./utimes').utimesSync;\n\
                function setTimes(src, dest) {\n  \
                console.log(src);\n  return utimesSync(dest, 1, 2);\n}\n\
                setTimes('a', 'b');\n\
                setTimes('a');\n";
    assert_eq!(
        file(&p, "lib/copy.js", body),
        vec![
            "arity-mismatch lib/copy.js:7 'setTimes' needs at least 2 argument(s) but 1 were given"
        ]
    );
    // Handed to a function that only stores it: tolerated, no finding.
    let p = shop(&[(
        "lib/keep.js",
        "function keep(x) {\n  this.kept = x;\n}\nmodule.exports = { keep };\n",
    )]);
    let body = "const { keep } = require('./keep');\n\
                function store(src, dest) {\n  return keep(dest);\n}\n\
                store('a');\n";
    assert_eq!(file(&p, "lib/copy.js", body), Vec::<String>::new());
}

#[test]
fn an_argument_handed_to_a_base_through_call_this_is_read_there() {
    let body = "function Pool(options, size) {\n  this.limit = options.limit + size;\n}\n\
                function FlatMap(source, options) {\n  Pool.call(this, options, 1);\n  this.source = source;\n}\n\
                new FlatMap(1, { limit: 2 });\n\
                new FlatMap(1);\n";
    assert_eq!(
        file(&shop(&[]), "src/flat.js", body),
        vec![
            "arity-mismatch src/flat.js:9 'FlatMap' needs at least 2 argument(s) but 1 were given"
        ]
    );
}

#[test]
fn a_call_after_a_statement_ending_in_a_paren_is_still_read() {
    // fs-extra's `fs.mkdirSync(dest)⏎  copyDir(src, dest, opts)`.
    let body = "function copyDir(src, opts) {\n  return opts.filter(src);\n}\n\
                function mkDirAndCopy(src, dest, opts) {\n  \
                record(dest)\n  copyDir(src, opts)\n}\n\
                function record(x) {\n  return x;\n}\n\
                mkDirAndCopy('a', 'b', {});\n\
                mkDirAndCopy('a', 'b');\n";
    assert_eq!(
        file(&shop(&[]), "src/copy.js", body),
        vec![
            "arity-mismatch src/copy.js:12 'mkDirAndCopy' needs at least 3 argument(s) but 2 were given"
        ]
    );
}

#[test]
fn a_key_and_a_value_compared_with_another_are_needed() {
    let body = "function find(arr, value) {\n  \
                for (let i = 0; i < arr.length; i++) {\n    if (arr[i] === value) return i;\n  }\n  return -1;\n}\n\
                function get(name) {\n  return this.attributes[name];\n}\n\
                function has(name) {\n  return name in this.attributes;\n}\n\
                function wrap(name) {\n  return [name];\n}\n\
                find([1]);\n\
                get();\n\
                has();\n\
                wrap();\n";
    assert_eq!(
        file(&shop(&[]), "src/keys.js", body),
        vec![
            "arity-mismatch src/keys.js:16 'find' needs at least 2 argument(s) but 1 were given",
            "arity-mismatch src/keys.js:17 'get' needs at least 1 argument(s) but 0 were given",
            "arity-mismatch src/keys.js:18 'has' needs at least 1 argument(s) but 0 were given",
        ]
    );
}

#[test]
fn a_value_only_told_apart_by_inequality_may_be_left_out() {
    // jQuery's `siblings(n, elem)` keeps every node `!== elem`: all of
    // them when `elem` is left out (`children` calls it so).
    let body = "function siblings(n, elem) {\n  var matched = [];\n  \
                for (; n; n = n.nextSibling) {\n    if (n.nodeType === 1 && n !== elem) matched.push(n);\n  }\n  \
                return matched;\n}\n\
                function same(a, b) {\n  return a.id === b;\n}\n\
                siblings(document.body.firstChild);\n\
                same(document.body);\n";
    assert_eq!(
        file(&shop(&[]), "src/traversing.js", body),
        vec![
            "arity-mismatch src/traversing.js:12 'same' needs at least 2 argument(s) but 1 were given"
        ]
    );
}

#[test]
fn a_dereference_after_a_type_test_needs_the_argument_unless_guarded() {
    // fast-xml-parser's `_addChildTo(key, val, node)`.
    let body = "function addChild(key, node) {\n  \
                if (typeof node === 'string') node = {};\n  \
                if (!node[key]) node[key] = 1;\n  return node;\n}\n\
                function call(cb) {\n  if (typeof cb === 'function') cb();\n}\n\
                function early(o) {\n  if (typeof o !== 'object') return;\n  o.x = 1;\n}\n\
                addChild('k');\n\
                call();\n\
                early();\n";
    assert_eq!(
        file(&shop(&[]), "src/nodes.js", body),
        vec![
            "arity-mismatch src/nodes.js:13 'addChild' needs at least 2 argument(s) but 1 were given"
        ]
    );
}

#[test]
fn this_in_a_class_fields_function_is_the_instance() {
    let body = "class Parser {\n  \
                addText = function () {\n    return this.replace(this.text, 1);\n  };\n  \
                replace(text) {\n    return text.trim();\n  }\n}\n\
                module.exports = Parser;\n";
    assert_eq!(
        file(&shop(&[]), "src/parser.js", body),
        vec![
            "arity-mismatch src/parser.js:3 'replace' takes at most 1 argument(s) but 2 were given"
        ]
    );
}

#[test]
fn calls_of_another_function_of_the_same_name_do_not_speak_for_it() {
    // fast-xml-parser: validator.js's `isName(x)` is util.js's; another
    // file's `isName(x, opts)` is `xml-naming`'s `qName`.
    let p = project::Proj::new(&[
        (
            "package.json",
            r#"{"name": "x", "dependencies": {"xml-naming": "^1.0.0"}}"#,
        ),
        (
            "src/util.js",
            "export const isName = function (string) {\n  return /^a/.test(string);\n};\n",
        ),
        (
            "src/doctype.js",
            "import { qName as isName } from 'xml-naming';\nexport function ok(n) {\n  return isName(n, { v: 1 });\n}\n",
        ),
        (
            "src/own.js",
            "function isName(a, b) {\n  return a === b;\n}\nexport const two = isName(1, 2);\n",
        ),
    ]);
    let body = "import { isName } from './util.js';\nexport function valid(n) {\n  return isName(n, 1);\n}\n";
    assert_eq!(
        file(&p, "src/validator.js", body),
        vec![
            "arity-mismatch src/validator.js:3 'isName' takes at most 1 argument(s) but 2 were given"
        ]
    );
    // Calls through the package's own name (an alias onto the project) do.
    let p = project::Proj::new(&[
        ("package.json", r#"{"name": "x"}"#),
        (
            "src/util.js",
            "export function isName(string) {\n  return /^a/.test(string);\n}\n",
        ),
        (
            "src/doctype.js",
            "import { isName } from './util.js';\nexport const ok = isName('a', { v: 1 });\n",
        ),
    ]);
    assert_eq!(file(&p, "src/validator.js", body), Vec::<String>::new());
}

#[test]
fn an_order_with_another_value_and_the_object_of_in_are_needed() {
    let body = "function iterate(obj, index, length) {\n  \
                for (; index < length; index += 1) obj.push(index);\n}\n\
                function limited(items, limit) {\n  return limit > 0 ? items.slice(0, limit) : items;\n}\n\
                function hasArgv(obj) {\n  return 'argv' in obj;\n}\n\
                function keys(obj) {\n  const out = [];\n  for (const k in obj) out.push(k);\n  return out;\n}\n\
                iterate([], 0);\n\
                limited([1]);\n\
                hasArgv();\n\
                keys();\n";
    assert_eq!(
        file(&shop(&[]), "src/order.js", body),
        vec![
            "arity-mismatch src/order.js:15 'iterate' needs at least 3 argument(s) but 2 were given",
            "arity-mismatch src/order.js:17 'hasArgv' needs at least 1 argument(s) but 0 were given",
        ]
    );
}

#[test]
fn an_argument_parsed_as_json_is_needed() {
    // bee-queue's `Job.fromData(queue, jobId, data)`.
    let body = "function fromData(queue, data) {\n  data = JSON.parse(data);\n  return queue + data.id;\n}\n\
                fromData(1);\n";
    assert_eq!(
        file(&shop(&[]), "src/job.js", body),
        vec![
            "arity-mismatch src/job.js:5 'fromData' needs at least 2 argument(s) but 1 were given"
        ]
    );
}

#[test]
fn one_stale_test_call_passing_more_is_no_convention() {
    // node-gyp: `download(gyp, url)` everywhere, and one test's
    // `download(gyp, {}, 'http://bad/')`.
    let lib = "async function download(gyp, url) {\n  return gyp.fetch(url);\n}\nmodule.exports = download;\n";
    let calls = "const download = require('../lib/download');\n\
                 download(gyp, 'a');\ndownload(gyp, 'b');\ndownload(gyp, 'c');\n";
    let stale = "const download = require('../lib/download');\n\
                 it('fails', async () => {\n  try {\n    await download(gyp, {}, 'http://bad/');\n  } catch (e) {}\n});\n";
    let body = "const download = require('./download');\ndownload(gyp, 'x', 'y');\n";
    let p = shop(&[
        ("lib/download.js", lib),
        ("lib/install.js", calls),
        ("test/download.js", stale),
    ]);
    assert_eq!(
        file(&p, "lib/fetch.js", body),
        vec![
            "arity-mismatch lib/fetch.js:2 'download' takes at most 2 argument(s) but 3 were given"
        ]
    );
    // The shipped code passing more (knex's `wrapString(…, this.formatter)`)
    // is a use the function has.
    let p = shop(&[
        ("lib/download.js", lib),
        (
            "lib/install.js",
            &calls.replace("download(gyp, 'c')", "download(gyp, 'c', 1)"),
        ),
    ]);
    assert_eq!(file(&p, "lib/fetch.js", body), Vec::<String>::new());
}

#[test]
fn a_function_that_shifts_its_arguments_takes_the_shorter_call() {
    // pm2's `launchDaemon(opts, cb)`, called as `launchDaemon(cb)`.
    let client = |shift: &str| {
        format!(
            "function Client() {{}}\n\
             Client.prototype.launchDaemon = function (opts, cb) {{\n  \
             if (typeof opts == 'function') {{\n    {shift}\n  }}\n  \
             return cb ? cb(null, opts) : false;\n}};\n\
             Client.prototype.start = function () {{\n  \
             this.launchDaemon({{}}, function () {{}});\n  \
             this.launchDaemon({{ a: 1 }}, function () {{}});\n}};\n\
             Client.prototype.boot = function () {{\n  \
             this.launchDaemon(function () {{}});\n}};\n\
             module.exports = Client;\n"
        )
    };
    // The index holds the file without `boot`: its calls pass both.
    let indexed = |shift: &str| client(shift).replace("this.launchDaemon(function () {});", "");
    let shifted = "cb = opts;\n    opts = {};";
    let p = shop(&[("lib/client.js", &indexed(shifted))]);
    assert_eq!(
        file(&p, "lib/client.js", &client(shifted)),
        Vec::<String>::new()
    );
    // An assignment under another test is no shift (ssh2's `if (autoReject)
    // { allowed = input; }`).
    let other_test = client(shifted).replace("typeof opts == 'function'", "opts.reset");
    let p = shop(&[(
        "lib/client.js",
        &indexed(shifted).replace("typeof opts == 'function'", "opts.reset"),
    )]);
    assert_eq!(
        file(&p, "lib/client.js", &other_test),
        vec![
            "arity-mismatch lib/client.js:14 'launchDaemon' takes 2 argument(s) but 1 were given; \
             it runs without 'cb', but every other call in the project passes it"
        ]
    );
    // Without the shift, the project's calls all pass both.
    let p = shop(&[("lib/client.js", &indexed("opts = {};"))]);
    assert_eq!(
        file(&p, "lib/client.js", &client("opts = {};")),
        vec![
            "arity-mismatch lib/client.js:13 'launchDaemon' takes 2 argument(s) but 1 were given; \
             it runs without 'cb', but every other call in the project passes it"
        ]
    );
}

#[test]
fn a_function_calling_itself_short_is_no_slip_from_convention() {
    // blessed's `setMouse(opt, enable)` calls `this.setMouse(opt)`.
    let program = |inner: &str| {
        format!(
            "function Program() {{}}\n\
             Program.prototype.setMouse = function (opt, enable) {{\n  \
             if (enable === true) {{\n    {inner}\n  }}\n  return opt;\n}};\n\
             Program.prototype.enable = function () {{\n  \
             this.setMouse({{ a: 1 }}, true);\n  this.setMouse({{ b: 1 }}, false);\n  \
             this.setMouse({{ c: 1 }}, true);\n}};\n\
             module.exports = Program;\n"
        )
    };
    let p = shop(&[("lib/program.js", &program(""))]);
    assert_eq!(
        file(&p, "lib/program.js", &program("this.setMouse(opt);")),
        Vec::<String>::new()
    );
    // Called so from another method, the short call is a slip.
    let elsewhere = program("").replace(
        "  this.setMouse({ c: 1 }, true);\n",
        "  this.setMouse({ c: 1 }, true);\n  this.setMouse({ d: 1 });\n",
    );
    assert_eq!(
        file(&p, "lib/program.js", &elsewhere),
        vec![
            "arity-mismatch lib/program.js:12 'setMouse' takes 2 argument(s) but 1 were given; \
             it runs without 'enable', but every other call in the project passes it"
        ]
    );
}

#[test]
fn a_condition_comparing_the_value_is_no_test_of_it() {
    // pm2's `formatFileSize(bytes)`: `if (bytes < 1024) return bytes + 'B'`
    // uses the number; `if (bytes)` would only test it.
    let lib = |cond: &str| {
        format!(
            "function formatFileSize(bytes) {{\n  if ({cond}) return bytes + 'B';\n  \
             return (bytes / 1024).toFixed(1) + 'K';\n}}\nmodule.exports = formatFileSize;\n"
        )
    };
    let body = "const formatFileSize = require('./size');\nformatFileSize();\n";
    let p = shop(&[("lib/size.js", &lib("bytes < 1024"))]);
    assert_eq!(
        file(&p, "lib/serve.js", body),
        vec![
            "arity-mismatch lib/serve.js:2 'formatFileSize' needs at least 1 argument(s) but 0 were given"
        ]
    );
    let p = shop(&[("lib/size.js", &lib("!bytes"))]);
    assert_eq!(file(&p, "lib/serve.js", body), Vec::<String>::new());
}

#[test]
fn a_type_dispatch_that_throws_otherwise_needs_the_argument() {
    // turndown's `use(plugin)`.
    let lib = |last: &str| {
        format!(
            "function use(plugin) {{\n  if (Array.isArray(plugin)) {{\n    plugin.forEach(use);\n  }} \
             else if (typeof plugin === 'function') {{\n    plugin(this);\n  }} else {{\n    {last}\n  }}\n  \
             return this;\n}}\nmodule.exports = use;\n"
        )
    };
    let body = "const use = require('./use');\nuse();\n";
    let p = shop(&[(
        "lib/use.js",
        &lib("throw new TypeError('plugin must be a function');"),
    )]);
    assert_eq!(
        file(&p, "lib/main.js", body),
        vec!["arity-mismatch lib/main.js:2 'use' needs at least 1 argument(s) but 0 were given"]
    );
    let p = shop(&[("lib/use.js", &lib("return null;"))]);
    assert_eq!(file(&p, "lib/main.js", body), Vec::<String>::new());
}

#[test]
fn the_last_operand_of_a_condition_tests_the_argument() {
    // vorpal's `onComplete`: `if (this.session.isLocal() && err) {…}`.
    let run = |cond: &str| {
        format!(
            "function run(session) {{\n  const onComplete = (err) => {{\n    \
             if ({cond}) {{\n      console.log(err.stack);\n    }}\n  }};\n  onComplete();\n}}\n\
             module.exports = run;\n"
        )
    };
    let p = shop(&[]);
    assert_eq!(
        file(&p, "run.js", &run("session.local && err")),
        Vec::<String>::new()
    );
    // A test of a member reads it first.
    assert_eq!(
        file(&p, "run.js", &run("session.local && err.stack")),
        vec!["arity-mismatch run.js:7 'onComplete' needs at least 1 argument(s) but 0 were given"]
    );
}

#[test]
fn extra_arguments_to_a_method_on_this_are_judged_by_calls_on_this_only() {
    // webtorrent's `Peer#handshake()` beside `this.wire.handshake(infoHash,
    // peerId, opts)`, the wire's method of the same name.
    let peer = |args: &str| {
        format!(
            "class Peer {{\n  onConnect () {{\n    this.wire.handshake(this.infoHash, this.peerId, {{}})\n    \
             this.handshake({args})\n  }}\n\n  handshake () {{\n    this.sent = true\n  }}\n}}\n\
             module.exports = Peer\n"
        )
    };
    let p = shop(&[]);
    assert_eq!(
        file(&p, "lib/peer.js", &peer("undefined")),
        vec![
            "arity-mismatch lib/peer.js:4 'handshake' takes at most 0 argument(s) but 1 were given"
        ]
    );
    assert_eq!(file(&p, "lib/peer.js", &peer("")), Vec::<String>::new());
}

#[test]
fn a_function_variable_given_another_function_takes_either() {
    // Modernizr's `var warn = function() {}` replaced, when a console
    // exists, by one that passes on its `arguments`.
    let load = |reassign: &str| {
        format!(
            "var warn = function() {{}};\n\
             if (typeof console !== 'undefined') {{\n  {reassign}\n}}\n\
             warn('yepnope is no longer included');\nmodule.exports = warn;\n"
        )
    };
    let p = shop(&[]);
    assert_eq!(
        file(
            &p,
            "load.js",
            &load("warn = function() {\n    console.warn.apply(console, arguments);\n  };")
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "load.js", &load("console.log('ready');")),
        vec!["arity-mismatch load.js:5 'warn' takes at most 0 argument(s) but 1 were given"]
    );
}
