//! `serve` re-renders only what changed: after an edit of any kind of
//! content file, the served site (what it kept plus what it made anew) must
//! be byte for byte the site a full render makes.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Mutex;

use chrono::NaiveDate;
use salespulse::audience::Audience;
use salespulse::commands::serve::memo::Memo;
use salespulse::commands::serve::parsed::ParseCache;
use salespulse::render::{self, EXPORTS, Exports, OutputFile};
use salespulse::site;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// What `serve` keeps between builds.
type Memory = (ParseCache, Memo);

/// What `serve` holds: the site by path.
type Served = BTreeMap<String, Vec<u8>>;

/// One incremental rebuild as serve does it: returns how many files changed.
fn rebuild(root: &Path, (parsed, memo): &mut Memory, served: &mut Served) -> usize {
    let checked = site::check_with(root, as_of(), |files| parsed.parse(files));
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let changed = Mutex::new(Vec::new());
    let keep = |file: OutputFile| changed.lock().unwrap().push(file);
    let rendered = memo.rerender(checked, as_of(), &keep).unwrap();
    let changed = changed.into_inner().unwrap();
    let made = changed.len();
    served.retain(|path, _| rendered.paths.contains(path));
    served.extend(changed.into_iter().map(|f| (f.path, f.bytes)));
    // The exports, as serve makes them when they are asked for.
    for path in EXPORTS {
        let bytes = render::export(
            path,
            &rendered.department,
            &rendered.analytics,
            Audience::Owner,
        )
        .unwrap();
        served.insert(path.to_string(), bytes);
    }
    made
}

fn full(root: &Path) -> Served {
    let checked = site::check(root, as_of());
    let (_, files) = site::render(&checked, as_of(), Exports::Published).unwrap();
    files.into_iter().map(|f| (f.path, f.bytes)).collect()
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join("content").join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn assert_same(served: &Served, full: &Served, what: &str) {
    assert_eq!(
        served.keys().collect::<Vec<_>>(),
        full.keys().collect::<Vec<_>>(),
        "{what}: the set of files differs"
    );
    for (path, bytes) in full {
        assert!(served[path] == *bytes, "{what}: {path} is stale");
    }
}

#[test]
fn every_kind_of_edit_gives_the_full_site() {
    let dir = demo();
    let root = dir.path();
    let mut memory = Memory::default();
    let mut served = Served::new();
    let first = rebuild(root, &mut memory, &mut served);
    assert_same(&served, &full(root), "first build");
    assert_eq!(
        rebuild(root, &mut memory, &mut served),
        0,
        "no edit: no file changes"
    );

    let edits = [
        (
            "a help request in a stand-up",
            "standups/2026-11-27.md",
            "help: \"\"",
            "help: \"Нужен разбор звонка\"",
        ),
        (
            "a deal more in a week",
            "weeks/2026-W48.yaml",
            "deals: 7",
            "deals: 8",
        ),
        (
            "a new plan",
            "targets/2026-11.yaml",
            "revenue: 1500000",
            "revenue: 1600000",
        ),
        (
            "a manager renamed",
            "team.yaml",
            "Анна Иванова",
            "Анна Иванова-Петрова",
        ),
        (
            "a new title and threshold",
            "config.yaml",
            "standup_max_minutes: 20",
            "standup_max_minutes: 15",
        ),
        (
            "an IDP goal done",
            "idp/petr-sidorov-2026-11.md",
            "done: false",
            "done: true",
        ),
        (
            "a score raised",
            "assessments/2026-11-10.yaml",
            "objections: 2",
            "objections: 3",
        ),
        (
            "a month note",
            "months/2026-11.md",
            "115 оплат",
            "116 оплат",
        ),
        (
            "a one-to-one",
            "one-on-ones/2026-11-25-kirill-novikov.md",
            "mood: neutral",
            "mood: good",
        ),
        (
            "a rule page",
            "pages/chat-rules.md",
            "чаты — наш офис",
            "чаты — наш общий офис",
        ),
        (
            "the checklist",
            "checklist.yaml",
            "started: 2026-09-01",
            "started: 2026-09-02",
        ),
        (
            "a commitment reworded",
            "standups/2026-11-27.md",
            "goal: \"5 консультаций и 1 оплата\"",
            "goal: \"6 консультаций и 1 оплата\"",
        ),
        (
            "a resolution's note",
            "standups/2026-11-23.md",
            "Скидку 15 % для «Вектора» согласовали с собственником",
            "Скидку 15 % для «Вектора» согласовали",
        ),
        (
            "a long stand-up",
            "standups/2026-11-26.md",
            "duration_min: 16",
            "duration_min: 26",
        ),
    ];
    for (what, file, from, to) in edits {
        edit(root, file, from, to);
        let made = rebuild(root, &mut memory, &mut served);
        assert!(made < first, "{what}: everything was rendered again");
        assert_same(&served, &full(root), what);
    }
    fs::remove_file(root.join("content/standups/2026-11-10.md")).unwrap();
    rebuild(root, &mut memory, &mut served);
    assert!(!served.contains_key("standups/2026-11-10/index.html"));
    assert_same(&served, &full(root), "a stand-up removed");
    fs::remove_file(root.join("content/weeks/2026-W33.yaml")).unwrap();
    rebuild(root, &mut memory, &mut served);
    assert!(!served.contains_key("weeks/2026-W33/index.html"));
    assert_same(&served, &full(root), "a week removed");

    // A site template of its own changes every page.
    fs::create_dir_all(root.join("templates")).unwrap();
    let base =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/base.html"))
            .unwrap();
    fs::write(
        root.join("templates/base.html"),
        base.replacen("<main", "<!-- own --><main", 1),
    )
    .unwrap();
    let made = rebuild(root, &mut memory, &mut served);
    assert_eq!(
        made,
        pages(&served),
        "every page changes (the stylesheet does not; the exports are made when asked for)"
    );
    assert_same(&served, &full(root), "an own template");
}

/// A scratch copy of the demo site.
fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &dir.path().join("content"),
    );
    dir
}

