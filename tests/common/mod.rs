//! Helpers for the integration tests: fixture sites copied to temp dirs,
//! and the real binary run on them.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh copy of `tests/fixtures/<name>` in a temp dir (kept alive by the guard).
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    copy_tree(&from, dir.path());
    dir
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs `salespulse` with `args`, without colour.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_salespulse"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run salespulse")
}

/// Builds the site at `root` into `root/output` as of `as_of`; panics with stderr on failure.
pub fn build(root: &Path, as_of: &str) -> PathBuf {
    let out = run(&["--root", root.to_str().unwrap(), "build", "--as-of", as_of]);
    assert!(
        out.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    root.join("output")
}

/// Every file under `dir` as (relative path, bytes), sorted.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Every `href`/`src` of every page that points inside the site resolves to a file
/// (and every `#anchor` to an id in it).
pub fn broken_links(out: &Path) -> Vec<String> {
    let mut broken = Vec::new();
    for (path, bytes) in tree(out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let dir = Path::new(&path).parent().unwrap().to_path_buf();
        for attr in ["href=\"", "src=\""] {
            for piece in html.split(attr).skip(1) {
                let link = piece.split('"').next().unwrap().replace("&amp;", "&");
                if link.starts_with("http")
                    || link.starts_with("mailto:")
                    || link.starts_with("data:")
                {
                    continue;
                }
                let (file, anchor) = link.split_once('#').unwrap_or((&link, ""));
                let target = if file.is_empty() {
                    out.join(&path)
                } else {
                    out.join(&dir).join(file)
                };
                let Ok(target) = target.canonicalize() else {
                    broken.push(format!("{path}: {link}"));
                    continue;
                };
                if !target.starts_with(out.canonicalize().unwrap()) || !target.is_file() {
                    broken.push(format!("{path}: {link}"));
                } else if !anchor.is_empty()
                    && !fs::read_to_string(&target)
                        .unwrap()
                        .contains(&format!("id=\"{anchor}\""))
                {
                    broken.push(format!("{path}: {link} (no #{anchor})"));
                }
            }
        }
    }
    broken
}
