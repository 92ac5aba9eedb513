//! Writing facts: one [`Writer`] is one transaction.

use plumb_facts::{FileFacts, Manifest};
use std::cell::Cell;

use rusqlite::{Transaction, params};

use crate::{Result, Store};

/// What the store keeps about a file besides its facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRecord {
    pub path: String,
    /// Language name (`plumb_facts::Lang::name`), or None for manifests and skipped files.
    pub lang: Option<String>,
    pub hash: u64,
    pub size: u64,
    pub mtime_ns: i64,
    pub lines: u32,
    /// Why the file's facts were not extracted (`binary`, `generated`), if so.
    pub skipped: Option<String>,
}

/// A write transaction. Dropping it without [`Writer::commit`] rolls back.
pub struct Writer<'a> {
    pub(crate) tx: Transaction<'a>,
    store_path: std::path::PathBuf,
    /// A `files` or `stamps` row changed since the stat cache was last
    /// written in this transaction: commit drops the cache.
    pub(crate) stat_rows_changed: Cell<bool>,
}

impl Store {
    /// Start a write transaction. Take a [`crate::WriteLock`] first.
    pub fn writer(&mut self) -> Result<Writer<'_>> {
        let store_path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| crate::StoreError {
            path: store_path.clone(),
            message: e.to_string(),
        })?;
        Ok(Writer {
            tx,
            store_path,
            stat_rows_changed: Cell::new(false),
        })
    }
}

impl Store {
    /// Drop the name indexes before loading many files; [`Store::end_bulk_load`]
    /// builds them again. The per-file indexes stay unless the index is empty,
    /// so replacing a file's facts remains cheap. Must not be called inside a
    /// [`Writer`].
    pub fn begin_bulk_load(&self) -> Result<()> {
        self.conn
            .execute_batch(crate::schema::DROP_INDEXES)
            .map_err(|e| self.err(e))?;
        let stored: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM (SELECT 1 FROM files LIMIT 1)",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        if stored == 0 {
            // Nothing stored yet, so no file will be replaced: the per-file
            // indexes can be built once at the end too.
            self.conn
                .execute_batch(crate::schema::DROP_FILE_INDEXES)
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Store a packed copy of the vectors from a reader's `&self`: only under
    /// the write lock (taken here, without waiting), so no indexing run can
    /// change the vectors between the caller's read and this write. Returns
    /// whether it was saved. `read` produces the pack while the lock is held.
    pub fn pack_shapes_if_unlocked<T>(
        &self,
        read: impl FnOnce(&Store) -> Result<(T, Option<crate::ShapePack>)>,
    ) -> Result<T> {
        let lock = crate::WriteLock::acquire(&self.path, false, |_| {}).ok();
        let (value, rebuilt) = read(self)?;
        if let (Some(_lock), Some(pack)) = (lock, rebuilt) {
            let tx = self.conn.unchecked_transaction().map_err(|e| self.err(e))?;
            let w = Writer {
                tx,
                store_path: self.path.clone(),
                stat_rows_changed: Cell::new(false),
            };
            w.set_shape_pack(&pack)?;
            w.commit()?;
        }
        Ok(value)
    }

    /// Rebuild any missing indexes and refresh the query planner's statistics.
    pub fn end_bulk_load(&self) -> Result<()> {
        self.conn
            .execute_batch(crate::schema::INDEXES)
            .map_err(|e| self.err(e))?;
        self.conn
            .execute_batch("PRAGMA optimize;")
            .map_err(|e| self.err(e))
    }
}

impl Writer<'_> {
    pub(crate) fn err(&self, e: impl std::fmt::Display) -> crate::StoreError {
        crate::StoreError {
            path: self.store_path.clone(),
            message: e.to_string(),
        }
    }

