//! A crate-wide text scan, read once per run: which traits each type
//! implements (`impl Trait for Type`), and the words spelled inside
//! `macro_rules!` bodies and item-level macro invocations (names such macros
//! may generate).
//!
//! Owns only this summary of the project's `.rs` texts (the change's new
//! text where it touches a file). It does not resolve anything.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::super::FileCtx;

/// One `impl Trait for Type` as written.
#[derive(Debug, Clone)]
pub(super) struct TraitImpl {
    /// `Trait` as written (`fmt::Display`, `serde::Serialize`, `Iterator`).
    pub path: String,
    pub file: String,
    /// For `Deref`: the `type Target = ..;` text.
    pub target: Option<String>,
    /// Byte offset of the `impl` in `file`.
    pub at: usize,
}

#[derive(Default)]
pub(super) struct CrateScan {
    /// Type base name -> trait base names it implements ("" for inherent impls).
    pub impls: HashMap<String, Vec<String>>,
    /// Type base name -> its trait impls as written, where.
    pub trait_impls: HashMap<String, Vec<TraitImpl>>,
    /// The file being scanned.
    cur_file: String,
    /// Types implemented by a blanket impl (`impl<T: Bound> Trait for T`).
    pub blanket_traits: Vec<String>,
    /// Words inside `macro_rules!` bodies and item-level macro invocations.
    pub macro_words: HashSet<String>,
    /// Files with an item-level macro invocation holding a glob `use`
    /// (`cfg_if!`), or an item-level `include!` (code a build script
    /// writes): their modules may hold names no fact shows.
    pub macro_module_files: HashSet<String>,
    /// Macros invoked among the members of an impl: (type, macro path as
    /// written, words of the invocation).
    pub impl_macros: Vec<(String, String, HashSet<String>)>,
    /// Words of `use` declarations anywhere in the project.
    pub use_words: HashSet<String>,
    /// Modules declared with `#[path = ..]`.
    pub path_attrs: super::pathattrs::PathAttrs,
    /// Files another file pastes in with an item-level `include!("x.rs")`:
    /// their names resolve in the includer's scope.
    pub included_files: HashSet<String>,
    /// Crates named by `#[macro_use] extern crate x;` (their macros are in
    /// scope everywhere).
    pub macro_use_crates: Vec<String>,
    /// How many files spell `name::` for each path head `name`.
    pub path_heads: HashMap<String, u32>,
    /// Names after `fn` in `macro_rules!` bodies, and whether one pastes
    /// names together (`paste!`, `[<..>]`, `concat_idents!`).
    pub macro_fns: HashSet<String>,
    pub macro_fn_pasted: bool,
    /// Macro names a macro body defines (`macro_rules! name` inside it), and
    /// whether one defines a macro named by a metavariable.
    pub macro_macros: HashSet<String>,
    pub macro_macro_var: bool,
    /// Types `macro_rules!` bodies define or implement (`struct X`, words
    /// of `impl .. {` headers).
    pub macro_types: HashSet<String>,
    /// `macro_rules!` names, and those whose bodies write an inherent `impl`.
    pub rules: HashSet<String>,
    pub impl_rules: HashSet<String>,
    /// Traits (as written) each `macro_rules!` implements in its body, and
    /// (with the macro's file) those bodies implement for a type they name.
    pub trait_rules: HashMap<String, Vec<String>>,
    pub macro_trait_types: HashMap<String, Vec<(String, String)>>,
    /// Item-level invocations: the macro's last name, the words of its
    /// arguments, and the file.
    pub invocations: Vec<(String, HashSet<String>, String)>,
}

/// The scan of the project `ctx` checks, made once per check: every
/// `.rs` file of the project, the change's new text where it has one.
pub(super) fn crate_scan(ctx: &FileCtx) -> Rc<CrateScan> {
    let p = ctx.project;
    p.memo("rust:crate-scan", || scan_project(p))
}

