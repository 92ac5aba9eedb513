//! What a CommonJS or TypeScript module's value is, written the ways real
//! libraries write it: `module.exports = class Visitor {…}` (stylus),
//! `exports = EventEmitter; … module.exports = exports;` beside
//! `exports.EventEmitter = EventEmitter` (blessed), `var Utility =
//! module.exports = {…}` with keys added as `module.exports.k = …` (pm2),
//! a module function other objects are merged into (`helpers.merge(blessed,
//! widgets)`), and `export = Hexo` imported as a default to type `this`.
//! Also which files speak for a constructor's prototype (not those whose
//! constructor of the same name comes from another module, nor those that
//! only read its keys). Each test
//! indexes a temporary project and asserts the exact findings.

mod project;

use project::{file, shop};

const VISITOR: &str = "module.exports = class Visitor {\n  constructor(root) {\n    this.root = root;\n  }\n  visit(node) {\n    return node;\n  }\n};\n";

#[test]
fn a_class_expression_assigned_to_module_exports_is_the_module_value() {
    let p = shop(&[("lib/visitor/index.js", VISITOR)]);
    let compiler = |call: &str| {
        format!(
            "var Visitor = require('./');\n\
             module.exports = class Compiler extends Visitor {{\n  \
             out(s) {{\n    return s;\n  }}\n  \
             compile() {{\n    return this.{call}(this.root);\n  }}\n}};\n"
        )
    };
    assert_eq!(
        file(&p, "lib/visitor/compiler.js", &compiler("visits")),
        vec!["unknown-symbol lib/visitor/compiler.js:7 'this' has no member 'visits'"]
    );
    assert_eq!(
        file(&p, "lib/visitor/compiler.js", &compiler("visit")),
        Vec::<String>::new()
    );
}

const EVENTS: &str = "function EventEmitter() {\n  this._events = {};\n}\n\
                      EventEmitter.prototype.on = function (type, fn) {\n  this._events[type] = fn;\n};\n\
                      EventEmitter.prototype.emit = function (type) {\n  return this._events[type];\n};\n\
                      exports = EventEmitter;\nexports.EventEmitter = EventEmitter;\nmodule.exports = exports;\n";

/// lib/node.js, a constructor over lib/events.js's `EventEmitter`, whose
/// method calls `this.CALL('adopt')`.
fn node_calling(call: &str) -> String {
    format!(
        "var EventEmitter = require('./events').EventEmitter;\n\
         function Node() {{\n  EventEmitter.call(this);\n}}\n\
         Node.prototype.__proto__ = EventEmitter.prototype;\n\
         Node.prototype.insert = function (el) {{\n  this.{call}('adopt');\n}};\n\
         module.exports = Node;\n"
    )
}

#[test]
fn a_base_exported_through_a_rebound_exports_object_is_read() {
    // Another file's `EventEmitter` comes from Node's `events`: it says
    // nothing about the project's constructor of that name.
    let gpm = "var EventEmitter = require('events').EventEmitter;\n\
               function Gpm() {}\nGpm.prototype.__proto__ = EventEmitter.prototype;\n\
               module.exports = Gpm;\n";
    let p = shop(&[("lib/events.js", EVENTS), ("lib/gpm.js", gpm)]);
    assert_eq!(
        file(&p, "lib/node.js", &node_calling("emits")),
        vec!["unknown-symbol lib/node.js:7 'this' has no member 'emits'"]
    );
    assert_eq!(
        file(&p, "lib/node.js", &node_calling("emit")),
        Vec::<String>::new()
    );
    // A file of the project that writes the prototype by a computed key
    // still opens it.
    let patch = "var EventEmitter = require('./events').EventEmitter;\n\
                 EventEmitter.prototype[name] = function () {};\n";
    let p = shop(&[("lib/events.js", EVENTS), ("lib/patch.js", patch)]);
    assert_eq!(
        file(&p, "lib/node.js", &node_calling("emits")),
        Vec::<String>::new()
    );
}

const UTILITY: &str = "var Utility = module.exports = {\n  clone: function (o) {\n    return o;\n  },\n};\n\
                       module.exports.extra = function () {\n  return 1;\n};\n";

