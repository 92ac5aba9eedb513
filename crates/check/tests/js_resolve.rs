//! The JavaScript/TypeScript resolver end to end on small real-looking
//! projects: index a temporary directory, check files, assert the exact
//! findings. Covers calls through `this`, project classes and their bases
//! (project, Node built-in, package), namespaces and module objects,
//! re-export chains, object literals, Node built-in module members, and the
//! TypeScript and JavaScript arity rules; valid code must stay clean.

mod project;

use project::{Proj, summary};

/// A project with a package.json declaring one dependency, plus `files`.
fn shop(files: &[(&str, &str)]) -> Proj {
    let mut all = vec![(
        "package.json",
        r#"{"name": "shop", "dependencies": {"got": "^14.0.0"}}"#,
    )];
    all.extend_from_slice(files);
    Proj::new(&all)
}

/// Check `path` with `body` as its new text (every line counts as added).
fn file(p: &Proj, path: &str, body: &str) -> Vec<String> {
    summary(&p.check_files(&[(path, body)]))
}

const BASE_TS: &str = r#"export class Store {
  protected items: string[] = [];
  constructor(public name: string, size?: number) {}
  add(item: string): void {
    this.items.push(item);
  }
  static open(name: string): Store {
    return new Store(name);
  }
  get printer(): (line: string) => void {
    return (line) => console.log(line);
  }
}
"#;

const UTILS_JS: &str = r#"const isString = (v) => typeof v === 'string';
function trim(s) {
  return s.trim();
}
function pad(s, opts) {
  return s.padStart(opts.width, opts.fill);
}
export default {
  isString,
  trim,
  pad,
  // an alias
  strip: trim,
};
"#;

#[test]
fn this_calls_resolve_against_the_class_and_its_project_base() {
    let p = shop(&[("src/base.ts", BASE_TS)]);
    let body = r#"import {Store} from './base.js';

export class Cart extends Store {
  total(): number {
    this.add('x');
    this.addd('y');
    this.add('a', 'b');
    this.toString();
    this.printer('ok');
    return this.count(1);
  }
  count(n: number): number {
    const inner = function (this: any) { return this.whatever(); };
    return n;
  }
}
"#;
    assert_eq!(
        file(&p, "src/cart.ts", body),
        vec![
            "unknown-symbol src/cart.ts:6 'this' has no member 'addd'",
            "arity-mismatch src/cart.ts:7 'add' takes at most 1 argument(s) but 2 were given",
        ]
    );
}

#[test]
fn static_members_and_constructors_of_project_classes() {
    let p = shop(&[("src/base.ts", BASE_TS)]);
    let body = r#"import {Store} from './base.js';

export function make(): Store {
  const a = Store.open('a');
  const b = Store.opn('b');
  const c = new Store();
  const d = new Store('d', 2, 3);
  Store.call(null);
  return new Store('e', 1);
}
"#;
    assert_eq!(
        file(&p, "src/make.ts", body),
        vec![
            "unknown-symbol src/make.ts:5 'Store' has no member 'opn'",
            "arity-mismatch src/make.ts:6 'constructor' needs at least 1 argument(s) but 0 were given",
            "arity-mismatch src/make.ts:7 'constructor' takes at most 2 argument(s) but 3 were given",
        ]
    );
}

#[test]
fn default_import_of_an_object_literal_module() {
    let p = shop(&[("lib/utils.js", UTILS_JS)]);
    let body = r#"import utils from './utils.js';

export function clean(x) {
  if (utils.isString(x)) {
    return utils.pad(utils.strip(x), 4);
  }
  utils.pad(x);
  utils.hasOwnProperty('trim');
  return utils.isPlainObject(x);
}
"#;
    assert_eq!(
        file(&p, "lib/clean.js", body),
        vec![
            "arity-mismatch lib/clean.js:7 'pad' needs at least 2 argument(s) but 1 were given",
            "unknown-symbol lib/clean.js:9 'utils' has no member 'isPlainObject'",
        ]
    );
}

#[test]
fn namespace_imports_follow_re_export_chains() {
    let p = shop(&[
        (
            "src/math/add.ts",
            "export function add(a: number, b: number): number {\n  return a + b;\n}\n",
        ),
        (
            "src/math/mul.ts",
            "export const mul = (a: number, b = 1): number => a * b;\n",
        ),
        (
            "src/math/index.ts",
            "export * from './add.js';\nexport {mul as times} from './mul.js';\n",
        ),
    ]);
    let body = r#"import * as m from './math/index.js';
import {add, times} from './math/index.js';

export function run(): number {
  m.add(1, 2);
  m.addd(1, 2);
  m.times(2);
  add(1);
  times(1, 2, 3);
  return m.add(1, 2, 3);
}
"#;
    assert_eq!(
        file(&p, "src/run.ts", body),
        vec![
            "unknown-symbol src/run.ts:6 module './math/index.js' has no export 'addd'",
            "arity-mismatch src/run.ts:8 'add' needs at least 2 argument(s) but 1 were given",
            "arity-mismatch src/run.ts:9 'mul' takes at most 2 argument(s) but 3 were given",
            "arity-mismatch src/run.ts:10 'add' takes at most 2 argument(s) but 3 were given",
        ]
    );
}

#[test]
fn named_imports_of_namespace_re_exports() {
    let p = shop(&[
        (
            "src/core/util.ts",
            "export function issue(code: string, input: unknown): object {\n  return {code, input};\n}\nexport const clone = <T>(o: T): T => o;\n",
        ),
        ("src/core/regexes.ts", "export const email = /@/;\n"),
        (
            "src/core/core.ts",
            "import * as regexes from './regexes.js';\nexport {regexes};\nexport const NEVER = 0;\n",
        ),
        (
            "src/core/index.ts",
            "export * from './core.js';\nexport * as util from './util.js';\n",
        ),
        ("src/index.ts", "export * from './core/index.js';\n"),
    ]);
    let body = r#"import {util, regexes} from './index.js';

export function run(x: unknown): unknown {
  util.issue('custom', x);
  util.getIssue('custom');
  util.issue('custom');
  util.clone(x);
  regexes.email.test('a@b');
  return regexes.emails();
}
"#;
    assert_eq!(
        file(&p, "src/run.ts", body),
        vec![
            "unknown-symbol src/run.ts:5 module 'src/core/util.ts' has no export 'getIssue'",
            "arity-mismatch src/run.ts:6 'issue' needs at least 2 argument(s) but 1 were given",
            "unknown-symbol src/run.ts:9 module 'src/core/regexes.ts' has no export 'emails'",
        ]
    );
}

#[test]
fn constants_typed_with_a_project_interface() {
    let p = shop(&[
        (
            "src/core/core.ts",
            r#"export interface $constructor<T, D = unknown> {
  new (def: D): T;
  init(inst: T, def: D): void;
}
export function $constructor<T, D>(name: string, init: (inst: T, def: D) => void): $constructor<T, D> {
  return {name, init} as any;
}
export interface Dict {
  [key: string]: () => void;
}
export interface Named extends Dict {
  label(): string;
}
"#,
        ),
        ("src/core/index.ts", "export * from './core.js';\n"),
    ]);
    let body = r#"import * as core from './core/index.js';
import type {Dict, Named} from './core/index.js';

export interface ZodType {
  parse(x: unknown): unknown;
}
export const ZodType: core.$constructor<ZodType> = core.$constructor('ZodType', (inst, def) => {});
export const handlers: Dict = Object.create(null);
export const named: Named = null as any;

export const ZodString: core.$constructor<ZodType> = core.$constructor('ZodString', (inst, def) => {
  ZodType.init(inst, def);
  ZodType.inits(inst, def);
  ZodType.init(inst);
  ZodType.toString();
  ZodType.bind(null);
  handlers.anything();
  named.other();
});
"#;
    assert_eq!(
        file(&p, "src/schemas.ts", body),
        vec![
            "unknown-symbol src/schemas.ts:13 'ZodType' has no member 'inits'",
            "arity-mismatch src/schemas.ts:14 'init' needs at least 2 argument(s) but 1 were given",
        ]
    );
    // The same calls from JavaScript are not held to the TypeScript type.
    assert_eq!(
        file(
            &p,
            "src/use.js",
            "import {ZodType} from './schemas.js';\nZodType.inits(1, 2);\n"
        ),
        Vec::<String>::new()
    );
}

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
fn a_definition_in_scope_shadows_an_injected_global() {
    let p = shop(&[]);
    let body = r#"export const toObjectSet = (arrayOrString, delimiter) => {
  const obj = {};
  const define = (arr) => {
    arr.forEach((value) => {
      obj[value] = true;
    });
  };
  Array.isArray(arrayOrString) ? define(arrayOrString, 1) : define();
  return obj;
};
define(['dep'], function (dep) {
  return dep;
});
describe('set', () => {});
"#;
    assert_eq!(
        file(&p, "lib/set.js", body),
        vec![
            "arity-mismatch lib/set.js:8 'define' takes at most 1 argument(s) but 2 were given",
            "arity-mismatch lib/set.js:8 'define' needs at least 1 argument(s) but 0 were given",
        ]
    );
}

#[test]
fn runtime_base_classes_and_node_modules() {
    let p = shop(&[]);
    let body = r#"import {EventEmitter} from 'node:events';
import fs from 'node:fs';
import * as path from 'node:path';
import process from 'node:process';
import Got from 'got';

export class Bus extends EventEmitter {
  send(x) {
    this.emit('send', x);
    this.emitt('send', x);
    fs.readFileSync(path.join('a', 'b'));
    fs.readFileSynk('a');
    path.joinn('a');
    process.on('exit', () => {});
  }
}

export class Failure extends Error {
  show() {
    return this.toString() + this.stack + this.describe();
  }
}

export class Client extends Got {
  run() {
    return this.anything();
  }
}
"#;
    assert_eq!(
        file(&p, "src/bus.js", body),
        vec![
            "unknown-symbol src/bus.js:10 'this' has no member 'emitt'",
            "unknown-symbol src/bus.js:12 module 'node:fs' has no member 'readFileSynk'",
            "unknown-symbol src/bus.js:13 module 'node:path' has no member 'joinn'",
            "unknown-symbol src/bus.js:20 'this' has no member 'describe'",
        ]
    );
}

#[test]
fn what_cannot_be_known_stays_unreported() {
    let p = shop(&[("src/base.ts", BASE_TS)]);
    let body = r#"import {Store} from './base.js';

export class Dict {
  [key: string]: unknown;
  get(k: string) {
    return this.lookup(k);
  }
}

export class Bag extends Store {
  fill(names: string[]) {
    for (const n of names) {
      (this as any)[n] = true;
    }
    return this.addAll(names);
  }
}

const typed: (a: number, b: number) => number = () => 0;
typed(1, 2);

export function use(store: Store, value: any) {
  Store.maybe?.();
  store.whatever();
  value.anything(1, 2, 3);
  const handler = {
    run() {
      return this.missing();
    },
  };
  return handler;
}
"#;
    assert_eq!(
        file(&p, "src/dict.ts", body),
        vec!["unknown-symbol src/dict.ts:15 'this' has no member 'addAll'"]
    );
}

