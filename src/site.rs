//! The commands as pipelines: load → validate → analytics → render → output.

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;

use crate::analytics::{self, Analytics};
use crate::cli::Format;
use crate::content::{self, Content};
use crate::diagnostic::{self, Diagnostic};
use crate::format::Formatter;
use crate::render::{self, OutputFile};
use crate::templates;
use crate::{i18n, output, validate};

/// `--as-of`, else `SOURCE_DATE_EPOCH`, else today (UTC): the only clock read.
pub fn as_of(arg: Option<NaiveDate>) -> NaiveDate {
    if let Some(date) = arg {
        return date;
    }
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

/// The result of loading and checking a site.
pub struct Checked {
    pub content: Content,
    pub diagnostics: Vec<Diagnostic>,
    pub templates: Option<templates::Templates>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads, validates and compiles the templates; every problem, sorted.
pub fn check(root: &Path) -> Checked {
    let (content, mut diagnostics) = content::load(root);
    diagnostics.extend(validate::check(&content));
    let templates = match templates::load(&content.templates) {
        Ok(t) => Some(t),
        Err(problems) => {
            diagnostics.extend(problems);
            None
        }
    };
    diagnostic::sort(&mut diagnostics);
    Checked {
        content,
        diagnostics,
        templates,
    }
}

/// Why a build did not produce a site.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the content has {0} error(s)")]
    Content(usize),
    #[error(transparent)]
    Render(#[from] render::RenderError),
    #[error("cannot write the site to {path}: {source}")]
    Output {
        path: String,
        source: std::io::Error,
    },
}

/// A finished build, for the summary line.
pub struct Built {
    pub pages: usize,
    pub files: usize,
    pub bytes: usize,
}

/// Renders a checked site in memory.
pub fn render(
    checked: &Checked,
    as_of: NaiveDate,
) -> Result<(Analytics, Vec<OutputFile>), BuildError> {
    let templates = match (&checked.templates, checked.has_errors()) {
        (Some(t), false) => t,
        _ => {
            return Err(BuildError::Content(
                checked.diagnostics.iter().filter(|d| d.is_error()).count(),
            ));
        }
    };
    let analytics = analytics::compute(&checked.content, as_of);
    let files = render::site(templates, &checked.content, &analytics)?;
    Ok((analytics, files))
}

/// Checks, renders and writes; the previous output stays unless all of it succeeds.
pub fn build(checked: &Checked, out: &Path, as_of: NaiveDate) -> Result<Built, BuildError> {
    let (_, files) = render(checked, as_of)?;
    output::write_atomic(out, &files).map_err(|source| BuildError::Output {
        path: out.display().to_string(),
        source,
    })?;
    Ok(Built {
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        files: files.len(),
        bytes: files.iter().map(|f| f.bytes.len()).sum(),
    })
}

/// Alerts as `check` prints them, in the site's language.
fn alert_lines(content: &Content, analytics: &Analytics) -> String {
    let fmt = Formatter::new(content.config.locale, content.config.currency_symbol());
    let name = |id: &str| {
        content
            .team
            .get(id)
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    };
    analytics
        .alerts
        .iter()
        .map(|a| {
            format!(
                "warning[alert {}]: {}\n",
                a.kind(),
                i18n::alert_text(a, &fmt, &name)
            )
        })
        .collect()
}

/// `salespulse check`: prints every problem; true when there is no error.
pub fn run_check(root: &Path, as_of: NaiveDate, format: Format, color: bool) -> bool {
    let checked = check(root);
    match format {
        Format::Json => print!("{}", diagnostic::render_json(&checked.diagnostics)),
        Format::Github => print!("{}", diagnostic::render_github(&checked.diagnostics)),
        Format::Human => {
            eprint!(
                "{}",
                diagnostic::render_human(&checked.diagnostics, &checked.content.sources, color)
            );
            if !checked.has_errors() {
                let analytics = analytics::compute(&checked.content, as_of);
                eprint!("{}", alert_lines(&checked.content, &analytics));
            }
            eprintln!("check: {}", diagnostic::summary(&checked.diagnostics));
        }
    }
    !checked.has_errors()
}

/// `salespulse build`: prints problems and one summary line; true on success.
pub fn run_build(root: &Path, out: &Path, as_of: NaiveDate, quiet: bool, color: bool) -> bool {
    let started = Instant::now();
    let checked = check(root);
    let shown: Vec<Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| !quiet || d.is_error())
        .cloned()
        .collect();
    eprint!(
        "{}",
        diagnostic::render_human(&shown, &checked.content.sources, color)
    );
    match build(&checked, out, as_of) {
        Ok(built) => {
            if !quiet {
                eprintln!(
                    "built {} pages ({} files, {} KB) into {} in {} ms",
                    built.pages,
                    built.files,
                    built.bytes / 1024,
                    out.display(),
                    started.elapsed().as_millis()
                );
            }
            true
        }
        Err(err) => {
            // Say what became of the output, on its own line: a render
            // error ends with a multi-line snippet.
            let fate = if out.is_dir() {
                format!("the previous site in {} is unchanged", out.display())
            } else {
                format!("nothing was written to {}", out.display())
            };
            eprintln!("error: {err}\nnote: {fate}");
            false
        }
    }
}
