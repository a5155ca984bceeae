//! The output stage against real folders: links, foreign files, killed
//! builds, hardlinked snapshots and unwritable spares.

use std::fs;
use std::path::Path;

use super::files::*;
use super::place::*;
use super::*;
use crate::render::OutputFile;

/// A whole build's writes: begin, every file, commit.
fn write_atomic(out: &Path, files: &[OutputFile]) -> Result<(), OutputError> {
    write_with(out, files, Spare::Keep)
}

fn write_with(out: &Path, files: &[OutputFile], spare: Spare) -> Result<(), OutputError> {
    let staging = Staging::begin(out, spare)?;
    for file in files {
        staging.write(file)?;
    }
    staging.commit().map(drop)
}

fn file(path: &str, text: &str) -> OutputFile {
    OutputFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

/// Every path under `dir` but the marker, with the text of files ("/" for folders).
fn tree(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name() != MARKER)
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            let text = if e.file_type().is_symlink() {
                format!("-> {}", fs::read_link(e.path()).unwrap().display())
            } else if e.file_type().is_file() {
                fs::read_to_string(e.path()).unwrap()
            } else {
                "/".into()
            };
            (rel, text)
        })
        .collect();
    out.sort();
    out
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn does_not_replace_a_file_with_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    fs::write(&out, "notes").unwrap();
    let files = [file("index.html", "x")];
    let err = write_atomic(&out, &files).unwrap_err();
    assert!(matches!(err, OutputError::NotAFolder { .. }), "{err}");
    assert_eq!(fs::read_to_string(&out).unwrap(), "notes");
    assert_eq!(names(dir.path()), ["output"]);
}

#[test]
fn refuses_paths_that_leave_the_folder() {
    assert!(safe_relative("../x").is_err());
    assert!(safe_relative("/etc/passwd").is_err());
    assert!(safe_relative("a/../../b").is_err());
    assert!(safe_relative(MARKER).is_err());
    assert!(safe_relative("team/anna/index.html").is_ok());
}

#[test]
fn the_reused_spare_ends_up_exactly_the_new_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    let first = [
        file("index.html", "one"),
        file("team/anna/index.html", "anna"),
        file("team/boris/index.html", "boris"),
        file("weeks/x", "a file where a folder comes later"),
        file(
            "pages/rules/index.html",
            "a folder where a file comes later",
        ),
    ];
    write_atomic(&out, &first).unwrap();
    write_atomic(&out, &[file("index.html", "two")]).unwrap();
    assert!(dir.path().join(".output.spare").is_dir());
    // The third build reuses the first one's tree.
    let third = [
        file("index.html", "three"),
        file("team/anna/index.html", "anna"),
        file("weeks/x/index.html", "week"),
        file("pages/rules", "rules"),
    ];
    write_atomic(&out, &third).unwrap();
    assert_eq!(
        tree(&out),
        pairs(&[
            ("index.html", "three"),
            ("pages", "/"),
            ("pages/rules", "rules"),
            ("team", "/"),
            ("team/anna", "/"),
            ("team/anna/index.html", "anna"),
            ("weeks", "/"),
            ("weeks/x", "/"),
            ("weeks/x/index.html", "week"),
        ])
    );
    // The second site is now the spare; nothing else lies around.
    assert_eq!(
        tree(&dir.path().join(".output.spare")),
        pairs(&[("index.html", "two")])
    );
    assert_eq!(names(dir.path()), [".output.spare", "output"]);
    // Both carry the marker.
    assert!(has_marker(&out) && has_marker(&dir.path().join(".output.spare")));
}

#[cfg(unix)]
#[test]
fn a_link_in_the_spare_is_removed_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "keep me").unwrap();
    write_atomic(&out, &[file("index.html", "one")]).unwrap();
    write_atomic(&out, &[file("index.html", "two")]).unwrap();
    let spare = dir.path().join(".output.spare");
    fs::remove_file(spare.join("index.html")).unwrap();
    std::os::unix::fs::symlink(&victim, spare.join("index.html")).unwrap();
    write_atomic(&out, &[file("index.html", "three")]).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!(tree(&out), pairs(&[("index.html", "three")]));
}