#[test]
fn commonjs_module_values() {
    let p = shop(&[
        (
            "lib/user.js",
            "'use strict'\n\nmodule.exports = User\n\nfunction User(name) {\n  this.name = name;\n}\n\nUser.all = function (fn) {\n  fn(null, []);\n};\n\nUser.count = function (fn) {\n  fn(null, 0);\n};\n",
        ),
        (
            "lib/helpers.js",
            "exports.slugify = function (text) {\n  return text.toLowerCase();\n};\n\nexports.title = (text) => text.toUpperCase();\n",
        ),
    ]);
    let body = r#"'use strict'
var User = require('./user');
var helpers = require('./helpers');

User.count(function (err, n) {});
User.counts(function (err, n) {});
User.call(null);
helpers.slugify('A B');
helpers.slugifyy('A B');
"#;
    assert_eq!(
        file(&p, "lib/app.js", body),
        vec![
            "unknown-symbol lib/app.js:6 'User' has no member 'counts'",
            "unknown-symbol lib/app.js:9 module './helpers' has no export 'slugifyy'",
        ]
    );
}

#[test]
fn tsconfig_path_aliases_name_project_files() {
    let p = shop(&[
        (
            "tsconfig.json",
            "{\n  // the app's aliases\n  \"compilerOptions\": {\n    \"baseUrl\": \".\",\n    \"paths\": {\"@/*\": [\"src/*\"],},\n  },\n}\n",
        ),
        (
            "src/lib/money.ts",
            "export function cents(amount: number): number {\n  return Math.round(amount * 100);\n}\n",
        ),
    ]);
    let body = r#"import {cents, dollars} from '@/lib/money';
import * as money from '@/lib/money';

export function price(x: number): number {
  money.centz(x);
  return cents(x, 2);
}
"#;
    assert_eq!(
        file(&p, "src/app/price.ts", body),
        vec![
            "unknown-import src/app/price.ts:1 module '@/lib/money' has no export 'dollars'",
            "unknown-symbol src/app/price.ts:5 module '@/lib/money' has no export 'centz'",
            "arity-mismatch src/app/price.ts:6 'cents' takes at most 1 argument(s) but 2 were given",
        ]
    );
}

#[test]
fn prototype_methods_know_their_this() {
    let p = shop(&[]);
    let body = r#"'use strict'
module.exports = View;

function View(name, options) {
  this.name = name;
  this.root = options.root;
}

View.prototype.lookup = function lookup(name) {
  var path = this.resolve(this.root, name);
  this.resolv(name);
  this.render(1, 2, 3);
  return this.name;
};

View.prototype.resolve = function resolve(dir, file) {
  return dir.concat(file);
};

View.prototype.render = function render(options, callback) {
  callback.call(this, options);
};
"#;
    assert_eq!(
        file(&p, "lib/view.js", body),
        vec![
            "unknown-symbol lib/view.js:11 'this' has no member 'resolv'",
            "arity-mismatch lib/view.js:12 'render' takes at most 2 argument(s) but 3 were given",
        ]
    );
}

#[test]
fn workspace_packages_resolve_through_their_exports_map() {
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "acme-root", "private": true, "workspaces": ["packages/*"]}"#,
        ),
        (
            "packages/core/package.json",
            r#"{"name": "@acme/core", "exports": {".": {"@acme/source": "./src/index.ts", "import": "./dist/index.js"}, "./util": {"@acme/source": "./src/util.ts", "types": "./dist/util.d.ts", "import": "./dist/util.js"}}}"#,
        ),
        (
            "packages/core/src/util.ts",
            "export function isValid(data: string): boolean {\n  return data.length > 0;\n}\n",
        ),
        ("packages/core/src/index.ts", "export * from './util.js';\n"),
        (
            "packages/bench/package.json",
            r#"{"name": "@acme/bench", "devDependencies": {"@acme/core": "workspace:*"}}"#,
        ),
        (
            "packages/legacy/package.json",
            r#"{"name": "@acme/legacy", "dependencies": {"@acme/core": "^1.0.0"}}"#,
        ),
    ]);
    let body = "import {isValid} from '@acme/core/util';\nimport * as core from '@acme/core';\n\nisValid('a');\nisValid('a', 'b');\ncore.isValid('a');\ncore.isValidd('a');\n";
    assert_eq!(
        file(&p, "packages/bench/run.ts", body),
        vec![
            "arity-mismatch packages/bench/run.ts:5 'isValid' takes at most 1 argument(s) but 2 were given",
            "unknown-symbol packages/bench/run.ts:7 module '@acme/core' has no export 'isValidd'",
        ]
    );
    // A registry version of the package is not the repository's copy.
    assert_eq!(
        file(&p, "packages/legacy/run.ts", body),
        Vec::<String>::new()
    );
}

#[test]
fn lines_under_a_ts_expect_error_directive_are_not_reported() {
    let p = shop(&[]);
    let body = "function pair(a: string, b: string): string {\n  return a + b;\n}\n// @ts-expect-error\npair('a');\n  // @ts-ignore: old signature\npair('a', 'b', 'c');\npair('a');\n";
    assert_eq!(
        file(&p, "src/pair.test.ts", body),
        vec![
            "arity-mismatch src/pair.test.ts:8 'pair' needs at least 2 argument(s) but 1 were given"
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
fn patching_a_prototype_leaves_the_statics_of_a_class_known() {
    // `Headers.prototype` is rewritten by a helper: instance members are
    // unknown, static ones are not; `Object.assign(Config, …)` writes statics.
    let p = shop(&[]);
    let body = r#"class Headers {
  constructor(init) {
    this.init = init;
  }
  static from(thing) {
    return new Headers(thing);
  }
  get(name) {
    return name;
  }
}
reduceDescriptors(Headers.prototype, (d) => d);
class Config {
  static load() {
    return new Config();
  }
}
Object.assign(Config, {extra: 1});
function reduceDescriptors(obj, fn) {
  return [obj, fn];
}
Headers.from({});
Headers.froms({});
new Headers().gett('a');
Config.extra;
Config.loadd();
"#;
    assert_eq!(
        file(&p, "lib/headers.js", body),
        vec!["unknown-symbol lib/headers.js:23 'Headers' has no member 'froms'"]
    );
}

#[test]
fn an_interface_in_a_module_declaration_file_does_not_open_a_class() {
    // `index.d.ts` is a module (it exports): its `CancelToken` interface
    // types the package's users and merges into no class. A global
    // declaration file (no import or export) may add members to any class
    // of that name, so `Token`'s members stay unknown.
    let p = shop(&[
        (
            "index.d.ts",
            "export interface CancelToken {\n  promise: Promise<void>;\n}\n",
        ),
        ("globals.d.ts", "interface Token {\n  extra(): void;\n}\n"),
    ]);
    let body = r#"class CancelToken {
  subscribe(fn) {
    return fn;
  }
  unsubscribe(fn) {
    return fn;
  }
  toAbortSignal() {
    const abort = () => this.makeUnsubscribe(abort);
    return this.unsubscribe(abort);
  }
}
class Token {
  run() {
    return this.extraa();
  }
}
export {CancelToken, Token};
"#;
    assert_eq!(
        file(&p, "lib/cancel.js", body),
        vec!["unknown-symbol lib/cancel.js:9 'this' has no member 'makeUnsubscribe'"]
    );
}

#[test]
fn statics_assigned_after_the_class_are_members() {
    // mocha's reporters: `Base.color = function …`, `Base.consoleLog = …`
    // after `class Base`; a function reading `arguments` decides itself how
    // many it was given (`runnable()` is a getter, `runnable(r)` a setter).
    let p = shop(&[]);
    let body = r#"var consoleLog = console.log;
class Base {
  epilogue() {
    Base.consoleLog();
    Base.color('a', 'b');
    Base.colorr('a', 'b');
    Base.color('a');
    return this.runnable();
  }
  runnable(runnable) {
    if (!arguments.length) {
      return this._runnable;
    }
    this._runnable = runnable;
    return this;
  }
}
Base.consoleLog = consoleLog;
Base.color = function (type, str) {
  return type + str.trim();
};
Dot.symbols = {ok: '.'};
Dot.symbols.ok.trim();
Dot.useColors();
function Dot() {}
export default Base;
"#;
    // `Dot.symbols = …` comes before the function it hangs on: declarations
    // hoist, so it is a member all the same.
    assert_eq!(
        file(&p, "lib/base.js", body),
        vec![
            "unknown-symbol lib/base.js:6 'Base' has no member 'colorr'",
            "arity-mismatch lib/base.js:7 'color' needs at least 2 argument(s) but 1 were given",
            "unknown-symbol lib/base.js:24 'Dot' has no member 'useColors'",
        ]
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
fn a_computed_key_in_a_method_body_opens_no_members() {
    // `{[ID]: this.id}` inside a method is an object literal, not a class
    // member with a computed name; `[key: string]: T` on an interface's
    // header line is an index signature.
    let p = shop(&[]);
    let body = r#"const ID = 'id';
const kReset = Symbol('reset');
class Suite {
  serialize() {
    return {
      [ID]: this.id,
    };
  }
  [kReset]() {
    return this;
  }
  clone() {
    this[kReset]();
    return this.serialise();
  }
}
class Open {
  [ID]() {}
  run() {
    return this.anything();
  }
}
export { Suite, Open };
"#;
    // A member named by a symbol the file makes (`[kReset]()`) reaches no
    // name either; one named by a string (`[ID]()`) may be any name.
    assert_eq!(
        file(&p, "lib/suite.js", body),
        vec!["unknown-symbol lib/suite.js:14 'this' has no member 'serialise'"]
    );
}

#[test]
fn the_default_import_of_a_commonjs_module_is_its_exports() {
    // mocha: `import utils from './utils.cjs'` and `export {default as run}
    // from './run.cjs'`: the default of a CommonJS module is its exports.
    let p = shop(&[
        (
            "lib/utils.cjs",
            "exports.escape = (s) => s.replace(/</g, '&lt;');\nexports.clean = function (s) {\n  return s.trim();\n};\n",
        ),
        (
            "lib/cli/run.cjs",
            "exports.handler = async (argv) => argv;\n",
        ),
        (
            "lib/cli/commands.js",
            "export { default as run } from './run.cjs';\n",
        ),
    ]);
    let body = r#"import utils from '../utils.cjs';
import { run } from './commands.js';
utils.escape('<a>');
utils.escapee('<a>');
run.handler({});
run.handle({});
"#;
    assert_eq!(
        file(&p, "lib/cli/cli.js", body),
        vec![
            "unknown-symbol lib/cli/cli.js:4 module 'lib/utils.cjs' has no export 'escapee'",
            "unknown-symbol lib/cli/cli.js:6 module 'lib/cli/run.cjs' has no export 'handle'",
        ]
    );
}

#[test]
fn a_global_other_files_call_too_is_the_environments() {
    // QUnit 1.x injects `deepEqual`: every test file calls it bare and
    // none defines or imports it. A name no other file calls stays unknown.
    let p = shop(&[
        (
            "index.js",
            "exports.keys = Object.keys;\nexports.first = (a) => a[0];\n",
        ),
        (
            "test/objects.js",
            "var _ = require('..');\ndeepEqual(_.keys({a: 1}), ['a']);\n",
        ),
    ]);
    let body = r#"var _ = require('..');
deepEqual(_.first([1, 2]), 1);
deepEqul(_.first([1, 2]), 1);
"#;
    assert_eq!(
        file(&p, "test/arrays.js", body),
        vec!["unknown-symbol test/arrays.js:3 'deepEqul' is not defined"]
    );
}

#[test]
fn prototype_methods_of_a_class_and_self_aliases_know_their_this() {
    // mocha's runner: `class Runner extends EventEmitter`, then methods
    // assigned to `Runner.prototype`, which call through `var self = this`.
    let p = shop(&[]);
    let body = r#"const { EventEmitter } = require('events');
class Runner extends EventEmitter {
  constructor(suite) {
    super();
    this.suite = suite;
  }
}
Runner.prototype.fail = function (test, err) {
  this.emit('fail', test, err);
  this.emitt('fail');
};
Runner.prototype.hook = function (name) {
  var self = this;
  this.suite.on(name, function (err) {
    self.fail(name, err);
    self.failAll(name);
    var self2 = this;
    self2.anything();
  });
};
module.exports = Runner;
"#;
    assert_eq!(
        file(&p, "lib/runner.js", body),
        vec![
            "unknown-symbol lib/runner.js:10 'this' has no member 'emitt'",
            "unknown-symbol lib/runner.js:16 'self' has no member 'failAll'",
        ]
    );
}

#[test]
fn imports_into_ignored_build_output_and_parameters_after_an_optional_one() {
    // async's `index.js`: `require('./build/')`, a directory the build makes
    // and `.gitignore` lists; below it, a path must mirror a source of the
    // project (no `forEachOff` here). node-fetch's multipart parser: `callback(name)`
    // of `(name, start, end, data)` testing `start === undefined`: leaving
    // out `start` leaves out what follows it.
    let p = shop(&[(".gitignore", "node_modules\nbuild\nbuild-es\n")]);
    let body = r#"const a = require('./build/');
const b = require('./build-es/forEachOff');
const c = require('./missing/');
const callback = (name, start, end, data) => {
  if (start === undefined || start !== end) {
    return data.subarray(start, end);
  }
  return name;
};
const slice = (name, start, end) => name.slice(start.valueOf(), end.valueOf());
callback('onPartBegin');
slice('onPartBegin');
module.exports = {a, b, c};
"#;
    assert_eq!(
        file(&p, "index.js", body),
        vec![
            "unknown-import index.js:2 cannot find module './build-es/forEachOff'",
            "unknown-import index.js:3 cannot find module './missing/'",
            "arity-mismatch index.js:12 'slice' needs at least 3 argument(s) but 1 were given",
        ]
    );
}

#[test]
fn prototype_properties_defined_from_a_literal_are_members() {
    // fastify's reply: `Object.defineProperties(Reply.prototype, {…})` with
    // literal and symbol keys, and `this[kStart]` reads; `Object.assign` of
    // a mixin onto a prototype may add anything.
    let p = shop(&[]);
    let body = r#"const kStart = Symbol('start');
function Reply(res) {
  this.raw = res;
  this[kStart] = 0;
}
Object.defineProperties(Reply.prototype, {
  [kStart]: { value: 0, writable: true },
  elapsedTime: {
    get () {
      return Date.now() - this[kStart];
    }
  },
  'server': { get () { return this.raw; } }
});
Reply.prototype.header = function (key, value) {
  return this;
};
Reply.prototype.redirect = function (url) {
  this.elapsedTime.toFixed();
  this.server.close();
  this.header('location', url);
  return this.headr('location', url);
};
function Request() {}
Object.assign(Request.prototype, mixin);
Request.prototype.run = function () {
  return this.anything();
};
const mixin = {};
module.exports = { Reply, Request };
"#;
    assert_eq!(
        file(&p, "lib/reply.js", body),
        vec!["unknown-symbol lib/reply.js:22 'this' has no member 'headr'"]
    );
}

#[test]
fn what_a_module_exporting_a_class_exports_is_a_static() {
    // mocha before ESM: `exports = module.exports = Base;` then
    // `exports.color = function …`.
    let p = shop(&[(
        "lib/base.js",
        "class Base {\n  run() {}\n}\nexports = module.exports = Base;\nexports.color = function (type, str) {\n  return type + str;\n};\n",
    )]);
    let body = r#"import Base from './base.js';
Base.color('pass', '.');
Base.colour('pass', '.');
"#;
    assert_eq!(
        file(&p, "lib/dot.mjs", body),
        vec!["unknown-symbol lib/dot.mjs:3 'Base' has no member 'colour'"]
    );
}

#[test]
fn class_expressions_on_members_and_functions_exported_with_keys() {
    // hapi: `exports = module.exports = internals.Core = class {…}`; pino:
    // `module.exports = pino` then `module.exports.destination = …` and
    // `module.exports.pino = pino`, required from a benchmark as `'../'`
    // (package.json `main`, beside a `types` declaration file).
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "pino", "main": "pino.js", "types": "pino.d.ts"}"#,
        ),
        (
            "pino.d.ts",
            "declare function pino(): void;\nexport = pino;\n",
        ),
        (
            "pino.js",
            "function pino (...args) {\n  return args\n}\nmodule.exports = pino\nmodule.exports.destination = (dest = 1) => dest\nmodule.exports.pino = pino\n",
        ),
    ]);
    let core = r#"const internals = {};
