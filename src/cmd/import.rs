//! `salespulse import FILE`: the problems, then what changed.

use std::path::Path;

use salespulse::commands::import::{self, Options};
use salespulse::content;
use salespulse::diagnostic;
use salespulse::locale;

/// True when the import was written (or, with `--dry-run`, could be).
pub fn run(root: &Path, options: &Options, color: bool) -> bool {
    let locale = locale::detect::for_root(root);
    let (content, _) = content::load(root);
    let mut outcome = import::prepare(root, &content, options);
    diagnostic::sort(&mut outcome.diagnostics);
    eprint!(
        "{}",
        diagnostic::render_human(&outcome.diagnostics, &outcome.sources, color, locale)
    );
    let has_errors = outcome.has_errors();
    let Some(report) = outcome.report.filter(|_| !has_errors) else {
        eprintln!("error: {}", locale::console::nothing_written(locale, false));
        return false;
    };
    if !options.dry_run
        && let Err(problem) = import::write(root, &report)
    {
        eprint!(
            "{}",
            diagnostic::render_human(&[problem], &outcome.sources, color, locale)
        );
        return false;
    }
    print!(
        "{}",
        import::summary::render(&report, !options.dry_run, locale)
    );
    true
}
