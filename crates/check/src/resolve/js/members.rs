//! Members of project classes and namespaces, as a TypeScript reader finds
//! them: the class's own members, members of an interface of the same name
//! (declaration merging), then the members of a project base class named in
//! `extends`, up the chain.
//!
//! A base class of the runtime (a global like `Error`, or a class of a Node
//! built-in module like `EventEmitter`) answers from `data/builtins/js-classes.txt`, which
//! `scripts/gen-builtins/js_classes.js` generates from Node.
//!
//! Owns only member lookup. Anything that could add members this lookup
//! cannot see — a base class from a package, an index
//! signature, computed member names, `Object.assign(this, …)`, prototype
//! patching (read by [`super::openings`]), an augmenting interface
//! elsewhere — makes the answer [`Members::Unknown`], never "missing".

use std::collections::HashMap;
use std::sync::OnceLock;

use plumb_facts::{DefKind, Definition};

use super::modules::{Export, MAX_CHAIN, find_export, resolve_spec};
use super::openings::{
    Open, opens_members, passed_to_call, patches_statics, prototype_additions, symbols,
    this_handed_to_package, written_through_this,
};
use crate::project::Project;

/// Members every object has (`Object.prototype`).
pub const OBJECT_MEMBERS: &[&str] = &[
    "constructor",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
    "toString",
    "valueOf",
    "__defineGetter__",
    "__defineSetter__",
    "__lookupGetter__",
    "__lookupSetter__",
];

/// Members every class has as a value (`Function.prototype` and friends).
pub const FUNCTION_MEMBERS: &[&str] = &[
    "apply",
    "bind",
    "call",
    "length",
    "name",
    "prototype",
    "toString",
    "arguments",
    "caller",
];

/// What a member lookup found.
#[derive(Debug)]
pub enum Members {
    /// Definitions of the member (several for overloads), in `file`.
    Defs {
        file: String,
        defs: Vec<Definition>,
    },
    /// The member exists but has no definition to read (an `Object` member).
    Present,
    /// Certainly absent; the names that do exist, with file and line, for
    /// suggestions.
    Missing(Vec<(String, String, u32)>),
    /// Absent from every definition the project shows, but a base comes
    /// from a package whose members Plumb does not read (`class Archiver
    /// extends Transform` of a package not installed): `base` as the code
    /// names it, the `package`, and the names the project does show.
    Unseen {
        base: String,
        package: String,
        pool: Vec<(String, String, u32)>,
    },
    Unknown,
}

/// Member `name` of the class `class` defined in `file`. `statics` is true
/// for `Class.m()` (the class as a value), false for `this.m()`.
pub fn class_member(
    project: &Project,
    file: &str,
    class: &Definition,
    name: &str,
    statics: bool,
) -> Members {
    let mut pool = Vec::new();
    let mut seen = Vec::new();
    let r = class_member_in(project, file, class, name, statics, &mut pool, &mut seen, 0);
    match r {
        Some(Members::Unseen { .. })
            if !statics
                && !super::arity::is_ts_path(file)
                && subclass_defines(project, file, class, name) =>
        {
            Members::Present
        }
        Some(m) => m,
        // A base class calling what only its subclasses define (knex's
        // `Client` calls `this._stream()` each dialect implements); TypeScript
        // wants it declared (`abstract`), so there it stays missing.
        None if !statics
            && !super::arity::is_ts_path(file)
            && subclass_defines(project, file, class, name) =>
        {
            Members::Present
        }
        None => Members::Missing(pool),
    }
}

/// Whether a project class that extends `class` (of `file`), directly or
/// through other project classes, defines member `name`.
pub(super) fn subclass_defines(
    project: &Project,
    file: &str,
    class: &Definition,
    name: &str,
) -> bool {
    project.defs_named(name, 200).iter().any(|d| {
        let Some(container) = d.def.container.as_deref() else {
            return false;
        };
        let Some((mut kfile, mut kdef)) = find_class(project, &d.path, container) else {
            return false;
        };
        for _ in 0..MAX_CHAIN {
            let rc = project.facts_of(&kfile);
            let Some(Some(base)) = extends_of(&kdef, rc.as_ref().map(|rc| rc.0.as_str())) else {
                return false;
            };
            let Some((bfile, bdef)) = find_class(project, &kfile, &base) else {
                return false;
            };
            if bfile == file && bdef.span == class.span {
                return true;
            }
            (kfile, kdef) = (bfile, bdef);
        }
        false
    })
}

