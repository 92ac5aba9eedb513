//! Helpers shared by the adapter tests (`mod common;` in each test file):
//! running an adapter, reading fixtures, the row formats the expected tables
//! are written in, and the plumbing of the ignored throughput runs.
//! Owns no expectations: each test file keeps its own tables and assertions.
//! Every test binary uses only a subset, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use plumb_facts::{Definition, FileFacts, Import, Lang, Reference};

/// Parse and extract `src` with the adapter for `lang`.
pub fn facts(lang: Lang, src: &[u8]) -> FileFacts {
    plumb_lang::extract(plumb_lang::adapter_for_lang(lang), src)
}

/// The bytes of `tests/fixtures/{path}`.
pub fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The definition whose qualified name is `q`.
pub fn def<'a>(f: &'a FileFacts, q: &str) -> &'a Definition {
    f.definitions
        .iter()
        .find(|d| d.qualified_name() == q)
        .unwrap_or_else(|| panic!("{q} missing"))
}

/// Unqualified definition names in file order.
pub fn def_names(f: &FileFacts) -> Vec<&str> {
    f.definitions.iter().map(|d| d.name.as_str()).collect()
}

/// Whether some reference named `name` passes `args` arguments.
pub fn has_call(f: &FileFacts, name: &str, args: u32) -> bool {
    f.references
        .iter()
        .any(|r| r.name == name && r.arg_count == Some(args))
}

/// Whether `name` is bound locally with a scope over lines `from..=to`.
pub fn has_local(f: &FileFacts, name: &str, from: u32, to: u32) -> bool {
    f.locals
        .iter()
        .any(|l| l.name == name && l.scope.start_line == from && l.scope.end_line == to)
}

/// `name`, or `name as alias`, per imported name, comma-separated.
pub fn aliased_names(i: &Import) -> String {
    let names: Vec<String> = i
        .names
        .iter()
        .map(|n| match &n.alias {
            Some(a) => format!("{} as {a}", n.name),
            None => n.name.clone(),
        })
        .collect();
    names.join(", ")
}

// --- C / C++ rows: `kind name ... Lstart-end` ---

/// `kind qualified.name visibility (params) Lstart-end` per definition.
pub fn defs(f: &FileFacts) -> Vec<String> {
    f.definitions
        .iter()
        .map(|d| {
            let p = d.params.as_ref().map_or("-".to_string(), |p| {
                format!(
                    "{} min={} max={:?}",
                    p.summary(),
                    p.min_positional(),
                    p.max_positional()
                )
            });
            format!(
                "{} {} {} {} L{}-{}",
                d.kind.name(),
                d.qualified_name(),
                d.visibility.name(),
                p,
                d.span.start_line,
                d.span.end_line
            )
        })
        .collect()
}

/// `kind qualifier|name(args) Lline in enclosing` per reference.
pub fn refs(f: &FileFacts) -> Vec<String> {
    f.references
        .iter()
        .map(|r| {
            let mut s = format!("{} ", r.kind.name());
            if let Some(q) = &r.qualifier {
                s.push_str(&format!("{q}|"));
            }
            s.push_str(&r.name);
            if let Some(n) = r.arg_count {
                s.push_str(&format!("({n}{})", if r.has_spread { "+" } else { "" }));
            }
            s.push_str(&format!(
                " L{} in {}",
                r.span.start_line,
                r.enclosing.as_deref().unwrap_or("-")
            ));
            s
        })
        .collect()
}

/// `module names=[..] alias=.. wildcard=.. relative=.. Lline` per import.
pub fn imports(f: &FileFacts) -> Vec<String> {
    f.imports
        .iter()
        .map(|i| {
            let names: Vec<&str> = i.names.iter().map(|n| n.name.as_str()).collect();
            format!(
                "{} names={:?} alias={:?} wildcard={} relative={} L{}",
                i.module, names, i.alias, i.wildcard, i.relative, i.span.start_line
            )
        })
        .collect()
}

/// `name Lstart-end` per local binding.
pub fn locals(f: &FileFacts) -> Vec<String> {
    f.locals
        .iter()
        .map(|l| format!("{} L{}-{}", l.name, l.scope.start_line, l.scope.end_line))
        .collect()
}

