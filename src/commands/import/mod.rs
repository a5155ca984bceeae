//! `salespulse import`: a CRM's deals export into the period files under
//! `content/weeks/` — leads by the day a deal was created, won deals and
//! their amounts by the day they closed — leaving every number the export
//! cannot know to the head.
//!
//! The stages, one file each: [`decode`] (bytes → text) → [`table`] (text →
//! rows) → [`mapping`] (which column means what, from [`formats`] or a map
//! file) → [`deals`] (rows → deals) → [`tally`] (deals → figures per
//! manager and period, [`managers`] matching CRM users) → [`merge`] (figures
//! → edited week files) → [`summary`] (what changed, old → new).

pub mod deals;
pub mod decode;
pub mod formats;
pub mod managers;
pub mod mapping;
pub mod merge;
pub mod summary;
pub mod table;
pub mod tally;
pub mod values;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use formats::Role;
pub use formats::Source;

use crate::content::{CONFIG_PATH, Content, TEAM_PATH};
use crate::diagnostic::{Diagnostic, SourceMap};

/// Exports larger than this are refused unread (a 100,000-deal export is
/// about 20 MB).
pub const MAX_EXPORT_BYTES: u64 = 512 * 1024 * 1024;

/// What `salespulse import` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub file: PathBuf,
    pub from: Option<Source>,
    pub map: Option<PathBuf>,
    pub dry_run: bool,
}

/// What an import read and what it changes.
#[derive(Debug)]
pub struct Report {
    /// The export's path as given.
    pub export: String,
    pub source: Source,
    pub detected: bool,
    pub encoding: &'static str,
    pub delimiter: u8,
    pub rows: usize,
    pub footer_lines: usize,
    /// Rows that repeat an earlier row's deal id (product rows).
    pub repeated_rows: usize,
    pub deals: usize,
    /// Deals of known managers.
    pub counted: usize,
    /// The export's first and last day.
    pub span: Option<(NaiveDate, NaiveDate)>,
    pub meetings: bool,
    pub plans: Vec<merge::FilePlan>,
    /// Managers of the team active in the export's span with no row in it.
    pub uncovered: Vec<String>,
}

/// An import's result: a report when there were no errors, and every
/// problem with the texts needed to show them.
pub struct Outcome {
    pub report: Option<Report>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: SourceMap,
}

impl Outcome {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

fn failed(diagnostics: Vec<Diagnostic>, sources: SourceMap) -> Outcome {
    Outcome {
        report: None,
        diagnostics,
        sources,
    }
}

fn read_file(path: &Path, shown: &str) -> Result<Vec<u8>, Diagnostic> {
    match fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_EXPORT_BYTES => {
            return Err(Diagnostic::error(
                shown,
                format!(
                    "the file is too large ({} MB; the limit is {} MB)",
                    meta.len() / 1_048_576,
                    MAX_EXPORT_BYTES / 1_048_576
                ),
            )
            .hint("export a shorter range of dates"));
        }
        Ok(meta) if !meta.is_file() => {
            return Err(Diagnostic::error(shown, "not a regular file"));
        }
        _ => {}
    }
    fs::read(path).map_err(|e| Diagnostic::error(shown, format!("cannot read: {e}")))
}