exports = module.exports = internals.Core = class {
  start() {
    this._validateDeps();
    this._validateDep();
  }
  _validateDeps() {}
};
"#;
    assert_eq!(
        file(&p, "lib/core.js", core),
        vec!["unknown-symbol lib/core.js:5 'this' has no member '_validateDep'"]
    );
    let bench = r#"const pino = require('../');
pino.destination('/dev/null');
pino.getDestination('/dev/null');
"#;
    assert_eq!(
        file(&p, "benchmarks/basic.bench.js", bench),
        vec!["unknown-symbol benchmarks/basic.bench.js:3 'pino' has no member 'getDestination'"]
    );
}

#[test]
fn what_the_index_cannot_see_and_prototypes_mixed_in_elsewhere() {
    // superagent: `require('..')` of a package whose `main` is a build
    // (`lib/node/index.js` from `src/`), a test fixture reaching above the
    // repository, and `RequestBase.prototype` methods calling `this.emit`
    // because another file mixes them into a Stream.
    let superagent = || {
        Proj::new(&[
            (
                "package.json",
                r#"{"name": "superagent", "main": "lib/node/index.js"}"#,
            ),
            (
                "src/request-base.js",
                "function RequestBase() {}\nRequestBase.prototype.timeout = function (ms) {\n  this._timeout = ms;\n  return this;\n};\nmodule.exports = RequestBase;\n",
            ),
            (
                "src/node/index.js",
                "const RequestBase = require('../request-base');\nfunction Request() {}\nmixin(Request.prototype, RequestBase.prototype);\nfunction mixin(a, b) { return Object.assign(a, b); }\nmodule.exports = Request;\n",
            ),
        ])
    };
    let p = superagent();
    let example = "const request = require('..');\nconst utils = require('../../../utils');\nconst other = require('./nothere');\nmodule.exports = {request, utils, other};\n";
    assert_eq!(
        file(&p, "examples/simple-get.js", example),
        vec!["unknown-import examples/simple-get.js:3 cannot find module './nothere'"]
    );
    let base = "function RequestBase() {}\nRequestBase.prototype.timeout = function (ms) {\n  this._timeout = ms;\n  this.emit('timeout');\n  return this;\n};\nmodule.exports = RequestBase;\n";
    assert_eq!(file(&p, "src/request-base.js", base), Vec::<String>::new());
    // A change that deletes the file doing the mixing leaves RequestBase
    // with its own methods only.
    let diff = "diff --git a/src/node/index.js b/src/node/index.js\ndeleted file mode 100644\n--- a/src/node/index.js\n+++ /dev/null\n@@ -1,5 +0,0 @@\n-const RequestBase = require('../request-base');\n-function Request() {}\n-mixin(Request.prototype, RequestBase.prototype);\n-function mixin(a, b) { return Object.assign(a, b); }\n-module.exports = Request;\n--- a/src/request-base.js\n+++ b/src/request-base.js\n@@ -3,2 +3,3 @@\n   this._timeout = ms;\n+  this.emit('timeout');\n   return this;\n";
    assert_eq!(
        project::summary(&superagent().diff(diff)),
        vec!["unknown-symbol src/request-base.js:4 'this' has no member 'emit'"]
    );
}

#[test]
fn typescript_reads_a_package_entry_by_its_declarations() {
    // hapi's type tests: `import {Plugin} from '../..'` in TypeScript reads
    // `types` (lib/index.d.ts), JavaScript's `require('..')` the `main`.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "hapi", "main": "lib/index.js", "types": "lib/index.d.ts"}"#,
        ),
        (
            "lib/index.js",
            "exports.server = function (options) {\n  return options;\n};\n",
        ),
        ("lib/index.d.ts", "export * from './types';\n"),
        (
            "lib/types/index.d.ts",
            "export interface Plugin { name: string; }\nexport declare function server(options?: object): object;\n",
        ),
    ]);
    let ts = "import { Plugin, Plugins } from '../..';\nexport const p: Plugin = { name: 'x' };\nexport type Q = Plugins;\n";
    assert_eq!(
        file(&p, "test/types/index.ts", ts),
        vec!["unknown-import test/types/index.ts:1 module '../..' has no export 'Plugins'"]
    );
    let js = "const Hapi = require('..');\nHapi.server({});\nHapi.servr({});\n";
    assert_eq!(
        file(&p, "test/server.js", js),
        vec!["unknown-symbol test/server.js:3 module '..' has no export 'servr'"]
    );
}

