//! Read every manifest and lockfile under a directory and print a summary:
//! `cargo run -p plumb-manifest --example manifest_dump -- <dir> [--json]`.

use std::path::Path;

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name();
        if name == ".git" || name == "node_modules" || name == "target" {
            continue;
        }
        if p.is_dir() {
            walk(root, &p, out);
        } else if let Ok(rel) = p.strip_prefix(root) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            if plumb_manifest::is_manifest_file(&rel)
                && let Ok(bytes) = std::fs::read(&p)
            {
                out.push((rel, bytes));
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: manifest_dump <dir> [--json]");
        std::process::exit(2);
    };
    let root = Path::new(dir);
    let mut files = Vec::new();
    walk(root, root, &mut files);
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    // Best of a few runs: the machine may be shared.
    let runs = if args.iter().any(|a| a == "--bench") {
        10
    } else {
        1
    };
    let mut elapsed = std::time::Duration::MAX;
    let mut result = None;
    for _ in 0..runs {
        let t = std::time::Instant::now();
        result = Some(plumb_manifest::read_manifests(&files));
        elapsed = elapsed.min(t.elapsed());
    }
    let (m, errors) = result.unwrap();
    if args.iter().any(|a| a == "--json") {
        println!("{}", serde_json::to_string_pretty(&m).unwrap());
    } else {
        let locked = m
            .dependencies
            .iter()
            .filter(|d| d.locked_version.is_some())
            .count();
        println!(
            "{} files ({} bytes) in {:?}: {} dependencies ({} with a locked version), {} transitive, {} own packages, {} errors",
            m.files.len(),
            bytes,
            elapsed,
            m.dependencies.len(),
            locked,
            m.locked.len(),
            m.own_packages.len(),
            errors.len()
        );
        for d in m
            .dependencies
            .iter()
            .filter(|d| d.locked_version.is_none())
            .take(15)
        {
            println!(
                "  unlocked: {} {} {:?} ({})",
                d.manifest, d.name, d.requirement, d.scope
            );
        }
    }
    if args.iter().any(|a| a == "--per-file") {
        let mut times: Vec<(std::time::Duration, &str, usize)> = files
            .iter()
            .map(|f| {
                let t = std::time::Instant::now();
                let _ = plumb_manifest::read_manifests(std::slice::from_ref(f));
                (t.elapsed(), f.0.as_str(), f.1.len())
            })
            .collect();
        times.sort();
        for (t, f, n) in times.iter().rev().take(8) {
            println!("  {t:?} {f} ({n} bytes)");
        }
    }
    for e in &errors {
        eprintln!(
            "error: {}:{} {}",
            e.file,
            e.line.map_or(String::new(), |l| l.to_string()),
            e.message
        );
    }
}
