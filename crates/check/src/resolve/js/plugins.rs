//! Modules that extend a class handed to them: bull's `lib/getters.js` is
//! `module.exports = function (Queue) { Queue.prototype.getJobs = function
//! () { this.toKey(…) } }`, and `lib/queue.js` runs it as
//! `require('./getters')(Queue)`. Inside such a module `Queue` is a
//! parameter, so nothing in the file says what its instances have.
//!
//! Scripts that extend a global class the same way: howler's
//! `plugins/howler.spatial.js` adds `Howl.prototype.stereo = function () {
//! this._emit(…) }` to the `Howl` that `howler.core.js` defines, the two
//! concatenated by the build, neither importing the other.
//!
//! Owns finding the class or constructor function such a parameter (or
//! global) stands for; what its instances have is [`super::members`] and
//! [`super::this`].

use plumb_facts::{DefKind, Definition};

use super::modules::resolve_spec;
use crate::project::Project;

/// The project class or constructor function that the parameter `param`
/// of the module `file`'s exported function stands for: the one top-level
/// definition named `param` in a file that imports `file` and calls what
/// it imports with `param` (`require('./getters')(Queue)`), else, for a
/// capitalized `param`, the one top-level class or function of that name
/// in the project. `None` unless exactly one file qualifies.
pub(super) fn plugin_host(
    project: &Project,
    file: &str,
    text: &str,
    param: &str,
) -> Option<(String, Definition)> {
    // Asked for every member call on a local of the file: read once.
    let key = format!("js-plugin-host:{file}:{param}");
    project
        .memo(&key, || find_plugin_host(project, file, text, param))
        .as_ref()
        .clone()
}

/// [`plugin_host`], computed.
fn find_plugin_host(
    project: &Project,
    file: &str,
    text: &str,
    param: &str,
) -> Option<(String, Definition)> {
    if !exported_function_params(text)?.contains(&param) {
        return None;
    }
    let named: Vec<(String, Definition)> = project
        .defs_named(param, 50)
        .into_iter()
        .filter(|d| d.path != file && d.def.container.is_none())
        .filter(|d| matches!(d.def.kind, DefKind::Class | DefKind::Function))
        .map(|d| (d.path, d.def))
        .collect();
    let mut hosts: Vec<(String, Definition)> = named
        .iter()
        .filter(|(path, _)| hands_over(project, path, file, param))
        .cloned()
        .collect();
    // Handed over by a registry (should.js's `should.use(typeAssertions)`
    // runs `f(should, should.Assertion)`): a parameter named after a class
    // the project defines once, and only once, is that class.
    if hosts.is_empty() && param.starts_with(|c: char| c.is_ascii_uppercase()) {
        hosts = named;
    }
    only_file(hosts)
}

/// The class or constructor function `name` that the script `file`
/// extends as a global (`Howl.prototype.stereo = function` in a file that
/// neither defines, imports nor requires anything): the one top-level
/// class or function of that name in the project, defined in a file that
/// is no ES module (whose top-level names would not be global) and given
/// prototype methods there. `None` for a module, or when no file or more
/// than one qualifies.
pub(super) fn script_global_host(
    project: &Project,
    file: &str,
    text: &str,
    name: &str,
) -> Option<(String, Definition)> {
    let key = format!("js-script-global-host:{file}:{name}");
    project
        .memo(&key, || find_script_global_host(project, file, text, name))
        .as_ref()
        .clone()
}