/// Pages in a served site.
fn pages(served: &Served) -> usize {
    served.keys().filter(|p| p.ends_with(".html")).count()
}

#[test]
fn an_edit_of_one_stand_up_renders_only_the_pages_that_show_it() {
    let dir = demo();
    let root = dir.path();
    let mut memory = Memory::default();
    let mut served = Served::new();
    rebuild(root, &mut memory, &mut served);
    let before = served.clone();
    edit(
        root,
        "standups/2026-11-20.md",
        "video: true",
        "video: false",
    );
    rebuild(root, &mut memory, &mut served);
    let changed: Vec<&str> = served
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(bytes))
        .map(|(path, _)| path.as_str())
        .collect();
    assert!(
        changed.contains(&"standups/2026-11-20/index.html"),
        "{changed:?}"
    );
    assert!(
        !changed.contains(&"standups/2026-11-19/index.html"),
        "{changed:?}"
    );
    assert!(
        !changed.iter().any(|p| p.starts_with("weeks/2026-W4")),
        "{changed:?}"
    );
}

#[test]
fn a_broken_file_is_reported_on_every_rebuild_until_it_is_fixed() {
    let dir = demo();
    let root = dir.path();
    let mut memory = Memory::default();
    let mut served = Served::new();
    rebuild(root, &mut memory, &mut served);
    let file = "weeks/2026-W48.yaml";
    edit(root, file, "deals: 7", "deals: seven");
    for _ in 0..2 {
        // The second check takes the broken file from the cache: the same error.
        let checked = site::check_with(root, as_of(), |files| memory.0.parse(files));
        let errors: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{}:{}", d.path, d.message()))
            .collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("2026-W48.yaml"), "{errors:?}");
    }
    edit(root, file, "deals: seven", "deals: 7");
    rebuild(root, &mut memory, &mut served);
    assert_same(&served, &full(root), "fixed");
}
