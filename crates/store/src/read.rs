//! Reading facts back. Every list comes in a deterministic order.

use plumb_facts::{
    DefKind, Definition, Import, ImportedName, Manifest, RefKind, Reference, Span, Visibility,
};
use rusqlite::{Row, params};

use crate::{Result, Store};

/// A stored file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    pub id: i64,
    pub path: String,
    pub lang: Option<String>,
    pub hash: u64,
    pub size: u64,
    pub mtime_ns: i64,
    pub lines: u32,
    pub parse_errors: u32,
    pub dynamic: bool,
    pub skipped: Option<String>,
}

/// A stored definition with the file it lives in.
#[derive(Debug, Clone, PartialEq)]
pub struct DefRow {
    pub id: i64,
    pub file_id: i64,
    pub path: String,
    pub lang: Option<String>,
    pub def: Definition,
}

/// A stored reference with the file it lives in.
#[derive(Debug, Clone, PartialEq)]
pub struct RefRow {
    pub file_id: i64,
    pub path: String,
    pub lang: Option<String>,
    pub reference: Reference,
}

/// A stored import with the file it lives in.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    pub file_id: i64,
    pub path: String,
    pub import: Import,
}

/// A stored structural vector.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapeRow {
    pub def_id: i64,
    pub lang: String,
    pub vec: Vec<u8>,
}

/// Every structural vector's quantised components in one piece, for
/// loading the similarity index without reading row by row.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapePack {
    pub dim: usize,
    pub ids: Vec<i64>,
    /// One language code per row (the caller's encoding).
    pub langs: Vec<u8>,
    /// `dim` bytes per row.
    pub components: Vec<u8>,
}

/// How to match a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    Exact,
    Prefix,
}

/// Whole-index counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub files: u64,
    pub lines: u64,
    pub definitions: u64,
    pub references: u64,
    pub imports: u64,
    pub shapes: u64,
    pub files_with_parse_errors: u64,
    /// (language, files, lines), by language name.
    pub languages: Vec<(String, u64, u64)>,
}

const DEF_COLS: &str = "d.id, d.file_id, f.path, f.lang, d.name, d.kind, d.container, d.visibility, d.start_line, d.start_col,
    d.end_line, d.end_col, d.start_byte, d.end_byte, d.name_line, d.name_col, d.name_end_line, d.name_end_col, d.doc,
    d.params, d.signature";

const REF_COLS: &str =
    "r.file_id, f.path, f.lang, r.name, r.kind, r.qualifier, r.line, r.col, r.end_line, r.end_col,
    r.start_byte, r.end_byte, r.arg_count, r.keywords, r.spread, r.enclosing";

const IMPORT_COLS: &str = "i.file_id, f.path, i.module, i.names, i.alias, i.wildcard, i.relative, i.relative_level, i.line,
    i.col, i.end_line, i.end_col, i.start_byte, i.end_byte";

/// Six consecutive columns (line, col, end_line, end_col, start_byte, end_byte) as a span.
fn span_at(r: &Row, i: usize) -> rusqlite::Result<Span> {
    Ok(Span {
        start_line: r.get(i)?,
        start_col: r.get(i + 1)?,
        end_line: r.get(i + 2)?,
        end_col: r.get(i + 3)?,
        start_byte: r.get(i + 4)?,
        end_byte: r.get(i + 5)?,
    })
}

fn def_row(r: &Row) -> rusqlite::Result<DefRow> {
    let params: Option<String> = r.get(19)?;
    Ok(DefRow {
        id: r.get(0)?,
        file_id: r.get(1)?,
        path: r.get(2)?,
        lang: r.get(3)?,
        def: Definition {
            name: r.get(4)?,
            kind: DefKind::from_name(&r.get::<_, String>(5)?).unwrap_or(DefKind::Variable),
            container: r.get(6)?,
            visibility: Visibility::from_name(&r.get::<_, String>(7)?)
                .unwrap_or(Visibility::Public),
            span: span_at(r, 8)?,
            name_span: Span {
                start_line: r.get(14)?,
                start_col: r.get(15)?,
                end_line: r.get(16)?,
                end_col: r.get(17)?,
                start_byte: 0,
                end_byte: 0,
            },
            doc: r.get(18)?,
            params: params.and_then(|p| serde_json::from_str(&p).ok()),
            signature: r.get(20)?,
        },
    })
}

