//! The content examples of the README and of docs/content.md (the content
//! reference) are a site: each block marked
//! `<!-- checked: content/… -->` is written to that path, and `check` must
//! pass them without an error — so the config example declares every
//! competency the assessment example scores, and a renamed key in the
//! types breaks this test, not the head's first try.

mod common;

use std::fs;
use std::path::Path;

/// (path, text) of every marked example in `markdown`.
fn examples(markdown: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = markdown;
    while let Some(at) = rest.find("<!-- checked: ") {
        let after = &rest[at + "<!-- checked: ".len()..];
        let (path, after) = after.split_once(" -->\n").expect("a closed marker");
        let body = after.split_once('\n').expect("a fence line").1;
        let (text, after) = body.split_once("```\n").expect("a closed fence");
        found.push((path.to_string(), text.to_string()));
        rest = after;
    }
    found
}

#[test]
fn every_readme_example_passes_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = ["README.md", "docs/content.md"]
        .map(|f| fs::read_to_string(root.join(f)).unwrap())
        .join("\n");
    let files = examples(&readme);
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    // One example of every kind the content section documents.
    for kind in [
        "config.yaml",
        "team.yaml",
        "targets/",
        "weeks/",
        "standups/",
        "idp/",
        "assessments/",
        "months/",
        "one-on-ones/",
        "checklist.yaml",
    ] {
        assert!(
            paths.iter().any(|p| p.contains(kind)),
            "no checked example of {kind}: {paths:?}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in &files {
        let full = dir.path().join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    }
    let out = common::salespulse(dir.path(), &["check", "--as-of", "2026-11-27"]);
    let text = common::stderr(&out);
    assert!(out.status.success(), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("error")), "{text}");
}

#[test]
fn a_marker_takes_the_block_after_it() {
    let md = "text\n<!-- checked: content/a.yaml -->\n```yaml\na: 1\n```\nmore\n";
    assert_eq!(
        examples(md),
        [("content/a.yaml".to_string(), "a: 1\n".to_string())]
    );
}
