//! `salespulse`: parse the command line, run the library, print, exit.

use std::io::IsTerminal;
use std::process::ExitCode;

mod cmd;

use cmd::build::Verbosity;
use salespulse::cli::Command;
use salespulse::site;

// Many small allocations (YAML values, page contexts) from two threads: see
// Cargo.toml for the measured choice.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, which it reads from this symbol when it starts: one
/// arena for every thread instead of four per core. What one thread frees
/// (a page's values, the feed's analytics of a day, the workbook's cells
/// on the threads it spawns) is then reused by the others, not kept aside:
/// a big department's `build` peaked at 124–135 MiB instead of 150–163 MiB,
/// for 1–4 % more CPU (docs/performance.md). `_RJEM_MALLOC_CONF` overrides it.
#[cfg(not(target_env = "msvc"))]
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &[u8; 10] = b"narenas:1\0";

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
            cmd::build::run(&cmd::build::Request {
                root,
                out: &out,
                as_of: site::as_of(as_of),
                audience,
                verbosity: Verbosity::from_flags(quiet, verbose),
                encrypt,
                color,
            })
        }
        Command::Check { as_of, format } => {
            cmd::check::run(root, site::as_of(as_of), format, color)
        }
        Command::Serve { port, open, as_of } => {
            cmd::serve::run(root, port, open, site::as_of(as_of), color)
        }
        Command::New { what, as_of } => cmd::new::run(root, what, site::as_of(as_of), color),
        Command::Init { dir, empty } => cmd::setup::init(&dir, empty, site::as_of(None)),
        Command::Schema { out } => cmd::setup::schema(root, &root.join(out)),
        Command::Digest {
            period,
            format,
            audience,
            as_of,
            base_url,
            redact,
        } => cmd::digest::run(
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
        } => cmd::import::run(
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
