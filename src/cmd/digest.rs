//! `salespulse digest`: the digest on standard output; errors on standard
//! error (warnings are `check`'s business).

use std::path::Path;

use chrono::NaiveDate;

use salespulse::diagnostic::{self, Diagnostic};
use salespulse::render::digest::{Format, Options};
use salespulse::site;

/// True on success.
pub fn run(root: &Path, as_of: NaiveDate, options: Options, format: Format, color: bool) -> bool {
    let checked = site::check(root, as_of);
    let errors: Vec<Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    eprint!(
        "{}",
        diagnostic::render_human(&errors, &checked.content.sources, color, checked.locale)
    );
    match site::digest(&checked, as_of, options, format) {
        Ok(text) => {
            print!("{text}");
            true
        }
        Err(err) => {
            eprintln!("error: {err}");
            false
        }
    }
}
