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
    &["compute", "calculate", "calc", "evaluate", "eval"],
    &["start", "begin", "open", "connect"],
    &["stop", "end", "close", "finish", "disconnect", "shutdown"],
    &["count", "len", "length", "size", "num"],
];

/// Rank `candidates` as what `name` was meant to be; best first, at most
/// [`MAX_SUGGESTIONS`], each with a score in [0, 1]. `name` itself (exact
/// match) is never suggested. Cost is a few hundred nanoseconds per
/// candidate: most are rejected on length and shared words before any
/// allocation.
pub fn suggest<'a, I>(name: &str, candidates: I) -> Vec<(String, f64)>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut q = Query::new(name);
    let mut hits: Vec<(&'a str, f64)> = Vec::new();
    for c in candidates {
        if c == name || c.is_empty() {
            continue;
        }
        let s = q.score(c);
        if s >= MIN_SCORE {
            hits.push((c, s));
        }
    }
    hits.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    hits.dedup_by(|a, b| a.0 == b.0);
    hits.truncate(MAX_SUGGESTIONS);
    hits.into_iter().map(|(n, s)| (n.to_string(), s)).collect()
}

/// The similarity of two names in [0, 1] (1 for identical).
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b { 1.0 } else { Query::new(a).score(b) }
}

struct Query {
    name: String,
    /// Lowercase, without `_`/`-`.
    lower: Vec<char>,
    words: Vec<String>,
    canon: Vec<String>,
    /// Lowercase words worth finding inside a candidate (non-verbs, >= 3
    /// letters; the verbs when there is nothing else).
    needles: Vec<Vec<char>>,
    buf: Vec<char>,
    dp: [Vec<usize>; 3],
}

impl Query {
    fn new(name: &str) -> Query {
        let words = split_words(name);
        let canon: Vec<String> = words.iter().map(|w| canonical(w)).collect();
        let mut needles: Vec<String> = words
            .iter()
            .zip(&canon)
            .filter(|(w, c)| w.len() >= 3 && !is_verb(c))
            .map(|(w, c)| {
                if c.len() >= 3 && !is_verb(c) && w.starts_with(c.as_str()) {
                    c.clone()
                } else {
                    w.clone()
                }
            })
            .collect();
        // Else its short content words (`doFn`, `getId`), else its verbs.
        if needles.is_empty() {
            needles = words
                .iter()
                .zip(&canon)
                .filter(|(w, c)| w.len() >= 2 && !is_verb(c))
                .map(|(w, _)| w.clone())
                .collect();
        }
        if needles.is_empty() {
            needles = words.iter().filter(|w| w.len() >= 3).cloned().collect();
        }
        Query {
            name: name.to_string(),
            lower: squash(name),
            words,
            canon,
            needles: needles.iter().map(|w| w.chars().collect()).collect(),
            buf: Vec::new(),
            dp: [Vec::new(), Vec::new(), Vec::new()],
        }
    }

    fn score(&mut self, cand: &str) -> f64 {
        let s = self.raw_score(cand);
        if s <= 0.0 {
            return 0.0;
        }
        // Ties go to the candidate written like the query (print over Print
        // and _print for "prnt").
        let mut s = s;
        let (qf, cf) = (self.name.chars().next(), cand.chars().next());
        if qf.map(char::is_uppercase) != cf.map(char::is_uppercase) {
            s -= 0.01;
        }
        if cand.starts_with('_') != self.name.starts_with('_') {
            s -= 0.01;
        }
        s.max(0.0)
    }

    fn raw_score(&mut self, cand: &str) -> f64 {
        self.buf.clear();
        self.buf.extend(
            cand.chars()
                .filter(|c| *c != '_' && *c != '-')
                .flat_map(char::to_lowercase),
        );
        if self.buf == self.lower {
            // Same letters, different case style or separators (getUser / get_user).
            return 0.98;
        }
        let (lq, lc) = (self.lower.len(), self.buf.len());
        let n = lq.max(lc);
        let mut best = 0.0f64;
        if lq.abs_diff(lc) * 2 <= n {
            let limit = ((1.0 - MIN_SCORE) * n as f64).floor() as usize;
            if let Some(d) = bounded_osa(&self.lower, &self.buf, limit, &mut self.dp) {
                best = 1.0 - d as f64 / n as f64;
            }
        }
        // Word-level renames only for candidates sharing a content word.
        let shares = self.needles.iter().any(|w| contains(&self.buf, w));
        if !shares {
            return best.min(0.97);
        }
        let words = split_words(cand);
        if words.is_empty() || self.words.is_empty() {
            return best.min(0.97);
        }
        let canon: Vec<String> = words.iter().map(|w| canonical(w)).collect();
        // Keeping the query's own first word (read_file for readFileSync)
        // beats a synonym of it (get_file).
        let same_head = if words.first() == self.words.first() {
            0.02
        } else {
            0.0
        };
        if canon == self.canon {
            // Only verb swaps and/or singular/plural differ.
            let changed = words
                .iter()
                .zip(&self.words)
                .filter(|(a, b)| a != b)
                .count();
            best = best.max(0.92 - 0.02 * changed.saturating_sub(1) as f64 + same_head);
        } else if let Some(extra) = one_word_apart(&self.canon, &canon) {
            // A word added or dropped at either end (get_config vs config).
            best = best.max(if is_verb(&extra) { 0.86 } else { 0.8 } + same_head);
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

fn squash(name: &str) -> Vec<char> {
    name.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

fn contains(hay: &[char], needle: &[char]) -> bool {
    !needle.is_empty()
        && hay.len() >= needle.len()
        && hay.windows(needle.len()).any(|w| w == needle)
}

/// OSA distance if it is at most `limit`, else `None`; rows are reused.
fn bounded_osa(a: &[char], b: &[char], limit: usize, dp: &mut [Vec<usize>; 3]) -> Option<usize> {
    let w = b.len() + 1;
    for row in dp.iter_mut() {
        row.clear();
        row.resize(w, 0);
    }
    let [prev2, prev, cur] = dp;
    for (j, v) in prev.iter_mut().enumerate() {
        *v = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(prev2, prev);
        std::mem::swap(prev, cur);
    }
    let d = prev[b.len()];
    (d <= limit).then_some(d)
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
        let fs = ["getFile", "ReadFile", "ReadFileFS", "readFile"];
        assert_eq!(top("readFileSync", &fs).as_deref(), Some("readFile"));
        assert_eq!(top("readFileAsync", &fs[..3]).as_deref(), Some("ReadFile"));
        let py = ["print", "Print", "_print", "pprint"];
        assert_eq!(top("prnt", &py).as_deref(), Some("print"));
        // Names of short words only: a word added to a callback's name.
        let short = ["fn", "cb", "id"];
        assert_eq!(top("doFn", &short).as_deref(), Some("fn"));
        assert_eq!(top("getId", &short).as_deref(), Some("id"));
        assert_eq!(
            top("computeParse", &["parse", "add"]).as_deref(),
            Some("parse")
        );
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
