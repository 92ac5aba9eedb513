//! Members of object literals a module binds at top level: `const api = {
//! get() {}, post }`, `export default { a, b }`, `module.exports = { … }`.
//! A reader knows such an object's keys exactly, unless something can add
//! more (a spread, a computed key, `api.x = …`, `Object.assign(api, …)`).
//!
//! Owns only reading those keys, from the module's syntax tree (parsed on
//! demand, cached per file and text). Never used for objects built any
//! other way.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use tree_sitter::Node;

use crate::project::Project;
use crate::resolve::word_positions;

/// One key of an object literal.
#[derive(Debug, Clone)]
pub struct Key {
    pub name: String,
    /// The identifier the value is (`{ a }`, `{ b: a }`), to resolve the
    /// member to a function of the module.
    pub value: Option<String>,
    pub line: u32,
}

/// The keys of the object literal bound to `binding` (a const name,
/// `default` or `module.exports`) at the top level of `file`; `None` when
/// the binding is not a plain object literal or may gain keys.
pub fn object_keys(project: &Project, file: &str, binding: &str) -> Option<Rc<Vec<Key>>> {
    thread_local! {
        static CACHE: RefCell<HashMap<(String, String, usize), Option<Rc<Vec<Key>>>>> =
            RefCell::new(HashMap::new());
    }
    let rc = project.facts_of(file)?;
    let text = &rc.0;
    let key = (file.to_string(), binding.to_string(), text.len());
    if let Some(hit) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return hit;
    }
    let got = read_keys(file, text, binding).map(Rc::new);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 256 {
            c.clear();
        }
        c.insert(key, got.clone());
    });
    got
}

fn read_keys(file: &str, text: &str, binding: &str) -> Option<Vec<Key>> {
    let adapter = plumb_lang::adapter_for_path(Path::new(file))?;
    let tree = plumb_lang::parse(adapter, text.as_bytes())?;
    let src = text.as_bytes();
    let root = tree.root_node();
    let mut cur = root.walk();
    for stmt in root.named_children(&mut cur) {
        if binding == "module.exports" {
            let Some((obj, aliases)) = exports_object(stmt, src) else {
                continue;
            };
            // `var Utility = module.exports = {…}` (pm2) is filled through
            // its alias too; `module.exports.extra = …` adds a key.
            let mut keys = keys_of(obj, src)?;
            for name in std::iter::once("module.exports").chain(aliases.iter().map(String::as_str))
            {
                keys.extend(keys_added(text, name)?);
            }
            return Some(keys);
        }
        if let Some(obj) = bound_object(stmt, src, binding) {
            let mut keys = keys_of(obj, src)?;
            if binding != "default" {
                // `const webidl = {…}` then `webidl.brandCheck = function`
                // (undici).
                keys.extend(keys_added(text, binding)?);
            }
            return Some(keys);
        }
    }
    None
}

/// The object literal a top-level statement assigns to `module.exports`
/// (`module.exports = {…}`, `var U = module.exports = {…}`, `exports =
/// module.exports = {…}`), with the other names the chain binds it to.
fn exports_object<'t>(stmt: Node<'t>, src: &[u8]) -> Option<(Node<'t>, Vec<String>)> {
    let mut aliases = Vec::new();
    let mut value = match stmt.kind() {
        "expression_statement" => stmt.named_child(0)?,
        "variable_declaration" | "lexical_declaration" => {
            let mut c = stmt.walk();
            let declarators: Vec<Node> = stmt
                .named_children(&mut c)
                .filter(|d| d.kind() == "variable_declarator")
                .collect();
            let [d] = declarators[..] else {
                return None;
            };
            aliases.push(text(d.child_by_field_name("name")?, src).to_string());
            d.child_by_field_name("value")?
        }
        _ => return None,
    };
    let mut exported = false;
    while value.kind() == "assignment_expression" {
        let left = text(value.child_by_field_name("left")?, src);
        if left == "module.exports" {
            exported = true;
        } else {
            aliases.push(left.to_string());
        }
        value = value.child_by_field_name("right").map(unwrap)?;
    }
    (exported && value.kind() == "object").then_some((value, aliases))
}

/// Whether the object named between `before` and `after` is an argument
/// of a call that may write to it: pm2's `require('./God/Methods.js')(God)`
/// adds methods. `Object.`, `JSON.` and `console.` functions other than
/// the copying ones do not.
fn handed_to_function(before: &str, after: &str) -> bool {
    let after = after.trim_start();
    if !(before.ends_with(['(', ',']) && after.starts_with([')', ','])) {
        return false;
    }
    super::calltext::enclosing_call(before).is_some_and(|c| {
        !["Object.", "JSON.", "console."]
            .iter()
            .any(|r| c.receiver.ends_with(r))
    })
}

