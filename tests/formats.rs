//! `check --format json` and `--format github`: what tools and CI read.
//! The JSON fields are documented in docs/limits.md.

mod common;

use std::fs;
use std::path::Path;

use common::{AS_OF, salespulse, site};

/// The small fixture with an error that has a position and a hint, one
/// with a position and no hint, and a warning without a line.
fn broken_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, site) = site("safety");
    let week = site.join("content/weeks/2026-W48.yaml");
    let text = fs::read_to_string(&week)
        .unwrap()
        .replacen("deals:", "dealz:", 1);
    fs::write(&week, text).unwrap();
    let targets = site.join("content/targets/2026-11.yaml");
    let mut text = fs::read_to_string(&targets).unwrap();
    text.push_str("  zzz: { revenue: 1 }\n");
    fs::write(&targets, text).unwrap();
    fs::write(site.join("content/notes.txt"), "todo\n").unwrap();
    (dir, site)
}

fn check(root: &Path, format: &str) -> (Option<i32>, String) {
    let out = salespulse(root, &["check", "--as-of", AS_OF, "--format", format]);
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
    )
}

#[test]
fn json_lists_every_diagnostic_with_its_fields() {
    let (_dir, site) = broken_site();
    let (code, stdout) = check(&site, "json");
    assert_eq!(code, Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let items = value.as_array().expect("a JSON array");
    assert_eq!(items.len(), 3, "{stdout}");
    for item in items {
        let object = item.as_object().unwrap();
        for key in [
            "code", "path", "line", "column", "message", "hint", "severity",
        ] {
            assert!(object.contains_key(key), "no `{key}` in {item}");
        }
        assert!(item["path"].as_str().unwrap().starts_with("content/"));
        assert!(item["message"].is_string());
        assert!(matches!(
            item["severity"].as_str(),
            Some("error" | "warning")
        ));
        assert!(item["line"].is_null() || item["line"].is_u64());
        assert!(item["column"].is_null() || item["column"].is_u64());
        assert!(item["hint"].is_null() || item["hint"].is_string());
    }
    let dealz = items
        .iter()
        .find(|i| i["message"] == "unknown key `dealz`")
        .expect("the unknown key");
    assert_eq!(dealz["path"], "content/weeks/2026-W48.yaml");
    assert_eq!(dealz["severity"], "error");
    assert_eq!(dealz["hint"], "did you mean `deals`?");
    assert!(dealz["line"].as_u64().unwrap() > 1);
    assert_eq!(dealz["column"], 5);
    assert_eq!(dealz["code"], "unknown-key");
    let note = items
        .iter()
        .find(|i| i["path"] == "content/notes.txt")
        .expect("the unread file");
    assert_eq!(note["severity"], "error");
    assert!(note["line"].is_null());
}

#[test]
fn json_of_a_clean_site_is_an_empty_array() {
    let (_dir, site) = site("safety");
    let (code, stdout) = check(&site, "json");
    assert_eq!(code, Some(0));
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value, serde_json::json!([]));
}

#[test]
fn github_format_annotates_files() {
    let (_dir, site) = broken_site();
    let (code, stdout) = check(&site, "github");
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    let dealz = lines
        .iter()
        .find(|l| l.contains("unknown key `dealz`"))
        .expect("the unknown key");
    assert!(
        dealz.starts_with("::error file=content/weeks/2026-W48.yaml,line="),
        "{dealz}"
    );
    assert!(
        dealz.contains(
            ",col=5,title=unknown-key::unknown key `dealz`%0Ahelp: did you mean `deals`?"
        )
    );
    assert!(lines.contains(
        &"::error file=content/targets/2026-11.yaml,line=5,col=3,title=unknown-manager::unknown manager `zzz`%0Ahelp: add them to content/team.yaml: `- { id: zzz, name: \"…\", joined: YYYY-MM-DD }`"
    ), "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::error file=content/notes.txt,title=unread-file::"))
    );
    for line in &lines {
        assert!(
            line.starts_with("::error ") || line.starts_with("::warning "),
            "{line}"
        );
    }
}

/// The `code` of each diagnostic is the same whatever the site's language;
/// the message and the hint are in that language.
#[test]
fn json_codes_stay_english_while_messages_follow_the_locale() {
    let (_dir, site) = broken_site();
    let (_, english) = check(&site, "json");
    let config = site.join("content/config.yaml");
    let text = fs::read_to_string(&config).unwrap();
    let russian_config = if text.contains("locale:") {
        text.lines()
            .map(|l| {
                if l.starts_with("locale:") {
                    "locale: ru"
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    } else {
        format!("locale: ru\n{text}")
    };
    fs::write(&config, russian_config).unwrap();
    let (_, russian) = check(&site, "json");
    let en: serde_json::Value = serde_json::from_str(&english).unwrap();
    let ru: serde_json::Value = serde_json::from_str(&russian).unwrap();
    let codes = |v: &serde_json::Value| -> Vec<(String, String)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["path"].as_str().unwrap().to_string(),
                    i["code"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(codes(&en), codes(&ru));
    assert!(codes(&en).iter().any(|(_, c)| c == "unknown-manager"));
    let dealz = |v: &serde_json::Value| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|i| i["code"] == "unknown-key")
            .cloned()
            .unwrap()
    };
    assert_eq!(dealz(&en)["message"], "unknown key `dealz`");
    assert_eq!(dealz(&ru)["message"], "неизвестный ключ `dealz`");
    assert_eq!(dealz(&ru)["hint"], "может быть, `deals`?");
}