/// `None` when the member is missing from this class and its bases (names
/// collected into `pool`).
#[allow(clippy::too_many_arguments)]
fn class_member_in(
    project: &Project,
    file: &str,
    class: &Definition,
    name: &str,
    statics: bool,
    pool: &mut Vec<(String, String, u32)>,
    seen: &mut Vec<(String, String)>,
    depth: u32,
) -> Option<Members> {
    if depth > MAX_CHAIN {
        return Some(Members::Unknown);
    }
    let q = class.qualified_name();
    if seen.contains(&(file.to_string(), q.clone())) {
        return Some(Members::Unknown);
    }
    seen.push((file.to_string(), q.clone()));
    let Some(rc) = project.facts_of(file) else {
        return Some(Members::Unknown);
    };
    let (text, facts) = (&rc.0, &rc.1);
    let own = super::modules::members_named(facts, &q, name);
    if !own.is_empty() {
        return Some(Members::Defs {
            file: file.to_string(),
            defs: own,
        });
    }
    if OBJECT_MEMBERS.contains(&name) || statics && FUNCTION_MEMBERS.contains(&name) {
        return Some(Members::Present);
    }
    let body = text
        .get(class.span.start_byte as usize..class.span.end_byte as usize)
        .unwrap_or("");
    let syms = symbols(project, file, text);
    // A class of a TypeScript file has the members its type declares: its
    // body, an interface of the same module merged in, its bases. Patches
    // of the prototype or the class object, by name or computed, and
    // functions it is handed to do not change that type (`this.x()` of an
    // undeclared `x` does not compile), so only JavaScript reads them.
    let typed = super::arity::is_ts_path(file);
    // What functions it hands `this` to write onto it.
    let written = (!statics && !typed).then(|| {
        let key = format!("js-written-this:{file}:{}", class.span.start_byte);
        project.memo(&key, || written_through_this(project, body))
    });
    if written
        .as_ref()
        .is_some_and(|w| w.keys.iter().any(|k| k == name))
    {
        return Some(Members::Present);
    }
    if !statics && !typed && this_handed_to_package(project, file, text) {
        return Some(Members::Unknown);
    }
    let data = match opens_members(body, &syms) {
        Open::Any => return Some(Members::Unknown),
        Open::Data => true,
        Open::No => written.is_some_and(|w| w.computed),
    };
    // (A TypeScript class stores under computed keys only what its type
    // declares: yeoman's `BaseGenerator` copies its mixins' methods in
    // with `Object.defineProperty(destCtor.prototype, name, …)`, which its
    // merged interface lists.)
    if data && !statics && !typed {
        // Only a name mentioned nowhere else in the file or the project's
        // definitions is certainly not stored under a computed key.
        let mentions = crate::resolve::word_positions(text, name).count();
        if mentions > 1 || project.name_defined(name) {
            return Some(Members::Unknown);
        }
    }
    // Patching the prototype adds instance members; statics come only from
    // writes to the class object itself.
    if !typed
        && (statics && patches_statics(text, &class.name)
            // (In code only: source-map's JSDoc shows `function
            // f(SourceMapConsumer)`.)
            || passed_to_call(
                project,
                &super::lexical::file_code(project, file, text),
                &class.name,
            ))
    {
        return Some(Members::Unknown);
    }
    // `exports = module.exports = Base;` then `exports.color = …`: the
    // module's exports are the class, so what it exports is a static.
    if statics
        && text.contains(&format!("module.exports = {}", class.name))
        && text.contains(&format!("exports.{name}"))
    {
        return Some(Members::Present);
    }
    if !statics && !typed {
        match prototype_additions(text, &class.name, &syms) {
            None => return Some(Members::Unknown),
            Some(added) if added.iter().any(|a| a == name) => return Some(Members::Present),
            Some(_) => {}
        }
        match &*prototype_elsewhere(project, file, class) {
            None => return Some(Members::Unknown),
            Some(e) if e.added.iter().any(|a| a == name) => return Some(Members::Present),
            Some(e) => pool.extend(e.defs.iter().cloned()),
        }
    }
    // An interface of the same name merges its members in: in the same
    // module, or from a declaration file (`declare module`, globals).
    let merged: Vec<&Definition> = facts
        .definitions
        .iter()
        .filter(|d| {
            d.kind == DefKind::Interface && d.name == class.name && d.container == class.container
        })
        .collect();
    // (Not an interface of a namespace: should.d.ts's `declare namespace
    // should { interface Assertion {…} }` is `should.Assertion`.)
    let elsewhere = project.defs_named(&class.name, 50).iter().any(|d| {
        d.def.kind == DefKind::Interface
            && d.def.container.as_deref().is_none_or(|c| c == "global")
            && d.path != file
            && ambient_declarations(project, &d.path)
    });
    if elsewhere || !merged.is_empty() && !typed {
        return Some(Members::Unknown);
    }
    if !merged.is_empty() {
        // TypeScript: the merged interface's own members, unless it
        // extends what this file does not show or opens to any name.
        let qs: Vec<String> = merged.iter().map(|d| d.qualified_name()).collect();
        if facts
            .definitions
            .iter()
            .any(|d| d.name == name && d.container.as_ref().is_some_and(|c| qs.contains(c)))
        {
            return Some(Members::Present);
        }
        let mut module_bases = Vec::new();
        let mut class_bases: Vec<ClassBase> = Vec::new();
        let open = merged.iter().any(|d| {
            let ibody = text
                .get(d.span.start_byte as usize..d.span.end_byte as usize)
                .unwrap_or("");
            let bases = extends_clause(d, text);
            let unread = match &bases {
                None => true,
                Some(None) => false,
                Some(_) if bases == extends_clause(class, text) => false,
                Some(Some(list)) => {
                    match super::interface_bases::module_bases(project, file, text, facts, list) {
                        Some(b) => {
                            module_bases.push(b);
                            false
                        }
                        // `interface BaseGenerator extends FsMixin, …` of
                        // project classes a helper copies in (yeoman).
                        None => match project_classes(project, file, facts, list) {
                            Some(found) => {
                                class_bases.extend(found);
                                false
                            }
                            None => true,
                        },
                    }
                }
            };
            unread || opens_members(ibody, &syms) != Open::No
        });
        if open {
            return Some(Members::Unknown);
        }
        for base in &class_bases {
            match base {
                ClassBase::Runtime(members) if members.contains(&name) => {
                    return Some(Members::Present);
                }
                ClassBase::Runtime(_) => {}
                ClassBase::Project(bfile, bdef) => {
                    match class_member_in(
                        project,
                        bfile,
                        bdef,
                        name,
                        statics,
                        pool,
                        seen,
                        depth + 1,
                    ) {
                        None => {}
                        Some(m @ (Members::Defs { .. } | Members::Present)) => return Some(m),
                        Some(_) => return Some(Members::Unknown),
                    }
                }
            }
        }
        // `interface Cheerio<T> extends MethodsType` of `typeof` modules:
        // their exports.
        for b in &module_bases {
            if b.lib_members.contains(&name) {
                return Some(Members::Present);
            }
            for m in &b.modules {
                match find_export(project, m, name, 0) {
                    Export::Defs { file, defs } => return Some(Members::Defs { file, defs }),
                    Export::Missing => pool.extend(super::modules::top_level_names(project, m)),
                    Export::Present | Export::CommonJs { .. } => return Some(Members::Present),
                    Export::Unknown => return Some(Members::Unknown),
                }
            }
        }
        for d in facts
            .definitions
            .iter()
            .filter(|d| d.container.as_ref().is_some_and(|c| qs.contains(c)))
        {
            pool.push((d.name.clone(), file.to_string(), d.name_span.start_line));
        }
    }
    // `Foo.prototype.m = …` or `Foo.include({m() {}})` in another file:
    // read for arity when that one file imports this `Foo`.
    let added: Vec<_> = project
        .defs_named(name, 50)
        .into_iter()
        .filter(|d| d.def.container.as_deref() == Some(class.name.as_str()))
        .collect();
    if let Some(first) = added.first() {
        let one_file = added.iter().all(|d| d.path == first.path);
        let imports_it = || {
            find_class(project, &first.path, &class.name)
                .is_some_and(|(f, c)| f == file && c.span == class.span)
        };
        if one_file && imports_it() {
            return Some(Members::Defs {
                file: first.path.clone(),
                defs: added.into_iter().map(|d| d.def).collect(),
            });
        }
        return Some(Members::Present);
    }
    for d in facts
        .definitions
        .iter()
        .filter(|d| d.container.as_deref() == Some(q.as_str()))
    {
        pool.push((d.name.clone(), file.to_string(), d.name_span.start_line));
    }
    let Some(base) = extends_of(class, Some(text)) else {
        return None;
    };
    let Some(base) = base else {
        return Some(Members::Unknown);
    };
    match find_class(project, file, &base) {
        Some((bfile, bdef)) => {
            let got = class_member_in(project, &bfile, &bdef, name, statics, pool, seen, depth + 1);
            // An installed package's class that may have any member
            // (tar-stream's base, streamx's `Readable`): as a base Plumb
            // does not read, the class's own members are still known.
            match got {
                Some(Members::Unknown) if bfile.contains("node_modules/") => {
                    let package = bfile
                        .rsplit_once("node_modules/")
                        .map(|(_, p)| super::package_name(p).to_string())
                        .unwrap_or_default();
                    Some(Members::Unseen {
                        base,
                        package,
                        pool: pool.clone(),
                    })
                }
                got => got,
            }
        }
        None => match runtime_class(facts, &base)
            .or_else(|| typed.then(|| dom_class(facts, &base)).flatten())
        {
            Some(members) if members.binary_search(&name).is_ok() => Some(Members::Present),
            Some(members) => {
                pool.extend(members.iter().map(|m| (m.to_string(), base.clone(), 0)));
                None
            }
            None => Some(unseen_base(project, file, facts, &base, pool)),
        },
    }
}

