//! What git says about the indexed tree: the commit it was built at.

use std::path::Path;

/// The hex id of HEAD's commit for the repository containing `root`, or
/// `None` when `root` is not in a git repository or HEAD is unborn.
pub fn head_commit(root: &Path) -> Option<String> {
    let repo = gix::discover(root).ok()?;
    let id = repo.head_id().ok()?;
    Some(id.to_string())
}
