//! Loading: walk `content/`, read each file once, parse it into its typed
//! kind. Every problem becomes a `Diagnostic`; nothing is skipped silently.

pub mod assessment;
pub mod checklist;
pub mod config;
pub mod front_matter;
pub mod idp;
pub mod metric;
pub mod month_note;
pub mod one_on_one;
pub mod page;
pub mod standup;
pub mod targets;
pub mod team;
mod unread;
pub mod value;
pub mod week;
pub mod yaml;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io::Read;
use std::path::Path;

use rayon::prelude::*;
use serde_saphyr::Spanned;
use walkdir::WalkDir;

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

use crate::calendar::WorkCalendar;
use crate::diagnostic::{Diagnostic, SourceMap};
use crate::problem::{Files, Problem, Yaml};

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

/// What a file under `content/` is, decided by where it lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Config,
    Team,
    Checklist,
    Targets,
    Week,
    Assessment,
    Standup,
    Idp,
    MonthNote,
    Page,
    OneOnOne,
}

fn classify(relative: &str) -> Option<Kind> {
    let (dir, name) = relative.rsplit_once('/').unwrap_or(("", relative));
    let ext = name.rsplit_once('.').map(|(_, e)| e);
    match (dir, ext) {
        ("", _) if name == "config.yaml" => Some(Kind::Config),
        ("", _) if name == "team.yaml" => Some(Kind::Team),
        ("", _) if name == "checklist.yaml" => Some(Kind::Checklist),
        ("targets", Some("yaml")) => Some(Kind::Targets),
        ("weeks", Some("yaml")) => Some(Kind::Week),
        ("assessments", Some("yaml")) => Some(Kind::Assessment),
        ("standups", Some("md")) => Some(Kind::Standup),
        ("idp", Some("md")) => Some(Kind::Idp),
        ("months", Some("md")) => Some(Kind::MonthNote),
        ("pages", Some("md")) => Some(Kind::Page),
        ("one-on-ones", Some("md")) => Some(Kind::OneOnOne),
        _ => None,
    }
}

/// Reads and parses the site under `root`. Returns what could be loaded and
/// every problem met; the caller decides whether errors stop the build.
pub fn load(root: &Path) -> (Content, Vec<Diagnostic>) {
    load_with(root, None)
}

/// [`load`], parsing again only the files whose bytes changed since the
/// load that filled `cache` (for `serve`).
pub fn load_reusing(root: &Path, cache: &mut ParseCache) -> (Content, Vec<Diagnostic>) {
    load_with(root, Some(cache))
}

/// Files parsed by an earlier load, with the bytes they were parsed from.
#[derive(Default)]
pub struct ParseCache {
    files: HashMap<String, Cached>,
}

/// A file's bytes and what parsing them gave.
type Cached = (Vec<u8>, Parsed);

fn load_with(root: &Path, cache: Option<&mut ParseCache>) -> (Content, Vec<Diagnostic>) {
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
    let parsed = match cache {
        None => parse_all(files),
        Some(cache) => parse_changed(files, cache),
    };
    let mut content = assemble(parsed, &mut diagnostics);
    content.templates = load_templates(root, &mut diagnostics);
    (content, diagnostics)
}

/// Decodes and parses each file of `content/` by its kind; `None` bytes are
/// files that could not be read (already reported). Files are independent:
/// they are parsed in parallel and kept in path order.
fn parse_all(files: Vec<(String, Option<Vec<u8>>)>) -> Vec<Parsed> {
    files
        .into_par_iter()
        .map(|(path, bytes)| parse_one(path, bytes))
        .collect()
}

