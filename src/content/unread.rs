//! Files under `content/` that no kind reads. Each is an error, because a
//! week saved as `2026-W47.yml` would otherwise vanish from the site while
//! CI stays green; the message names the file to rename it to when one is
//! plain from its folder, name and extension.
//!
//! Hidden files (`.gitkeep`, `.DS_Store`, an editor's `.x.swp`) and
//! backups ending in `~` are not content and are skipped without a word:
//! `init` puts a `.gitkeep` in every empty folder, and an editor's swap file
//! must not fail `serve` while the head types.

use super::parse::classify;
use crate::diagnostic::{Diagnostic, closest};
use crate::problem::{Files, Problem};

/// Unread files listed one by one; beyond these, one error counts them.
const SHOWN: usize = 5;

/// The folders of `content/` and the extension each one's files have.
const FOLDERS: [(&str, &str); 8] = [
    ("targets", "yaml"),
    ("weeks", "yaml"),
    ("assessments", "yaml"),
    ("standups", "md"),
    ("idp", "md"),
    ("months", "md"),
    ("pages", "md"),
    ("one-on-ones", "md"),
];
const ROOT_FILES: [&str; 3] = ["config", "team", "checklist"];

/// Whether a path under `content/` is a hidden file, inside a hidden
/// folder, or an editor's backup: never content, skipped.
pub(super) fn is_litter(relative: &str) -> bool {
    relative.split('/').any(|part| part.starts_with('.')) || relative.ends_with('~')
}

/// The error for a file no kind reads, at its display `path`.
pub(super) fn unread(path: &str, relative: &str) -> Diagnostic {
    Diagnostic::error(
        path,
        Files::Unread {
            rename_to: rename_to(relative),
        },
    )
}

/// The name under `content/` that a misnamed file was meant to have: the
/// right extension (`.yml` → `.yaml`, `.markdown` → `.md`), its folder
/// spelt as the loader reads it (`week/` → `weeks/`), a nested folder
/// flattened, a root file's name corrected (`teams.yaml` → `team.yaml`).
pub(super) fn rename_to(relative: &str) -> Option<String> {
    // `weeks\2026-W47.yaml`, saved from Windows into one name.
    let slashed = relative.replace('\\', "/");
    let (dir, name) = slashed.rsplit_once('/').unwrap_or(("", &slashed));
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let candidate = if dir.is_empty() {
        let lower = stem.to_lowercase();
        format!("{}.yaml", closest(&lower, ROOT_FILES)?)
    } else {
        let top = dir.split('/').next().unwrap_or(dir).to_lowercase();
        let folder = closest(&top, FOLDERS.map(|(f, _)| f))?;
        let ext = FOLDERS
            .iter()
            .find(|(f, _)| *f == folder)
            .map(|(_, e)| *e)?;
        format!("{folder}/{stem}.{ext}")
    };
    (candidate != relative && classify(&candidate).is_some()).then_some(candidate)
}

/// Keeps the first [`SHOWN`] unread-file errors and counts the rest in one:
/// 100,000 stray files are one problem, not 100,000 lines.
pub(super) fn summarise(diagnostics: &mut Vec<Diagnostic>) {
    let is_unread = |d: &Diagnostic| matches!(*d.problem, Problem::Files(Files::Unread { .. }));
    let count = diagnostics.iter().filter(|d| is_unread(d)).count();
    if count <= SHOWN {
        return;
    }
    let mut shown = 0;
    diagnostics.retain(|d| {
        if !is_unread(d) {
            return true;
        }
        shown += 1;
        shown <= SHOWN
    });
    diagnostics.push(Diagnostic::error(
        "content",
        Files::ManyUnread {
            count,
            shown: SHOWN,
        },
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_to_rename_to() {
        let cases = [
            ("weeks/2026-W47.yml", Some("weeks/2026-W47.yaml")),
            ("weeks/2026-W47.YAML", Some("weeks/2026-W47.yaml")),
            ("week/2026-W47.yaml", Some("weeks/2026-W47.yaml")),
            ("weeks/2025/2025-W01.yaml", Some("weeks/2025-W01.yaml")),
            (
                "standups/2026-11-23.markdown",
                Some("standups/2026-11-23.md"),
            ),
            ("standups/2026-11-23.yaml", Some("standups/2026-11-23.md")),
            (
                "one-on-one/2026-11-18-petr.md",
                Some("one-on-ones/2026-11-18-petr.md"),
            ),
            ("config.yml", Some("config.yaml")),
            ("weeks\\2026-W47.yaml", Some("weeks/2026-W47.yaml")),
            ("teams.yaml", Some("team.yaml")),
            ("Team.YAML", Some("team.yaml")),
            ("notes.txt", None),
            ("archive/2025-W01.yaml", None),
        ];
        for (from, to) in cases {
            assert_eq!(rename_to(from).as_deref(), to, "{from}");
        }
    }

    #[test]
    fn hidden_files_and_backups_are_litter() {
        for litter in [
            ".gitkeep",
            "weeks/.gitkeep",
            ".git/HEAD",
            "weeks/2026-W47.yaml~",
            "weeks/.2026-W47.yaml.swp",
        ] {
            assert!(is_litter(litter), "{litter}");
        }
        assert!(!is_litter("weeks/2026-W47.yml"));
    }
}
