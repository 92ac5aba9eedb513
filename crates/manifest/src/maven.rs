//! Maven `pom.xml`, read with a small tag scanner (no XML crate): project
//! coordinates (falling back to `<parent>`), `<properties>` for `${..}`
//! substitution, `<dependencies>` (also inside `<profiles>`), and
//! `<dependencyManagement>` only as the source of missing versions.
//! Plugin dependencies are build tooling and are not read. Maven scopes map
//! to: compile/runtime/system -> normal, test -> dev, provided -> peer;
//! `<optional>true` -> optional.

use std::collections::HashMap;

use plumb_facts::Ecosystem;

use crate::{ManifestError, Parsed, dep, text};

type Fields = HashMap<String, String>;

pub(crate) fn pom(path: &str, src: &str, all_errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    // One structural error tends to cascade; only the first is reported.
    let mut local_errors = Vec::new();
    let errors = &mut local_errors;
    let mut stack: Vec<String> = Vec::new();
    let mut props: HashMap<String, String> = HashMap::new();
    let mut declared: Vec<Fields> = Vec::new();
    let mut managed: Vec<Fields> = Vec::new();
    let mut current: Option<Fields> = None;
    let mut text_buf = String::new();
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            let next = src[i..].find('<').map_or(b.len(), |p| i + p);
            text_buf.push_str(&src[i..next]);
            i = next;
            continue;
        }
        let rest = &src[i..];
        let skip_to = |end: &str| rest.find(end).map(|p| i + p + end.len());
        if rest.starts_with("<!--") || rest.starts_with("<?") || rest.starts_with("<!") {
            let end = if rest.starts_with("<!--") {
                "-->"
            } else if rest.starts_with("<![CDATA[") {
                "]]>"
            } else if rest.starts_with("<?") {
                "?>"
            } else {
                ">"
            };
            if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
                text_buf.push_str(cdata.split("]]>").next().unwrap_or(""));
            }
            match skip_to(end) {
                Some(n) => i = n,
                None => {
                    errors.push(text::error(
                        path,
                        Some(text::line_of(src, i)),
                        "unterminated markup",
                    ));
                    break;
                }
            }
            continue;
        }
        let Some(close) = rest.find('>') else {
            errors.push(text::error(
                path,
                Some(text::line_of(src, i)),
                "unterminated tag",
            ));
            break;
        };
        let tag = &rest[1..close];
        let line = text::line_of(src, i);
        i += close + 1;
        if let Some(name) = tag.strip_prefix('/') {
            let name = local(name.trim());
            let value = std::mem::take(&mut text_buf).trim().to_string();
            match stack.iter().rposition(|s| s == name) {
                Some(p) if p + 1 == stack.len() => {}
                Some(p) => {
                    errors.push(text::error(
                        path,
                        Some(line),
                        format!("`</{name}>` closes `<{}>`", stack[stack.len() - 1]),
                    ));
                    stack.truncate(p + 1);
                }
                None => {
                    errors.push(text::error(
                        path,
                        Some(line),
                        format!("unexpected `</{name}>`"),
                    ));
                    continue;
                }
            }
            on_close(
                &stack,
                &value,
                &mut props,
                &mut current,
                &mut declared,
                &mut managed,
            );
            stack.pop();
        } else {
            text_buf.clear();
            let self_closing = tag.ends_with('/');
            let name = local(
                tag.trim_end_matches('/')
                    .split_whitespace()
                    .next()
                    .unwrap_or(""),
            );
            if name.is_empty() {
                errors.push(text::error(path, Some(line), "empty tag"));
                continue;
            }
            if self_closing && name == "relativePath" && stack == ["project", "parent"] {
                // `<relativePath/>`: the parent comes from a repository, not this tree.
                props.insert("project.parent.relativePath".into(), String::new());
            }
            if !self_closing {
                stack.push(name.to_string());
                if name == "dependency" {
                    current = Some(Fields::new());
                }
            }
        }
    }
    if !stack.is_empty() {
        errors.push(text::error(
            path,
            None,
            format!("unclosed `<{}>` at end of file", stack[stack.len() - 1]),
        ));
    }
    finish(&mut out, path, &props, declared, &managed);
    all_errors.extend(local_errors.into_iter().take(1));
    out
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn on_close(
    stack: &[String],
    value: &str,
    props: &mut HashMap<String, String>,
    current: &mut Option<Fields>,
    declared: &mut Vec<Fields>,
    managed: &mut Vec<Fields>,
) {
    let parts: Vec<&str> = stack.iter().map(String::as_str).collect();
    match parts.as_slice() {
        ["project", "properties", key] => {
            props.insert(key.to_string(), value.to_string());
        }
        ["project", field @ ("groupId" | "artifactId" | "version")] => {
            props.insert(format!("project.{field}"), value.to_string());
        }
        [
            "project",
            "parent",
            field @ ("groupId" | "artifactId" | "version" | "relativePath"),
        ] => {
            props.insert(format!("project.parent.{field}"), value.to_string());
        }
        [.., "dependency", field] => {
            if let Some(c) = current.as_mut() {
                c.insert(field.to_string(), value.to_string());
            }
        }
        [ctx @ .., "dependency"] => {
            let Some(fields) = current.take() else { return };
            match ctx {
                ["project", "dependencies"]
                | ["project", "profiles", "profile", "dependencies"] => declared.push(fields),
                ["project", "dependencyManagement", "dependencies"] => managed.push(fields),
                _ => {} // plugin dependencies and the like
            }
        }
        _ => {}
    }
}