fn scan_project(p: &crate::project::Project) -> CrateScan {
    let mut scan = CrateScan::default();
    let mut paths: Vec<&String> = p
        .all_files()
        .iter()
        .filter(|f| f.ends_with(".rs"))
        .collect();
    paths.sort();
    for path in paths.into_iter().take(20_000) {
        let text = match p.overlay.get(path.as_str()) {
            Some(o) => o.text.clone(),
            None => match std::fs::read_to_string(p.root.join(path)) {
                Ok(t) => t,
                Err(_) => continue,
            },
        };
        scan.cur_file = path.clone();
        scan_text(&text, &mut scan);
    }
    scan
}

/// The last path segment of a type or trait, generics removed:
/// `fmt::Display` -> `Display`, `Wrapper<T>` -> `Wrapper`.
fn base(s: &str) -> String {
    let s = s.trim().trim_start_matches('&').trim_start_matches("mut ");
    let s = s.split('<').next().unwrap_or(s);
    let s = s.trim_start_matches("dyn ").trim();
    s.rsplit("::").next().unwrap_or(s).trim().to_string()
}

/// Generic parameter names of an `impl<..>` header (`impl<T: X, 'a, const N: usize>`).
fn generic_names(header: &str) -> Vec<String> {
    let Some(rest) = header.strip_prefix('<') else {
        return Vec::new();
    };
    let mut depth = 1;
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        match c {
            '<' => depth += 1,
            // `F: FnOnce() -> T`: an arrow closes nothing.
            '>' if rest[..i].ends_with('-') => {}
            '>' => {
                depth -= 1;
                if depth == 0 {
                    end = i;
                    break;
                }
            }
            _ => {}
        }
    }
    rest[..end]
        .split(',')
        .filter_map(|p| {
            let p = p.trim().trim_start_matches("const ");
            let n = p.split([':', '=', ' ']).next()?.trim();
            (!n.is_empty() && !n.starts_with('\'')).then(|| n.to_string())
        })
        .collect()
}

