//! What opens a JavaScript/TypeScript class to members no definition
//! names, or adds members from outside its body: computed member names and
//! index signatures, `this[k] = …` and `Object.assign(this, …)`, writes to
//! the prototype (`Object.defineProperties(C.prototype, {…})`) and to the
//! class object (`Object.assign(C, …)`, mixins), and the symbols a file can
//! key members by (which add no name).
//!
//! Owns reading those patterns from the text; member lookup stays in
//! [`super::members`], which asks here whether the members it found are all
//! there are.

use crate::project::Project;

use super::lexical::{blank_literals, string_end};
use super::modules::resolve_spec;

/// How a class body may hold members no definition names.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Open {
    No,
    /// `this[k] = …`, `Object.assign(this, …)`: data stored under computed
    /// keys; a called name that the project never mentions is still wrong.
    Data,
    /// An index signature (`[key: string]: T`) or a member with a computed
    /// name (`[name]() {}`): any name may be a member.
    Any,
}

/// The lines of a class or interface `code` that start directly in its
/// body (brace depth 1), where members are declared; lines inside method
/// bodies and object literals (`{[KEY]: v}`) are not among them.
/// The header line contributes what follows its `{` (`interface A { [k:
/// string]: T }`).
fn member_lines(code: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0i32;
    code.lines().filter_map(move |l| {
        let start = depth;
        for c in l.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
        }
        match start {
            1 => Some(l),
            0 => l.split_once('{').map(|(_, rest)| rest),
            _ => None,
        }
    })
}

/// How `body` (a class or interface) is open. A computed name that is a
/// symbol of the file (`syms`: `const kReset = Symbol('reset')`, or one it
/// imports) adds no member a name can reach.
pub(super) fn opens_members(body: &str, syms: &Symbols) -> Open {
    // (A bracket in a string or a regular expression, postcss's
    // `/^\)]}'[^\n]*\n/`, must not move the depth.)
    let code = blank_literals(body);
    let computed = member_lines(&code).any(|l| {
        let mut t = l.trim_start();
        loop {
            let before = t;
            for m in [
                "static ",
                "readonly ",
                "public ",
                "private ",
                "protected ",
                "declare ",
                "async ",
                "get ",
                "set ",
                "abstract ",
                "override ",
                "*",
            ] {
                t = t.strip_prefix(m).unwrap_or(t).trim_start();
            }
            if t == before {
                break;
            }
        }
        let Some(inner) = t.strip_prefix('[') else {
            return false;
        };
        // `['constructor']` and `[Symbol.iterator]` name no identifier member.
        let inner = inner.trim_start();
        let end = inner
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(inner.len());
        if end == 0 || inner.starts_with("Symbol") || syms.contains(&inner[..end]) {
            return false;
        }
        let after = inner[end..].trim_start();
        // `[index: number]: T` (an array-like class) keys numbers only.
        let numeric = after
            .strip_prefix(':')
            .and_then(|k| k.trim_start().strip_prefix("number"))
            .is_some_and(|k| k.trim_start().starts_with(']'));
        !numeric && after.starts_with(':')
            || after.strip_prefix(']').is_some_and(|a| {
                a.trim_start()
                    .starts_with(['(', ':', '=', ';', '?', '!', '<'])
            })
    });
    if computed {
        Open::Any
    } else if assigns_computed_this(&code, syms)
        || body.contains("assign(this")
        || body.contains("defineProperty(this")
        || body.contains("defineProperties(this")
    {
        Open::Data
    } else {
        Open::No
    }
}

/// The symbols a file can name members by: its own `const k = Symbol(…)`
/// and those it imports from a project module that makes them (fastify's
/// `const { kReply } = require('./symbols')` of `kReply: Symbol(…)`).
/// It also keeps the file's code with literals blanked, for readers that
/// must not take a comment's or a string's words for code.
pub(super) struct Symbols<'t> {
    text: &'t str,
    imported: std::rc::Rc<std::collections::HashSet<String>>,
    code: std::cell::OnceCell<std::rc::Rc<String>>,
    /// The keys of the mixin objects the file copies into prototypes
    /// ([`super::mixins::prototype_mixins`]; none without the project).
    mixins: std::rc::Rc<std::collections::HashMap<String, super::mixins::Mixed>>,
    /// Whether mixins a package's object was copied into count as known
    /// (for a class whose base is already a package's, unseen).
    package_mixins: bool,
}

impl Symbols<'_> {
    pub(super) fn contains(&self, name: &str) -> bool {
        is_symbol_const(self.text, name) || self.imported.contains(name)
    }

    /// These symbols, with mixins a package's object was copied into
    /// counted by the keys they show.
    pub(super) fn with_package_mixins(self) -> Self {
        Symbols {
            package_mixins: true,
            ..self
        }
    }

    /// The file's code, literals blanked (read when first asked).
    pub(super) fn code(&self) -> &str {
        self.code
            .get_or_init(|| std::rc::Rc::new(blank_literals(self.text)))
            .as_str()
    }
}

