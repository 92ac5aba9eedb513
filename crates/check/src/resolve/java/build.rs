//! What a project's Java build files say about its sources: the Java
//! release they target, whether Kotlin/Groovy/Scala compile beside, and
//! which modules run a source generator (and, for protoc, into which
//! packages). Read once per run through the project index.

use super::super::FileCtx;
use super::project::index;

/// What the build files say.
#[derive(Debug, Default)]
pub(super) struct BuildFacts {
    pub generated: bool,
    pub proto_packages: Vec<String>,
    pub generated_dirs: Vec<String>,
    /// Package segments (`jmh_generated`) only generated classes live under.
    pub generated_segments: Vec<String>,
    pub other_jvm: bool,
    pub release: Option<u32>,
    /// An Android build: the SDK (`android.*`, …) is provided, `R` and
    /// `BuildConfig` are generated.
    pub android: bool,
}

/// The JDK release the generated class list comes from.
const LISTED_RELEASE: u32 = 17;

/// Whether the build targets a JDK newer than the generated list: then a
/// JDK class or member missing from the list proves nothing.
pub(super) fn jdk_newer(ctx: &FileCtx) -> bool {
    index(ctx).release.is_some_and(|r| r > LISTED_RELEASE)
}

/// The Java package a `.proto` file generates into (`option java_package`,
/// else its `package`).
pub(super) fn proto_package(text: &str) -> Option<String> {
    let value = |key: &str| {
        text.lines().find_map(|l| {
            let l = l.trim();
            let rest = l.strip_prefix(key)?;
            let v: String = rest
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '.' || *c == '_')
                .collect();
            (!v.is_empty()).then_some(v)
        })
    };
    value("option java_package").or_else(|| value("package "))
}

