//! The JavaScript/TypeScript resolver end to end on small real-looking
//! projects, for members: calls through `this`, project classes and their
//! bases (project, Node built-in, package), prototypes, statics, object
//! literals and local objects, Node built-in module members. Each test
//! indexes a temporary directory, checks files and asserts the exact
//! findings; valid code must stay clean. Modules and imports are in
//! `js_modules.rs`, arity in `js_arity.rs`, CommonJS idioms in
//! `js_commonjs.rs`.

mod project;

use project::{Proj, file, shop};

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
fn svelte_runes_are_globals_of_svelte_modules_only() {
    // dexie-svelte-query's `stateQuery.svelte.ts`: `$state` and `$effect`
    // come from Svelte's compiler.
    let p = shop(&[]);
    let body = "export function stateQuery(fn) {\n  let value = $state(undefined);\n  \
                $effect(() => {\n    value = fn();\n  });\n  return $stat(value);\n}\n";
    assert_eq!(
        file(&p, "src/stateQuery.svelte.ts", body),
        vec!["unknown-symbol src/stateQuery.svelte.ts:6 '$stat' is not defined"]
    );
    assert_eq!(
        file(&p, "src/stateQuery.ts", body),
        vec![
            "unknown-symbol src/stateQuery.ts:2 '$state' is not defined",
            "unknown-symbol src/stateQuery.ts:3 '$effect' is not defined",
            "unknown-symbol src/stateQuery.ts:6 '$stat' is not defined",
        ]
    );
}

#[test]
fn jakes_globals_are_globals_of_the_files_jake_loads() {
    // Leaflet.markercluster's Jakefile.js; ejs's jakelib/*.js.
    let p = shop(&[]);
    let body = "var build = require('./build/build.js');\n\
                desc('Build');\ntask('build', function () {\n  build.run();\n  complete();\n});\n\
                tsk('lint', function () {});\nmodule.exports = build;\n";
    for path in ["Jakefile.js", "jakelib/release.js"] {
        assert_eq!(
            file(&p, path, body)
                .iter()
                .filter(|f| f.starts_with("unknown-symbol"))
                .cloned()
                .collect::<Vec<_>>(),
            vec![format!("unknown-symbol {path}:7 'tsk' is not defined")]
        );
    }
    assert_eq!(
        file(&p, "build.js", body)
            .iter()
            .filter(|f| f.starts_with("unknown-symbol"))
            .count(),
        4
    );
}

