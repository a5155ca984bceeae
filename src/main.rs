//! `salespulse`: parse the command line, run the library, print, exit.

use std::io::IsTerminal;
use std::process::ExitCode;

use salespulse::cli::Command;
use salespulse::commands::serve;
use salespulse::site::{self, Verbosity};

// Many small allocations (YAML values, page contexts) from two threads: see
// Cargo.toml for the measured choice.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = salespulse::cli::parse();
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let root = &cli.root;
    let ok = match cli.command {
        Command::Build {
            out,
            as_of,
            audience,
            quiet,
            verbose,
            encrypt,
        } => {
            let out = out.unwrap_or_else(|| root.join("output"));
            let verbosity = Verbosity::from_flags(quiet, verbose);
            site::run_build(
                root,
                &out,
                site::as_of(as_of),
                audience,
                verbosity,
                encrypt,
                color,
            )
        }
        Command::Check { as_of, format } => {
            site::run_check(root, site::as_of(as_of), format, color)
        }
        Command::Serve { port, open, as_of } => {
            serve::run(root, port, open, site::as_of(as_of), color)
        }
        Command::New { what, as_of } => site::run_new(root, what, site::as_of(as_of), color),
        Command::Init { dir, empty } => site::run_init(&dir, empty, site::as_of(None)),
        Command::Schema { out } => site::run_schema(root, &root.join(out)),
        Command::Digest {
            period,
            format,
            audience,
            as_of,
            base_url,
            redact,
        } => site::run_digest(
            root,
            site::as_of(as_of),
            salespulse::render::digest::Options {
                period,
                audience,
                base_url: base_url.as_deref().filter(|u| !u.is_empty()),
                redact,
            },
            format,
            color,
        ),
        Command::Import {
            file,
            from,
            map,
            dry_run,
        } => site::run_import(
            root,
            &salespulse::commands::import::Options {
                file,
                from,
                map,
                dry_run,
            },
            color,
        ),
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