#[test]
fn an_abandoned_build_leaves_the_site_and_keeps_a_spare() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    write_atomic(&out, &[file("index.html", "good")]).unwrap();
    let staging = Staging::begin(&out, Spare::Keep).unwrap();
    staging.write(&file("index.html", "half")).unwrap();
    drop(staging);
    assert_eq!(tree(&out), pairs(&[("index.html", "good")]));
    assert!(has_marker(&dir.path().join(".output.spare")));
    write_atomic(&out, &[file("other.html", "next")]).unwrap();
    assert_eq!(tree(&out), pairs(&[("other.html", "next")]));
}

#[test]
fn a_folder_with_files_and_no_marker_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("docs");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("notes.txt"), "precious").unwrap();
    for _ in 0..2 {
        let err = write_atomic(&out, &[file("index.html", "x")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "`{}/` holds files salespulse did not write; choose an empty folder or remove them",
                out.display()
            )
        );
        assert!(err.is_refusal());
    }
    assert_eq!(tree(&out), pairs(&[("notes.txt", "precious")]));
    assert_eq!(names(dir.path()), ["docs"]);
    // An empty folder is taken: nothing in it to lose.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    write_atomic(&empty, &[file("index.html", "x")]).unwrap();
    assert_eq!(tree(&empty), pairs(&[("index.html", "x")]));
    assert!(has_marker(&empty));
}

#[cfg(unix)]
#[test]
fn links_where_folders_are_expected_are_refused_by_name() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    fs::create_dir(&victim).unwrap();
    fs::write(victim.join("keep.txt"), "keep").unwrap();
    let site = dir.path().join("site");
    fs::create_dir(&site).unwrap();
    // The output itself a link, even to a folder that looks like ours.
    let out = site.join("output");
    symlink(&victim, &out).unwrap();
    write_marker(&victim).unwrap();
    let err = write_atomic(&out, &[file("index.html", "x")]).unwrap_err();
    assert!(
        matches!(err, OutputError::Symlink { spare: false, .. }),
        "{err}"
    );
    assert!(err.to_string().contains(&format!("`{}`", out.display())));
    fs::remove_file(victim.join(MARKER)).unwrap();
    fs::remove_file(&out).unwrap();
    // The spare a link.
    let spare = site.join(".output.spare");
    symlink(&victim, &spare).unwrap();
    let err = write_atomic(&out, &[file("index.html", "x")]).unwrap_err();
    assert!(
        matches!(err, OutputError::Symlink { spare: true, .. }),
        "{err}"
    );
    assert!(err.to_string().contains(".output.spare"), "{err}");
    assert_eq!(tree(&victim), pairs(&[("keep.txt", "keep")]));
    assert_eq!(names(&site), [".output.spare"]);
    // A spare of files salespulse did not write.
    fs::remove_file(&spare).unwrap();
    fs::create_dir(&spare).unwrap();
    fs::write(spare.join("mine.txt"), "mine").unwrap();
    let err = write_atomic(&out, &[file("index.html", "x")]).unwrap_err();
    assert!(matches!(err, OutputError::ForeignSpare { .. }), "{err}");
    assert_eq!(tree(&spare), pairs(&[("mine.txt", "mine")]));
}

#[cfg(unix)]
#[test]
fn leftovers_of_dead_builds_go_and_others_stay() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    // Processes that have ended: their pids run no more.
    let ended = || {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    };
    let (dead, other) = (ended(), ended());
    assert!(!process_runs(dead) && !process_runs(other));
    assert!(process_runs(std::process::id()));
    let ours = dir.path().join(format!(".output.new-{dead}"));
    fs::create_dir(&ours).unwrap();
    write_marker(&ours).unwrap();
    fs::write(ours.join("index.html"), "half").unwrap();
    let empty = dir.path().join(format!(".output.old-{dead}"));
    fs::create_dir(&empty).unwrap();
    let foreign = dir.path().join(format!(".output.new-{other}"));
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("mine.txt"), "mine").unwrap();
    let staging = Staging::begin(&out, Spare::Keep).unwrap();
    staging.write(&file("index.html", "x")).unwrap();
    let notes = staging.commit().unwrap();
    let mut expected = vec![format!(".output.new-{other}"), "output".to_string()];
    expected.sort();
    assert_eq!(names(dir.path()), expected);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("salespulse did not write it"),
        "{notes:?}"
    );
}