/// The Java packages of the `.proto` files under `dir`; `None` when there
/// are none, too many entries to look through, or one names no package.
fn proto_packages_under(ctx: &FileCtx, dir: &str) -> Option<Vec<String>> {
    let mut stack = vec![ctx.project.root.join(dir)];
    let mut out = Vec::new();
    let mut seen = 0usize;
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).ok()?.flatten() {
            seen += 1;
            if seen > 20_000 {
                return None;
            }
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            if path.is_dir() {
                if !name.starts_with('.')
                    && !matches!(name.as_str(), "target" | "build" | "node_modules")
                {
                    stack.push(path);
                }
            } else if name.ends_with(".proto") {
                let text = std::fs::read_to_string(&path).ok()?;
                out.push(proto_package(&text)?);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Build-file words of an Android build (plugin ids, Maven packaging).
const ANDROID_MARKERS: &[&str] = &[
    "com.android.application",
    "com.android.library",
    "com.android.dynamic-feature",
    "com.android.test",
    "android-maven-plugin",
    "<packaging>apk</packaging>",
    "<packaging>aar</packaging>",
];

/// Build-file words that mean a source generator runs.
const GENERATOR_MARKERS: &[&str] = &[
    "protobuf-maven-plugin",
    "protoc",
    "com.google.protobuf",
    "antlr",
    "build-helper-maven-plugin",
    "generate-sources",
    "openapi-generator",
    "swagger-codegen",
    "avro-maven-plugin",
    "jaxb",
    "xjc",
    "jooq-codegen",
    "querydsl-apt",
    "dagger-compiler",
    "auto-value",
    "mapstruct-processor",
    "value-processor",
    "wire-gradle-plugin",
    "javacc",
    "org.immutables",
    "jpamodelgen",
    "micronaut-inject-java",
    "record-builder-processor",
];

/// Generators whose classes all live in a package of their own that
/// hand-written code does not name: JMH's annotation processor writes its
/// harness into `<benchmark package>.jmh_generated`. The build marker, and
/// that package's last segment.
const SEGMENT_GENERATORS: &[(&str, &str)] = &[("jmh-generator-annprocess", "jmh_generated")];

/// The Java release a build file's text names, if any (the highest).
fn release_of(text: &str) -> Option<u32> {
    const KEYS: &[&str] = &[
        "<maven.compiler.release>",
        "<maven.compiler.source>",
        "<maven.compiler.target>",
        "<java.version>",
        "<release>",
        "<source>",
        "JavaLanguageVersion.of(",
        "JavaVersion.VERSION_",
        "sourceCompatibility",
        "targetCompatibility",
        "release.set(",
        "options.release =",
    ];
    let mut best: Option<u32> = None;
    for k in KEYS {
        for (i, _) in text.match_indices(k) {
            let rest = &text[i + k.len()..];
            let rest = rest.trim_start_matches([' ', '=', '\'', '"', '(']);
            let rest = rest
                .strip_prefix("1.")
                .or(rest.strip_prefix("1_"))
                .unwrap_or(rest);
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if let Ok(n) = digits.parse::<u32>()
                && (5..=40).contains(&n)
            {
                best = Some(best.map_or(n, |b| b.max(n)));
            }
        }
    }
    best
}

/// Whether `marker` occurs in `text` as a name of its own: not the start of
/// a longer lowercase word (`protoc` is not in `commons.deployment.protocol`,
/// but is in `protocArtifact` and `protoc-jar`).
fn names_marker(text: &str, marker: &str) -> bool {
    text.match_indices(marker).any(|(i, _)| {
        !text[i + marker.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase())
    })
}

const BUILD_HELPER: &str = "build-helper-maven-plugin";

/// The `<source>` entries of each build-helper-maven-plugin block of a pom
/// (its `add-source` and `add-test-source` goals), as written; `None` when a
/// block does not end (`</plugin>`).
fn build_helper_sources(text: &str) -> Option<Vec<&str>> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices(BUILD_HELPER) {
        let block = &text[i..];
        let block = &block[..block.find("</plugin>")?];
        for part in block.split("<source>").skip(1) {
            out.push(part.split_once("</source>")?.0.trim());
        }
    }
    Some(out)
}

/// Whether build-helper-maven-plugin only adds source directories the
/// repository holds Java files in (`${project.basedir}/src/test/java11`):
/// then it generates nothing. A directory under the build output, or one
/// named through another property, may be filled by a generator.
fn adds_only_tracked_sources(ctx: &FileCtx, text: &str, dir: &str) -> bool {
    let Some(sources) = build_helper_sources(text) else {
        return false;
    };
    sources.iter().all(|s| {
        let rel = s
            .strip_prefix("${project.basedir}/")
            .or_else(|| s.strip_prefix("${basedir}/"))
            .unwrap_or(s)
            .trim_end_matches('/');
        if rel.is_empty() || rel.contains(['$', '\\']) || rel.starts_with('/') || rel.contains("..")
        {
            return false;
        }
        let prefix = if dir.is_empty() {
            format!("{rel}/")
        } else {
            format!("{dir}/{rel}/")
        };
        ctx.project
            .all_files()
            .iter()
            .any(|p| p.starts_with(&prefix) && p.ends_with(".java"))
    })
}

pub(super) const GENERATOR_INPUTS: &[&str] = &[".g4", ".jj", ".avsc", ".thrift", ".wsdl", ".xsd"];

/// Read every pom.xml / build.gradle(.kts) of the manifest.
pub(super) fn read(ctx: &FileCtx) -> BuildFacts {
    let mut idx = BuildFacts::default();
    for f in &ctx.project.manifest().files {
        let name = f.rsplit('/').next().unwrap_or(f);
        if !matches!(name, "pom.xml" | "build.gradle" | "build.gradle.kts") {
            continue;
        }
        let text = match ctx.project.changed_manifests.iter().find(|(p, _)| p == f) {
            Some((_, t)) => t.clone(),
            None => std::fs::read_to_string(ctx.project.root.join(f)).unwrap_or_default(),
        };
        if ["kotlin", "groovy", "scala"]
            .iter()
            .any(|m| text.contains(m))
        {
            idx.other_jvm = true;
        }
        for (marker, segment) in SEGMENT_GENERATORS {
            if names_marker(&text, marker) && !idx.generated_segments.iter().any(|s| s == segment) {
                idx.generated_segments.push(segment.to_string());
            }
        }
        let android = ANDROID_MARKERS.iter().any(|m| text.contains(m));
        idx.android |= android;
        if let Some(r) = release_of(&text) {
            idx.release = Some(idx.release.map_or(r, |x| x.max(r)));
        }
        let dir = f
            .rsplit_once('/')
            .map(|(d, _)| d.to_string())
            .unwrap_or_default();
        let markers: Vec<&str> = GENERATOR_MARKERS
            .iter()
            .copied()
            .filter(|m| names_marker(&text, m))
            .filter(|m| *m != BUILD_HELPER || !adds_only_tracked_sources(ctx, &text, &dir))
            .collect();
        if android {
            // `R`, `BuildConfig`, view bindings.
            idx.generated_dirs.push(dir);
            continue;
        }
        if markers.is_empty() {
            continue;
        }
        // protoc alone: the `.proto` files say which packages it fills.
        let protobuf_only = markers.iter().all(|m| m.contains("proto"));
        match protobuf_only
            .then(|| proto_packages_under(ctx, &dir))
            .flatten()
        {
            Some(pkgs) => idx.proto_packages.extend(pkgs),
            None => idx.generated_dirs.push(dir),
        }
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_markers_are_whole_names() {
        assert!(!names_marker(
            "<url>${commons.deployment.protocol}://people.apache.org</url>",
            "protoc"
        ));
        assert!(names_marker(
            "<protocArtifact>com.google.protobuf:protoc:3.25.1</protocArtifact>",
            "protoc"
        ));
        assert!(names_marker(
            "protobuf {\n  protoc { artifact = 'x' }\n}",
            "protoc"
        ));
        assert!(names_marker(
            "<artifactId>antlr4-maven-plugin</artifactId>",
            "antlr"
        ));
    }

    #[test]
    fn build_helper_source_entries() {
        let pom = "<plugin><artifactId>build-helper-maven-plugin</artifactId><executions><execution><goals><goal>add-test-source</goal></goals>\n<configuration><sources>\n  <source>${project.basedir}/src/test/java11</source>\n</sources></configuration></execution></executions></plugin>\n<plugin><artifactId>maven-compiler-plugin</artifactId><configuration><source>8</source></configuration></plugin>";
        assert_eq!(
            build_helper_sources(pom),
            Some(vec!["${project.basedir}/src/test/java11"])
        );
        assert_eq!(
            build_helper_sources(
                "<artifactId>build-helper-maven-plugin</artifactId><source>x</source>"
            ),
            None
        );
    }

    #[test]
    fn releases() {
        assert_eq!(
            release_of("<maven.compiler.release>8</maven.compiler.release>\n<release>11</release>"),
            Some(11)
        );
        assert_eq!(
            release_of("java {\n  toolchain { languageVersion = JavaLanguageVersion.of(21) }\n}"),
            Some(21)
        );
        assert_eq!(release_of("sourceCompatibility = '1.8'"), Some(8));
        assert_eq!(release_of("<version>${java.version}</version>"), None);
        assert_eq!(
            proto_package("package a.b;\noption java_package = \"com.x.y\";"),
            Some("com.x.y".to_string())
        );
    }
}
