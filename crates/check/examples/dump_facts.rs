//! Print the facts plumb-lang extracts from one file (a debugging aid for the checker).
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump_facts FILE");
    let src = std::fs::read(&path).expect("readable file");
    let Some(adapter) = plumb_lang::adapter_for_path(std::path::Path::new(&path)) else {
        eprintln!("no adapter for {path}");
        std::process::exit(2);
    };
    let facts = plumb_lang::extract(adapter, &src);
    println!(
        "dynamic={} parse_errors={}",
        facts.dynamic, facts.parse_errors
    );
    for i in &facts.imports {
        println!("IMPORT {:?}", i);
    }
    for d in &facts.definitions {
        println!(
            "DEF {} {:?} container={:?} params={:?} line {}",
            d.name,
            d.kind,
            d.container,
            d.params.as_ref().map(|p| p.summary()),
            d.span.start_line
        );
    }
    for r in &facts.references {
        println!(
            "REF {:?} {:?} q={:?} args={:?} kw={:?} spread={} line {}:{} encl={:?}",
            r.kind,
            r.name,
            r.qualifier,
            r.arg_count,
            r.keywords,
            r.has_spread,
            r.span.start_line,
            r.span.start_col,
            r.enclosing
        );
    }
    for l in &facts.locals {
        println!(
            "LOCAL {} {}-{}",
            l.name, l.scope.start_line, l.scope.end_line
        );
    }
}
