//! The JavaScript/TypeScript arity rules end to end on small real-looking
//! projects: TypeScript's declared parameters, and for JavaScript which
//! parameters a body needs, tolerates or marks optional, hooks, overloads,
//! the project's own calls and calls meant to throw. Each test indexes a
//! temporary directory, checks files and asserts the exact findings.

mod project;

use project::{file, shop};

#[test]
fn typescript_arity_rules() {
    let p = shop(&[]);
    let body = r#"export function parse(text: string): number;
export function parse(text: string, radix: number): number;
export function parse(text: string, radix?: number): number {
  return radix ? Number.parseInt(text, radix) : Number(text);
}
function rest(first: string, ...more: string[]): string {
  return first + more.join('');
}
function withThis(this: Window, a: number): number {
  return a;
}
function done(value: void): void {}
const toDraft: <T>(value: T) => T[] = (x) => [x];
export function maxDate(date: unknown, maxDate: () => Date): boolean {
  return date instanceof Date && date <= maxDate();
}
const api = {
  get(url: string) { return url; },
  post: (url: string, body: unknown) => url,
};

parse('1');
parse('1', 10);
parse('1', 10, 3);
parse();
rest('a', 'b', 'c');
rest();
withThis.call(window, 1);
done();
api.get('x');
api.gett('x');
api.post('u', 1);
toDraft(1, 2);
"#;
    assert_eq!(
        file(&p, "src/arity.ts", body),
        vec![
            "arity-mismatch src/arity.ts:24 no overload of 'parse' takes at most 2 argument(s) but 3 were given",
            "arity-mismatch src/arity.ts:25 no overload of 'parse' needs at least 1 argument(s) but 0 were given",
            "arity-mismatch src/arity.ts:27 'rest' needs at least 1 argument(s) but 0 were given",
            "unknown-symbol src/arity.ts:31 'api' has no member 'gett'",
            "arity-mismatch src/arity.ts:33 'toDraft' takes at most 1 argument(s) but 2 were given",
        ]
    );
}

#[test]
fn javascript_arity_needs_what_the_body_uses() {
    let p = shop(&[]);
    let body = r#"export function format(user, opts) {
  return user.name + (opts ? opts.suffix : '');
}
function log(message, level) {
  console.log(level, message.trim());
}
function sum() {
  let t = 0;
  for (const x of arguments) t += x;
  return t;
}
format();
format({name: 'a'});
format({name: 'a'}, {}, 3);
log('x');
sum(1, 2, 3);
"#;
    assert_eq!(
        file(&p, "lib/format.js", body),
        vec![
            "arity-mismatch lib/format.js:12 'format' needs at least 1 argument(s) but 0 were given",
            "arity-mismatch lib/format.js:14 'format' takes at most 2 argument(s) but 3 were given",
        ]
    );
}

#[test]
fn javascript_arity_counts_uses_that_throw_on_a_missing_argument() {
    let p = shop(&[]);
    let body = r#"const cleanTemplate = template => template
  .replace(/\n +/g, '\n')
  .trim();
function classCallCheck(instance, Constructor) {
  if (!(instance instanceof Constructor)) throw new TypeError('not a class');
}
const deduplicate = (authors) => {
  const out = {};
  for (const [email, user] of Object.entries(authors)) out[user.login] = email;
  return out;
};
function total(list, extra) {
  let t = extra;
  for (const x of list) t += x;
  return t;
}
function assign(a, b) {
  const {points, ...rest} = b;
  return [a, points, rest];
}
function render({title, body}) {
  return title + body;
}
function wrap(inner, opts) {
  return [inner, opts];
}
function keys(obj, fallback) {
  return Object.keys(obj || fallback);
}
cleanTemplate();
classCallCheck(this);
deduplicate();
total();
total([1]);
assign({});
render();
wrap(1);
keys({});
"#;
    assert_eq!(
        file(&p, "bin/tools.js", body),
        vec![
            "arity-mismatch bin/tools.js:30 'cleanTemplate' needs at least 1 argument(s) but 0 were given",
            "arity-mismatch bin/tools.js:31 'classCallCheck' needs at least 2 argument(s) but 1 were given",
            "arity-mismatch bin/tools.js:32 'deduplicate' needs at least 1 argument(s) but 0 were given",
            "arity-mismatch bin/tools.js:33 'total' needs at least 1 argument(s) but 0 were given",
            "arity-mismatch bin/tools.js:35 'assign' needs at least 2 argument(s) but 1 were given",
            "arity-mismatch bin/tools.js:36 'render' needs at least 1 argument(s) but 0 were given",
        ]
    );
}

