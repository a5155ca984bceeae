//! `salespulse digest` on the demo department, in Russian and English, for
//! each period and audience: compared with the snapshots in
//! tests/snapshots/digest/. After a deliberate change of wording or numbers,
//! `UPDATE_SNAPSHOTS=1 cargo test --test digest` rewrites them; review the diff.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

const BASE: &str = "https://example.github.io/salespulse/";

/// The demo content in a temp dir, in `locale`; in English without the
/// demo's Russian names for its metrics (`labels:`, the file's last lines).
fn demo(locale: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &dir.path().join("content"),
    );
    let config = dir.path().join("content/config.yaml");
    let mut text = fs::read_to_string(&config).unwrap();
    assert!(text.contains("locale: ru"));
    if locale != "ru" {
        let labels = text.find("\nlabels:").expect("the demo names its deals");
        text.truncate(labels + 1);
    }
    fs::write(
        &config,
        text.replace("locale: ru", &format!("locale: {locale}")),
    )
    .unwrap();
    dir
}

fn digest(root: &Path, args: &[&str]) -> String {
    let mut all = vec!["digest", "--as-of", common::AS_OF, "--base-url", BASE];
    all.extend(args);
    let out = common::salespulse(root, &all);
    assert!(
        out.status.success(),
        "digest {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn snapshot_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/digest")
        .join(name)
}

/// Compares with the snapshot; `UPDATE_SNAPSHOTS=1` rewrites it.
fn matches_snapshot(name: &str, actual: &str) -> Result<(), String> {
    let path = snapshot_path(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return Ok(());
    }
    let expected = fs::read_to_string(&path)
        .map_err(|_| format!("{name} is missing: run with UPDATE_SNAPSHOTS=1"))?;
    if expected == actual {
        Ok(())
    } else {
        Err(format!(
            "{name} differs (UPDATE_SNAPSHOTS=1 rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}"
        ))
    }
}

#[test]
fn digests_of_the_demo_match_their_snapshots() {
    let mut failures = Vec::new();
    for locale in ["ru", "en"] {
        let site = demo(locale);
        for period in ["day", "week", "month"] {
            for audience in ["owner", "team"] {
                let text = digest(site.path(), &["--period", period, "--audience", audience]);
                // A phone screen: about 15 lines.
                let lines = text.lines().count();
                assert!(
                    lines <= 16,
                    "{locale} {period} {audience}: {lines} lines\n{text}"
                );
                let name = format!("{locale}-{period}-{audience}.txt");
                if let Err(e) = matches_snapshot(&name, &text) {
                    failures.push(e);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_other_formats_match_their_snapshots() {
    let site = demo("ru");
    let mut failures = Vec::new();
    for (format, ext) in [("telegram", "html"), ("markdown", "md"), ("html", "html")] {
        let text = digest(site.path(), &["--period", "week", "--format", format]);
        let name = format!("ru-week-owner.{format}.{ext}");
        if let Err(e) = matches_snapshot(&name, &text) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_week_digest_reads_like_a_report_to_the_owner() {
    let site = demo("ru");
    let text = digest(site.path(), &["--period", "week"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].ends_with("· неделя 48 (23–29 нояб.)"),
        "{}",
        lines[0]
    );
    // The verdict: attainment, pace, forecast; then the week against the one before.
    assert!(
        lines[2].starts_with("Ноябрь 2026: 95\u{a0}% плана — "),
        "{}",
        lines[2]
    );
    assert!(lines[2].contains("темп 100\u{a0}%"));
    assert!(text.contains("к нед.\u{a0}47"), "says against what");
    assert!(text.contains("▲") || text.contains("▼"));
    // Who lags, and what is being done about it (the owner sees the plan).
    assert!(
        text.contains(
            "Пётр Сидоров: 74\u{a0}% плана недели, 3 недели подряд ниже 80\u{a0}%; ИПР «"
        )
    );
    assert!(text.contains("; делаем: "));
    assert!(
        text.ends_with("Открыть отчёт: https://example.github.io/salespulse/weeks/2026-W48/\n")
    );
    // The same numbers as the site's metrics.json.
    let out = common::build(site.path(), common::AS_OF);
    let metrics: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("data/metrics.json")).unwrap()).unwrap();
    let november = metrics["months"].as_array().unwrap().last().unwrap();
    let revenue = november["team"]["revenue"].as_f64().unwrap();
    assert_eq!(revenue, 6_438_740.0);
    assert!(text.contains("6\u{202f}438\u{202f}740\u{a0}₽"));
}

#[test]
fn the_digest_is_the_same_every_time_and_needs_no_clock() {
    let site = demo("en");
    let one = digest(site.path(), &["--period", "day", "--format", "telegram"]);
    let two = digest(site.path(), &["--period", "day", "--format", "telegram"]);
    assert_eq!(one, two);
    // SOURCE_DATE_EPOCH stands in for --as-of, as for build.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_salespulse"))
        .args([
            "--root",
            site.path().to_str().unwrap(),
            "digest",
            "--period",
            "day",
        ])
        .args(["--format", "telegram", "--base-url", BASE])
        .env("SOURCE_DATE_EPOCH", "1795737600") // 2026-11-27T00:00:00Z
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), one);
}

#[test]
fn without_an_absolute_address_there_is_no_link_and_redacted_has_no_figures() {
    let site = demo("ru");
    let out = common::salespulse(
        site.path(),
        &["digest", "--as-of", common::AS_OF, "--period", "week"],
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains("http"),
        "base_url \"/\" gives no link:\n{text}"
    );
    let redacted = digest(site.path(), &["--period", "week", "--redact"]);
    assert!(
        !redacted.contains('₽') && !redacted.contains('%'),
        "{redacted}"
    );
    assert!(!redacted.contains("Сидоров"), "{redacted}");
    assert!(redacted.contains("https://example.github.io/salespulse/weeks/2026-W48/"));
    assert!(redacted.lines().count() <= 5);
}

#[test]
fn a_broken_site_gives_no_digest() {
    let site = demo("ru");
    let week = site.path().join("content/weeks/2026-W48.yaml");
    let text = fs::read_to_string(&week).unwrap();
    fs::write(&week, text.replacen("deals:", "dealz:", 1)).unwrap();
    let out = common::salespulse(site.path(), &["digest", "--as-of", common::AS_OF]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("dealz"));
}
