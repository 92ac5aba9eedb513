//! The stat cache: what comparing the index with the working tree needs
//! (every stored file's path, size, time and hash, and the last walk's
//! stamps) in one versioned blob, read in one step instead of ~16k rows.
//!
//! It is derived from the `files` and `stamps` tables and never disagrees
//! with them: a transaction that changes either drops it, unless the same
//! transaction writes it again ([`Writer::write_stat_cache`]), after its
//! last change. A missing blob, or one that does not decode (another
//! format version, a truncated value), means the rows are read instead.
//!
//! Layout (little-endian): the format version (u32); the file count (u32)
//! and per file its path, size (u64), time (i64) and hash (u64); the stamp
//! count (u32) and per stamp its path and time (i64). A path is the length
//! it shares with the previous path of its list (u16) and the rest (u32
//! length, bytes): sorted paths share long prefixes.

use rusqlite::OptionalExtension;

use crate::{Result, Store, Writer};

/// Bumped whenever the blob's layout changes; another version is not decoded.
const FORMAT: u32 = 2;

/// What comparing a stored file with the working tree needs of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStat<'a> {
    pub path: &'a str,
    pub size: u64,
    /// 0 when the time was too recent to trust ("racy"): verify by content.
    pub mtime_ns: i64,
    pub hash: u64,
}

/// Stored files and stamps, each by path. The paths live in one string.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct StatCache {
    /// Every path, files' then stamps', one after another.
    text: String,
    /// Per file: where its path ends in `text`, size, time, hash.
    files: Vec<(usize, u64, i64, u64)>,
    /// Per stamp: where its path ends in `text`, time.
    stamps: Vec<(usize, i64)>,
}

impl StatCache {
    /// The stored files, by path.
    pub fn files(&self) -> Vec<FileStat<'_>> {
        let mut start = 0;
        self.files
            .iter()
            .map(|&(end, size, mtime_ns, hash)| {
                let path = &self.text[start..end];
                start = end;
                FileStat {
                    path,
                    size,
                    mtime_ns,
                    hash,
                }
            })
            .collect()
    }

    /// The last full walk's stamps (path, time in ns; 0 when it was racy), by path.
    pub fn stamps(&self) -> Vec<(&str, i64)> {
        let mut start = self.files.last().map_or(0, |f| f.0);
        self.stamps
            .iter()
            .map(|&(end, mtime_ns)| {
                let path = &self.text[start..end];
                start = end;
                (path, mtime_ns)
            })
            .collect()
    }

    /// Files must all come before stamps.
    fn push_file(&mut self, path: &str, size: u64, mtime_ns: i64, hash: u64) {
        self.text.push_str(path);
        self.files.push((self.text.len(), size, mtime_ns, hash));
    }

    fn push_stamp(&mut self, path: &str, mtime_ns: i64) {
        self.text.push_str(path);
        self.stamps.push((self.text.len(), mtime_ns));
    }
}

impl Store {
    /// The stored files and stamps: from the cache when it is present and
    /// decodes, from the rows otherwise.
    pub fn stat_cache(&self) -> Result<StatCache> {
        let cached = self
            .conn
            .prepare_cached("SELECT data FROM stat_cache WHERE id = 1")
            .and_then(|mut st| {
                st.query_row([], |r| Ok(r.get_ref(0)?.as_blob().ok().and_then(decode)))
                    .optional()
            })
            .map_err(|e| self.err(e))?
            .flatten();
        match cached {
            Some(c) => Ok(c),
            None => self.stat_rows(),
        }
    }

    /// The stored files and stamps, read from their rows.
    pub fn stat_rows(&self) -> Result<StatCache> {
        from_rows(&self.conn).map_err(|e| self.err(e))
    }

    /// Whether a stat cache is stored (for tests and diagnostics).
    pub fn has_stat_cache(&self) -> Result<bool> {
        self.conn
            .query_row("SELECT count(*) FROM stat_cache", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n > 0)
            .map_err(|e| self.err(e))
    }
}

impl Writer<'_> {
    /// Write the stat cache from the rows as this transaction leaves them
    /// (so far: a later change in it drops the cache again).
    pub fn write_stat_cache(&self) -> Result<()> {
        let cache = from_rows(&self.tx).map_err(|e| self.err(e))?;
        self.tx
            .execute(
                "INSERT OR REPLACE INTO stat_cache (id, data) VALUES (1, ?1)",
                [encode(&cache)],
            )
            .map_err(|e| self.err(e))?;
        self.stat_rows_changed.set(false);
        Ok(())
    }
}

fn from_rows(conn: &rusqlite::Connection) -> rusqlite::Result<StatCache> {
    let mut cache = StatCache::default();
    let mut st =
        conn.prepare_cached("SELECT path, size, mtime_ns, hash FROM files ORDER BY path")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let path = r.get_ref(0)?.as_str()?;
        let [size, mtime_ns, hash] = [r.get::<_, i64>(1)?, r.get(2)?, r.get(3)?];
        cache.push_file(path, size as u64, mtime_ns, hash as u64);
    }
    let mut st = conn.prepare_cached("SELECT path, mtime_ns FROM stamps ORDER BY path")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        cache.push_stamp(r.get_ref(0)?.as_str()?, r.get(1)?);
    }
    Ok(cache)
}

