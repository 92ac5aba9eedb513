//! The JavaScript/TypeScript resolver end to end on small real-looking
//! projects, for modules: imports and exports, re-export chains and
//! namespaces, CommonJS module values, path aliases, workspace packages and
//! package entries, build output, declarations files and scripts. Each
//! test indexes a temporary directory, checks files and asserts the exact
//! findings; valid code must stay clean.

mod project;

use project::{Proj, file, shop, summary};

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
fn methods_other_files_assign_through_a_prototype_alias_are_members() {
    // acorn: `class Parser` in state.js; every other file takes `const pp =
    // Parser.prototype` and assigns methods to it (also under a symbol).
    // A file that hands its alias to `Object.assign` with a source it does
    // not spell out may add any member (a literal source adds its keys).
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
            "import {Loose} from './loose.js'\nimport {extras} from './extras.js'\nconst lp = Loose.prototype\nObject.assign(lp, extras)\n",
        ),
        ("src/extras.js", "export const extras = {extra() {}}\n"),
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
fn a_package_depending_on_a_package_of_its_own_name_loads_that_one() {
    // escodegen's `benchmark/` package (named `benchmark`) requires the
    // registry's `benchmark`, which is not installed: nothing to check,
    // rather than its own `index.js`, which has no `Suite`.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "gen", "workspaces": ["benchmark"]}"#,
        ),
        (
            "benchmark/package.json",
            r#"{"name": "benchmark", "main": "index.js", "dependencies": {"benchmark": "~1.0.0"}}"#,
        ),
        (
            "benchmark/index.js",
            "module.exports = function run() {};\n",
        ),
    ]);
    let body = "var Benchmark = require('benchmark');\nnew Benchmark.Suite();\n";
    assert_eq!(file(&p, "benchmark/run.js", body), Vec::<String>::new());
    // Without the dependency, the package's own name is itself.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "gen", "workspaces": ["benchmark"]}"#,
        ),
        (
            "benchmark/package.json",
            r#"{"name": "benchmark", "main": "index.js", "exports": "./index.js"}"#,
        ),
        ("benchmark/index.js", "exports.run = function run() {};\n"),
    ]);
    let body = "var Benchmark = require('benchmark');\nBenchmark.runs();\n";
    assert_eq!(
        file(&p, "benchmark/run.js", body),
        vec!["unknown-symbol benchmark/run.js:2 module 'benchmark' has no export 'runs'"]
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

#[test]
fn a_default_export_named_in_an_export_clause_is_that_value() {
    // TinyColor's ES module build (rollup): `export { tinycolor as default }`.
    let lib = "function tinycolor(color) {\n  return { color };\n}\n\
               tinycolor.equals = function (a, b) {\n  return a === b;\n};\n\
               export { tinycolor as default };\n";
    let p = shop(&[("npm/esm/tinycolor.js", lib)]);
    let body = "import tinycolor from './tinycolor.js';\n\
                export const same = tinycolor.equals('red', 'red');\n\
                export const other = tinycolor.getEquals('red', 'red');\n";
    assert_eq!(
        file(&p, "npm/esm/test.js", body),
        vec!["unknown-symbol npm/esm/test.js:3 'tinycolor' has no member 'getEquals'"]
    );
    // A re-export names another module's value.
    let p = shop(&[
        (
            "npm/esm/tinycolor.js",
            "export { tinycolor as default } from './impl.js';\n",
        ),
        (
            "npm/esm/impl.js",
            lib.replace(
                "export { tinycolor as default };\n",
                "export { tinycolor };\n",
            )
            .as_str(),
        ),
    ]);
    assert_eq!(file(&p, "npm/esm/test.js", body), Vec::<String>::new());
}

#[test]
fn a_bare_name_under_base_url_that_is_a_declared_package_is_the_package() {
    // preact's demo: `"baseUrl": "."` beside pages named like the packages
    // they show (zustand.jsx imports `zustand`, mobx.jsx `mobx`).
    let page = |pkg: &str| {
        format!(
            "import create from '{pkg}';\nconst useStore = create(set => ({{ value: 0, set }}));\n\
             export default function Page() {{\n  return useStore();\n}}\n"
        )
    };
    let zustand = page("zustand");
    let mobx = page("mobx");
    let p = Proj::new(&[
        (
            "demo/package.json",
            r#"{"name": "demo", "dependencies": {"zustand": "^4.5.2", "mobx": "^5.15.4"}}"#,
        ),
        (
            "demo/tsconfig.json",
            r#"{"compilerOptions": {"baseUrl": "."}}"#,
        ),
        ("demo/mobx.jsx", mobx.as_str()),
        ("demo/util.js", "export function pad(s) {\n  return s;\n}\n"),
    ]);
    assert_eq!(
        summary(&p.check_files(&[("demo/zustand.jsx", zustand.as_str())])),
        Vec::<String>::new()
    );
    let body = "import create from 'mobx';\nimport { pad } from 'util';\ncreate(1);\npad('a', 'b', 'c');\n";
    let shows = summary(&p.check_files(&[("demo/other.js", body)]));
    assert_eq!(
        shows
            .iter()
            .filter(|f| !f.starts_with("unverifiable "))
            .collect::<Vec<_>>(),
        vec!["arity-mismatch demo/other.js:4 'pad' takes at most 1 argument(s) but 3 were given"]
    );
}

#[test]
fn aliases_a_declared_framework_provides_are_no_undeclared_packages() {
    // archiver's Docusaurus website.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "archiver", "dependencies": {"async": "^3.2.4"}}"#,
        ),
        (
            "website/package.json",
            r#"{"name": "@archiverjs/website", "private": true, "dependencies": {"@docusaurus/core": "3.10.1", "react": "^18.0.0"}}"#,
        ),
    ]);
    let body = "import React from 'react';\nimport Layout from '@theme/Layout';\nimport Link from '@docusaurus/Link';\n\
                import useBaseUrl from '@docusaurus/useBaseUrl';\nimport fancy from 'react-fancy-layout';\n\
                export default function Home() {\n  return [React, Layout, Link, useBaseUrl, fancy];\n}\n";
    let shows = summary(&p.check_files(&[("website/src/pages/index.js", body)]));
    assert_eq!(
        shows
            .iter()
            .filter(|f| !f.starts_with("unverifiable "))
            .collect::<Vec<_>>(),
        vec![
            "undeclared-package website/src/pages/index.js:5 package 'react-fancy-layout' is not declared in package.json (and not installed)"
        ]
    );
    // Without the framework, `@theme/Layout` is a package like any other.
    let p = Proj::new(&[(
        "package.json",
        r#"{"name": "archiver", "dependencies": {"react": "^18.0.0"}}"#,
    )]);
    let shows = summary(&p.check_files(&[("website/src/pages/index.js", body)]));
    assert_eq!(
        shows
            .iter()
            .filter(|f| f.starts_with("undeclared-package"))
            .count(),
        4
    );
}