#[test]
fn an_object_literal_bound_to_module_exports_and_an_alias_has_its_keys() {
    let p = shop(&[("lib/utility.js", UTILITY)]);
    let user = |call: &str| format!("var Utility = require('./utility');\nUtility.{call}({{}});\n");
    assert_eq!(
        file(&p, "lib/god.js", &user("clones")),
        vec!["unknown-symbol lib/god.js:2 'Utility' has no member 'clones'"]
    );
    // `module.exports.extra = …` adds a key.
    assert_eq!(file(&p, "lib/god.js", &user("clone")), Vec::<String>::new());
    assert_eq!(file(&p, "lib/god.js", &user("extra")), Vec::<String>::new());
    // A key written through the alias opens the object.
    let p = shop(&[(
        "lib/utility.js",
        &format!("{UTILITY}Utility[process.env.K] = 1;\n"),
    )]);
    assert_eq!(
        file(&p, "lib/god.js", &user("clones")),
        Vec::<String>::new()
    );
}

#[test]
fn a_module_function_other_objects_are_merged_into_is_open() {
    let widget = "exports.box = function () {};\n";
    let helpers = "exports.merge = function (a, b) {\n  Object.keys(b).forEach(function (k) { a[k] = b[k]; });\n  return a;\n};\n";
    let lib = |merge: &str| {
        format!(
            "function blessed() {{}}\nblessed.helpers = require('./helpers');\n\
             blessed.widget = require('./widget');\n{merge}module.exports = blessed;\n"
        )
    };
    let example = "var blessed = require('../lib/blessed');\nblessed.box();\n";
    let p = shop(&[
        ("lib/widget.js", widget),
        ("lib/helpers.js", helpers),
        (
            "lib/blessed.js",
            &lib("blessed.helpers.merge(blessed, blessed.widget);\n"),
        ),
    ]);
    assert_eq!(file(&p, "example/box.js", example), Vec::<String>::new());
    let p = shop(&[
        ("lib/widget.js", widget),
        ("lib/helpers.js", helpers),
        ("lib/blessed.js", &lib("")),
    ]);
    assert_eq!(
        file(&p, "example/box.js", example),
        vec!["unknown-symbol example/box.js:2 'blessed' has no member 'box'"]
    );
}

#[test]
fn export_equals_imported_as_a_default_types_this() {
    let hexo = "import { EventEmitter } from 'events';\n\
                class Hexo extends EventEmitter {\n  call(name: string): void {}\n}\n\
                export = Hexo;\n";
    let publish = |call: &str| {
        format!(
            "import type Hexo from '../hexo';\n\
             function publishConsole(this: Hexo, args: string[]): void {{\n  \
             this.{call}('help');\n}}\nexport = publishConsole;\n"
        )
    };
    let p = shop(&[("lib/hexo.ts", hexo)]);
    assert_eq!(
        file(&p, "lib/console/publish.ts", &publish("computeCall")),
        vec!["unknown-symbol lib/console/publish.ts:3 'this' has no member 'computeCall'"]
    );
    assert_eq!(
        file(&p, "lib/console/publish.ts", &publish("call")),
        Vec::<String>::new()
    );
}

#[test]
fn reading_a_prototypes_keys_elsewhere_adds_none() {
    // blessed's image.js copies OverlayImage's methods onto its instances.
    let image = "var OverlayImage = require('./overlayimage');\n\
                 function Image(options) {\n  \
                 Object.getOwnPropertyNames(OverlayImage.prototype).forEach(function (key) {\n    \
                 Object.defineProperty(this, key, Object.getOwnPropertyDescriptor(OverlayImage.prototype, key));\n  \
                 }, this);\n}\nmodule.exports = Image;\n";
    let overlay = |call: &str| {
        format!(
            "function OverlayImage(options) {{\n  this.options = options;\n}}\n\
             OverlayImage.prototype.ratio = function () {{\n  return 1;\n}};\n\
             OverlayImage.prototype.render = function () {{\n  return this.{call}();\n}};\n\
             module.exports = OverlayImage;\n"
        )
    };
    let p = shop(&[("lib/image.js", image)]);
    assert_eq!(
        file(&p, "lib/overlayimage.js", &overlay("ratios")),
        vec!["unknown-symbol lib/overlayimage.js:8 'this' has no member 'ratios'"]
    );
    assert_eq!(
        file(&p, "lib/overlayimage.js", &overlay("ratio")),
        Vec::<String>::new()
    );
    // Writing to it elsewhere (`Object.assign(OverlayImage.prototype, x)`)
    // still opens it.
    let p = shop(&[(
        "lib/image.js",
        "var OverlayImage = require('./overlayimage');\nObject.assign(OverlayImage.prototype, mixin);\n",
    )]);
    assert_eq!(
        file(&p, "lib/overlayimage.js", &overlay("ratios")),
        Vec::<String>::new()
    );
}

