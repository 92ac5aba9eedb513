//! What an instance or a module value has when it is built the older ways
//! real JavaScript builds them: a prototype made by `new Base()`
//! (js-beautify's tokenizers), a constructor under a dotted name
//! (`jasmine.Queue = function`), a prototype alias given a getter with
//! `Object.defineProperty` (vorpal), an instance handed to a package that
//! adds methods to it (request's `caseless.httpify(self, …)`), exports
//! written as `module['exports']` (colors), a directory required for its
//! `index.json`, statics written onto an imported function before it is
//! exported again (moment's `hooks`), a virtual module a bundler plugin
//! makes (highlight.js' `builtInLanguages`) and a bundle exporting itself
//! as one computed global (hammer.js). Each test indexes a temporary
//! project and asserts the exact findings.

mod project;

use project::{Proj, file, shop};

#[test]
fn a_prototype_made_by_new_base_has_the_bases_members() {
    let p = shop(&[(
        "core/tokenizer.js",
        "function Tokenizer() {\n  this.input = '';\n}\n\
         Tokenizer.prototype.readWord = function () {\n  return this.input;\n};\n\
         module.exports.Tokenizer = Tokenizer;\n",
    )]);
    let child = |call: &str| {
        format!(
            "var BaseTokenizer = require('./core/tokenizer').Tokenizer;\n\
             var Tokenizer = function () {{\n  BaseTokenizer.call(this);\n}};\n\
             Tokenizer.prototype = new BaseTokenizer();\n\
             Tokenizer.prototype.next = function () {{\n  return this.{call}();\n}};\n\
             module.exports.Tokenizer = Tokenizer;\n"
        )
    };
    assert_eq!(
        file(&p, "html.js", &child("readWords")),
        vec!["unknown-symbol html.js:7 'this' has no member 'readWords'"]
    );
    assert_eq!(
        file(&p, "html.js", &child("readWord")),
        Vec::<String>::new()
    );
}

#[test]
fn a_constructor_under_a_dotted_name_has_its_prototype_methods() {
    let p = shop(&[]);
    let queue = |args: &str| {
        format!(
            "var lib = {{}};\n\
             lib.Queue = function (env) {{\n  this.env = env;\n}};\n\
             lib.Queue.prototype.next_ = function () {{\n  return 1;\n}};\n\
             lib.Queue.prototype.start = function () {{\n  this.next_({args});\n}};\n\
             module.exports = lib;\n"
        )
    };
    assert_eq!(
        file(&p, "queue.js", &queue("true")),
        vec!["arity-mismatch queue.js:9 'next_' takes at most 0 argument(s) but 1 were given"]
    );
    assert_eq!(file(&p, "queue.js", &queue("")), Vec::<String>::new());
}

#[test]
fn a_prototype_alias_given_a_getter_keeps_its_methods_known() {
    let p = shop(&[("lib/commons.js", "module.exports = {};\n")]);
    let vorpal = |call: &str| {
        format!(
            "var commons = require('./commons');\n\
             function Vorpal() {{\n  this.commands = [];\n}}\n\
             // The vorpal prototype.\n\
             var vorpal = Vorpal.prototype;\n\
             vorpal.exec = function (cmd) {{\n  return this.{call}(cmd);\n}};\n\
             vorpal.run = function (cmd) {{\n  return cmd;\n}};\n\
             Object.defineProperty(vorpal, 'activeCommand', {{\n  get: function () {{\n    return this.commands[0];\n  }}\n}});\n\
             module.exports = Vorpal;\n"
        )
    };
    assert_eq!(
        file(&p, "lib/vorpal.js", &vorpal("handleRun")),
        vec!["unknown-symbol lib/vorpal.js:8 'this' has no member 'handleRun'"]
    );
    assert_eq!(
        file(&p, "lib/vorpal.js", &vorpal("run")),
        Vec::<String>::new()
    );
}

