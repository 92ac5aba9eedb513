//! What a dependency's source declares by keyword, read once per crate
//! directory: `trait X`, `mod x`, and type items (`struct`, `enum`,
//! `union`, `type`). Used to tell whether a path into a dependency can be
//! checked by name at all (a module or type it re-exports from elsewhere
//! cannot).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

#[derive(Default)]
pub(super) struct DepDecls {
    pub traits: HashSet<String>,
    pub mods: HashSet<String>,
    pub types: HashSet<String>,
    /// Type aliases (`pub type OwnShared<T> = Arc<T>;`): their associated
    /// items are the target's, which may be std's or another crate's.
    pub aliases: HashSet<String>,
    /// Types with an `impl Deref for Type` (as the line spells it).
    pub derefs: HashSet<String>,
    /// The sources `include!` generated or out-of-tree code (bindgen
    /// output, build-script files): names there are not all visible here.
    pub includes: bool,
}

thread_local! {
    static CACHE: RefCell<HashMap<PathBuf, Rc<DepDecls>>> = RefCell::new(HashMap::new());
}

/// Run `f` over the text of each `.rs` file of the crate's library directory
/// ([`crate_source_root`](crate::resolve::deps::crate_source_root); up to 5000).
fn for_each_source(dir: &Path, mut f: impl FnMut(&str)) {
    let mut stack: Vec<std::path::PathBuf> = crate::resolve::deps::crate_source_root(dir)
        .into_iter()
        .collect();
    let mut budget = 5000usize;
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") || budget == 0 {
                continue;
            }
            budget -= 1;
            if let Ok(text) = std::fs::read_to_string(&p) {
                f(&text);
            }
        }
    }
}

pub(super) fn dep_decls(dir: &Path) -> Rc<DepDecls> {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(dir).cloned()) {
        return hit;
    }
    let mut out = DepDecls::default();
    for_each_source(dir, |text| scan(text, &mut out));
    let rc = Rc::new(out);
    CACHE.with(|c| c.borrow_mut().insert(dir.to_path_buf(), rc.clone()));
    rc
}

/// The dependencies a crate's `Cargo.toml` declares for its build (package
/// names; `[dependencies]`, target-specific tables, not dev-dependencies).
#[derive(Default)]
pub(super) struct ManifestDeps {
    /// Every one of them, sorted.
    pub all: Vec<String>,
    /// Those marked `optional = true`: part of a build only when a feature
    /// turns them on.
    pub optional: Vec<String>,
}

thread_local! {
    static DEPS: RefCell<HashMap<PathBuf, Rc<ManifestDeps>>> = RefCell::new(HashMap::new());
}

/// The build dependencies of the crate at `dir`, read once per directory
/// (method checks ask for them again and again).
pub(super) fn manifest_deps(dir: &Path) -> Rc<ManifestDeps> {
    if let Some(hit) = DEPS.with(|c| c.borrow().get(dir).cloned()) {
        return hit;
    }
    let deps = Rc::new(read_manifest_deps(dir));
    DEPS.with(|c| c.borrow_mut().insert(dir.to_path_buf(), deps.clone()));
    deps
}

fn read_manifest_deps(dir: &Path) -> ManifestDeps {
    let Ok(bytes) = std::fs::read(dir.join("Cargo.toml")) else {
        return ManifestDeps::default();
    };
    let (manifest, _) = plumb_manifest::read_manifests(&[("Cargo.toml".to_string(), bytes)]);
    let mut out = ManifestDeps::default();
    for d in manifest.dependencies {
        match d.scope.as_str() {
            "normal" | "build" => out.all.push(d.name),
            "optional" => {
                out.optional.push(d.name.clone());
                out.all.push(d.name);
            }
            _ => {}
        }
    }
    out.all.sort();
    out.all.dedup();
    out
}

/// What a dependency's `trait Name` declarations (every `cfg` variant)
/// say: the fns their bodies spell and the supertraits their headers name
/// (last path segments). `opaque` when a body invokes a macro, which may
/// write fns the text does not spell.
#[derive(Default)]
pub(super) struct TraitDecl {
    pub fns: HashSet<String>,
    pub supertraits: Vec<String>,
    pub opaque: bool,
}

thread_local! {
    static TRAITS: RefCell<HashMap<(PathBuf, String), Option<Rc<TraitDecl>>>> =
        RefCell::new(HashMap::new());
}