#[test]
fn keys_written_through_the_variable_of_an_exported_function_are_members() {
    // pm2's charm: `var encode = module.exports = function (xs) {…}` then
    // `var ord = encode.ord = function ord(c) {…}`.
    let encode = "var encode = module.exports = function (xs) {\n  return Buffer.from(xs);\n};\n\
                  var ord = encode.ord = function ord(c) {\n  return c.charCodeAt(0);\n};\n";
    let p = shop(&[("lib/encode.js", encode)]);
    let user = |call: &str| format!("var encode = require('./encode');\nencode.{call}('[');\n");
    assert_eq!(file(&p, "lib/charm.js", &user("ord")), Vec::<String>::new());
    assert_eq!(
        file(&p, "lib/charm.js", &user("ords")),
        vec!["unknown-symbol lib/charm.js:2 'encode' has no member 'ords'"]
    );
}

#[test]
fn an_ignored_directory_a_package_script_writes_is_build_output() {
    // jsdom: `lib/generated/` is in `.gitignore`, and `npm run prepare`
    // runs `node ./scripts/convert.js`, which writes it.
    let convert = "const path = require('path');\n\
                   const outputDir = path.resolve(__dirname, '../lib/generated/idl/');\n\
                   module.exports = outputDir;\n";
    let manifest = |script: &str| {
        format!(
            r#"{{"name": "shop", "scripts": {{"prepare": "node ./scripts/{script}.js"}}, "dependencies": {{"got": "^14.0.0"}}}}"#
        )
    };
    let body =
        "const NodeList = require('../../generated/idl/NodeList');\nmodule.exports = NodeList;\n";
    let p = project::Proj::new(&[
        ("package.json", &manifest("convert")),
        (".gitignore", "node_modules\nlib/generated/\n"),
        ("scripts/convert.js", convert),
    ]);
    assert_eq!(
        file(&p, "lib/living/nodes/Node.js", body),
        Vec::<String>::new()
    );
    // Ignored, but no script the package runs names it.
    let p = project::Proj::new(&[
        ("package.json", &manifest("other")),
        (".gitignore", "node_modules\nlib/generated/\n"),
        ("scripts/convert.js", convert),
        ("scripts/other.js", "module.exports = 1;\n"),
    ]);
    assert_eq!(
        file(&p, "lib/living/nodes/Node.js", body),
        vec![
            "unknown-import lib/living/nodes/Node.js:1 cannot find module '../../generated/idl/NodeList'"
        ]
    );
}

#[test]
fn a_class_exported_under_a_key_is_found_for_its_mixins() {
    // jsdom's impl files export their class as `implementation`; a class
    // mixed into another's prototype runs with `this` that other class.
    let element = "const { mixin } = require('./utils');\n\
                   const ParentNodeImpl = require('./ParentNode-impl').implementation;\n\
                   class ElementImpl {\n  _append(n) {\n    return n;\n  }\n}\n\
                   mixin(ElementImpl.prototype, ParentNodeImpl.prototype);\n\
                   module.exports = { implementation: ElementImpl };\n";
    let utils = "exports.mixin = (target, source) => {\n  Object.assign(target, source);\n};\n";
    let parent = |export: &str| {
        format!(
            "class ParentNodeImpl {{\n  append(n) {{\n    return this._append(n);\n  }}\n}}\n{export}"
        )
    };
    let assigned = format!("exports.implementation = {}", parent("").trim_end()) + ";\n";
    for text in [
        parent("module.exports = { implementation: ParentNodeImpl };\n"),
        parent("exports.implementation = ParentNodeImpl;\n"),
        assigned,
    ] {
        let p = shop(&[("lib/Element-impl.js", element), ("lib/utils.js", utils)]);
        assert_eq!(
            file(&p, "lib/ParentNode-impl.js", &text),
            Vec::<String>::new(),
            "{text}"
        );
    }
    // Mixed in nowhere, `this` is the class itself.
    let p = shop(&[("lib/utils.js", utils)]);
    assert_eq!(
        file(
            &p,
            "lib/ParentNode-impl.js",
            &parent("exports.implementation = ParentNodeImpl;\n")
        ),
        vec!["unknown-symbol lib/ParentNode-impl.js:3 'this' has no member '_append'"]
    );
}

