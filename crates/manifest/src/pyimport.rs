//! Python distribution names versus import names: a table of well-known
//! distributions whose top-level module differs from their PyPI name, and a
//! reader of installed metadata (`*.dist-info/top_level.txt`, else
//! `RECORD`; `*.egg-info/top_level.txt`) which is the real source of truth.
//! This is the only module that touches the file system.

use std::collections::BTreeSet;
use std::path::Path;

use crate::python::normalize_python_name;

/// (normalised distribution, import names), for distributions whose import
/// name is not simply the distribution name with `-` turned into `_`.
const KNOWN: &[(&str, &[&str])] = &[
    ("pyyaml", &["yaml"]),
    ("beautifulsoup4", &["bs4"]),
    ("pillow", &["PIL"]),
    ("scikit-learn", &["sklearn"]),
    ("scikit-image", &["skimage"]),
    ("python-dateutil", &["dateutil"]),
    ("opencv-python", &["cv2"]),
    ("opencv-python-headless", &["cv2"]),
    ("opencv-contrib-python", &["cv2"]),
    ("opencv-contrib-python-headless", &["cv2"]),
    ("protobuf", &["google.protobuf"]),
    (
        "googleapis-common-protos",
        &["google.api", "google.rpc", "google.type"],
    ),
    ("google-cloud-storage", &["google.cloud.storage"]),
    ("google-cloud-bigquery", &["google.cloud.bigquery"]),
    ("google-api-python-client", &["googleapiclient"]),
    ("google-auth", &["google.auth", "google.oauth2"]),
    ("grpcio", &["grpc"]),
    ("grpcio-tools", &["grpc_tools"]),
    ("python-dotenv", &["dotenv"]),
    ("python-multipart", &["multipart", "python_multipart"]),
    ("python-jose", &["jose"]),
    ("python-magic", &["magic"]),
    ("python-slugify", &["slugify"]),
    ("python-json-logger", &["pythonjsonlogger"]),
    ("pyjwt", &["jwt"]),
    ("mysqlclient", &["MySQLdb"]),
    ("mysql-connector-python", &["mysql"]),
    ("psycopg2-binary", &["psycopg2"]),
    ("pyserial", &["serial"]),
    ("pyusb", &["usb"]),
    ("pycryptodome", &["Crypto"]),
    ("pycryptodomex", &["Cryptodome"]),
    ("pyopenssl", &["OpenSSL"]),
    ("attrs", &["attr", "attrs"]),
    ("msgpack-python", &["msgpack"]),
    ("pywin32", &["win32api", "win32con", "pywintypes"]),
    ("pygobject", &["gi"]),
    ("dnspython", &["dns"]),
    (
        "setuptools",
        &["setuptools", "pkg_resources", "_distutils_hack"],
    ),
    ("pyzmq", &["zmq"]),
    ("ruamel-yaml", &["ruamel.yaml"]),
    ("tensorflow-gpu", &["tensorflow"]),
    ("tensorflow-cpu", &["tensorflow"]),
    ("faiss-cpu", &["faiss"]),
    ("faiss-gpu", &["faiss"]),
    ("pymupdf", &["fitz", "pymupdf"]),
    ("python-docx", &["docx"]),
    ("python-pptx", &["pptx"]),
    ("pdfminer-six", &["pdfminer"]),
    ("websocket-client", &["websocket"]),
    ("discord-py", &["discord"]),
    ("scikit-build", &["skbuild"]),
    ("py-cpuinfo", &["cpuinfo"]),
    ("pyinstaller", &["PyInstaller"]),
    ("ipython", &["IPython"]),
    ("gitpython", &["git"]),
    ("pygithub", &["github"]),
    ("apache-airflow", &["airflow"]),
    ("django-rest-framework", &["rest_framework"]),
    ("djangorestframework", &["rest_framework"]),
    ("django-cors-headers", &["corsheaders"]),
    ("django-filter", &["django_filters"]),
    ("pyqt5", &["PyQt5"]),
    ("pyqt6", &["PyQt6"]),
    ("pyside6", &["PySide6"]),
    ("absl-py", &["absl"]),
    ("docker-py", &["docker"]),
    ("python-levenshtein", &["Levenshtein"]),
    ("levenshtein", &["Levenshtein"]),
    ("pypdf2", &["PyPDF2"]),
    ("argon2-cffi", &["argon2"]),
    ("zope-interface", &["zope.interface"]),
    ("backports-zoneinfo", &["backports.zoneinfo"]),
    ("jack-client", &["jack"]),
    ("pysocks", &["socks", "sockshandler"]),
    ("fonttools", &["fontTools"]),
];