/// [`parse_all`], taking from `cache` each file whose bytes are the same,
/// and leaving in it what this load parsed.
fn parse_changed(files: Vec<(String, Option<Vec<u8>>)>, cache: &mut ParseCache) -> Vec<Parsed> {
    let mut old = std::mem::take(&mut cache.files);
    let paired: Vec<_> = files
        .into_iter()
        .map(|(path, bytes)| {
            let before = old.remove(&path);
            (path, bytes, before)
        })
        .collect();
    let done: Vec<(Parsed, Option<Cached>)> = paired
        .into_par_iter()
        .map(|(path, bytes, before)| match (bytes, before) {
            (Some(bytes), Some((was, parsed))) if bytes == was => {
                (parsed.clone(), Some((was, parsed)))
            }
            (Some(bytes), _) => {
                let parsed = parse_one(path, Some(bytes.clone()));
                (parsed.clone(), Some((bytes, parsed)))
            }
            // Unreadable: reported again each time, nothing to keep.
            (None, _) => (parse_one(path, None), None),
        })
        .collect();
    let mut parsed = Vec::with_capacity(done.len());
    for (file, kept) in done {
        if let Some(kept) = kept {
            cache.files.insert(file.path.clone(), kept);
        }
        parsed.push(file);
    }
    parsed
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

/// Puts parsed files together, in path order, so the result does not
/// depend on timing.
fn assemble(parsed: Vec<Parsed>, diagnostics: &mut Vec<Diagnostic>) -> Content {
    let mut content = Content::default();
    let mut seen_config = false;
    let mut seen_team = false;
    for file in parsed {
        diagnostics.extend(file.diagnostics);
        if let Some(source) = file.source {
            content.sources.insert(&file.path, source);
        }
        seen_config |= file.kind == Some(Kind::Config);
        seen_team |= file.kind == Some(Kind::Team);
        if file.failed {
            content.failed.insert(file.path.clone());
        }
        match file.data {
            None => {}
            Some(Data::Config(c)) => {
                content.calendar = c.calendar.work_calendar();
                content.config = c;
            }
            Some(Data::Team(t)) => content.team = t,
            Some(Data::Checklist(d)) => content.checklist = Some(d),
            Some(Data::Targets(d)) => content.targets.push(d),
            Some(Data::Week(d)) => content.weeks.push(d),
            Some(Data::Assessment(d)) => content.assessments.push(d),
            Some(Data::Standup(d)) => content.standups.push(d),
            Some(Data::Idp(d)) => content.idps.push(d),
            Some(Data::MonthNote(d)) => content.month_notes.push(d),
            Some(Data::Page(d)) => content.pages.push(d),
            Some(Data::OneOnOne(d)) => content.one_on_ones.push(d),
        }
    }
    if !seen_config {
        content.failed.insert(CONFIG_PATH.into());
        diagnostics.push(Diagnostic::error(
            CONFIG_PATH,
            Files::Missing { team: false },
        ));
    }
    if !seen_team {
        content.failed.insert(TEAM_PATH.into());
        diagnostics.push(Diagnostic::error(TEAM_PATH, Files::Missing { team: true }));
    }
    unread::summarise(diagnostics);
    content
}

/// One content file, typed.
#[derive(Clone)]
enum Data {
    Config(Config),
    Team(Team),
    Checklist(Doc<Checklist>),
    Targets(Doc<Targets>),
    Week(Doc<WeekFile>),
    Assessment(Doc<Assessment>),
    Standup(Doc<Standup>),
    Idp(Doc<Idp>),
    MonthNote(Doc<MonthNote>),
    Page(Doc<Page>),
    OneOnOne(Doc<OneOnOne>),
}

/// What parsing one file gave: its text for diagnostics, its data, its problems.
#[derive(Clone)]
struct Parsed {
    path: String,
    kind: Option<Kind>,
    source: Option<String>,
    data: Option<Data>,
    failed: bool,
    diagnostics: Vec<Diagnostic>,
}

fn parse_one(path: String, bytes: Option<Vec<u8>>) -> Parsed {
    let relative = path.strip_prefix("content/").unwrap_or(&path);
    let kind = classify(relative);
    let mut file = Parsed {
        path: path.clone(),
        kind,
        source: None,
        data: None,
        failed: false,
        diagnostics: Vec::new(),
    };
    let Some(kind) = kind else {
        if !unread::is_litter(relative) {
            file.diagnostics.push(unread::unread(&path, relative));
            // Reported: a check that leans on it (a plan for the month it
            // was meant to hold) says nothing more.
            file.failed = true;
        }
        return file;
    };
    let text = match bytes.map(|b| decode(&path, b)) {
        Some(Ok(text)) => text,
        Some(Err(failure)) => {
            let (diagnostic, lossy) = *failure;
            file.source = Some(lossy);
            file.diagnostics.push(diagnostic);
            file.failed = true;
            return file;
        }
        None => {
            file.failed = true;
            return file;
        }
    };
    let d = &mut file.diagnostics;
    fn doc<T>(path: &str, data: T) -> Doc<T> {
        Doc {
            path: path.to_string(),
            line_offset: 0,
            data,
        }
    }
    file.data = match kind {
        Kind::Config => parse_into(&path, &text, d).map(Data::Config),
        Kind::Team => parse_into(&path, &text, d).map(Data::Team),
        Kind::Checklist => parse_into(&path, &text, d).map(|x| Data::Checklist(doc(&path, x))),
        Kind::Targets => parse_into(&path, &text, d).map(|x| Data::Targets(doc(&path, x))),
        Kind::Week => parse_into(&path, &text, d).map(|x| Data::Week(doc(&path, x))),
        Kind::Assessment => parse_into(&path, &text, d).map(|x| Data::Assessment(doc(&path, x))),
        Kind::Standup => {
            parse_markdown(&path, &text, d, |x: &mut Standup, b| x.body = b).map(Data::Standup)
        }
        Kind::Idp => parse_markdown(&path, &text, d, |x: &mut Idp, b| x.body = b).map(Data::Idp),
        Kind::MonthNote => {
            parse_markdown(&path, &text, d, |x: &mut MonthNote, b| x.body = b).map(Data::MonthNote)
        }
        Kind::Page => parse_markdown(&path, &text, d, |x: &mut Page, b| x.body = b).map(Data::Page),
        Kind::OneOnOne => {
            parse_markdown(&path, &text, d, |x: &mut OneOnOne, b| x.body = b).map(Data::OneOnOne)
        }
    };
    file.failed = !file.diagnostics.is_empty();
    file.source = Some(text);
    file
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

/// Parses a Markdown file's front matter into `T` and keeps its body.
fn parse_markdown<T: serde::de::DeserializeOwned>(
    path: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
    set_body: impl FnOnce(&mut T, String),
) -> Option<Doc<T>> {
    let split = front_matter::split(path, text)
        .map_err(|d| diagnostics.push(d))
        .ok()?;
    let mut data: T = yaml::parse(path, split.yaml, split.line_offset)
        .map_err(|d| diagnostics.push(d))
        .ok()?;
    set_body(&mut data, split.body.to_string());
    Some(Doc {
        path: path.to_string(),
        line_offset: split.line_offset,
        data,
    })
}

fn parse_into<T: serde::de::DeserializeOwned>(
    path: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    yaml::parse(path, text, 0)
        .map_err(|d| diagnostics.push(d))
        .ok()
}

/// Every file under `dir`, sorted, as (display path, path relative to `dir`).
/// Symlinks are followed only while they stay inside `dir`.
fn walk(dir: &Path, display: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<(String, String)> {
    let canonical_root = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut files = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name().follow_links(false) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map(|p| display_path(dir, display, p));
                diagnostics.push(Diagnostic::error(
                    path.unwrap_or_else(|| display.to_string()),
                    Files::CannotRead {
                        reason: err.to_string(),
                    },
                ));
                continue;
            }
        };
        let path = entry.path();
        let shown = display_path(dir, display, path);
        if entry.path_is_symlink() {
            match fs::canonicalize(path) {
                Ok(target) if target.starts_with(&canonical_root) => {
                    if target.is_dir() {
                        diagnostics.push(Diagnostic::warning(&shown, Files::SymlinkedFolder));
                        continue;
                    }
                }
                Ok(_) => {
                    diagnostics.push(Diagnostic::error(&shown, Files::SymlinkOutside));
                    continue;
                }
                Err(_) => {
                    diagnostics.push(Diagnostic::error(&shown, Files::BrokenSymlink));
                    continue;
                }
            }
        } else if entry.file_type().is_dir() {
            continue;
        } else if !entry.file_type().is_file() {
            // A pipe or a device would block or never end when read.
            diagnostics.push(Diagnostic::warning(
                &shown,
                Files::NotRegular { refused: false },
            ));
            continue;
        }
        let relative = shown[display.len() + 1..].to_string();
        files.push((shown, relative));
    }
    files
}

