mod common;

use common::*;
use plumb_facts::Ecosystem;
use plumb_manifest::read_manifests;

#[test]
fn go_mod_and_go_sum() {
    let (m, errors) = read_manifests(&load("go"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "go.mod"),
        vec![
            row(
                "github.com/google/uuid",
                Some("v1.6.0"),
                "normal",
                Some("v1.6.0"),
                None
            ),
            row(
                "github.com/inconshreveable/mousetrap",
                Some("v1.1.0"),
                "indirect",
                Some("v1.1.0"),
                None
            ),
            row(
                "github.com/spf13/cobra",
                Some("v1.8.1"),
                "normal",
                Some("v1.8.1"),
                None
            ),
            row(
                "github.com/spf13/pflag",
                Some("v1.0.5"),
                "indirect",
                Some("v1.0.5"),
                None
            ),
            row(
                "golang.org/x/sync",
                Some("v0.7.0"),
                "normal",
                Some("v0.7.0"),
                None
            ),
        ]
    );
    assert_eq!(
        m.own_packages,
        vec![(
            Ecosystem::Go,
            "github.com/acme/widget".into(),
            "go.mod".into()
        )]
    );
    // Only modules whose content go.sum hashes; `/go.mod`-only lines are graph pruning.
    assert_eq!(
        m.locked,
        vec![(
            Ecosystem::Go,
            "gopkg.in/check.v1".to_string(),
            "v0.0.0-20161208181325-20d25e280405".to_string()
        )]
    );
    assert_eq!(m.files, ["go.mod", "go.sum"]);
}

#[test]
fn pom_dependencies_scopes_properties_and_management() {
    let (m, errors) = read_manifests(&load("maven"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "pom.xml"),
        vec![
            row(
                "com.acme:billing-api",
                Some("2.1.0-SNAPSHOT"),
                "normal",
                None,
                None
            ),
            row(
                "com.google.guava:guava",
                Some("33.2.1-jre"),
                "normal",
                None,
                None
            ),
            row(
                "jakarta.servlet:jakarta.servlet-api",
                Some("6.0.0"),
                "peer",
                None,
                None
            ),
            row(
                "org.apache.commons:commons-lang3",
                Some("3.14.0"),
                "normal",
                None,
                None
            ),
            row(
                "org.junit.jupiter:junit-jupiter",
                Some("5.10.2"),
                "dev",
                None,
                None
            ),
            row(
                "org.postgresql:postgresql",
                Some("42.7.3"),
                "normal",
                None,
                None
            ),
            row("org.projectlombok:lombok", None, "optional", None, None),
            row(
                "org.springframework.boot:spring-boot-starter-web",
                None,
                "normal",
                None,
                None
            ),
        ]
    );
    assert_eq!(
        m.own_packages,
        vec![(
            Ecosystem::Maven,
            "com.acme:billing-service".into(),
            "pom.xml".into()
        )]
    );
}

#[test]
fn maven_modules_inherit_from_their_parent() {
    let (m, errors) = read_manifests(&load("maven-multi"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "core/pom.xml"),
        vec![
            row(
                "com.fasterxml.jackson.core:jackson-annotations",
                Some("2.17.1"),
                "normal",
                None,
                None
            ),
            row("org.slf4j:slf4j-api", Some("2.0.13"), "normal", None, None),
        ]
    );
    // The child's own property wins over the parent's.
    assert_eq!(
        summary(&m, "web/pom.xml"),
        vec![
            row(
                "com.fasterxml.jackson.core:jackson-databind",
                Some("2.16.2"),
                "normal",
                None,
                None
            ),
            row("io.javalin:javalin", Some("6.1.6"), "normal", None, None),
            row(
                "org.acme.shop:shop-core",
                Some("1.4.0"),
                "normal",
                None,
                None
            ),
        ]
    );
    // dependencyManagement alone declares nothing.
    assert!(summary(&m, "pom.xml").is_empty());
    let own: Vec<(&str, &str)> = m
        .own_packages
        .iter()
        .map(|(_, n, p)| (n.as_str(), p.as_str()))
        .collect();
    assert_eq!(
        own,
        [
            ("org.acme.shop:shop-core", "core/pom.xml"),
            ("org.acme.shop:shop-parent", "pom.xml"),
            ("org.acme.shop:shop-web", "web/pom.xml"),
        ]
    );
}

