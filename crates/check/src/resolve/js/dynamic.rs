//! Where a JavaScript file may make names at run time, so that a bare call
//! there cannot be judged: inside the function (named or not) that runs
//! `eval` or `with`, or anywhere in a file that writes the global object
//! under a key a literal list, a loop or a caller may give.
//!
//! Owns that reading of the file's text; [`super::calls`] decides what a
//! call in such a place is.

use super::blocks::{
    function_body_around, function_params, opens_function_body, params_start, paren_head,
};
use crate::resolve::FileCtx;

/// Whether names may be made at run time where `at` is: in a file the
/// adapter marks dynamic, inside the function that runs `eval` or `with`
/// (sloppy-mode `eval` declares into its calling function, `with` scopes
/// its block; knockout's specs run templates through one helper that does
/// both), or anywhere when the file does so at its top level or makes
/// globals under keys it cannot name (`globalThis[k] = …` in a loop).
pub(super) fn dynamic_at(ctx: &FileCtx, at: &plumb_facts::Span) -> bool {
    if !ctx.facts.dynamic {
        return false;
    }
    // Read once per file: a bundle may hold a hundred thousand calls.
    let regions = ctx
        .project
        .memo(&format!("js-dynamic-regions:{}", ctx.path), || {
            dynamic_regions(ctx)
        });
    match &*regions {
        None => true,
        Some(spans) => spans.iter().any(|s| s.contains(at)),
    }
}

/// The spans of the functions that run `eval` or `with`, or `None` when
/// names may be made anywhere in the file.
fn dynamic_regions(ctx: &FileCtx) -> Option<Vec<plumb_facts::Span>> {
    let code = super::lexical::blank_literals(ctx.text);
    let global = ["globalThis[", "window[", "global["].iter().any(|g| {
        code.match_indices(g).any(|(i, m)| {
            // (A write to the global object itself, as the adapter
            // marks: not a read, not `jQuery.event.global[type]`.)
            let own = !code[..i]
                .ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$' || c == '.');
            own && writes_key(&code, i + m.len())
                && !names_one_global(&code, ctx.text, i + m.len())
                && !names_one_global_per_run(&code, i + m.len())
        })
    });
    // (`eval` and `with` are both four letters long; `redis.eval(…)` and
    // `array.with(…)` are methods.)
    let sites: Vec<usize> = crate::resolve::word_positions(&code, "eval")
        .chain(crate::resolve::word_positions(&code, "with"))
        .filter(|&i| {
            code[i + 4..].trim_start().starts_with('(') && !code[..i].trim_end().ends_with('.')
        })
        .collect();
    // (The adapter marks a file dynamic for `eval`, `with` and computed
    // global writes only: with none of those here, no region is.)
    if global {
        return None;
    }
    sites
        .iter()
        .map(|&i| {
            let defined = ctx
                .facts
                .definitions
                .iter()
                .filter(|d| {
                    d.kind.is_callable()
                        && (d.span.start_byte as usize) < i
                        && i < d.span.end_byte as usize
                })
                .min_by_key(|d| d.span.end_byte - d.span.start_byte)
                .map(|d| (d.span.start_byte as usize, d.span.end_byte as usize));
            // (A function expression the facts do not name, require.js'
            // `req.exec = function (text) { return eval(text); }`, may be
            // nearer.)
            let region = match (defined, function_body_around(&code, i)) {
                (Some(d), Some(f)) => Some(if f.0 > d.0 { f } else { d }),
                (d, f) => d.or(f),
            }?;
            Some(plumb_facts::Span {
                start_byte: region.0 as u32,
                end_byte: region.1 as u32,
                ..Default::default()
            })
        })
        .collect()
}