#[test]
fn javascript_arity_a_test_of_a_member_is_no_absence_test() {
    let p = shop(&[]);
    let body = r#"function throwIfCancelled(config) {
  if (config.cancelToken) {
    config.cancelToken.throwIfRequested();
  }
}
const readBlob = async function* (blob) {
  if (blob.stream) {
    yield* blob.stream();
  } else {
    yield blob;
  }
};
function first(list) {
  return !list[0];
}
function kind(value) {
  return typeof value.then;
}
function lenient(opts) {
  if (opts?.verbose) console.log('verbose');
}
function guarded(config) {
  if (!config) return;
  if (config.cancelToken) config.cancelToken.throwIfRequested();
}
throwIfCancelled();
readBlob();
first();
kind();
lenient();
guarded();
"#;
    assert_eq!(
        file(&p, "lib/cancel.js", body),
        vec![
            "arity-mismatch lib/cancel.js:26 'throwIfCancelled' needs at least 1 argument(s) but 0 were given",
            "arity-mismatch lib/cancel.js:27 'readBlob' needs at least 1 argument(s) but 0 were given",
            "arity-mismatch lib/cancel.js:28 'first' needs at least 1 argument(s) but 0 were given",
            "arity-mismatch lib/cancel.js:29 'kind' needs at least 1 argument(s) but 0 were given",
        ]
    );
}

#[test]
fn javascript_arity_a_string_joined_with_a_parameter_needs_it() {
    let p = shop(&[]);
    let body = r#"function formatMessage(opt, desc) {
  return '[v1] Transitional option \'' + opt + '\'' + desc;
}
function accessor(obj, header) {
  return obj.name + header + ":";
}
function add(total, step) {
  return total + step;
}
function bump(count, by) {
  count += by;
  return count + 1;
}
formatMessage('a');
accessor({});
add(1);
bump(1);
"#;
    assert_eq!(
        file(&p, "lib/message.js", body),
        vec![
            "arity-mismatch lib/message.js:14 'formatMessage' needs at least 2 argument(s) but 1 were given",
            "arity-mismatch lib/message.js:15 'accessor' needs at least 2 argument(s) but 1 were given",
        ]
    );
}

#[test]
fn javascript_arity_uses_after_a_reassignment_are_not_the_arguments() {
    let p = shop(&[]);
    let body = r#"function toFlat(source) {
  return Object.assign({}, source);
}
function toFormData(obj, options) {
  options = toFlat(options);
  const dots = options.dots;
  return [obj.x, dots];
}
function trimmed(text) {
  text = text.trim();
  return text.length;
}
function later(list, extra) {
  const n = list.length;
  if (n) extra = {};
  return extra.size;
}
toFormData({});
trimmed();
later([]);
"#;
    // `later([])` throws when `list` is empty, but a reassignment under a
    // condition is not told apart from one that always runs: unjudged.
    assert_eq!(
        file(&p, "lib/form.js", body),
        vec![
            "arity-mismatch lib/form.js:19 'trimmed' needs at least 1 argument(s) but 0 were given",
        ]
    );
}

#[test]
fn javascript_arity_a_parameter_the_jsdoc_documents_is_needed_even_when_passed_on() {
    // `isPlain` only passes `val` on, but its JSDoc documents it (as checkJs
    // would hold it); `stringify` tests `parser` (`parser || JSON.parse`),
    // which keeps it optional whatever the JSDoc says; `wrap` is undocumented,
    // and `join`'s JSDoc documents `a` only (`opts` is named in the prose).
    let p = shop(&[]);
    let body = r#"/**
 * @param {*} val The value to test
 * @returns {boolean}
 */
const isPlain = (val) => kindOf(val) === 'object';
/**
 * @param {any} raw
 * @param {Function} parser
 */
function stringify(raw, parser) {
  return (parser || JSON.parse)(raw);
}
function wrap(inner, opts) {
  return [inner, opts];
}
/**
 * @param {string} a joined with opts
 */
function join(a, opts) {
  return [a, opts];
}
function kindOf(thing) {
  return typeof thing;
}
isPlain();
stringify('x');
wrap(1);
join('x');
"#;
    assert_eq!(
        file(&p, "lib/is.js", body),
        vec!["arity-mismatch lib/is.js:25 'isPlain' needs at least 1 argument(s) but 0 were given"]
    );
}

