//! The commands as pipelines: load → validate → analytics → render → output.

use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::analytics::{self, Analytics};
use crate::audience::Audience;
use crate::content::{self, Content, Locale};
use crate::diagnostic::{self, Diagnostic};
use crate::domain::Department;
use crate::output;
use crate::output::encrypt::{self, Password};
use crate::render::templates;
use crate::render::{self, Exports, OutputFile};
use crate::validate;

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
    pub timings: Timings,
    /// The language the diagnostics are printed in: the site's `locale`,
    /// else (config.yaml unread) `locale::detect`'s.
    pub locale: Locale,
}

/// Wall time of each stage of a run, for `build --verbose` and the benchmark.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    pub load: Duration,
    pub validate: Duration,
    pub templates: Duration,
    pub analytics: Duration,
    /// Views, charts and templates (pages are rendered in parallel).
    pub render: Duration,
    /// Chart drawing, CPU time summed over threads (part of `render`).
    pub charts: Duration,
    /// Writing files into the staging folder, summed over threads: part of
    /// `render` when pages are written as they are rendered.
    pub write: Duration,
    /// Removing what the new site lacks and swapping it in.
    pub swap: Duration,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads, validates and compiles the templates; every problem, sorted.
pub fn check(root: &Path, as_of: NaiveDate) -> Checked {
    check_with(root, as_of, content::parse_all)
}

/// [`check`], with the files parsed by `parse` (see [`content::load_with`]):
/// `serve` parses again only the files that changed.
pub fn check_with(
    root: &Path,
    as_of: NaiveDate,
    parse: impl FnOnce(Vec<content::ReadFile>) -> Vec<content::Parsed>,
) -> Checked {
    let mut timings = Timings::default();
    let started = Instant::now();
    let (content, mut diagnostics) = content::load_with(root, parse);
    timings.load = started.elapsed();
    let started = Instant::now();
    diagnostics.extend(validate::check(&content, as_of));
    timings.validate = started.elapsed();
    let started = Instant::now();
    let (templates, problems) = templates::load(&content.templates);
    diagnostics.extend(problems);
    diagnostic::sort(&mut diagnostics);
    timings.templates = started.elapsed();
    let locale = if content.failed.contains(content::CONFIG_PATH) {
        crate::locale::detect::for_root(root)
    } else {
        content.config.locale
    };
    Checked {
        content,
        diagnostics,
        templates,
        timings,
        locale,
    }
}

