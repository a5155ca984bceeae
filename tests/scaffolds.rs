//! Every `salespulse new` kind, on a copy of the demo department (Russian)
//! and on an empty English site from `init --empty`: it writes a file that
//! `check` passes without an error, explains itself in the site's language,
//! and refuses to overwrite it on a second run. (`scripts/validate-schemas.sh`
//! validates the same files against the JSON Schemas with check-jsonschema.)

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{AS_OF, salespulse, stderr};

/// A copy of the demo department in a temp dir.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &site.join("content"),
    );
    (dir, site)
}

/// Runs `new ARGS --as-of AS_OF`; returns the files it printed.
fn new(site: &Path, args: &[&str]) -> Vec<PathBuf> {
    let mut all = vec!["new"];
    all.extend(args);
    all.extend(["--as-of", AS_OF]);
    let out = salespulse(site, &all);
    assert!(out.status.success(), "new {args:?}:\n{}", stderr(&out));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(PathBuf::from)
        .collect()
}

fn check_has_no_errors(site: &Path) {
    let out = salespulse(site, &["check", "--as-of", AS_OF]);
    let text = stderr(&out);
    assert!(out.status.success(), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("error")), "{text}");
    assert!(
        text.contains("проверка: 0 ошибок") || text.contains("check: 0 errors"),
        "{text}"
    );
}

/// (arguments, file written, a comment it must hold in Russian)
const KINDS: [(&[&str], &str, &str); 8] = [
    (
        &["week", "2026-W50"],
        "content/weeks/2026-W50.yaml",
        "leads_overnight — сумма по дням",
    ),
    (
        &["standup", "2026-11-30"],
        "content/standups/2026-11-30.md",
        "что нужно от руководителя или команды",
    ),
    (
        &["idp", "olga-morozova"],
        "content/idp/olga-morozova-2026-11.md",
        "target — доля",
    ),
    (
        &["targets", "2027-01"],
        "content/targets/2027-01.yaml",
        "Стартовые цифры — план за декабрь 2026",
    ),
    (
        &["assessment"],
        "content/assessments/2026-11-27.yaml",
        "в прошлый раз",
    ),
    (
        &["month", "2026-12"],
        "content/months/2026-12.md",
        "Слово РОПа собственнику",
    ),
    (
        &["one-on-one", "petr-sidorov"],
        "content/one-on-ones/2026-11-27-petr-sidorov.md",
        "настроение",
    ),
    (
        &["week", "2026-W49"],
        "content/weeks/2026-W49-12.yaml",
        "часть месяца 2026-12",
    ),
];

#[test]
fn every_kind_passes_check_explains_itself_and_refuses_to_overwrite() {
    let (_dir, site) = demo();
    for (args, path, comment) in KINDS {
        let written = new(&site, args);
        assert!(
            written.iter().any(|p| p.ends_with(path)),
            "{args:?} wrote {written:?}"
        );
        let text = fs::read_to_string(site.join(path)).unwrap();
        assert!(text.contains(comment), "{path} lacks «{comment}»:\n{text}");
        assert!(
            !text.contains("first_response_min: 0\n    calls"),
            "optional fields are left out"
        );
        check_has_no_errors(&site);
        let mut again = vec!["new"];
        again.extend(args);
        again.extend(["--as-of", AS_OF]);
        let out = salespulse(&site, &again);
        assert_eq!(out.status.code(), Some(1), "{args:?} overwrote");
        assert!(stderr(&out).contains("такой файл уже есть; он не перезаписан"));
    }
}

#[test]
fn a_stand_up_lists_the_open_requests_to_resolve() {
    let (_dir, site) = demo();
    new(&site, &["standup", "2026-11-30"]);
    let text = fs::read_to_string(site.join("content/standups/2026-11-30.md")).unwrap();
    assert!(
        text.contains("#   petr-sidorov-2026-11-25-help — Пётр Сидоров, 25.11.2026:"),
        "{text}"
    );
    assert!(!text.contains("duration_min: 0"), "not timed yet: left out");
}

#[test]
fn new_month_lists_the_lagging_metrics() {
    let (_dir, site) = demo();
    fs::remove_file(site.join("content/months/2026-11.md")).unwrap();
    new(&site, &["month"]);
    let text = fs::read_to_string(site.join("content/months/2026-11.md")).unwrap();
    assert!(text.contains("отстают от плана: сделки (темп 92"), "{text}");
    assert!(text.contains(
        "explanations:\n  deals:\n    reason: \"\"\n    actions: \"\"\n    resources: \"\"\n"
    ));
    assert!(!text.contains("  revenue:"), "revenue is on plan");
}

#[test]
fn people_who_are_not_on_the_team_get_no_file() {
    let (_dir, site) = demo();
    for (args, message) in [
        (
            &["idp", "ivan-volkov"][..],
            "`ivan-volkov` в команде только до 2026-10-16, а ИПР — на 2026-11-27",
        ),
        (
            &["one-on-one", "ivan-volkov"][..],
            "`ivan-volkov` в команде только до 2026-10-16, а встреча один на один — на 2026-11-27",
        ),
        (&["idp", "Пётр Сидоров"][..], "может быть, `petr-sidorov`?"),
    ] {
        let mut all = vec!["new"];
        all.extend(args);
        all.extend(["--as-of", AS_OF]);
        let out = salespulse(&site, &all);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains(message), "{}", stderr(&out));
    }
}

#[test]
fn an_empty_english_site_has_every_folder_and_scaffolds_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = common::run(&["init", site.to_str().unwrap(), "--empty"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for folder in [
        "targets",
        "weeks",
        "standups",
        "idp",
        "assessments",
        "months",
        "one-on-ones",
        "pages",
    ] {
        assert!(
            site.join("content").join(folder).is_dir(),
            "content/{folder}/"
        );
    }
    let config = site.join("content/config.yaml");
    let text = fs::read_to_string(&config)
        .unwrap()
        .replace("locale: ru", "locale: en");
    fs::write(&config, text).unwrap();
    check_has_no_errors(&site);
    new(&site, &["standup"]);
    let text = fs::read_to_string(site.join(format!("content/standups/{AS_OF}.md"))).unwrap();
    assert!(
        text.contains("what I need from the head or the team"),
        "{text}"
    );
    new(&site, &["assessment"]);
    check_has_no_errors(&site);
}
