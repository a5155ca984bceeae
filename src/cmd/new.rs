//! `salespulse new …`: one pre-filled file (or two, for a split week) and
//! its path on standard output.

use std::path::Path;

use chrono::NaiveDate;

use salespulse::analytics;
use salespulse::calendar::YearMonth;
use salespulse::cli::NewFile;
use salespulse::commands::new as scaffold;
use salespulse::content::Content;
use salespulse::diagnostic::{self, Diagnostic};
use salespulse::domain::Department;
use salespulse::locale;
use salespulse::site;

/// Writes the files and prints their paths; true on success.
pub fn run(root: &Path, what: NewFile, as_of: NaiveDate, color: bool) -> bool {
    let checked = site::check(root, as_of);
    if checked.has_errors() {
        eprint!(
            "{}",
            diagnostic::render_human(
                &checked.diagnostics,
                &checked.content.sources,
                color,
                checked.locale,
            )
        );
        eprintln!(
            "error: {}",
            locale::console::nothing_written(checked.locale, true)
        );
        return false;
    }
    let content = &checked.content;
    let result = scaffold_files(content, what, as_of)
        .map_err(|d| vec![d])
        .and_then(|files| scaffold::write_new(root, content, &files, as_of).map(|()| files));
    match result {
        Ok(files) => {
            for (relative, _) in files {
                println!("{}", root.join(relative).display());
            }
            true
        }
        Err(problems) => {
            eprint!(
                "{}",
                diagnostic::render_human(
                    &problems,
                    &checked.content.sources,
                    color,
                    checked.locale
                )
            );
            false
        }
    }
}

/// The files `what` asks for, each as (path under the site, text).
fn scaffold_files(
    content: &Content,
    what: NewFile,
    as_of: NaiveDate,
) -> Result<Vec<(String, String)>, Diagnostic> {
    match what {
        NewFile::Week { week } => Ok(scaffold::week(
            content,
            week.unwrap_or_else(|| scaffold::next_week(content, as_of)),
        )),
        NewFile::Standup { date } => Ok(vec![scaffold::standup(content, date.unwrap_or(as_of))]),
        NewFile::Idp { manager } => scaffold::idp(
            content,
            &analytics::compute(&Department::of(content), as_of),
            &manager,
        )
        .map(|f| vec![f]),
        NewFile::Targets { month } => Ok(vec![scaffold::targets(
            content,
            month.unwrap_or_else(|| scaffold::next_targets_month(content, as_of)),
        )]),
        NewFile::Assessment { date } => {
            scaffold::assessment(content, date.unwrap_or(as_of)).map(|f| vec![f])
        }
        NewFile::Month { month } => Ok(vec![scaffold::month(
            content,
            &analytics::compute(&Department::of(content), as_of),
            month.unwrap_or_else(|| YearMonth::of(as_of)),
        )]),
        NewFile::OneOnOne { manager, date } => {
            scaffold::one_on_one(content, &manager, date.unwrap_or(as_of)).map(|f| vec![f])
        }
    }
}