#[test]
fn leaving_out_a_tolerated_argument_is_judged_by_the_other_calls() {
    // `normalize` survives a missing `header` (`header && …`), so leaving it
    // out runs; the project calls it with one argument everywhere else, so
    // the short call gets a low-confidence warning. `render` is called short
    // elsewhere (by an unchanged file): that is how the project uses it.
    // `once` has a single other call: too little to go by.
    let p = shop(&[
        (
            "lib/norm.js",
            r#"export function normalize(header) {
  return header && String(header).trim();
}
export function render(tpl, flag) {
  return flag ? tpl : '';
}
export function once(tpl, flag) {
  return flag ? tpl : '';
}
export function isBlob(object) {
  return typeof object === 'object' && typeof object.stream === 'function';
}
export function isMissing(value) {
  return typeof value === 'undefined';
}
"#,
        ),
        (
            "lib/a.js",
            r#"import {normalize, render, once, isBlob, isMissing} from './norm.js';
normalize('a');
normalize('b');
render('x');
once('x', true);
isBlob(1);
isBlob(2);
isMissing(1);
isMissing(2);
"#,
        ),
    ]);
    // `typeof object === 'object'` dispatches on the type (a missing
    // argument fails it); `typeof value === 'undefined'` expects absence.
    let body = r#"import {normalize, render, once, isBlob, isMissing} from './norm.js';
export const h = normalize();
export const r = render('y');
export const o = once('y');
export const b = isBlob();
export const m = isMissing();
"#;
    let report = p.check_files(&[("lib/b.js", body)]);
    assert_eq!(
        project::summary(&report),
        vec![
            "arity-mismatch lib/b.js:2 'normalize' takes 1 argument(s) but 0 were given; \
             it runs without 'header', but every other call in the project passes it",
            "arity-mismatch lib/b.js:5 'isBlob' takes 1 argument(s) but 0 were given; \
             it runs without 'object', but every other call in the project passes it",
        ]
    );
    let f = &report.findings[0];
    assert_eq!((f.confidence, f.severity.name()), (0.45, "warning"));
    assert_eq!(
        f.evidence[1],
        "the project's 2 other call(s) to 'normalize' all pass more than 0 argument(s)"
    );
}

#[test]
fn a_short_call_the_project_already_makes_is_how_the_function_is_used() {
    // fastify: the JSDoc documents `serverOptions`, yet the project's tests
    // call `fastify()` everywhere; `build` is never called short.
    let p = shop(&[
        (
            "fastify.js",
            "/**\n * @param {object} serverOptions\n */\nfunction fastify(serverOptions) {\n  return process(serverOptions);\n}\n/**\n * @param {object} opts\n */\nfunction build(opts) {\n  return process(opts);\n}\nfunction process(o) {\n  return o;\n}\nmodule.exports = { fastify, build };\n",
        ),
        (
            "test/a.test.js",
            "const { fastify, build } = require('../fastify');\nfastify();\nbuild({});\n",
        ),
    ]);
    let body = "const { fastify, build } = require('../fastify');\nfastify();\nbuild();\n";
    assert_eq!(
        file(&p, "test/b.test.js", body),
        vec![
            "arity-mismatch test/b.test.js:3 'build' needs at least 1 argument(s) but 0 were given"
        ]
    );
}