fn substitute(s: &str, props: &HashMap<String, String>) -> String {
    let mut s = s.to_string();
    for _ in 0..8 {
        let Some(start) = s.find("${") else { break };
        let Some(len) = s[start..].find('}') else {
            break;
        };
        let key = &s[start + 2..start + len];
        let Some(v) = props
            .get(key)
            .or_else(|| props.get(&key.replace("pom.", "project.")))
        else {
            break;
        };
        s = format!("{}{}{}", &s[..start], v, &s[start + len + 1..]);
    }
    s
}

fn finish(
    out: &mut Parsed,
    path: &str,
    props: &HashMap<String, String>,
    declared: Vec<Fields>,
    managed: &[Fields],
) {
    let mut props = props.clone();
    if !props.contains_key("project.groupId")
        && let Some(g) = props.get("project.parent.groupId").cloned()
    {
        props.insert("project.groupId".into(), g);
    }
    if !props.contains_key("project.version")
        && let Some(v) = props.get("project.parent.version").cloned()
    {
        props.insert("project.version".into(), v);
    }
    if let (Some(g), Some(a)) = (
        props.get("project.groupId"),
        props.get("project.artifactId"),
    ) {
        out.own
            .push((Ecosystem::Maven, format!("{g}:{a}"), path.to_string()));
    }
    let mut info = PomInfo {
        path: path.to_string(),
        coord: None,
        parent: None,
        parent_path: None,
        props: props.clone(),
        managed: Vec::new(),
    };
    if let (Some(g), Some(a)) = (
        props.get("project.groupId"),
        props.get("project.artifactId"),
    ) {
        info.coord = Some(format!("{g}:{a}"));
    }
    if let (Some(g), Some(a)) = (
        props.get("project.parent.groupId"),
        props.get("project.parent.artifactId"),
    ) {
        info.parent = Some(format!("{g}:{a}"));
        let rel = props
            .get("project.parent.relativePath")
            .map_or("../pom.xml", String::as_str);
        if !rel.is_empty() {
            info.parent_path = Some(join_relative(crate::parent_dir(path), rel));
        }
    }
    for m in managed {
        let get = |k: &str| m.get(k).map(|v| substitute(v, &props));
        if let (Some(g), Some(a), Some(v)) = (get("groupId"), get("artifactId"), m.get("version")) {
            info.managed.push((format!("{g}:{a}"), v.clone()));
        }
    }
    out.maven_pom = Some(info);
    for f in declared {
        let get = |k: &str| f.get(k).map(|v| substitute(v, &props));
        let (Some(g), Some(a)) = (get("groupId"), get("artifactId")) else {
            continue;
        };
        let version = get("version").or_else(|| {
            managed
                .iter()
                .find(|m| {
                    m.get("groupId").map(|v| substitute(v, &props)).as_deref() == Some(&g)
                        && m.get("artifactId")
                            .map(|v| substitute(v, &props))
                            .as_deref()
                            == Some(&a)
                })
                .and_then(|m| m.get("version"))
                .map(|v| substitute(v, &props))
        });
        let scope = match get("scope").as_deref() {
            Some("test") => "dev",
            Some("provided") => "peer",
            Some("import") => continue,
            _ if get("optional").as_deref() == Some("true") => "optional",
            _ => "normal",
        };
        out.deps.push(dep(
            Ecosystem::Maven,
            &format!("{g}:{a}"),
            version,
            scope,
            path,
        ));
    }
}

/// What a child pom may inherit: properties and managed versions.
pub(crate) struct PomInfo {
    pub path: String,
    pub coord: Option<String>,
    pub parent: Option<String>,
    /// Repository-relative path of the parent pom (`<relativePath>`, by
    /// default `../pom.xml`); `None` for `<relativePath/>`.
    pub parent_path: Option<String>,
    pub props: HashMap<String, String>,
    /// (groupId:artifactId, raw version) from `<dependencyManagement>`.
    pub managed: Vec<(String, String)>,
}

fn join_relative(dir: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for piece in rel.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    if joined.ends_with(".xml") {
        joined
    } else if joined.is_empty() {
        "pom.xml".to_string()
    } else {
        format!("{joined}/pom.xml")
    }
}

/// Fill versions a child pom leaves to its parents: a missing version from
/// the nearest ancestor's `<dependencyManagement>`, and `${..}` from the
/// merged properties (nearest wins). Parents are found by path, else by
/// coordinates among the poms read.
pub(crate) fn inherit(deps: &mut [plumb_facts::Dependency], poms: &[PomInfo]) {
    for pom in poms.iter().filter(|p| p.parent.is_some()) {
        let mut chain: Vec<&PomInfo> = vec![pom];
        while chain.len() < 16 {
            let cur = chain[chain.len() - 1];
            let next = poms.iter().find(|p| {
                cur.parent_path.as_deref() == Some(p.path.as_str())
                    && (p.coord.is_none() || p.coord == cur.parent)
            });
            let next = next.or_else(|| {
                poms.iter()
                    .find(|p| p.coord.is_some() && p.coord == cur.parent && p.path != cur.path)
            });
            match next {
                Some(n) if !chain.iter().any(|c| c.path == n.path) => chain.push(n),
                _ => break,
            }
        }
        if chain.len() == 1 {
            continue;
        }
        let mut props: HashMap<String, String> = HashMap::new();
        for p in chain.iter().rev() {
            props.extend(p.props.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        for d in deps.iter_mut().filter(|d| d.manifest == pom.path) {
            if d.requirement.is_none() {
                d.requirement = chain
                    .iter()
                    .find_map(|p| p.managed.iter().find(|(c, _)| *c == d.name))
                    .map(|(_, v)| v.clone());
            }
            if let Some(r) = &d.requirement
                && r.contains("${")
            {
                d.requirement = Some(substitute(r, &props));
            }
        }
    }
}