/// The symbols of `path` (whose text is `text`), imports read once per check.
pub(super) fn symbols<'t>(project: &Project, path: &str, text: &'t str) -> Symbols<'t> {
    let imported = project.memo(&format!("js-symbols:{path}"), || {
        let mut out = std::collections::HashSet::new();
        let Some(rc) = project.facts_of(path) else {
            return out;
        };
        for imp in &rc.1.imports {
            let Some(target) = resolve_spec(project, path, &imp.module) else {
                continue;
            };
            let Some(trc) = project.facts_of(&target) else {
                continue;
            };
            let ttext = &trc.0;
            for n in &imp.names {
                let makes = crate::resolve::word_positions(ttext, &n.name).any(|i| {
                    let after = ttext[i + n.name.len()..].trim_start();
                    after
                        .strip_prefix([':', '='])
                        .is_some_and(|v| v.trim_start().starts_with("Symbol"))
                });
                if makes {
                    out.insert(n.alias.clone().unwrap_or_else(|| n.name.clone()));
                }
            }
        }
        out
    });
    Symbols {
        text,
        imported,
        code: std::cell::OnceCell::from(super::lexical::file_code(project, path, text)),
        mixins: super::mixins::prototype_mixins(project, path, text),
        package_mixins: false,
    }
}

/// The symbols `text` declares itself (none it imports): enough where
/// a computed key is rare and a miss only means a closer look.
/// [`local_symbols`] of a project file, its blanked code read once per
/// run: what mixin reading needs, without the mixins themselves (which
/// would read this file's importers' mixins in turn).
pub(super) fn plain_symbols<'t>(project: &Project, path: &str, text: &'t str) -> Symbols<'t> {
    Symbols {
        code: std::cell::OnceCell::from(super::lexical::file_code(project, path, text)),
        ..local_symbols(text)
    }
}

pub(super) fn local_symbols(text: &str) -> Symbols<'_> {
    Symbols {
        text,
        imported: std::rc::Rc::new(std::collections::HashSet::new()),
        code: std::cell::OnceCell::new(),
        mixins: std::rc::Rc::new(std::collections::HashMap::new()),
        package_mixins: false,
    }
}

/// Whether `file` declares `name` as a symbol: `const name = Symbol(…)`
/// (or `Symbol.for(…)`).
fn is_symbol_const(file: &str, name: &str) -> bool {
    crate::resolve::word_positions(file, name).any(|i| {
        let before = file[..i].trim_end();
        let after = file[i + name.len()..].trim_start();
        before.ends_with("const")
            && after
                .strip_prefix('=')
                .is_some_and(|v| v.trim_start().starts_with("Symbol"))
    })
}

/// The members the file adds to `class`'s prototype other than by plain
/// assignments the adapter records (`Foo.prototype.m = function`): the
/// keys of `Object.defineProperties(Foo.prototype, {a: …, [kSym]: …})` and
/// the name of `Object.defineProperty(Foo.prototype, 'a', …)`; `None` when
/// any other use of the prototype may add members (`Object.assign(Foo.prototype,
/// mixin)`, a computed key that is no symbol of the file).
pub(super) fn prototype_additions(text: &str, class: &str, syms: &Symbols) -> Option<Vec<String>> {
    let pat = format!("{class}.prototype");
    let mut added = Vec::new();
    for (i, _) in text.match_indices(&pat) {
        let after = text[i + pat.len()..].trim_start();
        if after.starts_with('.') || !word_boundary_before(text, i) {
            continue;
        }
        // `Foo.prototype['m'] = …`, which the adapter records as `m`.
        if let Some(key) = plain_string_key(after) {
            added.push(key.to_string());
            continue;
        }
        if well_known_symbol(after) {
            continue;
        }
        // `['argv', 'env'].forEach(function (type) { Provider.prototype[type]
        // = … })` (nconf): the array's strings.
        if let Some(keys) = looped_key(text, i, after) {
            added.extend(keys);
            continue;
        }
        let before = text[..i].trim_end();
        // (An alias with a use that may add anything: the other readings
        // of this mention decide.)
        if let Some(Some(keys)) = prototype_alias(text, before, syms) {
            added.extend(keys);
            continue;
        }
        // `C.prototype = {a: …, b() {}}` (pug's lexer): the literal's keys,
        // when no key is computed and nothing is spread in.
        if let Some(value) = after.strip_prefix('=').map(str::trim_start)
            && value.starts_with('{')
        {
            added.extend(literal_keys(syms, value)?.0);
            continue;
        }
        // The base, which the caller reads (`Object.setPrototypeOf(C.prototype,
        // Base.prototype)`, `C.prototype = Object.create(Base.prototype)`,
        // `C.prototype = new Base()`).
        if before.ends_with("setPrototypeOf(")
            || after.strip_prefix('=').is_some_and(|v| {
                let v = v.trim_start();
                v.starts_with("Object.create(") || v.starts_with("new ")
            })
        {
            continue;
        }
        // `{ ...input, __proto__: Input.prototype }` (postcss's fromJSON)
        // makes an instance.
        if before.ends_with("__proto__:") {
            continue;
        }
        // Reading the prototype's keys adds none (blessed's image.js copies
        // `Object.getOwnPropertyNames(OverlayImage.prototype)` elsewhere).
        if [
            "Object.getOwnPropertyNames(",
            "Object.getOwnPropertyDescriptor(",
            "Object.getOwnPropertyDescriptors(",
            "Object.getOwnPropertySymbols(",
            "Object.keys(",
            "Object.entries(",
            "Reflect.ownKeys(",
        ]
        .iter()
        .any(|f| before.ends_with(f))
        {
            continue;
        }
        // `Sub.prototype.__proto__ = Foo.prototype;` (blessed) makes a
        // subclass too.
        if before
            .strip_suffix('=')
            .is_some_and(|b| b.trim_end().ends_with(".prototype.__proto__"))
        {
            continue;
        }
        // `var promise = object_create(Promise.prototype)` (q) makes an
        // instance; `Sub.prototype = Object.create(Foo.prototype)` a
        // subclass, whose members `this` may then have.
        if let Some(lhs) = before.strip_suffix("create(") {
            let line = &lhs[lhs.rfind('\n').map_or(0, |n| n + 1)..];
            if !line.contains(".prototype") && after.starts_with(')') {
                continue;
            }
        }
        added.extend(handed_additions(before, after, syms)?);
    }
    Some(added)
}