#[test]
fn an_object_literal_with_keys_added_by_name_has_them_all() {
    // undici's `const webidl = {…}` then `webidl.brandCheck = function`.
    let lib = |extra: &str| {
        format!(
            "const webidl = {{\n  errors: {{}},\n}};\n\
             webidl.argumentLengthCheck = function ({{ length }}, min) {{\n  return length >= min;\n}};\n\
             {extra}module.exports = {{ webidl }};\n"
        )
    };
    let user = |call: &str| {
        format!("const {{ webidl }} = require('./webidl');\nwebidl.{call}(arguments, 1);\n")
    };
    let p = shop(&[("lib/webidl.js", &lib(""))]);
    assert_eq!(
        file(&p, "lib/cache.js", &user("argument_length_check")),
        vec!["unknown-symbol lib/cache.js:2 'webidl' has no member 'argument_length_check'"]
    );
    assert_eq!(
        file(&p, "lib/cache.js", &user("argumentLengthCheck")),
        Vec::<String>::new()
    );
    // A computed key may be anything.
    let p = shop(&[("lib/webidl.js", &lib("webidl[name] = function () {};\n"))]);
    assert_eq!(
        file(&p, "lib/cache.js", &user("argument_length_check")),
        Vec::<String>::new()
    );
}

#[test]
fn a_workspace_package_built_into_lib_resolves_to_its_sources() {
    // sequelize: `@sequelize/core` exports `./lib/index.d.ts` and the
    // pattern `./_internal_/*` → `./lib/*`; the repository has only `src/`.
    let core = r#"{"name": "@acme/core", "exports": {".": {"types": "./lib/index.d.ts", "default": "./lib/index.js"}, "./_internal_/*": "./lib/*"}}"#;
    let db2 = r#"{"name": "@acme/db2", "dependencies": {"@acme/core": "workspace:*"}}"#;
    let generator = "export class QueryGenerator {\n  quoteIdentifier(x: string): string {\n    return x;\n  }\n}\n";
    let p = project::Proj::new(&[
        (
            "package.json",
            r#"{"name": "acme", "private": true, "workspaces": ["packages/*"]}"#,
        ),
        ("packages/core/package.json", core),
        (
            "packages/core/src/index.d.ts",
            "export { QueryGenerator } from './query-generator.js';\n",
        ),
        (
            "packages/core/src/index.js",
            "module.exports = require('./query-generator');\n",
        ),
        ("packages/core/src/query-generator.ts", generator),
        (
            "packages/core/src/utils/check.ts",
            "export function rejectInvalid(x: string): void {}\n",
        ),
        ("packages/db2/package.json", db2),
    ]);
    let db2_generator = |call: &str| {
        format!(
            "import {{ QueryGenerator }} from '@acme/core';\n\
             import {{ rejectInvalid }} from '@acme/core/_internal_/utils/check.js';\n\
             export class Db2QueryGenerator extends QueryGenerator {{\n  \
             q(): string {{\n    rejectInvalid('x');\n    return this.{call}('x');\n  }}\n}}\n"
        )
    };
    assert_eq!(
        file(
            &p,
            "packages/db2/src/query-generator.ts",
            &db2_generator("quoteIdentifiers")
        ),
        vec![
            "unknown-symbol packages/db2/src/query-generator.ts:6 'this' has no member 'quoteIdentifiers'"
        ]
    );
    assert_eq!(
        file(
            &p,
            "packages/db2/src/query-generator.ts",
            &db2_generator("quoteIdentifier")
        ),
        Vec::<String>::new()
    );
    // The pattern subpath names the source too: a missing export is found.
    let bad = db2_generator("quoteIdentifier").replace("rejectInvalid", "rejectInvalids");
    assert_eq!(
        file(&p, "packages/db2/src/query-generator.ts", &bad),
        vec![
            "unknown-import packages/db2/src/query-generator.ts:2 module '@acme/core/_internal_/utils/check.js' has no export 'rejectInvalids'"
        ]
    );
}

