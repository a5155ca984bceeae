//! `salespulse build`: problems, then one line about the site it wrote.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use salespulse::audience::Audience;
use salespulse::content::Locale;
use salespulse::diagnostic::{self, Diagnostic};
use salespulse::locale::{self, console::Fate, refusals};
use salespulse::output::{self, encrypt};
use salespulse::site::{self, BuildError, Built, Timings};

/// How much `build` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

impl Verbosity {
    pub fn from_flags(quiet: bool, verbose: bool) -> Self {
        match (quiet, verbose) {
            (true, _) => Verbosity::Quiet,
            (_, true) => Verbosity::Verbose,
            _ => Verbosity::Normal,
        }
    }
}

/// What `build` was asked to do.
pub struct Request<'a> {
    pub root: &'a Path,
    pub out: &'a Path,
    pub as_of: NaiveDate,
    pub audience: Audience,
    pub verbosity: Verbosity,
    pub encrypt: bool,
    pub color: bool,
}

/// Prints problems and one summary line; true on success. With `encrypt`,
/// the password comes from the environment or nothing is built.
pub fn run(r: &Request) -> bool {
    let started = Instant::now();
    let locale = locale::detect::for_root(r.root);
    let password = match r.encrypt.then(encrypt::Password::from_env).transpose() {
        Ok(password) => password,
        Err(err) => {
            eprintln!("error: {}", refusals::password(locale, &err));
            eprintln!("note: {}", locale::console::fate(locale, fate(r.out)));
            return false;
        }
    };
    if password.as_ref().is_some_and(encrypt::Password::is_short) {
        eprintln!(
            "warning: {}",
            locale::console::short_password(locale, encrypt::PASSWORD_VAR, encrypt::SHORT_PASSWORD)
        );
    }
    // A place that must never receive the site is refused before the
    // content is even read.
    if let Err(err) = output::check_place(r.root, r.out) {
        refused(locale, &BuildError::Output(err), r.out);
        return false;
    }
    let checked = site::check(r.root, r.as_of);
    let quiet = r.verbosity == Verbosity::Quiet;
    let shown: Vec<Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| !quiet || d.is_error())
        .cloned()
        .collect();
    eprint!(
        "{}",
        diagnostic::render_human(&shown, &checked.content.sources, r.color, checked.locale)
    );
    let outcome = site::build(checked, r.out, r.as_of, r.audience, password.as_ref());
    match outcome {
        Ok(built) => {
            report(locale, r, &built, started, password.is_some());
            true
        }
        Err(err) => {
            refused(locale, &err, r.out);
            false
        }
    }
}

/// The warnings about folders beside the output, the stages' times with
/// `--verbose`, and the closing line.
fn report(locale: Locale, r: &Request, built: &Built, started: Instant, encrypted: bool) {
    if r.verbosity == Verbosity::Quiet {
        return;
    }
    for note in &built.notes {
        eprintln!("warning: {note}");
    }
    if r.verbosity == Verbosity::Verbose {
        eprintln!("{}", stages(&built.timings));
    }
    let summary = locale::console::Built {
        pages: built.pages,
        charts: built.charts,
        files: built.files,
        kilobytes: built.bytes / 1024,
        out: r.out,
        millis: started.elapsed().as_millis(),
        encrypted,
    };
    eprintln!("{}", locale::console::built(locale, &summary));
}

/// `--verbose`'s line for the benchmark and the curious (not translated: it
/// names the program's stages).
fn stages(t: &Timings) -> String {
    let ms = |d: Duration| format!("{:.1}", d.as_secs_f64() * 1000.0);
    format!(
        "stages (ms): load+parse {} · validate {} · templates {} · analytics {} · render+write {} (charts {} CPU, writing {} CPU) · swap {}",
        ms(t.load),
        ms(t.validate),
        ms(t.templates),
        ms(t.analytics),
        ms(t.render),
        ms(t.charts),
        ms(t.write),
        ms(t.swap)
    )
}

/// Why no site came out, then what became of the output, on its own line:
/// a render error ends with a multi-line snippet.
fn refused(locale: Locale, err: &BuildError, out: &Path) {
    let why = match err {
        BuildError::Output(e) => refusals::output(locale, e),
        BuildError::Content(n) => locale::console::content_errors(locale, *n),
        other => other.to_string(),
    };
    let fate = if matches!(err, BuildError::Output(e) if e.is_refusal()) {
        Fate::NothingMoved
    } else {
        fate(out)
    };
    eprintln!("error: {why}");
    eprintln!("note: {}", locale::console::fate(locale, fate));
}

fn fate(out: &Path) -> Fate<'_> {
    if out.join(output::MARKER).is_file() {
        Fate::PreviousKept(out)
    } else if out.is_dir() {
        Fate::Untouched(out)
    } else {
        Fate::NothingWritten(out)
    }
}