#[test]
fn without_a_spare_the_previous_site_is_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    write_atomic(&out, &[file("index.html", "plain one")]).unwrap();
    write_atomic(&out, &[file("index.html", "plain two")]).unwrap();
    assert!(dir.path().join(".output.spare").is_dir());
    write_with(&out, &[file("index.html", "sealed")], Spare::None).unwrap();
    assert_eq!(names(dir.path()), ["output"]);
    assert_eq!(tree(&out), pairs(&[("index.html", "sealed")]));
    // A failed build without a spare leaves nothing beside the output either.
    let staging = Staging::begin(&out, Spare::None).unwrap();
    staging.write(&file("index.html", "half")).unwrap();
    drop(staging);
    assert_eq!(names(dir.path()), ["output"]);
}

#[cfg(unix)]
#[test]
fn a_hardlinked_copy_of_an_earlier_site_keeps_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    write_atomic(&out, &[file("index.html", "first"), file("a.html", "a")]).unwrap();
    let snapshot = dir.path().join("snapshot");
    fs::create_dir(&snapshot).unwrap();
    for name in ["index.html", "a.html"] {
        fs::hard_link(out.join(name), snapshot.join(name)).unwrap();
    }
    write_atomic(&out, &[file("index.html", "second")]).unwrap();
    // The third build rewrites the first site's files.
    write_atomic(&out, &[file("index.html", "third"), file("a.html", "b")]).unwrap();
    assert_eq!(
        tree(&snapshot),
        pairs(&[("a.html", "a"), ("index.html", "first")])
    );
    assert_eq!(
        tree(&out),
        pairs(&[("a.html", "b"), ("index.html", "third")])
    );
}

/// Makes `dir` impossible to write into, for root too (`chattr +i`),
/// or for others by its mode; undone by [`unlock`]. False where neither works.
#[cfg(unix)]
fn lock(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let immutable = std::process::Command::new("chattr")
        .arg("+i")
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success());
    if !immutable {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
    }
    writable(dir).is_err()
}

#[cfg(unix)]
fn unlock(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::process::Command::new("chattr")
        .arg("-i")
        .arg(dir)
        .status();
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_spare_that_cannot_be_written_is_left_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    let site = [
        file("index.html", "one"),
        file("team/anna/index.html", "anna"),
    ];
    write_atomic(&out, &site).unwrap();
    write_atomic(&out, &[file("index.html", "two")]).unwrap();
    let spare = dir.path().join(".output.spare");
    let locked = spare.join("team");
    if !lock(&locked) {
        eprintln!("skipped: neither chattr nor file modes stop writes here");
        unlock(&locked);
        return;
    }
    let staging = Staging::begin(&out, Spare::Keep).unwrap();
    staging.write(&file("index.html", "three")).unwrap();
    let notes = staging.commit();
    unlock(&locked);
    let notes = notes.unwrap();
    assert_eq!(tree(&out), pairs(&[("index.html", "three")]));
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains(&format!("`{}/` cannot be rewritten", spare.display()))
            && notes[0].contains("may be deleted"),
        "{notes:?}"
    );
    // The spare was left as it was; the next build, with it writable
    // again, reuses it.
    assert_eq!(
        tree(&spare),
        pairs(&[
            ("index.html", "one"),
            ("team", "/"),
            ("team/anna", "/"),
            ("team/anna/index.html", "anna")
        ])
    );
    let staging = Staging::begin(&out, Spare::Keep).unwrap();
    assert!(staging.reused && staging.notes().is_empty());
    drop(staging);
}

#[test]
fn the_site_is_not_written_among_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    fs::create_dir_all(root.join("content/weeks")).unwrap();
    fs::create_dir_all(root.join("templates")).unwrap();
    let refused = |out: PathBuf| check_place(&root, &out).unwrap_err().to_string();
    assert!(refused(root.join("content")).contains("inside the site's content/ folder"));
    assert!(refused(root.join("content/weeks/new")).contains("content/"));
    assert!(refused(root.join("templates")).contains("templates/ folder"));
    assert!(refused(root.join("x/../content")).contains("content/ folder"));
    assert!(refused(root.clone()).contains("holds the site folder itself"));
    assert!(refused(root.join(".")).contains("holds the site folder itself"));
    assert!(refused(dir.path().to_path_buf()).contains("holds the site folder itself"));
    assert!(refused(root.join("content/..")).contains("holds the site folder itself"));
    for fine in ["output", "docs", "public/site", "../elsewhere"] {
        check_place(&root, &root.join(fine)).unwrap();
    }
    #[cfg(unix)]
    {
        // Through a link to the content folder.
        std::os::unix::fs::symlink(root.join("content"), dir.path().join("c")).unwrap();
        assert!(refused(dir.path().join("c/out")).contains("content/ folder"));
    }
}
