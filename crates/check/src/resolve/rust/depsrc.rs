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
}

thread_local! {
    static CACHE: RefCell<HashMap<PathBuf, Rc<DepDecls>>> = RefCell::new(HashMap::new());
}

pub(super) fn dep_decls(dir: &Path) -> Rc<DepDecls> {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(dir).cloned()) {
        return hit;
    }
    let mut out = DepDecls::default();
    let mut stack = vec![dir.join("src")];
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
                scan(&text, &mut out);
            }
        }
    }
    let rc = Rc::new(out);
    CACHE.with(|c| c.borrow_mut().insert(dir.to_path_buf(), rc.clone()));
    rc
}

fn scan(text: &str, out: &mut DepDecls) {
    for line in text.lines() {
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
            "struct" | "enum" | "union" | "type" => {
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
