//! `salespulse init DIR` and `salespulse schema --out DIR`: they write a
//! new site or the JSON Schemas and say so in one line.

use std::path::Path;

use chrono::NaiveDate;

use salespulse::commands::{init, schema};
use salespulse::locale;

/// `init DIR`: a new site, in the language the machine speaks.
pub fn init(dir: &Path, empty: bool, today: NaiveDate) -> bool {
    match init::create(dir, empty, today) {
        Ok((locale, n)) => {
            println!("{}", locale::console::created(locale, dir, n));
            true
        }
        Err(e) => {
            eprintln!("error: {e}");
            false
        }
    }
}

/// `schema --out DIR`, told in the language of the site in `root`.
pub fn schema(root: &Path, out: &Path) -> bool {
    match schema::write_all(out) {
        Ok(n) => {
            let locale = locale::detect::for_root(root);
            println!("{}", locale::console::schemas_written(locale, n, out));
            true
        }
        Err(e) => {
            eprintln!("error: {e}");
            false
        }
    }
}
