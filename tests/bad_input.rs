//! The bad-input corpus: every folder under `tests/bad/` is a small site with
//! one mistake, and its `expected.txt` is the exact output of
//! `salespulse check --as-of 2026-11-27` (first line `exit: N`, then stderr).
//! Each case runs again with the site switched to Russian and is compared
//! with `expected.ru.txt`. See tests/bad/README.md. `UPDATE_SNAPSHOTS=1 cargo test --test bad_input`
//! rewrites the snapshots; review the diff before committing it.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Each case must finish well within this; a hang is killed at `KILL_AFTER`.
const TIME_LIMIT: Duration = Duration::from_secs(1);
const KILL_AFTER: Duration = Duration::from_secs(20);

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad")
}

/// Copies a case into a scratch folder, leaving out the harness's own files.
fn copy_case(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == "expected.txt" || name == "expected.ru.txt" || name == "setup" {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().unwrap().is_dir() {
            copy_case(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// `\n`, `\t` and `\u{XXXX}` in a setup line's text: control characters
/// are made at test time, never committed invisibly.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        if let Some(after) = tail.strip_prefix('n') {
            out.push('\n');
            rest = after;
        } else if let Some(after) = tail.strip_prefix('t') {
            out.push('\t');
            rest = after;
        } else if let Some((code, after)) = tail.strip_prefix("u{").and_then(|t| t.split_once('}'))
        {
            let code = u32::from_str_radix(code, 16).expect("\\u{HEX}");
            out.push(char::from_u32(code).expect("a Unicode scalar value"));
            rest = after;
        } else {
            out.push('\\');
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

/// Runs the `setup` file of a case: what cannot or should not be committed
/// (huge files, deep nesting, symlinks). Paths are relative to the site and
/// may leave it (`../outside/…`) to reach the scratch folder around it.
fn apply_setup(case: &Path, site: &Path) {
    let Ok(setup) = fs::read_to_string(case.join("setup")) else {
        return;
    };
    for line in setup.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.splitn(4, ' ');
        match words.next() {
            Some("append") => {
                let path = site.join(words.next().expect("append PATH COUNT TEXT"));
                let count: usize = words.next().unwrap().parse().unwrap();
                let text = unescape(words.next().unwrap_or(""));
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                let mut content = fs::read(&path).unwrap_or_default();
                content.reserve(text.len() * count);
                for _ in 0..count {
                    content.extend_from_slice(text.as_bytes());
                }
                fs::write(&path, content).unwrap();
            }
            Some("many") => {
                let pattern = words.next().expect("many PATTERN COUNT TEXT");
                let count: usize = words.next().unwrap().parse().unwrap();
                let text = unescape(words.next().unwrap_or(""));
                for n in 1..=count {
                    let path = site.join(pattern.replace("{n}", &format!("{n:05}")));
                    fs::create_dir_all(path.parent().unwrap()).unwrap();
                    fs::write(path, &text).unwrap();
                }
            }
            Some("symlink") => {
                let link = site.join(words.next().expect("symlink PATH TARGET"));
                let target = words.next().expect("symlink PATH TARGET");
                fs::create_dir_all(link.parent().unwrap()).unwrap();
                std::os::unix::fs::symlink(target, link).unwrap();
            }
            other => panic!("{}: unknown setup step {other:?}", case.display()),
        }
    }
}

/// Every path under `dir`, to prove `check` wrote nothing anywhere.
fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            out.push(entry.path());
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            }
        }
    }
    out.sort();
    out
}

struct Run {
    code: Option<i32>,
    stderr: String,
    elapsed: Duration,
}

/// The languages each case is checked in: the corpus is written in
/// English, and each site is switched to Russian for the second run.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Language {
    English,
    Russian,
}

impl Language {
    fn snapshot(self) -> &'static str {
        match self {
            Language::English => "expected.txt",
            Language::Russian => "expected.ru.txt",
        }
    }

    /// `SALESPULSE_LANG`: what a site without a readable config.yaml speaks.
    fn env(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Russian => "ru",
        }
    }
}

/// Switches a copied site to Russian: `locale: en` becomes `locale: ru` in
/// its config.yaml (same length, so every line and column stays). A
/// config.yaml without that line (missing, unreadable, another locale) is
/// left as it is: the run falls back to `SALESPULSE_LANG=ru`.
fn switch_to_russian(site: &Path) {
    let config = site.join("content/config.yaml");
    let Ok(text) = fs::read_to_string(&config) else {
        return;
    };
    let switched: Vec<String> = text
        .split('\n')
        .map(|line| match line.strip_prefix("locale: en") {
            Some(rest) if rest.trim_start().is_empty() || rest.starts_with([' ', '#', '\r']) => {
                format!("locale: ru{rest}")
            }
            _ => line.to_string(),
        })
        .collect();
    fs::write(config, switched.join("\n")).unwrap();
}

