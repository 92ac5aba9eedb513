//! Version ordering and a small requirement matcher, used only to choose
//! among several locked versions of one package. It understands the common
//! operators of Cargo, npm and PEP 440 (`^ ~ ~= == = >= > <= < != *`, `x`
//! wildcards, `||`); anything else counts as "no opinion".

use std::cmp::Ordering;

use plumb_facts::Ecosystem;

/// Choose the locked version for a requirement: the only one, else the
/// highest that matches, else the highest.
pub(crate) fn pick(versions: &[&str], requirement: Option<&str>, eco: Ecosystem) -> Option<String> {
    match versions {
        [] => None,
        [one] => Some((*one).to_string()),
        _ => {
            let mut sorted: Vec<&str> = versions.to_vec();
            sorted.sort_by(|a, b| compare(b, a));
            if let Some(req) = requirement
                && let Some(v) = sorted.iter().find(|v| matches(req, v, eco) == Some(true))
            {
                return Some((*v).to_string());
            }
            Some(sorted[0].to_string())
        }
    }
}

/// Numeric release parts and whether there is a pre-release tag.
fn parts(v: &str) -> (Vec<u64>, bool) {
    let v = v.trim().trim_start_matches(['v', 'V', '=']);
    let core = v.split('+').next().unwrap_or("");
    let mut nums = Vec::new();
    let mut pre = false;
    for piece in core.split('.') {
        let digits: String = piece.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            pre = !piece.is_empty();
            break;
        }
        nums.push(digits.parse().unwrap_or(u64::MAX));
        if digits.len() < piece.len() {
            pre = true;
            break;
        }
    }
    (nums, pre)
}

pub(crate) fn compare(a: &str, b: &str) -> Ordering {
    let (pa, ra) = parts(a);
    let (pb, rb) = parts(b);
    let n = pa.len().max(pb.len());
    for i in 0..n {
        let x = pa.get(i).copied().unwrap_or(0);
        let y = pb.get(i).copied().unwrap_or(0);
        match x.cmp(&y) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    // A pre-release sorts before its release.
    rb.cmp(&ra).then_with(|| a.cmp(b))
}

/// Whether `version` satisfies `req`; `None` when the requirement is not understood.
pub(crate) fn matches(req: &str, version: &str, eco: Ecosystem) -> Option<bool> {
    let req = req.trim();
    if req.contains("||") {
        let mut any_known = false;
        for alt in req.split("||") {
            match matches(alt, version, eco) {
                Some(true) => return Some(true),
                Some(false) => any_known = true,
                None => {}
            }
        }
        return any_known.then_some(false);
    }
    let comparators: Vec<&str> = req
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if comparators.is_empty() {
        return Some(true);
    }
    for c in comparators {
        if !comparator(c, version, eco)? {
            return Some(false);
        }
    }
    Some(true)
}

fn comparator(c: &str, version: &str, eco: Ecosystem) -> Option<bool> {
    let ops = ["~=", "==", "!=", ">=", "<=", "^", "~", ">", "<", "="];
    let (op, rest) = ops
        .iter()
        .find_map(|op| c.strip_prefix(op).map(|r| (*op, r.trim())))
        .unwrap_or(("", c));
    if rest == "*" || rest.eq_ignore_ascii_case("x") {
        return Some(true);
    }
    let wild = rest
        .split('.')
        .position(|p| p == "*" || p.eq_ignore_ascii_case("x"));
    let base: Vec<&str> = rest.split('.').take(wild.unwrap_or(usize::MAX)).collect();
    let base_s = base.join(".");
    let (b, _) = parts(&base_s);
    if b.is_empty() {
        return None;
    }
    let (v, _) = parts(version);
    let cmp = compare(version, &base_s);
    let prefix_eq = |n: usize| (0..n).all(|i| v.get(i).copied().unwrap_or(0) == b[i]);
    let caret = || {
        let first_nonzero = b.iter().position(|&x| x != 0).unwrap_or(b.len() - 1);
        cmp != Ordering::Less && prefix_eq(first_nonzero + 1)
    };
    Some(match op {
        _ if wild.is_some() && op != "!=" => prefix_eq(b.len()),
        "^" => caret(),
        "~" => cmp != Ordering::Less && prefix_eq(if b.len() >= 2 { 2 } else { 1 }),
        "~=" => cmp != Ordering::Less && prefix_eq(b.len().saturating_sub(1).max(1)),
        "==" | "=" => cmp == Ordering::Equal,
        "!=" => cmp != Ordering::Equal,
        ">=" => cmp != Ordering::Less,
        "<=" => cmp != Ordering::Greater,
        ">" => cmp == Ordering::Greater,
        "<" => cmp == Ordering::Less,
        _ => match eco {
            Ecosystem::Cargo => caret(),
            Ecosystem::Npm => prefix_eq(b.len()) && (b.len() < 3 || cmp == Ordering::Equal),
            _ => return None,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordering_and_matching() {
        assert_eq!(compare("1.10.0", "1.9.3"), Ordering::Greater);
        assert_eq!(compare("1.0.0-rc.1", "1.0.0"), Ordering::Less);
        assert_eq!(matches("1.2", "1.9.0", Ecosystem::Cargo), Some(true));
        assert_eq!(matches("0.2", "0.3.0", Ecosystem::Cargo), Some(false));
        assert_eq!(matches("^4.17.0", "4.17.21", Ecosystem::Npm), Some(true));
        assert_eq!(matches("~1.2.3", "1.3.0", Ecosystem::Npm), Some(false));
        assert_eq!(matches(">=2.0,<3", "2.31.0", Ecosystem::PyPI), Some(true));
        assert_eq!(matches("~=2.2", "2.9", Ecosystem::PyPI), Some(true));
        assert_eq!(matches("~=2.2", "3.0", Ecosystem::PyPI), Some(false));
        assert_eq!(
            matches("^1.0.0 || ^2.0.0", "2.1.0", Ecosystem::Npm),
            Some(true)
        );
        assert_eq!(matches("1.x", "1.4.0", Ecosystem::Npm), Some(true));
        assert_eq!(
            pick(&["0.2.9", "0.3.1", "0.2.11"], Some("0.2"), Ecosystem::Cargo).as_deref(),
            Some("0.2.11")
        );
    }
}