// --- Go / Java / Rust rows: `line kind ...` ---

/// `line kind qualified.name visibility (params) min..max` (`*`: no maximum).
pub fn def_line(d: &Definition) -> String {
    let params = d.params.as_ref().map_or("-".to_string(), |p| {
        let max = p
            .max_positional()
            .map_or("*".to_string(), |m| m.to_string());
        format!("{} {}..{}", p.summary(), p.min_positional(), max)
    });
    format!(
        "{} {} {} {} {}",
        d.span.start_line,
        d.kind.name(),
        d.qualified_name(),
        d.visibility.name(),
        params
    )
}

/// `line kind qualifier | name args` with `+` after the count of a spread call.
pub fn ref_line(r: &Reference) -> String {
    format!(
        "{} {} {} | {} {}{}",
        r.span.start_line,
        r.kind.name(),
        r.qualifier.as_deref().unwrap_or("-"),
        r.name,
        r.arg_count.map_or("-".to_string(), |n| n.to_string()),
        if r.has_spread { "+" } else { "" }
    )
}

/// `name start-end` per local binding.
pub fn local_lines(f: &FileFacts) -> Vec<String> {
    f.locals
        .iter()
        .map(|l| format!("{} {}-{}", l.name, l.scope.start_line, l.scope.end_line))
        .collect()
}

// --- JavaScript / TypeScript / Python tables: `container name kind ...` ---

/// `container name kind visibility (params) Lstart-end` per definition.
pub fn defs_table(f: &FileFacts) -> Vec<String> {
    f.definitions
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {} {} L{}-{}",
                d.container.as_deref().unwrap_or("-"),
                d.name,
                d.kind.name(),
                d.visibility.name(),
                d.params.as_ref().map(|p| p.summary()).unwrap_or_default(),
                d.span.start_line,
                d.span.end_line
            )
        })
        .collect()
}

/// `Lline kind qualifier.name Some(args)[ spread]` per reference.
pub fn refs_table(f: &FileFacts) -> Vec<String> {
    refs_table_rows(f, false)
}

/// As [`refs_table`], with the keyword arguments after the count.
pub fn refs_table_with_keywords(f: &FileFacts) -> Vec<String> {
    refs_table_rows(f, true)
}

fn refs_table_rows(f: &FileFacts, keywords: bool) -> Vec<String> {
    f.references
        .iter()
        .map(|r| {
            let kw = if keywords {
                format!(" {:?}", r.keywords)
            } else {
                String::new()
            };
            format!(
                "L{} {} {}{} {:?}{kw}{}",
                r.span.start_line,
                r.kind.name(),
                r.qualifier
                    .as_deref()
                    .map(|q| format!("{q}."))
                    .unwrap_or_default(),
                r.name,
                r.arg_count,
                if r.has_spread { " spread" } else { "" }
            )
        })
        .collect()
}

/// `Lline module [names] alias=.. wild=.. rel=..` per import.
pub fn imports_table(f: &FileFacts) -> Vec<String> {
    imports_table_rows(f, false)
}

/// As [`imports_table`], with ` level=N` (relative import depth) at the end.
pub fn imports_table_with_level(f: &FileFacts) -> Vec<String> {
    imports_table_rows(f, true)
}

fn imports_table_rows(f: &FileFacts, level: bool) -> Vec<String> {
    f.imports
        .iter()
        .map(|i| {
            let mut row = format!(
                "L{} {} [{}] alias={:?} wild={} rel={}",
                i.span.start_line,
                i.module,
                aliased_names(i),
                i.alias,
                i.wildcard,
                i.relative
            );
            if level {
                row.push_str(&format!(" level={}", i.relative_level));
            }
            row
        })
        .collect()
}