#[test]
fn a_method_that_declares_its_this_runs_on_that_type() {
    // yeoman-generator's mixin classes: `spawnCommand(this: BaseGenerator,
    // …)`, applied to BaseGenerator, which defines `destinationRoot`.
    let p = shop(&[(
        "src/generator.ts",
        "export class BaseGenerator {\n  destinationRoot(): string {\n    return '.';\n  }\n}\n",
    )]);
    let mixin = |call: &str| {
        format!(
            "import type {{ BaseGenerator }} from './generator.js';\n\
             export class SpawnCommandMixin {{\n  spawnCommand(this: BaseGenerator, command: string): string {{\n    \
             return command + {call};\n  }}\n}}\n"
        )
    };
    assert_eq!(
        file(&p, "src/spawn.ts", &mixin("this.destinationRoot()")),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "src/spawn.ts", &mixin("this.destinationRoots()")),
        vec!["unknown-symbol src/spawn.ts:4 'this' has no member 'destinationRoots'"]
    );
    // The class's merged interface extends the mixins a helper copies in
    // and a runtime class: their members too.
    let p = shop(&[
        (
            "src/generator.ts",
            "import { EventEmitter } from 'node:events';\nimport { FsMixin } from './fs.js';\n\
             export class BaseGenerator extends EventEmitter {\n  destinationRoot(): string {\n    return '.';\n  }\n}\n\
             export interface BaseGenerator extends FsMixin, EventEmitter {}\n",
        ),
        (
            "src/fs.ts",
            "export class FsMixin {\n  templatePath(): string {\n    return '';\n  }\n}\n",
        ),
    ]);
    assert_eq!(
        file(
            &p,
            "src/spawn.ts",
            &mixin("this.templatePath() + this.emit('x')")
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "src/spawn.ts", &mixin("this.templatePaths()")),
        vec!["unknown-symbol src/spawn.ts:4 'this' has no member 'templatePaths'"]
    );
    // An intersection with an object type: the class, and the keys the
    // object type names (minimatch's `this: AST & { type: ExtglobType }`).
    let both = |call: &str| {
        mixin(call).replace(
            "this: BaseGenerator",
            "this: BaseGenerator & { kind: string; done(): void }",
        )
    };
    assert_eq!(
        file(
            &p,
            "src/spawn.ts",
            &both("this.templatePath() + this.done()")
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "src/spawn.ts", &both("this.templatePaths()")),
        vec!["unknown-symbol src/spawn.ts:4 'this' has no member 'templatePaths'"]
    );
    // A `this` type the project does not define is not read.
    assert_eq!(
        file(
            &p,
            "src/spawn.ts",
            &mixin("this.destinationRoots()").replace("this: BaseGenerator", "this: Other")
        ),
        Vec::<String>::new()
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
const mixins = { plain: {} };
Object.assign(Request.prototype, mixins[process.env.KIND]);
Request.prototype.run = function () {
  return this.anything();
};
module.exports = { Reply, Request };
"#;
    assert_eq!(
        file(&p, "lib/reply.js", body),
        vec!["unknown-symbol lib/reply.js:22 'this' has no member 'headr'"]
    );
    // A mixin object whose keys the file shows adds just those.
    let known = body.replace(
        "Object.assign(Request.prototype, mixins[process.env.KIND]);",
        "const mixin = { start() {} };\nObject.assign(Request.prototype, mixin);",
    );
    assert_eq!(
        file(&p, "lib/reply.js", &known),
        vec![
            "unknown-symbol lib/reply.js:22 'this' has no member 'headr'",
            "unknown-symbol lib/reply.js:29 'this' has no member 'anything'",
        ]
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
fn a_hook_the_code_tests_before_calling_is_optional() {
    // preact's `options` object: plugins add hooks the core calls only
    // after testing for them.
    let p = shop(&[(
        "src/options.js",
        "const options = {\n  catchError(e) {\n    throw e;\n  },\n};\nexport default options;\n",
    )]);
    let body = "import options from './options';\n\
                export function render(vnode, root, original) {\n\
                if (options.root) options.root(vnode, root);\n\
                if (!original && options.vnode) options.vnode(vnode);\n\
                const e = options.event ? options.event(vnode) : vnode;\n\
                if (options.commit != null) options.commit(root);\n\
                options.diffed(vnode);\n\
                return options.catchError(e);\n}\n";
    assert_eq!(
        file(&p, "src/render.js", body),
        vec!["unknown-symbol src/render.js:7 'options' has no member 'diffed'"]
    );
}

#[test]
fn members_of_javascript_globals_are_checked() {
    let p = shop(&[
        (
            "polyfill.js",
            "Object.deepFreeze = function (o) {\n  return Object.freeze(o);\n};\n",
        ),
        ("promise.js", "module.exports = function MyPromise() {};\n"),
    ]);
    let source = "export function f(x) {\n  const a = Object.processCreate(x);\n  \
                  const b = Math.florr(2) + Math.floor(2);\n  \
                  const c = JSON.parse('1') + Number.parseFloat('1');\n  \
                  console.log(Object.deepFreeze(a), Object.hasOwnProperty.call(a, 'k'));\n  \
                  return Promise.withResolvers(b + c) && Array.isArrays(a);\n}\n";
    assert_eq!(
        file(&p, "a.js", source),
        vec![
            "unknown-symbol a.js:2 'Object' has no member 'processCreate'",
            "unknown-symbol a.js:3 'Math' has no member 'florr'",
            "unknown-symbol a.js:6 'Array' has no member 'isArrays'",
        ]
    );
    // A global the project replaces has that value's members.
    let replaced = "global.Promise = require('./promise');\n\
                    module.exports = function () {\n  return Promise.promisifyAll({});\n};\n";
    assert_eq!(file(&p, "b.js", replaced), Vec::<String>::new());
    // A local of the global's name is no global.
    let shadowed = "export function g(Math) {\n  return Math.florr(1);\n}\n";
    assert_eq!(file(&p, "c.js", shadowed), Vec::<String>::new());
}

#[test]
fn a_typescript_class_storing_data_under_computed_keys_keeps_its_declared_methods() {
    // yeoman's BaseGenerator copies its mixins' methods in by computed
    // name; TypeScript holds the class to what its type declares (here a
    // merged interface extending the mixin class), so a mixin's method
    // keeps its arity.
    let p = shop(&[(
        "src/tasks.ts",
        "export class TasksMixin {\n  queueTask(task: string): void {\n    console.log(task);\n  }\n}\n",
    )]);
    let body = |call: &str| {
        format!(
            "import {{ TasksMixin }} from './tasks.js';\n\
             export class Gen {{\n  setAll(values: Record<string, unknown>): void {{\n    \
             for (const key of Object.keys(values)) {{\n      this[key as keyof this] = values[key] as never;\n    }}\n  }}\n  \
             run(): void {{\n    this.{call};\n  }}\n}}\n\
             export interface Gen extends TasksMixin {{}}\n"
        )
    };
    assert_eq!(
        file(&p, "src/gen.ts", &body("queueTask()")),
        vec![
            "arity-mismatch src/gen.ts:9 'queueTask' needs at least 1 argument(s) but 0 were given"
        ]
    );
    assert_eq!(
        file(&p, "src/gen.ts", &body("queueTask('a')")),
        Vec::<String>::new()
    );
}

#[test]
fn a_typescript_class_extending_a_dom_class_has_its_members() {
    // cropperjs' custom elements: `class CropperElement extends HTMLElement`.
    // Its members and the DOM's (from TypeScript's lib files) are known; a
    // JavaScript class over a DOM class stays open (vendor members).
    let p = shop(&[]);
    let body = |call: &str| {
        format!(
            "export class CropperElement extends HTMLElement {{\n  $render(): void {{\n    \
             this.attachShadow({{ mode: 'open' }});\n  }}\n  \
             connectedCallback(): void {{\n    this.{call}();\n  }}\n}}\n"
        )
    };
    assert_eq!(
        file(&p, "src/element.ts", &body("$renders")),
        vec!["unknown-symbol src/element.ts:6 'this' has no member '$renders'"]
    );
    assert_eq!(
        file(&p, "src/element.ts", &body("$render")),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "src/element.ts", &body("blur")),
        Vec::<String>::new()
    );
    let js = "export class CropperElement extends HTMLElement {\n  connectedCallback() {\n    this.webkitRequestFullscreen();\n  }\n}\n";
    assert_eq!(file(&p, "src/element.js", js), Vec::<String>::new());
}

#[test]
fn a_global_another_file_replaces_has_that_values_members() {
    // A bootstrap file puts bluebird in the global (`global.Promise =
    // require('bluebird')`); other files call its statics.
    let p = shop(&[
        ("promise.js", "module.exports = function MyPromise() {};\n"),
        ("bootstrap.js", "global.Promise = require('./promise');\n"),
    ]);
    let body = "module.exports = function () {\n  return Promise.promisifyAll({});\n};\n";
    assert_eq!(file(&p, "lib/a.js", body), Vec::<String>::new());
    // Without it, the global is the runtime's.
    let p = shop(&[("promise.js", "module.exports = function MyPromise() {};\n")]);
    assert_eq!(
        file(&p, "lib/a.js", body),
        vec!["unknown-symbol lib/a.js:2 'Promise' has no member 'promisifyAll'"]
    );
}
