//! The command line, as clap types. Parsing only; `main.rs` runs the command.
//!
//! The help texts are not here but in `locale::help`, one typed table per
//! language: [`command`] puts the site's (or the environment's) on the
//! command before it parses, so `--help` speaks the language of the site
//! it is run in.

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::content::Locale;
use crate::locale::help::{self, Help};

use crate::audience::Audience;
use crate::calendar::{IsoWeek, YearMonth};

#[derive(Debug, Parser)]
#[command(name = "salespulse", version)]
pub struct Cli {
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Build {
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        #[arg(long, value_enum, default_value_t = Audience::Owner)]
        audience: Audience,
        #[arg(long, short, conflicts_with = "verbose")]
        quiet: bool,
        #[arg(long, short)]
        verbose: bool,
        #[arg(long)]
        encrypt: bool,
    },
    Check {
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    Serve {
        #[arg(long, default_value_t = 8000)]
        port: u16,
        #[arg(long)]
        open: bool,
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
    },
    New {
        #[command(subcommand)]
        what: NewFile,
        #[arg(long, value_name = "DATE", value_parser = parse_date, global = true)]
        as_of: Option<NaiveDate>,
    },
    Init {
        dir: PathBuf,
        #[arg(long)]
        empty: bool,
    },
    Digest {
        #[arg(long, value_enum, default_value_t = crate::render::digest::Period::Week)]
        period: crate::render::digest::Period,
        #[arg(long, value_enum, default_value_t = crate::render::digest::Format::Text)]
        format: crate::render::digest::Format,
        #[arg(long, value_enum, default_value_t = Audience::Owner)]
        audience: Audience,
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        #[arg(long)]
        redact: bool,
    },
    Import {
        file: PathBuf,
        #[arg(long, value_enum, value_name = "FORMAT")]
        from: Option<crate::commands::import::Source>,
        #[arg(long, value_name = "MAP.yaml")]
        map: Option<PathBuf>,
        #[arg(long)]
        dry_run: bool,
    },
    Schema {
        #[arg(long, value_name = "DIR", default_value = "schemas")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum NewFile {
    Week {
        #[arg(value_parser = parse_week)]
        week: Option<IsoWeek>,
    },
    Standup {
        #[arg(value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    Idp {
        manager: String,
    },
    Targets {
        #[arg(value_parser = parse_month)]
        month: Option<YearMonth>,
    },
    Assessment {
        #[arg(value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    Month {
        #[arg(value_parser = parse_month)]
        month: Option<YearMonth>,
    },
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

/// The command line with its help in `locale`.
pub fn command(locale: Locale) -> clap::Command {
    let h = help::help(locale);
    let cmd = Cli::command()
        .about(h.about)
        .mut_arg("root", |a| a.help(h.root))
        .mut_subcommand("build", |c| {
            c.about(h.build.about)
                .mut_arg("out", |a| a.help(h.build.out))
                .mut_arg("as_of", |a| a.help(h.as_of))
                .mut_arg("audience", |a| a.help(h.audience))
                .mut_arg("quiet", |a| a.help(h.build.quiet))
                .mut_arg("verbose", |a| a.help(h.build.verbose))
                .mut_arg("encrypt", |a| a.help(h.build.encrypt))
        })
        .mut_subcommand("check", |c| {
            c.about(h.check.about)
                .mut_arg("as_of", |a| a.help(h.as_of))
                .mut_arg("format", |a| a.help(h.check.format))
        })
        .mut_subcommand("serve", |c| {
            c.about(h.serve.about)
                .mut_arg("port", |a| a.help(h.serve.port))
                .mut_arg("open", |a| a.help(h.serve.open))
                .mut_arg("as_of", |a| a.help(h.as_of))
        })
        .mut_subcommand("new", |c| new_help(c, h))
        .mut_subcommand("init", |c| {
            c.about(h.init.about)
                .mut_arg("dir", |a| a.help(h.init.dir))
                .mut_arg("empty", |a| a.help(h.init.empty))
        })
        .mut_subcommand("digest", |c| {
            c.about(h.digest.about)
                .mut_arg("period", |a| a.help(h.digest.period))
                .mut_arg("format", |a| a.help(h.digest.format))
                .mut_arg("audience", |a| a.help(h.audience))
                .mut_arg("as_of", |a| a.help(h.as_of))
                .mut_arg("base_url", |a| a.help(h.digest.base_url))
                .mut_arg("redact", |a| a.help(h.digest.redact))
        })
        .mut_subcommand("import", |c| {
            c.about(h.import.about)
                .mut_arg("file", |a| a.help(h.import.file))
                .mut_arg("from", |a| a.help(h.import.from))
                .mut_arg("map", |a| a.help(h.import.map))
                .mut_arg("dry_run", |a| a.help(h.import.dry_run))
        })
        .mut_subcommand("schema", |c| {
            c.about(h.schema.about)
                .mut_arg("out", |a| a.help(h.schema.out))
        });
    let mut cmd = in_language(cmd, h, locale, true);
    cmd.build();
    if locale == Locale::Ru {
        russian_usage(&mut cmd);
    }
    help_commands(&mut cmd, h);
    cmd
}

/// `new`'s help and that of each kind of file it writes.
fn new_help(c: clap::Command, h: &'static Help) -> clap::Command {
    c.about(h.new.about)
        .mut_arg("as_of", |a| a.help(h.as_of))
        .mut_subcommand("week", |c| {
            c.about(h.new.week)
                .mut_arg("week", |a| a.help(h.new.week_arg))
        })
        .mut_subcommand("standup", |c| {
            c.about(h.new.standup)
                .mut_arg("date", |a| a.help(h.new.standup_arg))
        })
        .mut_subcommand("idp", |c| {
            c.about(h.new.idp)
                .mut_arg("manager", |a| a.help(h.new.idp_arg))
        })
        .mut_subcommand("targets", |c| {
            c.about(h.new.targets)
                .mut_arg("month", |a| a.help(h.new.targets_arg))
        })
        .mut_subcommand("assessment", |c| {
            c.about(h.new.assessment)
                .mut_arg("date", |a| a.help(h.new.assessment_arg))
        })
        .mut_subcommand("month", |c| {
            c.about(h.new.month)
                .mut_arg("month", |a| a.help(h.new.month_arg))
        })
        .mut_subcommand("one-on-one", |c| {
            c.about(h.new.one_on_one)
                .mut_arg("manager", |a| a.help(h.new.idp_arg))
                .mut_arg("date", |a| a.help(h.new.one_on_one_arg))
        })
}

/// The `help` command clap adds to every command with subcommands.
fn help_commands(cmd: &mut clap::Command, h: &'static Help) {
    for sub in cmd.get_subcommands_mut() {
        if sub.get_name() == "help" {
            *sub = sub.clone().about(h.help_command);
        } else {
            help_commands(sub, h);
        }
    }
}

/// Where the help and version flags go in a list of options: last.
const LAST: usize = 1000;

/// The help flags of `cmd` and its subcommands in `h`'s words; in Russian
/// also the headings, the names of values and the defaults and accepted
/// values (which clap would annotate in English: the texts say them).
fn in_language(cmd: clap::Command, h: &'static Help, locale: Locale, top: bool) -> clap::Command {
    let ru = locale == Locale::Ru;
    let mut cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(h.help)
            .display_order(LAST),
    );
    if top {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(h.version)
                .display_order(LAST),
        );
    }
    if ru {
        cmd = cmd
            .help_template(format!(
                "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
                h.usage
            ))
            .subcommand_help_heading(h.commands)
            .subcommand_value_name(help::value_name_ru("COMMAND").unwrap_or("COMMAND"));
        let ids: Vec<String> = cmd
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        for id in ids {
            cmd = cmd.mut_arg(id, |a| {
                let heading = if a.is_positional() {
                    h.arguments
                } else {
                    h.options
                };
                let named = a.get_action().takes_values().then(|| {
                    let name = a
                        .get_value_names()
                        .and_then(|n| n.first())
                        .map_or_else(|| a.get_id().as_str().to_uppercase(), ToString::to_string);
                    help::value_name_ru(&name)
                });
                let a = a.help_heading(heading);
                match named {
                    Some(name) => {
                        let a = a.hide_default_value(true).hide_possible_values(true);
                        match name {
                            Some(name) => a.value_name(name),
                            None => a,
                        }
                    }
                    None => a,
                }
            });
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |c| in_language(c, h, locale, false));
    }
    cmd
}

/// clap writes `[OPTIONS]` into every usage line whatever the language.
fn russian_usage(cmd: &mut clap::Command) {
    let usage = cmd.render_usage().to_string();
    let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
    *cmd = cmd
        .clone()
        .override_usage(usage.replace("[OPTIONS]", "[ПАРАМЕТРЫ]"));
    for sub in cmd.get_subcommands_mut() {
        russian_usage(sub);
    }
}

/// Parses the command line, with its help in the language of the site it
/// is run in (`--root`, read from the raw arguments before parsing) or,
/// without a readable site, of the environment.
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let locale = crate::locale::detect::for_args(&args);
    let matches = command(locale).get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every option has its text in both languages: one
    /// added to the types without a line in `locale::help` fails here.
    #[test]
    fn every_command_and_option_has_help_in_both_languages() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            if cmd
                .get_about()
                .is_none_or(|a| a.to_string().trim().is_empty())
            {
                missing.push(format!("{path}: about"));
            }
            for arg in cmd.get_arguments() {
                if arg
                    .get_help()
                    .is_none_or(|h| h.to_string().trim().is_empty())
                {
                    missing.push(format!("{path} {}", arg.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        for locale in [Locale::Ru, Locale::En] {
            let mut missing = Vec::new();
            walk(&command(locale), "salespulse", &mut missing);
            assert!(missing.is_empty(), "{locale:?}: no help for {missing:?}");
        }
    }

    #[test]
    fn the_localised_command_parses_as_the_types_say() {
        let matches = command(Locale::Ru)
            .try_get_matches_from([
                "salespulse",
                "--root",
                "x",
                "build",
                "--as-of",
                "2026-11-27",
            ])
            .unwrap();
        let cli = Cli::from_arg_matches(&matches).unwrap();
        assert_eq!(cli.root, PathBuf::from("x"));
        assert!(matches!(cli.command, Command::Build { as_of: Some(_), .. }));
    }
}