#[test]
fn a_required_module_that_exports_a_function_is_called_by_its_parameters() {
    // restify: `var hrTimeDurationInMs = require('./utils/hrTimeDurationInMs')`
    // of `module.exports = hrTimeDurationInMs;`; also a class so exported.
    let p = shop(&[
        (
            "lib/utils/hr.js",
            "function hrTimeDurationInMs(startTime, endTime) {\n  return endTime[0] - startTime[0];\n}\nmodule.exports = hrTimeDurationInMs;\n",
        ),
        (
            "lib/chain.js",
            "class Chain {\n  constructor(options) {\n    this.onceNext = options.onceNext;\n  }\n}\nmodule.exports = Chain;\n",
        ),
    ]);
    let body = r#"var hr = require('./utils/hr');
var Chain = require('./chain');
hr([1, 0], [2, 0]);
hr([1, 0], [2, 0], 3);
new Chain({});
new Chain({}, 2);
"#;
    assert_eq!(
        file(&p, "lib/metrics.js", body),
        vec![
            "arity-mismatch lib/metrics.js:4 'hrTimeDurationInMs' takes at most 2 argument(s) but 3 were given",
            "arity-mismatch lib/metrics.js:6 'constructor' takes at most 1 argument(s) but 2 were given",
        ]
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
fn typescript_reads_a_javascript_module_by_its_declarations_and_rebound_exports() {
    // execa's type tests import `Options` from '../index.js', declared by
    // the `index.d.ts` beside it; tsd's `expectError(…)` must fail.
    // express-session: `exports = module.exports = session;` then
    // `exports.MemoryStore = MemoryStore`.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "execa", "devDependencies": {"tsd": "^0.31.0"}}"#,
        ),
        (
            "index.js",
            "export function execa(file, args) {\n  return [file, args];\n}\n",
        ),
        (
            "index.d.ts",
            "export type Options = {cwd?: string};\nexport declare function execa(file: string, args?: string[]): unknown;\n",
        ),
        (
            "session.js",
            "exports = module.exports = session;\nexports.MemoryStore = MemoryStore;\nfunction session(options) {\n  return options;\n}\nfunction MemoryStore() {}\n",
        ),
    ]);
    let ts = "import {expectError} from 'tsd';\nimport {execa, type Options, type Optionz} from '../index.js';\nexport const o: Options = {};\nexpectError(execa());\nexeca('ls');\n";
    assert_eq!(
        file(&p, "test-d/a.test-d.ts", ts),
        vec![
            // tsd is declared but this project has no node_modules.
            "unverifiable test-d/a.test-d.ts:1 'tsd' is declared but not installed, so the names imported from it cannot be checked (install the dependencies to check them)",
            "unknown-import test-d/a.test-d.ts:2 module '../index.js' has no export 'Optionz'"
        ]
    );
    // Without an extension TypeScript also reads the declarations before
    // the JavaScript; JavaScript reads the JavaScript.
    let bare = "import {type Options} from '../index';\nexport const o: Options = {};\n";
    assert_eq!(file(&p, "test-d/b.test-d.ts", bare), Vec::<String>::new());
    let js = "import {Options} from './index';\nexport default Options;\n";
    assert_eq!(
        file(&p, "c.js", js),
        vec!["unknown-import c.js:1 module './index' has no export 'Options'"]
    );
    let js = "const session = require('./session');\nnew session.MemoryStore();\nnew session.MemoryStor();\n";
    assert_eq!(
        file(&p, "test.js", js),
        vec!["unknown-symbol test.js:3 'session' has no member 'MemoryStor'"]
    );
}

#[test]
fn symbols_imported_from_a_project_module_name_no_members() {
    // fastify: `const { kBodyLimit } = require('./symbols')` of
    // `kBodyLimit: Symbol('fastify.bodyLimit')`, then `this[kBodyLimit] = …`.
    let p = shop(&[(
        "lib/symbols.js",
        "const keys = {\n  kBodyLimit: Symbol('fastify.bodyLimit'),\n};\nmodule.exports = keys;\n",
    )]);
    let body = r#"const { kBodyLimit } = require('./symbols');
const { other } = require('./other');
function ContentTypeParser(bodyLimit) {
  this[kBodyLimit] = bodyLimit;
}
ContentTypeParser.prototype.getParser = function (type) {
  return type;
};
ContentTypeParser.prototype.run = function (type) {
  return this.makeGetParser(type);
};
module.exports = { ContentTypeParser, other };
"#;
    assert_eq!(
        file(&p, "lib/content-type-parser.js", body),
        vec![
            "unknown-import lib/content-type-parser.js:2 cannot find module './other'",
            "unknown-symbol lib/content-type-parser.js:10 'this' has no member 'makeGetParser'",
        ]
    );
}

#[test]
fn a_global_assigned_in_a_bootstrap_file_is_defined() {
    // passport's tests: `global.$require = require('proxyquire')` in
    // test/bootstrap/node.js, then `$require(...)` in a new test file.
    let p = shop(&[(
        "test/bootstrap/node.js",
        "const chai = require('chai');\nglobal.expect = chai.expect;\nglobal.$require = require('proxyquire');\n",
    )]);
    let body = "var SessionStrategy = $require('../../lib/strategies/session');\nvar Other = $requir('../../lib/other');\nmodule.exports = { SessionStrategy, Other };\n";
    assert_eq!(
        file(&p, "test/strategies/session.test.js", body),
        vec!["unknown-symbol test/strategies/session.test.js:2 '$requir' is not defined"]
    );
}

#[test]
fn prototype_members_of_any_value_and_classes_handed_to_a_function() {
    // knex: `SchemaCompiler.prototype.pushQuery = pushQuery;` (a helper
    // imported whole) makes a member; `augmentWithBuilderInterface(Raw)`
    // may write any member onto `Raw.prototype`, so `this` there is open.
    let p = shop(&[(
        "lib/helpers.js",
        "function pushQuery(q) {\n  this.sequence.push(q);\n}\nfunction augment(Target) {\n  Target.prototype.toQuery = function () {\n    return '';\n  };\n}\nmodule.exports = { pushQuery, augment };\n",
    )]);
    let body = r#"const { pushQuery, augment } = require('./helpers');
class SchemaCompiler {
  createTable(name) {
    this.pushQuery('create table ' + name);
    this.pushQuerry('create table ' + name);
  }
}
SchemaCompiler.prototype.pushQuery = pushQuery;
SchemaCompiler.prototype.dropPrefix = 'drop table ';
class Raw {
  toString() {
    return this.toQuery() + this.dropPrefix;
  }
}
augment(Raw);
Object.assign(SchemaCompiler, { STATES: {} });
if (Raw) {
  new SchemaCompiler().createTable([Raw, 'x']);
}
module.exports = { SchemaCompiler, Raw };
"#;
    assert_eq!(
        file(&p, "lib/schema.js", body),
        vec!["unknown-symbol lib/schema.js:5 'this' has no member 'pushQuerry'"]
    );
    // Not handed to a function (`new`, `if (…)`, an array): `Raw` stays closed.
    let closed = body.replace("augment(Raw);\n", "");
    assert_eq!(
        file(&p, "lib/schema.js", &closed),
        vec![
            "unknown-symbol lib/schema.js:5 'this' has no member 'pushQuerry'",
            "unknown-symbol lib/schema.js:12 'this' has no member 'toQuery'",
        ]
    );
}

#[test]
fn imports_of_files_a_script_generates_and_git_ignores() {
    // ajv: `spec/_json/*.js` are written by `scripts/jsontests` and listed in
    // `.gitignore`; the directory itself is in the repository.
    let p = shop(&[
        (".gitignore", "node_modules\nspec/_json/*.js\n"),
        ("spec/_json/README.md", "Generated by scripts/jsontests.\n"),
        ("spec/util.js", "module.exports = {};\n"),
        // knex: `tsc` writes declarations beside the sources; one of them
        // makes no missing `.js` module exist.
        ("spec/.gitignore", "**/*.d.ts\n"),
    ]);
    let body = r#"const suites = { draft7: require('./_json/draft7') };
const util = require('./utils');
const compat = require('./index-compat.js');
module.exports = { suites, util, compat };
"#;
    assert_eq!(
        file(&p, "spec/json-schema.spec.js", body),
        vec![
            "unknown-import spec/json-schema.spec.js:2 cannot find module './utils'",
            "unknown-import spec/json-schema.spec.js:3 cannot find module './index-compat.js'",
        ]
    );
}

#[test]
fn scripts_report_only_slips_from_a_real_name() {
    // handlebars' specs are scripts (no import or export) calling globals
    // a test bootstrap defines (`global.expectTemplate = …`); a browser
    // script may call a library another `<script>` loads (`ga(…)`), which
    // the index never sees: only a near miss of a real name is reported.
    let p = shop(&[(
        "spec/env/common.js",
        "global.expectTemplate = function (templateAsString) {\n  return templateAsString;\n};\n",
    )]);
    let body = r#"describe('basic', function () {
  it('compiles', function () {
    expectTemplate('{{foo}}');
    expectTemplates('{{foo}}');
    ga('send', 'pageview');
  });
});
"#;
    let out = summary(&p.check_files(&[("spec/basic.js", body)]));
    assert_eq!(
        out,
        vec!["unknown-symbol spec/basic.js:4 'expectTemplates' is not defined"]
    );
    let report = p.check_files(&[("spec/basic.js", body)]);
    assert_eq!(report.findings[0].confidence, 0.6);
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
fn imports_of_builds_in_their_own_folders_or_minified() {
    // handlebars: `/dist/` is git-ignored; the build writes
    // `dist/cjs/precompiler.js` from `lib/precompiler.js` and
    // `dist/handlebars.min.js` from `lib/handlebars.js`.
    // Leaflet's SSR test imports the bundle its `exports` names.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "shop", "exports": {".": "./dist/leaflet-src.js"}}"#,
        ),
        (".gitignore", "node_modules\n/dist/\n"),
        ("lib/precompiler.js", "module.exports = {};\n"),
        ("lib/handlebars.js", "module.exports = {};\n"),
    ]);
    let body = r#"const pre = require('../dist/cjs/precompiler');
const min = require('../dist/handlebars.min');
const gone = require('../dist/cjs/compiler');
const bundle = require('../dist/leaflet-src.js');
module.exports = { pre, min, gone, bundle };
"#;
    assert_eq!(
        file(&p, "spec/precompiler.js", body),
        vec!["unknown-import spec/precompiler.js:3 cannot find module '../dist/cjs/compiler'"]
    );
}

#[test]
fn a_class_extending_the_class_a_required_module_exports() {
    // knex: `const QueryCompiler = require('../../query/querycompiler')` of
    // `module.exports = QueryCompiler`, extended by each dialect's compiler.
    let p = shop(&[(
        "lib/query/querycompiler.js",
        "class QueryCompiler {\n  constructor(client) {\n    this.client = client;\n  }\n  pushQuery(q) {\n    return q;\n  }\n}\nQueryCompiler.prototype.invalidClauses = [];\nmodule.exports = QueryCompiler;\n",
    )]);
    let body = r#"const QueryCompiler = require('../query/querycompiler');
class QueryCompiler_PG extends QueryCompiler {
  truncate() {
    this.pushQuery('truncate');
    this.pushQueries('truncate');
    return this.invalidClauses;
  }
}
module.exports = QueryCompiler_PG;
"#;
    assert_eq!(
        file(&p, "lib/dialects/pg-querycompiler.js", body),
        vec![
            "unknown-symbol lib/dialects/pg-querycompiler.js:5 'this' has no member 'pushQueries'"
        ]
    );
}

