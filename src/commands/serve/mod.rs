//! `salespulse serve`: the site built in memory, served on 127.0.0.1, rebuilt
//! when `content/` or `templates/` change, and reloaded in the browser by a
//! small script that exists only here. A broken edit shows its diagnostics
//! in the page and the terminal, and serving goes on.
//!
//! The server is a small one of its own: only `GET` and `HEAD` of a request
//! head of at most [`MAX_HEAD`] bytes, only to a `Host` that names the
//! loopback address it listens on (so a web page the head visits cannot
//! reach the owner's site through DNS rebinding), answered by
//! [`WORKERS`] threads. Connections that have not sent their request yet
//! wait in a bounded list on the accepting thread, not on a worker, so idle
//! connections cannot take the workers away.
//!
//! Serve prints nothing itself: what it has to tell the person running it
//! goes to the caller as [`Said`], and the binary prints it.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::content::Locale;
use crate::diagnostic::{self, Diagnostic};
use crate::locale::console;
use crate::render::OutputFile;
use crate::site;

mod http;
pub mod memo;
pub mod parsed;
mod rebuild;

use http::{accept, answer, content_type, file_for};
use memo::Memo;
use parsed::ParseCache;
use rebuild::{Exportable, Failed, Memory, RELOAD_JS, Rebuilt, rebuild};

/// What serve tells the person running it, as it happens, worded in the
/// site's language.
#[derive(Debug, Clone, PartialEq)]
pub enum Said {
    /// The address, once the first build is served, and the line that
    /// says it: for standard output, where scripts and tests read it (and
    /// the address for `--open`).
    Serving { address: String, line: String },
    /// A line for the terminal: a warning, a rebuild, a failure, stopping.
    Line(String),
    /// The problems of a build, as `check` prints them (lines with their
    /// end of line).
    Problems(String),
}

/// Where serve hands what it says; called from the watching thread too.
pub type Say = Arc<dyn Fn(Said) + Send + Sync>;

/// What the server answers with: the last build, or the problems that stopped it.
struct Served {
    files: HashMap<String, Vec<u8>>,
    error: Option<String>,
    version: u64,
    /// What the last good build's exports are made from, on request.
    exports: Option<Arc<Exportable>>,
}

/// Threads answering requests.
pub const WORKERS: usize = 4;
/// Requests read and waiting for a worker; beyond, a connection is closed.
const QUEUE: usize = 64;
/// Connections still sending their request; beyond, the oldest is closed.
const PENDING: usize = 256;
/// The largest request head (request line and headers) read, in bytes.
pub const MAX_HEAD: usize = 16 * 1024;
/// How long a connection may take to send its request head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a worker waits for a reader to take the answer.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// Runs until Ctrl-C; false when it could not serve. Says the address
/// first ([`Said::Serving`]), once the first build is served.
pub fn run(root: &Path, port: u16, as_of: NaiveDate, color: bool, say: Say) -> bool {
    let locale = crate::locale::detect::for_root(root);
    let (listener, bound) = match listen(port) {
        Ok(bound) => bound,
        Err(e) => {
            let why = console::cannot_listen(locale, port, &e.to_string());
            say(Said::Line(format!("error: {why}")));
            return false;
        }
    };
    let address = format!("http://{bound}/");
    let started = Instant::now();
    let mut memory = Memory::default();
    let first = rebuild(root, as_of, color, &mut memory, &say);
    let state = Arc::new(Mutex::new(Served {
        files: HashMap::new(),
        error: None,
        version: 1,
        exports: None,
    }));
    apply(&state, first, started, &say);
    let line = console::serving(locale, &address);
    say(Said::Serving {
        address: address.clone(),
        line,
    });
    let _watching = watch(root, as_of, color, memory, Arc::clone(&state), locale, &say);
    let stopping = Arc::new(AtomicBool::new(false));
    let stop_flag = Arc::clone(&stopping);
    let _ = ctrlc::set_handler(move || stop_flag.store(true, Ordering::SeqCst));
    let queue = start_workers(&state, bound.port());
    if let Err(e) = accept(&listener, &queue, &stopping) {
        say(Said::Line(format!(
            "error: cannot accept connections on {address}: {e}"
        )));
        return false;
    }
    say(Said::Line(console::stopped(locale).to_string()));
    true
}

/// The listening socket on the loopback address, and the address it got
/// (port 0 asks for any free one).
fn listen(port: u16) -> std::io::Result<(TcpListener, std::net::SocketAddr)> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let bound = listener.local_addr()?;
    Ok((listener, bound))
}