/// `content/weeks/2026-W47.yaml`: the path under `dir` joined with `/`,
/// each name as written (a `\\` in a name on Linux is part of the name).
fn display_path(dir: &Path, display: &str, path: &Path) -> String {
    let rest = path.strip_prefix(dir).unwrap_or(path);
    let mut shown = display.to_string();
    for part in rest.components() {
        shown.push('/');
        shown.push_str(&part.as_os_str().to_string_lossy());
    }
    shown
}

fn too_large(path: &str, bytes: u64) -> Diagnostic {
    Diagnostic::error(
        path,
        Files::TooLarge {
            megabytes: format!("{:.1}", bytes as f64 / 1_048_576.0),
            limit: MAX_FILE_BYTES / 1_048_576,
        },
    )
}

/// Reads a site file's bytes, refusing what is too large or not a regular file.
fn read_bytes(root: &Path, path: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Vec<u8>> {
    let full = root.join(path);
    let size = match fs::metadata(&full) {
        Ok(meta) if !meta.is_file() => {
            diagnostics.push(Diagnostic::error(path, Files::NotRegular { refused: true }));
            return None;
        }
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            diagnostics.push(too_large(path, meta.len()));
            return None;
        }
        Ok(meta) => meta.len(),
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                path,
                Files::CannotRead {
                    reason: err.to_string(),
                },
            ));
            return None;
        }
    };
    // Read at most one byte past the limit: the file may grow after the check.
    // Room for the whole file (and the byte that says it ended) up front: one
    // read instead of a dozen growing ones.
    let mut bytes = Vec::with_capacity(size as usize + 1);
    let read =
        fs::File::open(&full).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(err) = read {
        diagnostics.push(Diagnostic::error(
            path,
            Files::CannotRead {
                reason: err.to_string(),
            },
        ));
        return None;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        diagnostics.push(too_large(path, bytes.len() as u64));
        return None;
    }
    Some(bytes)
}