fn scan_text(text: &str, scan: &mut CrateScan) {
    let file = scan.cur_file.clone();
    scan.path_attrs.scan(&file, text);
    for (k, _) in text.match_indices("#[macro_use]") {
        let rest = text[k + 12..].trim_start();
        let rest = rest.strip_prefix("pub ").unwrap_or(rest);
        if let Some(c) = rest.strip_prefix("extern crate ") {
            let name: String = c
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && !scan.macro_use_crates.contains(&name) {
                scan.macro_use_crates.push(name);
            }
        }
    }
    let mut heads: HashSet<&str> = HashSet::new();
    for (k, _) in text.match_indices("::") {
        let before = &text[..k];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map(|i| i + 1)
            .unwrap_or(0);
        let w = &before[start..];
        if !w.is_empty() && !before[..start].ends_with("::") {
            heads.insert(w);
        }
    }
    for h in heads {
        *scan.path_heads.entry(h.to_string()).or_default() += 1;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    // Depth of `/* .. */` comments at the start of each line (doc blocks
    // hold example code that is no item of the crate).
    let mut comment_depth = 0i32;
    for line in text.split_inclusive('\n') {
        let start = i;
        i += line.len();
        let in_comment = comment_depth > 0;
        comment_depth += line.matches("/*").count() as i32 - line.matches("*/").count() as i32;
        comment_depth = comment_depth.max(0);
        let t = line.trim_start();
        if in_comment || t.starts_with("//") {
            continue;
        }
        let indent = line.len() - t.len();
        let head = t
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub ")
            .trim_start_matches("unsafe ");
        if head.starts_with("use ") {
            // Names `use` declarations bind anywhere in the project: a
            // re-export (`pub use dep::{f, g}`) makes them the crate's.
            let from = start + indent;
            let end = text[from..].find(';').map_or(text.len(), |e| from + e);
            for w in text[from..end].split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                if !w.is_empty() && !scan.use_words.contains(w) {
                    scan.use_words.insert(w.to_string());
                }
            }
            continue;
        }
        if let Some(rest) = head.strip_prefix("impl")
            && rest.starts_with(['<', ' '])
        {
            if let Some(ty) = impl_header(&text[start + indent..], start + indent, scan) {
                // `impl T { forward!(); }`: the macro writes members of `T`.
                for (m, words) in impl_body_macros(text, start + indent, indent) {
                    scan.impl_macros.push((ty.clone(), m, words));
                }
            }
            continue;
        }
        let is_rules = t.starts_with("macro_rules!");
        // At the top level, or nested (in an inline module, an impl) when
        // the macro is none of the common expression macros, whose tokens
        // are values rather than items.
        let item_macro = !is_rules
            && item_macro_call(t)
            && (indent == 0 || !is_value_macro(&t[..t.find('!').unwrap_or(0)]));
        if is_rules || item_macro {
            let from = start + indent;
            let end = balanced_end(bytes, from).unwrap_or(from + floor(&text[from..], 20_000));
            let body = &text[from..end];
            // An invocation's own path (`crate::m!`) names no item it makes.
            let made = if is_rules {
                body
            } else {
                body.find('!').map_or(body, |b| &body[b + 1..])
            };
            for w in without_line_comments(made).split(|c: char| !(c.is_alphanumeric() || c == '_'))
            {
                if !w.is_empty() && !scan.macro_words.contains(w) {
                    scan.macro_words.insert(w.to_string());
                }
            }
            if is_rules {
                rules_body(body, scan);
            } else {
                // `cfg_proto! { macro_rules! cfg_client { .. } }`: macros
                // defined through another macro's invocation.
                for (i, _) in body.match_indices("macro_rules!") {
                    let rest = body[i + 12..].trim_start();
                    if rest.starts_with('$') {
                        scan.macro_macro_var = true;
                    } else {
                        let w: String = rest
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        scan.macro_macros.insert(w);
                    }
                }
                if t.starts_with("include!(") {
                    let dir = file.rsplit_once('/').map_or("", |(d, _)| d);
                    if let Some(target) = body
                        .split('"')
                        .nth(1)
                        .filter(|_| !body.contains("concat!"))
                        .and_then(|rel| super::pathattrs::normalize(dir, rel))
                    {
                        scan.included_files.insert(target);
                    }
                }
                if without_line_comments(body).contains("::*") || t.starts_with("include!") {
                    // `cfg_if! { .. mod imp; pub use imp::*; .. }`: a glob
                    // may bring any name (names a plain `use` or `mod` in
                    // the body binds are among `macro_words`).
                    scan.macro_module_files.insert(file.clone());
                }
                let name = t[..t.find('!').unwrap_or(0)]
                    .rsplit("::")
                    .next()
                    .unwrap_or("")
                    .to_string();
                let words: HashSet<String> = body
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect();
                // Only top-level invocations can implement a type; nested
                // ones (in fn bodies, impls) still name module members.
                if indent == 0 {
                    scan.invocations.push((name, words, file.clone()));
                }
            }
        }
    }
}