#[test]
fn a_base_taken_from_a_required_modules_member_is_a_runtime_class() {
    // bookshelf's events.js: `const events = require('events'); const
    // EventEmitter = events.EventEmitter; class Events extends EventEmitter`.
    let events = |call: &str| {
        format!(
            "const events = require('events');\nconst EventEmitter = events.EventEmitter;\n\
             class Events extends EventEmitter {{\n  once(name, cb) {{\n    return this.{call}(name, cb);\n  }}\n}}\n\
             module.exports = Events;\n"
        )
    };
    let p = shop(&[]);
    assert_eq!(
        file(&p, "lib/events.js", &events("doOn")),
        vec!["unknown-symbol lib/events.js:5 'this' has no member 'doOn'"]
    );
    assert_eq!(
        file(&p, "lib/events.js", &events("on")),
        Vec::<String>::new()
    );
}

#[test]
fn prototype_keys_from_a_named_list_and_well_known_symbols_keep_it_closed() {
    // bookshelf's collection.js: `_.each(methods, function (method) {
    // CollectionBase.prototype[method] = … })` over `const methods = […]`,
    // and `CollectionBase.prototype[Symbol.iterator] = function* () {…}`.
    let collection = |call: &str| {
        format!(
            "const _ = {{ each(list, fn) {{ list.forEach(fn); }}, map(list) {{ return list; }} }};\n\
             function CollectionBase() {{\n  this.models = [];\n}}\n\
             CollectionBase.prototype.reset = function () {{\n  return this.{call}();\n}};\n\
             CollectionBase.prototype[Symbol.iterator] = function* () {{\n  yield* this.models;\n}};\n\
             const methods = ['forEach', 'map'];\n\
             _.each(methods, function (method) {{\n  \
             CollectionBase.prototype[method] = function () {{\n    return _[method](this.models);\n  }};\n}});\n\
             module.exports = CollectionBase;\n"
        )
    };
    let p = shop(&[]);
    assert_eq!(
        file(&p, "lib/collection.js", &collection("handleReset")),
        vec!["unknown-symbol lib/collection.js:6 'this' has no member 'handleReset'"]
    );
    // The listed keys are members.
    assert_eq!(
        file(&p, "lib/collection.js", &collection("map")),
        Vec::<String>::new()
    );
}

#[test]
fn flow_typed_javascript_the_grammar_cannot_read_is_not_judged() {
    // parse-server: Babel strips Flow annotations from its `.js` files.
    let body = "class HooksController {\n  getFunctions(name: string): Promise<any> {\n    \
                return this.load(name);\n  }\n}\nmodule.exports = HooksController;\n";
    let flow = r#"{"name": "shop", "devDependencies": {"flow-bin": "0.119.1"}}"#;
    let p = project::Proj::new(&[("package.json", flow)]);
    assert_eq!(file(&p, "src/hooks.js", body), Vec::<String>::new());
    // Without Flow, the same text is judged as written.
    let p = shop(&[]);
    assert_eq!(
        file(&p, "src/hooks.js", body),
        vec!["unknown-symbol src/hooks.js:3 'this' has no member 'load'"]
    );
}

#[test]
fn a_module_required_inside_a_function_is_that_module() {
    // sails' hooks: `module.exports = function (sails) { var path =
    // require('path'); … path.resolve(…) }`.
    let hook = |call: &str| {
        format!(
            "module.exports = function (sails) {{\n  var path = require('path');\n  \
             return {{\n    dir: path.{call}(sails.config.appPath, 'models'),\n  }};\n}};\n"
        )
    };
    let p = shop(&[]);
    assert_eq!(
        file(&p, "lib/hooks/loader.js", &hook("_resolve")),
        vec!["unknown-symbol lib/hooks/loader.js:4 module 'path' has no member '_resolve'"]
    );
    assert_eq!(
        file(&p, "lib/hooks/loader.js", &hook("resolve")),
        Vec::<String>::new()
    );
}