#[test]
fn gradle_kotlin_dsl() {
    let (m, errors) = read_manifests(&load("gradle-kts"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "build.gradle.kts"),
        vec![
            row(
                "com.fasterxml.jackson.core:jackson-databind",
                Some("2.17.1"),
                "normal",
                None,
                None
            ),
            row(
                "com.squareup.okhttp3:okhttp",
                Some("4.12.0"),
                "normal",
                None,
                None
            ),
            row(
                "io.ktor:ktor-server-core",
                Some("2.3.11"),
                "normal",
                None,
                None
            ),
            row(
                "io.ktor:ktor-server-netty",
                Some("2.3.11"),
                "normal",
                None,
                None
            ),
            row(
                "org.jetbrains.kotlin:kotlin-stdlib",
                None,
                "normal",
                None,
                None
            ),
            row(
                "org.junit.jupiter:junit-jupiter",
                Some("5.10.2"),
                "dev",
                None,
                None
            ),
            row(
                "org.junit.platform:junit-platform-launcher",
                None,
                "dev",
                None,
                None
            ),
            row(
                "org.postgresql:postgresql",
                Some("42.7.3"),
                "normal",
                None,
                None
            ),
            row(
                "org.projectlombok:lombok",
                Some("1.18.32"),
                "build",
                None,
                None
            ),
            row(
                "org.projectlombok:lombok",
                Some("1.18.32"),
                "peer",
                None,
                None
            ),
            row(
                "software.amazon.awssdk:bom",
                Some("2.25.60"),
                "normal",
                None,
                None
            ),
            row("software.amazon.awssdk:s3", None, "normal", None, None),
        ]
    );
}

#[test]
fn gradle_version_catalog_accessors_and_bundles() {
    let (m, errors) = read_manifests(&load("gradle-kts"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "app/build.gradle.kts"),
        vec![
            row("androidx.compose.ui:ui", None, "normal", None, None),
            row(
                "androidx.compose:compose-bom",
                Some("2024.06.00"),
                "normal",
                None,
                None
            ),
            row(
                "com.fasterxml.jackson.core:jackson-databind",
                Some("2.17.1"),
                "normal",
                None,
                None
            ),
            row(
                "com.fasterxml.jackson.module:jackson-module-kotlin",
                Some("2.17.1"),
                "normal",
                None,
                None
            ),
            row(
                "org.jetbrains.kotlinx:kotlinx-coroutines-core",
                Some("1.8.1"),
                "normal",
                None,
                None
            ),
            row(
                "org.jetbrains.kotlinx:kotlinx-coroutines-test",
                Some("1.8.1"),
                "dev",
                None,
                None
            ),
        ]
    );
    // The catalog itself declares what the build may use.
    let catalog: Vec<(String, Option<String>)> = summary(&m, "gradle/libs.versions.toml")
        .into_iter()
        .inspect(|r| assert_eq!(r.2, "workspace"))
        .map(|r| (r.0, r.1))
        .collect();
    assert_eq!(catalog.len(), 7);
    assert!(catalog.contains(&(
        "com.squareup.okhttp3:okhttp".to_string(),
        Some("4.12.0".to_string())
    )));
}

#[test]
fn gradle_groovy_dsl() {
    let (m, errors) = read_manifests(&load_under("gradle-groovy", "app/"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "app/build.gradle"),
        vec![
            row(
                "androidx.test.espresso:espresso-core",
                Some("3.5.1"),
                "dev",
                None,
                None
            ),
            row(
                "com.google.dagger:dagger-compiler",
                Some("2.51.1"),
                "build",
                None,
                None
            ),
            row(
                "com.google.guava:guava",
                Some("33.2.1-jre"),
                "normal",
                None,
                None
            ),
            row(
                "com.squareup.leakcanary:leakcanary-android",
                Some("2.14"),
                "normal",
                None,
                None
            ),
            row("junit:junit", Some("4.13.2"), "dev", None, None),
            row(
                "org.apache.commons:commons-text",
                Some("1.12.0"),
                "normal",
                None,
                None
            ),
            row(
                "org.jetbrains.kotlin:kotlin-gradle-plugin",
                Some("1.9.24"),
                "build",
                None,
                None
            ),
            row(
                "org.mockito:mockito-core",
                Some("5.12.0"),
                "dev",
                None,
                None
            ),
        ]
    );
}
