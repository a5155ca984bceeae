//! Loading: walk `content/`, read each file once, parse it into its typed
//! kind. Every problem becomes a `Diagnostic`; nothing is skipped silently.

pub mod assessment;
pub mod checklist;
pub mod config;
pub mod front_matter;
pub mod idp;
pub mod month_note;
pub mod one_on_one;
pub mod page;
pub mod standup;
pub mod targets;
pub mod team;
pub mod value;
pub mod week;
mod yaml;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;
use walkdir::WalkDir;

pub use assessment::Assessment;
pub use checklist::Checklist;
pub use config::{Config, Locale};
pub use idp::{Goal, Idp, IdpStatus};
pub use month_note::{Explanation, MonthNote};
pub use one_on_one::{Mood, OneOnOne};
pub use page::{Audience, Page, PageKind};
pub use standup::{Report, Standup};
pub use targets::{Plan, Targets};
pub use team::{Manager, Team};
pub use week::{WeekEntry, WeekFile};

use crate::diagnostic::{Diagnostic, SourceMap};

/// Files larger than this are refused unread: the largest real content file
/// (a month of stand-up notes) is a few hundred kilobytes.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

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
    pub fn error_at<S>(&self, spanned: &Spanned<S>, message: impl Into<String>) -> Diagnostic {
        self.locate(Diagnostic::error(&self.path, message), spanned)
    }

    pub fn warning_at<S>(&self, spanned: &Spanned<S>, message: impl Into<String>) -> Diagnostic {
        self.locate(Diagnostic::warning(&self.path, message), spanned)
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
    pub fn key_error(&self, key: &value::Key, message: impl Into<String>) -> Diagnostic {
        self.error_at(&key.0, message)
            .width(key.as_str().chars().count())
    }

    pub fn key_warning(&self, key: &value::Key, message: impl Into<String>) -> Diagnostic {
        self.warning_at(&key.0, message)
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

const LAYOUT_HINT: &str = "content/ holds config.yaml, team.yaml, checklist.yaml, \
                           targets/YYYY-MM.yaml, weeks/YYYY-Www.yaml, assessments/YYYY-MM-DD.yaml, \
                           standups/YYYY-MM-DD.md, idp/*.md, months/YYYY-MM.md, pages/*.md and \
                           one-on-ones/*.md (see the README)";

/// Reads and parses the site under `root`. Returns what could be loaded and
/// every problem met; the caller decides whether errors stop the build.
pub fn load(root: &Path) -> (Content, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let dir = root.join("content");
    if !dir.is_dir() {
        diagnostics.push(
            Diagnostic::error(
                "content",
                format!("no content/ directory in {}", root.display()),
            )
            .hint("run salespulse in the site's folder, or pass --root DIR"),
        );
        return (Content::default(), diagnostics);
    }
    let mut texts = Vec::new();
    for (path, _) in walk(&dir, "content", &mut diagnostics) {
        if let Some(text) = read_text(root, &path, &mut diagnostics) {
            texts.push((path, text));
        }
    }
    let (mut content, more) = parse_files(texts);
    diagnostics.extend(more);
    content.templates = load_templates(root, &mut diagnostics);
    (content, diagnostics)
}

/// Parses content files given as (path under the site root, text): the
/// whole loader without a filesystem, for `load`, tests and fuzzing.
pub fn parse_files(files: Vec<(String, String)>) -> (Content, Vec<Diagnostic>) {
    let mut content = Content::default();
    let mut diagnostics = Vec::new();
    let mut seen_config = false;
    let mut seen_team = false;
    for (path, text) in files {
        let relative = path.strip_prefix("content/").unwrap_or(&path).to_string();
        let Some(kind) = classify(&relative) else {
            diagnostics
                .push(Diagnostic::warning(&path, "unexpected file is ignored").hint(LAYOUT_HINT));
            continue;
        };
        content.sources.insert(&path, text.as_str());
        match kind {
            Kind::Config => {
                seen_config = true;
                if let Some(config) = parse_into(&path, &text, &mut diagnostics) {
                    content.config = config;
                }
            }
            Kind::Team => {
                seen_team = true;
                if let Some(team) = parse_into(&path, &text, &mut diagnostics) {
                    content.team = team;
                }
            }
            Kind::Targets => {
                if let Some(data) = parse_into(&path, &text, &mut diagnostics) {
                    content.targets.push(Doc {
                        path,
                        line_offset: 0,
                        data,
                    });
                }
            }
            Kind::Week => {
                if let Some(data) = parse_into(&path, &text, &mut diagnostics) {
                    content.weeks.push(Doc {
                        path,
                        line_offset: 0,
                        data,
                    });
                }
            }
            Kind::Checklist => {
                if let Some(data) = parse_into(&path, &text, &mut diagnostics) {
                    content.checklist = Some(Doc {
                        path,
                        line_offset: 0,
                        data,
                    });
                }
            }
            Kind::Assessment => {
                if let Some(data) = parse_into(&path, &text, &mut diagnostics) {
                    content.assessments.push(Doc {
                        path,
                        line_offset: 0,
                        data,
                    });
                }
            }
            Kind::Standup => {
                let doc = parse_markdown(path, &text, &mut diagnostics, |d: &mut Standup, b| {
                    d.body = b
                });
                content.standups.extend(doc);
            }
            Kind::Idp => {
                let doc =
                    parse_markdown(path, &text, &mut diagnostics, |d: &mut Idp, b| d.body = b);
                content.idps.extend(doc);
            }
            Kind::MonthNote => {
                let doc = parse_markdown(path, &text, &mut diagnostics, |d: &mut MonthNote, b| {
                    d.body = b
                });
                content.month_notes.extend(doc);
            }
            Kind::Page => {
                let doc =
                    parse_markdown(path, &text, &mut diagnostics, |d: &mut Page, b| d.body = b);
                content.pages.extend(doc);
            }
            Kind::OneOnOne => {
                let doc = parse_markdown(path, &text, &mut diagnostics, |d: &mut OneOnOne, b| {
                    d.body = b
                });
                content.one_on_ones.extend(doc);
            }
        }
    }
    if !seen_config {
        diagnostics.push(
            Diagnostic::error(CONFIG_PATH, "missing file")
                .hint("create content/config.yaml with at least `title:` (see the README)"),
        );
    }
    if !seen_team {
        diagnostics.push(
            Diagnostic::error(TEAM_PATH, "missing file")
                .hint("create content/team.yaml listing the managers (see the README)"),
        );
    }
    (content, diagnostics)
}

/// Parses a Markdown file's front matter into `T` and keeps its body.
fn parse_markdown<T: serde::de::DeserializeOwned>(
    path: String,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
    set_body: impl FnOnce(&mut T, String),
) -> Option<Doc<T>> {
    let split = front_matter::split(&path, text)
        .map_err(|d| diagnostics.push(d))
        .ok()?;
    let mut data: T = yaml::parse(&path, split.yaml, split.line_offset)
        .map_err(|d| diagnostics.push(d))
        .ok()?;
    set_body(&mut data, split.body.to_string());
    Some(Doc {
        path,
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
                    format!("cannot read: {err}"),
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
                        diagnostics.push(
                            Diagnostic::warning(&shown, "symlinked folder is not followed")
                                .hint("move the files into content/ instead of linking them"),
                        );
                        continue;
                    }
                }
                Ok(_) => {
                    diagnostics.push(
                        Diagnostic::error(
                            &shown,
                            "symlink points outside content/; refusing to read it",
                        )
                        .hint("copy the file into content/ instead of linking to it"),
                    );
                    continue;
                }
                Err(_) => {
                    diagnostics.push(Diagnostic::error(&shown, "broken symlink"));
                    continue;
                }
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        let relative = shown[display.len() + 1..].to_string();
        files.push((shown, relative));
    }
    files
}

fn display_path(dir: &Path, display: &str, path: &Path) -> String {
    let rest: PathBuf = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
    let rest = rest.to_string_lossy().replace('\\', "/");
    if rest.is_empty() {
        display.to_string()
    } else {
        format!("{display}/{rest}")
    }
}

/// Reads a content file as UTF-8 text, refusing what is too large or not text.
/// A BOM is dropped and CRLF becomes LF (line numbers do not change).
fn read_text(root: &Path, path: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    let full = root.join(path);
    match fs::metadata(&full) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            diagnostics.push(
                Diagnostic::error(
                    path,
                    format!(
                        "file is too large ({:.1} MB; the limit is {} MB); refusing to read it",
                        meta.len() as f64 / 1_048_576.0,
                        MAX_FILE_BYTES / 1_048_576
                    ),
                )
                .hint("a content file holds one week, day or month; split or trim it"),
            );
            return None;
        }
        Ok(_) => {}
        Err(err) => {
            diagnostics.push(Diagnostic::error(path, format!("cannot read: {err}")));
            return None;
        }
    }
    let bytes = match fs::read(&full) {
        Ok(bytes) => bytes,
        Err(err) => {
            diagnostics.push(Diagnostic::error(path, format!("cannot read: {err}")));
            return None;
        }
    };
    decode(path, bytes).map_err(|d| diagnostics.push(d)).ok()
}

/// UTF-8 text with a BOM dropped and CRLF made LF; otherwise where it stops being UTF-8.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let mut text = String::from_utf8(bytes).map_err(|err| {
        let good = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let good = String::from_utf8_lossy(good);
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Diagnostic::error(path, "the file is not UTF-8 text")
            .at(line as u64, column as u64)
            .hint("save it as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)")
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
        if let Some(text) = read_text(root, &path, diagnostics) {
            templates.insert(relative, text);
        }
    }
    templates
}