/// Reads the export and plans every change; writes nothing.
pub fn prepare(root: &Path, content: &Content, options: &Options) -> Outcome {
    let mut sources = content.sources.clone();
    for path in [CONFIG_PATH, TEAM_PATH] {
        if content.failed.contains(path) {
            return failed(
                vec![
                    Diagnostic::error(path, "import needs this file to be correct")
                        .hint("fix it (salespulse check shows how), then import again"),
                ],
                sources,
            );
        }
    }
    let export = options.file.display().to_string();
    let map = match &options.map {
        None => None,
        Some(path) => {
            let shown = path.display().to_string();
            let bytes = match read_file(path, &shown) {
                Ok(bytes) => bytes,
                Err(d) => return failed(vec![d], sources),
            };
            let text = match String::from_utf8(bytes) {
                Ok(text) => text.trim_start_matches('\u{feff}').replace("\r\n", "\n"),
                Err(_) => {
                    return failed(
                        vec![
                            Diagnostic::error(&shown, "the map file is not UTF-8 text")
                                .hint("save it as UTF-8"),
                        ],
                        sources,
                    );
                }
            };
            sources.insert(&shown, &text);
            match mapping::parse(&shown, &text) {
                Ok(map) => Some(map),
                Err(d) => return failed(vec![d], sources),
            }
        }
    };
    let bytes = match read_file(&options.file, &export) {
        Ok(bytes) => bytes,
        Err(d) => return failed(vec![d], sources),
    };
    let decoded = match decode::decode(
        &bytes,
        map.as_ref().and_then(|m| m.data.encoding.as_deref()),
    ) {
        Ok(decoded) => decoded,
        Err(message) => return failed(vec![Diagnostic::error(&export, message)], sources),
    };
    drop(bytes);
    let delimiter = map
        .as_ref()
        .and_then(|m| m.data.delimiter.as_ref())
        .and_then(|d| mapping::delimiter_byte(&d.value));
    let (table, bad_rows) = match table::read(&decoded.text, delimiter) {
        Ok(read) => read,
        Err(message) => return failed(vec![Diagnostic::error(&export, message)], sources),
    };
    let mut diagnostics: Vec<Diagnostic> = bad_rows
        .into_iter()
        .map(|b| {
            Diagnostic::error(&export, b.message)
                .at(b.line, 1)
                .hint(b.hint)
        })
        .collect();
    let resolved = match mapping::resolve(&export, &table.headers, options.from, map.as_ref()) {
        Ok(resolved) => resolved,
        Err(problems) => {
            sources.insert(&export, decoded.text);
            return failed(problems, sources);
        }
    };
    let source = deals::Source {
        path: &export,
        text: &decoded.text,
        table: &table,
    };
    let read = deals::read(&source, &resolved);
    diagnostics.extend(read.errors);
    if read.more_errors > 0 {
        diagnostics.push(Diagnostic::error(
            &export,
            format!(
                "and {} more cells that cannot be read (only the first {} are shown)",
                read.more_errors,
                deals::MAX_ERRORS
            ),
        ));
    }
    let meetings = resolved.column(Role::Meeting).is_some();
    let roster = managers::Roster::new(&content.team);
    let tally = tally::count(&source, &read.deals, &resolved, &roster, &content.calendar);
    diagnostics.extend(tally.warnings.iter().cloned());
    diagnostics.extend(tally.errors.iter().cloned());
    if diagnostics.iter().any(Diagnostic::is_error) {
        sources.insert(&export, decoded.text);
        return failed(diagnostics, sources);
    }
    let plans = match merge::plan(root, content, &tally, meetings) {
        Ok(plans) => plans,
        Err(problems) => {
            diagnostics.extend(problems);
            sources.insert(&export, decoded.text);
            return failed(diagnostics, sources);
        }
    };
    let problems = merge::verify(content, &plans);
    if !problems.is_empty() {
        for plan in &plans {
            if let Some(text) = &plan.text {
                sources.insert(&plan.path, text);
            }
        }
        diagnostics.extend(problems);
        sources.insert(&export, decoded.text);
        return failed(diagnostics, sources);
    }
    let uncovered = match tally.span {
        Some((first, last)) => content
            .team
            .managers
            .iter()
            .map(|m| &m.value)
            .filter(|m| !tally.covered.contains(m.id()))
            .filter(|m| {
                first
                    .iter_days()
                    .take_while(|d| *d <= last)
                    .any(|d| m.active_on(d))
            })
            .map(|m| m.id().to_string())
            .collect(),
        None => Vec::new(),
    };
    let report = Report {
        export: export.clone(),
        source: resolved.source,
        detected: resolved.detected,
        encoding: decoded.encoding,
        delimiter: table.delimiter,
        rows: table.rows.len(),
        footer_lines: table.footer_lines,
        repeated_rows: read.repeated_rows,
        deals: read.deals.len(),
        counted: tally.counted,
        span: tally.span,
        meetings,
        plans,
        uncovered,
    };
    sources.insert(&export, decoded.text);
    Outcome {
        report: Some(report),
        diagnostics,
        sources,
    }
}

/// Writes the planned files (each through a temporary file renamed into
/// place); the paths written.
pub fn write(root: &Path, report: &Report) -> Result<Vec<String>, Diagnostic> {
    let mut written = Vec::new();
    for plan in &report.plans {
        let Some(text) = &plan.text else { continue };
        let path = root.join(&plan.path);
        let write = || -> std::io::Result<()> {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            let staging = path.with_extension("yaml.import-tmp");
            fs::write(&staging, text)?;
            fs::rename(&staging, &path)
        };
        write().map_err(|e| {
            Diagnostic::error(&plan.path, format!("cannot write: {e}")).hint(format!(
                "{} file(s) were written before this one: {}",
                written.len(),
                if written.is_empty() {
                    "none".to_string()
                } else {
                    written.join(", ")
                }
            ))
        })?;
        written.push(plan.path.clone());
    }
    Ok(written)
}
