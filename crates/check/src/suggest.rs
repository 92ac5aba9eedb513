//! Near-name suggestions: which real names a made-up one probably meant.
//!
//! Scores combine edit distance with the renames models typically make when
//! they invent a name: a swapped verb (`get`/`fetch`/`find`/`load`...),
//! singular/plural, snake_case/camelCase, and an added or dropped word at
//! either end (`user_name` for `name`, `get_config` for `config`). This module
//! knows nothing about scopes or the index: callers pass the candidate names.

/// At most this many suggestions are returned.
pub const MAX_SUGGESTIONS: usize = 5;
/// Suggestions scoring below this are dropped.
pub const MIN_SCORE: f64 = 0.6;

/// Verbs models swap for one another; a swap within a group costs little.
const VERB_GROUPS: &[&[&str]] = &[
    &[
        "get", "fetch", "find", "load", "read", "retrieve", "lookup", "query", "obtain", "resolve",
        "select", "search",
    ],
    &[
        "create",
        "make",
        "new",
        "build",
        "construct",
        "init",
        "initialize",
        "generate",
    ],
    &["add", "insert", "append", "push", "put", "register"],
    &[
        "remove",
        "delete",
        "del",
        "drop",
        "erase",
        "destroy",
        "clear",
        "pop",
        "unregister",
    ],
    &[
        "update", "set", "modify", "change", "edit", "patch", "write", "save", "store",
    ],
    &["is", "has", "can", "should", "check", "validate", "verify"],
    &["to", "as", "into", "convert"],
    &["parse", "decode", "deserialize", "from"],
    &[
        "format",
        "encode",
        "serialize",
        "render",
        "dump",
        "stringify",
    ],
    &[
        "run", "exec", "execute", "call", "invoke", "apply", "process", "handle",
    ],
    &["start", "begin", "open", "connect"],
    &["stop", "end", "close", "finish", "disconnect", "shutdown"],
    &["count", "len", "length", "size", "num"],
];

/// Rank `candidates` as what `name` was meant to be; best first, at most
/// [`MAX_SUGGESTIONS`], each with a score in [0, 1]. `name` itself (exact
/// match) is never suggested.
pub fn suggest<'a, I>(name: &str, candidates: I) -> Vec<(String, f64)>
where
    I: IntoIterator<Item = &'a str>,
{
    let q = Query::new(name);
    let mut out: Vec<(String, f64)> = Vec::new();
    for c in candidates {
        if c == name || c.is_empty() {
            continue;
        }
        let s = q.score(c);
        if s >= MIN_SCORE && !out.iter().any(|(n, _)| n == c) {
            out.push((c.to_string(), s));
        }
    }
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out.truncate(MAX_SUGGESTIONS);
    out
}

/// The similarity of two names in [0, 1] (1 for identical).
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b { 1.0 } else { Query::new(a).score(b) }
}

struct Query {
    lower: Vec<char>,
    words: Vec<String>,
    canon: Vec<String>,
}

impl Query {
    fn new(name: &str) -> Query {
        let words = split_words(name);
        let canon = words.iter().map(|w| canonical(w)).collect();
        Query {
            lower: name
                .to_lowercase()
                .chars()
                .filter(|c| *c != '_' && *c != '-')
                .collect(),
            words,
            canon,
        }
    }

    fn score(&self, cand: &str) -> f64 {
        let lower: Vec<char> = cand
            .to_lowercase()
            .chars()
            .filter(|c| *c != '_' && *c != '-')
            .collect();
        // Same letters, different case style or separators (getUser / get_user).
        if lower == self.lower {
            return 0.98;
        }
        let mut best = edit_score(&self.lower, &lower);
        let len_gap = self.lower.len().abs_diff(lower.len());
        if len_gap > 24 {
            return best;
        }
        let words = split_words(cand);
        if words.is_empty() || self.words.is_empty() {
            return best;
        }
        let canon: Vec<String> = words.iter().map(|w| canonical(w)).collect();
        if canon == self.canon {
            // Only verb swaps and/or singular/plural differ.
            let changed = words
                .iter()
                .zip(&self.words)
                .filter(|(a, b)| a != b)
                .count();
            best = best.max(0.92 - 0.02 * changed.saturating_sub(1) as f64);
        } else if let Some(extra) = one_word_apart(&self.canon, &canon) {
            // A word added or dropped at either end (get_config vs config).
            best = best.max(if is_verb(&extra) { 0.86 } else { 0.8 });
        } else if self.canon.len() == canon.len() && self.canon.len() >= 2 {
            // All words but one agree after canonicalisation, the odd one close.
            let diffs: Vec<usize> = (0..canon.len())
                .filter(|&i| canon[i] != self.canon[i])
                .collect();
            if diffs.len() == 1 {
                let i = diffs[0];
                let a: Vec<char> = self.canon[i].chars().collect();
                let b: Vec<char> = canon[i].chars().collect();
                let s = edit_score(&a, &b);
                if s >= 0.5 {
                    best = best.max(0.7 + 0.2 * s);
                }
            }
        }
        best.min(0.97)
    }
}