#[test]
fn a_require_that_runs_only_under_commonjs_names_the_tree_a_bundle_came_from() {
    // sinon's browser bundle, vendored in Leaflet.markercluster's specs:
    // each part loads its siblings only where it finds CommonJS.
    let p = shop(&[]);
    let body = |guard: &str| {
        format!(
            "var sinon = {{}};\n(function (sinon) {{\n  var isNode = typeof module == \"object\" && typeof require == \"function\";\n  \
             if ({guard}) {{\n    sinon.spy = require(\"./sinon/spy\");\n  }}\n  \
             if (typeof module === \"object\" && typeof require === \"function\") {{\n    sinon.stub = require(\"./sinon/stub\");\n  }}\n}}(sinon));\n"
        )
    };
    assert_eq!(
        file(&p, "spec/sinon.js", &body("isNode")),
        Vec::<String>::new()
    );
    // Any other condition leaves the import checked.
    assert_eq!(
        file(&p, "spec/sinon.js", &body("sinon.enabled")),
        vec!["unknown-import spec/sinon.js:5 cannot find module './sinon/spy'"]
    );
}

#[test]
fn a_nested_package_named_like_a_dependency_of_the_repository_is_not_that_dependency() {
    // liquidjs: the private `benchmark/` package requires `benchmark`, which
    // the repository's package.json declares: the registry's package, not
    // the folder itself.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "liquid", "devDependencies": {"benchmark": "^2.1.4"}}"#,
        ),
        (
            "benchmark/package.json",
            r#"{"name": "benchmark", "private": true, "main": "index.js"}"#,
        ),
        (
            "benchmark/index.js",
            "module.exports = function run() {};\n",
        ),
    ]);
    let body =
        "const Benchmark = require('benchmark');\nmodule.exports = new Benchmark.Suite('x');\n";
    assert_eq!(
        project::summary(&p.check_files(&[("benchmark/demo.js", body)]))
            .into_iter()
            .filter(|f| !f.starts_with("unverifiable"))
            .collect::<Vec<_>>(),
        Vec::<String>::new()
    );
}

