//! `build --encrypt` end to end, with the real binary: no content in the clear
//! in any published file, no data/ folder, pages that open with the password
//! to exactly the pages of an unencrypted build, builds that differ only in
//! salt and nonces, and no build at all without a password.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use salespulse::output::encrypt::{Password, Sealed, SiteKey};

const AS_OF: &str = "2026-11-25";
const PASSWORD: &str = "correct horse battery staple";

/// Text from the practice fixture that only its content can put in a page:
/// names, the site title, stand-up answers, the IDP, the month note, a rule
/// page, money. Each has a space or punctuation outside base64's alphabet (or
/// is long), so ciphertext cannot contain it by chance.
const CONTENT: &[&str] = &[
    "Fixture sales team",
    "Alice Archer",
    "Bob Baker",
    "Carol Chen",
    "Review my objection handling",
    "A price list for companies",
    "call back warm leads",
    "Short and on time",
    "Closing",
    "Below 80 % of plan since October",
    "Meeting to deal at least 40 %",
    "November in short",
    "Bob is behind",
    "Ask in the team chat first",
    "$120,000",
    "$45,000",
    "$17,000",
];

fn build(root: &Path, out: &str, password: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_salespulse"));
    command
        .args(["--root", root.to_str().unwrap(), "build", "--as-of", AS_OF])
        .args(["--out", root.join(out).to_str().unwrap()])
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("SALESPULSE_PASSWORD");
    if let Some(password) = password {
        command
            .arg("--encrypt")
            .env("SALESPULSE_PASSWORD", password);
    }
    command.output().expect("run salespulse")
}

fn built(root: &Path, out: &str, password: Option<&str>) -> PathBuf {
    let output = build(root, out, password);
    assert!(
        output.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    root.join(out)
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
}

/// A shell with its sealed block taken out: what is the same in every build.
fn without_sealed_block(html: &str) -> String {
    let start = html.find("id=\"sealed\">").unwrap();
    let end = start + html[start..].find("</script>").unwrap();
    format!("{}{}", &html[..start], &html[end..])
}

#[test]
fn no_published_file_has_content_in_the_clear() {
    let site = common::fixture("practice");
    let plain = common::tree(&built(site.path(), "plain", None));
    for needle in CONTENT {
        assert!(
            plain.iter().any(|(_, bytes)| contains(bytes, needle)),
            "the unencrypted build never shows `{needle}`: pick another string"
        );
    }
    let sealed_dir = built(site.path(), "sealed", Some(PASSWORD));
    assert!(!sealed_dir.join("data").exists(), "data/ was published");
    let sealed = common::tree(&sealed_dir);
    let mut leaks = Vec::new();
    for (path, bytes) in &sealed {
        assert!(
            path.ends_with(".html")
                || path == "style.css"
                || path == "unlock.js"
                || path == salespulse::output::MARKER,
            "unexpected file {path}"
        );
        for needle in CONTENT.iter().chain([&PASSWORD]) {
            if contains(bytes, needle) {
                leaks.push(format!("{path}: {needle}"));
            }
        }
    }
    assert!(leaks.is_empty(), "in the clear:\n{}", leaks.join("\n"));
    // Every page of the unencrypted build is there, sealed.
    let pages = |tree: &[(String, Vec<u8>)]| -> Vec<String> {
        tree.iter()
            .map(|(p, _)| p.clone())
            .filter(|p| p.ends_with(".html"))
            .collect()
    };
    assert_eq!(pages(&plain), pages(&sealed));
}

#[test]
fn each_page_opens_with_the_password_to_the_unencrypted_page() {
    let site = common::fixture("practice");
    let plain = common::tree(&built(site.path(), "plain", None));
    let sealed = common::tree(&built(site.path(), "sealed", Some(PASSWORD)));
    let password = Password::from_var(Some(PASSWORD.into())).unwrap();
    let (first_path, first_page) = sealed.iter().find(|(p, _)| p.ends_with(".html")).unwrap();
    let first = Sealed::from_shell(text(first_page)).unwrap();
    // One salt per build, so one derived key opens every page.
    let key = SiteKey::for_sealed(&password, &first).unwrap();
    let wrong = Password::from_var(Some("correct horse battery stable".into())).unwrap();
    assert!(
        SiteKey::for_sealed(&wrong, &first)
            .unwrap()
            .open(&first, first_path)
            .is_none()
    );
    let mut opened = 0;
    for (path, bytes) in &plain {
        if !path.ends_with(".html") {
            continue;
        }
        let (_, shell) = sealed.iter().find(|(p, _)| p == path).unwrap();
        let block = Sealed::from_shell(text(shell)).unwrap();
        assert_eq!(block.salt, first.salt, "{path} has another salt");
        let page = key
            .open(&block, path)
            .unwrap_or_else(|| panic!("{path} does not open"));
        // Nor anywhere else: bound to its path.
        assert!(key.open(&block, "index.html.bak").is_none(), "{path}");
        // The one difference: no links to the exports that were left out
        // (in the footer, the workbook beside each data table, the feed).
        let expected = text(bytes);
        let start = expected.find("<span>Data: ").unwrap();
        let end = start + expected[start..].find("</span>").unwrap() + "</span>".len();
        let expected = format!("{}{}", &expected[..start], &expected[end..]);
        let expected: String = expected
            .split_inclusive('\n')
            .filter(|line| {
                let line = line.trim_start();
                !line.starts_with("<p class=\"download\">")
                    && !line.starts_with("<link rel=\"alternate\" type=\"application/atom+xml\"")
            })
            .collect();
        let page: String = text(&page)
            .split_inclusive('\n')
            .filter(|line| line.trim() != "")
            .collect();
        let expected: String = expected
            .split_inclusive('\n')
            .filter(|line| line.trim() != "")
            .collect();
        assert_eq!(page, expected, "{path}");
        opened += 1;
    }
    assert!(opened > 20, "only {opened} pages");
}

#[test]
fn two_encrypted_builds_differ_only_in_salt_and_nonces() {
    let site = common::fixture("practice");
    let one = common::tree(&built(site.path(), "one", Some(PASSWORD)));
    let two = common::tree(&built(site.path(), "two", Some(PASSWORD)));
    assert_eq!(one.len(), two.len());
    let mut nonces = std::collections::BTreeSet::new();
    for ((path, a), (path_two, b)) in one.iter().zip(&two) {
        assert_eq!(path, path_two);
        if !path.ends_with(".html") {
            assert_eq!(a, b, "{path} differs");
            continue;
        }
        assert_ne!(a, b, "{path} is the same in two builds");
        assert_eq!(
            without_sealed_block(text(a)),
            without_sealed_block(text(b)),
            "{path} differs outside its sealed block"
        );
        let (x, y) = (
            Sealed::from_shell(text(a)).unwrap(),
            Sealed::from_shell(text(b)).unwrap(),
        );
        assert_ne!(x.salt, y.salt);
        assert!(nonces.insert(x.nonce.clone()), "{path} repeats a nonce");
        assert_eq!((x.v, x.iterations), (2, 600_000));
    }
}

#[test]
fn no_password_no_build_and_the_previous_site_stays() {
    let site = common::fixture("practice");
    let out = built(site.path(), "output", None);
    let before = common::tree(&out);
    for (password, says) in [
        (None, "which is not set"),
        (Some(""), "is empty"),
        (Some("secret\n"), "line break"),
    ] {
        let mut command = Command::new(env!("CARGO_BIN_EXE_salespulse"));
        command
            .args([
                "--root",
                site.path().to_str().unwrap(),
                "build",
                "--encrypt",
            ])
            .args(["--as-of", AS_OF])
            .env_remove("SALESPULSE_PASSWORD");
        if let Some(password) = password {
            command.env("SALESPULSE_PASSWORD", password);
        }
        let output = command.output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("SALESPULSE_PASSWORD") && stderr.contains(says),
            "{stderr}"
        );
        assert!(stderr.contains("is unchanged"), "{stderr}");
        assert_eq!(common::tree(&out), before);
    }
}

