//! Which declared Maven/Gradle dependency may provide a Java package.
//!
//! The group id usually prefixes the package (`org.slf4j:slf4j-api` ->
//! `org.slf4j`); where it does not, a short table of well-known artifacts
//! says which packages they (and what they always bring along) hold. A
//! package is "declared" when any declared dependency or project module
//! plausibly provides it; when no build file could be read, nothing is.

use plumb_facts::{Ecosystem, Manifest};

/// Packages of artifacts whose group does not prefix them, and of what
/// they bring transitively; keyed by artifact id (or `group:` prefix).
const KNOWN: &[(&str, &[&str])] = &[
    // Guava with the annotation artifacts it always brings.
    (
        "guava",
        &[
            "com.google.common",
            "com.google.thirdparty",
            "org.jspecify",
            "com.google.errorprone.annotations",
            "com.google.j2objc.annotations",
            "org.checkerframework",
        ],
    ),
    ("truth", &["com.google.common"]),
    ("jsr305", &["javax.annotation"]),
    ("junit", &["junit", "org.junit", "org.hamcrest"]),
    (
        "junit-jupiter",
        &["org.junit", "org.opentest4j", "org.apiguardian"],
    ),
    (
        "junit-jupiter-api",
        &["org.junit", "org.opentest4j", "org.apiguardian"],
    ),
    ("lombok", &["lombok"]),
    ("commons-io", &["org.apache.commons.io"]),
    ("commons-lang", &["org.apache.commons.lang"]),
    ("commons-logging", &["org.apache.commons.logging"]),
    ("log4j", &["org.apache.log4j"]),
    (
        "mockito-core",
        &["org.mockito", "net.bytebuddy", "org.objenesis"],
    ),
    ("javax.inject", &["javax.inject"]),
    ("error_prone_annotations", &["com.google.errorprone"]),
    ("auto-value", &["com.google.auto"]),
    ("protobuf-java", &["com.google.protobuf"]),
    ("jackson-databind", &["com.fasterxml.jackson"]),
    (
        "android",
        &[
            "android",
            "dalvik",
            "org.json",
            "org.xmlpull",
            "org.apache.http",
        ],
    ),
];

/// What a Spring Boot starter (or Spring itself) brings along.
const STARTER_FAMILIES: &[&str] = &[
    "org.springframework",
    "jakarta",
    "org.hibernate",
    "com.fasterxml.jackson",
    "org.slf4j",
    "ch.qos.logback",
    "org.apache.tomcat",
    "org.apache.logging",
    // spring-jcl, which spring-core always brings.
    "org.apache.commons.logging",
    "org.apache.catalina",
    "org.yaml.snakeyaml",
    "io.micrometer",
    "org.aspectj",
    "org.junit",
    "org.mockito",
    "org.assertj",
    "org.hamcrest",
    "net.bytebuddy",
    "com.jayway.jsonpath",
    "org.skyscreamer",
    "org.xmlunit",
    "org.thymeleaf",
    "com.zaxxer",
    "org.jboss",
    "io.projectreactor",
    "reactor",
    "org.reactivestreams",
    "org.awaitility",
    "org.opentest4j",
    "org.apiguardian",
    "org.objenesis",
    "org.attoparser",
    "org.unbescape",
    "org.glassfish.jaxb",
    "org.antlr",
];

/// The Java EE and Jakarta EE specification API packages (javax.* and
/// jakarta.* outside the JDK), as the specifications name them.
const EE_APIS: &[&str] = &[
    "activation",
    "annotation",
    "batch",
    "cache",
    "decorator",
    "ejb",
    "el",
    "enterprise",
    "faces",
    "inject",
    "interceptor",
    "jms",
    "json",
    "jws",
    "mail",
    "persistence",
    "resource",
    "security",
    "servlet",
    "transaction",
    "validation",
    "websocket",
    "ws",
    "xml.bind",
    "xml.soap",
    "xml.ws",
];

/// Whether `pkg` is in a Java EE / Jakarta EE specification API package.
pub(super) fn is_ee_api(pkg: &str) -> bool {
    let Some(rest) = pkg
        .strip_prefix("javax.")
        .or_else(|| pkg.strip_prefix("jakarta."))
    else {
        return false;
    };
    EE_APIS.iter().any(|api| under(rest, api))
}

fn under(pkg: &str, prefix: &str) -> bool {
    pkg == prefix || pkg.strip_prefix(prefix).is_some_and(|r| r.starts_with('.'))
}

fn first_two(s: &str) -> String {
    s.split('.').take(2).collect::<Vec<_>>().join(".")
}

/// The Maven coordinates (`group:artifact`) of declared dependencies and of
/// the project's own modules.
pub(super) fn coordinates(m: &Manifest) -> Vec<String> {
    let mut out: Vec<String> = m
        .dependencies
        .iter()
        .filter(|d| d.ecosystem == Ecosystem::Maven)
        .map(|d| d.name.clone())
        .collect();
    out.extend(
        m.own_packages
            .iter()
            .filter(|(e, _, _)| *e == Ecosystem::Maven)
            .map(|(_, n, _)| n.clone()),
    );
    out
}

/// Whether a Java build file (pom.xml, build.gradle[.kts]) was read.
pub(super) fn has_build_file(m: &Manifest) -> bool {
    m.files.iter().any(|f| {
        let name = f.rsplit('/').next().unwrap_or(f);
        matches!(name, "pom.xml" | "build.gradle" | "build.gradle.kts")
    })
}

/// The coordinate that plausibly provides `pkg`, if any.
pub(super) fn provider<'c>(coords: &'c [String], pkg: &str) -> Option<&'c str> {
    let starter = coords
        .iter()
        .any(|c| c.contains("spring-boot") || c.starts_with("org.springframework"));
    for c in coords {
        let (group, artifact) = c.split_once(':').unwrap_or((c.as_str(), ""));
        if !group.is_empty()
            && (under(pkg, group) || (group.contains('.') && first_two(group) == first_two(pkg)))
        {
            return Some(c);
        }
        for (key, pkgs) in KNOWN {
            if (artifact == *key || (artifact.is_empty() && group == *key))
                && pkgs.iter().any(|p| under(pkg, p))
            {
                return Some(c);
            }
        }
        // An artifact id word that is a package segment (`snakeyaml` in `org.yaml.snakeyaml`).
        let segs: Vec<&str> = pkg.split('.').collect();
        if artifact
            .split(['-', '_', '.'])
            .filter(|w| {
                w.len() >= 5
                    && !matches!(
                        *w,
                        "annotations" | "commons" | "common" | "parent" | "starter"
                    )
            })
            .any(|w| segs.contains(&w))
        {
            return Some(c);
        }
    }
    if starter && STARTER_FAMILIES.iter().any(|f| under(pkg, f)) {
        return coords
            .iter()
            .find(|c| c.contains("spring-boot") || c.starts_with("org.springframework"))
            .map(|s| s.as_str());
    }
    None
}

/// The directory of `~/.m2/repository` a package's group would use, when it
/// exists (the artifact was downloaded for some build on this machine).
pub(super) fn m2_dir(pkg: &str) -> Option<std::path::PathBuf> {
    let home = std::env::var_os("HOME")?;
    let repo = std::path::Path::new(&home).join(".m2").join("repository");
    let segs: Vec<&str> = pkg.split('.').collect();
    (2..=segs.len().min(3)).rev().find_map(|n| {
        let d = repo.join(segs[..n].join("/"));
        d.is_dir().then_some(d)
    })
}