/// The keys a call adds to the prototype it is handed as its first
/// argument (`before` ends with the call's `(`, `after` follows the
/// prototype): `Object.defineProperties(p, {a: …})`, `Object.assign(p, {a()
/// {}})` (knex's clients; the literal must be the only source),
/// `Object.defineProperty(p, 'a', …)` and a test double of one method
/// (`sinon.stub(p, 'start')`, `jest.spyOn(p, 'm')`); `None` for any other
/// use, which may add anything.
fn handed_additions(before: &str, after: &str, syms: &Symbols) -> Option<Vec<String>> {
    let rest = after.strip_prefix(',')?.trim_start();
    if before.ends_with("defineProperties(") {
        return Some(literal_keys(syms, rest)?.0);
    }
    // `Object.assign(p, {a() {}})` (knex's clients) and `_.extend(p,
    // ViewMixin, {…})` of mixin objects the file can read (Marionette).
    if before.ends_with('(')
        && super::calltext::enclosing_call(before)
            .is_some_and(|c| super::mixins::copies_into_first(c.callee) && c.index == 0)
    {
        let mut keys = Vec::new();
        for arg in super::mixins::later_arguments(after)? {
            if arg.starts_with('{') {
                keys.extend(literal_keys(syms, arg)?.0);
            } else {
                let mixed = syms.mixins.get(arg)?;
                if mixed.package && !syms.package_mixins {
                    return None;
                }
                keys.extend(mixed.keys.iter().cloned());
            }
        }
        return Some(keys);
    }
    let double = ["stub(", "spy(", "spyOn(", "replace("]
        .iter()
        .any(|f| before.strip_suffix(f).is_some_and(|b| b.ends_with('.')));
    if before.ends_with("defineProperty(") || double {
        let q = rest.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
        let name = rest[1..].split(q).next()?;
        return Some(vec![name.to_string()]);
    }
    None
}

/// When `before` (the text up to a `Foo.prototype`) ends in the
/// declaration of an alias, `const pp =` (also `let`, `var`): the keys its
/// uses add beyond plain assignments the adapter records (`pp.m =
/// function`), `Some(keys)` when every use is such an assignment, a key
/// read or a symbol key (`pp[Symbol.iterator]`), or a call that adds known
/// keys (vorpal's `Object.defineProperty(vorpal, 'activeCommand', …)`, see
/// [`handed_additions`]); `Some(None)` when some use may add anything;
/// `None` when it is no alias.
fn prototype_alias(text: &str, before: &str, syms: &Symbols) -> Option<Option<Vec<String>>> {
    let lhs = before.strip_suffix('=')?.trim_end();
    let len = lhs
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
        .map(char::len_utf8)
        .sum::<usize>();
    let (keyword, alias) = lhs.split_at(lhs.len() - len);
    if alias.is_empty() || !ends_in_declaration_keyword(keyword) {
        return None;
    }
    let at = lhs.len() - len;
    // (Words of comments and strings are no uses: vorpal's `var vorpal =
    // Vorpal.prototype` beside `require('./vorpal-commons')`.)
    let code = syms.code();
    let mut added = Vec::new();
    for i in crate::resolve::word_positions(code, alias) {
        let after = text[i + alias.len()..].trim_start();
        // (Exporting it or storing it whole, moment's `export default
        // proto` and `hooks.fn = proto`, adds nothing here; what other
        // files add through it, callers look for elsewhere.)
        let before_use = code[..i].trim_end();
        let stored = before_use
            .strip_suffix('=')
            .is_some_and(|b| !b.ends_with(['=', '!', '<', '>']))
            && (after.starts_with(';') || after.is_empty());
        let plain = i == at
            || text[..i].ends_with('.')
            || before_use.ends_with("export default")
            || stored
            || after.strip_prefix('.').is_some_and(|m| {
                m.starts_with(|c: char| c.is_alphabetic() || c == '_' || c == '$')
            })
            || after
                .strip_prefix('[')
                .and_then(|k| k.split_once(']'))
                .is_some_and(|(k, rest)| {
                    let k = k.trim();
                    // Reading `proto[method]` adds nothing (postcss compares
                    // `this[method] === proto[method]`).
                    let rest = rest.trim_start();
                    let read = !(rest.starts_with('=')
                        && !rest.starts_with("==")
                        && !rest.starts_with("=>"));
                    read || well_known_symbol(after) || syms.contains(k)
                });
        if plain {
            continue;
        }
        match handed_additions(code[..i].trim_end(), after, syms) {
            Some(keys) => added.extend(keys),
            None => return Some(None),
        }
    }
    Some(Some(added))
}

/// Whether `before` ends with `var`, `let` or `const` as a word: what
/// follows it is a variable being declared.
pub(super) fn ends_in_declaration_keyword(before: &str) -> bool {
    ["const", "let", "var"].iter().any(|k| {
        before.trim_end().strip_suffix(k).is_some_and(|b| {
            !b.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$' || c == '.')
        })
    })
}

/// `m` of `['m']` (or `["m"]`) at the start of `after`, when it is a
/// plain name.
fn plain_string_key(after: &str) -> Option<&str> {
    let rest = after.strip_prefix('[')?.trim_start();
    let q = rest.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let (key, tail) = rest[1..].split_once(q)?;
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    (plain && tail.trim_start().starts_with(']')).then_some(key)
}

