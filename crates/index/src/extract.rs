//! Turning one file on disk into what the store keeps: its record, its
//! facts and its structural vectors. Runs on worker threads.

use plumb_facts::FileFacts;
use plumb_store::FileRecord;
use plumb_walk::WalkedFile;

/// One file, read and understood.
pub struct Extracted {
    pub record: FileRecord,
    pub facts: FileFacts,
    /// (index into `facts.definitions`, encoded vector) for similarity search.
    pub shapes: Vec<(usize, Vec<u8>)>,
}

/// Hash of file contents as stored in the index.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

pub fn count_lines(bytes: &[u8]) -> u32 {
    let n = bytes.iter().filter(|&&b| b == b'\n').count();
    (n + usize::from(!bytes.is_empty() && !bytes.ends_with(b"\n"))) as u32
}

/// Read and extract one file. `known_hash` is the stored hash, if any: when
/// the content hashes the same, nothing is parsed and `Ok(None)` says so.
pub fn extract_file(
    file: &WalkedFile,
    known_hash: Option<u64>,
    include_generated: bool,
) -> Result<Option<Extracted>, String> {
    let bytes = std::fs::read(&file.abs_path).map_err(|e| e.to_string())?;
    let hash = content_hash(&bytes);
    if known_hash == Some(hash) {
        return Ok(None);
    }
    let path = std::path::Path::new(&file.rel_path);
    let adapter = plumb_lang::adapter_for_path(path);
    let mut record = FileRecord {
        path: file.rel_path.clone(),
        lang: adapter.map(|a| a.lang().name().to_string()),
        hash,
        size: bytes.len() as u64,
        mtime_ns: file.mtime_ns,
        lines: count_lines(&bytes),
        skipped: None,
    };
    let Some(adapter) = adapter else {
        return Ok(Some(Extracted {
            record,
            facts: FileFacts::default(),
            shapes: Vec::new(),
        }));
    };
    let minified =
        plumb_walk::minified(&file.rel_path, &bytes).then_some(plumb_walk::SkipReason::Generated);
    match minified.or_else(|| plumb_walk::classify_content(&bytes)) {
        Some(plumb_walk::SkipReason::Generated) if include_generated => {}
        Some(reason) => {
            record.skipped = Some(reason.name().to_string());
            return Ok(Some(Extracted {
                record,
                facts: FileFacts::default(),
                shapes: Vec::new(),
            }));
        }
        None => {}
    }
    let (facts, shapes) = match plumb_lang::parse(adapter, &bytes) {
        Some(tree) => {
            let mut facts = adapter.extract(&tree, &bytes);
            facts.assign_enclosing();
            let shapes = plumb_shape::function_vectors(adapter, &tree, &bytes, &facts.definitions);
            (facts, shapes)
        }
        None => (
            FileFacts {
                parse_errors: 1,
                ..Default::default()
            },
            Vec::new(),
        ),
    };
    Ok(Some(Extracted {
        record,
        facts,
        shapes,
    }))
}
