//! The command line, as clap types. Parsing only; `main.rs` runs the command.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::audience::Audience;
use crate::calendar::{IsoWeek, YearMonth};

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
        /// Who the site is for: `team` leaves out what is for the owner only.
        #[arg(long, value_enum, default_value_t = Audience::Owner)]
        audience: Audience,
        /// Print only errors.
        #[arg(long, short, conflicts_with = "verbose")]
        quiet: bool,
        /// Also print the time of each stage.
        #[arg(long, short)]
        verbose: bool,
        /// Encrypt every page with the password in the environment variable
        /// SALESPULSE_PASSWORD; readers type it once per browser tab.
        /// data/ is left out. See docs/encryption.md.
        #[arg(long)]
        encrypt: bool,
    },
    /// Load and validate everything; print every problem and the alerts.
    Check {
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// How to print the problems.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Serve the site on 127.0.0.1, rebuild on every change, reload the browser.
    Serve {
        /// Port to listen on (0: any free port).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
    },
    /// Write a pre-filled file for every active manager (never over an existing one).
    New {
        #[command(subcommand)]
        what: NewFile,
        #[arg(long, value_name = "DATE", value_parser = parse_date, global = true)]
        as_of: Option<NaiveDate>,
    },
    /// Create a new site in DIR: the demo content (or --empty), .gitignore, README, Pages workflow.
    Init {
        dir: PathBuf,
        /// One manager and one week instead of the demo department.
        #[arg(long)]
        empty: bool,
    },
    /// Print a short summary for the owner or the team (the month's verdict,
    /// changes, who lags, new alerts, a link) in the site's language.
    Digest {
        /// What it looks back on: the latest stand-up, week or month.
        #[arg(long, value_enum, default_value_t = crate::render::digest::Period::Week)]
        period: crate::render::digest::Period,
        /// How to write it.
        #[arg(long, value_enum, default_value_t = crate::render::digest::Format::Text)]
        format: crate::render::digest::Format,
        /// Who it is for: `team` leaves out what is for the owner only.
        #[arg(long, value_enum, default_value_t = Audience::Owner)]
        audience: Audience,
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// The published site's address, for links [default: base_url when it is absolute].
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Say only that the report was updated, with no figures or names
        /// (for an encrypted site's digest in a public channel).
        #[arg(long)]
        redact: bool,
    },
    /// Read a CRM deals export (CSV) into the period files under content/weeks/.
    Import {
        /// The export, as the CRM saved it.
        file: PathBuf,
        /// The CRM it comes from [default: recognised from the header row].
        #[arg(long, value_enum, value_name = "FORMAT")]
        from: Option<crate::commands::import::Source>,
        /// Which column means what (a generic CSV), or changes to a CRM's columns.
        #[arg(long, value_name = "MAP.yaml")]
        map: Option<PathBuf>,
        /// Print what would change, old → new; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a JSON Schema per content file kind, for editor completion.
    Schema {
        #[arg(long, value_name = "DIR", default_value = "schemas")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum NewFile {
    /// content/weeks/WEEK.yaml [default: the week after the latest week file].
    Week {
        #[arg(value_parser = parse_week)]
        week: Option<IsoWeek>,
    },
    /// content/standups/DATE.md [default: --as-of, else today].
    Standup {
        #[arg(value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// content/idp/MANAGER-YYYY-MM.md with the manager's latest attainment as its reason.
    Idp { manager: String },
    /// content/targets/MONTH.yaml, last month's plan as the starting figures [default: the month after the latest plan].
    Targets {
        #[arg(value_parser = parse_month)]
        month: Option<YearMonth>,
    },
    /// content/assessments/DATE.yaml: every active manager, every competency [default: --as-of].
    Assessment {
        #[arg(value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// content/months/MONTH.md with the lagging metrics listed to explain [default: the month of --as-of].
    Month {
        #[arg(value_parser = parse_month)]
        month: Option<YearMonth>,
    },
    /// content/one-on-ones/DATE-MANAGER.md [default: --as-of].
    OneOnOne {
        manager: String,
        #[arg(value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
}

fn parse_month(text: &str) -> Result<YearMonth, String> {
    YearMonth::parse(text)
}

fn parse_week(text: &str) -> Result<IsoWeek, String> {
    IsoWeek::parse(text)
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
