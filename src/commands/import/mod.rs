//! `salespulse import`: a CRM's deals export into the period files under
//! `content/weeks/` — leads by the day a deal was created, won deals and
//! their amounts by the day they closed — leaving every number the export
//! cannot know to the head.
//!
//! The stages, one file each: [`decode`] (bytes → text) → [`table`] (text →
//! rows) → [`mapping`] (which column means what, from [`formats`] or a map
//! file) → [`deals`] (rows → deals) → [`tally`] (deals → figures per
//! manager and period, [`managers`] matching CRM users) → [`merge`] (figures
//! → changes per period file, their texts from [`week_text`]) → [`summary`]
//! (what changed, old → new).

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
pub mod week_text;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use formats::Role;
pub use formats::Source;

use crate::content::{CONFIG_PATH, Content, TEAM_PATH};
use crate::diagnostic::{Diagnostic, SourceMap};
use crate::problem::Import;

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
                Import::TooLarge {
                    megabytes: meta.len() / 1_048_576,
                    limit: MAX_EXPORT_BYTES / 1_048_576,
                },
            ));
        }
        Ok(meta) if !meta.is_file() => {
            return Err(Diagnostic::error(shown, Import::NotRegular));
        }
        _ => {}
    }
    fs::read(path).map_err(|e| {
        Diagnostic::error(
            shown,
            Import::CannotRead {
                reason: e.to_string(),
            },
        )
    })
}

/// The export as far as it can be read without knowing what its columns
/// mean: the map file, the decoded text and the table.
struct Export {
    /// The export's path as given, for messages.
    shown: String,
    map: Option<mapping::Map>,
    decoded: decode::Decoded,
    table: table::Table,
    bad_rows: Vec<table::BadRow>,
}

/// Reads the export and plans every change; writes nothing.
pub fn prepare(root: &Path, content: &Content, options: &Options) -> Outcome {
    let mut sources = content.sources.clone();
    let export = match settings_readable(content)
        .and_then(|()| read_map(options.map.as_deref(), &mut sources))
        .and_then(|map| read_export(&options.file, map))
    {
        Ok(export) => export,
        Err(d) => return failed(vec![d], sources),
    };
    let planned = plan_import(root, content, options.from, &export, &mut sources);
    // From here on every message may point into the export, so its text
    // goes with them whatever the outcome.
    sources.insert(&export.shown, export.decoded.text);
    match planned {
        Ok((report, diagnostics)) => Outcome {
            report: Some(report),
            diagnostics,
            sources,
        },
        Err(diagnostics) => failed(diagnostics, sources),
    }
}

/// Import matches managers and days by config.yaml and team.yaml, so it
/// refuses to guess when either could not be read.
fn settings_readable(content: &Content) -> Result<(), Diagnostic> {
    match [CONFIG_PATH, TEAM_PATH]
        .into_iter()
        .find(|path| content.failed.contains(*path))
    {
        Some(path) => Err(Diagnostic::error(path, Import::NeedsFile)),
        None => Ok(()),
    }
}

/// The map file named by `--map`, if any; its text joins `sources` as soon
/// as it is read, so a parse error can show its line.
fn read_map(
    path: Option<&Path>,
    sources: &mut SourceMap,
) -> Result<Option<mapping::Map>, Diagnostic> {
    let Some(path) = path else { return Ok(None) };
    let shown = path.display().to_string();
    let bytes = read_file(path, &shown)?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').replace("\r\n", "\n"),
        Err(_) => {
            return Err(Diagnostic::error(&shown, Import::MapNotUtf8));
        }
    };
    sources.insert(&shown, &text);
    mapping::parse(&shown, &text).map(Some)
}

/// Reads, decodes and splits the export into a table; the map file may
/// name its encoding and delimiter.
fn read_export(file: &Path, map: Option<mapping::Map>) -> Result<Export, Diagnostic> {
    let shown = file.display().to_string();
    let bytes = read_file(file, &shown)?;
    let encoding = map.as_ref().and_then(|m| m.data.encoding.as_deref());
    let decoded = decode::decode(&bytes, encoding).map_err(|m| Diagnostic::error(&shown, m))?;
    drop(bytes);
    let delimiter = map
        .as_ref()
        .and_then(|m| m.data.delimiter.as_ref())
        .and_then(|d| mapping::delimiter_byte(&d.value));
    let (table, bad_rows) =
        table::read(&decoded.text, delimiter).map_err(|m| Diagnostic::error(&shown, m))?;
    Ok(Export {
        shown,
        map,
        decoded,
        table,
        bad_rows,
    })
}

