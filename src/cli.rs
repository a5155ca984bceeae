//! The command line, as clap types. Parsing only; `main.rs` runs the command.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "salespulse",
    version,
    about = "Reports for a sales department, from YAML and Markdown in git"
)]
pub struct Cli {
    /// The site folder: holds content/, optional templates/, receives output/.
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the content, then write the whole site (the previous output stays if anything fails).
    Build {
        /// Where to write the site [default: ROOT/output].
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// The date that decides the current month [default: SOURCE_DATE_EPOCH, else today].
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Print only errors.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Load and validate everything; print every problem and the alerts.
    Check {
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// How to print the problems.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Messages with the source line and a caret, like cargo.
    Human,
    /// A JSON array of diagnostics, for tools.
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…::…`).
    Github,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::content::value::parse_date(text)
}