fn encode(cache: &StatCache) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&FORMAT.to_le_bytes());
    let files = cache.files();
    out.extend_from_slice(&(files.len() as u32).to_le_bytes());
    let mut prev = "";
    for f in &files {
        put_path(&mut out, &mut prev, f.path);
        for n in [f.size, f.mtime_ns as u64, f.hash] {
            out.extend_from_slice(&n.to_le_bytes());
        }
    }
    let stamps = cache.stamps();
    out.extend_from_slice(&(stamps.len() as u32).to_le_bytes());
    let mut prev = "";
    for (path, mtime_ns) in &stamps {
        put_path(&mut out, &mut prev, path);
        out.extend_from_slice(&mtime_ns.to_le_bytes());
    }
    out
}

fn put_path<'a>(out: &mut Vec<u8>, prev: &mut &'a str, path: &'a str) {
    let shared = prev
        .bytes()
        .zip(path.bytes())
        .take_while(|(a, b)| a == b)
        .count()
        .min(u16::MAX as usize);
    out.extend_from_slice(&(shared as u16).to_le_bytes());
    out.extend_from_slice(&((path.len() - shared) as u32).to_le_bytes());
    out.extend_from_slice(&path.as_bytes()[shared..]);
    *prev = path;
}

/// The cache in `blob`, or `None` if it is another version or malformed.
fn decode(blob: &[u8]) -> Option<StatCache> {
    let mut r = Reader(blob);
    if r.u32()? != FORMAT {
        return None;
    }
    let mut text = Vec::with_capacity(blob.len());
    let n = r.u32()? as usize;
    let mut files = Vec::with_capacity(n.min(blob.len() / 30));
    let mut prev = 0;
    for _ in 0..n {
        prev = r.path(&mut text, prev)?;
        files.push((text.len(), r.u64()?, r.u64()? as i64, r.u64()?));
    }
    let n = r.u32()? as usize;
    let mut stamps = Vec::with_capacity(n.min(blob.len() / 14));
    let mut prev = text.len();
    for _ in 0..n {
        prev = r.path(&mut text, prev)?;
        stamps.push((text.len(), r.u64()? as i64));
    }
    let text = String::from_utf8(text).ok()?;
    let ends = files.iter().map(|f| f.0).chain(stamps.iter().map(|s| s.0));
    let whole_chars = ends.into_iter().all(|end| text.is_char_boundary(end));
    (r.0.is_empty() && whole_chars).then_some(StatCache {
        text,
        files,
        stamps,
    })
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// Append the next path to `text`, whose previous path of the same list
    /// starts at `prev`; returns where this one starts.
    fn path(&mut self, text: &mut Vec<u8>, prev: usize) -> Option<usize> {
        let shared = self.u16()? as usize;
        let start = text.len();
        if shared > start - prev {
            return None;
        }
        text.extend_from_within(prev..prev + shared);
        let n = self.u32()? as usize;
        text.extend_from_slice(self.take(n)?);
        Some(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects_what_it_did_not_write() {
        let mut cache = StatCache::default();
        cache.push_file("a/é.py", 3, -1, u64::MAX);
        cache.push_file("a/éa.py", 4, 7, 1);
        cache.push_file("b.py", 5, 0, 2);
        cache.push_stamp("", 5);
        cache.push_stamp("a", 0);
        cache.push_stamp("a/é", 9);
        let blob = encode(&cache);
        let back = decode(&blob).unwrap();
        assert_eq!(back, cache);
        let files = back.files();
        assert_eq!(files[1].path, "a/éa.py");
        assert_eq!((files[1].size, files[1].mtime_ns, files[1].hash), (4, 7, 1));
        assert_eq!(back.stamps(), [("", 5), ("a", 0), ("a/é", 9)]);
        assert_eq!(decode(&blob[..blob.len() - 1]), None);
        assert_eq!(decode(&[blob.as_slice(), &[0]].concat()), None);
        let mut other = blob.clone();
        other[0] ^= 0xff;
        assert_eq!(decode(&other), None);
        assert_eq!(decode(&[]), None);
        // One file per (shared, rest) pair, no stamps, written by hand.
        let blob_of = |paths: &[(u16, &[u8])]| {
            let mut b = FORMAT.to_le_bytes().to_vec();
            b.extend_from_slice(&(paths.len() as u32).to_le_bytes());
            for (shared, rest) in paths {
                b.extend_from_slice(&shared.to_le_bytes());
                b.extend_from_slice(&(rest.len() as u32).to_le_bytes());
                b.extend_from_slice(rest);
                b.extend_from_slice(&[0; 24]);
            }
            b.extend_from_slice(&0u32.to_le_bytes());
            b
        };
        assert!(decode(&blob_of(&[(0, b"ab"), (1, b"c")])).is_some());
        // A shared prefix longer than the previous path.
        assert_eq!(decode(&blob_of(&[(0, b"ab"), (3, b"c")])), None);
        // Valid text, but a path ends inside a character.
        assert_eq!(decode(&blob_of(&[(0, b"\xc3"), (0, b"\xa9")])), None);
        assert_eq!(
            decode(&encode(&StatCache::default())),
            Some(StatCache::default())
        );
    }
}
