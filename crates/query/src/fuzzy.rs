//! Fuzzy name matching: subsequence and edit distance, case-insensitive,
//! tolerant of snake/camel case differences.

/// Score how well `candidate` matches `query`, in (0, 1]; None when it does not.
pub fn fuzzy_score(query: &str, candidate: &str) -> Option<f64> {
    let q = normalise(query);
    let c = normalise(candidate);
    if q.is_empty() || c.is_empty() {
        return None;
    }
    if q == c {
        return Some(if query == candidate { 1.0 } else { 0.95 });
    }
    let dist = levenshtein(&q, &c);
    let longest = q.chars().count().max(c.chars().count());
    let edit = 1.0 - dist as f64 / longest as f64;
    let subseq = if is_subsequence(&q, &c) {
        0.6 + 0.3 * (q.len() as f64 / c.len() as f64)
    } else {
        0.0
    };
    let contains = if c.contains(&q) {
        0.7 + 0.2 * (q.len() as f64 / c.len() as f64)
    } else {
        0.0
    };
    let score = edit.max(subseq).max(contains);
    (score >= 0.5).then_some(score)
}

/// Lowercase with `_` and `-` removed, so `loadConfig` ~ `load_config`.
fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_subsequence(q: &str, c: &str) -> bool {
    let mut it = c.chars();
    q.chars().all(|qc| it.by_ref().any(|cc| cc == qc))
}

/// Levenshtein distance over chars.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores() {
        assert_eq!(fuzzy_score("load_config", "load_config"), Some(1.0));
        assert_eq!(fuzzy_score("loadConfig", "load_config"), Some(0.95));
        assert!(fuzzy_score("ldcfg", "load_config").unwrap() > 0.6);
        assert_eq!(fuzzy_score("load_confg", "load_config"), Some(0.9));
        assert_eq!(fuzzy_score("zzz", "load_config"), None);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
    }
}
