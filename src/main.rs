//! `salespulse`: parse the command line, run the library, print, exit.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use salespulse::cli::{Cli, Command};
use salespulse::site;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let ok = match cli.command {
        Command::Build { out, as_of, quiet } => {
            let out = out.unwrap_or_else(|| cli.root.join("output"));
            site::run_build(&cli.root, &out, site::as_of(as_of), quiet, color)
        }
        Command::Check { as_of, format } => {
            site::run_check(&cli.root, site::as_of(as_of), format, color)
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