/// What the other files that use `Foo.prototype` (of this `Foo`: they
/// import it) add to it: names by `Object.defineProperty` and the like, and
/// the members they define (`Foo.prototype.m = …`, acorn's `const pp =
/// Parser.prototype; pp.m = …`) for suggestions.
pub(super) struct PrototypeElsewhere {
    pub added: Vec<String>,
    pub defs: Vec<(String, String, u32)>,
}

impl PrototypeElsewhere {
    /// Whether another file adds or defines `name`.
    pub(super) fn has(&self, name: &str) -> bool {
        self.added.iter().any(|a| a == name) || self.defs.iter().any(|(d, _, _)| d == name)
    }
}

/// [`PrototypeElsewhere`] for `class` (a class, or a constructor function:
/// bull's plugins add to `Queue.prototype`) of `file`; `None` when one of
/// those files may add members no name shows (`Object.assign(Foo.prototype,
/// mixin)`, an alias used otherwise than `pp.name`). Read once per check.
pub(super) fn prototype_elsewhere(
    project: &Project,
    file: &str,
    class: &Definition,
) -> std::rc::Rc<Option<PrototypeElsewhere>> {
    prototype_elsewhere_of(project, file, &class.name, Some(class))
}

/// [`prototype_elsewhere`] of the constructor `name`, which `class` defines
/// in `file`, or which has no definition of its own: a dotted constructor
/// (`lunr.Vector = function (…) {…}`), whose other files mention it
/// through the same dotted name.
pub(super) fn prototype_elsewhere_of(
    project: &Project,
    file: &str,
    name: &str,
    class: Option<&Definition>,
) -> std::rc::Rc<Option<PrototypeElsewhere>> {
    let at = class.map_or(0, |c| c.span.start_byte);
    let key = format!("js-prototype-elsewhere:{file}:{name}:{at}");
    project.memo(&key, || {
        let mut out = PrototypeElsewhere {
            added: Vec::new(),
            defs: Vec::new(),
        };
        for p in project.files_mentioning(name, "prototype", file, 500) {
            // Most such files only add plain names, which the text shows
            // without parsing the file (names another class of the same
            // name adds only make more names present).
            let Some(text) = project.text_of(&p) else {
                continue;
            };
            if let Some(added) =
                prototype_additions(&text, name, &super::openings::local_symbols(&text))
            {
                out.added.extend(added);
                continue;
            }
            // (A constructor function cannot be told from another of its
            // name, so every such file counts.)
            let same_class = class.is_none_or(|class| {
                class.kind != DefKind::Class
                    || find_class(project, &p, name)
                        .is_some_and(|(f, c)| f == file && c.span == class.span)
            });
            let Some(rc) = project.facts_of(&p).filter(|_| same_class) else {
                continue;
            };
            let (text, facts) = (&rc.0, &rc.1);
            // (blessed's gpmclient.js takes its `EventEmitter` from Node's
            // `events`: another constructor of the same name.)
            if class.is_some() && imports_other(project, &p, facts, name, file) {
                continue;
            }
            out.added.extend(prototype_additions(
                text,
                name,
                &symbols(project, &p, text),
            )?);
            out.defs.extend(
                facts
                    .definitions
                    .iter()
                    .filter(|d| d.container.as_deref() == Some(name))
                    .map(|d| (d.name.clone(), p.clone(), d.name_span.start_line)),
            );
        }
        Some(out)
    })
}