#[test]
fn prototype_members_assigned_from_an_object_literal() {
    // knex's clients: `Object.assign(Client_MSSQL.prototype, { … })` with
    // methods and values; a second source or a spread may add anything.
    let p = shop(&[]);
    let body = r#"class Client {
  acquire() {
    return this._request('select 1') + this.dialect + this._reqest('x');
  }
}
Object.assign(Client.prototype, {
  dialect: 'mssql',
  _request(sql) {
    return sql;
  },
});
class Pool {
  drain() {
    return this.anything();
  }
}
Object.assign(Pool.prototype, { size: 1, ...defaults });
const defaults = {};
module.exports = { Client, Pool };
"#;
    assert_eq!(
        file(&p, "lib/client.js", body),
        vec!["unknown-symbol lib/client.js:3 'this' has no member '_reqest'"]
    );
}

#[test]
fn a_base_class_may_call_what_its_subclasses_define() {
    // knex's `Client` calls `this._stream()`, which each dialect's client
    // (in another file, through an intermediate class) implements.
    let p = shop(&[
        (
            "lib/dialects/mysql.js",
            "const Client = require('../client');\nclass Client_MySQL extends Client {\n  _stream(connection) {\n    return connection;\n  }\n}\nmodule.exports = Client_MySQL;\n",
        ),
        (
            "lib/dialects/mysql2.js",
            "const Client_MySQL = require('./mysql');\nclass Client_MySQL2 extends Client_MySQL {\n  _driver() {\n    return {};\n  }\n}\nmodule.exports = Client_MySQL2;\n",
        ),
    ]);
    let body = r#"class Client {
  stream(connection) {
    this.driver = this._driver();
    return this._stream(connection) || this._streem(connection);
  }
}
module.exports = Client;
"#;
    assert_eq!(
        file(&p, "lib/client.js", body),
        vec!["unknown-symbol lib/client.js:4 'this' has no member '_streem'"]
    );
    // TypeScript wants the member declared on the class (`abstract`).
    let p = shop(&[(
        "src/pg.ts",
        "import { Client } from './client';
export class Pg extends Client {
  _stream(c: number): number {
    return c;
  }
}
",
    )]);
    let ts = "export class Client {
  run(c: number): number {
    return this._stream(c);
  }
}
";
    assert_eq!(
        file(&p, "src/client.ts", ts),
        vec!["unknown-symbol src/client.ts:3 'this' has no member '_stream'"]
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
fn members_a_class_includes_from_an_object_literal() {
    // Leaflet: `Layer.include({bindPopup(…) {…}})` in Popup.js adds methods
    // every layer has.
    let p = shop(&[
        (
            "src/Layer.js",
            "export class Layer {\n  static include(props) {\n    return props;\n  }\n  addTo(map) {\n    return map;\n  }\n}\n",
        ),
        (
            "src/Popup.js",
            "import { Layer } from './Layer.js';\nLayer.include({\n  bindPopup(content, options) {\n    return content || options;\n  },\n  _popupHandlers: {},\n  'openPopup': function () {\n    return this;\n  },\n});\n",
        ),
    ]);
    let body = r#"import { Layer } from './Layer.js';
export class Marker extends Layer {
  onAdd(map) {
    this.addTo(map);
    this.bindPopup(this._popup, this._popupHandlers);
    this.openPopup();
    this.bindPopop(this._popup);
  }
}
"#;
    assert_eq!(
        file(&p, "src/Marker.js", body),
        vec!["unknown-symbol src/Marker.js:7 'this' has no member 'bindPopop'"]
    );
    // Inside the literal, `this` is a Layer: its own methods, the others
    // the literal adds, and those other files include.
    let tooltip = r#"import { Layer } from './Layer.js';
Layer.include({
  bindTooltip(content) {
    this.unbindTooltip();
    this._initTooltipInteractions(true, content);
    this.bindPopup(content);
    this.addTo(content);
    return this.unbindTooltipp();
  },
  unbindTooltip() {
    return this;
  },
  _initTooltipInteractions(remove) {
    return remove.valueOf();
  },
});
"#;
    assert_eq!(
        file(&p, "src/Tooltip.js", tooltip),
        vec![
            "arity-mismatch src/Tooltip.js:5 '_initTooltipInteractions' takes at most 1 argument(s) but 2 were given",
            "unknown-symbol src/Tooltip.js:8 'this' has no member 'unbindTooltipp'",
        ]
    );
}

#[test]
fn statics_of_a_function_imported_from_its_module() {
    // sinon: `export default function extend(…)` with `extend.nonEnum =
    // function …` beside it, imported by default elsewhere.
    let p = shop(&[(
        "src/util/extend.js",
        "export default function extend(target, ...sources) {\n  return Object.assign(target, ...sources);\n}\nextend.nonEnum = function extendNonEnum(target, ...sources) {\n  return target;\n};\n",
    )]);
    let body = r#"import extend from "./util/extend.js";
export function stub(proxy) {
  extend(proxy, {});
  extend.nonEnum(proxy, {});
  extend.call(null, proxy);
  return extend.nonEnums(proxy, {});
}
"#;
    assert_eq!(
        file(&p, "src/stub.js", body),
        vec!["unknown-symbol src/stub.js:6 'extend' has no member 'nonEnums'"]
    );
}

#[test]
fn statics_other_modules_hang_on_an_imported_function_and_expected_exceptions() {
    // underscore: `export default function _(obj) {…}` with `_.VERSION`
    // beside it, and `_.iteratee = iteratee` in another module. A missing
    // name inside referee's `assert.exception(…)` is still missing (only
    // arity yields to a test that a call fails).
    let p = shop(&[
        (
            "modules/underscore.js",
            "export default function _(obj) {\n  return obj;\n}\n_.VERSION = '1.13';\n",
        ),
        (
            "modules/iteratee.js",
            "import _ from './underscore.js';\nexport default function iteratee(value) {\n  return value;\n}\n_.iteratee = iteratee;\n",
        ),
    ]);
    let body = r#"import _ from './underscore.js';
export default function cb(value) {
  if (_.iteratee !== undefined) return _.iteratee(value);
  assert.exception(function () {
    _.createIteratee(value);
  });
  return _.iterate(value);
}
"#;
    assert_eq!(
        file(&p, "modules/_cb.js", body),
        vec![
            "unknown-symbol modules/_cb.js:5 '_' has no member 'createIteratee'",
            "unknown-symbol modules/_cb.js:7 '_' has no member 'iterate'",
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
fn a_namespace_passes_on_names_its_export_clause_lists() {
    // handlebars' types: `declare namespace Handlebars { export { parse,
    // ParseOptions }; … }` re-exports what the file imports.
    let p = shop(&[(
        "types/index.d.ts",
        "import { parse, ParseOptions } from './parser';\ndeclare namespace Handlebars {\n  export { parse, type ParseOptions as Options };\n  export function compile(input: string): string;\n}\nexport default Handlebars;\n",
    )]);
    let body = r#"import Handlebars from '../index';
Handlebars.parse('{{name}}');
Handlebars.compile('{{name}}');
Handlebars.parseWithoutProcessing('{{name}}');
"#;
    assert_eq!(
        file(&p, "types/tests/handlebars.tst.ts", body),
        vec![
            "unknown-symbol types/tests/handlebars.tst.ts:4 namespace 'Handlebars' has no member 'parseWithoutProcessing'"
        ]
    );
}

#[test]
fn a_package_importing_itself_before_its_build_reads_the_source_entry() {
    // Leaflet's specs `import {GeoJSON} from 'leaflet'`; the package's
    // `exports` names `./dist/leaflet-src.js`, built from `src/Leaflet.js`.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "leaflet", "type": "module", "exports": {".": "./dist/leaflet-src.js", "./styles.css": "./dist/leaflet.css"}}"#,
        ),
        (
            "src/Leaflet.js",
            "export * from './layer/GeoJSON.js';\nexport const version = '2.0';\n",
        ),
        (
            "src/layer/GeoJSON.js",
            "export class GeoJSON {\n  static asFeature(geojson) {\n    return geojson.type === 'Feature' ? geojson : { type: 'Feature', geometry: geojson };\n  }\n}\n",
        ),
    ]);
    let body = r#"import {GeoJSON, version} from 'leaflet';
GeoJSON.asFeature({ type: 'Point' });
GeoJSON.asFeature();
GeoJSON.toFeature({ type: 'Point' });
export default version;
"#;
    assert_eq!(
        file(&p, "spec/suites/GeoJSONSpec.js", body),
        vec![
            "arity-mismatch spec/suites/GeoJSONSpec.js:3 'asFeature' needs at least 1 argument(s) but 0 were given",
            "unknown-symbol spec/suites/GeoJSONSpec.js:4 'GeoJSON' has no member 'toFeature'",
        ]
    );
    // sinon: a CommonJS build of `src/sinon.js` and an ESM one of
    // `src/sinon-esm.js`; which one an import gets is the build's business.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "sinon", "exports": {".": {"require": "./lib/sinon.js", "import": "./pkg/sinon-esm.js"}}}"#,
        ),
        ("src/sinon.js", "export default {};\n"),
        ("src/sinon-esm.js", "export const spy = () => {};\n"),
    ]);
    let body = "import * as sinon from 'sinon';\nsinon.spy();\nsinon.fake();\n";
    assert_eq!(file(&p, "docs/spy.test.js", body), Vec::<String>::new());
}

#[test]
fn a_package_entry_with_types_and_runtime_files_by_the_importer_language() {
    // handlebars: `".": {"types": "./types/index.d.ts", "default":
    // "./lib/index.js"}`, both in the repository; its type tests import
    // `handlebars` and read the declarations.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "handlebars", "exports": {".": {"types": "./types/index.d.ts", "default": "./lib/index.js"}}}"#,
        ),
        (
            "types/index.d.ts",
            "declare namespace Handlebars {\n  export function template(spec: object): string;\n}\nexport default Handlebars;\n",
        ),
        (
            "lib/index.js",
            "function template(spec) {\n  return spec.main;\n}\nexport default { template };\n",
        ),
    ]);
    let ts = "import Handlebars from 'handlebars';\nHandlebars.template({});\nHandlebars.makeTemplate({});\n";
    assert_eq!(
        file(&p, "types/tests/handlebars.tst.ts", ts),
        vec![
            "unknown-symbol types/tests/handlebars.tst.ts:3 namespace 'Handlebars' has no member 'makeTemplate'"
        ]
    );
}