    /// Replace everything stored for `rec.path` with these facts. Returns the
    /// file id and the ids given to its definitions, in `facts.definitions` order.
    pub fn put_file(&self, rec: &FileRecord, facts: &FileFacts) -> Result<(i64, Vec<i64>)> {
        self.delete_file(&rec.path)?;
        self.stat_rows_changed.set(true);
        let tx = &self.tx;
        let mut st = tx
            .prepare_cached(
                "INSERT INTO files (path, lang, hash, size, mtime_ns, lines, parse_errors, dynamic, skipped)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .map_err(|e| self.err(e))?;
        st.execute(params![
            rec.path,
            rec.lang,
            rec.hash as i64,
            rec.size as i64,
            rec.mtime_ns,
            rec.lines,
            facts.parse_errors,
            facts.dynamic,
            rec.skipped
        ])
        .map_err(|e| self.err(e))?;
        let file_id = tx.last_insert_rowid();
        let mut def_ids = Vec::with_capacity(facts.definitions.len());
        {
            let mut st = tx
                .prepare_cached(
                    "INSERT INTO defs (file_id, name, kind, container, visibility, start_line, start_col, end_line,
                     end_col, start_byte, end_byte, name_line, name_col, name_end_line, name_end_col, doc, params, signature)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                )
                .map_err(|e| self.err(e))?;
            for d in &facts.definitions {
                let params_json = d
                    .params
                    .as_ref()
                    .map(|p| serde_json::to_string(p).expect("params serialise"));
                st.execute(params![
                    file_id,
                    d.name,
                    d.kind.name(),
                    d.container,
                    d.visibility.name(),
                    d.span.start_line,
                    d.span.start_col,
                    d.span.end_line,
                    d.span.end_col,
                    d.span.start_byte,
                    d.span.end_byte,
                    d.name_span.start_line,
                    d.name_span.start_col,
                    d.name_span.end_line,
                    d.name_span.end_col,
                    d.doc,
                    params_json,
                    d.signature
                ])
                .map_err(|e| self.err(e))?;
                def_ids.push(tx.last_insert_rowid());
            }
        }
        {
            let mut st = tx
                .prepare_cached(
                    "INSERT INTO refs (file_id, name, kind, qualifier, line, col, end_line, end_col, start_byte, end_byte,
                     arg_count, keywords, spread, enclosing) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                )
                .map_err(|e| self.err(e))?;
            for r in &facts.references {
                let kw = if r.keywords.is_empty() {
                    None
                } else {
                    Some(r.keywords.join(","))
                };
                st.execute(params![
                    file_id,
                    r.name,
                    r.kind.name(),
                    r.qualifier,
                    r.span.start_line,
                    r.span.start_col,
                    r.span.end_line,
                    r.span.end_col,
                    r.span.start_byte,
                    r.span.end_byte,
                    r.arg_count,
                    kw,
                    r.has_spread,
                    r.enclosing
                ])
                .map_err(|e| self.err(e))?;
            }
        }
        {
            let mut st = tx
                .prepare_cached(
                    "INSERT INTO imports (file_id, module, names, alias, wildcard, relative, relative_level, line, col,
                     end_line, end_col, start_byte, end_byte) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                )
                .map_err(|e| self.err(e))?;
            for i in &facts.imports {
                let names = if i.names.is_empty() {
                    None
                } else {
                    Some(serde_json::to_string(&i.names).expect("names serialise"))
                };
                st.execute(params![
                    file_id,
                    i.module,
                    names,
                    i.alias,
                    i.wildcard,
                    i.relative,
                    i.relative_level,
                    i.span.start_line,
                    i.span.start_col,
                    i.span.end_line,
                    i.span.end_col,
                    i.span.start_byte,
                    i.span.end_byte
                ])
                .map_err(|e| self.err(e))?;
            }
        }
        Ok((file_id, def_ids))
    }

    /// Store a structural vector for a definition.
    pub fn put_shape(&self, def_id: i64, file_id: i64, lang: &str, vec: &[u8]) -> Result<()> {
        self.tx
            .prepare_cached("INSERT OR REPLACE INTO shapes (def_id, file_id, lang, vec) VALUES (?1, ?2, ?3, ?4)")
            .and_then(|mut st| st.execute(params![def_id, file_id, lang, vec]))
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Remove a file and all its facts. A no-op if it is not stored.
    pub fn delete_file(&self, path: &str) -> Result<()> {
        use rusqlite::OptionalExtension;
        let id: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM files WHERE path = ?1")
            .and_then(|mut st| st.query_row([path], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))?;
        let Some(id) = id else { return Ok(()) };
        self.stat_rows_changed.set(true);
        for sql in [
            "DELETE FROM defs WHERE file_id = ?1",
            "DELETE FROM refs WHERE file_id = ?1",
            "DELETE FROM imports WHERE file_id = ?1",
            "DELETE FROM shapes WHERE file_id = ?1",
            "DELETE FROM files WHERE id = ?1",
        ] {
            self.tx
                .prepare_cached(sql)
                .and_then(|mut st| st.execute([id]))
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Record a new modification time for a file whose content is unchanged.
    pub fn touch_file(&self, path: &str, mtime_ns: i64) -> Result<()> {
        self.stat_rows_changed.set(true);
        self.tx
            .prepare_cached("UPDATE files SET mtime_ns = ?2 WHERE path = ?1")
            .and_then(|mut st| st.execute(params![path, mtime_ns]))
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Replace the walk's stamps (directories, ignore files, oversized
    /// files and their modification times; see `plumb_walk::WalkResult`).
    pub fn set_stamps<'s>(&self, stamps: impl IntoIterator<Item = (&'s str, i64)>) -> Result<()> {
        self.stat_rows_changed.set(true);
        self.tx
            .execute("DELETE FROM stamps", [])
            .map_err(|e| self.err(e))?;
        let mut st = self
            .tx
            .prepare_cached("INSERT OR REPLACE INTO stamps (path, mtime_ns) VALUES (?1, ?2)")
            .map_err(|e| self.err(e))?;
        for (path, mtime_ns) in stamps {
            st.execute(params![path, mtime_ns])
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.tx
            .prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")
            .and_then(|mut st| st.execute([key, value]))
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    pub fn set_manifest(&self, manifest: &Manifest) -> Result<()> {
        let json = serde_json::to_string(manifest).expect("manifest serialises");
        self.tx
            .execute(
                "INSERT OR REPLACE INTO manifest (id, json) VALUES (1, ?1)",
                [json],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Replace the stored file ranks (used by the repository map).
    pub fn set_ranks(&self, ranks: &[(i64, f64)]) -> Result<()> {
        self.tx
            .execute("DELETE FROM ranks", [])
            .map_err(|e| self.err(e))?;
        let mut st = self
            .tx
            .prepare_cached("INSERT INTO ranks (file_id, rank) VALUES (?1, ?2)")
            .map_err(|e| self.err(e))?;
        for (id, r) in ranks {
            st.execute(params![id, r]).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Replace the packed vectors and mark them current.
    pub fn set_shape_pack(&self, pack: &crate::ShapePack) -> Result<()> {
        let ids: Vec<u8> = pack.ids.iter().flat_map(|id| id.to_le_bytes()).collect();
        self.tx
            .execute(
                "INSERT OR REPLACE INTO shape_pack (id, dim, ids, langs, components) VALUES (1, ?1, ?2, ?3, ?4)",
                params![pack.dim as i64, ids, pack.langs, pack.components],
            )
            .map_err(|e| self.err(e))?;
        self.set_meta("shapes_stale", "0")
    }

    /// Make the transaction's writes durable.
    pub fn commit(self) -> Result<()> {
        if self.stat_rows_changed.get() {
            self.tx
                .execute("DELETE FROM stat_cache", [])
                .map_err(|e| self.err(e))?;
        }
        let path = self.store_path.clone();
        self.tx.commit().map_err(|e| crate::StoreError {
            path,
            message: e.to_string(),
        })
    }
}