/// Whether `p` binds `name` by an import of a module other than `file`.
fn imports_other(
    project: &Project,
    p: &str,
    facts: &plumb_facts::FileFacts,
    name: &str,
    file: &str,
) -> bool {
    facts.imports.iter().any(|i| {
        let binds = i.alias.as_deref() == Some(name)
            || i.names
                .iter()
                .any(|n| n.alias.as_deref().unwrap_or(&n.name) == name);
        binds && super::modules::resolve_spec(project, p, &i.module).as_deref() != Some(file)
    })
}

/// Whether the declarations of `path` can merge into a class of another
/// module: those of a declaration file that is a global script (no
/// top-level `import` or `export`) or that augments (`declare global`,
/// `declare module`). A declaration file that is itself a module (axios's
/// `index.d.ts`: `export interface CancelToken`) declares its own types.
fn ambient_declarations(project: &Project, path: &str) -> bool {
    if !path.ends_with(".d.ts") {
        return false;
    }
    let Some(rc) = project.facts_of(path) else {
        return true;
    };
    let code = strip_comments(&rc.0);
    code.contains("declare global")
        || code.contains("declare module")
        || rc.1.imports.is_empty() && !code.lines().any(|l| l.starts_with("export "))
}

/// Member `name` of a value whose declared type is the project interface
/// declared by `decls` (its declarations in `file`, merged). Unknown when
/// the interface extends anything, has an index signature or computed
/// members, or is declared again in another file (an augmentation).
pub fn interface_member(
    project: &Project,
    file: &str,
    decls: &[&Definition],
    name: &str,
) -> Members {
    let Some(first) = decls.first() else {
        return Members::Unknown;
    };
    if project
        .defs_named(&first.name, 50)
        .iter()
        .any(|d| d.path != file && matches!(d.def.kind, DefKind::Interface | DefKind::Class))
    {
        return Members::Unknown;
    }
    let Some(rc) = project.facts_of(file) else {
        return Members::Unknown;
    };
    let (text, facts) = (&rc.0, &rc.1);
    let mut callable = false;
    for d in decls {
        if d.kind != DefKind::Interface || extends_of(d, Some(text)).is_some() {
            return Members::Unknown;
        }
        let body = text
            .get(d.span.start_byte as usize..d.span.end_byte as usize)
            .unwrap_or("");
        let inner = body.split_once('{').map_or("", |(_, b)| b);
        if opens_members(body, &symbols(project, file, text)) == Open::Any {
            return Members::Unknown;
        }
        // A call or construct signature gives the value Function's members.
        callable |= strip_comments(inner).lines().any(|l| {
            let l = l.trim_start();
            l.starts_with(['(', '<'])
                || l.starts_with("new (")
                || l.starts_with("new(")
                || l.starts_with("new <")
        });
    }
    let qs: Vec<String> = decls.iter().map(|d| d.qualified_name()).collect();
    let members: Vec<&Definition> = facts
        .definitions
        .iter()
        .filter(|d| d.container.as_ref().is_some_and(|c| qs.contains(c)))
        .collect();
    let own: Vec<Definition> = members
        .iter()
        .filter(|d| d.name == name)
        .map(|d| (*d).clone())
        .collect();
    if !own.is_empty() {
        return Members::Defs {
            file: file.to_string(),
            defs: own,
        };
    }
    if OBJECT_MEMBERS.contains(&name) || callable && FUNCTION_MEMBERS.contains(&name) {
        return Members::Present;
    }
    Members::Missing(
        members
            .iter()
            .map(|d| (d.name.clone(), file.to_string(), d.name_span.start_line))
            .collect(),
    )
}