/// Whether `text` indexes `class.prototype` by anything but a plain string
/// (`C.prototype[name] = …`): members no name shows.
pub(super) fn computed_prototype_key(text: &str, class: &str) -> bool {
    let pat = format!("{class}.prototype[");
    text.match_indices(&pat).any(|(i, _)| {
        let after = &text[i + pat.len() - 1..];
        plain_string_key(after).is_none()
            && looped_key(text, i, after).is_none()
            && !well_known_symbol(after)
    })
}

/// The strings of the array literal `list` names, for a computed key
/// `[list[i]]` (`after` starts at its `[`, at byte `at` of `text`): `list`
/// bound to a literal of plain strings earlier in the file.
fn listed_key(text: &str, at: usize, after: &str) -> Option<Vec<String>> {
    let close = super::lexical::matching_close(after, 0)?;
    let key = after[1..close].trim();
    let (list, index) = key.strip_suffix(']')?.split_once('[')?;
    let word = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
    };
    if !word(list) || !word(index.trim()) {
        return None;
    }
    let decl = format!("{list} = [");
    let i = text[..at].rfind(&decl)?;
    let open = i + decl.len() - 1;
    let end = super::lexical::matching_close(text, open)?;
    text[open + 1..end]
        .split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|e| {
            let q = e.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
            let k = e.strip_prefix(q)?.strip_suffix(q)?;
            word(k).then(|| k.to_string())
        })
        .collect()
}

/// Whether `after` (at a `[`) is a symbol key (`[Symbol.iterator]`,
/// `[Symbol.for('nodejs.util.inspect.custom')]`), which no name reaches
/// (bookshelf's collections, moment's prototype).
fn well_known_symbol(after: &str) -> bool {
    after
        .strip_prefix('[')
        .is_some_and(|k| k.trim_start().starts_with("Symbol."))
}

/// The keys a computed key `[k]` (`after` starts at the `[`, at byte `at`
/// of `text`) takes when it is the one parameter of a `forEach` callback
/// over a literal list of plain strings: `['argv', 'env'].forEach(function
/// (k) { C.prototype[k] = … })` (nconf) or `'head get'.split('
/// ').forEach(function (method) { module.exports[method] = … })` (needle).
pub(super) fn looped_key(text: &str, at: usize, after: &str) -> Option<Vec<String>> {
    // `C.prototype[names[i]] = …` of `var names = ['asText', …]` (jszip): an
    // element of a list of plain strings named earlier.
    if let Some(keys) = listed_key(text, at, after) {
        return Some(keys);
    }
    let inner = after.strip_prefix('[')?;
    let end = inner.find(']')?;
    let k = inner[..end].trim();
    if k.is_empty()
        || !k
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
    {
        return None;
    }
    // `list.forEach(function (k) {…})`, or lodash's `_.each(list,
    // function (k) {…})` (bookshelf's `_.each(modelMethods, …)`).
    let for_each = text[..at]
        .rfind(".forEach(")
        .map(|c| (c, c + ".forEach".len()));
    // (Also jQuery's `jQuery.each( [ "get", "post" ], function( i, method )
    // {…} )`, whose callback takes the index first.)
    let each = [".each(", ".forEach("]
        .iter()
        .filter_map(|f| {
            let c = text[..at].rfind(f)?;
            // A collection handed as the first argument: `_.each(list, …)`.
            let receiver = text[..c].trim_end();
            let start = receiver
                .rfind(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '$'))
                .map_or(0, |k| k + 1);
            let bare = !receiver[start..].is_empty() && !receiver[..start].ends_with('.');
            (bare && !text[c + f.len()..at].trim_start().starts_with("function"))
                .then_some((start, c + f.len() - 1))
        })
        .max();
    let (call, open, receiver) = match (for_each, each) {
        (Some((c, o)), e) if e.is_none_or(|(ec, _)| ec < c) => (c, o, text[..c].trim_end()),
        (_, Some((c, o))) => {
            // The collection is the first argument.
            let args = &text[o + 1..at];
            let mut depth = 0i32;
            let comma = args.char_indices().find_map(|(j, ch)| {
                match ch {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth -= 1,
                    ',' if depth == 0 => return Some(j),
                    _ => {}
                }
                None
            })?;
            (c, o + 1 + comma, args[..comma].trim())
        }
        _ => return None,
    };
    // The call's parentheses hold `at`.
    let paren = call + text[call..].find('(')?;
    if super::lexical::matching_close(text, paren).is_none_or(|close| close < at) {
        return None;
    }
    // The callback's one parameter is `k`.
    let head = text[open + 1..at].trim_start();
    let head = head.strip_prefix("function").unwrap_or(head).trim_start();
    let params = head.strip_prefix('(').map_or(head, |h| h.trim_start());
    // (Any of its parameters: jQuery's callbacks take the index first.)
    let named = params.strip_prefix(k).is_some_and(|r| {
        let r = r.trim_start();
        r.starts_with(')') || r.starts_with("=>")
    }) || head.starts_with('(')
        && head[1..]
            .split(')')
            .next()
            .is_some_and(|list| list.split(',').any(|p| p.trim() == k));
    if !named {
        return None;
    }
    let plain = |key: &str| {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
    };
    // A name bound to an array literal earlier in the file (`const
    // modelMethods = ['pick', 'omit'];`).
    let receiver = if plain(receiver) {
        let decl = format!("{receiver} = [");
        let i = text[..call].rfind(&decl)?;
        let close = super::lexical::matching_close(text, i + decl.len() - 1)?;
        &text[..close + 1]
    } else {
        receiver
    };
    let keys: Vec<String> = if let Some(list) = receiver.strip_suffix(']') {
        // The array literal just before: plain strings only.
        let list_open = list.rfind('[')?;
        list[list_open + 1..]
            .split(',')
            .map(|e| e.trim())
            .filter(|e| !e.is_empty())
            .map(|e| {
                let q = e.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
                let key = e.strip_prefix(q)?.strip_suffix(q)?;
                plain(key).then(|| key.to_string())
            })
            .collect::<Option<Vec<String>>>()?
    } else {
        // `'head get'.split(' ')`: words of one string literal.
        let words = ["'.split(' ')", "\".split(\" \")"]
            .iter()
            .find_map(|s| receiver.strip_suffix(s))?;
        let q = receiver[words.len()..].chars().next()?;
        let start = words.rfind(q)?;
        let keys: Vec<String> = words[start + 1..]
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        if !keys.iter().all(|k| plain(k)) {
            return None;
        }
        keys
    };
    (!keys.is_empty()).then_some(keys)
}