#[test]
fn members_a_test_helper_hangs_on_a_node_module() {
    // node-postgres: test-helper.js does `assert.success = function …` on
    // Node's shared `assert` module object; the tests call it.
    // Used, never assigned, elsewhere (node-http-proxy's examples all call
    // `util.puts`, which Node removed) is still missing.
    let p = shop(&[
        (
            "test/test-helper.js",
            "const assert = require('assert');\nassert.success = function (callback) {\n  return callback;\n};\nmodule.exports = {};\n",
        ),
        (
            "examples/proxy.js",
            "const util = require('util');\nutil.puts('proxy started');\n",
        ),
    ]);
    let body = r#"const assert = require('assert');
const util = require('util');
assert.success(function () {});
assert.equal(1, 1);
assert.sucess(function () {});
util.puts('tests started');
"#;
    assert_eq!(
        file(&p, "test/txstatus-tests.js", body),
        vec![
            "unknown-symbol test/txstatus-tests.js:5 module 'assert' has no member 'sucess'",
            "unknown-symbol test/txstatus-tests.js:6 module 'util' has no member 'puts'",
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
fn a_constructor_function_inheriting_with_util_inherits() {
    // node-postgres' native client: `const Client = (module.exports =
    // function (config) {…})`, `util.inherits(Client, EventEmitter)`, then
    // prototype methods calling Node's EventEmitter methods and their own.
    let p = shop(&[]);
    let body = r#"const EventEmitter = require('events').EventEmitter;
const util = require('util');
const Client = (module.exports = function (config) {
  EventEmitter.call(this);
  this.config = config;
});
util.inherits(Client, EventEmitter);
Client.prototype.query = function (text, cb) {
  this.emit('query', text);
  this._startReading();
  return this.startReading(cb);
};
Client.prototype._startReading = function () {
  this.once('readable', () => {});
};
"#;
    assert_eq!(
        file(&p, "lib/native/client.js", body),
        vec!["unknown-symbol lib/native/client.js:11 'this' has no member 'startReading'"]
    );
}

#[test]
fn node_members_newer_than_the_runtime_or_only_under_ipc() {
    // `process.send` exists when a parent opened an IPC channel (execa's
    // fixtures); `zlib.createZstdDecompress` is newer than the Node the
    // lists were generated with (body-parser). Both come from @types/node.
    let p = shop(&[]);
    let body = r#"import process from 'node:process';
import zlib from 'node:zlib';
process.send({ ready: true });
process.disconnect();
zlib.createZstdDecompress();
process.sendd({ ready: true });
"#;
    assert_eq!(
        file(&p, "test/fixtures/ipc-send.js", body),
        vec![
            "unknown-symbol test/fixtures/ipc-send.js:6 module 'node:process' has no member 'sendd'"
        ]
    );
}

#[test]
fn non_ascii_text_before_a_name_is_read_whole() {
    // `'→' === sep` and a call after `“`: the readers step back over whole
    // characters (a byte step into `→` panicked the check).
    let p = shop(&[]);
    let body = "function join(parts, sep) {\n  // as “pick(sep)” does\n  if ('→' === sep) return parts.join(' ');\n  return parts.join(sep);\n}\njoin([], '→');\njoin([]);\nmodule.exports = { join };\n";
    assert_eq!(file(&p, "lib/join.js", body), Vec::<String>::new());
}

#[test]
fn a_local_object_the_function_fills_in() {
    // yargs' usage: `const self = {} as UsageInstance;` then `self.help =
    // function …`; calls of its members are checked. An object passed to a
    // function or written under a computed key may have any member.
    let p = shop(&[]);
    let body = r#"interface UsageInstance {
  help(): string;
  describe(key: string): void;
}
export function usage(yargs: object) {
  const self = {} as UsageInstance;
  self.describe = function describe(key: string) {
    self.help();
  };
  self.help = function help() {
    return self.describeAll() + String(yargs);
  };
  const api = { async run() { return 1; }, get size() { return 2; } };
  api.run();
  api.size.toFixed();
  api.stop();
  const open = {};
  register(open);
  open.anything();
  return self;
}
function register(o: object) {
  return o;
}
"#;
    assert_eq!(
        file(&p, "lib/usage.ts", body),
        vec![
            "unknown-symbol lib/usage.ts:11 'self' has no member 'describeAll'",
            "unknown-symbol lib/usage.ts:16 'api' has no member 'stop'",
        ]
    );
}

#[test]
fn a_typescript_class_has_the_members_its_type_declares_whatever_patches_it() {
    // yup's shape: the base class merges with an interface of the same
    // name that declares what a computed prototype patch adds; the class is
    // handed to a function and has a symbol-keyed static.
    let schema = r#"export default abstract class Schema<T = unknown> {
  static [Symbol.hasInstance](inst: any) {
    return inst && inst.__isSchema;
  }
  static isSchema(v: any): v is Schema {
    return !!v;
  }
  clone(): this {
    return this;
  }
  validate(value: T): T {
    return value;
  }
}
export default interface Schema<T = unknown> {
  validateAt(path: string, value: T): T;
}
for (const method of ['validate']) {
  (Schema.prototype as any)[`${method}At`] = function (path: string, value: unknown) {
    return this[method](value);
  };
}
register(Schema);
function register(c: unknown) {
  return c;
}
"#;
    let p = shop(&[("src/schema.ts", schema)]);
    let body = r#"import Schema from './schema';
export default class StringSchema extends Schema<string> {
  trim() {
    this.validate('x');
    this.validateAt('a', 'x');
    this.validateAtt('a', 'x');
    return this.clone();
  }
}
Schema.isSchema(1);
Schema.isSchemaa(1);
"#;
    assert_eq!(
        file(&p, "src/string.ts", body),
        vec![
            "unknown-symbol src/string.ts:6 'this' has no member 'validateAtt'",
            "unknown-symbol src/string.ts:11 'Schema' has no member 'isSchemaa'",
        ]
    );
    // JavaScript declares nothing: the same patches open the class there.
    let js = schema
        .replace("export default interface Schema<T = unknown> {\n  validateAt(path: string, value: T): T;\n}\n", "")
        .replace("<T = unknown>", "")
        .replace("(inst: any)", "(inst)")
        .replace("(v: any): v is Schema", "(v)")
        .replace("(): this", "()")
        .replace("(value: T): T", "(value)")
        .replace("(Schema.prototype as any)", "Schema.prototype")
        .replace("(path: string, value: unknown)", "(path, value)")
        .replace("(c: unknown)", "(c)");
    let p = shop(&[("src/schema.js", js.as_str())]);
    let body = "import Schema from './schema.js';\nexport default class StringSchema extends Schema {\n  trim() {\n    this.validateAtt('a', 'x');\n    return this.clone();\n  }\n}\nSchema.isSchemaa(1);\n";
    assert_eq!(file(&p, "src/string.js", body), Vec::<String>::new());
}

#[test]
fn bundles_macros_and_globals_other_files_of_the_change_call() {
    // bluebird: a browserify bundle with its own `require`, build macros
    // called on every line of a script, and a macro every module calls
    // (`USE(x)`) checked together with those modules; tests that load the
    // build from `js/*` (listed as what is in `js`, not `js` itself).
    let p = shop(&[
        (".gitignore", "node_modules\njs/*\n"),
        (
            "src/promise.js",
            "module.exports = function Promise() {};\n",
        ),
    ]);
    let bundle = r#"(function () {
function require(p) {
  return require.modules[p];
}
require.modules = {};
require.register = function (p, fn) {
  require.modules[p] = fn;
};
require.register('runner.js', function (module, exports, require) {
  var Runnable = require('./runnable');
  module.exports = Runnable;
});
var Suite = require('../suite');
})();
"#;
    let constants = "CONSTANT(LATE_QUEUE_CAPACITY, 16);\nCONSTANT(NORMAL_QUEUE_CAPACITY, 16);\nCONSTANT(ERROR_HANDLED_KEY, 'handled');\nCONSTANTS(DEFAULT_STATE, 0);\nfunction CONSTANTS_LIST() {}\n";
    let a = "module.exports = function a(x) {\n  USE(x);\n  return 1;\n};\n";
    let b = "module.exports = function b(y) {\n  USE(y);\n  return require('../js/debug/promise.js');\n};\n";
    let r = p.check_files(&[
        ("test/browser/mocha.js", bundle),
        ("src/constants.js", constants),
        ("src/a.js", a),
        ("src/b.js", b),
    ]);
    assert_eq!(
        project::summary(&r),
        vec!["unknown-symbol src/constants.js:4 'CONSTANTS' is not defined"]
    );
    // Alone, a module's unknown call is reported.
    assert_eq!(
        file(&p, "src/c.js", a),
        vec!["unknown-symbol src/c.js:2 'USE' is not defined"]
    );
}

#[test]
fn a_repositorys_own_export_equals_declarations_bind_typescript_not_its_javascript() {
    // dayjs: `index.d.ts` declares `export = dayjs` with a namespace that
    // lagged the code; its JavaScript locales call what the code accepts.
    let dts = "export = dayjs;\ndeclare function dayjs(date?: string): dayjs.Dayjs;\ndeclare namespace dayjs {\n  class Dayjs {\n    format(template?: string): string;\n  }\n  export function locale(preset?: string, object?: object): string;\n}\n";
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "dayjs", "main": "dayjs.min.js", "types": "index.d.ts", "devDependencies": {"tstyche": "^4.0.0"}}"#,
        ),
        ("index.d.ts", dts),
        (".gitignore", "dayjs.min.js\n"),
    ]);
    let js = "import dayjs from 'dayjs';\nimport { extend } from 'dayjs';\ndayjs.locale('kk', null, true);\ndayjs.localle('kk');\nexport default extend;\n";
    assert_eq!(file(&p, "src/locale/kk.js", js), Vec::<String>::new());
    let ts = "import dayjs from 'dayjs';\nimport { expect } from 'tstyche';\ndayjs.locale('kk', {}, true);\ndayjs.localle('kk');\nexpect(dayjs.locale(1, 2, 3)).type.toRaiseError();\n";
    assert_eq!(
        file(&p, "test/locale.ts", ts),
        vec![
            "unverifiable test/locale.ts:2 'tstyche' is declared but not installed, so the names imported from it cannot be checked (install the dependencies to check them)",
            "arity-mismatch test/locale.ts:3 'locale' takes at most 2 argument(s) but 3 were given",
            "unknown-symbol test/locale.ts:4 module 'dayjs' has no export 'localle'",
        ]
    );
}