/// What a `macro_rules!` definition (`body` from `macro_rules!` to its end)
/// can generate: fn names, types it defines or implements.
fn rules_body(body: &str, scan: &mut CrateScan) {
    let name: String = body["macro_rules!".len()..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let next_word = |rest: &str| -> String {
        rest.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let word_at = |i: usize, kw: &str| {
        (i == 0 || !is_word_byte(body.as_bytes()[i - 1]))
            && body[i + kw.len()..].starts_with(|c: char| c.is_whitespace() || c == '<')
    };
    for (i, _) in body.match_indices("macro_rules!").skip(1) {
        let rest = body[i + 12..].trim_start();
        if rest.starts_with('$') {
            scan.macro_macro_var = true;
        } else {
            scan.macro_macros.insert(next_word(rest));
        }
    }
    for kw in ["fn", "struct", "enum", "union", "trait", "impl"] {
        for (i, _) in body.match_indices(kw) {
            if !word_at(i, kw) {
                continue;
            }
            let rest = &body[i + kw.len()..];
            match kw {
                "fn" => {
                    let w = next_word(rest);
                    if !w.is_empty() {
                        scan.macro_fns.insert(w);
                    }
                }
                "impl" => {
                    let end = rest.find('{').unwrap_or(rest.len()).min(floor(rest, 400));
                    let head = &rest[..end];
                    if let Some((tr, target)) = head.split_once(" for ") {
                        // A trait impl adds the trait's methods (provided
                        // ones too, which the body does not spell).
                        let tr = super::traits::skip_generic_params(tr).unwrap_or("").trim();
                        let tr = tr.split('<').next().unwrap_or("").trim();
                        if tr.is_empty() {
                            continue;
                        }
                        scan.trait_rules
                            .entry(name.clone())
                            .or_default()
                            .push(tr.to_string());
                        let target = next_word(target.trim_start_matches(['&', ' ']));
                        if target.starts_with(char::is_uppercase) {
                            // No invocation to say where it expands: the
                            // macro's own file is the best guess.
                            scan.macro_trait_types
                                .entry(target)
                                .or_default()
                                .push((tr.to_string(), scan.cur_file.clone()));
                        }
                        continue;
                    }
                    scan.impl_rules.insert(name.clone());
                    for w in head.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                        if w.starts_with(char::is_uppercase) {
                            scan.macro_types.insert(w.to_string());
                        }
                    }
                }
                _ => {
                    let w = next_word(rest);
                    if !w.is_empty() {
                        scan.macro_types.insert(w);
                    }
                }
            }
        }
    }
    if body.contains("[<") || body.contains("paste!") || body.contains("concat_idents!") {
        scan.macro_fn_pasted = true;
    }
    scan.rules.insert(name);
}

/// `text` without its `//` comments (doc examples such as `/// use x::*;`
/// are no code of the macro call).
fn without_line_comments(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The largest char boundary of `s` at or below `n`.
fn floor(s: &str, n: usize) -> usize {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl CrateScan {
    /// Whether a macro may define or implement the type `ty`: a
    /// `macro_rules!` body names it in a type item or `impl` header, or an
    /// item-level invocation passes it to a macro that writes impls (a
    /// project macro with `impl` in its body, or any macro from outside the
    /// project other than the standard library's).
    pub fn macro_may_implement(&self, ty: &str, name: &str, def_files: &[&str]) -> bool {
        // Inherent impls live in the type's own crate: an invocation in
        // another crate of the tree (`fuzz/`, `tests/`) adds no method.
        let here = |file: &str| {
            def_files.is_empty() || def_files.iter().any(|d| crate_key(d) == crate_key(file))
        };
        let project = self.macro_types.contains(ty)
            || self.invocations.iter().any(|(m, words, file)| {
                words.contains(ty) && here(file) && self.impl_rules.contains(m)
            });
        if project && self.macro_may_name(name) {
            return true;
        }
        // Another crate's macro may write any name.
        self.invocations.iter().any(|(m, words, file)| {
            words.contains(ty)
                && here(file)
                && !self.rules.contains(m)
                && !crate::builtins::is_builtin(plumb_facts::Lang::Rust, m)
                && !super::std_names().contains(m.as_str())
        })
    }

    /// The traits project `macro_rules!` may implement for `ty`: those of
    /// bodies naming it, and those of macros invoked with it in its crate.
    pub fn macro_traits_for(&self, ty: &str, def_files: &[&str]) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .macro_trait_types
            .get(ty)
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        for (m, words, file) in &self.invocations {
            if words.contains(ty)
                && (def_files.is_empty()
                    || def_files.iter().any(|d| crate_key(d) == crate_key(file)))
                && let Some(traits) = self.trait_rules.get(m)
            {
                // A macro's paths resolve where it expands: the invocation's
                // file says what the trait is.
                for tr in traits {
                    match tr
                        .rsplit_once("::")
                        .map_or(("", tr.as_str()), |(p, l)| (p, l))
                    {
                        // `impl fmt::$tr for $ty`: one of the invocation's
                        // capitalised words, behind the written prefix.
                        (prefix, last) if last.starts_with('$') => out.extend(
                            words
                                .iter()
                                .filter(|w| w.starts_with(char::is_uppercase) && *w != ty)
                                .map(|w| {
                                    let path = if prefix.is_empty() {
                                        w.clone()
                                    } else {
                                        format!("{prefix}::{w}")
                                    };
                                    (path, file.clone())
                                }),
                        ),
                        _ => out.push((tr.clone(), file.clone())),
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether a project `macro_rules!` may write a fn named `name`: one
    /// spelled in a body or passed in by an invocation (`fn $name`, or whole
    /// items as tokens: either way among `macro_words`), or a pasted one.
    pub fn macro_may_name(&self, name: &str) -> bool {
        self.macro_fns.contains(name) || self.macro_fn_pasted || self.macro_words.contains(name)
    }
}

/// Which crate of the tree a file compiles into, by Cargo's layout: the
/// package's `src/` (its library and main binary), each `src/bin/` target,
/// and each target under `tests/`, `benches/` and `examples/`.
fn crate_key(path: &str) -> &str {
    let mut at = 0;
    let mut comps = path.split('/').peekable();
    while let Some(c) = comps.next() {
        let end = at + c.len();
        match c {
            "src" => {
                if comps.peek() != Some(&"bin") {
                    return &path[..end];
                }
                comps.next();
                let target = comps.next().unwrap_or("");
                return &path[..(end + 5 + target.len()).min(path.len())];
            }
            "tests" | "benches" | "examples" => {
                let target = comps.next().unwrap_or("");
                return &path[..(end + 1 + target.len()).min(path.len())];
            }
            _ => at = end + 1,
        }
    }
    path
}

/// Macros that pass the items written in them through unchanged.
const TRANSPARENT_MACROS: &[&str] = &["cfg_if"];

impl CrateScan {
    /// The macros invoked in impl bodies of `ty` that may write member
    /// `name`, as written, and whether the invocation spells it. A project macro or a transparent one
    /// (`cfg_if!`) writes only names its invocation spells (or its body
    /// declares: `macro_fns`); another crate's macro is returned whatever
    /// the name, for the caller to judge by that crate's source.
    /// Whether any macro is invoked in an impl body of `ty`.
    pub fn has_impl_macros(&self, ty: &str) -> bool {
        self.impl_macros.iter().any(|(t, _, _)| t == ty)
    }

    pub fn impl_macros_for<'s>(&'s self, ty: &str, name: &str) -> Vec<(&'s str, bool)> {
        self.impl_macros
            .iter()
            .filter(|(t, m, words)| {
                let last = m.rsplit("::").next().unwrap_or(m);
                t == ty
                    && (words.contains(name)
                        || !self.rules.contains(last) && !TRANSPARENT_MACROS.contains(&last))
            })
            .map(|(_, m, words)| (m.as_str(), words.contains(name)))
            .collect()
    }
}

/// Macros whose invocations are never items, besides the expression
/// macros the Rust adapter knows.
const NON_ITEM_MACROS: &[&str] = &[
    "matches",
    "cfg",
    "env",
    "concat",
    "stringify",
    "include_str",
    "include_bytes",
    "compile_error",
    "quote",
    "quote_spanned",
    "parse_quote",
];

/// Whether macro `path` (`name` or `a::name`) writes values, not items.
fn is_value_macro(path: &str) -> bool {
    let name = path.rsplit("::").next().unwrap_or(path);
    plumb_lang::rust_expression_macro(name) || NON_ITEM_MACROS.contains(&name)
}

/// `name! (`, `path::name! {` at the start of a line (not `macro_rules!`).
fn item_macro_call(t: &str) -> bool {
    let Some(bang) = t.find('!') else {
        return false;
    };
    let name = &t[..bang];
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == ':')
        && t[bang + 1..].trim_start().starts_with(['(', '{', '['])
}

/// The end of the first bracketed group at or after `from`.
fn balanced_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 0i32;
    let mut seen = false;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        match b {
            b'(' | b'{' | b'[' => {
                depth += 1;
                seen = true;
            }
            b')' | b'}' | b']' => {
                depth -= 1;
                if seen && depth <= 0 {
                    return Some(k + 1);
                }
            }
            b';' if !seen => return Some(k + 1),
            _ => {}
        }
        if k - from > 200_000 {
            return None;
        }
    }
    None
}

/// Whether the body of the impl starting at `from` invokes a macro (other
/// than the standard library's) at member level (one indentation step in).
/// The macros an impl body starting at `from` invokes among its members
/// (not std's), each with the words of its invocation.
fn impl_body_macros(text: &str, from: usize, indent: usize) -> Vec<(String, HashSet<String>)> {
    let mut out = Vec::new();
    let Some(open) = text[from..].find('{').map(|k| from + k) else {
        return out;
    };
    let end = balanced_end(text.as_bytes(), open).unwrap_or(text.len());
    let mut member_indent = None;
    let mut at = open + 1;
    for line in text[open + 1..end].split_inclusive('\n') {
        let line_start = at;
        at += line.len();
        let t = line.trim_start();
        if t.trim().is_empty() || t.starts_with("//") || t.starts_with('#') {
            continue;
        }
        let ind = line.len() - t.len();
        let mi = *member_indent.get_or_insert(ind);
        if ind == mi && ind > indent && item_macro_call(t) {
            let m = &t[..t.find('!').unwrap_or(0)];
            if crate::builtins::is_builtin(
                plumb_facts::Lang::Rust,
                m.rsplit("::").next().unwrap_or(m),
            ) {
                continue;
            }
            let from = line_start + ind;
            let stop = balanced_end(text.as_bytes(), from).unwrap_or(end).min(end);
            let words = text[from..stop]
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            out.push((m.to_string(), words));
        }
    }
    out
}

/// Record one `impl<..> [Trait for] Type` header starting at `s`; the type
/// (at byte `at` of the file) when it is not a generic parameter.
fn impl_header(s: &str, at: usize, scan: &mut CrateScan) -> Option<String> {
    let end = s.find(['{', ';']).unwrap_or(floor(s, 400));
    let h = &s[..end];
    let h = h.split(" where").next().unwrap_or(h);
    let h = h
        .trim_start_matches("pub(crate) ")
        .trim_start_matches("pub ")
        .trim_start_matches("unsafe ");
    let rest = h.strip_prefix("impl")?;
    let rest = rest.trim_start();
    let generics = generic_names(rest);
    let rest = if rest.starts_with('<') {
        let mut depth = 0;
        let mut cut = rest.len();
        for (i, c) in rest.char_indices() {
            match c {
                '<' => depth += 1,
                '>' if rest[..i].ends_with('-') => {}
                '>' => {
                    depth -= 1;
                    if depth == 0 {
                        cut = i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        &rest[cut..]
    } else {
        rest
    };
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    let (tr, ty, tr_path) = match rest.find(" for ") {
        Some(k) => (
            base(rest[..k].trim_start_matches('!')),
            base(&rest[k + 5..]),
            rest[..k]
                .trim_start_matches('!')
                .split('<')
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
        ),
        None => (String::new(), base(&rest), String::new()),
    };
    if ty.is_empty() {
        return None;
    }
    if generics.contains(&ty) {
        if !tr.is_empty() {
            scan.blanket_traits.push(tr);
        }
        return None;
    }
    if !tr.is_empty() {
        let target = (tr == "Deref").then(|| {
            let body = &s[..floor(s, 3000)];
            body.find("type Target")
                .and_then(|k| {
                    let t = &body[k + 11..];
                    let t = t.trim_start().strip_prefix('=')?;
                    Some(t[..t.find(';')?].trim().to_string())
                })
                .unwrap_or_default()
        });
        scan.trait_impls
            .entry(ty.clone())
            .or_default()
            .push(TraitImpl {
                path: tr_path,
                file: scan.cur_file.clone(),
                target,
                at,
            });
    }
    scan.impls.entry(ty.clone()).or_default().push(tr);
    Some(ty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multibyte_text_without_braces_does_not_panic() {
        let mut s = CrateScan::default();
        let long = "é".repeat(400);
        scan_text(&format!("impl Foo for {long}"), &mut s);
        scan_text(&format!("macro_rules! m {long}"), &mut s);
        scan_text(&format!("impl Deref for X {long}"), &mut s);
    }

    #[test]
    fn impl_headers_name_trait_and_type() {
        let mut s = CrateScan::default();
        scan_text(
            "impl<T: Clone> fmt::Display for Wrapper<T> {\n}\nimpl Foo {\n}\nimpl<T: Read> Ext for T {}\nunsafe impl Send for Foo {}\n",
            &mut s,
        );
        assert_eq!(s.impls["Wrapper"], vec!["Display".to_string()]);
        assert_eq!(s.impls["Foo"], vec![String::new(), "Send".to_string()]);
        assert_eq!(s.blanket_traits, vec!["Ext".to_string()]);
        assert_eq!(s.trait_impls["Wrapper"][0].path, "fmt::Display");
        scan_text(
            "impl<T> core::ops::Deref for Stack<T> {\n    type Target = [T];\n    fn deref(&self) -> &[T] { &self.0 }\n}\n",
            &mut s,
        );
        assert_eq!(s.trait_impls["Stack"][0].target.as_deref(), Some("[T]"));
        scan_text(
            "impl<T, F: FnOnce() -> T> Deref for Lazy<T, F> {\n    type Target = T;\n}\n",
            &mut s,
        );
        assert_eq!(s.trait_impls["Lazy"][0].path, "Deref");
        assert_eq!(s.trait_impls["Lazy"][0].target.as_deref(), Some("T"));
    }

    #[test]
    fn macro_bodies_and_item_macros_give_words() {
        let mut s = CrateScan::default();
        scan_text(
            "macro_rules! droppable {\n () => { struct Droppable; impl Droppable { fn count() {} } };\n}\nimpl_ops!(Meters, add_meters);\nfn f() { g(1) }\n",
            &mut s,
        );
        for w in ["Droppable", "count", "Meters", "add_meters"] {
            assert!(s.macro_words.contains(w), "{w}");
        }
        assert!(!s.macro_words.contains("g"));
        assert!(s.macro_fns.contains("count") && !s.macro_fns.contains("Droppable"));
        assert!(s.macro_may_implement("Droppable", "count", &[]));
        assert!(!s.macro_may_implement("Droppable", "uncounted", &[]));
        // `impl_ops!` is not a macro of this text: from outside, it may implement.
        assert!(s.macro_may_implement("Meters", "anything", &[]));
        assert!(!s.macro_may_implement("Other", "count", &[]));
    }

    #[test]
    fn crates_of_the_tree_follow_cargo_layout() {
        assert_eq!(crate_key("src/a/b.rs"), "src");
        assert_eq!(crate_key("fuzz/src/bin/t.rs"), "fuzz/src/bin/t.rs");
        assert_eq!(crate_key("src/bin/tool/main.rs"), "src/bin/tool");
        assert_eq!(crate_key("crates/x/src/lib.rs"), "crates/x/src");
        assert_eq!(crate_key("tests/it.rs"), "tests/it.rs");
        assert_eq!(crate_key("tests/common/mod.rs"), "tests/common");
        assert_eq!(crate_key("build.rs"), "build.rs");
    }

    #[test]
    fn invocations_in_another_crate_add_no_methods() {
        let mut s = CrateScan::default();
        s.cur_file = "fuzz/src/bin/t.rs".into();
        scan_text("impl_ops!(Vec2, add_vec2);\n", &mut s);
        assert!(!s.macro_may_implement("Vec2", "len", &["src/vec2.rs"]));
        assert!(s.macro_may_implement("Vec2", "len", &["fuzz/src/bin/t.rs"]));
    }

    #[test]
    fn invocations_of_project_macros_without_impls_touch_nothing() {
        let mut s = CrateScan::default();
        scan_text(
            "macro_rules! table {\n ($t:ident) => { static T: $t = $t::new(); };\n}\ntable!(Style);\nthread_local!(static S: Cell<Term> = Term::new());\n",
            &mut s,
        );
        assert!(!s.macro_may_implement("Style", "f", &[]));
        assert!(!s.macro_may_implement("Term", "f", &[]));
        scan_text(
            "impl Term {\n    forward_methods!();\n    fn f(&self) {\n        println!(\"x\");\n    }\n}\nimpl Style {\n    fn g(&self) {\n        my_log!(\"x\");\n    }\n}\n",
            &mut s,
        );
        // `forward_methods!` (no macro of this text) among Term's members may
        // write any of them; `my_log!` inside a method writes no member.
        assert_eq!(
            s.impl_macros_for("Term", "anything"),
            vec![("forward_methods", false)]
        );
        assert!(s.impl_macros_for("Style", "anything").is_empty());
    }
}