/// Rebuilds on every change under `content/` and `templates/` for as long
/// as the returned watcher lives; `None` (with a warning) where the system
/// cannot watch, and the site is then served as first built.
fn watch(
    root: &Path,
    as_of: NaiveDate,
    color: bool,
    mut memory: Memory,
    state: Arc<Mutex<Served>>,
    locale: Locale,
    say: &Say,
) -> Option<impl Sized> {
    let watched: Vec<PathBuf> = ["content", "templates"]
        .iter()
        .map(|d| root.join(d))
        .filter(|p| p.is_dir())
        .collect();
    let content = root.join("content").display().to_string();
    let root = root.to_path_buf();
    let told = Arc::clone(say);
    let debouncer = new_debouncer(
        Duration::from_millis(150),
        None,
        move |events: DebounceEventResult| {
            // Reading the files to rebuild opens them: only a change counts,
            // or every rebuild would set off the next.
            let changed = events.is_ok_and(|events| {
                events
                    .iter()
                    .any(|e| !matches!(e.event.kind, EventKind::Access(_)))
            });
            if changed {
                let started = Instant::now();
                let result = rebuild(&root, as_of, color, &mut memory, &told);
                apply(&state, result, started, &told);
            }
        },
    );
    match debouncer {
        Ok(mut d) => {
            for path in &watched {
                if let Err(e) = d.watch(path, RecursiveMode::Recursive) {
                    let what = path.display().to_string();
                    let why = console::cannot_watch(locale, &what, &e.to_string());
                    say(Said::Line(format!("warning: {why}")));
                }
            }
            Some(d)
        }
        Err(e) => {
            let why = console::cannot_watch(locale, &content, &e.to_string());
            say(Said::Line(format!("warning: {why}")));
            None
        }
    }
}

/// [`WORKERS`] threads that answer the requests put on the returned queue.
fn start_workers(state: &Arc<Mutex<Served>>, port: u16) -> mpsc::SyncSender<(TcpStream, Vec<u8>)> {
    let (queue, requests) = mpsc::sync_channel::<(TcpStream, Vec<u8>)>(QUEUE);
    let requests = Arc::new(Mutex::new(requests));
    for _ in 0..WORKERS {
        let (requests, state) = (Arc::clone(&requests), Arc::clone(state));
        std::thread::spawn(move || {
            loop {
                let next = requests
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .recv();
                let Ok((stream, head)) = next else { return };
                answer(stream, &head, port, &state);
            }
        });
    }
    queue
}

fn apply(state: &Mutex<Served>, result: Result<Rebuilt, Failed>, started: Instant, say: &Say) {
    let mut s = state.lock().expect("server state");
    s.version += 1;
    match result {
        Ok(rebuilt) => {
            let rendered = rebuilt.changed.len();
            let Rebuilt {
                locale,
                changed,
                pages,
                timings: t,
                exports,
            } = rebuilt;
            // Freeing a big department's content takes tens of
            // milliseconds; the page can reload meanwhile.
            let previous = s.exports.replace(exports);
            std::thread::spawn(move || drop(previous));
            // Pages that did not change keep their bytes; pages the site
            // no longer has go.
            s.files.retain(|path, _| pages.contains(path));
            s.files.extend(changed);
            s.error = None;
            let ms = |d: Duration| d.as_millis();
            let told = console::Rebuilt {
                pages: pages.iter().filter(|p| p.ends_with(".html")).count(),
                millis: started.elapsed().as_millis(),
                made: rendered,
                load: ms(t.load),
                validate: ms(t.validate + t.templates),
                analytics: ms(t.analytics),
                render: ms(t.render),
            };
            say(Said::Line(console::rebuilt(locale, &told)));
        }
        Err(Failed { locale, page }) => {
            s.error = Some(page);
            say(Said::Line(console::serving_errors(locale).to_string()));
        }
    }
}

/// The status, content type and body for a request of `url`.
fn respond(state: &Mutex<Served>, url: &str) -> (u16, &'static str, Vec<u8>) {
    let file = file_for(url);
    let s = state.lock().expect("server state");
    // An export is made now, from the last good build, without holding the
    // lock (the feed takes a while on a big department).
    let source = match (&s.error, &s.exports) {
        (None, Some(source)) if crate::render::EXPORTS.contains(&file.as_str()) => {
            Arc::clone(source)
        }
        _ => return respond_from(&s, &file),
    };
    drop(s);
    match source.make(&file) {
        Some(bytes) => (200, content_type(&file), bytes),
        None => respond_from(&state.lock().expect("server state"), &file),
    }
}

/// [`respond`] for what the server holds.
fn respond_from(s: &Served, file: &str) -> (u16, &'static str, Vec<u8>) {
    let file = file.to_string();
    match file.as_str() {
        "__salespulse/version" => (200, "text/plain", s.version.to_string().into_bytes()),
        "__salespulse/reload.js" => (200, content_type("x.js"), RELOAD_JS.as_bytes().to_vec()),
        _ => match (&s.error, s.files.get(&file)) {
            (Some(page), _) if file.ends_with(".html") => {
                (200, content_type("x.html"), page.clone().into_bytes())
            }
            (_, Some(bytes)) => (200, content_type(&file), bytes.clone()),
            (_, None) => (
                404,
                "text/plain; charset=utf-8",
                format!("not found: /{file}\n").into_bytes(),
            ),
        },
    }
}