#[test]
fn a_value_a_declarations_file_types_inline_has_the_members_it_lists() {
    // @sindresorhus/is: `declare const is: typeof detect & {…}`; what tsc
    // emits for `export default {…}`: `declare const _default: {…}`.
    let dts = r#"declare function detect(value: unknown): string;
declare function isUndefined(value: unknown): value is undefined;
declare const is: typeof detect & {
    undefined: typeof isUndefined;
    string(value: unknown): value is string;
    'plain-object': (value: unknown) => boolean;
    readonly nodeStream?: (value: unknown) => boolean;
};
export default is;
/** What the rest of a file says (unbalanced, like prose: see the README. */
"#;
    let loose = "declare const any: { [key: string]: () => void };\nexport default any;\n";
    let p = shop(&[("src/is.d.ts", dts), ("src/loose.d.ts", loose)]);
    let body = "import is from './is';\nimport any from './loose';\nis.undefined(1);\nis.string('x');\nis.nodeStream(2);\nis.call(null, 1);\nis.strings('x');\nany.whatever();\n";
    assert_eq!(
        file(&p, "src/use.ts", body),
        vec!["unknown-symbol src/use.ts:7 'is' has no member 'strings'"]
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
fn methods_other_files_assign_through_a_prototype_alias_are_members() {
    // acorn: `class Parser` in state.js; every other file takes `const pp =
    // Parser.prototype` and assigns methods to it (also under a symbol).
    // A file that hands its alias to `Object.assign` may add any member.
    let p = shop(&[
        (
            "src/state.js",
            "export class Parser {\n  constructor(input) {\n    this.input = input\n  }\n  parse() {\n    return this.parseTopLevel()\n  }\n}\n",
        ),
        (
            "src/tokenize.js",
            "import {Parser} from './state.js'\nconst pp = Parser.prototype\npp.next = function () {\n  this.pos++\n}\npp[Symbol.iterator] = function () {\n  return {next: () => this.next()}\n}\n",
        ),
        ("src/loose.js", "export class Loose {\n  run() {}\n}\n"),
        (
            "src/loose_extra.js",
            "import {Loose} from './loose.js'\nconst lp = Loose.prototype\nObject.assign(lp, {extra() {}})\n",
        ),
    ]);
    let body = "import {Parser} from './state.js'\nimport {Loose} from './loose.js'\nconst pp = Parser.prototype\npp.parseTopLevel = function () {\n  this.next()\n  this.nexts()\n  this.parse(1)\n  return this.parseTopLevel()\n}\nconst lp = Loose.prototype\nlp.step = function () {\n  this.extra()\n  this.anything()\n}\n";
    assert_eq!(
        file(&p, "src/statement.js", body),
        vec![
            "unknown-symbol src/statement.js:6 'this' has no member 'nexts'",
            "arity-mismatch src/statement.js:7 'parse' takes at most 0 argument(s) but 1 were given",
        ]
    );
}

#[test]
fn private_names_are_those_the_classes_around_declare() {
    // p-queue: `this.#processQueue()` in a class extending a package's
    // EventEmitter; a private name only the enclosing classes can declare,
    // whatever the base. An anonymous class in between may declare its own.
    let p = shop(&[]);
    let body = r#"import Got from 'got';
export class Queue extends Got {
  #pending = 0;
  #onDone = () => {};
  #process(job) {
    return job;
  }
  add(job) {
    this.#process(job);
    this.#processes(job);
    this.#process(job, 1);
    this.#onDone();
    this.emit('add');
    return class {
      #inner() {}
      run() {
        this.#inner();
      }
    };
  }
}
"#;
    assert_eq!(
        file(&p, "src/queue.ts", body),
        vec![
            "unknown-symbol src/queue.ts:10 'this' has no member '#processes'",
            "arity-mismatch src/queue.ts:11 '#process' takes at most 1 argument(s) but 2 were given",
        ]
    );
}

#[test]
fn the_package_importing_itself_by_name_reaches_its_source() {
    // dayjs's locales `import dayjs from 'dayjs'`: the repository's own
    // package, whose `main` is a build it lacks (`dayjs.min.js`); its
    // source is `src/index.js`.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "clock", "main": "clock.min.js"}"#,
        ),
        (
            "src/index.js",
            "export function tick(n) {\n  return n + 1\n}\nexport default tick\n",
        ),
    ]);
    let body = "import * as clock from 'clock'\nclock.tick(1)\nclock.tock(1)\n";
    assert_eq!(
        file(&p, "src/locale/en.js", body),
        vec!["unknown-symbol src/locale/en.js:3 module 'clock' has no export 'tock'"]
    );
    // MQTT.js's examples: `require('../..')`, the package's directory, whose
    // `main` is a build; Node reads no `exports` for a relative path.
    let body = "const clock = require('..')\nclock.tick(1)\nclock.tock(1)\n";
    assert_eq!(
        file(&p, "examples/run.js", body),
        vec!["unknown-symbol examples/run.js:3 module '..' has no export 'tock'"]
    );
}

#[test]
fn a_workspace_package_entry_is_what_node_loads() {
    // MQTT.js: `exports["."]` lists a browser build and the Node one, both
    // unbuilt; the Node one (`./build/index.js`) is built from
    // `src/index.ts`, the browser one from `src/mqtt.ts`.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "mq", "exports": {".": {"browser": {"import": "./dist/mq.esm.js", "default": "./dist/mq.min.js"}, "default": "./build/index.js"}}}"#,
        ),
        (
            "src/index.ts",
            "export function connect(url: string) {\n  return url\n}\n",
        ),
        ("src/mq.ts", "export function connectBrowser() {}\n"),
    ]);
    let body =
        "import {connect} from 'mq'\nimport * as mq from 'mq'\nconnect('x')\nmq.connects('x')\n";
    assert_eq!(
        file(&p, "test/unit.ts", body),
        vec!["unknown-symbol test/unit.ts:4 module 'mq' has no export 'connects'"]
    );
}

#[test]
fn a_class_exported_through_a_chain_of_assignments_has_its_statics() {
    // joi's template.js: `module.exports = exports = internals.Template =
    // class {…}`, required as `Template`.
    let p = shop(&[(
        "lib/template.js",
        "'use strict';\nconst internals = {};\nmodule.exports = exports = internals.Template = class {\n    constructor(source) {\n        this.source = source;\n    }\n    static isTemplate(template) {\n        return !!template;\n    }\n};\ninternals.Template.Peek = class {};\n",
    )]);
    let body = "'use strict';\nconst Template = require('./template');\nTemplate.isTemplate(1);\nTemplate.isTemplate(1, 2);\nTemplate.isTemplates(1);\nnew Template.Peek();\n";
    assert_eq!(
        file(&p, "lib/messages.js", body),
        vec![
            "arity-mismatch lib/messages.js:4 'isTemplate' takes at most 1 argument(s) but 2 were given",
            "unknown-symbol lib/messages.js:5 'Template' has no member 'isTemplates'",
        ]
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
fn a_function_bound_inside_a_callback_is_visible_there_only() {
    // zustand's tests: `const createStore = () => {…}` inside one `it(…)`
    // callback, and the imported `createStore(initializer)` in another.
    let p = shop(&[(
        "src/vanilla.ts",
        "export const createStore = (init: () => object) => init()\n",
    )]);
    let body = r#"import { createStore } from '../src/vanilla'
it('one', () => {
  const createStore = () => ({ count: 0 })
  createStore()
  createStore(1)
})
it('two', () => {
  createStore(() => ({ count: 1 }))
  createStore()
})
"#;
    assert_eq!(
        file(&p, "tests/store.test.ts", body),
        vec![
            "arity-mismatch tests/store.test.ts:5 'createStore' takes at most 0 argument(s) but 1 were given",
            "arity-mismatch tests/store.test.ts:9 'createStore' needs at least 1 argument(s) but 0 were given",
        ]
    );
}

#[test]
fn constructor_functions_inherit_across_modules() {
    // mysql: `ChangeUser` inherits `Sequence` of `require('./Sequence')`,
    // which inherits Node's EventEmitter; packet handlers are assigned
    // under string keys (`ChangeUser.prototype['ErrorPacket'] = …`).
    // Connection inherits `Events.EventEmitter`.
    let p = shop(&[(
        "lib/Sequence.js",
        "var Util = require('util');\nvar EventEmitter = require('events').EventEmitter;\nmodule.exports = Sequence;\nUtil.inherits(Sequence, EventEmitter);\nfunction Sequence(options) {\n  EventEmitter.call(this);\n  this._options = options;\n}\nSequence.prototype.end = function (err) {\n  this.emit('end', err);\n};\n",
    )]);
    let body = r#"var Util = require('util');
var Events = require('events');
var Sequence = require('./Sequence');
module.exports = ChangeUser;
Util.inherits(ChangeUser, Sequence);
function ChangeUser(options) {
  Sequence.call(this, options);
}
ChangeUser.prototype['ErrorPacket'] = function (packet) {
  this.end(packet);
  this.ends(packet);
  this.emit('error', packet);
  this.OkPacket();
};
ChangeUser.prototype.OkPacket = function () {
  this.ErrorPacket(null);
};
Util.inherits(Connection, Events.EventEmitter);
function Connection() {}
Connection.prototype.connect = function () {
  this.emit('connect');
  this.emits('connect');
};
"#;
    assert_eq!(
        file(&p, "lib/ChangeUser.js", body),
        vec![
            "unknown-symbol lib/ChangeUser.js:11 'this' has no member 'ends'",
            "unknown-symbol lib/ChangeUser.js:22 'this' has no member 'emits'",
        ]
    );
}

#[test]
fn functions_declaring_their_this_see_the_class_their_modules_extend() {
    // cheerio: `class Cheerio<T>` with a numeric index signature, merged
    // with `interface Cheerio<T> extends MethodsType, Iterable<T>` where
    // `MethodsType` is `typeof` the API modules, whose functions take
    // `this: Cheerio<T>`.
    let p = shop(&[
        (
            "src/cheerio.ts",
            "import * as Attributes from './api/attributes.js';\nimport * as Traversing from './api/traversing.js';\ntype MethodsType = typeof Attributes &\n  typeof Traversing;\nexport abstract class Cheerio<T> implements ArrayLike<T> {\n  length = 0;\n  [index: number]: T;\n  abstract _make(dom: T[]): Cheerio<T>;\n}\nexport interface Cheerio<T> extends MethodsType, Iterable<T> {\n  cheerio: '[cheerio object]';\n}\n",
        ),
        (
            "src/api/traversing.ts",
            "import type { Cheerio } from '../cheerio.js';\nexport function find<T>(this: Cheerio<T>, selector: string): Cheerio<T> {\n  return this._make([]);\n}\n",
        ),
    ]);
    let body = r#"import type { Cheerio } from '../cheerio.js';
export function attr<T>(this: Cheerio<T>, name: string): Cheerio<T> {
  this.find(name);
  this.finds(name);
  this._make([], 1);
  this.removeAttr(name);
  return this;
}
export function removeAttr<T>(this: Cheerio<T>, name: string): Cheerio<T> {
  return this.find(name, name);
}
export function _insert(concat: (x: number) => void) {
  return function <T>(this: Cheerio<T>, ...elems: string[]) {
    concat(1);
    return this.findAll(elems[0]);
  };
}
"#;
    assert_eq!(
        file(&p, "src/api/attributes.ts", body),
        vec![
            "unknown-symbol src/api/attributes.ts:4 'this' has no member 'finds'",
            "arity-mismatch src/api/attributes.ts:5 '_make' takes at most 1 argument(s) but 2 were given",
            "arity-mismatch src/api/attributes.ts:10 'find' takes at most 1 argument(s) but 2 were given",
            "unknown-symbol src/api/attributes.ts:15 'this' has no member 'findAll'",
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
fn typed_fields_and_parameters_handed_to_the_base_constructor() {
    // yaml's composer: `private onError: ComposeErrorHandler = (source,
    // code, message, warning) => …` is held to its type, not the arrow's
    // list. postcss: `constructor(defaults) { super(defaults) }`.
    let p = shop(&[]);
    let body = r#"type Handler = (source: number, code: string, message: string, warning?: boolean) => void;
export class Composer {
  private onError: Handler = (source, code, message, warning) => {
    console.log(source, code, message, warning);
  };
  run(): void {
    this.onError(1, 'BAD', 'message');
  }
}
"#;
    assert_eq!(file(&p, "src/composer.ts", body), Vec::<String>::new());
    let body = r#"class Node {
  constructor(defaults = {}) {
    this.raws = defaults;
  }
}
class Comment extends Node {
  constructor(defaults) {
    super(defaults);
    this.type = 'comment';
  }
}
new Comment({ text: 'a' });
new Comment({ text: 'b' });
new Comment();
class Declaration extends Node {
  constructor(defaults) {
    if (defaults && typeof defaults.value !== 'string') {
      defaults = { ...defaults, value: String(defaults.value) };
    }
    super(defaults);
  }
}
new Declaration({ value: 1 });
new Declaration({ value: 2 });
new Declaration();
module.exports = { Comment, Declaration };
"#;
    assert_eq!(file(&p, "lib/comment.js", body), Vec::<String>::new());
}

#[test]
fn prototypes_set_from_a_base_and_methods_inside_a_module_wrapper() {
    // mongoose: `Object.setPrototypeOf(Connection.prototype,
    // EventEmitter.prototype)` and `Schema.prototype =
    // Object.create(EventEmitter.prototype)`; q: methods assigned inside
    // its UMD wrapper, instances made by `object_create(Promise.prototype)`;
    // postcss: `proto[method]` only read.
    let p = shop(&[]);
    let body = r#"(function (definition) {
  module.exports = definition();
})(function () {
  const EventEmitter = require('events').EventEmitter;
  function Connection() {}
  Object.setPrototypeOf(Connection.prototype, EventEmitter.prototype);
  Connection.prototype.open = function () {
    this.emit('open');
    this.emits('open');
  };
  function Schema() {}
  Schema.prototype = Object.create(EventEmitter.prototype);
  Schema.prototype.add = function () {
    const proto = Schema.prototype;
    if (this.add === proto.add) this.emit('add');
    return this.adds();
  };
  function Promise() {}
  Promise.prototype.then = function (f) {
    return f(this);
  };
  Promise.prototype.tap = function (f) {
    return this.thens(f);
  };
  function make() {
    return object_create(Promise.prototype);
  }
  const object_create = Object.create;
  function Query() {}
  Query.prototype = new Connection();
  Query.prototype.run = function () {
    return this.anything();
  };
  return { Connection, Schema, make, Query };
});
"#;
    assert_eq!(
        file(&p, "q.js", body),
        vec![
            "unknown-symbol q.js:9 'this' has no member 'emits'",
            "unknown-symbol q.js:16 'this' has no member 'adds'",
            "unknown-symbol q.js:23 'this' has no member 'thens'",
        ]
    );
}

#[test]
fn an_ambient_module_is_every_block_that_declares_it() {
    // mongoose's types: `declare module 'mongoose' {…}` in index.d.ts and in
    // each of the files it references; its own tests import from any.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "shop", "types": "./types/index.d.ts", "main": "./index.js"}"#,
        ),
        ("index.js", "module.exports = {};\n"),
        (
            "types/index.d.ts",
            "/// <reference path=\"./models.d.ts\" />\ndeclare module 'shop' {\n  export function connect(uri: string): void;\n}\n",
        ),
        (
            "types/models.d.ts",
            "declare module 'shop' {\n  interface SaveOptions {\n    safe?: boolean;\n  }\n}\n",
        ),
    ]);
    let body = "import { connect, SaveOptions } from 'shop';\nconst o: SaveOptions = {};\nconnect('x');\nconnect('x', o);\n";
    assert_eq!(
        file(&p, "test/types/models.test.ts", body),
        vec![
            "arity-mismatch test/types/models.test.ts:4 'connect' takes at most 1 argument(s) but 2 were given"
        ]
    );
}

