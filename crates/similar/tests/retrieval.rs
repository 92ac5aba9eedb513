//! Renamed and reordered copies of real functions are found first, in C,
//! Python, Java and Rust; near-duplicates cluster; top_k honours k and lang.

use plumb_facts::Lang;
use plumb_similar::SimilarIndex;

fn vec_of(lang: Lang, src: &str) -> Vec<u8> {
    plumb_shape::snippet_vector(lang, src.as_bytes())
        .expect("vector")
        .0
}

/// Index `corpus` (ids 0..), query with `copy`, expect id `expected` first.
fn assert_found_first(lang: Lang, corpus: &[&str], copy: &str, expected: i64) {
    let idx = SimilarIndex::from_rows(
        corpus
            .iter()
            .enumerate()
            .map(|(i, s)| (i as i64, lang, vec_of(lang, s))),
    );
    assert_eq!(idx.len(), corpus.len());
    let hits = idx.top_k(&vec_of(lang, copy), 3, None);
    assert_eq!(hits[0].0, expected, "{lang:?}: ranking {hits:?}");
    assert!(
        hits[0].1 > hits[1].1,
        "{lang:?}: not strictly first: {hits:?}"
    );
}

const C_CORPUS: &[&str] = &[
    r#"int count_words(const char *s) {
    int n = 0, in_word = 0;
    for (int i = 0; s[i] != '\0'; i++) {
        if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            n++;
        }
    }
    return n;
}"#,
    r#"void reverse(char *s) {
    int len = strlen(s);
    for (int i = 0; i < len / 2; i++) {
        char t = s[i];
        s[i] = s[len - 1 - i];
        s[len - 1 - i] = t;
    }
}"#,
    r#"int is_prime(int n) {
    if (n < 2) return 0;
    for (int d = 2; d * d <= n; d++) {
        if (n % d == 0) return 0;
    }
    return 1;
}"#,
    r#"int gcd(int a, int b) {
    while (b != 0) {
        int t = a % b;
        a = b;
        b = t;
    }
    return a;
}"#,
    r#"void bubble_sort(int *a, int n) {
    for (int i = 0; i < n - 1; i++) {
        for (int j = 0; j < n - 1 - i; j++) {
            if (a[j] > a[j + 1]) {
                int t = a[j];
                a[j] = a[j + 1];
                a[j + 1] = t;
            }
        }
    }
}"#,
    r#"double average(const double *xs, int n) {
    double sum = 0.0;
    if (n == 0) return 0.0;
    for (int i = 0; i < n; i++) {
        sum += xs[i];
    }
    return sum / n;
}"#,
];

#[test]
fn c_renamed_reordered_copy_is_first() {
    // gcd, renamed, with the swap statements reordered.
    let copy = r#"int highest_common(int x, int y) {
    while (y != 0) {
        int rem = x % y;
        x = y;
        y = rem;
    }
    return x;
}"#;
    assert_found_first(Lang::C, C_CORPUS, copy, 3);
    // bubble sort renamed, swap written in another order.
    let copy = r#"void order_values(int *vals, int count) {
    for (int p = 0; p < count - 1; p++) {
        for (int q = 0; q < count - 1 - p; q++) {
            if (vals[q] > vals[q + 1]) {
                int keep = vals[q + 1];
                vals[q + 1] = vals[q];
                vals[q] = keep;
            }
        }
    }
}"#;
    assert_found_first(Lang::C, C_CORPUS, copy, 4);
    // average: declarations and the guard reordered, names changed.
    let copy = r#"double mean_of(const double *values, int len) {
    if (len == 0) return 0.0;
    double total = 0.0;
    for (int k = 0; k < len; k++) {
        total += values[k];
    }
    return total / len;
}"#;
    assert_found_first(Lang::C, C_CORPUS, copy, 5);
}