fn run_check(site: &Path, language: Language) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_salespulse"))
        .arg("--root")
        .arg(site)
        .args(["check", "--as-of", "2026-11-27"])
        .env("NO_COLOR", "1")
        .env("SALESPULSE_LANG", language.env())
        .env_remove("SOURCE_DATE_EPOCH")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        stderr.read_to_end(&mut buf).unwrap();
        buf
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > KILL_AFTER {
            child.kill().unwrap();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&reader.join().unwrap()).into_owned();
    Run {
        code: status.code(),
        stderr,
        elapsed,
    }
}

/// Every diagnostic must say where: its header is followed by a `-->` line.
fn unlocated(stderr: &str) -> Vec<String> {
    let lines: Vec<&str> = stderr.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("error: ") || l.starts_with("warning: "))
        .filter(|(i, _)| !lines.get(i + 1).is_some_and(|n| n.contains("--> ")))
        .map(|(_, l)| l.to_string())
        .collect()
}

#[test]
fn every_bad_input_is_explained() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let mut cases: Vec<PathBuf> = fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 25, "the corpus lost cases: {}", cases.len());
    let mut failures = Vec::new();
    for (case, language) in cases
        .iter()
        .flat_map(|c| [(c, Language::English), (c, Language::Russian)])
    {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let name = match language {
            Language::English => name,
            Language::Russian => format!("{name} (ru)"),
        };
        let scratch = tempfile::tempdir().unwrap();
        let site = scratch.path().join("site");
        copy_case(case, &site);
        apply_setup(case, &site);
        if language == Language::Russian {
            switch_to_russian(&site);
        }
        let before = tree(scratch.path());
        let run = run_check(&site, language);
        let actual = format!("exit: {}\n{}", run.code.unwrap_or(-1), run.stderr);
        let expected_path = case.join(language.snapshot());
        if update {
            fs::write(&expected_path, &actual).unwrap();
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{name}: output differs (UPDATE_SNAPSHOTS=1 rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}"
            ));
        }
        if !matches!(run.code, Some(0 | 1)) || run.stderr.contains("panicked") {
            failures.push(format!("{name}: crashed or was killed ({:?})", run.code));
        }
        if run.elapsed > TIME_LIMIT {
            failures.push(format!("{name}: took {:?}", run.elapsed));
        }
        let missing = unlocated(&run.stderr);
        if !missing.is_empty() {
            failures.push(format!("{name}: diagnostics without a file: {missing:?}"));
        }
        if tree(scratch.path()) != before {
            failures.push(format!("{name}: `check` wrote files"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// Latin words of a Russian line outside backticks, but for the names of
/// things (and the `error`/`warning`/`help` marks, which stay as cargo's).
fn english_words(text: &str) -> Vec<&str> {
    salespulse::locale::latin_words(
        text,
        &[
            "CRM", "YAML", "ISO", "UTF", "README", "Windows", "GitHub", "CSV",
        ],
    )
}

/// What `check` says on a Russian site is Russian: messages, notes under
/// the caret and hints of every Russian snapshot, ids and keys aside.
#[test]
fn russian_snapshots_speak_russian() {
    let mut failures = Vec::new();
    for entry in fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path().join("expected.ru.txt");
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        for line in text.lines() {
            let line = line.trim_start();
            let said = if let Some(m) = line
                .strip_prefix("error: ")
                .or_else(|| line.strip_prefix("warning: "))
                .or_else(|| line.strip_prefix("= help: "))
            {
                m
            } else if line.starts_with('|') && line.contains('^') {
                // The note after the carets.
                line.rsplit('^').next().unwrap_or("")
            } else {
                continue;
            };
            let english = english_words(said);
            if !english.is_empty() {
                failures.push(format!("{}: {english:?} in {line}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The README's table of the most common mistakes quotes what `check`
/// really says: each message is the first line of a Russian snapshot.
#[test]
fn the_readme_quotes_the_russian_corpus() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let table = readme
        .split("| mistake | `check` says |\n|---|---|\n")
        .nth(1)
        .expect("the README's table of mistakes");
    let mut snapshots = String::new();
    for entry in fs::read_dir(corpus()).unwrap() {
        snapshots +=
            &fs::read_to_string(entry.unwrap().path().join("expected.ru.txt")).unwrap_or_default();
    }
    let mut rows = 0;
    for row in table.lines().take_while(|l| l.starts_with('|')) {
        let said = row
            .split(" | ")
            .nth(1)
            .expect("two cells")
            .trim_end_matches(" |");
        // Up to the hint quoted in brackets, without the double-backtick span.
        let said = said.split(" (").next().unwrap();
        let said = said.trim_start_matches("`` ").trim_end_matches(" ``");
        assert!(
            snapshots.contains(&format!("error: {said}\n")),
            "the README quotes «{said}», which no Russian snapshot says"
        );
        rows += 1;
    }
    assert!(rows >= 15, "{rows} mistakes in the README's table");
}