/// UTF-8 text with a BOM dropped and CRLF made LF; otherwise where it stops
/// being UTF-8, with a lossy copy of the text to show the line.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Box<(Diagnostic, String)>> {
    let mut text = String::from_utf8(bytes).map_err(|err| {
        let bytes = err.as_bytes();
        let at = err.utf8_error().valid_up_to();
        let good = String::from_utf8_lossy(&bytes[..at]);
        // A BOM is dropped from the text shown, so it must not count as a column.
        let good = good.strip_prefix('\u{feff}').unwrap_or(&good);
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let lossy = String::from_utf8_lossy(bytes)
            .replace("\r\n", "\n")
            .trim_start_matches('\u{feff}')
            .to_string();
        let diagnostic = Diagnostic::error(path, Yaml::NotUtf8 { byte: bytes[at] })
            .at(line as u64, column as u64);
        Box::new((diagnostic, lossy))
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n");
    }
    Ok(text)
}

/// The site's own templates (`templates/*.html`, `*.css`, …), by file name.
fn load_templates(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> BTreeMap<String, String> {
    let dir = root.join("templates");
    let mut templates = BTreeMap::new();
    if !dir.is_dir() {
        return templates;
    }
    for (path, relative) in walk(&dir, "templates", diagnostics) {
        let text = read_bytes(root, &path, diagnostics)
            .and_then(|bytes| decode(&path, bytes).map_err(|f| diagnostics.push(f.0)).ok());
        if let Some(text) = text {
            templates.insert(relative, text);
        }
    }
    templates
}