const PACKAGES: &str =
    r#"{"name": "req", "dependencies": {"caseless": "^0.12.0", "lodash": "^4.0.0"}}"#;

#[test]
fn an_instance_handed_to_a_package_may_gain_any_member() {
    let p = project::Proj::new(&[("package.json", PACKAGES)]);
    // `caseless.httpify(self, …)` as a statement of its own adds the header
    // methods: nothing the project shows says which.
    let request = |handed: &str| {
        format!(
            "var caseless = require('caseless');\nvar _ = require('lodash');\n\
             function Request(options) {{\n  var self = this;\n  {handed}\n}}\n\
             Request.prototype.init = function () {{\n  this.removeHeader('host');\n}};\n\
             module.exports = Request;\n"
        )
    };
    let summary = |body: &str| {
        project::summary(&p.check_files(&[("request.js", body)]))
            .into_iter()
            .filter(|f| !f.starts_with("unverifiable"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        summary(&request("caseless.httpify(self, {});")),
        Vec::<String>::new()
    );
    // A value read from it (`_.isEqual(self, other)`) adds nothing.
    assert_eq!(
        summary(&request("this.same = _.isEqual(self, options);")),
        vec!["unknown-symbol request.js:8 'this' has no member 'removeHeader'"]
    );
}

#[test]
fn exports_written_through_a_computed_key_of_module_are_not_judged() {
    let p = shop(&[(
        "lib/colors.js",
        "var colors = {};\nmodule['exports'] = colors;\ncolors.red = function (s) {\n  return s;\n};\n",
    )]);
    assert_eq!(
        file(
            &p,
            "safe.js",
            "var colors = require('./lib/colors');\ncolors.blue('x');\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn require_finds_a_directorys_index_json_as_node_does() {
    let p = shop(&[
        ("benchmarks/index.json", "{\"a\": 1}\n"),
        ("data.json", "[]\n"),
    ]);
    assert_eq!(
        file(
            &p,
            "bench.js",
            "var urls = require('./benchmarks');\nvar data = require('./data');\nvar none = require('./nothing');\n"
        ),
        vec!["unknown-import bench.js:3 cannot find module './nothing'"]
    );
}

#[test]
fn statics_written_onto_an_imported_function_before_it_is_exported_are_its_members() {
    let p = shop(&[
        (
            "src/lib/hooks.js",
            "export { hooks };\nfunction hooks() {\n  return 1;\n}\n",
        ),
        (
            "src/lib/locales.js",
            "export function defineLocale(name, config) {\n  return config;\n}\n",
        ),
        (
            "src/moment.js",
            "import { hooks as moment } from './lib/hooks';\nimport { defineLocale } from './lib/locales';\n\
             moment.version = '2.30.1';\nmoment.defineLocale = defineLocale;\nexport default moment;\n",
        ),
    ]);
    let locale = |call: &str| {
        format!("import moment from '../moment';\n\nexport default moment.{call}('he', {{}});\n")
    };
    assert_eq!(
        file(&p, "src/locale/he.js", &locale("_defineLocale")),
        vec!["unknown-symbol src/locale/he.js:3 'moment' has no member '_defineLocale'"]
    );
    assert_eq!(
        file(&p, "src/locale/he.js", &locale("defineLocale")),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "src/locale/he.js", &locale("call")),
        Vec::<String>::new()
    );
}

#[test]
fn a_function_a_prototype_takes_by_name_runs_on_its_instances() {
    // moment: `export function isSameOrAfter(…) { return this.isSame(…) }`
    // in compare.js, `proto.isSame = isSame` in prototype.js.
    let p = shop(&[
        (
            "src/lib/moment/constructor.js",
            "export function Moment(config) {\n  this._d = new Date(config);\n}\n",
        ),
        (
            "src/lib/moment/prototype.js",
            "import { Moment } from './constructor';\nimport { isSame, isSameOrAfter } from './compare';\n\
             var proto = Moment.prototype;\n\
             proto.isSame = isSame;\nproto.isSameOrAfter = isSameOrAfter;\n\
             proto[Symbol.for('nodejs.util.inspect.custom')] = function () {\n  return 'moment';\n};\n\
             export default proto;\n",
        ),
    ]);
    let compare = |call: &str| {
        format!(
            "export function isSame(input, units) {{\n  return this._d === input;\n}}\n\n\
             export function isSameOrAfter(input, units) {{\n  return this.{call}(input, units);\n}}\n"
        )
    };
    assert_eq!(
        file(&p, "src/lib/moment/compare.js", &compare("isSames")),
        vec!["unknown-symbol src/lib/moment/compare.js:6 'this' has no member 'isSames'"]
    );
    assert_eq!(
        file(&p, "src/lib/moment/compare.js", &compare("isSame")),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "src/lib/moment/compare.js", &compare("hasOwnProperty")),
        Vec::<String>::new()
    );
}

#[test]
fn a_umd_bundles_prototype_alias_is_read_inside_its_factory() {
    // moment.js: the same methods inside `(function (global, factory) {…}
    // (this, (function () { … })))`, the prototype stored whole on the
    // exported function (`hooks.fn = proto`).
    let p = shop(&[]);
    let bundle = |call: &str| {
        format!(
            ";(function (global, factory) {{\n    module.exports = factory();\n}}(this, (function () {{ 'use strict';\n\n    \
             function hooks() {{\n        return new Moment();\n    }}\n\n    \
             function Moment(config) {{\n        this._d = config;\n    }}\n\n    \
             function isValid() {{\n        return this._d != null;\n    }}\n\n    \
             function isSame(input) {{\n        return this.{call}() && this._d === input;\n    }}\n\n    \
             var proto = Moment.prototype;\n    proto.isValid = isValid;\n    proto.isSame = isSame;\n\n    \
             hooks.fn = proto;\n\n    return hooks;\n\n}})));\n"
        )
    };
    assert_eq!(
        file(&p, "moment.js", &bundle("isValids")),
        vec!["unknown-symbol moment.js:18 'this' has no member 'isValids'"]
    );
    assert_eq!(
        file(&p, "moment.js", &bundle("isValid")),
        Vec::<String>::new()
    );
}

#[test]
fn a_module_the_build_code_names_is_a_virtual_module() {
    // highlight.js's rollup plugin resolves `builtInLanguages` itself.
    let p = shop(&[(
        "tools/build_browser.js",
        "const plugin = () => ({\n  resolveId(source) {\n    if (source === \"builtInLanguages\") {\n      return source;\n    }\n    return null;\n  },\n});\nmodule.exports = plugin;\n",
    )]);
    assert_eq!(
        file(
            &p,
            "src/stub.js",
            "import * as builtIns from \"builtInLanguages\";\nimport * as other from \"otherLanguages\";\nexport { builtIns, other };\n"
        ),
        vec![
            "undeclared-package src/stub.js:2 package 'otherLanguages' is not declared in package.json (and not installed)"
        ]
    );
}

#[test]
fn a_bundle_that_exports_itself_as_one_global_keeps_its_names_known() {
    // hammer.js: `window[exportName] = Hammer` at the end of its wrapper.
    let p = shop(&[]);
    let bundle = |write: &str| {
        format!(
            "(function(window, exportName) {{\n'use strict';\n\
             function prefixed(obj, property) {{\n  return obj[property];\n}}\n\
             var ACTION = prefixeds(window, 'touchAction');\n\
             function Hammer() {{\n  return ACTION;\n}}\n\
             {write}\n}})(window, 'Hammer');\n"
        )
    };
    assert_eq!(
        file(&p, "hammer.js", &bundle("window[exportName] = Hammer;")),
        vec!["unknown-symbol hammer.js:6 'prefixeds' is not defined"]
    );
    // A key computed in a callback (bluebird's `global[nameStr] = …`) or
    // by a loop may be any name.
    assert_eq!(
        file(
            &p,
            "hammer.js",
            &bundle(
                "[1].forEach(function (n) {\n  var nameStr = String(n);\n  window[nameStr] = n;\n});"
            )
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        file(
            &p,
            "hammer.js",
            &bundle("for (var k in Hammer) {\n  window[k] = Hammer[k];\n}")
        ),
        Vec::<String>::new()
    );
    // (Also a named function expression handed to the iteration.)
    assert_eq!(
        file(
            &p,
            "hammer.js",
            &bundle(
                "[1].forEach(function each(n) {\n  var nameStr = String(n);\n  window[nameStr] = n;\n});"
            )
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_method_of_an_object_the_module_keeps_calls_its_keys() {
    let p = shop(&[]);
    let helpers = |call: &str, tail: &str| {
        format!(
            "var helpers = {{\n    filter: function (search) {{\n        return search;\n    }},\n    \
             file: function (name) {{\n        return this.{call}(name);\n    }}\n}};\n{tail}\n"
        )
    };
    assert_eq!(
        file(
            &p,
            "lib/object.js",
            &helpers("filters", "helpers.file('a');")
        ),
        vec!["unknown-symbol lib/object.js:6 'this' has no member 'filters'"]
    );
    assert_eq!(
        file(
            &p,
            "lib/object.js",
            &helpers("filter", "helpers.file('a');")
        ),
        Vec::<String>::new()
    );
    // Exported, it may become a prototype whose instances hold more
    // (jszip's `JSZip.prototype = require('./object')`).
    assert_eq!(
        file(
            &p,
            "lib/object.js",
            &helpers("clone", "module.exports = helpers;")
        ),
        Vec::<String>::new()
    );
}

#[test]
fn prototype_keys_from_a_list_indexed_in_a_loop_are_known() {
    // jszip's removed methods, and a class named only in a comment's call
    // (source-map's JSDoc `function f(SourceMapConsumer)`).
    let p = shop(&[]);
    let zip = |call: &str| {
        format!(
            "var ZipObject = function (name) {{\n  this.name = name;\n}};\n\
             ZipObject.prototype = {{\n  internalStream: function (type) {{\n    return type;\n  }},\n  \
             async: function (type) {{\n    return this.{call}(type);\n  }}\n}};\n\
             var removedMethods = ['asText', 'asBinary'];\n\
             for (var i = 0; i < removedMethods.length; i++) {{\n  ZipObject.prototype[removedMethods[i]] = function () {{}};\n}}\n\
             module.exports = ZipObject;\n"
        )
    };
    assert_eq!(
        file(&p, "lib/zipObject.js", &zip("internalStreams")),
        vec!["unknown-symbol lib/zipObject.js:9 'this' has no member 'internalStreams'"]
    );
    assert_eq!(
        file(&p, "lib/zipObject.js", &zip("asText")),
        Vec::<String>::new()
    );
    let consumer = |call: &str| {
        format!(
            "/**\n * `function f(Consumer)` is called with the consumer.\n */\n\
             class Consumer {{\n  find(a) {{\n    return a;\n  }}\n}}\n\
             class Basic extends Consumer {{\n  run(a) {{\n    return this.{call}(a);\n  }}\n}}\n\
             module.exports = {{ Consumer, Basic }};\n"
        )
    };
    assert_eq!(
        file(&p, "lib/consumer.js", &consumer("finds")),
        vec!["unknown-symbol lib/consumer.js:11 'this' has no member 'finds'"]
    );
}

#[test]
fn statics_a_function_extends_itself_with_are_its_members() {
    // jQuery: `jQuery.extend( { merge: … } )` in core.js and css.js, the
    // prototype's `map(callback)` no static.
    let p = shop(&[
        (
            "src/core.js",
            "function jQuery( selector ) {\n\treturn new jQuery.fn.init( selector );\n}\n\
             jQuery.fn = jQuery.prototype = {\n\tmap: function( callback ) {\n\t\treturn callback;\n\t}\n};\n\
             jQuery.extend = jQuery.fn.extend = function() {\n\treturn this;\n};\n\
             jQuery.expando = \"jQuery\";\n\
             jQuery.extend( {\n\tmerge: function( first, second ) {\n\t\treturn first;\n\t}\n} );\n\
             export { jQuery };\n",
        ),
        (
            "src/css.js",
            "import { jQuery } from \"./core.js\";\n\
             jQuery.extend( {\n\tcss: function( elem, name ) {\n\t\treturn elem[ name ];\n\t}\n} );\n\
             [ \"get\", \"post\" ].forEach( function( method ) {\n\tjQuery[ method ] = function( url ) {\n\t\treturn url;\n\t};\n} );\n",
        ),
    ]);
    let user = |call: &str| {
        format!(
            "import {{ jQuery }} from \"./core.js\";\n\nexport function width( elem ) {{\n\treturn {call};\n}}\n"
        )
    };
    assert_eq!(
        file(
            &p,
            "src/dimensions.js",
            &user("jQuery.css( elem, \"width\" )")
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        file(
            &p,
            "src/dimensions.js",
            &user("jQuery.merge( [], [ elem ] )")
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "src/dimensions.js", &user("jQuery.get( elem )")),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "src/dimensions.js", &user("jQuery.cssText( elem )")),
        vec!["unknown-symbol src/dimensions.js:4 'jQuery' has no member 'cssText'"]
    );
    assert_eq!(
        file(
            &p,
            "src/dimensions.js",
            &user("jQuery.map( [ elem ], String )")
        ),
        vec!["unknown-symbol src/dimensions.js:4 'jQuery' has no member 'map'"]
    );
}

#[test]
fn a_dotted_constructor_in_a_script_knows_its_prototype() {
    // lunr's sources: scripts adding to `lunr.Vector.prototype`, joined
    // into one bundle by the build; the library's tests use them as globals.
    let p = shop(&[(
        "lib/index.js",
        "lunr.Index = function (attrs) {\n  this.attrs = attrs;\n};\n\
         lunr.Index.prototype.search = function (q) {\n  return q;\n};\n",
    )]);
    let vector = |call: &str| {
        format!(
            "lunr.Vector = function (elements) {{\n  this.elements = elements || [];\n}};\n\
             lunr.Vector.prototype.dot = function (other) {{\n  return other;\n}};\n\
             lunr.Vector.prototype.upsert = function (idx, val, fn) {{\n  return {call};\n}};\n"
        )
    };
    assert_eq!(
        file(&p, "lib/vector.js", &vector("this.makeDot(val)")),
        vec!["unknown-symbol lib/vector.js:8 'this' has no member 'makeDot'"]
    );
    // A slip of a parameter's name (the callback `fn`).
    assert_eq!(
        file(&p, "lib/vector.js", &vector("doFn(val)")),
        vec!["unknown-symbol lib/vector.js:8 'doFn' is not defined"]
    );
    assert_eq!(
        file(&p, "lib/vector.js", &vector("this.dot(val) + fn(val)")),
        Vec::<String>::new()
    );
    // Another file handing the prototype to a mixin may add any name.
    let p = shop(&[(
        "lib/mixins.js",
        "var lunr = require('./lunr');\nObject.assign(lunr.Vector.prototype, require('./ops'));\n",
    )]);
    assert_eq!(
        file(&p, "lib/vector.js", &vector("this.makeDot(val)")),
        Vec::<String>::new()
    );
}

#[test]
fn a_class_declared_by_extending_a_base_knows_its_literal_and_the_bases_methods() {
    // Backbone's and bookshelf's classes: `const Model =
    // ModelBase.extend({ fetch() { this.sync() } }, { forge() {} })`.
    let p = shop(&[
        (
            "lib/base/model.js",
            "function ModelBase(attributes) {\n  this.attributes = attributes;\n}\n\
             ModelBase.prototype.get = function (attr) {\n  return this.attributes[attr];\n};\n\
             ModelBase.extend = require('../extend');\nmodule.exports = ModelBase;\n",
        ),
        (
            "lib/extend.js",
            "module.exports = function extend(protoProps) {\n  const Parent = this;\n  \
             const Child = function () {\n    return Parent.apply(this, arguments);\n  };\n  \
             Child.prototype = Object.assign(Object.create(Parent.prototype), protoProps);\n  \
             return Child;\n};\n",
        ),
    ]);
    let model = |call: &str| {
        format!(
            "const ModelBase = require('./base/model');\n\
             const Model = ModelBase.extend({{\n  fetch(options) {{\n    return this.get(options);\n  }},\n  \
             save: function () {{\n    return {call};\n  }}\n}}, {{\n  forge() {{\n    return new this();\n  }}\n}});\n\
             module.exports = Model;\n"
        )
    };
    assert_eq!(
        file(&p, "lib/model.js", &model("this.gets('id')")),
        vec!["unknown-symbol lib/model.js:7 'this' has no member 'gets'"]
    );
    assert_eq!(
        file(&p, "lib/model.js", &model("this.fetch({}, true)")),
        vec!["arity-mismatch lib/model.js:7 'fetch' takes at most 1 argument(s) but 2 were given"]
    );
    assert_eq!(
        file(
            &p,
            "lib/model.js",
            &model("this.fetch({}) && this.get('id')")
        ),
        Vec::<String>::new()
    );
    // `$.extend({…}, {…})` of a function the project does not define merges
    // objects; its `this` is not read.
    let merged = model("this.gets('id')").replace(
        "const ModelBase = require('./base/model');",
        "const ModelBase = require('got');",
    );
    assert_eq!(
        file(&p, "lib/model.js", &merged),
        vec![
            "unverifiable lib/model.js:1 'got' is declared but not installed, so the names imported from it cannot be checked (install the dependencies to check them)"
        ]
    );
}

#[test]
fn mixin_objects_copied_into_a_prototype_add_their_keys() {
    // Marionette: `const CollectionView = Backbone.View.extend({…})`, then
    // `_.extend(CollectionView.prototype, ViewMixin)`, ViewMixin a module's
    // object that copies in other mixins, one of them Backbone's Events.
    let p = project::Proj::new(&[
        (
            "package.json",
            r#"{"name": "mn", "dependencies": {"backbone": "^1.4.0", "underscore": "^1.13.0"}}"#,
        ),
        (
            "src/mixins/common.js",
            "import Backbone from 'backbone';\nimport _ from 'underscore';\n\
             const CommonMixin = {\n  triggerMethod(name) {\n    return name;\n  }\n};\n\
             _.extend(CommonMixin, Backbone.Events);\nexport default CommonMixin;\n",
        ),
        (
            "src/mixins/ui.js",
            "export default {\n  bindUIElements() {\n    return 1;\n  }\n};\n",
        ),
        (
            "src/mixins/view.js",
            "import _ from 'underscore';\nimport CommonMixin from './common';\nimport UIMixin from './ui';\n\
             const ViewMixin = {\n  isRendered() {\n    return true;\n  }\n};\n\
             _.extend(ViewMixin, CommonMixin, UIMixin);\nexport default ViewMixin;\n",
        ),
    ]);
    let view = |call: &str| {
        format!(
            "import _ from 'underscore';\nimport Backbone from 'backbone';\nimport ViewMixin from './mixins/view';\n\
             const CollectionView = Backbone.View.extend({{\n  render() {{\n    {call};\n    return this;\n  }}\n}});\n\
             _.extend(CollectionView.prototype, ViewMixin);\nexport default CollectionView;\n"
        )
    };
    let found = |call: &str| {
        p.check_files(&[("src/collection-view.js", &view(call))])
            .findings
            .iter()
            .filter(|f| f.kind != plumb_check::report::FindingKind::Unverifiable)
            .map(|f| format!("{}:{} {} {:.2}", f.file, f.line, f.message, f.confidence))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        found("this.trigger_method('render')"),
        vec!["src/collection-view.js:6 'this' has no member 'trigger_method' 0.60"]
    );
    for known in [
        "this.triggerMethod('render')",
        "this.bindUIElements()",
        "this.isRendered()",
        "this.listenTo(this.model, 'change', this.render)",
    ] {
        assert_eq!(found(known), Vec::<String>::new(), "{known}");
    }
    // A mixin the text cannot read (handed to a function that may write
    // to it) leaves the prototype open.
    let open = view("this.trigger_method('render')").replace(
        "_.extend(CollectionView.prototype, ViewMixin);",
        "function makeMixin() {\n  return {};\n}\n_.extend(CollectionView.prototype, ViewMixin, makeMixin());",
    );
    assert_eq!(
        p.check_files(&[("src/collection-view.js", &open)])
            .findings
            .iter()
            .filter(|f| f.kind == plumb_check::report::FindingKind::UnknownSymbol)
            .count(),
        0
    );
}

#[test]
fn modules_mixing_in_each_others_objects_are_read_once() {
    // Two modules, each copying the other's mixin object into a prototype:
    // reading one module's mixins must not read its own again.
    let module = |me: &str, other: &str, call: &str| {
        format!(
            "import _ from 'underscore';\nimport {other}Mixin from './{other}';\n\
             export function {me}() {{}}\n_.extend({me}.prototype, {other}Mixin);\n\
             {me}.prototype.run = function () {{\n  return {call};\n}};\n\
             const {me}Mixin = {{\n  {me}Only() {{\n    return 1;\n  }}\n}};\nexport default {me}Mixin;\n"
        )
    };
    let p = project::Proj::new(&[
        (
            "package.json",
            r#"{"name": "m", "dependencies": {"underscore": "^1.13.0"}}"#,
        ),
        ("b.js", &module("B", "a", "this.AOnly()")),
    ]);
    let unknown = |body: &str| {
        p.check_files(&[("a.js", body)])
            .findings
            .iter()
            .filter(|f| f.kind == plumb_check::report::FindingKind::UnknownSymbol)
            .map(|f| format!("{}:{} {}", f.file, f.line, f.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        unknown(&module("A", "b", "this.BOnly()")),
        Vec::<String>::new()
    );
    assert_eq!(
        unknown(&module("A", "b", "this.BOnlys()")),
        vec!["a.js:6 'this' has no member 'BOnlys'"]
    );
}

#[test]
fn a_script_extending_a_global_constructor_of_another_script_knows_its_prototype() {
    // howler: `howler.core.js` defines `Howl`, `plugins/spatial.js` adds
    // methods to it; the build concatenates the two scripts.
    let p = shop(&[(
        "src/core.js",
        "var Howl = function (o) {\n  this.init(o);\n};\n\
         Howl.prototype = {\n  init: function (o) {\n    this._o = o;\n  },\n  \
         _emit: function (event, id) {\n    return id;\n  }\n};\n",
    )]);
    let plugin = |call: &str| {
        format!(
            "(function () {{\n  Howl.prototype.stereo = function (pan) {{\n    var self = this;\n    \
             self.{call}('stereo', pan);\n    return self;\n  }};\n}})();\n"
        )
    };
    assert_eq!(
        file(&p, "src/plugins/spatial.js", &plugin("_computeEmit")),
        vec!["unknown-symbol src/plugins/spatial.js:4 'self' has no member '_computeEmit'"]
    );
    assert_eq!(
        file(&p, "src/plugins/spatial.js", &plugin("_emit")),
        Vec::<String>::new()
    );
    // A module (it requires something) has no such global.
    let module = format!("var path = require('path');\n{}", plugin("_computeEmit"));
    assert_eq!(
        file(&p, "src/plugins/spatial.js", &module),
        Vec::<String>::new()
    );
}

#[test]
fn a_this_alias_cleared_when_done_still_stands_for_this() {
    let p = shop(&[]);
    let source = |call: &str| {
        format!(
            "function Group() {{\n  this.items = [];\n}}\n\
             Group.prototype.clearTimer = function (id) {{\n  return id;\n}};\n\
             Group.prototype.unload = function () {{\n  var self = this;\n  \
             self.{call}(1);\n  self = null;\n  return null;\n}};\n\
             module.exports = Group;\n"
        )
    };
    assert_eq!(
        file(&p, "group.js", &source("clear_timer")),
        vec!["unknown-symbol group.js:9 'self' has no member 'clear_timer'"]
    );
    assert_eq!(
        file(&p, "group.js", &source("clearTimer")),
        Vec::<String>::new()
    );
}

#[test]
fn a_prototype_given_a_package_mixin_reports_only_slips_of_its_own_methods() {
    // Marionette: `_.extend(Region.prototype, CommonMixin, {…})`, with
    // `_.extend(CommonMixin, Backbone.Events)`: the package's methods
    // (`listenTo`) are unseen, so only a slip of a known member is reported.
    let p = Proj::new(&[
        (
            "package.json",
            r#"{"name": "mn", "dependencies": {"underscore": "^1.13.0", "backbone": "^1.4.0"}}"#,
        ),
        (
            "src/mixins/common.js",
            "import _ from 'underscore';\nimport Backbone from 'backbone';\n\
             const CommonMixin = {\n  getOption(name) {\n    return this[name];\n  }\n};\n\
             _.extend(CommonMixin, Backbone.Events);\nexport default CommonMixin;\n",
        ),
    ]);
    let region = |call: &str| {
        format!(
            "import _ from 'underscore';\nimport CommonMixin from './mixins/common';\n\
             const Region = function (options) {{\n  this.options = options;\n}};\n\
             _.extend(Region.prototype, CommonMixin, {{\n  _getView(view) {{\n    return view;\n  }},\n  \
             show(view) {{\n    this.{call}(view);\n    return this;\n  }}\n}});\n\
             export default Region;\n"
        )
    };
    assert_eq!(
        file(&p, "src/region.js", &region("_getViews")),
        vec!["unknown-symbol src/region.js:11 'this' has no member '_getViews'"]
    );
    assert_eq!(
        file(&p, "src/region.js", &region("listenTo")),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "src/region.js", &region("getOption")),
        Vec::<String>::new()
    );
}

#[test]
fn a_copied_method_declaring_its_this_runs_on_that_type() {
    // fabric.js: `Object.assign(FabricObject.prototype, { straighten(this:
    // StraightenableFabricObject) { this._getAngleValueForStraighten() } })`,
    // the interface extending the class with the members the literal adds.
    let p = shop(&[(
        "src/object.ts",
        "export class FabricObject {\n  angle = 0;\n  rotate(a: number): void {\n    this.angle = a;\n  }\n}\n",
    )]);
    let body = |call: &str| {
        format!(
            "import {{ FabricObject }} from './object';\n\
             export interface Straightenable extends FabricObject {{\n  angleFor(): number;\n}}\n\
             Object.assign(FabricObject.prototype, {{\n  angleFor(this: FabricObject) {{\n    return this.angle;\n  }},\n  \
             straighten(this: Straightenable) {{\n    this.rotate(this.{call}());\n  }},\n  \
             plain() {{\n    return this.rotatee(1);\n  }}\n}});\n"
        )
    };
    assert_eq!(
        file(&p, "src/straighten.ts", &body("angleFor")),
        vec!["unknown-symbol src/straighten.ts:13 'this' has no member 'rotatee'"]
    );
}