/// Why a build did not produce a site.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the content has {0} error(s)")]
    Content(usize),
    #[error(transparent)]
    Render(#[from] render::RenderError),
    #[error(transparent)]
    Encrypt(#[from] encrypt::EncryptError),
    #[error(transparent)]
    Output(#[from] output::OutputError),
}

/// A finished build, for the summary line.
pub struct Built {
    pub pages: usize,
    pub files: usize,
    pub bytes: usize,
    /// Inline SVG drawings (charts in their wide and narrow forms, sparklines).
    pub charts: usize,
    pub timings: Timings,
    /// Warnings about the folders beside the output (see [`output::Staging::notes`]).
    pub notes: Vec<String>,
}

/// Renders a checked site in memory.
pub fn render(
    checked: &Checked,
    as_of: NaiveDate,
    exports: Exports,
) -> Result<(Analytics, Vec<OutputFile>), BuildError> {
    render_for(checked, as_of, Audience::Owner, exports).map(|(a, files, _)| (a, files))
}

/// Renders a checked site in memory for an audience.
pub fn render_for(
    checked: &Checked,
    as_of: NaiveDate,
    audience: Audience,
    exports: Exports,
) -> Result<(Analytics, Vec<OutputFile>, Timings), BuildError> {
    let (department, analytics, mut timings) = prepare(checked, as_of, audience)?;
    let ready = Ready {
        templates: checked.templates.as_ref().expect("prepare checked them"),
        department: &department,
        analytics: &analytics,
        audience,
    };
    let (files, render, charts) = ready.in_memory(exports)?;
    timings.render = render;
    timings.charts = charts;
    Ok((analytics, files, timings))
}

/// An error when the content has errors (or the templates did not compile).
fn refuse_errors(checked: &Checked) -> Result<(), BuildError> {
    if checked.templates.is_none() || checked.has_errors() {
        return Err(BuildError::Content(
            checked.diagnostics.iter().filter(|d| d.is_error()).count(),
        ));
    }
    Ok(())
}

/// The content an audience sees and its numbers; an error when the content
/// has errors (or the templates did not compile). The content is copied:
/// a caller that is done with it gives it up with [`prepare_owned`].
fn prepare(
    checked: &Checked,
    as_of: NaiveDate,
    audience: Audience,
) -> Result<(Department, Analytics, Timings), BuildError> {
    refuse_errors(checked)?;
    Ok(numbers(
        checked.content.clone(),
        checked.timings,
        as_of,
        audience,
    ))
}

/// [`prepare`] for a caller that is done with the checked content: it is
/// lowered by move.
fn prepare_owned(
    checked: Checked,
    as_of: NaiveDate,
    audience: Audience,
) -> Result<(Department, Analytics, Timings, templates::Templates), BuildError> {
    refuse_errors(&checked)?;
    let Checked {
        content,
        templates,
        timings,
        ..
    } = checked;
    let templates = templates.expect("refuse_errors checked them");
    let (department, analytics, timings) = numbers(content, timings, as_of, audience);
    Ok((department, analytics, timings, templates))
}

/// Checked content lowered into plain values without positions in files,
/// cut to what an audience sees, and its numbers; their time is the
/// analytics stage's.
fn numbers(
    content: Content,
    mut timings: Timings,
    as_of: NaiveDate,
    audience: Audience,
) -> (Department, Analytics, Timings) {
    let started = Instant::now();
    let department = Department::from(content);
    let department = match audience {
        Audience::Owner => department,
        Audience::Team => crate::audience::for_team(&department),
    };
    let mut analytics = analytics::compute(&department, as_of);
    if audience == Audience::Team {
        crate::audience::restrict(&mut analytics);
    }
    timings.analytics = started.elapsed();
    (department, analytics, timings)
}

/// Renders a checked site, encrypts it when given a password, and writes
/// it; the previous output stays unless all of it succeeds. An encrypted
/// build keeps no spare copy of the site beside the output (the previous one
/// may be unencrypted). The checked content is let go of once it is lowered:
/// its problems are printed by then, and the render is the run's peak.
pub fn build(
    checked: Checked,
    out: &Path,
    as_of: NaiveDate,
    audience: Audience,
    password: Option<&Password>,
) -> Result<Built, BuildError> {
    // Content with errors never gets as far as the output folder; the
    // checked files' text and positions go before the render, the peak.
    let (department, analytics, mut timings, templates) = prepare_owned(checked, as_of, audience)?;
    let ready = Ready {
        templates: &templates,
        department: &department,
        analytics: &analytics,
        audience,
    };
    let spare = match password {
        None => output::Spare::Keep,
        Some(_) => output::Spare::None,
    };
    let staging = output::Staging::begin(out, spare)?;
    let tally = Tally::default();
    let (render, charts) = match password {
        None => write_as_rendered(&ready, &staging, &tally)?,
        Some(password) => write_sealed(&ready, &staging, &tally, password)?,
    };
    timings.render = render;
    timings.charts = charts;
    let started = Instant::now();
    let notes = staging.commit()?;
    timings.swap = started.elapsed();
    Ok(tally.finish(timings, notes))
}

/// What a build renders from: the department an audience sees, its
/// numbers, and the templates.
struct Ready<'a> {
    templates: &'a templates::Templates,
    department: &'a Department,
    analytics: &'a Analytics,
    audience: Audience,
}

impl Ready<'_> {
    /// The whole site in memory; the wall time of rendering and the CPU
    /// time of chart drawing.
    fn in_memory(
        &self,
        exports: Exports,
    ) -> Result<(Vec<OutputFile>, Duration, Duration), BuildError> {
        let started = Instant::now();
        crate::render::charts::take_drawing_time();
        let files = render::site(
            self.templates,
            self.department,
            self.analytics,
            self.audience,
            exports,
        )?;
        Ok((
            files,
            started.elapsed(),
            crate::render::charts::take_drawing_time(),
        ))
    }
}

/// Writes pages as they are rendered, on the rendering threads; the wall
/// time of rendering and the CPU time of chart drawing.
fn write_as_rendered(
    ready: &Ready,
    staging: &output::Staging,
    tally: &Tally,
) -> Result<(Duration, Duration), BuildError> {
    // The first write error, kept whole: the renderer passes on only an
    // `io::Error`.
    let failed = std::sync::Mutex::new(None);
    let write = |file: OutputFile| {
        tally.add(&file);
        let started = Instant::now();
        let written = staging.write(&file).map_err(|err| {
            let stop = std::io::Error::other(err.to_string());
            failed
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .get_or_insert(err);
            stop
        });
        tally.writing(started.elapsed());
        written
    };
    let pages = render::Pages {
        wanted: &render::every_page,
        emit: &write,
    };
    let rendered = render_prepared(
        ready.templates,
        ready.department,
        ready.analytics,
        ready.audience,
        Exports::Published,
        pages,
    );
    let failed = failed
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    match (rendered, failed) {
        (Ok((render, charts, _)), _) => Ok((render, charts)),
        (Err(BuildError::Output(_)), Some(err)) => Err(err.into()),
        (Err(err), _) => Err(err),
    }
}

