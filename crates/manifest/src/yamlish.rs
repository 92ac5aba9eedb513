//! A reader for the block-mapping subset of YAML that lockfiles use
//! (`key: value`, nested by indentation, quoted keys, flow values kept as
//! raw text). Sequences are kept as opaque `-` nodes. It is not a general
//! YAML parser and must not grow into one.

use crate::{ManifestError, text};

pub(crate) struct Node {
    pub key: String,
    pub value: Option<String>,
    pub children: Vec<usize>,
}

pub(crate) struct Doc {
    pub nodes: Vec<Node>,
}

impl Doc {
    pub fn root(&self) -> &Node {
        &self.nodes[0]
    }
    pub fn children<'a>(&'a self, n: &'a Node) -> impl Iterator<Item = &'a Node> + 'a {
        n.children.iter().map(|&i| &self.nodes[i])
    }
    pub fn get<'a>(&'a self, n: &'a Node, key: &str) -> Option<&'a Node> {
        self.children(n).find(|c| c.key == key)
    }
}

/// Split `key: value` / `key:`; `None` when the line is not a mapping entry.
fn split_entry(content: &str) -> Result<Option<(String, &str)>, &'static str> {
    if let Some(q) = content.chars().next().filter(|c| *c == '\'' || *c == '"') {
        let body = &content[1..];
        let mut end = None;
        let bytes = body.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] as char == q {
                if q == '\'' && bytes.get(i + 1) == Some(&b'\'') {
                    i += 2;
                    continue;
                }
                end = Some(i);
                break;
            }
            if q == '"' && bytes[i] == b'\\' {
                i += 1;
            }
            i += 1;
        }
        let Some(end) = end else {
            return Err("unterminated quoted key");
        };
        let key = body[..end].replace("''", "'");
        let rest = body[end + 1..].trim_start();
        return match rest.strip_prefix(':') {
            Some(v) => Ok(Some((key, v.trim()))),
            None => Ok(None),
        };
    }
    if let Some(i) = content.find(": ") {
        return Ok(Some((
            content[..i].trim_end().to_string(),
            content[i + 2..].trim(),
        )));
    }
    Ok(content
        .strip_suffix(':')
        .map(|k| (k.trim_end().to_string(), "")))
}

fn clean_value(v: &str) -> Option<String> {
    let v = match v.find(" #") {
        Some(i) if !v.starts_with(['\'', '"']) => &v[..i],
        _ => v,
    };
    let v = v.trim();
    (!v.is_empty()).then(|| text::unquote(v).to_string())
}

pub(crate) fn parse(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Doc {
    let mut nodes = vec![Node {
        key: String::new(),
        value: None,
        children: Vec::new(),
    }];
    let mut stack: Vec<(i64, usize)> = vec![(-1, 0)];
    let mut block_scalar: Option<i64> = None;
    for (i, line) in src.lines().enumerate() {
        let content = line.trim_start_matches(' ');
        let indent = (line.len() - content.len()) as i64;
        if content.trim().is_empty() || content.starts_with('#') || content.starts_with("---") {
            continue;
        }
        if let Some(level) = block_scalar {
            if indent > level {
                continue;
            }
            block_scalar = None;
        }
        if content.starts_with('\t') {
            errors.push(text::error(path, Some(i as u32 + 1), "tab in indentation"));
            continue;
        }
        while stack.last().is_some_and(|(ind, _)| *ind >= indent) {
            stack.pop();
        }
        let parent = stack.last().map_or(0, |(_, n)| *n);
        let (key, value) = if content == "-" || content.starts_with("- ") {
            ("-".to_string(), Some(content[1..].trim().to_string()))
        } else {
            match split_entry(content) {
                Ok(Some((k, v))) => {
                    if v.starts_with('|') || v.starts_with('>') {
                        block_scalar = Some(indent);
                    }
                    (k, clean_value(v))
                }
                Ok(None) => continue, // continuation of a plain multi-line scalar
                Err(msg) => {
                    errors.push(text::error(path, Some(i as u32 + 1), msg));
                    continue;
                }
            }
        };
        let idx = nodes.len();
        nodes.push(Node {
            key,
            value,
            children: Vec::new(),
        });
        nodes[parent].children.push(idx);
        stack.push((indent, idx));
    }
    Doc { nodes }
}