/// The keys the text writes onto `binding` by name (`binding.k = …`);
/// `None` when it writes a computed key (`binding[k] = …`), copies into it
/// (`Object.assign(binding, …)`, `Object.defineProperty(binding, …)`),
/// hands it to a function, or, for `module.exports`, assigns it whole
/// twice.
pub(super) fn keys_added(text: &str, binding: &str) -> Option<Vec<Key>> {
    let exports = binding == "module.exports";
    let (mut out, mut whole) = (Vec::new(), 0);
    for i in word_positions(text, binding) {
        let after = &text[i + binding.len()..];
        let before = text[..i].trim_end();
        if ["assign(", "defineProperty(", "defineProperties("]
            .iter()
            .any(|f| before.ends_with(f))
            || handed_to_function(before, after)
        {
            return None;
        }
        if after.starts_with('[') {
            let computed = super::lexical::matching_close(after, 0).is_none_or(|c| {
                let tail = after[c + 1..].trim_start();
                tail.starts_with('=') && !tail.starts_with("==") && !tail.starts_with("=>")
            });
            if computed {
                return None;
            }
            continue;
        }
        if exports {
            // (A second `module.exports = …` replaces the literal.)
            let value = after.trim_start().strip_prefix('=');
            whole += usize::from(value.is_some_and(|v| !v.starts_with(['=', '>'])));
            if whole > 1 {
                return None;
            }
        }
        if let Some(k) = super::qualified::assigned_member(after) {
            out.push(Key {
                name: k.to_string(),
                value: None,
                line: text[..i].matches('\n').count() as u32 + 1,
            });
        }
    }
    Some(out)
}

fn text<'a>(n: Node, src: &'a [u8]) -> &'a str {
    n.utf8_text(src).unwrap_or("")
}

/// Strip `as const`, `satisfies T`, parentheses.
fn unwrap(mut n: Node) -> Node {
    while matches!(
        n.kind(),
        "as_expression" | "satisfies_expression" | "parenthesized_expression"
    ) {
        match n.named_child(0) {
            Some(c) => n = c,
            None => break,
        }
    }
    n
}

/// The object literal a top-level statement binds to `binding`, if any.
fn bound_object<'t>(stmt: Node<'t>, src: &[u8], binding: &str) -> Option<Node<'t>> {
    match stmt.kind() {
        "export_statement" => {
            if binding == "default" {
                let v = stmt.child_by_field_name("value").map(unwrap)?;
                return (v.kind() == "object").then_some(v);
            }
            let d = stmt.child_by_field_name("declaration")?;
            bound_object(d, src, binding)
        }
        "lexical_declaration" | "variable_declaration" => {
            // (`var`/`let`: while nothing assigns the name anew.)
            let constant = stmt.child(0).is_some_and(|k| k.kind() == "const");
            let text_all = std::str::from_utf8(src).unwrap_or("");
            let reassigned = || {
                word_positions(text_all, binding)
                    .filter(|&i| {
                        let after = text_all[i + binding.len()..].trim_start();
                        !text_all[..i].ends_with('.')
                            && after.starts_with('=')
                            && !after.starts_with("==")
                            && !after.starts_with("=>")
                    })
                    .count()
                    > 1
            };
            if !constant && reassigned() {
                return None;
            }
            let mut c = stmt.walk();
            for d in stmt.named_children(&mut c) {
                if d.kind() == "variable_declarator"
                    && d.child_by_field_name("name")
                        .is_some_and(|n| text(n, src) == binding)
                {
                    let v = d.child_by_field_name("value").map(unwrap)?;
                    return (v.kind() == "object").then_some(v);
                }
            }
            None
        }
        _ => None,
    }
}

fn keys_of(obj: Node, src: &[u8]) -> Option<Vec<Key>> {
    let mut out = Vec::new();
    let mut c = obj.walk();
    for k in obj.named_children(&mut c) {
        let line = k.start_position().row as u32 + 1;
        match k.kind() {
            "shorthand_property_identifier" => out.push(Key {
                name: text(k, src).to_string(),
                value: Some(text(k, src).to_string()),
                line,
            }),
            "pair" => {
                let key = k.child_by_field_name("key")?;
                let name = match key.kind() {
                    "property_identifier" | "number" => text(key, src).to_string(),
                    "string" => text(key, src).trim_matches(['"', '\'']).to_string(),
                    _ => return None,
                };
                let value = k
                    .child_by_field_name("value")
                    .filter(|v| v.kind() == "identifier")
                    .map(|v| text(v, src).to_string());
                out.push(Key { name, value, line });
            }
            "method_definition" => {
                let n = k.child_by_field_name("name")?;
                if n.kind() != "property_identifier" {
                    return None;
                }
                out.push(Key {
                    name: text(n, src).to_string(),
                    value: None,
                    line,
                });
            }
            "comment" => {}
            // A spread or anything else: keys we cannot list.
            _ => return None,
        }
    }
    // Its methods' `this.k = …` add k (a test double's `end(cb) {
    // this.endCb = cb; }`).
    let whole = text(obj, src);
    let line = obj.start_position().row as u32 + 1;
    for i in word_positions(whole, "this") {
        if let Some(k) = super::qualified::assigned_member(&whole[i + "this".len()..])
            && !out.iter().any(|o| o.name == k)
        {
            out.push(Key {
                name: k.to_string(),
                value: None,
                line,
            });
        }
    }
    Some(out)
}
