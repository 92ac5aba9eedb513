//! Comparing what is on disk with what the index holds: which files to
//! parse again, which only changed their timestamp, which are gone.

use std::collections::HashMap;

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

/// Compare the walk with the stored files.
pub fn plan(walked: &[WalkedFile], stored: &[FileStat]) -> Plan {
    let by_path: HashMap<&str, &FileStat> = stored.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut plan = Plan::default();
    let mut seen = std::collections::HashSet::with_capacity(walked.len());
    for f in walked {
        seen.insert(f.rel_path.as_str());
        match by_path.get(f.rel_path.as_str()) {
            Some(row) if row.size == f.size && row.mtime_ns == f.mtime_ns => plan.unchanged += 1,
            _ => plan.read.push(f.clone()),
        }
    }
    for row in stored {
        if !seen.contains(row.path.as_str()) {
            plan.delete.push(row.path.clone());
        }
    }
    plan
}
