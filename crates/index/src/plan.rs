//! Comparing what is on disk with what the index holds: which files to
//! parse again, which only changed their timestamp, which are gone.

use std::cmp::Ordering;

use plumb_store::FileStat;
use plumb_walk::WalkedFile;

/// The work an incremental run has to do.
#[derive(Debug, Default, Clone)]
pub struct Plan {
    /// New files, and stored files whose size or mtime differs (their content
    /// is hashed before parsing; an equal hash only updates the mtime).
    pub read: Vec<WalkedFile>,
    /// Stored paths no longer on disk (deleted, renamed away, newly ignored).
    pub delete: Vec<String>,
    /// Files whose size and mtime match the index.
    pub unchanged: usize,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.read.is_empty() && self.delete.is_empty()
    }
}

/// Compare the walk with the stored files: one merge of the two lists by
/// path (both normally come sorted: the walk sorts, the store reads by path).
pub fn plan(walked: &[WalkedFile], stored: &[FileStat]) -> Plan {
    let walked = by_path(walked, |f| &f.rel_path);
    let stored = by_path(stored, |f| f.path);
    let mut plan = Plan::default();
    let (mut w, mut s) = (walked.iter().peekable(), stored.iter().peekable());
    loop {
        match (w.peek(), s.peek()) {
            (Some(f), Some(row)) => match f.rel_path.as_str().cmp(row.path) {
                Ordering::Less => plan.read.push((*w.next().unwrap()).clone()),
                Ordering::Greater => plan.delete.push(s.next().unwrap().path.to_string()),
                Ordering::Equal => {
                    if unchanged(row, f.size, f.mtime_ns) {
                        plan.unchanged += 1;
                    } else {
                        plan.read.push((**f).clone());
                    }
                    w.next();
                    s.next();
                }
            },
            (Some(_), None) => plan.read.push((*w.next().unwrap()).clone()),
            (None, Some(_)) => plan.delete.push(s.next().unwrap().path.to_string()),
            (None, None) => return plan,
        }
    }
}

/// Compare the `stored` files with their size and time now (`stats[i]`
/// is `stored[i]`'s), all still there: those that differ are read, made
/// into walked files by `walked`.
pub fn plan_restat(
    stored: &[FileStat],
    stats: &[(u64, i64)],
    walked: impl Fn(&FileStat, u64, i64) -> WalkedFile,
) -> Plan {
    let mut plan = Plan::default();
    for (row, &(size, mtime_ns)) in stored.iter().zip(stats) {
        if unchanged(row, size, mtime_ns) {
            plan.unchanged += 1;
        } else {
            plan.read.push(walked(row, size, mtime_ns));
        }
    }
    plan
}

fn unchanged(row: &FileStat, size: u64, mtime_ns: i64) -> bool {
    row.size == size && row.mtime_ns == mtime_ns
}

/// The stored file at `path`, in `stored` sorted by path (as
/// `StatCache::files` lists them).
pub fn stored_file<'a, 's>(stored: &'a [FileStat<'s>], path: &str) -> Option<&'a FileStat<'s>> {
    stored
        .binary_search_by(|f| f.path.cmp(path))
        .ok()
        .map(|i| &stored[i])
}

/// `items` in path order, sorted here only if they were not already.
fn by_path<T>(items: &[T], path: impl Fn(&T) -> &str) -> Vec<&T> {
    let mut v: Vec<&T> = items.iter().collect();
    if !v.is_sorted_by(|a, b| path(a) <= path(b)) {
        v.sort_by(|a, b| path(a).cmp(path(b)));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walked(path: &str, size: u64, mtime_ns: i64) -> WalkedFile {
        WalkedFile {
            rel_path: path.into(),
            abs_path: path.into(),
            size,
            mtime_ns,
        }
    }

    fn stored(path: &str, size: u64, mtime_ns: i64) -> FileStat<'_> {
        FileStat {
            path,
            size,
            mtime_ns,
            hash: 7,
        }
    }

    #[test]
    fn merge_finds_new_changed_racy_and_deleted_files_in_any_order() {
        // (path, (size, time) on disk, (size, time) in the index)
        let files = [
            ("a.py", Some((1, 5)), Some((1, 5))),
            ("b/c.py", Some((2, 5)), Some((3, 5))),
            ("b/gone.py", None, Some((1, 5))),
            ("b/new.py", Some((1, 5)), None),
            ("racy.py", Some((1, 5)), Some((1, 0))),
            ("z.py", Some((1, 5)), Some((1, 5))),
        ];
        let on_disk: Vec<WalkedFile> = (files.iter().rev())
            .filter_map(|&(p, disk, _)| disk.map(|(size, t)| walked(p, size, t)))
            .collect();
        let in_index: Vec<FileStat> = (files.iter().skip(1).chain(&files[..1]))
            .filter_map(|&(p, _, index)| index.map(|(size, t)| stored(p, size, t)))
            .collect();
        let p = plan(&on_disk, &in_index);
        let read: Vec<&str> = p.read.iter().map(|f| f.rel_path.as_str()).collect();
        assert_eq!(read, ["b/c.py", "b/new.py", "racy.py"]);
        assert_eq!(p.delete, ["b/gone.py"]);
        assert_eq!(p.unchanged, 2);
    }

    #[test]
    fn restat_plan_reads_only_files_whose_size_or_time_differs() {
        let in_index = [
            stored("a.py", 1, 5),
            stored("b.py", 1, 0),
            stored("c.py", 1, 5),
        ];
        let p = plan_restat(&in_index, &[(1, 5), (1, 5), (2, 5)], |f, size, mtime_ns| {
            walked(f.path, size, mtime_ns)
        });
        assert_eq!(p.read, [walked("b.py", 1, 5), walked("c.py", 2, 5)]);
        assert!(p.delete.is_empty());
        assert_eq!(p.unchanged, 1);
    }

    #[test]
    fn stored_file_finds_by_path() {
        let in_index = [stored("a.py", 1, 5), stored("b/c.py", 2, 5)];
        assert_eq!(stored_file(&in_index, "b/c.py").map(|f| f.size), Some(2));
        assert!(stored_file(&in_index, "b").is_none());
    }
}
