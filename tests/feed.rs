//! `/feed.xml`: one entry per closed week and month (the digest as of the
//! period's last day), linked from every page, with ids and dates from the
//! content. Its validity against RFC 4287 is checked by jing in CI
//! (tests/site/feeds.sh); here, what it says.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

fn demo(base_url: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &dir.path().join("content"),
    );
    if let Some(base) = base_url {
        let config = dir.path().join("content/config.yaml");
        let text = fs::read_to_string(&config)
            .unwrap()
            .replace("base_url: \"/\"", &format!("base_url: \"{base}\""));
        fs::write(&config, text).unwrap();
    }
    let out = common::build(dir.path(), common::AS_OF);
    (dir, out)
}

fn between<'a>(text: &'a str, from: &str, to: &str) -> Vec<&'a str> {
    text.split(from)
        .skip(1)
        .map(|s| &s[..s.find(to).unwrap()])
        .collect()
}

#[test]
fn the_feed_has_an_entry_per_closed_week_and_month() {
    let (_dir, out) = demo(None);
    let feed = fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ru\">"));
    let titles = between(&feed, "<title>", "</title>");
    // As of Friday 27 November: week 48 and November are not closed yet.
    assert_eq!(
        titles[1..],
        [
            "Неделя 47 (16–22 нояб.)",
            "Неделя 46 (9–15 нояб.)",
            "Неделя 45 (2–8 нояб.)",
            "Неделя 44 (26 окт. – 1 нояб.)",
            "Октябрь 2026",
            "Неделя 43 (19–25 окт.)",
            "Неделя 42 (12–18 окт.)",
            "Неделя 41 (5–11 окт.)",
            "Неделя 40 (28 сент. – 4 окт.)",
            "Сентябрь 2026",
            "Август 2026",
        ]
    );
    // Dates are the periods' last days, never the clock; the feed's is the newest entry's.
    let updated = between(&feed, "<updated>", "</updated>");
    assert_eq!(updated[0], "2026-11-22T23:59:59Z");
    assert_eq!(updated[1], "2026-11-22T23:59:59Z");
    assert_eq!(updated[5], "2026-10-31T23:59:59Z");
    // Without an absolute base_url: stable urn:uuid ids, one per entry.
    let ids = between(&feed, "<id>", "</id>");
    assert!(ids.iter().all(|id| id.starts_with("urn:uuid:")));
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    // Each entry is the digest as it stood when the period closed: week 47's
    // month is November without week 48 (4 824 560 ₽ of 6 438 740 ₽).
    let w47 = feed.split("<entry>").nth(1).unwrap();
    assert!(w47.contains("4\u{202f}824\u{202f}560\u{a0}₽"), "{w47}");
    assert!(!w47.contains("6\u{202f}438\u{202f}740"), "{w47}");
    assert!(w47.contains("href=\"weeks/2026-W47/index.html\""));
    assert!(
        w47.contains("&lt;li&gt;Пётр Сидоров: "),
        "HTML content, escaped once"
    );
}

#[test]
fn every_page_links_the_feed_and_ids_follow_an_absolute_base_url() {
    let (_dir, out) = demo(Some("https://example.github.io/salespulse/"));
    for (path, bytes) in common::tree(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let root = "../".repeat(path.matches('/').count());
        let link = format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{root}feed.xml\""
        );
        assert!(html.contains(&link), "{path} does not link the feed");
    }
    let feed = fs::read_to_string(out.join("feed.xml")).unwrap();
    let ids = between(&feed, "<id>", "</id>");
    assert_eq!(ids[0], "https://example.github.io/salespulse/");
    assert_eq!(
        ids[1],
        "https://example.github.io/salespulse/weeks/2026-W47/"
    );
    assert!(feed.contains(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.github.io/salespulse/feed.xml\"/>"
    ));
    // The entry's digest links to the page too.
    assert!(feed.contains(
        "&lt;a href=&quot;https://example.github.io/salespulse/weeks/2026-W47/&quot;&gt;"
    ));
}

#[test]
fn the_feed_is_the_same_from_build_to_build_and_left_out_when_encrypted() {
    let (_a, one) = demo(None);
    let (_b, two) = demo(None);
    assert!(fs::read(one.join("feed.xml")).unwrap() == fs::read(two.join("feed.xml")).unwrap());

    let site = common::fixture("practice");
    let sealed = site.path().join("sealed");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_salespulse"))
        .args([
            "--root",
            site.path().to_str().unwrap(),
            "build",
            "--encrypt",
        ])
        .args(["--as-of", "2026-11-25", "--out", sealed.to_str().unwrap()])
        .env("SALESPULSE_PASSWORD", "correct horse battery staple")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !sealed.join("feed.xml").exists(),
        "an encrypted site publishes no feed"
    );
}
