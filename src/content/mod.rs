//! Loading: walk `content/`, read each file once, parse it into its typed
//! kind. Every problem becomes a `Diagnostic`; nothing is skipped silently.
//! Reading the files is in `files`, parsing and putting them together in
//! `parse`; this module strings the two together, on disk or in memory.

pub mod assessment;
pub mod checklist;
pub mod config;
mod files;
pub mod front_matter;
pub mod idp;
pub mod metric;
pub mod month_note;
pub mod one_on_one;
pub mod page;
mod parse;
pub mod standup;
pub mod targets;
pub mod team;
mod unread;
pub mod value;
pub mod week;
pub mod yaml;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;
use serde_saphyr::Spanned;

pub use assessment::Assessment;
pub use checklist::Checklist;
pub use config::{Config, Label, Labels, Locale};
pub use idp::{Goal, Idp, IdpStatus};
pub use metric::{PlanMetric, Ratio};
pub use month_note::{Action, Actions, Explanation, MonthNote};
pub use one_on_one::{Mood, OneOnOne};
pub use page::{Audience, Page, PageKind};
pub use standup::{Report, Standup};
pub use targets::{Plan, Targets};
pub use team::{Manager, Team};
pub use week::{PeriodProblem, WeekEntry, WeekFile};

pub use files::decode;
use files::{load_templates, read_bytes, too_large, walk};
pub use parse::{Parsed, ReadFile, parse_all, parse_file};
use parse::{assemble, classify};

use crate::calendar::WorkCalendar;
use crate::diagnostic::{Diagnostic, SourceMap};
use crate::problem::{Files, Problem};

/// Files larger than this are refused unread: the largest real content file
/// (a month of stand-up notes) is a few hundred kilobytes (docs/limits.md).
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// Most content files a site may have. Three years of a big department are
/// ≈ 1,200 (daily stand-ups are most of them); far more is a mistake, such
/// as a script writing files in a loop, and would make pages and output
/// without bound (docs/limits.md).
pub const MAX_CONTENT_FILES: usize = 10_000;

pub const CONFIG_PATH: &str = "content/config.yaml";
pub const TEAM_PATH: &str = "content/team.yaml";

/// A parsed file with the path diagnostics name and the number of lines
/// before its YAML (1 for front matter), so positions are file lines.
#[derive(Debug, Clone)]
pub struct Doc<T> {
    pub path: String,
    pub line_offset: u64,
    pub data: T,
}

impl<T> Doc<T> {
    /// A diagnostic at a YAML-relative position of this file.
    pub fn error_at<S>(&self, spanned: &Spanned<S>, problem: impl Into<Problem>) -> Diagnostic {
        self.locate(Diagnostic::error(&self.path, problem), spanned)
    }

    pub fn warning_at<S>(&self, spanned: &Spanned<S>, problem: impl Into<Problem>) -> Diagnostic {
        self.locate(Diagnostic::warning(&self.path, problem), spanned)
    }

    fn locate<S>(&self, d: Diagnostic, spanned: &Spanned<S>) -> Diagnostic {
        let (line, column) = value::position(spanned);
        if line == 0 {
            return d;
        }
        let width = spanned.referenced.span().len().max(1) as usize;
        d.at(line + self.line_offset, column).width(width)
    }

    /// A diagnostic at a map key of this file.
    pub fn key_error(&self, key: &value::Key, problem: impl Into<Problem>) -> Diagnostic {
        self.error_at(&key.0, problem)
            .width(key.as_str().chars().count())
    }

    pub fn key_warning(&self, key: &value::Key, problem: impl Into<Problem>) -> Diagnostic {
        self.warning_at(&key.0, problem)
            .width(key.as_str().chars().count())
    }

    /// The file's name without its extension (`2026-W47`).
    pub fn stem(&self) -> &str {
        let name = self.path.rsplit('/').next().unwrap_or(&self.path);
        name.rsplit_once('.').map_or(name, |(stem, _)| stem)
    }
}