#[test]
fn optional_requires_and_calls_asserted_to_throw() {
    // debug: `try { require('supports-color') } catch {}`; winston's tests:
    // `assume(function () { new Profiler(); }).throws(…)`.
    let p = shop(&[(
        "lib/profiler.js",
        "class Profiler {\n  constructor(logger) {\n    if (!logger.log) throw new Error('Logger is required');\n    this.logger = logger;\n  }\n}\nmodule.exports = Profiler;\n",
    )]);
    let body = r#"let colors;
try {
  colors = require('supports-color');
} catch (e) {}
const chalk = require('chalk');
const Profiler = require('./profiler');
assert.throws(() => {
  new Profiler(undefined, 1);
});
new Profiler();
module.exports = { colors, chalk };
"#;
    assert_eq!(
        file(&p, "lib/index.js", body),
        vec![
            "undeclared-package lib/index.js:5 package 'chalk' is not declared in package.json (and not installed)",
            "arity-mismatch lib/index.js:10 'constructor' needs at least 1 argument(s) but 0 were given",
        ]
    );
}

#[test]
fn javascript_arity_a_parameter_the_body_throws_without_is_needed() {
    // body-parser's `if (!defaultType) throw new TypeError(…)`: the function
    // rejects a missing argument, however plainly it tests it.
    let p = shop(&[]);
    let body = r#"function normalizeOptions(options, defaultType) {
  if (!defaultType) {
    throw new TypeError('defaultType must be provided');
  }
  return { type: (options && options.type) || defaultType };
}
function onEnd(stream, callback) {
  if (stream == null || typeof callback !== 'function') throw new TypeError('callback');
  stream.on('end', callback);
}
function pick(value, strict) {
  if (strict && value === undefined) throw new Error('missing');
  if (typeof strict === 'string') throw new Error('flag');
  return value;
}
normalizeOptions({}, 'text/plain');
normalizeOptions({});
onEnd(process.stdin);
pick(1);
module.exports = { normalizeOptions, onEnd, pick };
"#;
    assert_eq!(
        file(&p, "lib/utils.js", body),
        vec![
            "arity-mismatch lib/utils.js:17 'normalizeOptions' needs at least 2 argument(s) but 1 were given",
            "arity-mismatch lib/utils.js:18 'onEnd' needs at least 2 argument(s) but 1 were given",
        ]
    );
}

#[test]
fn hooks_left_empty_or_overridden_take_what_subclasses_take() {
    // Leaflet's `GridLayer`: `createTile() {}` is a hook each layer
    // implements with `(coords, done)`; `_onSettled()` is overridden.
    let p = shop(&[(
        "src/CanvasLayer.js",
        "import { GridLayer } from './GridLayer.js';\nexport class CanvasLayer extends GridLayer {\n  _onSettled(ev) {\n    return ev;\n  }\n}\n",
    )]);
    let body = r#"export class GridLayer {
  createTile() {}
  _onSettled() {
    return 1;
  }
  _tileReady(coords) {
    return coords;
  }
  _addTile(coords, done) {
    this._onSettled(coords);
    this._tileReady(coords, done);
    return this.createTile(coords, done);
  }
}
"#;
    assert_eq!(
        file(&p, "src/GridLayer.js", body),
        vec![
            "arity-mismatch src/GridLayer.js:11 '_tileReady' takes at most 1 argument(s) but 2 were given"
        ]
    );
    // TypeScript holds `this.m(…)` to the signature the class declares.
    let ts = "export class Layer {\n  createTile(): void {}\n  add(coords: number): void {\n    this.createTile(coords);\n  }\n}\n";
    assert_eq!(
        file(&p, "src/Layer.ts", ts),
        vec![
            "arity-mismatch src/Layer.ts:4 'createTile' takes at most 0 argument(s) but 1 were given"
        ]
    );
}

