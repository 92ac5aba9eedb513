//! Files a JavaScript project's own build writes, read from the `scripts`
//! of its root `package.json` (`rollup … --output.file ./should.js`,
//! `browserify primus.js > dist/primus.js`, `esbuild … --outfile=x.js`):
//! committed or not, they are generated from other files and not edited by
//! hand, so the walk skips them as it skips `*.min.js`.
//!
//! Owns only reading those commands; what a skipped file means belongs to
//! the walk.

use std::collections::HashSet;
use std::path::Path;

/// Output options that name one file, as the common bundlers and
/// minifiers spell them (`--opt FILE` or `--opt=FILE`).
const OUTPUT_OPTIONS: [&str; 8] = [
    "-o",
    "--output",
    "--output.file",
    "--outfile",
    "--out-file",
    "--outFile",
    "--file",
    "--bundle-out",
];

/// The repository-relative paths of JavaScript files that the root
/// `package.json`'s scripts write (empty when there is none).
pub fn build_outputs(root: &Path) -> HashSet<String> {
    let Ok(text) = std::fs::read_to_string(root.join("package.json")) else {
        return HashSet::new();
    };
    let Ok(manifest) = serde_json::from_str::<serde_json::Value>(&text) else {
        return HashSet::new();
    };
    let Some(scripts) = manifest.get("scripts").and_then(|s| s.as_object()) else {
        return HashSet::new();
    };
    scripts
        .values()
        .filter_map(|v| v.as_str())
        .flat_map(outputs_of_command)
        .collect()
}

/// The JavaScript files one script command writes.
fn outputs_of_command(command: &str) -> Vec<String> {
    let tokens: Vec<&str> = command
        .split_whitespace()
        .map(|t| t.trim_matches(['"', '\'']))
        .collect();
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let named = if let Some(redirected) = t.strip_prefix('>') {
            // `> out.js`, `>out.js` (not `>>`, `2>`: appending, stderr).
            match redirected {
                "" => tokens.get(i + 1).copied(),
                r if !r.starts_with(['>', '&']) => Some(r),
                _ => None,
            }
        } else if let Some((opt, value)) = t.split_once('=') {
            OUTPUT_OPTIONS.contains(&opt).then_some(value)
        } else if OUTPUT_OPTIONS.contains(t) {
            tokens.get(i + 1).copied()
        } else {
            None
        };
        if let Some(path) = named.and_then(js_file) {
            out.push(path);
        }
    }
    out
}

/// `path` normalized (no leading `./`) when it names one JavaScript file
/// by a plain relative path.
fn js_file(path: &str) -> Option<String> {
    let path = path.trim_matches(['"', '\'']);
    let path = path.strip_prefix("./").unwrap_or(path);
    let plain = !path.is_empty()
        && !path.starts_with(['/', '-', '.'])
        && !path.contains(['$', '*', '{', '%']);
    let js = [".js", ".cjs", ".mjs"].iter().any(|e| path.ends_with(e));
    (plain && js).then(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_outputs_of_bundlers_and_redirects() {
        let cases = [
            (
                "rollup -c rollup.config.js --input ./lib/umd.js --output.format=iife  --output.file ./should.js",
                vec!["should.js"],
            ),
            (
                "rollup --output.format=cjs --output.file=cjs/should.js lib/index.js",
                vec!["cjs/should.js"],
            ),
            (
                "mkdir -p dist && browserify primus.js -s Primus | derequire > dist/primus.js",
                vec!["dist/primus.js"],
            ),
            (
                "esbuild src/index.ts --bundle --outfile=dist/x.mjs",
                vec!["dist/x.mjs"],
            ),
            ("uglifyjs a.js -o a.min.js", vec!["a.min.js"]),
            ("tsc --outDir dist && node build.js >> log.txt", vec![]),
            ("mocha test/*.test.js 2>&1 > out.txt", vec![]),
            ("webpack --output-path dist", vec![]),
        ];
        for (command, want) in cases {
            assert_eq!(outputs_of_command(command), want, "{command}");
        }
    }
}