/// [`Members::Unseen`] when `base` (a base class expression of a file with
/// `facts`) is bound to a package that is neither a Node built-in nor a
/// project module, else [`Members::Unknown`]; `pool` holds the names the
/// project shows.
pub(super) fn unseen_base(
    project: &Project,
    file: &str,
    facts: &plumb_facts::FileFacts,
    base: &str,
    pool: &[(String, String, u32)],
) -> Members {
    let Some((Some(module), _)) = base_origin(facts, base) else {
        return Members::Unknown;
    };
    if !unseen_package(project, file, &module) {
        return Members::Unknown;
    }
    Members::Unseen {
        base: base.to_string(),
        package: super::package_name(&module).to_string(),
        pool: pool.to_vec(),
    }
}

/// Whether `module`, as `file` imports it, is a package whose source the
/// project does not hold (not a relative path, not Node's).
fn unseen_package(project: &Project, file: &str, module: &str) -> bool {
    !module.starts_with(['.', '/'])
        && !crate::builtins::is_stdlib_module(
            plumb_facts::Lang::JavaScript,
            super::package_name(module),
        )
        && super::modules::resolve_spec(project, file, module).is_none()
}

/// Whether `name` is bound in a file with `facts` by an import of a
/// package whose source the project does not hold (`import Backbone from
/// 'backbone'` without `node_modules`).
pub(super) fn package_binding(
    project: &Project,
    file: &str,
    facts: &plumb_facts::FileFacts,
    name: &str,
) -> bool {
    matches!(base_origin(facts, name), Some((Some(module), _)) if unseen_package(project, file, &module))
}