/// Everything under `content/`, typed, plus the site's own templates.
#[derive(Debug, Default, Clone)]
pub struct Content {
    pub sources: SourceMap,
    pub config: Config,
    /// The working days `config.yaml`'s `calendar` describes.
    pub calendar: WorkCalendar,
    pub team: Team,
    pub targets: Vec<Doc<Targets>>,
    pub weeks: Vec<Doc<WeekFile>>,
    pub standups: Vec<Doc<Standup>>,
    pub idps: Vec<Doc<Idp>>,
    pub assessments: Vec<Doc<Assessment>>,
    pub month_notes: Vec<Doc<MonthNote>>,
    pub pages: Vec<Doc<Page>>,
    pub one_on_ones: Vec<Doc<OneOnOne>>,
    pub checklist: Option<Doc<Checklist>>,
    /// The site's `templates/` files by name, overriding the built-in ones.
    pub templates: BTreeMap<String, String>,
    /// Files that are missing, unreadable or did not parse (already reported):
    /// checks that lean on them are skipped, so one mistake in team.yaml is
    /// one error, not one per manager id in every other file.
    pub failed: BTreeSet<String>,
}

/// Reads and parses the site under `root`. Returns what could be loaded and
/// every problem met; the caller decides whether errors stop the build.
pub fn load(root: &Path) -> (Content, Vec<Diagnostic>) {
    load_with(root, parse_all)
}

/// [`load`], with the files' bytes turned into parsed files by `parse`
/// (`serve` parses again only the files that changed; a build uses
/// [`parse_all`]). `parse` keeps the files' order.
pub fn load_with(
    root: &Path,
    parse: impl FnOnce(Vec<ReadFile>) -> Vec<Parsed>,
) -> (Content, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let dir = root.join("content");
    if !dir.is_dir() {
        diagnostics.push(Diagnostic::error(
            "content",
            Files::NoContentFolder {
                root: root.display().to_string(),
            },
        ));
        return (Content::default(), diagnostics);
    }
    let found = walk(&dir, "content", &mut diagnostics);
    let counted = found
        .iter()
        .filter(|(_, relative)| classify(relative).is_some())
        .count();
    if counted > MAX_CONTENT_FILES {
        diagnostics.push(too_many_files(counted));
        return (unread(), diagnostics);
    }
    let read: Vec<(String, Option<Vec<u8>>, Vec<Diagnostic>)> = found
        .into_par_iter()
        .map(|(path, relative)| {
            // Unexpected files are reported, not read.
            let mut problems = Vec::new();
            let bytes = classify(&relative).and_then(|_| read_bytes(root, &path, &mut problems));
            (path, bytes, problems)
        })
        .collect();
    let mut files = Vec::with_capacity(read.len());
    for (path, bytes, problems) in read {
        diagnostics.extend(problems);
        files.push((path, bytes));
    }
    let mut content = assemble(parse(files), &mut diagnostics);
    content.templates = load_templates(root, &mut diagnostics);
    (content, diagnostics)
}

/// Loads a site from files already in memory, as `(path, bytes)` with paths
/// like `content/weeks/2026-W47.yaml`: the same parsing as [`load`], without
/// a disk (for tests and fuzzing).
pub fn load_from_memory(mut files: Vec<(String, Vec<u8>)>) -> (Content, Vec<Diagnostic>) {
    files.sort();
    let mut diagnostics = Vec::new();
    let counted = files
        .iter()
        .filter(|(path, _)| classify(path.strip_prefix("content/").unwrap_or(path)).is_some())
        .count();
    if counted > MAX_CONTENT_FILES {
        diagnostics.push(too_many_files(counted));
        return (unread(), diagnostics);
    }
    let files = files
        .into_iter()
        .map(|(path, bytes)| {
            if bytes.len() as u64 > MAX_FILE_BYTES {
                diagnostics.push(too_large(&path, bytes.len() as u64));
                return (path, None);
            }
            (path, Some(bytes))
        })
        .collect();
    let content = assemble(parse_all(files), &mut diagnostics);
    (content, diagnostics)
}

fn too_many_files(count: usize) -> Diagnostic {
    Diagnostic::error(
        "content",
        Files::TooMany {
            count,
            limit: MAX_CONTENT_FILES,
        },
    )
}

/// The content of a site that was not read: empty, with config.yaml and
/// team.yaml marked as failed so that nothing else is reported for them.
fn unread() -> Content {
    let mut content = Content::default();
    content.failed.insert(CONFIG_PATH.into());
    content.failed.insert(TEAM_PATH.into());
    content
}

/// Parses text files given as (path under the site root, text): the loader
/// without a filesystem, for tests and the scaffolding commands.
pub fn parse_files(files: Vec<(String, String)>) -> (Content, Vec<Diagnostic>) {
    load_from_memory(
        files
            .into_iter()
            .map(|(p, t)| (p, t.into_bytes()))
            .collect(),
    )
}