/// The word left over when one list is the other plus one word at an end.
fn one_word_apart(a: &[String], b: &[String]) -> Option<String> {
    let (long, short) = if a.len() == b.len() + 1 {
        (a, b)
    } else if b.len() == a.len() + 1 {
        (b, a)
    } else {
        return None;
    };
    if short.is_empty() {
        return None;
    }
    if long[1..] == *short {
        return Some(long[0].clone());
    }
    if long[..long.len() - 1] == *short {
        return Some(long[long.len() - 1].clone());
    }
    None
}

fn is_verb(w: &str) -> bool {
    w.starts_with('#')
}

/// A word's canonical form: verbs map to their group (`#0`), plurals to
/// their singular.
fn canonical(word: &str) -> String {
    for (i, group) in VERB_GROUPS.iter().enumerate() {
        if group.contains(&word) {
            return format!("#{i}");
        }
    }
    singular(word)
}

fn singular(w: &str) -> String {
    let irregular = [
        ("children", "child"),
        ("people", "person"),
        ("indices", "index"),
        ("data", "datum"),
    ];
    if let Some((_, s)) = irregular.iter().find(|(p, _)| *p == w) {
        return s.to_string();
    }
    if w.len() > 3 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    for suffix in ["sses", "shes", "ches", "xes", "zes"] {
        if w.len() > suffix.len() + 1 && w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Split an identifier into lowercase words: snake_case, kebab-case,
/// camelCase, PascalCase, SCREAMING_CASE, acronyms (`HTTPServer` → http,
/// server) and digit runs.
pub fn split_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut cur = String::new();
    for i in 0..chars.len() {
        let c = chars[i];
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if !cur.is_empty() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = (c.is_uppercase() && prev.is_lowercase())
                || (c.is_uppercase() && prev.is_uppercase() && next_lower)
                || (c.is_ascii_digit() != prev.is_ascii_digit());
            if boundary {
                words.push(std::mem::take(&mut cur));
            }
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// 1 - (optimal string alignment distance / longer length).
fn edit_score(a: &[char], b: &[char]) -> f64 {
    let n = a.len().max(b.len());
    if n == 0 {
        return 1.0;
    }
    if a.len().abs_diff(b.len()) * 2 > n {
        return 0.0;
    }
    1.0 - osa_distance(a, b) as f64 / n as f64
}

/// Levenshtein distance with adjacent transpositions.
pub fn osa_distance(a: &[char], b: &[char]) -> usize {
    let w = b.len() + 1;
    let mut prev2 = vec![0usize; w];
    let mut prev: Vec<usize> = (0..w).collect();
    let mut cur = vec![0usize; w];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(name: &str, cands: &[&str]) -> Option<String> {
        suggest(name, cands.iter().copied())
            .first()
            .map(|(n, _)| n.clone())
    }

    #[test]
    fn words() {
        assert_eq!(
            split_words("getHTTPResponse2"),
            vec!["get", "http", "response", "2"]
        );
        assert_eq!(
            split_words("load_config_file"),
            vec!["load", "config", "file"]
        );
        assert_eq!(split_words("XMLParser"), vec!["xml", "parser"]);
        assert_eq!(split_words("__init__"), vec!["init"]);
    }

    #[test]
    fn distance() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(osa_distance(&c("kitten"), &c("sitting")), 3);
        assert_eq!(osa_distance(&c("recieve"), &c("receive")), 1);
        assert_eq!(osa_distance(&c(""), &c("abc")), 3);
    }

    #[test]
    fn model_style_renames() {
        let real = [
            "load_config",
            "read_file",
            "users",
            "parse_args",
            "HttpClient",
            "make_request",
            "getUserName",
        ];
        assert_eq!(top("fetch_config", &real).as_deref(), Some("load_config"));
        assert_eq!(top("get_config", &real).as_deref(), Some("load_config"));
        assert_eq!(top("user", &real).as_deref(), Some("users"));
        assert_eq!(top("parseArgs", &real).as_deref(), Some("parse_args"));
        assert_eq!(top("parse_arguments", &real).as_deref(), Some("parse_args"));
        assert_eq!(top("HTTPClient", &real).as_deref(), Some("HttpClient"));
        assert_eq!(
            top("create_request", &real).as_deref(),
            Some("make_request")
        );
        assert_eq!(top("get_user_names", &real).as_deref(), Some("getUserName"));
        assert_eq!(
            top("load_config_file", &real).as_deref(),
            Some("load_config")
        );
        assert_eq!(top("reed_file", &real).as_deref(), Some("read_file"));
    }

    #[test]
    fn unrelated_names_are_not_suggested() {
        let real = ["connect", "shutdown", "render_page", "x"];
        assert!(suggest("compute_checksum", real.iter().copied()).is_empty());
        assert!(suggest("y", real.iter().copied()).is_empty());
    }

    #[test]
    fn ordering_is_by_score_then_name_and_excludes_self() {
        let s = suggest(
            "fetch_user",
            ["get_user", "find_user", "fetch_user", "fetch_users"]
                .iter()
                .copied(),
        );
        let names: Vec<&str> = s.iter().map(|(n, _)| n.as_str()).collect();
        assert!(!names.contains(&"fetch_user"));
        assert_eq!(names.len(), 3);
        assert!(s.windows(2).all(|w| w[0].1 >= w[1].1));
        assert!(s.iter().all(|(_, v)| (0.0..=1.0).contains(v)));
        assert_eq!(similarity("a", "a"), 1.0);
    }
}