#[test]
fn a_function_value_typed_by_an_alias_takes_what_the_alias_says() {
    // MQTT.js: `const handleAck: PacketHandler = (client, packet) => …` with
    // `type PacketHandler = (client, packet, done?) => void` in shared.ts.
    let p = shop(&[
        (
            "src/shared.ts",
            "export type PacketHandler = (\n  client: string,\n  packet: number,\n  done?: () => void,\n) => void\n",
        ),
        (
            "src/ack.ts",
            "import type { PacketHandler } from './shared'\nconst handleAck: PacketHandler = (client, packet) => {\n  console.log(client, packet)\n}\nexport default handleAck\n",
        ),
    ]);
    let body = "import handleAck from './ack'\nhandleAck('c', 1)\nhandleAck('c', 1, () => {})\nhandleAck('c', 1, () => {}, 2)\nhandleAck('c')\n";
    assert_eq!(
        file(&p, "src/index.ts", body),
        vec![
            "arity-mismatch src/index.ts:4 'handleAck' takes at most 3 argument(s) but 4 were given",
            "arity-mismatch src/index.ts:5 'handleAck' needs at least 2 argument(s) but 1 were given",
        ]
    );
}

#[test]
fn members_a_framework_hangs_on_instances_are_left_to_run_time() {
    // passport: a strategy's `authenticate` calls `this.fail()`, which the
    // middleware assigns on an object made from the strategy's prototype
    // (and other strategies call too).
    let p = shop(&[
        (
            "lib/middleware/authenticate.js",
            "module.exports = function authenticate(prototype) {\n  const strategy = Object.create(prototype);\n  strategy.fail = function (challenge) {\n    return challenge;\n  };\n  return strategy;\n};\n",
        ),
        (
            "lib/strategies/session.js",
            "function SessionStrategy() {}\nSessionStrategy.prototype.authenticate = function () {\n  this.fail(401);\n};\nmodule.exports = SessionStrategy;\n",
        ),
    ]);
    let body = r#"describe('strategies', function () {
  function StrategyA() {}
  StrategyA.prototype.authenticate = function (req) {
    this.fail('A challenge');
    this.fial('A challenge');
  };
});
"#;
    assert_eq!(
        file(&p, "test/authenticate.test.js", body),
        vec!["unknown-symbol test/authenticate.test.js:5 'this' has no member 'fial'"]
    );
}

#[test]
fn a_prototype_assigned_an_object_literal_has_its_keys() {
    // pug's lexer: `Lexer.prototype = { constructor: Lexer, advance:
    // function () {…}, … }`, whose methods run with `this` a Lexer.
    let p = shop(&[]);
    let body = r#"'use strict';
function Lexer(str) {
  this.input = str;
}
Lexer.prototype = {
  constructor: Lexer,
  scan: function (regexp, type) {
    return regexp.exec(this.input) && type;
  },
  advance() {
    this.scan(/^x/, 'x');
    this.scna(/^x/, 'x');
    return this.scan(/^x/, 'x', 3);
  },
};
function Parser() {}
Parser.prototype = {
  ...Lexer.prototype,
  parse: function () {
    return this.anything();
  },
};
module.exports = { Lexer, Parser };
"#;
    assert_eq!(
        file(&p, "lib/lexer.js", body),
        vec![
            "unknown-symbol lib/lexer.js:12 'this' has no member 'scna'",
            "arity-mismatch lib/lexer.js:13 'scan' takes at most 2 argument(s) but 3 were given",
        ]
    );
}

#[test]
fn a_class_declared_in_several_callbacks_has_each_its_constructor() {
    // mobx's tests declare `class Store` in many `test(…)` callbacks.
    let p = shop(&[]);
    let body = r#"test("a", () => {
    class Store {
        value = 1
    }
    return new Store()
})
test("b", () => {
    class Store {
        constructor(public v: number) {}
    }
    new Store(1)
    return new Store()
})
"#;
    assert_eq!(
        file(&p, "src/store.test.ts", body),
        vec![
            "arity-mismatch src/store.test.ts:12 'constructor' needs at least 1 argument(s) but 0 were given"
        ]
    );
}

#[test]
fn a_base_constructor_calls_what_its_subclasses_override() {
    // bluebird: `PromiseArray.prototype._promiseRejected = function (reason)`
    // is called as `this._promiseRejected(reason, i)`, which the subclasses
    // made with `util.inherits(Sub, PromiseArray)` take.
    let p = shop(&[(
        "src/settle.js",
        "var util = require('util');\nvar PromiseArray = require('./promise_array');\nfunction SettledPromiseArray() {}\nutil.inherits(SettledPromiseArray, PromiseArray);\nSettledPromiseArray.prototype._promiseRejected = function (reason, index) {\n  return index;\n};\nmodule.exports = SettledPromiseArray;\n",
    )]);
    let body = r#"function PromiseArray() {}
PromiseArray.prototype._promiseRejected = function (reason) {
  return reason;
};
PromiseArray.prototype._iterate = function (values) {
  this._promiseRejected(values[0], 0);
  this._promiseRejected(values[0], 0, 1);
};
module.exports = PromiseArray;
"#;
    assert_eq!(
        file(&p, "src/promise_array.js", body),
        vec![
            "arity-mismatch src/promise_array.js:7 '_promiseRejected' takes at most 1 argument(s) but 3 were given"
        ]
    );
}

#[test]
fn prototype_methods_do_not_make_a_function_hold_statics() {
    // localForage's bundled Promise polyfill: `function Promise` with
    // `Promise.prototype = {…}` inside a module function, whose statics
    // (`Promise.all = all`) are assigned there too, where the adapter does
    // not record them. A module-level constructor's recorded statics still
    // decide.
    let p = shop(&[]);
    let body = r#"(function () {
  function Promise(resolver) {
    this.state = resolver;
  }
  Promise.prototype = {
    constructor: Promise,
    then: function (onFulfilled) {
      return onFulfilled;
    },
  };
  Promise.all = all;
  function all(values) {
    return values;
  }
  Promise.all([]);
})();
(function () {
  return Promise.race([]);
})();
function Store() {}
Store.create = function () {
  return new Store();
};
Store.prototype.get = function (key) {
  return key;
};
Store.create();
Store.crate();
module.exports = Store;
"#;
    assert_eq!(
        file(&p, "dist/bundle.js", body),
        vec!["unknown-symbol dist/bundle.js:28 'Store' has no member 'crate'"]
    );
}

#[test]
fn a_coffeescript_subclass_has_the_base_its_wrapper_is_handed() {
    // xml2js's compiled lib: `extend(Parser, superClass)` inside a wrapper
    // called with `events`; the base is a parameter, so its members are
    // unknown here.
    let p = shop(&[]);
    let body = r#"var events = require('events');
var extend = function (child, parent) { return child; };
exports.Parser = (function (superClass) {
  extend(Parser, superClass);
  function Parser(opts) {
    this.opts = opts;
  }
  Parser.prototype.reset = function () {
    this.removeAllListeners();
    return this.opts;
  };
  return Parser;
})(events);
"#;
    assert_eq!(file(&p, "lib/parser.js", body), Vec::<String>::new());
}