const PY_CORPUS: &[&str] = &[
    r#"def camel_to_snake(name):
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i > 0:
            out.append("_")
        out.append(ch.lower())
    return "".join(out)
"#,
    r#"def word_frequencies(text):
    counts = {}
    for word in text.split():
        word = word.strip(".,;!?").lower()
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts
"#,
    r#"def binary_search(items, target):
    lo, hi = 0, len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
"#,
    r##"def read_config(path):
    result = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, _, value = line.partition("=")
            result[key.strip()] = value.strip()
    return result
"##,
    r#"def flatten(nested):
    flat = []
    for item in nested:
        if isinstance(item, list):
            flat.extend(flatten(item))
        else:
            flat.append(item)
    return flat
"#,
];

#[test]
fn python_renamed_reordered_copy_is_first() {
    let copy = r#"def count_terms(body):
    freq = {}
    for term in body.split():
        term = term.strip(".,;!?").lower()
        if term:
            freq[term] = freq.get(term, 0) + 1
    return freq
"#;
    assert_found_first(Lang::Python, PY_CORPUS, copy, 1);
    let copy = r#"def find_index(seq, wanted):
    high, low = len(seq) - 1, 0
    while low <= high:
        middle = (low + high) // 2
        if seq[middle] < wanted:
            low = middle + 1
        elif seq[middle] == wanted:
            return middle
        else:
            high = middle - 1
    return -1
"#;
    assert_found_first(Lang::Python, PY_CORPUS, copy, 2);
    let copy = r#"def to_snake_case(ident):
    pieces = []
    for pos, c in enumerate(ident):
        if pos > 0 and c.isupper():
            pieces.append("_")
        pieces.append(c.lower())
    return "".join(pieces)
"#;
    assert_found_first(Lang::Python, PY_CORPUS, copy, 0);
}

const JAVA_CORPUS: &[&str] = &[
    r#"static int maxOf(int[] values) {
    int best = Integer.MIN_VALUE;
    for (int v : values) {
        if (v > best) {
            best = v;
        }
    }
    return best;
}"#,
    r#"static String repeat(String s, int times) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < times; i++) {
        sb.append(s);
    }
    return sb.toString();
}"#,
    r#"static boolean isPalindrome(String s) {
    int i = 0, j = s.length() - 1;
    while (i < j) {
        if (s.charAt(i) != s.charAt(j)) {
            return false;
        }
        i++;
        j--;
    }
    return true;
}"#,
    r#"static long factorial(int n) {
    if (n <= 1) {
        return 1;
    }
    long rest = factorial(n - 1);
    return n * rest;
}"#,
    r#"static Map<String, Integer> tally(List<String> words) {
    Map<String, Integer> counts = new HashMap<>();
    for (String w : words) {
        counts.put(w, counts.getOrDefault(w, 0) + 1);
    }
    return counts;
}"#,
];

#[test]
fn java_renamed_reordered_copy_is_first() {
    let copy = r#"static boolean readsSameBackwards(String text) {
    int right = text.length() - 1, left = 0;
    while (left < right) {
        if (text.charAt(left) != text.charAt(right)) {
            return false;
        }
        right--;
        left++;
    }
    return true;
}"#;
    assert_found_first(Lang::Java, JAVA_CORPUS, copy, 2);
    let copy = r#"static long product(int k) {
    if (k <= 1) {
        return 1;
    }
    long sub = product(k - 1);
    return k * sub;
}"#;
    assert_found_first(Lang::Java, JAVA_CORPUS, copy, 3);
}

const RUST_CORPUS: &[&str] = &[
    r#"fn sum_even(xs: &[i64]) -> i64 {
    let mut total = 0;
    for x in xs {
        if x % 2 == 0 {
            total += x;
        }
    }
    total
}"#,
    r#"fn parse_pairs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for part in s.split(',') {
        if let Some((k, v)) = part.split_once('=') {
            out.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    out
}"#,
    r#"fn fib(n: u32) -> u64 {
    let mut a = 0;
    let mut b = 1;
    for _ in 0..n {
        let t = a + b;
        a = b;
        b = t;
    }
    a
}"#,
    r#"fn dedup_sorted(v: &mut Vec<i32>) {
    let mut w = 0;
    for r in 0..v.len() {
        if r == 0 || v[r] != v[w - 1] {
            v[w] = v[r];
            w += 1;
        }
    }
    v.truncate(w);
}"#,
];

