mod common;

use common::*;
use plumb_facts::Ecosystem;
use plumb_manifest::{normalize_python_name, read_manifests};

#[test]
fn pep503_names() {
    assert_eq!(normalize_python_name("Acme.Widgets"), "acme-widgets");
    assert_eq!(
        normalize_python_name("typing__extensions"),
        "typing-extensions"
    );
    assert_eq!(normalize_python_name("Django"), "django");
    assert_eq!(normalize_python_name("zope.interface"), "zope-interface");
}

#[test]
fn pyproject_pep621_with_uv_lock() {
    let (m, errors) = read_manifests(&load("python-uv"));
    assert!(errors.is_empty(), "{errors:?}");
    let p = "pyproject.toml";
    assert_eq!(
        summary(&m, p),
        vec![
            row("hatchling", Some(">=1.24"), "build", None, None),
            row(
                "mkdocs-material",
                Some(">=9"),
                "optional",
                Some("9.5.27"),
                None
            ),
            row("mypy", None, "dev", Some("1.10.0"), None),
            row("pytest", Some(">=8.0"), "dev", Some("8.2.2"), None),
            row("pyyaml", Some(">=6.0"), "normal", Some("6.0.1"), None),
            row(
                "requests",
                Some(">=2.31,<3"),
                "normal",
                Some("2.32.3"),
                None
            ),
            row("rich", Some("~=13.7"), "normal", Some("13.7.1"), None),
            row("ruff", Some("==0.4.8"), "dev", Some("0.4.8"), None),
            row("typing-extensions", None, "normal", Some("4.12.2"), None),
        ]
    );
    assert_eq!(
        m.own_packages,
        vec![(Ecosystem::PyPI, "acme-widgets".into(), p.into())]
    );
    let locked: Vec<&str> = m.locked.iter().map(|(_, n, _)| n.as_str()).collect();
    assert_eq!(
        locked,
        [
            "certifi",
            "charset-normalizer",
            "idna",
            "iniconfig",
            "markdown-it-py",
            "mdurl",
            "mypy-extensions",
            "packaging",
            "pluggy",
            "pygments",
            "urllib3"
        ]
    );
}

#[test]
fn poetry_project_with_poetry_lock() {
    let (m, errors) = read_manifests(&load_under("python-poetry", "services/billing/"));
    assert!(errors.is_empty(), "{errors:?}");
    let p = "services/billing/pyproject.toml";
    assert_eq!(
        summary(&m, p),
        vec![
            row("celery", Some("^5.3"), "normal", Some("5.4.0"), None),
            row("django", Some("^4.2"), "normal", Some("4.2.13"), None),
            row("pillow", Some(">=10.0"), "optional", Some("10.3.0"), None),
            row("poetry-core", None, "build", None, None),
            row("pytest-django", Some("^4.8"), "dev", Some("4.8.0"), None),
        ]
    );
    assert_eq!(
        m.own_packages,
        vec![(Ecosystem::PyPI, "legacy-service".into(), p.into())]
    );
    assert!(
        m.locked
            .iter()
            .any(|(e, n, v)| *e == Ecosystem::PyPI && n == "asgiref" && v == "3.8.1")
    );
}

#[test]
fn requirements_files_and_their_scopes() {
    let (m, errors) = read_manifests(&load("python-req"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "requirements.txt"),
        vec![
            row(
                "acme-auth",
                Some("@ git+https://github.com/acme/acme-auth.git@v1.4.0#egg=acme_auth"),
                "normal",
                None,
                None
            ),
            row("flask", Some("==3.0.3"), "normal", Some("3.0.3"), None),
            row("gunicorn", Some(">=22.0"), "normal", None, None),
            row("numpy", Some("==1.26.4"), "normal", Some("1.26.4"), None),
            row("sqlalchemy", Some(">=2.0.30,<2.1"), "normal", None, None),
        ]
    );
    assert_eq!(
        summary(&m, "requirements/base.txt"),
        vec![
            row("jinja2", Some(">=3.1"), "normal", None, None),
            row(
                "python-dateutil",
                Some("==2.9.0.post0"),
                "normal",
                Some("2.9.0.post0"),
                None
            ),
        ]
    );
    assert_eq!(
        summary(&m, "requirements/dev.txt"),
        vec![
            row("black", Some("==24.4.2"), "dev", Some("24.4.2"), None),
            row("pytest-cov", Some("==5.0.0"), "dev", Some("5.0.0"), None),
        ]
    );
}

#[test]
fn setup_cfg_and_setup_py() {
    let (m, errors) = read_manifests(&load("python-setup"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "setup.cfg"),
        vec![
            row("click", Some(">=8.0"), "normal", None, None),
            row("importlib-metadata", Some(">=4.0"), "normal", None, None),
            row("pytest", Some(">=7"), "optional", None, None),
            row("pytest-mock", None, "optional", None, None),
            row("setuptools-scm", Some(">=8"), "build", None, None),
        ]
    );
    assert_eq!(
        summary(&m, "setup.py"),
        vec![
            row("matplotlib", Some(">=3.5"), "optional", None, None),
            row("numba", None, "optional", None, None),
            row("numpy", Some(">=1.22"), "normal", None, None),
            row("pytest", None, "dev", None, None),
            row("scipy", None, "normal", None, None),
        ]
    );
    assert_eq!(
        m.own_packages,
        vec![
            (Ecosystem::PyPI, "acme-tools".into(), "setup.cfg".into()),
            (Ecosystem::PyPI, "acme-tools".into(), "setup.py".into()),
        ]
    );
}

#[test]
fn pipfile_packages() {
    let (m, errors) = read_manifests(&load("python-pipenv"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "Pipfile"),
        vec![
            row("beautifulsoup4", Some("==4.12.3"), "normal", None, None),
            row("pytest", Some("*"), "dev", None, None),
            row("requests", Some("*"), "normal", None, None),
            row("scrapy", Some(">=2.11"), "normal", None, None),
        ]
    );
}
