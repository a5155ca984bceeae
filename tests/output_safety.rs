//! Nothing lost: a failed build leaves the previous `output/` byte for byte
//! and no staging folders; a good build drops pages of deleted content;
//! two builds of the same content and `--as-of` are identical; and nothing
//! salespulse did not write is ever moved or deleted — a folder of someone's
//! files given as `--out`, links where its folders go, `--out` among the
//! sources — however many times the build is run.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{leftovers, site, stderr, tree_map as tree, try_build as build};

use salespulse::output::MARKER;

/// The start of the marker of an output folder, as `salespulse build` writes it.
const MARKER_TEXT: &str = "salespulse output folder, format 1\n";

/// A site built once, with a sentinel file added to its output.
struct Built {
    _dir: tempfile::TempDir,
    site: PathBuf,
    out: PathBuf,
    before: BTreeMap<String, Vec<u8>>,
}

fn built() -> Built {
    let (dir, site) = site("safety");
    let first = build(&site, None);
    assert!(first.status.success(), "{}", stderr(&first));
    let out = site.join("output");
    fs::write(out.join("sentinel.txt"), "from the last good build\n").unwrap();
    let before = tree(&out);
    assert!(before.contains_key("index.html"));
    Built {
        _dir: dir,
        site,
        out,
        before,
    }
}

