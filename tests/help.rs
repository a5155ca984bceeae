//! `--help` of every command, in both languages, byte for byte
//! (`tests/snapshots/help/`; `UPDATE_SNAPSHOTS=1 cargo test --test help`
//! rewrites them after a deliberate change), and the language chosen as
//! the site's when there is a site, else as the environment's.

use std::path::Path;
use std::process::Command;

/// Every command and subcommand, as typed after `salespulse`.
const COMMANDS: &[&[&str]] = &[
    &[],
    &["build"],
    &["check"],
    &["serve"],
    &["new"],
    &["new", "week"],
    &["new", "standup"],
    &["new", "idp"],
    &["init"],
    &["digest"],
    &["import"],
    &["schema"],
];

/// `salespulse --root ROOT COMMAND… --help` with `SALESPULSE_LANG=lang`.
fn help(root: &Path, lang: &str, command: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_salespulse"))
        .arg("--root")
        .arg(root)
        .args(command)
        .arg("--help")
        .env("SALESPULSE_LANG", lang)
        .env("NO_COLOR", "1")
        .output()
        .expect("run salespulse");
    assert!(out.status.success(), "{command:?} --help failed");
    String::from_utf8(out.stdout).expect("help is UTF-8")
}

#[test]
fn help_of_every_command_in_both_languages() {
    // No site here: the environment chooses.
    let nowhere = tempfile::tempdir().unwrap();
    let snapshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/help");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut changed = Vec::new();
    for lang in ["ru", "en"] {
        for command in COMMANDS {
            let text = help(nowhere.path(), lang, command);
            let name = match command.join("-") {
                n if n.is_empty() => format!("{lang}-salespulse.txt"),
                n => format!("{lang}-{n}.txt"),
            };
            let path = snapshots.join(&name);
            if update {
                std::fs::create_dir_all(&snapshots).unwrap();
                std::fs::write(&path, &text).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                changed.push(format!("{name}:\n{text}"));
            }
        }
    }
    assert!(
        changed.is_empty(),
        "help changed; if that is intended, run with UPDATE_SNAPSHOTS=1 and review the diff\n{}",
        changed.join("\n")
    );
}

#[test]
fn russian_help_says_everything_in_russian() {
    let nowhere = tempfile::tempdir().unwrap();
    for command in COMMANDS {
        let text = help(nowhere.path(), "ru", command);
        // What stays in Latin: option and command names, file and
        // environment names, formats and values typed as they are.
        for line in text.lines() {
            for word in
                line.split(|c: char| !(c.is_ascii_alphanumeric() || "-_./:=<>[]`".contains(c)))
            {
                let latin = word.chars().any(|c| c.is_ascii_alphabetic());
                let typed = word.starts_with('-')
                    || word.contains(['/', '.', '_', '='])
                    || word.chars().all(|c| !c.is_ascii_lowercase())
                    || [
                        "salespulse",
                        "build",
                        "check",
                        "serve",
                        "new",
                        "week",
                        "standup",
                        "idp",
                        "init",
                        "digest",
                        "import",
                        "schema",
                        "help",
                        "owner",
                        "team",
                        "human",
                        "json",
                        "github",
                        "day",
                        "month",
                        "targets",
                        "assessment",
                        "one-on-one",
                        "text",
                        "markdown",
                        "html",
                        "telegram",
                        "amocrm",
                        "bitrix24",
                        "hubspot",
                        "pipedrive",
                        "salesforce",
                        "generic",
                        "base_url",
                        "git",
                        "petr-sidorov",
                        "Markdown",
                        "GitHub",
                        "Pages",
                        "Actions",
                        "Telegram",
                    ]
                    .contains(&word.trim_matches(['[', ']', '<', '>', '`', ':']));
                assert!(!latin || typed, "{command:?}: {word:?} in {line:?}");
            }
        }
    }
}

#[test]
fn the_site_chooses_the_language_before_the_environment() {
    // The demo is Russian: its help is, whatever the terminal says.
    let demo = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(help(demo, "en", &["build"]).contains("Как запускать: salespulse build"));
    // `--root=DIR` after the command, an English site.
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("content")).unwrap();
    std::fs::write(
        site.path().join("content/config.yaml"),
        "title: T\nlocale: en\n  broken: [\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_salespulse"))
        .args(["check", "--help"])
        .arg(format!("--root={}", site.path().display()))
        .env("SALESPULSE_LANG", "ru")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Usage: salespulse check"), "{text}");
}