/// Print every fact of `f` (the `PLUMB_DUMP` debugging aids).
pub fn dump(f: &FileFacts) {
    for d in &f.definitions {
        println!(
            "DEF {} {:?} {:?} {:?} L{}-{} {:?} doc={:?} sig={:?}",
            d.name,
            d.kind,
            d.container,
            d.visibility,
            d.span.start_line,
            d.span.end_line,
            d.params
                .as_ref()
                .map(|p| (p.summary(), p.min_positional(), p.max_positional())),
            d.doc,
            d.signature
        );
    }
    for r in &f.references {
        println!(
            "REF {} {:?} {:?} L{} args={:?} kw={:?} spread={} in={:?}",
            r.name,
            r.kind,
            r.qualifier,
            r.span.start_line,
            r.arg_count,
            r.keywords,
            r.has_spread,
            r.enclosing
        );
    }
    for i in &f.imports {
        println!(
            "IMP L{} {:?} names={:?} alias={:?} wild={} rel={} level={}",
            i.span.start_line, i.module, i.names, i.alias, i.wildcard, i.relative, i.relative_level
        );
    }
    for l in &f.locals {
        println!(
            "LOC {} L{}-{}",
            l.name, l.scope.start_line, l.scope.end_line
        );
    }
    println!("errors={} dynamic={}", f.parse_errors, f.dynamic);
}

// --- Throughput runs (ignored tests) ---

/// Every regular file under `root` whose extension is one of `exts`
/// (links are not followed, so a looping tree ends).
pub fn source_files(root: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                dirs.push(p);
            } else if ft.is_file()
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| exts.contains(&x))
            {
                files.push(p);
            }
        }
    }
    files
}

/// The readable ones among `files`, read.
pub fn read_sources(files: &[PathBuf]) -> Vec<Vec<u8>> {
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// Definition and reference names are non-empty single words, and every
/// definition's name lies inside its span.
pub fn assert_plausible_names(f: &FileFacts) {
    for d in &f.definitions {
        assert!(
            !d.name.is_empty() && !d.name.contains(char::is_whitespace),
            "odd definition name {:?}",
            d.name
        );
        assert!(d.span.contains(&d.name_span), "name outside span: {d:?}");
    }
    for r in &f.references {
        assert!(
            !r.name.is_empty() && !r.name.contains(char::is_whitespace),
            "odd reference {r:?}"
        );
    }
}

/// Parse `srcs` `rounds` times, then parse and extract them `rounds` times,
/// calling `check` on each file's facts, and print thread-CPU and wall
/// throughput.
pub fn cpu_throughput(lang: Lang, srcs: &[Vec<u8>], rounds: usize, check: impl Fn(&FileFacts)) {
    let bytes: usize = srcs.iter().map(Vec::len).sum();
    let adapter = plumb_lang::adapter_for_lang(lang);
    let cpu0 = thread_cpu_secs();
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        for s in srcs {
            std::hint::black_box(plumb_lang::parse(adapter, s));
        }
    }
    let parse_secs = start.elapsed().as_secs_f64();
    let cpu1 = thread_cpu_secs();
    let start = std::time::Instant::now();
    let (mut defs, mut refs, mut errs) = (0, 0, 0);
    for _ in 0..rounds {
        for s in srcs {
            let f = facts(lang, s);
            defs += f.definitions.len();
            refs += f.references.len();
            errs += (f.parse_errors > 0) as usize;
            check(&f);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu2 = thread_cpu_secs();
    println!(
        "CPU time (load-independent): parse only {:.2}s, parse+extract {:.2}s = {:.1} MB/s",
        cpu1 - cpu0,
        cpu2 - cpu1,
        (bytes * rounds) as f64 / 1e6 / (cpu2 - cpu1)
    );
    println!(
        "{} files x{rounds}, {:.2} MB each round, {defs} defs, {refs} refs, {errs} with parse errors, parse only {parse_secs:.2}s, parse+extract {secs:.2}s = {:.1} MB/s",
        srcs.len(),
        bytes as f64 / 1e6,
        (bytes * rounds) as f64 / 1e6 / secs
    );
}

/// Enough rounds over `srcs` for about 20 MB of input (1 to 50).
pub fn rounds_for(srcs: &[Vec<u8>]) -> usize {
    let bytes: usize = srcs.iter().map(Vec::len).sum();
    (20_000_000 / bytes.max(1)).clamp(1, 50)
}

/// CPU seconds this thread has used (Linux), so throughput can be read on a busy machine.
pub fn thread_cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after_comm = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after_comm.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name.
    (ticks(11) + ticks(12)) / 100.0
}