#[test]
fn the_password_is_never_printed_and_a_short_one_is_warned_about() {
    let site = common::fixture("practice");
    let output = build(site.path(), "output", Some("pw-42"));
    assert!(output.status.success());
    let printed = [output.stdout, output.stderr].concat();
    assert!(!contains(&printed, "pw-42"));
    assert!(contains(
        &printed,
        "warning: SALESPULSE_PASSWORD is shorter than 12 characters"
    ));
    let long = build(site.path(), "output", Some(PASSWORD));
    assert!(!contains(&long.stderr, "shorter than"));
}

#[test]
fn after_an_encrypted_build_no_unencrypted_copy_is_left_beside_it() {
    let site = common::fixture("practice");
    // Two plain builds: the first site becomes the spare copy beside output/.
    built(site.path(), "output", None);
    built(site.path(), "output", None);
    let spare = site.path().join(".output.spare");
    assert!(spare.is_dir(), "a plain build keeps a spare");
    built(site.path(), "output", Some(PASSWORD));
    assert!(!spare.exists(), "the unencrypted spare is still there");
    // Nothing outside content/ holds the content in the clear.
    let mut leaks = Vec::new();
    for (path, bytes) in common::tree(site.path()) {
        if path.starts_with("content/") {
            continue;
        }
        for needle in CONTENT {
            if contains(&bytes, needle) {
                leaks.push(format!("{path}: {needle}"));
            }
        }
    }
    assert!(leaks.is_empty(), "in the clear:\n{}", leaks.join("\n"));
    // Plain builds keep a spare again; the next encrypted one clears it.
    built(site.path(), "output", None);
    built(site.path(), "output", None);
    assert!(spare.is_dir());
    built(site.path(), "output", Some(PASSWORD));
    assert!(!spare.exists());
}
