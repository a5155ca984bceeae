//! Helpers for the integration tests: fixture sites copied to temp dirs,
//! and the real binary run on them.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `--as-of` of the fixtures' builds.
pub const AS_OF: &str = "2026-11-27";

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

/// A scratch copy of a fixture in a `site/` folder of a temp dir, so the
/// build's siblings of `output/` can be inspected: `(guard, site folder)`.
pub fn site(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
        &site,
    );
    (dir, site)
}

/// Runs `salespulse --root ROOT ARGS…` without colour or clock.
pub fn salespulse(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_salespulse"))
        .arg("--root")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// `build --as-of AS_OF [--out OUT]`, whatever its outcome.
pub fn try_build(root: &Path, out: Option<&Path>) -> Output {
    let mut args = vec!["build", "--as-of", AS_OF];
    let out_text;
    if let Some(out) = out {
        out_text = out.to_string_lossy().into_owned();
        args.extend(["--out", out_text.as_str()]);
    }
    salespulse(root, &args)
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// [`tree`] as a map by path.
pub fn tree_map(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    tree(dir).into_iter().collect()
}

/// Names in `dir` that look like a build's leftovers (`.output.new-*`, `.output.old-*`).
pub fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".new-") || n.contains(".old-"))
        .collect()
}