#[test]
fn javascript_arity_a_parameter_passed_to_a_function_that_needs_it_is_needed() {
    // Passed on untouched, a parameter is needed when the function of the
    // file (or the method of the class, through `this`) it is passed to
    // needs it (followed two calls deep).
    let p = shop(&[]);
    let body = r#"function scale(zoom) {
  return 256 * zoom.valueOf();
}
function projectedBounds(crs, zoom) {
  return [crs, scale(zoom)];
}
function boundsAt(crs, zoom) {
  return projectedBounds(crs, zoom);
}
function log(msg) {
  console.log(msg);
}
function fail(object, msg) {
  log(msg);
  return object;
}
class CRS {
  scale(zoom) {
    return 256 * zoom.valueOf();
  }
  bounds(zoom) {
    return this.scale(zoom);
  }
  run() {
    return this.bounds();
  }
}
projectedBounds({}, 2);
projectedBounds({});
boundsAt({});
fail({});
module.exports = { projectedBounds, boundsAt, fail, CRS };
"#;
    assert_eq!(
        file(&p, "lib/crs.js", body),
        vec![
            "arity-mismatch lib/crs.js:25 'bounds' needs at least 1 argument(s) but 0 were given",
            "arity-mismatch lib/crs.js:29 'projectedBounds' needs at least 2 argument(s) but 1 were given",
            "arity-mismatch lib/crs.js:30 'boundsAt' needs at least 2 argument(s) but 1 were given",
        ]
    );
}

#[test]
fn an_optional_hook_tested_before_it_is_called() {
    // node-postgres' FakeCursor: `if (this.onError) this.onError(err)` calls
    // a hook its user may set; an untested missing member is still missing.
    let p = shop(&[]);
    let body = r#"class FakeCursor {
  handleError(err) {
    if (this.onError) this.onError(err);
    this.onEnd && this.onEnd();
    this.onClose?.();
    this.onDone(err);
    return !this.isDone() && !this.isClosed();
  }
  isDone() {
    return false;
  }
}
module.exports = FakeCursor;
"#;
    assert_eq!(
        file(&p, "test/pipeline-tests.js", body),
        vec![
            "unknown-symbol test/pipeline-tests.js:6 'this' has no member 'onDone'",
            "unknown-symbol test/pipeline-tests.js:7 'this' has no member 'isClosed'",
        ]
    );
}

#[test]
fn overloads_that_fail_both_ways_say_so_and_only_a_bundles_require_is_its_own() {
    let p = shop(&[(
        "src/pick.d.ts",
        "export declare function pick(a: string): string;\nexport declare function pick(a: string, b: string, c: string): string;\n",
    )]);
    let body = "import { pick } from './pick';\nexport const x = pick('a', 'b');\n";
    assert_eq!(
        file(&p, "src/use.ts", body),
        vec!["arity-mismatch src/use.ts:2 no overload of 'pick' takes 2 argument(s)"]
    );
    // Node's own `require` made by `createRequire`, and a class's method
    // named `require`, leave `require('./x')` a file import.
    let body = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nclass Loader {\n  require(p) {\n    return p;\n  }\n}\nexport const a = require('./missing-a');\nexport const l = new Loader();\n";
    assert_eq!(
        file(&p, "src/esm.mjs", body),
        vec!["unknown-import src/esm.mjs:8 cannot find module './missing-a'"]
    );
}

#[test]
fn a_test_calling_short_to_see_it_throw_is_no_short_use() {
    // validator.js: `assertString(input)` throws without its argument, and
    // its own test calls `assertString()` inside `assert.throws`; that call
    // does not make leaving the argument out a way the project uses it.
    let p = shop(&[
        (
            "src/util/assertString.js",
            "export default function assertString(input) {\n  if (input === undefined || input === null) throw new TypeError('Expected a string');\n}\n",
        ),
        (
            "test/util.test.js",
            "import assert from 'assert';\nimport assertString from '../src/util/assertString';\nassert.throws(() => { assertString(); }, TypeError);\n",
        ),
    ]);
    let body = "import assertString from './util/assertString';\nexport default function toInt(str) {\n  assertString();\n  return parseInt(str, 10);\n}\n";
    assert_eq!(
        file(&p, "src/toInt.js", body),
        vec![
            "arity-mismatch src/toInt.js:3 'assertString' needs at least 1 argument(s) but 0 were given"
        ]
    );
}