/// Whether the computed global write whose key starts at byte `at` of
/// `code` (just past `window[`) makes one name per run of the function
/// that holds it, that name data: the key is a variable (jQuery's JSONP
/// `window[callbackName] = function`, `callbackName` read from the
/// request's settings), neither a parameter of a function around the write
/// (`exportGlobal('foo', f)` would name it in the code) nor written in a
/// loop (`for (k in api) window[k] = api[k]` makes many). What it names,
/// the file cannot call bare but through a literal the key would hold.
fn names_one_global_per_run(code: &str, at: usize) -> bool {
    let Some((key, _)) = code[at..].split_once(']') else {
        return false;
    };
    let key = key.trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
    {
        return false;
    }
    // Every block around the write, innermost first.
    let bytes = code.as_bytes();
    let (mut depth, mut i, mut in_function) = (0usize, at, false);
    while i > 0 {
        i -= 1;
        match bytes[i] {
            b'}' => depth += 1,
            b'{' if depth > 0 => depth -= 1,
            b'{' => {
                let head = paren_head(code, i);
                if matches!(head, Some("for" | "while"))
                    || super::omission::ends_with_word(code[..i].trim_end(), "do")
                {
                    return false;
                }
                if opens_function_body(code, i) {
                    in_function = true;
                    let params = function_params(code, i);
                    // (A callback an iteration runs per element, bluebird's
                    // `names.forEach(function (n) { … global[nameStr] = …`,
                    // is a loop.)
                    if crate::resolve::word_positions(params, key).next().is_some()
                        || iteration_callback(code, i)
                    {
                        return false;
                    }
                }
            }
            _ => {}
        }
    }
    in_function
}

/// Whether the function whose body opens at `open` is handed to an
/// iteration (`forEach`, `each`, `map`, …), which runs it per element.
fn iteration_callback(code: &str, open: usize) -> bool {
    const ITERATIONS: &[&str] = &[
        "forEach", "each", "map", "filter", "reduce", "some", "every", "forIn", "forOwn",
    ];
    let head = code[..params_start(code, open)].trim_end();
    // (`function (x) {`, `function each(x) {`, `async (x) => {`.)
    let named = head.trim_end_matches(|c: char| c.is_alphanumeric() || c == '_' || c == '$');
    let head = match named.trim_end().strip_suffix("function") {
        Some(h) if named.len() < head.len() => h,
        _ => head,
    };
    let head = head.strip_suffix("function").unwrap_or(head).trim_end();
    let head = head.strip_suffix("async").unwrap_or(head).trim_end();
    let before = head;
    let call_open = if before.ends_with('(') {
        before.len() - 1
    } else if before.ends_with(',') {
        let bytes = before.as_bytes();
        let (mut depth, mut j) = (0usize, before.len());
        loop {
            if j == 0 {
                return false;
            }
            j -= 1;
            match bytes[j] {
                b')' | b']' | b'}' => depth += 1,
                b'(' if depth == 0 => break j,
                b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
                b'[' | b'{' => return false,
                _ => {}
            }
        }
    } else {
        return false;
    };
    let callee = code[..call_open].trim_end();
    let word_start = callee
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |k| k + 1);
    ITERATIONS.contains(&&callee[word_start..])
}

/// Whether the subscript whose key starts at byte `at` of `code` (just
/// past `window[`) is assigned to (`window[k] = …`).
fn writes_key(code: &str, at: usize) -> bool {
    super::lexical::matching_close(code, at - 1).is_some_and(|close| {
        code[close + 1..]
            .trim_start()
            .strip_prefix('=')
            .is_some_and(|v| !v.starts_with(['=', '>']))
    })
}

/// Whether the computed global write whose key starts at byte `at` of
/// `code` (just past `window[`) makes one global of a name fixed once,
/// as a UMD bundle exports itself: hammer.js' `window[exportName] =
/// Hammer`, `exportName` a parameter of the wrapper that opens the file
/// (handed `'Hammer'`), or a key bound to a string literal (`var NAME =
/// 'x'`). A key computed anywhere else (`global[nameStr] = …` in a
/// callback, `for (k in o) window[k] = o[k]`) may make any name.
fn names_one_global(code: &str, text: &str, at: usize) -> bool {
    let rest = &code[at..];
    let Some((key, after)) = rest.split_once(']') else {
        return false;
    };
    let key = key.trim();
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    let written = after
        .trim_start()
        .strip_prefix('=')
        .is_some_and(|v| !v.starts_with(['=', '>']));
    if !plain || !written {
        return false;
    }
    // The wrapper's parameters: the first function of the file.
    let wrapper_param = crate::resolve::word_positions(code, "function")
        .next()
        .and_then(|i| {
            let open = i + code[i..].find('(')?;
            let close = super::lexical::matching_close(code, open)?;
            Some(code[open + 1..close].split(',').any(|p| p.trim() == key))
        })
        .unwrap_or(false);
    // (The literal's quotes are in `text`; `code` blanks what is inside.)
    let literal = crate::resolve::word_positions(text, key).any(|i| {
        text[i + key.len()..]
            .trim_start()
            .strip_prefix('=')
            .is_some_and(|v| v.trim_start().starts_with(['\'', '"']))
    });
    wrapper_param || literal
}