fn ref_row(r: &Row) -> rusqlite::Result<RefRow> {
    let kw: Option<String> = r.get(13)?;
    Ok(RefRow {
        file_id: r.get(0)?,
        path: r.get(1)?,
        lang: r.get(2)?,
        reference: Reference {
            name: r.get(3)?,
            kind: RefKind::from_name(&r.get::<_, String>(4)?).unwrap_or(RefKind::Use),
            qualifier: r.get(5)?,
            span: span_at(r, 6)?,
            arg_count: r.get(12)?,
            keywords: kw
                .map(|k| k.split(',').map(str::to_string).collect())
                .unwrap_or_default(),
            has_spread: r.get(14)?,
            enclosing: r.get(15)?,
        },
    })
}

fn import_row(r: &Row) -> rusqlite::Result<ImportRow> {
    let names: Option<String> = r.get(3)?;
    Ok(ImportRow {
        file_id: r.get(0)?,
        path: r.get(1)?,
        import: Import {
            module: r.get(2)?,
            names: names
                .and_then(|n| serde_json::from_str::<Vec<ImportedName>>(&n).ok())
                .unwrap_or_default(),
            alias: r.get(4)?,
            wildcard: r.get(5)?,
            relative: r.get(6)?,
            relative_level: r.get(7)?,
            span: span_at(r, 8)?,
        },
    })
}

fn file_row(r: &Row) -> rusqlite::Result<FileRow> {
    Ok(FileRow {
        id: r.get(0)?,
        path: r.get(1)?,
        lang: r.get(2)?,
        hash: r.get::<_, i64>(3)? as u64,
        size: r.get::<_, i64>(4)? as u64,
        mtime_ns: r.get(5)?,
        lines: r.get(6)?,
        parse_errors: r.get(7)?,
        dynamic: r.get(8)?,
        skipped: r.get(9)?,
    })
}

const FILE_COLS: &str =
    "id, path, lang, hash, size, mtime_ns, lines, parse_errors, dynamic, skipped";

/// The ids of the first `?2` files in path order holding a row of `table`
/// that meets `cond` (answered from the table's (name, file_id) index).
fn first_files(table: &str, cond: &str) -> String {
    format!(
        "SELECT id FROM files WHERE id IN (SELECT file_id FROM {table} WHERE {cond})
         ORDER BY path LIMIT ?2"
    )
}

/// Escape a string for a GLOB pattern.
fn glob_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '*' | '?' | '[' => {
                out.push('[');
                out.push(c);
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    out
}