/// Renders the whole site into memory (sealing derives the key once),
/// encrypts it and writes it.
fn write_sealed(
    ready: &Ready,
    staging: &output::Staging,
    tally: &Tally,
    password: &Password,
) -> Result<(Duration, Duration), BuildError> {
    let (files, render, charts) = ready.in_memory(Exports::LeftOut)?;
    let locale = ready.department.config.locale;
    let files = encrypt::site(
        files,
        ready.templates,
        locale,
        password,
        &mut encrypt::OsRandom,
    )?;
    let started = Instant::now();
    for file in &files {
        tally.add(file);
        staging.write(file)?;
    }
    tally.writing(started.elapsed());
    Ok((render, charts))
}

/// What [`render_wanted`] made: its timings, the department and numbers
/// (`serve` makes an export from them when it is asked for one), and the
/// path of every file the site has, made this time or not.
pub struct Rendered {
    pub timings: Timings,
    pub department: Department,
    pub analytics: Analytics,
    pub paths: Vec<String>,
}

/// [`render`] for `serve`: only the pages `wanted` asks for (serve holds
/// the others from before), and the exports linked but not made. The
/// checked content is given up (lowered by move).
pub fn render_wanted(
    checked: Checked,
    as_of: NaiveDate,
    wanted: render::Wanted,
    emit: &render::Emit,
) -> Result<Rendered, BuildError> {
    let (department, analytics, mut timings, templates) =
        prepare_owned(checked, as_of, Audience::Owner)?;
    let pages = render::Pages { wanted, emit };
    let (render, charts, paths) = render_prepared(
        &templates,
        &department,
        &analytics,
        Audience::Owner,
        Exports::OnRequest,
        pages,
    )?;
    timings.render = render;
    timings.charts = charts;
    Ok(Rendered {
        timings,
        department,
        analytics,
        paths,
    })
}

/// Renders prepared content and numbers; the wall time of rendering, the
/// CPU time of chart drawing and every path of the site.
fn render_prepared(
    templates: &templates::Templates,
    department: &Department,
    analytics: &Analytics,
    audience: Audience,
    exports: Exports,
    pages: render::Pages,
) -> Result<(Duration, Duration, Vec<String>), BuildError> {
    let started = Instant::now();
    crate::render::charts::take_drawing_time();
    let paths = render::site_to(templates, department, analytics, audience, exports, pages)
        .map_err(|err| match err {
            render::SiteError::Render(e) => BuildError::Render(e),
            render::SiteError::Emit(source) => BuildError::Output(output::OutputError::Io {
                out: Default::default(),
                source,
            }),
        })?;
    Ok((
        started.elapsed(),
        crate::render::charts::take_drawing_time(),
        paths,
    ))
}

/// What a build wrote, counted as the files go by (from several threads).
#[derive(Default)]
struct Tally {
    pages: AtomicUsize,
    files: AtomicUsize,
    bytes: AtomicUsize,
    charts: AtomicUsize,
    writing_nanos: AtomicU64,
}

impl Tally {
    fn add(&self, file: &OutputFile) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(file.bytes.len(), Ordering::Relaxed);
        if file.path.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
            let charts = memchr::memmem::find_iter(&file.bytes, b" role=\"img\"").count();
            self.charts.fetch_add(charts, Ordering::Relaxed);
        }
    }

    fn writing(&self, spent: Duration) {
        let nanos = u64::try_from(spent.as_nanos()).unwrap_or(u64::MAX);
        self.writing_nanos.fetch_add(nanos, Ordering::Relaxed);
    }

    fn finish(self, mut timings: Timings, notes: Vec<String>) -> Built {
        timings.write = Duration::from_nanos(self.writing_nanos.into_inner());
        Built {
            pages: self.pages.into_inner(),
            files: self.files.into_inner(),
            bytes: self.bytes.into_inner(),
            charts: self.charts.into_inner(),
            timings,
            notes,
        }
    }
}

/// A digest of a checked site for an audience, written in `format`: the
/// audience's content and analytics as of `as_of` and as of the period before.
pub fn digest(
    checked: &Checked,
    as_of: NaiveDate,
    options: crate::render::digest::Options,
    format: crate::render::digest::Format,
) -> Result<String, BuildError> {
    let (department, now, _) = prepare(checked, as_of, options.audience)?;
    let before_date = crate::render::digest::facts::previous_as_of(options.period, as_of, &now);
    let mut before = analytics::compute(
        &crate::render::digest::facts::as_it_stood(&department, before_date),
        before_date,
    );
    if options.audience == Audience::Team {
        crate::audience::restrict(&mut before);
    }
    let digest = crate::render::digest::digest(&department, &now, &before, options);
    Ok(crate::render::digest::render(&digest, format))
}
