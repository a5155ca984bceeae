//! `salespulse serve`: the library serves; this prints what it says and,
//! with `--open`, opens the address in the browser once it is served.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use salespulse::commands::serve::{self, Said};

pub fn run(root: &Path, port: u16, open: bool, as_of: NaiveDate, color: bool) -> bool {
    let say = move |said: Said| match said {
        Said::Serving { address, line } => {
            // Standard output is flushed at each line: scripts and tests
            // read the address as soon as it is printed.
            println!("{line}");
            if open {
                let opener = if cfg!(target_os = "macos") {
                    "open"
                } else {
                    "xdg-open"
                };
                let _ = std::process::Command::new(opener).arg(&address).spawn();
            }
        }
        Said::Line(line) => eprintln!("{line}"),
        Said::Problems(text) => eprint!("{text}"),
    };
    serve::run(root, port, as_of, color, Arc::new(say))
}