/// The declarations of trait `name` in the crate at `dir`, read once;
/// `None` when its sources declare no such trait (a re-export, a macro).
pub(super) fn trait_decl(dir: &Path, name: &str) -> Option<Rc<TraitDecl>> {
    let key = (dir.to_path_buf(), name.to_string());
    if let Some(hit) = TRAITS.with(|c| c.borrow().get(&key).cloned()) {
        return hit;
    }
    let mut decl = TraitDecl::default();
    let mut found = false;
    let needle = format!("trait {name}");
    for_each_source(dir, |text| {
        for (i, _) in text.match_indices(&needle) {
            let after = &text[i + needle.len()..];
            let word_before = text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if word_before || after.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            // An item, not prose: only visibility and `unsafe` before it
            // on its line.
            let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
            let lead = text[line_start..i].trim();
            let item = lead
                .split_whitespace()
                .all(|w| w == "unsafe" || w == "auto" || w.starts_with("pub"));
            if !item {
                continue;
            }
            let Some(open) = after.find(['{', ';']) else {
                continue;
            };
            if after.as_bytes()[open] == b';' {
                continue;
            }
            found = true;
            let header = &after[..open];
            let header = header.split(" where").next().unwrap_or(header);
            if let Some((_, supers)) = header.split_once(':') {
                for b in supers.split('+') {
                    let b = b.trim().trim_start_matches('?');
                    let base = b.split('<').next().unwrap_or(b).trim();
                    let last = base.rsplit("::").next().unwrap_or(base);
                    if !last.is_empty() && !last.starts_with('\'') {
                        decl.supertraits.push(last.to_string());
                    }
                }
            }
            let body = &after[open..];
            let mut depth = 0i32;
            let mut end = body.len();
            for (j, b) in body.bytes().enumerate() {
                match b {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = j;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            // Comments (doc examples spell fns and macros) say nothing.
            let body: String = body[..end]
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            let body = body.as_str();
            // A macro invoked among the items (not inside a provided
            // method's body) may write fns.
            let mut depth = 0i32;
            for (j, b) in body.bytes().enumerate() {
                match b {
                    b'{' => depth += 1,
                    b'}' => depth -= 1,
                    b'!' if depth == 1
                        && body[j + 1..].trim_start().starts_with(['(', '{', '['])
                        && body[..j].ends_with(|c: char| c.is_alphanumeric() || c == '_') =>
                    {
                        decl.opaque = true;
                    }
                    _ => {}
                }
            }
            for (k, _) in body.match_indices("fn ") {
                let w: String = body[k + 3..]
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !w.is_empty() {
                    decl.fns.insert(w);
                }
            }
        }
    });
    let out = found.then(|| Rc::new(decl));
    TRAITS.with(|c| c.borrow_mut().insert(key, out.clone()));
    out
}

/// The dependencies a `Cargo.toml` text declares only for some targets
/// (`[target.'cfg(windows)'.dependencies]`): not fetched on other ones.
pub(super) fn target_deps(manifest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_target = false;
    for line in manifest.lines() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix('[') {
            let h = h.trim_end_matches(']').trim();
            in_target = h.starts_with("target.") && h.ends_with("dependencies");
            if h.starts_with("target.")
                && let Some((_, name)) = h.split_once("dependencies.")
            {
                out.push(name.trim_matches('"').to_string());
            }
            continue;
        }
        if in_target && let Some((k, _)) = t.split_once('=') {
            let k = k.trim().trim_matches('"');
            if !k.is_empty() && !k.starts_with('#') {
                out.push(k.to_string());
            }
        }
    }
    out
}

fn scan(text: &str, out: &mut DepDecls) {
    if text.contains("include!(") {
        out.includes = true;
    }
    for line in text.lines() {
        if line.contains("Deref for ")
            && let Some((_, rest)) = line.split_once("Deref for ")
        {
            let name: String = rest
                .trim_start_matches('&')
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.derefs.insert(name);
        }
        let mut t = line.trim_start();
        if let Some(rest) = t.strip_prefix("pub(") {
            t = rest.split_once(')').map(|x| x.1).unwrap_or("").trim_start();
        }
        for p in ["pub ", "unsafe ", "auto "] {
            t = t.strip_prefix(p).unwrap_or(t);
        }
        let (kw, rest) = match t.split_once(' ') {
            Some(x) => x,
            None => continue,
        };
        let name: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            continue;
        }
        match kw {
            "trait" => {
                out.traits.insert(name.clone());
                out.types.insert(name);
            }
            "mod" => {
                out.mods.insert(name);
            }
            "type" => {
                out.aliases.insert(name.clone());
                out.types.insert(name);
            }
            "struct" | "enum" | "union" => {
                out.types.insert(name);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_dependencies() {
        let dir = std::env::temp_dir().join(format!("plumb-depsrc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            "[package]\nname = \"x\"\n\n[dependencies.proc-macro2]\nversion = \"1\"\n\n[dependencies]\nquote = \"1\"\nsyn2 = { package = \"syn\", version = \"2\" }\nserde = { version = \"1\", optional = true }\n\n[target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n\n[dev-dependencies]\ninsta = \"1\"\n",
        )
        .unwrap();
        let deps = manifest_deps(&dir);
        assert_eq!(deps.all, ["libc", "proc-macro2", "quote", "serde", "syn"]);
        assert_eq!(deps.optional, ["serde"]);
        let text = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        assert_eq!(target_deps(&text), ["libc"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn declarations_by_keyword() {
        let mut d = DepDecls::default();
        scan(
            "pub(crate) mod remove;\npub trait Ext: Sized {}\npub struct Context<'a>;\n// a trait mentioned\npub use core::task::Waker;\n",
            &mut d,
        );
        assert!(d.mods.contains("remove"));
        assert!(d.traits.contains("Ext") && d.types.contains("Ext"));
        assert!(d.types.contains("Context"));
        assert!(!d.types.contains("Waker") && !d.traits.contains("mentioned"));
    }
}
