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
    // 2026-W49 has working days in November and December: two files.
    let paths = String::from_utf8(week.stdout).unwrap();
    let names: Vec<&str> = paths
        .lines()
        .map(|l| l.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(names, ["2026-W49-11.yaml", "2026-W49-12.yaml"], "{paths}");
    let part = fs::read_to_string(site.join("content/weeks/2026-W49-11.yaml")).unwrap();
    assert!(part.contains("week: 2026-W49\nmonth: 2026-11\n"), "{part}");
    let standup = salespulse(&["--root", root, "new", "standup", "--as-of", "2026-11-30"]);
    assert!(standup.status.success());
    // Twice is refused, and the file stays as it was.
    let again = salespulse(&["--root", root, "new", "standup", "--as-of", "2026-11-30"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("такой файл уже есть; он не перезаписан")
    );
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

#[test]
fn the_init_workflow_runs_the_pinned_release_binary_after_checking_it() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("w");
    assert!(
        salespulse(&["init", site.to_str().unwrap()])
            .status
            .success()
    );
    let workflow = fs::read_to_string(site.join(".github/workflows/pages.yml")).unwrap();
    let version = format!("SALESPULSE_VERSION: v{}\n", env!("CARGO_PKG_VERSION"));
    assert!(workflow.contains(&version), "not pinned to {version}");
    assert!(!workflow.contains("__VERSION__"));
    // Both jobs download the archive, check it, and only then install it.
    let installs: Vec<&str> = workflow
        .split("- name: Install salespulse")
        .skip(1)
        .collect();
    assert_eq!(installs.len(), 2);
    for step in installs {
        let check = step.find("sha256sum -c -").expect("checksum verified");
        let unpack = step.find("tar -xzf").unwrap();
        assert!(check < unpack, "unpacked before the checksum was checked");
        assert!(step.contains("$base/SHA256SUMS"));
    }
    // Compiling from source is documented, not done.
    for line in workflow.lines().filter(|l| l.contains("cargo install")) {
        assert!(line.trim_start().starts_with('#'), "compiles: {line}");
    }
    // The archive it downloads is one the release workflow makes.
    let release = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/release.yml"),
    )
    .unwrap();
    assert!(workflow.contains("archive=salespulse-x86_64-unknown-linux-musl.tar.gz"));
    for target in [
        "x86_64-unknown-linux-musl",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(release.contains(&format!("target: {target}")), "{target}");
    }
    assert!(release.contains("name=\"salespulse-${TARGET}\""));
    assert!(release.contains("tar -C dist -czf \"dist/${name}.tar.gz\""));
    assert!(release.contains("sha256sum -- *.tar.gz *.zip > SHA256SUMS"));
}

/// A step of `jobs.<job>.steps` by name: its `run` script and `env`.
fn step(workflow: &Path, job: &str, name: &str) -> (String, Vec<(String, String)>) {
    let text = fs::read_to_string(workflow).unwrap();
    let yaml: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    let step = yaml["jobs"][job]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no step {name:?} in {}", workflow.display()));
    let env = step["env"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default();
    (step["run"].as_str().unwrap().to_string(), env)
}

/// Runs a step's script as GitHub Actions does (`bash -eo pipefail`), with
/// the workflow's `env`, then `env` (a test's stand-ins for secrets and
/// contexts; `${{ … }}` values of the step are never used).
fn run_step(script: &str, cwd: &Path, env: &[(&str, &str)]) -> std::process::Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_salespulse"))
        .parent()
        .unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let mut cmd = Command::new("bash");
    cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(cwd)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("DIGEST_SCHEDULE", "weekly")
        .env("DIGEST_AUDIENCE", "owner")
        .env("DIGEST_NUMBERS", "no")
        .env("SOURCE_DATE_EPOCH", "1795737600"); // 2026-11-27
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// `application/x-www-form-urlencoded` into pairs.
fn form(body: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        let bytes = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                    i += 2;
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8(out).unwrap()
    };
    body.split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap();
            (decode(k), decode(v))
        })
        .collect()
}