#[test]
fn a_file_that_exports_nothing_gives_what_its_loader_makes() {
    // paper.js' `dist/paper-core.js` loads the library through a
    // preprocessor at run time; its examples require it for its classes.
    let p = Proj::new(&[
        ("package.json", r#"{"name": "paper"}"#),
        (
            "dist/paper-core.js",
            "if (typeof window === 'object') {\n  load('src/load.js');\n} else {\n  prepro.include('../src/paper.js');\n}\n",
        ),
        (
            "src/lib.js",
            "exports.size = function size(w) {\n  return w;\n};\n",
        ),
    ]);
    let body = "var paper = require('../dist/paper-core.js');\nvar lib = require('../src/lib.js');\npaper.setup(new paper.Size(1, 2));\nlib.sizes(1);\n";
    assert_eq!(
        file(&p, "examples/star.js", body),
        vec!["unknown-symbol examples/star.js:4 module '../src/lib.js' has no export 'sizes'"]
    );
}

#[test]
fn a_namespace_import_exported_under_another_name_is_that_module() {
    // anime's bundled modules: `import * as index$1 from './utils/index.js';
    // export { index$1 as utils };`, imported as `import { utils } from …`.
    let p = Proj::new(&[
        ("package.json", r#"{"name": "anim"}"#),
        (
            "dist/modules/utils/index.js",
            "export function round(v, d) {\n  return v;\n}\n",
        ),
        (
            "dist/modules/index.js",
            "import * as index$1 from './utils/index.js';\nexport { index$1 as utils };\n",
        ),
    ]);
    let body = |call: &str| {
        format!(
            "import {{ utils }} from '../dist/modules/index.js';\nexport const x = utils.{call}(1, 2);\n"
        )
    };
    assert_eq!(
        file(&p, "examples/a.js", &body("handleRound")),
        vec![
            "unknown-symbol examples/a.js:2 module 'dist/modules/utils/index.js' has no export 'handleRound'"
        ]
    );
    assert_eq!(
        file(&p, "examples/a.js", &body("round")),
        Vec::<String>::new()
    );
}

#[test]
fn an_exported_let_its_module_never_reassigns_is_read_as_a_constant() {
    // typed.js: `export let htmlParser = new HTMLParser();`.
    let parser = |extra: &str| {
        format!(
            "class HTMLParser {{\n  typeHtmlChars(s, pos) {{\n    return pos;\n  }}\n}}\nexport let htmlParser = new HTMLParser();\n{extra}"
        )
    };
    let body = "import { htmlParser } from './html-parser.js';\nexport const n = htmlParser.typeHtmlChar('a', 1);\n";
    let p = Proj::new(&[
        ("package.json", r#"{"name": "typed"}"#),
        ("src/html-parser.js", &parser("")),
    ]);
    assert_eq!(
        file(&p, "src/typed.js", body),
        vec!["unknown-symbol src/typed.js:2 'htmlParser' has no member 'typeHtmlChar'"]
    );
    // One the module may replace holds whatever it is given last.
    let p = Proj::new(&[
        ("package.json", r#"{"name": "typed"}"#),
        (
            "src/html-parser.js",
            &parser("export function use(p) {\n  htmlParser = p;\n}\n"),
        ),
    ]);
    assert_eq!(file(&p, "src/typed.js", body), Vec::<String>::new());
    // An object literal other modules fill in (jQuery's `export var support
    // = {}`, extended in css/support.js) has more than its own keys.
    let p = Proj::new(&[
        ("package.json", r#"{"name": "jq"}"#),
        (
            "src/var/support.js",
            "export var support = {};
",
        ),
        (
            "src/css/support.js",
            "import { support } from '../var/support.js';
Object.assign(support, { reliableTrDimensions() {
  return true;
} });
",
        ),
    ]);
    let css = "import { support } from './var/support.js';
export const ok = support.reliableTrDimensions();
";
    assert_eq!(file(&p, "src/css.js", css), Vec::<String>::new());
}

#[test]
fn a_default_export_a_doc_comment_shows_is_not_the_modules() {
    // yeoman's generator.ts documents `export default class extends
    // Generator {` in a JSDoc example before its own `export default
    // BaseGenerator;`.
    let p = Proj::new(&[
        ("package.json", r#"{"name": "gen"}"#),
        (
            "src/base.ts",
            "/**\n * Extend it:\n * export default class extends Generator {\n * }\n */\nexport class Base {\n  run(): void {}\n}\nexport default Base;\n",
        ),
    ]);
    let body = |call: &str| {
        format!(
            "import Base from './base.js';\nexport class Sub extends Base {{\n  go(): void {{\n    this.{call}();\n  }}\n}}\n"
        )
    };
    assert_eq!(
        file(&p, "src/sub.ts", &body("runn")),
        vec!["unknown-symbol src/sub.ts:4 'this' has no member 'runn'"]
    );
    assert_eq!(file(&p, "src/sub.ts", &body("run")), Vec::<String>::new());
}