/// The members of a class of the runtime that `base` names in a file with
/// `facts`: a global (`Error`, `Map`) or a class a Node built-in module
/// exports (`import {Duplex} from 'node:stream'`, `const EventEmitter =
/// require('events')`, `require('node:events').EventEmitter`).
pub(super) fn runtime_class(
    facts: &plumb_facts::FileFacts,
    base: &str,
) -> Option<&'static [&'static str]> {
    let label = match base_origin(facts, base)? {
        (None, name) => name,
        (Some(module), member) => format!("{module}.{member}"),
    };
    runtime_classes().get(label.as_str()).map(|v| v.as_slice())
}

/// Where the base class expression `base` of a file with `facts` comes
/// from: `(Some(module), member)` for one a module exports (`default` for
/// the module's value; `node:` dropped, and the `readable-stream` package,
/// which is Node's `stream` published for older runtimes, read as `stream`),
/// `(None, name)` for a global name the file does not bind.
pub(super) fn base_origin(
    facts: &plumb_facts::FileFacts,
    base: &str,
) -> Option<(Option<String>, String)> {
    // `require('events').EventEmitter`, as a base names it inline.
    if let Some(rest) = base.strip_prefix("require(") {
        let (module, member) = rest.split_once(").")?;
        let module = module.trim_matches(['\'', '"']);
        return Some((Some(runtime_module(module)), member.to_string()));
    }
    // `Events.EventEmitter` of `const Events = require('events')` (or of
    // a default import, `import Backbone from 'backbone'`).
    if let Some((q, m)) = base.split_once('.') {
        let imp = facts.imports.iter().find(|i| {
            i.alias.as_deref() == Some(q)
                || i.names
                    .iter()
                    .any(|n| n.name == "default" && n.alias.as_deref() == Some(q))
        })?;
        return Some((Some(runtime_module(&imp.module)), m.to_string()));
    }
    let mut origin = None;
    for imp in &facts.imports {
        if imp.alias.as_deref() == Some(base) {
            origin = Some((Some(runtime_module(&imp.module)), "default".to_string()));
        }
        for n in &imp.names {
            if n.alias.as_deref().unwrap_or(&n.name) == base {
                origin = Some((Some(runtime_module(&imp.module)), n.name.clone()));
            }
        }
    }
    if origin.is_some() {
        return origin;
    }
    let defs: Vec<&Definition> = facts
        .definitions
        .iter()
        .filter(|d| d.name == base)
        .collect();
    match defs.as_slice() {
        [] => Some((None, base.to_string())),
        [d] => {
            let sig = d.signature.as_deref()?;
            required_member(sig).or_else(|| {
                // `const EventEmitter = events.EventEmitter;` of `const events
                // = require('events')` (bookshelf).
                let value = sig
                    .split_once('=')?
                    .1
                    .trim()
                    .trim_end_matches(';')
                    .trim_end();
                let (q, m) = value.split_once('.')?;
                let plain = |s: &str| {
                    !s.is_empty()
                        && s.chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
                };
                (plain(q) && plain(m) && q != base)
                    .then(|| base_origin(facts, value))
                    .flatten()
            })
        }
        _ => None,
    }
}

/// The module a class label names for `spec`.
fn runtime_module(spec: &str) -> String {
    match spec.strip_prefix("node:").unwrap_or(spec) {
        "readable-stream" => "stream".to_string(),
        m => m.to_string(),
    }
}

/// `X = require('m').Y` → `(m, Y)`.
fn required_member(sig: &str) -> Option<(Option<String>, String)> {
    let rest = sig.split_once("require(")?.1;
    let q = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let rest = &rest[1..];
    let end = rest.find(q)?;
    let module = &rest[..end];
    let after = rest[end + 1..].strip_prefix(')')?.strip_prefix('.')?;
    let name_end = after
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(after.len());
    Some((Some(runtime_module(module)), after[..name_end].to_string()))
}

/// `data/builtins/js-classes.txt`, generated from Node by `scripts/gen-builtins/js_classes.js`: class label →
/// sorted member names.
fn runtime_classes() -> &'static HashMap<&'static str, Vec<&'static str>> {
    static TABLE: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    TABLE.get_or_init(|| class_table(include_str!("../../../data/builtins/js-classes.txt")))
}

/// The DOM class `base` a TypeScript class extends (`class CropperElement
/// extends HTMLElement`), a global the file does not bind: its instance
/// members from `data/builtins/dom-classes.txt`, generated from
/// TypeScript's lib files by `scripts/gen-builtins/javascript.js`.
/// (JavaScript classes are left to [`unseen_base`]: browsers' vendor and
/// legacy members are in no lib file.)
pub(super) fn dom_class(
    facts: &plumb_facts::FileFacts,
    base: &str,
) -> Option<&'static [&'static str]> {
    static TABLE: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    let (None, name) = base_origin(facts, base)? else {
        return None;
    };
    TABLE
        .get_or_init(|| class_table(include_str!("../../../data/builtins/dom-classes.txt")))
        .get(name.as_str())
        .map(|v| v.as_slice())
}