#[test]
fn a_value_made_by_new_or_a_static_factory_has_the_class_members() {
    // node-redis: `const utils = TestUtils.createDefault(); export default
    // utils;` of a workspace package whose `main` is `./dist/lib/index.js`,
    // built from `lib/index.ts`.
    let test_utils = "export default class TestUtils {\n  \
                      static createFromConfig(config: string): TestUtils {\n    return new TestUtils(config);\n  }\n  \
                      static createDefault() {\n    return TestUtils.createFromConfig('docker');\n  }\n  \
                      constructor(private config: string) {}\n  \
                      testWithClient(title: string): void {}\n}\n";
    let p = project::Proj::new(&[
        (
            "package.json",
            r#"{"name": "redis", "private": true, "workspaces": ["packages/*"]}"#,
        ),
        (
            "packages/test-utils/package.json",
            r#"{"name": "@redis/test-utils", "main": "./dist/lib/index.js", "types": "./dist/lib/index.d.ts"}"#,
        ),
        ("packages/test-utils/lib/index.ts", test_utils),
        (
            "packages/client/package.json",
            r#"{"name": "@redis/client", "devDependencies": {"@redis/test-utils": "*"}}"#,
        ),
        (
            "packages/client/lib/test-utils.ts",
            "import TestUtils from '@redis/test-utils';\nconst utils = TestUtils.createDefault();\nexport default utils;\n",
        ),
    ]);
    let spec =
        |call: &str| format!("import testUtils from '../test-utils';\ntestUtils.{call}('GET');\n");
    assert_eq!(
        file(
            &p,
            "packages/client/lib/commands/GET.spec.ts",
            &spec("testWithClients")
        ),
        vec![
            "unknown-symbol packages/client/lib/commands/GET.spec.ts:2 'testUtils' has no member 'testWithClients'"
        ]
    );
    assert_eq!(
        file(
            &p,
            "packages/client/lib/commands/GET.spec.ts",
            &spec("testWithClient")
        ),
        Vec::<String>::new()
    );
    // `new C()` in the same file.
    let local = |call: &str| {
        format!(
            "class Queue {{\n  push(x: number): void {{}}\n}}\nconst queue = new Queue();\nqueue.{call}(1);\n"
        )
    };
    assert_eq!(
        file(&p, "packages/client/lib/queue.ts", &local("pushes")),
        vec!["unknown-symbol packages/client/lib/queue.ts:5 'queue' has no member 'pushes'"]
    );
    assert_eq!(
        file(&p, "packages/client/lib/queue.ts", &local("push")),
        Vec::<String>::new()
    );
    // A key the module writes onto the value is one of its members.
    let written = local("pushes").replace(
        "queue.pushes(1)",
        "queue.pushes = () => 1;\nqueue.pushes(1)",
    );
    assert_eq!(
        file(&p, "packages/client/lib/queue.ts", &written),
        Vec::<String>::new()
    );
}

#[test]
fn reading_a_key_of_the_exports_adds_none() {
    // moleculer's utils.js: `const utils = {…}; module.exports = utils;`,
    // whose methods call `module.exports.getConstructorName(x)`.
    let utils = |extra: &str| {
        format!(
            "const utils = {{\n  isString(s) {{\n    return typeof s === 'string';\n  }},\n  \
             getConstructorName(x) {{\n    return x.constructor.name;\n  }},\n  \
             isInheritedClass(a, b) {{\n    return module.exports.getConstructorName(a) === b;\n  }},\n}};\n\
             module.exports = utils;\n{extra}"
        )
    };
    let user = |call: &str| format!("const utils = require('./utils');\nutils.{call}('x');\n");
    let p = shop(&[("src/utils.js", &utils(""))]);
    assert_eq!(
        file(&p, "src/broker.js", &user("isStrings")),
        vec!["unknown-symbol src/broker.js:2 'utils' has no member 'isStrings'"]
    );
    assert_eq!(
        file(&p, "src/broker.js", &user("isString")),
        Vec::<String>::new()
    );
    // A key written onto the exports may be anything.
    let p = shop(&[(
        "src/utils.js",
        &utils("module.exports.isStrings = (s) => true;\n"),
    )]);
    assert_eq!(
        file(&p, "src/broker.js", &user("isStrings")),
        Vec::<String>::new()
    );
}

#[test]
fn a_flow_pragma_search_stops_on_a_character_boundary() {
    // A file with a parse error whose 2,000th byte falls inside a
    // multi-byte character must not panic the checker. (The lines after
    // keep it from reading as minified.)
    let body = format!(
        "// {}\nclass A {{\n  m(x: string) {{\n    return this.n(x);\n  }}\n}}\nmodule.exports = A;\n{}",
        "é".repeat(1200),
        "// A line as people write them.\n".repeat(30)
    );
    let p = shop(&[]);
    assert_eq!(
        file(&p, "src/a.js", &body),
        vec!["unknown-symbol src/a.js:4 'this' has no member 'n'"]
    );
}