#[test]
fn hooks_that_throw_extra_arguments_every_call_passes_and_helpers_inside_function_values() {
    // mongoose: `Connection.prototype.createClient` only throws (a driver
    // fills it in); `castArithmetic(val)` is called with three arguments
    // everywhere; `StateMachine.ctor = function () { const ctor =
    // function () {…} }` defines no top-level `ctor`.
    let p = shop(&[(
        "lib/stateMachine.js",
        "'use strict';\nconst StateMachine = module.exports = exports = function StateMachine() {};\nStateMachine.ctor = function() {\n  const states = [...arguments];\n  const ctor = function() {\n    this.states = states;\n  };\n  return ctor;\n};\n",
    )]);
    let body = r#"'use strict';
const StateMachine = require('./stateMachine');
const Roster = StateMachine.ctor('require', 'modify', 'init');
function Connection() {}
Connection.prototype.createClient = function createClient() {
  throw new Error('Connection#createClient not implemented by driver');
};
Connection.prototype.openUri = function (uri, options) {
  return this.createClient(uri, options);
};
function castArithmetic(val) {
  return val;
}
castArithmetic(1, 'schema', true);
castArithmetic(2, 'schema', true);
function castNumber(val) {
  return val;
}
castNumber(1);
castNumber(2, 'schema');
module.exports = { Connection, Roster };
"#;
    assert_eq!(
        file(&p, "lib/connection.js", body),
        vec![
            "arity-mismatch lib/connection.js:20 'castNumber' takes at most 1 argument(s) but 2 were given"
        ]
    );
}

#[test]
fn a_throw_after_a_return_is_no_guard_of_the_argument() {
    // knockout's getVirtualChildren: the flag is read only once the loop
    // has not returned.
    let lib = "export function children(start, allowUnbalanced) {\n  let node = start;\n  const out = [];\n\
               while ((node = node.nextSibling)) {\n    if (node.end) return out;\n    out.push(node);\n  }\n\
               if (!allowUnbalanced) throw new Error('unbalanced');\n  return null;\n}\n\
               export function named(name, value) {\n  if (!value) throw new Error('no value');\n  return name + value;\n}\n";
    let p = shop(&[("src/virtual.js", lib)]);
    let body =
        "import { children, named } from './virtual';\nchildren(document.body);\nnamed('a');\n";
    assert_eq!(
        file(&p, "src/use.js", body),
        vec!["arity-mismatch src/use.js:3 'named' needs at least 2 argument(s) but 1 were given"]
    );
}

#[test]
fn an_argument_handed_to_a_node_core_function_is_needed() {
    // node-fs-extra's isSrcSubdir: `path.resolve(dest)` throws without it;
    // adm-zip's `Buffer.from(pw)` likewise. A predicate takes anything.
    let lib = "const path = require('path');\nconst fs = require('node:fs');\n\
               function isSrcSubdir(src, dest) {\n  return path.resolve(dest).startsWith(path.resolve(src));\n}\n\
               function keys(pw) {\n  return Buffer.from(pw);\n}\n\
               function exists(file, fallback) {\n  return fs.existsSync(file) || Buffer.isBuffer(fallback);\n}\n\
               function label(name, suffix) {\n  return String(suffix) + name.length;\n}\n\
               module.exports = { isSrcSubdir, keys, exists, label };\n";
    let p = shop(&[("lib/stat.js", lib)]);
    let body = "const stat = require('./stat');\nstat.isSrcSubdir('/a');\nstat.keys();\nstat.exists('/a');\nstat.label('a');\n";
    assert_eq!(
        file(&p, "lib/copy.js", body),
        vec![
            "arity-mismatch lib/copy.js:2 'isSrcSubdir' needs at least 2 argument(s) but 1 were given",
            "arity-mismatch lib/copy.js:3 'keys' needs at least 1 argument(s) but 0 were given",
        ]
    );
    // An ES module's default and namespace imports bind the module too.
    let esm = "import path from 'path';
import * as fs from 'node:fs';
               export function isSrcSubdir(src, dest) {
  return path.resolve(dest).startsWith(src);
}
               export function read(file) {
  return fs.readFileSync(file);
}
";
    let p = shop(&[("src/stat.js", esm)]);
    let body = "import { isSrcSubdir, read } from './stat.js';
isSrcSubdir('/a');
read();
";
    assert_eq!(
        file(&p, "src/copy.js", body),
        vec![
            "arity-mismatch src/copy.js:2 'isSrcSubdir' needs at least 2 argument(s) but 1 were given",
            "arity-mismatch src/copy.js:3 'read' needs at least 1 argument(s) but 0 were given",
        ]
    );
}