#[test]
fn rust_renamed_reordered_copy_is_first() {
    let copy = r#"fn read_assignments(input: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for chunk in input.split(',') {
        if let Some((name, value)) = chunk.split_once('=') {
            pairs.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    pairs
}"#;
    assert_found_first(Lang::Rust, RUST_CORPUS, copy, 1);
    let copy = r#"fn fibonacci(count: u32) -> u64 {
    let mut next = 1;
    let mut cur = 0;
    for _ in 0..count {
        let s = cur + next;
        cur = next;
        next = s;
    }
    cur
}"#;
    assert_found_first(Lang::Rust, RUST_CORPUS, copy, 2);
}

#[test]
fn lang_filter_and_k() {
    let mut idx = SimilarIndex::new();
    for (i, s) in C_CORPUS.iter().enumerate() {
        assert!(idx.insert(i as i64, Lang::C, &vec_of(Lang::C, s)));
    }
    for (i, s) in PY_CORPUS.iter().enumerate() {
        assert!(idx.insert(100 + i as i64, Lang::Python, &vec_of(Lang::Python, s)));
    }
    assert!(!idx.insert(999, Lang::C, b"not a vector"));
    let q = vec_of(Lang::C, C_CORPUS[0]);
    let all = idx.top_k(&q, 4, None);
    assert_eq!(all.len(), 4);
    assert_eq!(all[0].0, 0);
    assert!(
        (all[0].1 - 1.0).abs() < 1e-3,
        "self-similarity {}",
        all[0].1
    );
    assert!(all.windows(2).all(|w| w[0].1 >= w[1].1));
    let py = idx.top_k(&q, 100, Some(Lang::Python));
    assert_eq!(py.len(), PY_CORPUS.len());
    assert!(py.iter().all(|(id, _)| *id >= 100));
    assert!(idx.top_k(b"", 3, None).is_empty());

    // Several queries in one pass answer exactly as one at a time; a bad
    // query gets an empty answer in its place; `min_score` drops the rest.
    let queries: Vec<Vec<u8>> = vec![
        q.clone(),
        b"bad".to_vec(),
        vec_of(Lang::Python, PY_CORPUS[1]),
    ];
    let refs: Vec<&[u8]> = queries.iter().map(Vec::as_slice).collect();
    let many = idx.top_k_many(&refs, 4, None, f32::NEG_INFINITY);
    assert_eq!(
        many,
        vec![all.clone(), vec![], idx.top_k(&queries[2], 4, None)]
    );
    let strict = idx.top_k_many(&refs[..1], 4, None, 0.999);
    assert_eq!(strict, vec![vec![all[0]]]);
}

#[test]
fn near_duplicates_cluster_together() {
    let mut rows: Vec<(i64, Lang, Vec<u8>)> = C_CORPUS
        .iter()
        .enumerate()
        .map(|(i, s)| (i as i64, Lang::C, vec_of(Lang::C, s)))
        .collect();
    // An exact copy of gcd under another name, and of average with renamed locals.
    rows.push((
        10,
        Lang::C,
        vec_of(Lang::C, &C_CORPUS[3].replace("gcd", "euclid")),
    ));
    rows.push((
        11,
        Lang::C,
        vec_of(
            Lang::C,
            &C_CORPUS[5].replace("sum", "acc").replace("xs", "data"),
        ),
    ));
    let idx = SimilarIndex::from_rows(rows);
    let groups = idx.clusters(0.98);
    assert_eq!(groups, vec![vec![3, 10], vec![5, 11]]);
}