/// Import names a PyPI distribution usually provides, when they differ
/// from the distribution name; otherwise the distribution name with `-`
/// turned into `_` (the common convention). Dotted names are namespace
/// package paths (`google.protobuf`).
pub fn python_import_names(dist: &str) -> Vec<String> {
    let norm = normalize_python_name(dist);
    if let Some((_, names)) = KNOWN.iter().find(|(d, _)| *d == norm) {
        return names.iter().map(|s| s.to_string()).collect();
    }
    vec![norm.replace('-', "_")]
}

/// Top-level modules of every distribution installed in `site_packages`:
/// (normalised distribution name, sorted module names). Reads
/// `top_level.txt` where present, otherwise derives names from `RECORD`.
/// Unreadable entries are skipped; the result is sorted by distribution.
pub fn installed_python_top_levels(site_packages: &Path) -> Vec<(String, Vec<String>)> {
    let Ok(entries) = std::fs::read_dir(site_packages) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(name) = file_name.to_str() else {
            continue;
        };
        let Some(stem) = name
            .strip_suffix(".dist-info")
            .or_else(|| name.strip_suffix(".egg-info"))
        else {
            continue;
        };
        let dist = normalize_python_name(stem.split('-').next().unwrap_or(stem));
        let dir = entry.path();
        let mut tops: BTreeSet<String> = BTreeSet::new();
        if let Ok(t) = std::fs::read_to_string(dir.join("top_level.txt")) {
            tops.extend(
                t.lines()
                    .map(|l| l.trim().replace('/', "."))
                    .filter(|l| !l.is_empty()),
            );
        } else if let Ok(record) = std::fs::read_to_string(dir.join("RECORD")) {
            tops.extend(record_top_levels(&record));
        }
        if !tops.is_empty() {
            out.push((dist, tops.into_iter().collect()));
        }
    }
    out.sort();
    out.dedup_by(|a, b| {
        if a.0 == b.0 {
            b.1.append(&mut a.1);
            b.1.sort();
            b.1.dedup();
            true
        } else {
            false
        }
    });
    out
}

/// Top-level importable names from a wheel `RECORD` (CSV: path,hash,size).
fn record_top_levels(record: &str) -> BTreeSet<String> {
    let mut tops = BTreeSet::new();
    for line in record.lines() {
        let path = line.split(',').next().unwrap_or("").trim_matches('"');
        if path.is_empty() || path.starts_with("..") || path.starts_with('/') {
            continue; // scripts and data installed outside site-packages
        }
        let mut comps = path.split('/');
        let first = comps.next().unwrap_or("");
        let nested = comps.next().is_some();
        if first.ends_with(".dist-info") || first.ends_with(".data") || first == "__pycache__" {
            continue;
        }
        let module = if nested {
            // A package directory counts when it holds Python code.
            let code = path.ends_with(".py") || path.ends_with(".so") || path.ends_with(".pyd");
            if !code {
                continue;
            }
            first.to_string()
        } else if let Some(m) = first.strip_suffix(".py") {
            m.to_string()
        } else if first.ends_with(".so") || first.ends_with(".pyd") {
            first.split('.').next().unwrap_or("").to_string()
        } else {
            continue; // .pth files and the like
        };
        if !module.is_empty() && module.chars().all(|c| c.is_alphanumeric() || c == '_') {
            tops.insert(module);
        }
    }
    tops
}