impl Built {
    /// Builds again and asserts it failed and changed nothing.
    fn fails_without_a_trace(&self, why: &str) -> String {
        let run = build(&self.site, None);
        let text = stderr(&run);
        assert_eq!(run.status.code(), Some(1), "{why}: {text}");
        assert!(text.contains("is unchanged"), "{why}: {text}");
        assert!(tree(&self.out) == self.before, "{why}: output changed");
        assert_eq!(leftovers(&self.site), Vec::<String>::new(), "{why}");
        text
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn content_error_keeps_the_last_good_site() {
    let b = built();
    edit(
        &b.site.join("content/weeks/2026-W48.yaml"),
        "deals: ",
        "deals: twelve #",
    );
    let text = b.fails_without_a_trace("content error");
    assert!(text.contains("`deals` must be a whole number"), "{text}");
}

#[test]
fn broken_template_keeps_the_last_good_site() {
    let b = built();
    fs::create_dir_all(b.site.join("templates")).unwrap();
    fs::write(b.site.join("templates/base.html"), "{% if %}<html>").unwrap();
    let text = b.fails_without_a_trace("template syntax error");
    assert!(text.contains("templates/base.html"), "{text}");
}

#[test]
fn template_failing_at_render_time_keeps_the_last_good_site() {
    // Compiles (so `check` passes) but fails while rendering a page.
    let b = built();
    let builtin =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/base.html"))
            .unwrap();
    let broken = builtin.replacen("<main", "{{ page.no_such_field }}<main", 1);
    assert_ne!(broken, builtin);
    fs::create_dir_all(b.site.join("templates")).unwrap();
    fs::write(b.site.join("templates/base.html"), broken).unwrap();
    let text = b.fails_without_a_trace("render error");
    assert!(text.contains("cannot render"), "{text}");
}

#[test]
fn write_error_keeps_the_last_good_site() {
    // Running as root, permissions do not stop a write; a name too long for
    // the staging folder (`.NAME.new-PID`, 13+ bytes longer) does, on any filesystem.
    let (_dir, site) = site("safety");
    let out = site.join("o".repeat(250));
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("sentinel.txt"), "from the last good build\n").unwrap();
    // As a build would have left it: marked as salespulse's.
    fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
    let before = tree(&out);
    let run = build(&site, Some(&out));
    let text = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{text}");
    assert!(text.contains("cannot write the site"), "{text}");
    assert!(text.contains("is unchanged"), "{text}");
    assert!(tree(&out) == before);
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn impossible_output_paths_fail_cleanly() {
    let (_dir, site) = site("safety");
    // A file where a parent folder should be.
    fs::write(site.join("blocker"), "not a folder\n").unwrap();
    for out in [
        site.join("blocker/output"),
        site.join("blocker"),
        PathBuf::from("/proc/salespulse-cannot-be-here/output"),
    ] {
        let run = build(&site, Some(&out));
        let text = stderr(&run);
        assert_eq!(run.status.code(), Some(1), "{}: {text}", out.display());
        assert!(text.contains("cannot write the site"), "{text}");
        assert!(text.contains("nothing was written"), "{text}");
        assert_eq!(leftovers(&site), Vec::<String>::new());
    }
    assert_eq!(
        fs::read_to_string(site.join("blocker")).unwrap(),
        "not a folder\n"
    );
}

#[test]
fn deleted_content_disappears_from_the_site() {
    let b = built();
    assert!(b.before.contains_key("weeks/2026-W48/index.html"));
    fs::remove_file(b.site.join("content/weeks/2026-W48.yaml")).unwrap();
    let run = build(&b.site, None);
    assert!(run.status.success(), "{}", stderr(&run));
    let after = tree(&b.out);
    assert!(!after.contains_key("weeks/2026-W48/index.html"));
    assert!(after.contains_key("weeks/2026-W47/index.html"));
    // The output folder is the site and nothing else.
    assert!(!after.contains_key("sentinel.txt"));
    assert_eq!(leftovers(&b.site), Vec::<String>::new());
}

#[test]
fn two_builds_are_byte_identical() {
    let (_dir, site) = site("safety");
    let (a, b) = (site.join("a"), site.join("b"));
    for out in [&a, &b] {
        let run = build(&site, Some(out));
        assert!(run.status.success(), "{}", stderr(&run));
    }
    let (a, b) = (tree(&a), tree(&b));
    assert!(a.len() > 10);
    for (path, bytes) in &a {
        assert!(b.get(path) == Some(bytes), "{path} differs between builds");
    }
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
}

#[test]
fn a_path_in_a_manager_id_writes_nothing() {
    let (dir, site) = site("safety");
    let team = site.join("content/team.yaml");
    let mut text = fs::read_to_string(&team).unwrap();
    text.push_str("  - { id: ../../evil, name: \"Evil\", joined: 2026-03-02 }\n");
    fs::write(&team, text).unwrap();
    let before = tree(dir.path());
    let run = build(&site, None);
    let text = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{text}");
    assert!(
        text.contains("manager id `../../evil` is not a slug"),
        "{text}"
    );
    assert!(tree(dir.path()) == before, "the build wrote files");
}

#[test]
fn a_rebuild_over_an_older_site_equals_a_fresh_build() {
    // The third build rewrites the spare left by the first one: what it
    // keeps, changes and removes (the deleted week's folder) must add up to
    // exactly a fresh build.
    let (_dir, site) = site("safety");
    let out = site.join("output");
    for step in ["first", "without W48", "a deal more in W47"] {
        match step {
            "without W48" => fs::remove_file(site.join("content/weeks/2026-W48.yaml")).unwrap(),
            "a deal more in W47" => edit(
                &site.join("content/weeks/2026-W47.yaml"),
                "deals: ",
                "deals: 1",
            ),
            _ => {}
        }
        let run = build(&site, None);
        assert!(run.status.success(), "{step}: {}", stderr(&run));
    }
    assert!(site.join(".output.spare").is_dir(), "no spare was kept");
    assert!(!out.join("weeks/2026-W48").exists());
    let fresh = site.join("fresh");
    let run = build(&site, Some(&fresh));
    assert!(run.status.success(), "{}", stderr(&run));
    let (reused, fresh) = (tree(&out), tree(&fresh));
    assert_eq!(
        reused.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &fresh {
        assert!(reused.get(path) == Some(bytes), "{path} differs");
    }
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

/// Everything under `dir`, links not followed: files with their bytes,
/// folders, and links with their targets.
fn everything(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .follow_links(false)
        .into_iter()
        .map(|e| e.unwrap())
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap().display().to_string();
            let kind = e.file_type();
            let what = if kind.is_symlink() {
                format!("link to {}", fs::read_link(e.path()).unwrap().display())
            } else if kind.is_dir() {
                "folder".to_string()
            } else {
                format!("{:?}", fs::read(e.path()).unwrap())
            };
            (path, what)
        })
        .collect()
}

/// Builds `times` times; each must be refused with `expected` in its
/// message, say that nothing was written or moved, and change nothing at
/// all under `world` (the temp dir around the site).
fn refused_every_time(site: &Path, out: Option<&Path>, world: &Path, expected: &str) {
    let before = everything(world);
    for attempt in 1..=2 {
        let run = build(site, out);
        let text = stderr(&run);
        assert_eq!(run.status.code(), Some(1), "attempt {attempt}: {text}");
        assert!(text.contains(expected), "attempt {attempt}: {text}");
        assert!(
            text.contains("note: nothing was written or moved"),
            "attempt {attempt}: {text}"
        );
        let after = everything(world);
        assert!(
            after == before,
            "attempt {attempt} changed files: {:?}",
            after
                .iter()
                .filter(|(k, v)| before.get(*k) != Some(v))
                .map(|(k, _)| k)
                .chain(before.keys().filter(|k| !after.contains_key(*k)))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_folder_of_someone_elses_files_is_never_the_output() {
    // `docs/` is where GitHub Pages publishes from by convention.
    let (dir, site) = site("safety");
    let docs = site.join("docs");
    fs::create_dir(&docs).unwrap();
    fs::write(docs.join("notes.txt"), "precious\n").unwrap();
    fs::create_dir(docs.join("old")).unwrap();
    fs::write(docs.join("old/index.html"), "<p>a page of mine</p>\n").unwrap();
    refused_every_time(
        &site,
        Some(&docs),
        dir.path(),
        &format!(
            "error: `{}/` holds files salespulse did not write; choose an empty folder or remove them",
            docs.display()
        ),
    );
    // Emptied by its owner, it is taken, and the next build reuses it.
    fs::remove_dir_all(&docs).unwrap();
    fs::create_dir(&docs).unwrap();
    for _ in 0..2 {
        let run = build(&site, Some(&docs));
        assert!(run.status.success(), "{}", stderr(&run));
    }
    assert!(docs.join("index.html").is_file());
    assert!(
        fs::read_to_string(docs.join(MARKER))
            .unwrap()
            .starts_with(MARKER_TEXT)
    );
}

#[cfg(unix)]
#[test]
fn links_where_the_output_and_its_spare_go_are_never_followed() {
    use std::os::unix::fs::symlink;
    let (dir, site) = site("safety");
    let victim = dir.path().join("victim");
    fs::create_dir(&victim).unwrap();
    fs::write(victim.join("thesis.txt"), "years of work\n").unwrap();
    fs::create_dir(victim.join("data")).unwrap();
    fs::write(victim.join("data/results.csv"), "1,2,3\n").unwrap();
    // `output` a link to the victim: refused, even once the victim carries
    // a marker (copied there by whoever made the link).
    let out = site.join("output");
    symlink("../victim", &out).unwrap();
    let message = format!("error: `{}` is a symbolic link", out.display());
    refused_every_time(&site, None, dir.path(), &message);
    fs::write(victim.join(MARKER), MARKER_TEXT).unwrap();
    refused_every_time(&site, None, dir.path(), &message);
    fs::remove_file(victim.join(MARKER)).unwrap();
    fs::remove_file(&out).unwrap();
    // A site repository that commits `.output.spare -> ../victim`: the
    // first build of a fresh clone (no output/ yet) and any later one.
    let spare = site.join(".output.spare");
    symlink("../victim", &spare).unwrap();
    let message = format!("error: `{}` is a symbolic link", spare.display());
    refused_every_time(&site, None, dir.path(), &message);
    // With an output already there, too.
    fs::remove_file(&spare).unwrap();
    let first = build(&site, None);
    assert!(first.status.success(), "{}", stderr(&first));
    symlink("../victim", &spare).unwrap();
    refused_every_time(&site, None, dir.path(), &message);
    // Links to a folder that is a site of ours are refused as well.
    fs::remove_file(&spare).unwrap();
    let elsewhere = dir.path().join("elsewhere");
    let run = build(&site, Some(&elsewhere));
    assert!(run.status.success(), "{}", stderr(&run));
    symlink("../elsewhere", &spare).unwrap();
    refused_every_time(&site, None, dir.path(), &message);
}

#[test]
fn the_output_is_never_among_the_sources() {
    let (dir, site) = site("safety");
    fs::create_dir(site.join("templates")).unwrap();
    fs::write(site.join("templates/README.txt"), "my overrides go here\n").unwrap();
    let cases = [
        (site.join("content"), "is inside the site's content/ folder"),
        (
            site.join("content/weeks"),
            "is inside the site's content/ folder",
        ),
        (
            site.join("content/new"),
            "is inside the site's content/ folder",
        ),
        (
            site.join("templates"),
            "is inside the site's templates/ folder",
        ),
        (site.clone(), "holds the site folder itself"),
        (site.join("."), "holds the site folder itself"),
        (site.join("content/.."), "holds the site folder itself"),
        (dir.path().to_path_buf(), "holds the site folder itself"),
    ];
    for (out, expected) in cases {
        refused_every_time(&site, Some(&out), dir.path(), expected);
    }
    // As a user types it, from inside the site folder.
    for (out, expected) in [
        ("content", "`content/` is inside the site's content/ folder"),
        (".", "`./` holds the site folder itself"),
    ] {
        let before = everything(dir.path());
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_salespulse"))
            .current_dir(&site)
            .args(["build", "--as-of", common::AS_OF, "--out", out])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let text = stderr(&run);
        assert_eq!(run.status.code(), Some(1), "{text}");
        assert!(text.contains(expected), "{text}");
        assert!(
            everything(dir.path()) == before,
            "--out {out} changed files"
        );
    }
}

/// Builds the site and returns the tree of the output it made.
fn reference(site: &Path, out: &Path) -> BTreeMap<String, Vec<u8>> {
    let run = build(site, Some(out));
    assert!(run.status.success(), "{}", stderr(&run));
    tree(out)
}

#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_cleans_up() {
    use rand::{Rng, SeedableRng};
    // The demo department: enough pages that a kill lands while files are
    // being written as often as before or after.
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &site.join("content"),
    );
    let config = site.join("content/config.yaml");
    let original = fs::read_to_string(&config).unwrap();
    let title = original
        .lines()
        .find(|l| l.starts_with("title:"))
        .unwrap()
        .to_string();
    let versions = [
        original.clone(),
        original.replacen(&title, "title: \"Another title on every page\"", 1),
    ];
    // The two sites a build can leave: the one before and the one after.
    let mut references = Vec::new();
    let mut took = std::time::Duration::ZERO;
    for (i, text) in versions.iter().enumerate() {
        fs::write(&config, text).unwrap();
        let started = std::time::Instant::now();
        references.push(reference(&site, &dir.path().join(format!("ref{i}"))));
        took = took.max(started.elapsed());
    }
    assert!(references[0] != references[1]);
    let out = site.join("output");
    let first = build(&site, None);
    assert!(first.status.success(), "{}", stderr(&first));
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(15);
    let mut version = 0;
    for round in 0..16 {
        version = 1 - version;
        fs::write(&config, &versions[version]).unwrap();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_salespulse"))
            .arg("--root")
            .arg(&site)
            .args(["build", "--as-of", common::AS_OF, "--quiet"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Anywhere from before the content is read to after the swap.
        let at = took.mul_f64(rng.random_range(0.0..1.3));
        std::thread::sleep(at);
        let _ = child.kill();
        let status = child.wait().unwrap();
        let left = tree(&out);
        assert!(
            left == references[0] || left == references[1],
            "round {round}: killed after {at:?} ({status}), the output is neither site"
        );
    }
    // The next build finishes, equals a fresh build and leaves no staging.
    let run = build(&site, None);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(tree(&out) == references[version]);
    assert_eq!(leftovers(&site), Vec::<String>::new());
    let spare = site.join(".output.spare");
    assert!(!spare.exists() || fs::read_to_string(spare.join(MARKER)).is_ok());
}

/// A Russian site is refused in Russian: the head who tries `--out docs`
/// reads what to do, and that nothing was moved.
#[test]
fn a_russian_site_is_refused_in_russian() {
    let (_dir, site, docs) = russian_site_with_own_folder();
    let run = build(&site, Some(&docs));
    let said = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!(
            "error: в `{}/` лежат файлы, которые записал не salespulse; выберите пустую папку или уберите их",
            docs.display()
        )),
        "{said}"
    );
    assert!(
        said.contains("note: ничего не записано и не перенесено"),
        "{said}"
    );
    assert_eq!(
        fs::read_to_string(docs.join("notes.txt")).unwrap(),
        "precious\n"
    );
}

/// A Russian site beside the head's own `docs/` folder, which holds a note.
fn russian_site_with_own_folder() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, site) = site("safety");
    let config = site.join("content/config.yaml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, text.replace("locale: en", "locale: ru")).unwrap();
    let docs = site.join("docs");
    fs::create_dir(&docs).unwrap();
    fs::write(docs.join("notes.txt"), "precious\n").unwrap();
    (dir, site, docs)
}

/// A build stopped by a mistake in the files says so in the site's
/// language, and of someone's own folder only that nothing in it was
/// touched (it never held a site of ours to keep).
#[test]
fn a_russian_site_with_an_error_leaves_a_foreign_folder_untouched() {
    let (_dir, site, docs) = russian_site_with_own_folder();
    fs::write(site.join("content/weeks/2026-W47.yml"), "week: 2026-W47\n").unwrap();
    let run = build(&site, Some(&docs));
    let said = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{said}");
    assert!(
        said.contains("error: в файлах 1 ошибка: сайт не собран"),
        "{said}"
    );
    assert!(
        said.contains(&format!("note: в {} ничего не тронуто", docs.display())),
        "{said}"
    );
    assert_eq!(
        fs::read_to_string(docs.join("notes.txt")).unwrap(),
        "precious\n"
    );
}
