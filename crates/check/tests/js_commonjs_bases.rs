//! CommonJS modules written the old way (kue): `exports.redis = redis`
//! re-exports a variable without rebinding it, `C.prototype.__proto__ =
//! Base.prototype` sets a base like `util.inherits`, and a test double of
//! one method (`sinon.stub(C.prototype, 'start')`) adds no other member.
//! Each test indexes a temporary project and asserts the exact findings.

mod project;

use project::{file, shop};

const REDIS: &str = "exports.configureFactory = function (options, queue) {\n  return queue;\n};\n";

#[test]
fn an_export_key_does_not_rebind_the_variable_it_exports() {
    let p = shop(&[("lib/redis.js", REDIS)]);
    let body = |call: &str| {
        format!(
            "var redis = require('./redis');\nexports.redis = redis;\n\
             function Queue(options) {{\n  redis.{call}(options, this);\n}}\n\
             module.exports.Queue = Queue;\n"
        )
    };
    assert_eq!(
        file(&p, "lib/kue.js", &body("configureFactories")),
        vec!["unknown-symbol lib/kue.js:4 module './redis' has no export 'configureFactories'"]
    );
    assert_eq!(
        file(&p, "lib/kue.js", &body("configureFactory")),
        Vec::<String>::new()
    );
}

const WORKER: &str = "var EventEmitter = require('events').EventEmitter;\n\
                      function Worker(queue) {\n  this.queue = queue;\n}\n\
                      Worker.prototype.__proto__ = EventEmitter.prototype;\n\
                      Worker.prototype.emitJobEvent = function (event) {\n  this.emit('job', event);\n};\n\
                      Worker.prototype.start = function () {\n  var self = this;\n  self.CALL('start');\n  self.on('x', function () {});\n};\n\
                      module.exports = Worker;\n";

/// The findings of lib/worker.js (`WORKER`, its `self.CALL('start')` calling
/// `call`) in `p`.
fn worker_calling(p: &project::Proj, call: &str) -> Vec<String> {
    file(p, "lib/worker.js", &WORKER.replace("CALL", call))
}

const NO_EMIT_JOB_EVENT: &str =
    "unknown-symbol lib/worker.js:11 'self' has no member 'emit_job_event'";

#[test]
fn a_prototype_whose_proto_is_a_base_prototype_has_the_bases_members() {
    let p = shop(&[("lib/base.js", "module.exports = {};\n")]);
    assert_eq!(
        worker_calling(&p, "emit_job_event"),
        vec![NO_EMIT_JOB_EVENT]
    );
    // EventEmitter's own members and the prototype's are there.
    assert_eq!(worker_calling(&p, "emitJobEvent"), Vec::<String>::new());
    assert_eq!(
        worker_calling(&p, "removeAllListeners"),
        Vec::<String>::new()
    );
    // Any other `__proto__` assignment leaves instances open.
    let open = WORKER.replace("EventEmitter.prototype;", "require('./base');");
    assert_eq!(
        file(&p, "lib/worker.js", &open.replace("CALL", "emit_job_event")),
        Vec::<String>::new()
    );
}

#[test]
fn a_test_double_of_one_method_adds_no_other_member() {
    let spec = "var Worker = require('../lib/worker');\n\
                sinon.stub(Worker.prototype, 'start').returns(null);\n";
    let p = shop(&[("test/worker.spec.js", spec)]);
    assert_eq!(
        worker_calling(&p, "emit_job_event"),
        vec![NO_EMIT_JOB_EVENT]
    );
    // Another use of the prototype in another file may add anything.
    let p = shop(&[(
        "test/worker.spec.js",
        "var Worker = require('../lib/worker');\nmixin(Worker.prototype, extras);\n",
    )]);
    assert_eq!(worker_calling(&p, "emit_job_event"), Vec::<String>::new());
}

#[test]
fn module_code_in_a_string_is_no_export_and_a_block_adds_statics() {
    // karma's config.js shows `module.exports = function(config) {…}` in a
    // help text; its exports are `exports.parseConfig = …`.
    let config = "const HELP = '  module.exports = function(config) {\\n' +\n  '  };\\n';\n\
                  function parseConfig(path) {\n  return path + HELP;\n}\n\
                  exports.parseConfig = parseConfig;\n";
    let p = shop(&[("lib/config.js", config)]);
    let body = |m: &str| format!("const cfg = require('./config');\ncfg.{m}('karma.conf.js');\n");
    assert_eq!(
        file(&p, "lib/cli.js", &body("parseConfig")),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "lib/cli.js", &body("parseConfigs")),
        vec!["unknown-symbol lib/cli.js:2 module './config' has no export 'parseConfigs'"]
    );
    // ssh2's keyParser: statics assigned in a block at module level.
    let body = "function Key(type) {\n  this.type = type;\n}\n\
                {\n  const re = /^k/;\n  Key.parse = (s) => re.test(s);\n}\n\
                Key.parse('k');\nKey.parses('k');\n";
    assert_eq!(
        file(&shop(&[]), "lib/keys.js", body),
        vec!["unknown-symbol lib/keys.js:9 'Key' has no member 'parses'"]
    );
}

#[test]
fn a_base_constructor_required_by_name_gives_its_members() {
    // nconf: `Memory = require('./memory').Memory` of `var Memory =
    // exports.Memory = function (options) {…}`, inherited by `File`.
    let memory = "var Memory = exports.Memory = function (options) {\n  this.store = {};\n};\n\
                  Memory.prototype.get = function (key) {\n  return this.store[key];\n};\n";
    let p = shop(&[("lib/memory.js", memory)]);
    let file_js = |call: &str| {
        format!(
            "var util = require('util'),\n    Memory = require('./memory').Memory;\n\
             var File = exports.File = function (options) {{\n  Memory.call(this, options);\n}};\n\
             util.inherits(File, Memory);\n\
             File.prototype.stringify = function (key) {{\n  return key;\n}};\n\
             File.prototype.save = function () {{\n  return this.{call}('k');\n}};\n"
        )
    };
    assert_eq!(
        file(&p, "lib/file.js", &file_js("get")),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "lib/file.js", &file_js("stringify")),
        Vec::<String>::new()
    );
    assert_eq!(
        file(&p, "lib/file.js", &file_js("stringifies")),
        vec!["unknown-symbol lib/file.js:11 'this' has no member 'stringifies'"]
    );
}

#[test]
fn this_taken_in_a_later_declarator_of_a_list() {
    // kue's `Job.prototype.save`: `var client = this.client, fn = fn ||
    // noop, self = this;` then `self.set(…)` in a callback.
    let body = |call: &str| {
        format!(
            "function Job(type) {{\n  this.type = type;\n}}\n\
             Job.prototype.set = function (key, val) {{\n  this[key] = val;\n}};\n\
             Job.prototype.save = function (fn) {{\n  var client = this.client\n    , self = this;\n  \
             client.incr(function () {{\n    self.{call}('type', self.type);\n  }});\n}};\n\
             module.exports = Job;\n"
        )
    };
    let p = shop(&[]);
    assert_eq!(file(&p, "lib/job.js", &body("set")), Vec::<String>::new());
    assert_eq!(
        file(&p, "lib/job.js", &body("makeSet")),
        vec!["unknown-symbol lib/job.js:11 'self' has no member 'makeSet'"]
    );
}
