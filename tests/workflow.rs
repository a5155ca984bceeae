//! The sales head's daily workflow: init, new, schema, serve, and a site
//! that works under a sub-path with no broken internal link.

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn salespulse(args: &[&str]) -> std::process::Output {
    common::run(args)
}

#[test]
fn init_new_and_build_work_as_a_new_user_would_try() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("x");
    let root = site.to_str().unwrap();
    assert!(salespulse(&["init", root]).status.success());
    for file in [
        ".gitignore",
        "README.md",
        ".github/workflows/pages.yml",
        "schemas/week.json",
        "content/team.yaml",
    ] {
        assert!(site.join(file).exists(), "init wrote no {file}");
    }
    let week = salespulse(&["--root", root, "new", "week"]);
    assert!(
        week.status.success(),
        "{}",
        String::from_utf8_lossy(&week.stderr)
    );
    let path = String::from_utf8(week.stdout).unwrap();
    assert!(
        path.trim().ends_with("content/weeks/2026-W49.yaml"),
        "{path}"
    );
    let standup = salespulse(&["--root", root, "new", "standup", "--as-of", "2026-11-30"]);
    assert!(standup.status.success());
    // Twice is refused, and the file stays as it was.
    let again = salespulse(&["--root", root, "new", "standup", "--as-of", "2026-11-30"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists; not overwriting it"));
    common::build(&site, "2026-11-30");
    // A second init into the same folder is refused.
    assert_eq!(salespulse(&["init", root]).status.code(), Some(1));
}

#[test]
fn init_empty_builds() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("e");
    assert!(
        salespulse(&["init", site.to_str().unwrap(), "--empty"])
            .status
            .success()
    );
    let check = salespulse(&["--root", site.to_str().unwrap(), "check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn schema_writes_one_file_per_kind() {
    let dir = tempfile::tempdir().unwrap();
    let out = salespulse(&[
        "--root",
        dir.path().to_str().unwrap(),
        "schema",
        "--out",
        "s",
    ]);
    assert!(out.status.success());
    let names: Vec<String> = fs::read_dir(dir.path().join("s"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 11);
    let week: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("s/week.json")).unwrap()).unwrap();
    assert_eq!(week["additionalProperties"], false);
}

#[test]
fn schema_overwrites_only_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_str().unwrap();
    let out = dir.path().join("schemas");
    fs::create_dir(&out).unwrap();
    // The user's own file under a schema's name.
    fs::write(out.join("week.json"), "{\"my\": \"notes\"}\n").unwrap();
    let run = salespulse(&["--root", root, "schema"]);
    let text = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!(
            "`{}` was not written by `salespulse schema`; refusing to overwrite it",
            out.join("week.json").display()
        )),
        "{text}"
    );
    assert!(text.contains("nothing was written"), "{text}");
    assert_eq!(
        fs::read_to_string(out.join("week.json")).unwrap(),
        "{\"my\": \"notes\"}\n"
    );
    assert_eq!(
        fs::read_dir(&out).unwrap().count(),
        1,
        "other schemas were written"
    );
    // Without it, the schemas are written; again, they are replaced; and
    // one from an earlier version (same kind, other text) is replaced too.
    fs::remove_file(out.join("week.json")).unwrap();
    assert!(salespulse(&["--root", root, "schema"]).status.success());
    let week = fs::read_to_string(out.join("week.json")).unwrap();
    fs::write(
        out.join("week.json"),
        week.replace("\"type\": \"object\"", "\"type\":\"object\""),
    )
    .unwrap();
    assert!(salespulse(&["--root", root, "schema"]).status.success());
    assert_eq!(fs::read_to_string(out.join("week.json")).unwrap(), week);
    // A schema of another kind under this name is not this one.
    fs::write(out.join("team.json"), &week).unwrap();
    assert_eq!(
        salespulse(&["--root", root, "schema"]).status.code(),
        Some(1)
    );
    assert_eq!(fs::read_to_string(out.join("team.json")).unwrap(), week);
    #[cfg(unix)]
    {
        // A link is never written through.
        let target = dir.path().join("elsewhere.json");
        fs::write(&target, "mine\n").unwrap();
        fs::remove_file(out.join("team.json")).unwrap();
        std::os::unix::fs::symlink(&target, out.join("team.json")).unwrap();
        assert_eq!(
            salespulse(&["--root", root, "schema"]).status.code(),
            Some(1)
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "mine\n");
    }
}

#[test]
fn a_sub_path_build_has_no_broken_internal_link() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &dir.path().join("content"),
    );
    let config = dir.path().join("content/config.yaml");
    let text = fs::read_to_string(&config)
        .unwrap()
        .replace("base_url: \"/\"", "base_url: \"/salespulse/\"");
    fs::write(&config, text).unwrap();
    let out = common::build(dir.path(), "2026-11-27");
    let broken = common::broken_links(&out);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    assert!(
        !fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains("href=\"/"),
        "no root-absolute links"
    );
}

struct Serving {
    child: Child,
    address: String,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(root: &Path) -> Serving {
    let mut child = Command::new(env!("CARGO_BIN_EXE_salespulse"))
        .args([
            "--root",
            root.to_str().unwrap(),
            "serve",
            "--port",
            "0",
            "--as-of",
            "2026-11-25",
        ])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split_whitespace()
        .nth(1)
        .expect("serving ADDRESS")
        .to_string();
    assert!(address.starts_with("http://127.0.0.1:"), "{line}");
    Serving { child, address }
}

fn get(url: &str) -> String {
    ureq::get(url)
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap()
}

/// Polls `url` until `pred` holds, for at most 2 s; the time it took.
fn within_two_seconds(url: &str, pred: impl Fn(&str) -> bool) -> Duration {
    let started = Instant::now();
    loop {
        let body = get(url);
        if pred(&body) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "not visible within 2 s:\n{body}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_rebuilds_on_change_shows_errors_and_recovers() {
    let site = common::fixture("practice");
    let s = serve(site.path());
    let index = format!("{}index.html", s.address);
    assert!(get(&index).contains("Fixture sales team"));
    assert!(get(&format!("{}__salespulse/reload.js", s.address)).contains("location.reload"));
    let config = site.path().join("content/config.yaml");
    let text = fs::read_to_string(&config).unwrap();
    std::thread::sleep(Duration::from_millis(300)); // let the watcher settle
    fs::write(&config, text.replace("Fixture sales team", "Renamed team")).unwrap();
    within_two_seconds(&index, |b| b.contains("Renamed team"));
    // A broken edit: the page shows the diagnostic, and serving goes on.
    let week = site.path().join("content/weeks/2026-W47.yaml");
    let good = fs::read_to_string(&week).unwrap();
    fs::write(
        &week,
        good.replace("deals: 2, revenue: 11000", "dealz: 2, revenue: 11000"),
    )
    .unwrap();
    within_two_seconds(&index, |b| {
        b.contains("unknown key `dealz`") && b.contains("2026-W47.yaml:3:")
    });
    fs::write(&week, good).unwrap();
    within_two_seconds(&index, |b| b.contains("Renamed team"));
    // Only loopback: the address is 127.0.0.1.
    assert!(s.address.starts_with("http://127.0.0.1:"));
}