/// From the table to the planned files: what the columns mean, the deals,
/// their tally per manager and period, and the edits. `Ok` holds the report
/// with the warnings; `Err` every message when any is an error.
fn plan_import(
    root: &Path,
    content: &Content,
    from: Option<Source>,
    export: &Export,
    sources: &mut SourceMap,
) -> Result<(Report, Vec<Diagnostic>), Vec<Diagnostic>> {
    let resolved = mapping::resolve(
        &export.shown,
        &export.table.headers,
        from,
        export.map.as_ref(),
    )?;
    let mut diagnostics = bad_row_errors(export);
    let source = deals::Source {
        path: &export.shown,
        text: &export.decoded.text,
        table: &export.table,
    };
    let read = deals::read(&source, &resolved);
    diagnostics.extend(read.errors);
    diagnostics.extend(cells_not_shown(&export.shown, read.more_errors));
    let meetings = resolved.column(Role::Meeting).is_some();
    let roster = managers::Roster::new(&content.team);
    let tally = tally::count(&source, &read.deals, &resolved, &roster, &content.calendar);
    diagnostics.extend(tally.warnings.iter().cloned());
    diagnostics.extend(tally.errors.iter().cloned());
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    let plans = match plan_files(root, content, &tally, meetings, sources) {
        Ok(plans) => plans,
        Err(problems) => {
            diagnostics.extend(problems);
            return Err(diagnostics);
        }
    };
    let report = Report {
        export: export.shown.clone(),
        source: resolved.source,
        detected: resolved.detected,
        encoding: export.decoded.encoding,
        delimiter: export.table.delimiter,
        rows: export.table.rows.len(),
        footer_lines: export.table.footer_lines,
        repeated_rows: read.repeated_rows,
        deals: read.deals.len(),
        counted: tally.counted,
        span: tally.span,
        meetings,
        plans,
        uncovered: uncovered(content, &tally),
    };
    Ok((report, diagnostics))
}

/// The edited week files, checked as `salespulse check` would read them;
/// when a check fails, the edited texts join `sources` so its message can
/// show the line.
fn plan_files(
    root: &Path,
    content: &Content,
    tally: &tally::Tally,
    meetings: bool,
    sources: &mut SourceMap,
) -> Result<Vec<merge::FilePlan>, Vec<Diagnostic>> {
    let plans = merge::plan(root, content, tally, meetings)?;
    let problems = merge::verify(content, &plans);
    if problems.is_empty() {
        return Ok(plans);
    }
    for plan in &plans {
        if let Some(text) = &plan.text {
            sources.insert(&plan.path, text);
        }
    }
    Err(problems)
}

/// Rows of the wrong width, at their lines.
fn bad_row_errors(export: &Export) -> Vec<Diagnostic> {
    export
        .bad_rows
        .iter()
        .map(|b| Diagnostic::error(&export.shown, b.problem.clone()).at(b.line, 1))
        .collect()
}

/// A line for the cell errors beyond those shown, if there were any.
fn cells_not_shown(export: &str, more_errors: usize) -> Option<Diagnostic> {
    (more_errors > 0).then(|| {
        Diagnostic::error(
            export,
            Import::MoreCells {
                more: more_errors,
                shown: deals::MAX_ERRORS,
            },
        )
    })
}

/// Managers of the team active on some day of the export's span who have
/// no row in it: the head should know their figures were not touched.
fn uncovered(content: &Content, tally: &tally::Tally) -> Vec<String> {
    let Some((first, last)) = tally.span else {
        return Vec::new();
    };
    content
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
        .collect()
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
            Diagnostic::error(
                &plan.path,
                Import::CannotWrite {
                    reason: e.to_string(),
                    written: written.clone(),
                },
            )
        })?;
        written.push(plan.path.clone());
    }
    Ok(written)
}