/// A `@class LABEL` / member-per-line data file: label → sorted members.
fn class_table(text: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    let mut out: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    let mut cur: Option<&'static str> = None;
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(c) = line.strip_prefix("@class ") {
            cur = Some(c);
            out.entry(c).or_default();
        } else if let Some(c) = cur {
            out.entry(c).or_default().push(line);
        }
    }
    for v in out.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    out
}

/// The base class named in a class's `extends`: `None` when it has none,
/// `Some(None)` when it extends something other than a plain name
/// (`extends mixin(A)`, `extends ns.A`) or the header cannot be read.
/// `text` (the class's file) supplies headers longer than the stored
/// signature.
pub fn extends_of(class: &Definition, text: Option<&str>) -> Option<Option<String>> {
    let header = match header(class, text)? {
        Some(h) => h,
        None => return Some(None),
    };
    let sig = header.as_str();
    let Some(at) = find_word(sig, "extends") else {
        return None;
    };
    let rest = sig[at + "extends".len()..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(rest.len());
    let name = &rest[..end];
    let after = rest[end..].trim_start();
    let plain = !name.is_empty()
        && (after.is_empty() || after.starts_with(['{', '<']) || after.starts_with("implements"));
    Some(plain.then(|| name.to_string()))
}

/// The declaration's header (`class A<T> extends B<T> implements C {`):
/// `None` without a signature, `Some(None)` when it cannot be read whole.
fn header(class: &Definition, text: Option<&str>) -> Option<Option<String>> {
    let sig = class.signature.as_deref()?;
    if sig.len() < 190 && depth(sig) == 0 {
        return Some(Some(sig.to_string()));
    }
    Some(text.and_then(|t| header_from_text(t, class)))
}

/// What follows `extends` in a header, up to its body, without spaces
/// (`Some(None)` without `extends`, `None` when the header cannot be
/// read): a class and the interface merged into it that extend the same
/// bases say it alike.
fn extends_clause(d: &Definition, text: &str) -> Option<Option<String>> {
    let h = header(d, Some(text)).flatten()?;
    let Some(at) = find_word(&h, "extends") else {
        return Some(None);
    };
    let rest = &h[at + "extends".len()..];
    let rest = rest.rsplit_once('{').map_or(rest, |(r, _)| r);
    let rest = match find_word(rest, "implements") {
        Some(i) => &rest[..i],
        None => rest,
    };
    Some(Some(rest.chars().filter(|c| !c.is_whitespace()).collect()))
}

/// Bracket depth at the end of `s` (`=>` is not a closing bracket).
fn depth(s: &str) -> i32 {
    let mut d = 0;
    let mut prev = ' ';
    for c in s.chars() {
        match c {
            '<' | '(' | '{' | '[' => d += 1,
            '>' if prev == '=' => {}
            '>' | ')' | '}' | ']' => d -= 1,
            _ => {}
        }
        prev = c;
    }
    d
}

/// The class header from its name to the `{` of its body.
fn header_from_text(text: &str, class: &Definition) -> Option<String> {
    let from = class.name_span.start_byte as usize;
    let rest = text.get(from..)?;
    let mut d = 0;
    let mut prev = ' ';
    for (i, c) in rest.char_indices() {
        if i > 4000 {
            return None;
        }
        match c {
            '{' if d == 0 => return Some(rest[..i].to_string()),
            '<' | '(' | '{' | '[' => d += 1,
            '>' if prev == '=' => {}
            '>' | ')' | '}' | ']' => d -= 1,
            _ => {}
        }
        prev = c;
    }
    None
}

/// The first `w` outside `<…>`, `(…)`, `{…}`, `[…]` (so not the
/// `extends` of a type parameter constraint).
fn find_word(s: &str, w: &str) -> Option<usize> {
    super::super::word_positions(s, w).find(|&i| depth(&s[..i]) == 0)
}

/// The class that `name`, as written in `file`, denotes: a class of that
/// file, one imported from a project file (through re-exports), or the
/// class a required CommonJS module exports whole.
pub fn find_class(project: &Project, file: &str, name: &str) -> Option<(String, Definition)> {
    let rc = project.facts_of(file)?;
    let facts = &rc.1;
    let here: Vec<&Definition> = facts
        .definitions
        .iter()
        .filter(|d| d.name == name && d.kind == DefKind::Class)
        .collect();
    if let [d] = here.as_slice() {
        return Some((file.to_string(), (*d).clone()));
    }
    if !here.is_empty() {
        return None;
    }
    for imp in &facts.imports {
        // `const Base = require('./base')` of `module.exports = Base` (knex's
        // dialect compilers extend their generic compiler so).
        if imp.alias.as_deref() == Some(name) {
            let target = resolve_spec(project, file, &imp.module)?;
            let rc = project.facts_of(&target)?;
            if !super::modules::is_commonjs(&rc.0) {
                // `import TestUtils from '@redis/test-utils'` of `export
                // default class TestUtils`.
                return match find_export(project, &target, "default", 0) {
                    Export::Defs { file, defs } => match defs.as_slice() {
                        [c] if c.kind == DefKind::Class => Some((file, c.clone())),
                        _ => None,
                    },
                    _ => None,
                };
            }
            let d = super::qualified::module_exports_value(project, &target)?;
            return (d.kind == DefKind::Class).then_some((target, d));
        }
        for n in &imp.names {
            if n.alias.as_deref().unwrap_or(&n.name) != name {
                continue;
            }
            let target = resolve_spec(project, file, &imp.module)?;
            return match find_export(project, &target, &n.name, 0) {
                Export::Defs { file, defs } => {
                    let cs: Vec<&Definition> =
                        defs.iter().filter(|d| d.kind == DefKind::Class).collect();
                    match cs.as_slice() {
                        // An interface of the same name merges into the class.
                        [c] if defs
                            .iter()
                            .all(|d| d.span == c.span || d.kind == DefKind::Interface) =>
                        {
                            Some((file, (*c).clone()))
                        }
                        // `exports.implementation = HTMLOrSVGElementImpl;`,
                        // `= class X {…}` (jsdom): the class the key holds.
                        [] => match defs.as_slice() {
                            [d] if d.kind == DefKind::Variable => {
                                let value = super::modules::export_key_value(d)?
                                    .trim()
                                    .trim_end_matches(';')
                                    .trim_end();
                                // (`exports.implementation = class X {…}`.)
                                let value = value.strip_prefix("class ").map_or(value, |v| {
                                    let v = v.trim_start();
                                    &v[..v
                                        .find(|c: char| {
                                            !(c.is_alphanumeric() || c == '_' || c == '$')
                                        })
                                        .unwrap_or(v.len())]
                                });
                                let simple = value
                                    .chars()
                                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
                                (simple && value != d.name)
                                    .then(|| find_class(project, &file, value))
                                    .flatten()
                            }
                            _ => None,
                        },
                        _ => None,
                    }
                }
                // `module.exports = { implementation: ParentNodeImpl }`
                // (jsdom's impl files): the class the key holds.
                _ => super::objects::object_keys(project, &target, "module.exports")?
                    .iter()
                    .find(|k| k.name == n.name)?
                    .value
                    .as_deref()
                    .and_then(|v| find_class(project, &target, v)),
            };
        }
    }
    None
}

/// `text` with `/* … */` and `// …` comments blanked (newlines kept), so
/// Markdown links in doc comments (`[PEM](…)`) do not read as members.
pub(super) fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let block = rest.find("/*");
        let line = rest.find("//");
        let (at, is_block) = match (block, line) {
            (Some(b), Some(l)) if b < l => (b, true),
            (_, Some(l)) => (l, false),
            (Some(b), None) => (b, true),
            (None, None) => {
                out.push_str(rest);
                break;
            }
        };
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = if is_block {
            tail.find("*/").map(|e| e + 2).unwrap_or(tail.len())
        } else {
            tail.find('\n').unwrap_or(tail.len())
        };
        out.extend(tail[..end].chars().filter(|c| *c == '\n'));
        rest = &tail[end..];
    }
    out
}

/// A class an interface merged into a class extends.
enum ClassBase {
    /// A project class: its file and definition.
    Project(String, Definition),
    /// A class of the runtime (`EventEmitter`): its members.
    Runtime(&'static [&'static str]),
}

/// The classes an `extends` list (`FsMixin,HelpMixin<T>,EventEmitter`) of
/// a file with `facts` names, when every one is a project or runtime class.
fn project_classes(
    project: &Project,
    file: &str,
    facts: &plumb_facts::FileFacts,
    list: &str,
) -> Option<Vec<ClassBase>> {
    let mut out = Vec::new();
    let names = super::literal_types::split_top(list, |_, c| c == ',', |_| false)?;
    for n in names {
        let n = n.split('<').next().unwrap_or(n).trim();
        if n.is_empty()
            || !n
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        {
            return None;
        }
        match find_class(project, file, n) {
            Some((f, d)) => out.push(ClassBase::Project(f, d)),
            None => out.push(ClassBase::Runtime(runtime_class(facts, n)?)),
        }
    }
    Some(out)
}
