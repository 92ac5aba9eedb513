//! The stat cache: what comparing the index with the working tree needs
//! (every stored file's path, size, time and hash, and the last walk's
//! stamps) in one versioned blob, read in one step instead of ~16k rows.
//!
//! It is derived from the `files` and `stamps` tables and never disagrees
//! with them: a transaction that changes either drops it, unless the same
//! transaction writes it again ([`Writer::write_stat_cache`]), after its
//! last change. A missing blob, or one that does not decode (another
//! format version, a truncated value), means the rows are read instead.

use rusqlite::OptionalExtension;

use crate::read::FileStat;
use crate::{Result, Store, Writer};

/// Bumped whenever the blob's layout changes; another version is not decoded.
const FORMAT: u32 = 1;

/// Stored files and stamps, each by path.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct StatCache {
    pub files: Vec<FileStat>,
    /// (path, modification time in ns; 0 when it was racy).
    pub stamps: Vec<(String, i64)>,
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
            None => Ok(StatCache {
                files: self.file_stats()?,
                stamps: self.stamps()?,
            }),
        }
    }

    /// Whether a stat cache is stored (for tests and diagnostics).
    pub fn has_stat_cache(&self) -> Result<bool> {
        self.conn
            .query_row("SELECT count(*) FROM stat_cache", [], |r| r.get::<_, i64>(0))
            .map(|n| n > 0)
            .map_err(|e| self.err(e))
    }
}

impl Writer<'_> {
    /// Write the stat cache from the rows as this transaction leaves them
    /// (so far: a later change in it drops the cache again).
    pub fn write_stat_cache(&self) -> Result<()> {
        let cache = StatCache {
            files: crate::read::file_stats(&self.tx).map_err(|e| self.err(e))?,
            stamps: crate::read::stamps(&self.tx).map_err(|e| self.err(e))?,
        };
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

fn encode(cache: &StatCache) -> Vec<u8> {
    let mut out = Vec::new();
    let put_str = |out: &mut Vec<u8>, s: &str| {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    };
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(cache.files.len() as u32).to_le_bytes());
    for f in &cache.files {
        put_str(&mut out, &f.path);
        for n in [f.size, f.mtime_ns as u64, f.hash] {
            out.extend_from_slice(&n.to_le_bytes());
        }
    }
    out.extend_from_slice(&(cache.stamps.len() as u32).to_le_bytes());
    for (path, mtime_ns) in &cache.stamps {
        put_str(&mut out, path);
        out.extend_from_slice(&mtime_ns.to_le_bytes());
    }
    out
}

/// The cache in `blob`, or `None` if it is another version or malformed.
fn decode(blob: &[u8]) -> Option<StatCache> {
    let mut r = Reader(blob);
    if r.u32()? != FORMAT {
        return None;
    }
    let n = r.u32()? as usize;
    let mut files = Vec::with_capacity(n.min(blob.len() / 28));
    for _ in 0..n {
        files.push(FileStat {
            path: r.str()?,
            size: r.u64()?,
            mtime_ns: r.u64()? as i64,
            hash: r.u64()?,
        });
    }
    let n = r.u32()? as usize;
    let mut stamps = Vec::with_capacity(n.min(blob.len() / 12));
    for _ in 0..n {
        stamps.push((r.str()?, r.u64()? as i64));
    }
    r.0.is_empty().then_some(StatCache { files, stamps })
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn str(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).ok().map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects_what_it_did_not_write() {
        let cache = StatCache {
            files: vec![FileStat {
                path: "a/é.py".into(),
                size: 3,
                mtime_ns: -1,
                hash: u64::MAX,
            }],
            stamps: vec![(String::new(), 5), ("a".into(), 0)],
        };
        let blob = encode(&cache);
        assert_eq!(decode(&blob), Some(cache));
        assert_eq!(decode(&blob[..blob.len() - 1]), None);
        assert_eq!(decode(&[blob.as_slice(), &[0]].concat()), None);
        let mut other = blob.clone();
        other[0] ^= 0xff;
        assert_eq!(decode(&other), None);
        assert_eq!(decode(&[]), None);
    }
}