/// [`script_global_host`], computed.
fn find_script_global_host(
    project: &Project,
    file: &str,
    text: &str,
    name: &str,
) -> Option<(String, Definition)> {
    let module = |t: &str| {
        ["export", "exports", "require", "import", "define"]
            .iter()
            .any(|w| crate::resolve::word_positions(t, w).next().is_some())
    };
    if module(text) || !project.imports_of(file).is_empty() {
        return None;
    }
    let hosts: Vec<(String, Definition)> =
        project
            .defs_named(name, 50)
            .into_iter()
            .filter(|d| d.path != file && d.def.container.is_none())
            .filter(|d| matches!(d.def.kind, DefKind::Class | DefKind::Function))
            .filter(|d| {
                project.facts_of(&d.path).is_some_and(|rc| {
                    !super::modules::is_es_module(&rc.0)
                        && rc.1.definitions.iter().any(|m| {
                            m.kind == DefKind::Method && m.container.as_deref() == Some(name)
                        })
                })
            })
            .map(|d| (d.path, d.def))
            .collect();
    only_file(hosts)
}

/// The one definition among `hosts` when all are in one file.
fn only_file(mut hosts: Vec<(String, Definition)>) -> Option<(String, Definition)> {
    hosts.sort_by(|a, b| a.0.cmp(&b.0));
    hosts.dedup_by(|a, b| a.0 == b.0);
    match <[(String, Definition); 1]>::try_from(hosts) {
        Ok([one]) => Some(one),
        Err(_) => None,
    }
}

/// Whether `host` imports `plugin` and calls it with `param`
/// (`require('./getters')(Queue)`, or `getters(Queue)` of an import).
fn hands_over(project: &Project, host: &str, plugin: &str, param: &str) -> bool {
    let Some(text) = project.text_of(host) else {
        return false;
    };
    project.imports_of(host).iter().any(|imp| {
        if resolve_spec(project, host, &imp.module).as_deref() != Some(plugin) {
            return false;
        }
        let quoted = |q: char| format!("{q}{}{q})({param}", imp.module);
        let by_name = imp
            .alias
            .iter()
            .any(|a| text.contains(&format!("{a}({param}")));
        text.contains(&quoted('\'')) || text.contains(&quoted('"')) || by_name
    })
}

/// The parameter names of the function a module exports as its value
/// (`module.exports = function (Queue) {`, `export default (C, opts) =>`).
fn exported_function_params(text: &str) -> Option<Vec<&str>> {
    let (_, rest) = text
        .split_once("module.exports = ")
        .or_else(|| text.split_once("export default "))?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("async ").unwrap_or(rest).trim_start();
    let list = match rest.strip_prefix("function") {
        Some(f) => {
            let open = f.find('(')?;
            // Only a name may stand between `function` and its parameters.
            if !f[..open]
                .trim()
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '*')
            {
                return None;
            }
            let close = super::lexical::matching_close(f, open)?;
            &f[open + 1..close]
        }
        None if rest.starts_with('(') => {
            let close = super::lexical::matching_close(rest, 0)?;
            if !rest[close + 1..].trim_start().starts_with("=>") {
                return None;
            }
            &rest[1..close]
        }
        None => {
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))?;
            if end == 0 || !rest[end..].trim_start().starts_with("=>") {
                return None;
            }
            &rest[..end]
        }
    };
    Some(
        list.split(',')
            .map(|p| p.split(['=', ':']).next().unwrap_or("").trim())
            .filter(|p| !p.is_empty())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::exported_function_params;

    #[test]
    fn reads_the_exported_functions_parameters() {
        assert_eq!(
            exported_function_params("'use strict';\nmodule.exports = function(Queue) {\n"),
            Some(vec!["Queue"])
        );
        assert_eq!(
            exported_function_params("export default (o, c, d = 1) => {\n"),
            Some(vec!["o", "c", "d"])
        );
        assert_eq!(
            exported_function_params("module.exports = Queue => {"),
            Some(vec!["Queue"])
        );
        assert_eq!(
            exported_function_params("module.exports = async function install(app: App) {"),
            Some(vec!["app"])
        );
        // A value that is no function, or a call.
        assert_eq!(exported_function_params("module.exports = Queue;"), None);
        assert_eq!(
            exported_function_params("module.exports = make(Queue);"),
            None
        );
        assert_eq!(exported_function_params("module.exports = (a + b);"), None);
    }
}