impl Store {
    /// Run a query and collect its rows.
    fn collect<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        f: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut st = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        st.query_map(params, f)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))
    }

    /// Every stored file, by path.
    pub fn files(&self) -> Result<Vec<FileRow>> {
        self.collect(
            &format!("SELECT {FILE_COLS} FROM files ORDER BY path"),
            [],
            file_row,
        )
    }

    pub fn file(&self, path: &str) -> Result<Option<FileRow>> {
        use rusqlite::OptionalExtension;
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT {FILE_COLS} FROM files WHERE path = ?1"))
            .map_err(|e| self.err(e))?;
        st.query_row([path], file_row)
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Definitions named `name` (exactly, or starting with it), by path and line.
    pub fn defs_named(&self, name: &str, how: NameMatch, limit: usize) -> Result<Vec<DefRow>> {
        let (cond, arg) = match how {
            NameMatch::Exact => ("name = ?1", name.to_string()),
            NameMatch::Prefix => ("name GLOB ?1", format!("{}*", glob_escape(name))),
        };
        // As in `refs_named`: only the first `limit` files' rows are read.
        let sql = format!(
            "SELECT {DEF_COLS} FROM defs d JOIN files f ON f.id = d.file_id
             WHERE d.{cond} AND d.file_id IN ({FIRST_FILES})
             ORDER BY f.path, d.start_line, d.start_col, d.name LIMIT ?2",
            FIRST_FILES = first_files("defs", cond)
        );
        self.collect(&sql, params![arg, limit as i64], def_row)
    }

    /// Definitions with the given ids, in id order.
    pub fn defs_by_id(&self, ids: &[i64]) -> Result<Vec<DefRow>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {DEF_COLS} FROM defs d JOIN files f ON f.id = d.file_id WHERE d.id = ?1"
            ))
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(row) = st.query_map([id], def_row).map_err(|e| self.err(e))?.next() {
                out.push(row.map_err(|e| self.err(e))?);
            }
        }
        Ok(out)
    }

    /// Functions and methods whose name or doc comment mentions `word`
    /// (case-insensitive substring), by path and line.
    pub fn callables_mentioning(&self, word: &str, limit: usize) -> Result<Vec<DefRow>> {
        let pattern = format!("%{}%", word.replace('%', "").replace('_', ""));
        let sql = format!(
            "SELECT {DEF_COLS} FROM defs d JOIN files f ON f.id = d.file_id
             WHERE d.kind IN ('function', 'method') AND (d.name LIKE ?1 OR d.doc LIKE ?1)
             ORDER BY f.path, d.start_line LIMIT ?2"
        );
        self.collect(&sql, params![pattern, limit as i64], def_row)
    }

    /// Every distinct definition name (for fuzzy matching and suggestions).
    pub fn def_names(&self) -> Result<Vec<String>> {
        self.collect("SELECT DISTINCT name FROM defs ORDER BY name", [], |r| {
            r.get(0)
        })
    }

    /// Definitions in one file, in source order.
    pub fn defs_in_file(&self, path: &str) -> Result<Vec<DefRow>> {
        let sql = format!(
            "SELECT {DEF_COLS} FROM defs d JOIN files f ON f.id = d.file_id WHERE f.path = ?1
             ORDER BY d.start_byte, d.end_byte DESC, d.name"
        );
        self.collect(&sql, [path], def_row)
    }

    /// References to `name`, by path and position; `total` is the count before the limit.
    pub fn refs_named(&self, name: &str, limit: usize) -> Result<(Vec<RefRow>, u64)> {
        let total: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM refs WHERE name = ?1")
            .and_then(|mut st| st.query_row([name], |r| r.get(0)))
            .map_err(|e| self.err(e))?;
        // Every file in the inner list holds at least one match, so the
        // first `limit` files in path order hold the first `limit` rows: a
        // common name (`get`: 14k references) sorts its files' paths from
        // the (name, file_id) index and reads only those files' rows.
        let sql = format!(
            "SELECT {REF_COLS} FROM refs r JOIN files f ON f.id = r.file_id
             WHERE r.name = ?1 AND r.file_id IN ({FIRST_FILES})
             ORDER BY f.path, r.start_byte LIMIT ?2",
            FIRST_FILES = first_files("refs", "name = ?1")
        );
        let rows = self.collect(&sql, params![name, limit as i64], ref_row)?;
        Ok((rows, total as u64))
    }

    /// Calls to `name` written bare (`f()`) or on something (`x.f()`), as
    /// `bare` says, in path order (at most `limit`): how the project itself
    /// calls it.
    pub fn calls_named(&self, name: &str, bare: bool, limit: usize) -> Result<Vec<RefRow>> {
        let sql = format!(
            "SELECT {REF_COLS} FROM refs r JOIN files f ON f.id = r.file_id
             WHERE r.name = ?1 AND r.kind = 'call' AND (r.qualifier IS NULL) = ?2
             ORDER BY f.path, r.start_byte LIMIT ?3"
        );
        self.collect(&sql, params![name, bare, limit as i64], ref_row)
    }

    /// References to the member `name` written on `qualifier` (`Base.prototype`
    /// as `prototype` on `Base`), in path order, at most `limit`.
    pub fn member_refs(&self, qualifier: &str, name: &str, limit: usize) -> Result<Vec<RefRow>> {
        let sql = format!(
            "SELECT {REF_COLS} FROM refs r JOIN files f ON f.id = r.file_id
             WHERE r.name = ?1 AND r.qualifier = ?2 ORDER BY f.path, r.start_byte LIMIT ?3"
        );
        self.collect(&sql, params![name, qualifier, limit as i64], ref_row)
    }

    /// References in one file, in source order.
    pub fn refs_in_file(&self, path: &str) -> Result<Vec<RefRow>> {
        let sql = format!(
            "SELECT {REF_COLS} FROM refs r JOIN files f ON f.id = r.file_id WHERE f.path = ?1 ORDER BY r.start_byte"
        );
        self.collect(&sql, [path], ref_row)
    }

    /// Imports in one file, in source order.
    pub fn imports_in_file(&self, path: &str) -> Result<Vec<ImportRow>> {
        let sql = format!(
            "SELECT {IMPORT_COLS} FROM imports i JOIN files f ON f.id = i.file_id WHERE f.path = ?1 ORDER BY i.start_byte"
        );
        self.collect(&sql, [path], import_row)
    }

    /// Imports of a module path, by importing file.
    pub fn imports_of_module(&self, module: &str, limit: usize) -> Result<Vec<ImportRow>> {
        let sql = format!(
            "SELECT {IMPORT_COLS} FROM imports i JOIN files f ON f.id = i.file_id WHERE i.module = ?1
             ORDER BY f.path, i.start_byte LIMIT ?2"
        );
        self.collect(&sql, params![module, limit as i64], import_row)
    }

    /// Imports of the package `pkg` (the module `pkg` or any `pkg/…` path
    /// below it), by importing file.
    pub fn imports_of_package(&self, pkg: &str, limit: usize) -> Result<Vec<ImportRow>> {
        // `pkg/` up to (not including) `pkg0`: every module below the package.
        let sql = format!(
            "SELECT {IMPORT_COLS} FROM imports i JOIN files f ON f.id = i.file_id
             WHERE i.module = ?1 OR (i.module >= ?2 AND i.module < ?3)
             ORDER BY f.path, i.start_byte LIMIT ?4"
        );
        self.collect(
            &sql,
            params![pkg, format!("{pkg}/"), format!("{pkg}0"), limit as i64],
            import_row,
        )
    }

    /// Every structural vector (for building the similarity index).
    pub fn shapes(&self) -> Result<Vec<ShapeRow>> {
        self.collect(
            "SELECT def_id, lang, vec FROM shapes ORDER BY def_id",
            [],
            |r| {
                Ok(ShapeRow {
                    def_id: r.get(0)?,
                    lang: r.get(1)?,
                    vec: r.get(2)?,
                })
            },
        )
    }

    /// The packed vectors, if a pack exists and no run changed the index since
    /// it was written.
    pub fn shape_pack(&self) -> Result<Option<ShapePack>> {
        use rusqlite::OptionalExtension;
        if self.meta("shapes_stale")?.as_deref() != Some("0") {
            return Ok(None);
        }
        let row: Option<(i64, Vec<u8>, Vec<u8>, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT dim, ids, langs, components FROM shape_pack WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(row.map(|(dim, ids, langs, components)| ShapePack {
            dim: dim as usize,
            ids: ids
                .chunks_exact(8)
                .map(|c| i64::from_le_bytes(c.try_into().expect("8 bytes")))
                .collect(),
            langs,
            components,
        }))
    }

    /// The stored vectors of these definitions (those that have one), in id order.
    pub fn shape_vectors(&self, def_ids: &[i64]) -> Result<Vec<(i64, Vec<u8>)>> {
        let mut out = Vec::with_capacity(def_ids.len());
        let mut st = self
            .conn
            .prepare_cached("SELECT vec FROM shapes WHERE def_id = ?1")
            .map_err(|e| self.err(e))?;
        let mut ids = def_ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            if let Some(v) = st
                .query_map([id], |r| r.get::<_, Vec<u8>>(0))
                .map_err(|e| self.err(e))?
                .next()
            {
                out.push((id, v.map_err(|e| self.err(e))?));
            }
        }
        Ok(out)
    }

    pub fn manifest(&self) -> Result<Manifest> {
        use rusqlite::OptionalExtension;
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM manifest WHERE id = 1", [], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(json
            .and_then(|j| serde_json::from_str(&j).ok())
            .unwrap_or_default())
    }

    /// For the repository map: (from_file_id, to_file_id, weight) edges where
    /// a reference in one file names a definition in another. A bare name
    /// (`f()`) can only mean a top-level definition; a qualified one
    /// (`m.f()`, `x.method()`) may mean a member too. A reference that could
    /// mean definitions in `n` files gives each `1/n`; names defined in more
    /// than `max_fanout` files are skipped (too ambiguous to rank by).
    /// Computed in one pass over the definitions and one over the references.
    pub fn reference_edges(&self, max_fanout: usize) -> Result<Vec<(i64, i64, f64)>> {
        use std::collections::HashMap;
        // name -> (file, is a member) for what a reference can point at.
        let mut targets: HashMap<String, Vec<(i64, bool)>> = HashMap::new();
        {
            let mut st = self
                .conn
                .prepare(
                    "SELECT name, file_id, container IS NOT NULL FROM defs
                     WHERE kind NOT IN ('field', 'variable', 'enum_variant') ORDER BY name, file_id",
                )
                .map_err(|e| self.err(e))?;
            let mut rows = st.query([]).map_err(|e| self.err(e))?;
            while let Some(r) = rows.next().map_err(|e| self.err(e))? {
                let name: String = r.get(0).map_err(|e| self.err(e))?;
                let file: i64 = r.get(1).map_err(|e| self.err(e))?;
                let member: bool = r.get(2).map_err(|e| self.err(e))?;
                let list = targets.entry(name).or_default();
                match list.iter_mut().find(|(f, _)| *f == file) {
                    // A file defining the name at top level counts as top level.
                    Some(entry) => entry.1 &= member,
                    None => list.push((file, member)),
                }
            }
        }
        // Where a language imports names (Python, JS/TS, Rust), a bare name
        // means a definition of another file only if the file imports it (or
        // imports `*`); otherwise `print()` would point at any project
        // function called `print`. C, C++, Go and Java see other files'
        // names without naming them, so there every bare name counts.
        let mut imported: std::collections::HashSet<(i64, String)> =
            std::collections::HashSet::new();
        let mut open_files: std::collections::HashSet<i64> = std::collections::HashSet::new();
        {
            let mut st = self
                .conn
                .prepare(
                    "SELECT f.id, f.lang FROM files f WHERE f.lang IS NULL
                     OR f.lang NOT IN ('python', 'javascript', 'typescript', 'tsx', 'rust')",
                )
                .map_err(|e| self.err(e))?;
            let mut rows = st.query([]).map_err(|e| self.err(e))?;
            while let Some(r) = rows.next().map_err(|e| self.err(e))? {
                open_files.insert(r.get(0).map_err(|e| self.err(e))?);
            }
            let mut st = self
                .conn
                .prepare("SELECT file_id, names, alias, module, wildcard FROM imports")
                .map_err(|e| self.err(e))?;
            let mut rows = st.query([]).map_err(|e| self.err(e))?;
            while let Some(r) = rows.next().map_err(|e| self.err(e))? {
                let file: i64 = r.get(0).map_err(|e| self.err(e))?;
                if r.get::<_, bool>(4).map_err(|e| self.err(e))? {
                    open_files.insert(file);
                }
                let names: Option<String> = r.get(1).map_err(|e| self.err(e))?;
                for n in names
                    .and_then(|n| serde_json::from_str::<Vec<ImportedName>>(&n).ok())
                    .unwrap_or_default()
                {
                    imported.insert((file, n.alias.unwrap_or(n.name)));
                }
                let alias: Option<String> = r.get(2).map_err(|e| self.err(e))?;
                let module: String = r.get(3).map_err(|e| self.err(e))?;
                let last = module
                    .rsplit(['.', '/', ':'])
                    .next()
                    .unwrap_or(&module)
                    .to_string();
                imported.insert((file, alias.unwrap_or(last)));
            }
        }
        let mut edges: HashMap<(i64, i64), f64> = HashMap::new();
        let mut st = self
            .conn
            .prepare("SELECT name, file_id, qualifier IS NOT NULL FROM refs")
            .map_err(|e| self.err(e))?;
        let mut rows = st.query([]).map_err(|e| self.err(e))?;
        let mut hits: Vec<i64> = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let name = r
                .get_ref(0)
                .map_err(|e| self.err(e))?
                .as_str()
                .map_err(|e| self.err(e))?;
            let Some(list) = targets.get(name) else {
                continue;
            };
            let from: i64 = r.get(1).map_err(|e| self.err(e))?;
            let qualified: bool = r.get(2).map_err(|e| self.err(e))?;
            if !qualified
                && !open_files.contains(&from)
                && !imported.contains(&(from, name.to_string()))
            {
                continue;
            }
            hits.clear();
            hits.extend(
                list.iter()
                    .filter(|(_, member)| qualified || !member)
                    .map(|(f, _)| *f),
            );
            if hits.is_empty() || hits.len() > max_fanout || hits.contains(&from) {
                // A name the referring file defines itself most likely means that one.
                continue;
            }
            let w = 1.0 / hits.len() as f64;
            for &to in &hits {
                *edges.entry((from, to)).or_default() += w;
            }
        }
        let mut out: Vec<(i64, i64, f64)> =
            edges.into_iter().map(|((a, b), w)| (a, b, w)).collect();
        out.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
        Ok(out)
    }

    /// Stored file ranks, highest first.
    pub fn ranks(&self) -> Result<Vec<(i64, f64)>> {
        self.collect(
            "SELECT file_id, rank FROM ranks ORDER BY rank DESC, file_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// How many references name each definition name in other files, for the
    /// definitions of one file: (def id, count).
    pub fn def_ref_counts(&self, file_id: i64) -> Result<Vec<(i64, u64)>> {
        let sql = "SELECT d.id, (SELECT count(*) FROM refs r WHERE r.name = d.name AND r.file_id != d.file_id)
                   FROM defs d WHERE d.file_id = ?1 ORDER BY d.start_byte";
        self.collect(sql, [file_id], |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)? as u64))
        })
    }

    pub fn stats(&self) -> Result<Stats> {
        let one = |sql: &str| -> Result<u64> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|v| v as u64)
                .map_err(|e| self.err(e))
        };
        let languages = self.collect("SELECT lang, count(*), sum(lines) FROM files WHERE lang IS NOT NULL GROUP BY lang ORDER BY lang", [], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)? as u64,
                    r.get::<_, i64>(2)? as u64,
                ))
            })?;
        Ok(Stats {
            files: one("SELECT count(*) FROM files")?,
            lines: one("SELECT coalesce(sum(lines), 0) FROM files")?,
            definitions: one("SELECT count(*) FROM defs")?,
            references: one("SELECT count(*) FROM refs")?,
            imports: one("SELECT count(*) FROM imports")?,
            shapes: one("SELECT count(*) FROM shapes")?,
            files_with_parse_errors: one("SELECT count(*) FROM files WHERE parse_errors > 0")?,
            languages,
        })
    }
}
