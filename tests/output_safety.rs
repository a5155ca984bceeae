//! Nothing lost: a failed build leaves the previous `output/` byte for byte
//! and no staging folders; a good build drops pages of deleted content;
//! two builds of the same content and `--as-of` are identical.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{leftovers, site, stderr, tree_map as tree, try_build as build};

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