fn word_boundary_before(text: &str, i: usize) -> bool {
    !text[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.')
}

/// The top-level keys of the object literal `rest` starts with (`{a: …,
/// 'b': …, [kSym]: …}`) and the byte index in `rest` just past its closing
/// brace; `None` when it is no literal, it does not close, a key is
/// computed from anything but a symbol of the file, or it spreads another
/// object (`...mixin`). Strings, regular expressions and comments are read
/// blanked (a `'}'` in a getter closes nothing, nor does pug's `/^\(/`);
/// `async m() {}`, `get m() {}` and `*m() {}` give `m`.
pub(super) fn literal_keys(syms: &Symbols, rest: &str) -> Option<(Vec<String>, usize)> {
    let body = rest.strip_prefix('{')?;
    // The same bytes with literals blanked: structure from it, the text of
    // a quoted key from `body`.
    let code = blank_literals(body);
    let bytes = code.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80;
    let (mut depth, mut keys, mut at_key, mut i) = (0i32, Vec::new(), true, 0usize);
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\'' | b'"' | b'`' => {
                let close = string_end(&code, i)?;
                if depth == 0 && at_key {
                    keys.push(body[i + 1..close].to_string());
                    at_key = false;
                }
                i = close;
            }
            b'[' if depth == 0 && at_key => {
                // A computed key: `[kSym]:`.
                let end = i + body[i..].find(']')?;
                if !syms.contains(body[i + 1..end].trim()) {
                    return None;
                }
                at_key = false;
                i = end;
            }
            b'{' | b'(' | b'[' => depth += 1,
            b'}' if depth == 0 => return Some((keys, i + 2)),
            b'.' if depth == 0 && at_key && body[i..].starts_with("...") => return None,
            b'}' | b')' | b']' => depth -= 1,
            b',' if depth == 0 => at_key = true,
            b'*' if depth == 0 && at_key => {}
            c if depth == 0 && at_key && ident(c) => {
                let len = body[i..].bytes().take_while(|b| ident(*b)).count();
                let word = &body[i..i + len];
                // A modifier before the member's name keeps the key open.
                let next = body[i + len..].trim_start();
                let modifier = matches!(word, "async" | "get" | "set" | "static")
                    && next.starts_with(|c: char| {
                        c.is_alphanumeric()
                            || c == '_'
                            || c == '$'
                            || c == '*'
                            || c == '['
                            || c as u32 >= 0x80
                    });
                if !modifier {
                    keys.push(word.to_string());
                    at_key = false;
                }
                i += len - 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether the file writes members onto the class object `class` other than
/// by plain assignments the adapter records: `Object.assign(Foo, …)`,
/// `Object.defineProperty(Foo, …)`, `Foo[key] = …`, a mixin (`mixin(Foo)`,
/// `extend(Foo, …)`).
pub(super) fn patches_statics(text: &str, class: &str) -> bool {
    crate::resolve::word_positions(text, class).any(|i| {
        let before = text[..i].trim_end();
        let after = text[i + class.len()..].trim_start();
        let callee = before.strip_suffix('(').map(|b| {
            b.trim_end()
                .rsplit(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$' || c == '.'))
                .next()
                .unwrap_or("")
        });
        // (`Object.defineProperty(Assertion.prototype, …)` patches
        // instances, not the class object: should.js.)
        let whole = !after.starts_with('.');
        after.starts_with('[')
            || whole
                && callee.is_some_and(|c| {
                    let last = c.rsplit('.').next().unwrap_or(c).to_ascii_lowercase();
                    matches!(
                        last.as_str(),
                        "assign" | "defineproperty" | "defineproperties" | "setprototypeof"
                    ) || last.contains("mixin")
                        || last.contains("extend")
                        || last.contains("decorate")
                })
    })
}

/// Whether the file passes the class itself to a function (`augment(Raw)`,
/// `helpers.addQueryContext(Raw, opts)`: knex's builders), which may write
/// any member onto its prototype or onto the class. `new Raw()`, `x
/// instanceof Raw`, `[Raw]`, `export { Raw }`, `Object.assign(Raw, …)`
/// (statics only), `Error.captureStackTrace(this, E)` and a registration
/// whose every definition in the project only stores what it is given
/// (postcss's `registerInput(dependant) { Input = dependant }`) pass
/// nothing to the prototype.
pub(super) fn passed_to_call(project: &Project, text: &str, class: &str) -> bool {
    // (The innermost bracket open before the name must be a call's `(`.)
    super::calltext::calls_given(text, class).any(|call| {
        // `Object.assign(Parser, { STATES })` (formidable) writes statics,
        // which `patches_statics` reads; no `Object` function adds to the
        // prototype through the class.
        let builtin = ["Object.", "Reflect.", "Error."].iter().any(|o| {
            call.receiver.strip_suffix(o).is_some_and(|r| {
                !r.chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.')
            })
        });
        !builtin
            && (!call.callee.is_empty() || call.receiver.ends_with(')'))
            && !only_stores(project, call.callee, call.index)
    })
}

/// Whether every function or method of the project named `callee` takes a
/// parameter at `index` and only assigns it to a variable (`Input =
/// dependant`); `false` when there is none.
fn only_stores(project: &Project, callee: &str, index: usize) -> bool {
    if callee.is_empty() {
        return false;
    }
    // Asked on every member lookup of the class: read once per check.
    *project.memo(&format!("js-only-stores:{callee}:{index}"), || {
        stores_only(project, callee, index)
    })
}

fn stores_only(project: &Project, callee: &str, index: usize) -> bool {
    // (`highlight.registerInput = registerInput` names the function again.)
    let defs: Vec<crate::project::ProjectDef> = project
        .defs_named(callee, 20)
        .into_iter()
        .filter(|d| d.def.params.is_some())
        .collect();
    !defs.is_empty()
        && defs.iter().all(|d| {
            let Some(param) = d.def.params.as_ref().and_then(|p| p.list.get(index)) else {
                return false;
            };
            let Some(text) = project.text_of(&d.path) else {
                return false;
            };
            let body = text
                .get(d.def.span.start_byte as usize..d.def.span.end_byte as usize)
                .unwrap_or("");
            let name = param.name.as_str();
            let mut uses = crate::resolve::word_positions(body, name).skip(1);
            let mut any = false;
            uses.all(|k| {
                any = true;
                let before = body[..k].trim_end();
                let after = body[k + name.len()..].trim_start_matches([' ', '\t']);
                let assigned = before
                    .strip_suffix('=')
                    .is_some_and(|b| !b.ends_with(['=', '!', '<', '>']));
                assigned && (after.is_empty() || after.starts_with([';', '\n', '\r', '}']))
            }) && any
        })
}

/// Whether the file hands an instance (`this`, or a name bound to it:
/// `var self = this`) as the first argument of a statement calling a
/// function of a third-party package, which may add members no text of the
/// project shows: request's `caseless.httpify(self, self.headers)` gives
/// every request `setHeader`, `getHeader` and `removeHeader`.
/// (`f.call(this)`, `f.apply(this)`, `f.bind(this)` hand it on as a
/// receiver; Node's own modules add nothing.) Read once per file.
pub(super) fn this_handed_to_package(project: &Project, file: &str, text: &str) -> bool {
    if !text.contains("this") {
        return false;
    }
    *project.memo(&format!("js-this-to-package:{file}"), || {
        let Some(rc) = project.facts_of(file) else {
            return false;
        };
        let code = super::lexical::file_code(project, file, text);
        let package = |binding: &str| {
            rc.1.imports.iter().any(|i| {
                let bound = i.alias.as_deref() == Some(binding)
                    || i.names
                        .iter()
                        .any(|n| n.alias.as_deref().unwrap_or(&n.name) == binding);
                let module = i.module.strip_prefix("node:").unwrap_or(&i.module);
                bound
                    && !i.relative
                    && !crate::builtins::is_stdlib_module(plumb_facts::Lang::JavaScript, module)
            })
        };
        // The binding of `name` that holds byte `at`: the innermost local
        // of that name whose scope holds it (`None`: the file's own).
        let binding_at = |name: &str, at: u32| {
            rc.1.locals
                .iter()
                .filter(|l| l.name == name && l.scope.start_byte <= at && at < l.scope.end_byte)
                .min_by_key(|l| l.scope.end_byte - l.scope.start_byte)
                .map(|l| (l.scope.start_byte, l.scope.end_byte))
        };
        let mut names = vec![("this".to_string(), None)];
        names.extend(this_aliases(&code).into_iter().map(|(n, at)| (n, Some(at))));
        names.iter().any(|(name, declared)| {
            crate::resolve::word_positions(&code, name).any(|i| {
                let before = code[..i].trim_end();
                let after = code[i + name.len()..].trim_start();
                if !(before.ends_with(['(', ',']) && after.starts_with([')', ','])) {
                    return false;
                }
                // (A parameter of the same name in a nested function,
                // vorpal's `function (err, result)` beside `var result =
                // this`, is another value.)
                if let Some(at) = declared
                    && binding_at(name, i as u32) != binding_at(name, *at as u32)
                {
                    return false;
                }
                let Some(call) = super::calltext::enclosing_call(before) else {
                    return false;
                };
                if call.index != 0 || matches!(call.callee, "" | "call" | "apply" | "bind") {
                    return false;
                }
                // (The receiver is all the text before the callee: its
                // last dotted path, `caseless.`, names the object.)
                let (lead, path) = match call.receiver.strip_suffix('.') {
                    Some(r) => {
                        let start = r
                            .rfind(|c: char| !(c.is_alphanumeric() || "_$.".contains(c)))
                            .map_or(0, |k| k + 1);
                        (&r[..start], &r[start..])
                    }
                    None => (call.receiver, call.callee),
                };
                // A call made for what it does to the instance is a
                // statement of its own; one whose value is used
                // (`_.isEqual(this, other)`, `_.pick(this, keys)`) reads it.
                let lead = lead.trim_end_matches([' ', '\t']);
                let starts = lead.is_empty()
                    || lead.ends_with(['\n', ';', '{', '}'])
                    || lead.trim_end().ends_with([';', '{', '}']);
                let ends =
                    super::lexical::matching_close(&code, before.len() - 1).is_some_and(|close| {
                        let rest = code[close + 1..].trim_start_matches([' ', '\t']);
                        rest.is_empty() || rest.starts_with([';', '\n', '\r', '}'])
                    });
                starts && ends && package(path.split('.').next().unwrap_or(path))
            })
        })
    })
}

/// The names `code` binds to `this` (`var self = this;`, `const that =
/// this`), each with the byte where it is declared.
fn this_aliases(code: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = crate::resolve::word_positions(code, "this")
        .filter_map(|i| {
            let after = code[i + 4..].trim_start_matches([' ', '\t']);
            if !(after.is_empty() || after.starts_with([';', ',', '\n', '\r'])) {
                return None;
            }
            let left = code[..i].trim_end().strip_suffix('=')?;
            if left.ends_with(['=', '!', '<', '>']) {
                return None;
            }
            let left = left.trim_end();
            let start = left
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .map_or(0, |k| k + 1);
            let name = &left[start..];
            (!name.is_empty() && ends_in_declaration_keyword(&left[..start]))
                .then(|| (name.to_string(), start))
        })
        .collect();
    out.sort();
    out
}

/// Whether `text` sets some object's prototype through `__proto__`
/// (`C.prototype.__proto__ = Base.prototype`, `{ __proto__: Base.prototype
/// }`), which gives instances members no definition names. Reading it
/// (eventemitter3's `if (!new Events().__proto__) prefix = false`) sets
/// nothing. Read once per file and check.
pub(super) fn sets_proto(project: &Project, file: &str, text: &str) -> bool {
    if !text.contains("__proto__") {
        return false;
    }
    *project.memo(&format!("js-sets-proto:{file}"), || {
        let code = blank_literals(text);
        crate::resolve::word_positions(&code, "__proto__").any(|i| {
            let after = code[i + 9..].trim_start();
            // (`C.prototype.__proto__ = Base.prototype` is a base, which
            // `constructors::prototype_base` reads.)
            let base = code[..i].ends_with(".prototype.")
                && after
                    .strip_prefix('=')
                    .map(|v| v.lines().next().unwrap_or("").trim().trim_end_matches(';'))
                    .is_some_and(|v| v.ends_with(".prototype"));
            let value = after
                .strip_prefix(':')
                .or_else(|| after.strip_prefix('=').filter(|v| !v.starts_with('=')));
            // (`{ __proto__: null }`, tape's dictionaries, has fewer members.)
            let null = value.is_some_and(|v| {
                v.trim_start().strip_prefix("null").is_some_and(|rest| {
                    !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
                })
            });
            !base && value.is_some() && !null
        })
    })
}

/// What the functions a class hands `this` to write onto it.
#[derive(Default, PartialEq, Debug)]
pub(super) struct Written {
    /// Keys written by name (`instance.on = …`).
    pub keys: Vec<String>,
    /// Whether some key is computed (`onto[k] = …`, `Object.assign(onto,
    /// …)`): data under names no definition has.
    pub computed: bool,
}

/// What the project functions that the class `body` hands `this` to write
/// onto it: bottleneck's constructor runs `parser.load(options, defaults,
/// this)`, which copies every default onto the instance, and `new
/// Events(this)`, whose constructor stores the instance and adds `on` and
/// `once` to it. `f.call(this)`, `f.apply(this, …)` and `f.bind(this)` hand
/// `this` on as a receiver, which the bases read.
pub(super) fn written_through_this(project: &Project, body: &str) -> Written {
    let code = blank_literals(body);
    let mut calls: Vec<(String, usize)> = super::calltext::calls_given(&code, "this")
        .filter(|call| !matches!(call.callee, "" | "call" | "apply" | "bind"))
        .map(|call| (call.callee.to_string(), call.index))
        .collect();
    calls.sort();
    calls.dedup();
    let mut all = Written::default();
    for (callee, index) in calls {
        let w = project.memo(&format!("js-writes-onto:{callee}:{index}"), || {
            written_onto_param(project, &callee, index)
        });
        all.keys.extend(w.keys.iter().cloned());
        all.computed |= w.computed;
    }
    all
}

/// What the functions, methods or classes of the project named `callee`
/// write onto their parameter at `index`, directly (`onto[k] = v`,
/// `Object.assign(onto, …)`) or through a field they store it in
/// (`this.instance = instance; this.instance.on = …`).
fn written_onto_param(project: &Project, callee: &str, index: usize) -> Written {
    let mut out = Written::default();
    for d in project.defs_named(callee, 20) {
        let Some(param) = d.def.params.as_ref().and_then(|p| p.list.get(index)) else {
            continue;
        };
        let Some(text) = project.text_of(&d.path) else {
            continue;
        };
        let body = blank_literals(
            text.get(d.def.span.start_byte as usize..d.def.span.end_byte as usize)
                .unwrap_or(""),
        );
        let name = param.name.as_str();
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        {
            continue;
        }
        write_targets(&body, name, &mut out);
        // The fields it is stored in: `this.instance = instance`.
        for (k, _) in body.match_indices("this.") {
            let field: String = body[k + 5..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                .collect();
            let stores = body[k + 5 + field.len()..]
                .trim_start()
                .strip_prefix('=')
                .filter(|r| !r.starts_with(['=', '>']))
                .and_then(|r| r.trim_start().strip_prefix(name))
                .is_some_and(|t| {
                    !t.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
                });
            if !field.is_empty() && stores {
                write_targets(&body, &format!("this.{field}"), &mut out);
            }
        }
    }
    out.keys.sort();
    out.keys.dedup();
    out
}

/// Adds what `body` writes onto `target` to `out`: `target.k = …` (the key
/// `k`), `target[k] = …`, `Object.assign(target, …)`,
/// `Object.defineProperty(target, …)` (computed).
fn write_targets(body: &str, target: &str, out: &mut Written) {
    for i in crate::resolve::word_positions(body, target) {
        let before = body[..i].trim_end();
        if ["assign(", "defineProperty(", "defineProperties("]
            .iter()
            .any(|f| before.ends_with(f))
        {
            out.computed = true;
            continue;
        }
        let after = &body[i + target.len()..];
        if let Some(k) = super::qualified::assigned_member(after) {
            out.keys.push(k.to_string());
        } else if after.starts_with('[')
            && super::lexical::matching_close(after, 0).is_some_and(|end| {
                let rest = after[end + 1..].trim_start();
                rest.starts_with('=') && !rest.starts_with("==")
            })
        {
            out.computed = true;
        }
    }
}

/// `this[k] = …` (not `this["_output"]` in a type or a read).
pub(super) fn assigns_computed_this(code: &str, syms: &Symbols) -> bool {
    code.match_indices("this[").any(|(i, _)| {
        let rest = &code[i + 5..];
        let mut d = 1;
        for (j, c) in rest.char_indices() {
            match c {
                '[' => d += 1,
                ']' => {
                    d -= 1;
                    if d == 0 {
                        let after = rest[j + 1..].trim_start();
                        // `this[kStart] = 0` with a symbol the file makes names no member.
                        let assigns = after.starts_with('=') && !after.starts_with("==")
                            || after.starts_with("??=")
                            || after.starts_with("||=");
                        return assigns && !syms.contains(rest[..j].trim());
                    }
                }
                '\n' => return false,
                _ => {}
            }
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syms(text: &str) -> Symbols<'_> {
        Symbols {
            text,
            imported: std::rc::Rc::new(["kImported".to_string()].into_iter().collect()),
            code: std::cell::OnceCell::new(),
            mixins: std::rc::Rc::new(std::collections::HashMap::new()),
            package_mixins: false,
        }
    }

    #[test]
    fn literal_keys_reads_the_top_level_keys_only() {
        let file = "const kStart = Symbol('start');\n";
        let s = syms(file);
        let lit = "{\n  [kStart]: { value: 0 },\n  [kImported]: { value: 1 },\n  label: { get () { return '}' + \"{\" + `}`; } },\n  'quoted': 1,\n  ünits: { value: 'a,b' },\n  after: { value: function () { return [1, 2]; } }\n});";
        assert_eq!(
            literal_keys(&s, lit).map(|(keys, _)| keys),
            Some(vec![
                "label".to_string(),
                "quoted".to_string(),
                "ünits".to_string(),
                "after".to_string()
            ])
        );
        // A computed key that is no symbol of the file, or no literal at all.
        assert_eq!(literal_keys(&s, "{ [name]: { value: 1 } }"), None);
        assert_eq!(literal_keys(&s, "descriptors)"), None);
        assert_eq!(literal_keys(&s, "{ a: 'unclosed }"), None);
        // `['a', 'b'].forEach(function (k) { C.prototype[k] = … })`.
        let text = "['argv', 'env'].forEach(function (type) {\n  C.prototype[type] = function () {};\n});\n\
                    ['x'].forEach((t) => { C.prototype[t] = 1; });\nnames.forEach(function (n) { C.prototype[n] = 1; });\n";
        assert_eq!(
            looped_key(text, text.find("C.prototype[type]").unwrap(), "[type] ="),
            Some(vec!["argv".to_string(), "env".to_string()])
        );
        assert_eq!(
            looped_key(text, text.find("C.prototype[t]").unwrap(), "[t] ="),
            Some(vec!["x".to_string()])
        );
        assert_eq!(
            looped_key(text, text.find("C.prototype[n]").unwrap(), "[n] ="),
            None
        );
        // Brackets and quotes in comments and regular expressions (pug's
        // lexer), a division left alone.
        let lit = "{\n  // don't (\n  id: function () {\n    return '\"' +\n      /.[^ \\(\\#]*/.exec(x)[0] + /^\\}/.test(y);\n  },\n  /* { */ half: function (a) { return a / 2 / (1); }\n};";
        assert_eq!(
            literal_keys(&s, lit).map(|(k, _)| k),
            Some(vec!["id".to_string(), "half".to_string()])
        );
        // The end is just past the closing brace; a spread may add anything.
        assert_eq!(
            literal_keys(&s, "{ a: 1, b() {} }, more)"),
            Some((vec!["a".to_string(), "b".to_string()], 16))
        );
        assert_eq!(literal_keys(&s, "{ a: 1, ...mixin })"), None);
        // Modifiers before a method's name.
        assert_eq!(
            literal_keys(
                &s,
                "{ async run() {}, get size() { return 1; }, *items() {}, set: 1 }"
            )
            .map(|(k, _)| k),
            Some(vec![
                "run".to_string(),
                "size".to_string(),
                "items".to_string(),
                "set".to_string()
            ])
        );
    }

    #[test]
    fn jquery_each_over_a_literal_list_gives_its_names() {
        let text = "jQuery.each( [ \"get\", \"post\" ], function( _i, method ) {\n\tjQuery[ method ] = function( url ) {\n\t\treturn url;\n\t};\n} );\n";
        let at = text.find("[ method").unwrap();
        assert_eq!(
            looped_key(text, at, &text[at..]),
            Some(vec!["get".to_string(), "post".to_string()])
        );
    }
}