#[test]
fn the_digest_steps_post_to_the_bot_api_and_skip_without_secrets() {
    for workflow in ["templates/init/pages.yml", ".github/workflows/pages.yml"] {
        let workflow = Path::new(env!("CARGO_MANIFEST_DIR")).join(workflow);
        let (digest_script, _) = step(&workflow, "deploy", "Digest");
        let (telegram_script, telegram_env) = step(&workflow, "deploy", "Digest to Telegram");
        assert!(
            telegram_env
                .iter()
                .any(|(k, v)| k == "TELEGRAM_API" && v == "https://api.telegram.org")
        );
        if workflow.ends_with(".github/workflows/pages.yml") {
            // The repository's own copy builds with cargo; the script is the same.
            let (init_script, _) = step(
                &Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/init/pages.yml"),
                "deploy",
                "Digest",
            );
            assert_eq!(
                digest_script.replace("cargo run --release --quiet -- digest", "salespulse digest"),
                init_script
            );
            continue;
        }
        let site = tempfile::tempdir().unwrap();
        common::copy_tree(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
            &site.path().join("content"),
        );
        let temp = tempfile::tempdir().unwrap();
        let runner_temp = temp.path().to_str().unwrap();
        let outputs = temp.path().join("outputs");
        let outputs_path = outputs.to_str().unwrap();
        let base = [
            ("RUNNER_TEMP", runner_temp),
            ("GITHUB_OUTPUT", outputs_path),
            ("PAGE_URL", "https://example.github.io/salespulse/"),
            ("ENCRYPTED", "false"),
        ];

        // No secrets: nothing is written, nothing is sent, the step succeeds.
        let mut env = base.to_vec();
        env.extend([("EVENT", "workflow_dispatch"), ("ASKED", "week")]);
        let out = run_step(&digest_script, site.path(), &env);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout), "no digest this run\n");
        assert_eq!(
            fs::read_to_string(&outputs).unwrap(),
            "telegram=false\nmail=false\n"
        );

        // A push sends nothing even with the secrets.
        fs::remove_file(&outputs).unwrap();
        let secrets = [
            ("TELEGRAM_BOT_TOKEN", "123456:ABC-def"),
            ("TELEGRAM_CHAT_ID", "-1001234567890"),
        ];
        let mut env = base.to_vec();
        env.extend(secrets);
        env.push(("EVENT", "push"));
        let out = run_step(&digest_script, site.path(), &env);
        assert!(out.status.success());
        assert!(
            fs::read_to_string(&outputs)
                .unwrap()
                .starts_with("telegram=false")
        );

        // Asked for a week's digest, with the Telegram secrets.
        fs::remove_file(&outputs).unwrap();
        let mut env = base.to_vec();
        env.extend(secrets);
        env.extend([("EVENT", "workflow_dispatch"), ("ASKED", "week")]);
        let out = run_step(&digest_script, site.path(), &env);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let written = fs::read_to_string(&outputs).unwrap();
        assert!(written.contains("telegram=true\nmail=false\n"), "{written}");
        assert!(written.starts_with("subject=Отдел продаж — онлайн-школа «Пример» · неделя 48"));
        let message = fs::read_to_string(temp.path().join("digest.telegram")).unwrap();
        assert!(message.starts_with("<b>Отдел продаж"), "{message}");
        assert!(
            message.contains("<a href=\"https://example.github.io/salespulse/weeks/2026-W48/\">")
        );

        // The Telegram step against a stand-in for the Bot API on loopback.
        let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
        let api = format!("http://{}", server.server_addr().to_ip().unwrap());
        let got = std::thread::spawn(move || {
            let mut request = server
                .recv_timeout(Duration::from_secs(20))
                .unwrap()
                .expect("curl made no request");
            let mut body = String::new();
            request.as_reader().read_to_string(&mut body).unwrap();
            let seen = (
                request.method().to_string(),
                request.url().to_string(),
                request
                    .headers()
                    .iter()
                    .find(|h| h.field.equiv("Content-Type"))
                    .map(|h| h.value.to_string()),
                body,
            );
            request
                .respond(tiny_http::Response::from_string(
                    "{\"ok\":true,\"result\":{}}",
                ))
                .unwrap();
            seen
        });
        let mut env = base.to_vec();
        env.extend(secrets);
        env.push(("TELEGRAM_API", &api));
        let out = run_step(&telegram_script, site.path(), &env);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (method, url, content_type, body) = got.join().unwrap();
        assert_eq!(method, "POST");
        assert_eq!(url, "/bot123456:ABC-def/sendMessage");
        assert_eq!(
            content_type.as_deref(),
            Some("application/x-www-form-urlencoded")
        );
        let fields = form(&body);
        let field = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(field("chat_id"), Some("-1001234567890"));
        assert_eq!(field("parse_mode"), Some("HTML"));
        assert_eq!(
            field("link_preview_options"),
            Some("{\"is_disabled\":true}")
        );
        assert_eq!(
            field("text"),
            Some(message.as_str()),
            "the digest, byte for byte"
        );

        // An encrypted site's digest has no figures unless opted in.
        fs::remove_file(&outputs).unwrap();
        let mut env = base.to_vec();
        env.extend(secrets);
        env.extend([
            ("EVENT", "workflow_dispatch"),
            ("ASKED", "month"),
            ("ENCRYPTED", "true"),
        ]);
        assert!(run_step(&digest_script, site.path(), &env).status.success());
        let message = fs::read_to_string(temp.path().join("digest.text")).unwrap();
        assert!(
            !message.contains('₽') && !message.contains('%'),
            "{message}"
        );
        env.push(("DIGEST_NUMBERS", "yes"));
        assert!(run_step(&digest_script, site.path(), &env).status.success());
        let message = fs::read_to_string(temp.path().join("digest.text")).unwrap();
        assert!(message.contains('₽'), "opted in: {message}");
    }
}
