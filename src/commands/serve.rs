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

use crate::content::{Locale, ParseCache};
use crate::diagnostic::{self, Diagnostic};
use crate::locale::console;
use crate::render::OutputFile;
use crate::render::reuse::Reuse;
use crate::site;

/// Polls `/__salespulse/version` and reloads the page when a rebuild happened.
const RELOAD_JS: &str = "(function(){var v=null;setInterval(function(){fetch('/__salespulse/version',{cache:'no-store'})\
.then(function(r){return r.text()}).then(function(t){if(v===null){v=t}else if(t!==v){location.reload()}})\
.catch(function(){})},500)})();\n";

/// What the server answers with: the last build, or the problems that stopped it.
struct Served {
    files: HashMap<String, Vec<u8>>,
    error: Option<String>,
    version: u64,
}

/// What a rebuild changed: the files made anew (with the reload script
/// injected), and every page the site now has.
struct Rebuilt {
    /// The site's language, for what the terminal says.
    locale: Locale,
    changed: Vec<(String, Vec<u8>)>,
    pages: HashSet<String>,
    timings: site::Timings,
}

/// What one build lends the next: parsed files, drawn charts, page fingerprints.
#[derive(Default)]
struct Memory {
    parsed: ParseCache,
    rendered: Reuse,
    /// The problems printed last, to print them again only when they change.
    shown: Vec<Diagnostic>,
}

/// A build that failed: the page served instead, in the site's language.
struct Failed {
    locale: Locale,
    page: String,
}

/// Builds the site in memory, parsing and re-rendering only what changed
/// since the last build; on failure, the error page.
fn rebuild(
    root: &Path,
    as_of: NaiveDate,
    color: bool,
    memory: &mut Memory,
) -> Result<Rebuilt, Failed> {
    // The config's own `locale:` even when the config is broken, else the
    // environment's.
    let locale = crate::locale::detect::for_root(root);
    let checked = site::check_reusing(root, as_of, &mut memory.parsed);
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    // The same warnings again after every save would bury what changed.
    if checked.diagnostics == memory.shown {
        if !checked.diagnostics.is_empty() {
            eprintln!(
                "{}",
                console::as_before(
                    locale,
                    errors.len(),
                    checked.diagnostics.len() - errors.len()
                )
            );
        }
    } else {
        let shown = diagnostic::render_human(
            &checked.diagnostics,
            &checked.content.sources,
            color,
            locale,
        );
        eprint!("{shown}");
        memory.shown = checked.diagnostics.clone();
    }
    if !errors.is_empty() {
        let plain = diagnostic::render_human(&errors, &checked.content.sources, false, locale);
        return Err(Failed {
            locale,
            page: error_page(locale, errors.len(), &plain),
        });
    }
    let changed = Mutex::new(Vec::new());
    let keep = |file: OutputFile| {
        let bytes = inject(&file.path, file.bytes);
        changed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((file.path, bytes));
        Ok(())
    };
    let reuse = &mut memory.rendered;
    let rendered = site::render_reusing(&checked, as_of, reuse, &keep);
    // Freeing a big department's content takes tens of milliseconds; the
    // page can reload meanwhile.
    std::thread::spawn(move || drop(checked));
    match rendered {
        Ok(timings) => Ok(Rebuilt {
            locale,
            changed: changed
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
            pages: reuse.pages().map(String::from).collect(),
            timings,
        }),
        Err(err) => {
            eprintln!("error: {err}");
            Err(Failed {
                locale,
                page: error_page(locale, 1, &err.to_string()),
            })
        }
    }
}

fn error_page(locale: Locale, errors: usize, report: &str) -> String {
    let words = console::error_page(locale, errors);
    let mut context = tera::Context::new();
    context.insert("lang", words.lang);
    context.insert("title", &words.title);
    context.insert("heading", &words.heading);
    context.insert("lede", words.lede);
    context.insert("errors", &errors);
    context.insert("report", report);
    let page = tera::Tera::one_off(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/serve_error.html"
        )),
        &context,
        true,
    )
    .unwrap_or_else(|e| format!("<pre>{e}</pre>"));
    inject_script(&page)
}

/// Serve-only changes to a page: allow our own script, add it.
fn inject(path: &str, bytes: Vec<u8>) -> Vec<u8> {
    if !path.ends_with(".html") {
        return bytes;
    }
    let html = String::from_utf8_lossy(&bytes).replace(
        "default-src 'none';",
        "default-src 'none'; script-src 'self'; connect-src 'self';",
    );
    inject_script(&html).into_bytes()
}

fn inject_script(html: &str) -> String {
    html.replacen(
        "</body>",
        "<script src=\"/__salespulse/reload.js\"></script>\n</body>",
        1,
    )
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("xml") => "application/xml",
        _ => "application/octet-stream",
    }
}

/// Maps a request URL to a file of the site (`/` and `…/` to `index.html`).
fn file_for(url: &str) -> String {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
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

/// Runs until Ctrl-C. Prints the address first, so scripts and tests can read it.
pub fn run(root: &Path, port: u16, open: bool, as_of: NaiveDate, color: bool) -> bool {
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1:{port}: {e}");
            return false;
        }
    };
    let bound = match listener.local_addr() {
        Ok(address) => address,
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1:{port}: {e}");
            return false;
        }
    };
    let address = format!("http://{bound}/");
    let started = Instant::now();
    let mut memory = Memory::default();
    let first = rebuild(root, as_of, color, &mut memory);
    let state = Arc::new(Mutex::new(Served {
        files: HashMap::new(),
        error: None,
        version: 1,
    }));
    apply(&state, first, started);
    println!(
        "{}",
        console::serving(crate::locale::detect::for_root(root), &address)
    );
    if open {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        let _ = std::process::Command::new(opener).arg(&address).spawn();
    }

    let watched: Vec<PathBuf> = ["content", "templates"]
        .iter()
        .map(|d| root.join(d))
        .filter(|p| p.is_dir())
        .collect();
    let (root_owned, state_w) = (root.to_path_buf(), Arc::clone(&state));
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
                let result = rebuild(&root_owned, as_of, color, &mut memory);
                apply(&state_w, result, started);
            }
        },
    );
    let _debouncer = match debouncer {
        Ok(mut d) => {
            for path in &watched {
                if let Err(e) = d.watch(path, RecursiveMode::Recursive) {
                    eprintln!("warning: cannot watch {}: {e}", path.display());
                }
            }
            Some(d)
        }
        Err(e) => {
            eprintln!("warning: cannot watch for changes: {e}");
            None
        }
    };

    let stopping = Arc::new(AtomicBool::new(false));
    let stop_flag = Arc::clone(&stopping);
    let _ = ctrlc::set_handler(move || stop_flag.store(true, Ordering::SeqCst));
    let (queue, requests) = mpsc::sync_channel::<(TcpStream, Vec<u8>)>(QUEUE);
    let requests = Arc::new(Mutex::new(requests));
    for _ in 0..WORKERS {
        let (requests, state) = (Arc::clone(&requests), Arc::clone(&state));
        let port = bound.port();
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
    if let Err(e) = accept(&listener, &queue, &stopping) {
        eprintln!("error: cannot accept connections on {address}: {e}");
        return false;
    }
    eprintln!(
        "{}",
        console::stopped(crate::locale::detect::for_root(root))
    );
    true
}

/// A connection that has not sent its whole request head yet.
struct Pending {
    stream: TcpStream,
    head: Vec<u8>,
    since: Instant,
}

/// Accepts connections and reads their request heads without blocking, on
/// this thread; a whole head (or one too large) goes to the workers. Stops
/// when `stopping` is set.
fn accept(
    listener: &TcpListener,
    queue: &mpsc::SyncSender<(TcpStream, Vec<u8>)>,
    stopping: &AtomicBool,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let mut pending: Vec<Pending> = Vec::new();
    let mut chunk = [0u8; 4096];
    while !stopping.load(Ordering::SeqCst) {
        let mut busy = false;
        loop {
            match listener.accept() {
                Ok((stream, _)) => {
                    busy = true;
                    if stream.set_nonblocking(true).is_err() {
                        continue;
                    }
                    if pending.len() >= PENDING {
                        // The longest-waiting idle connection makes room.
                        pending.remove(0);
                    }
                    pending.push(Pending {
                        stream,
                        head: Vec::new(),
                        since: Instant::now(),
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                // Out of file descriptors and the like: try again later.
                Err(_) => break,
            }
        }
        let mut i = 0;
        while i < pending.len() {
            let p = &mut pending[i];
            let done = match p.stream.read(&mut chunk) {
                // Closed before a whole request.
                Ok(0) => true,
                Ok(n) => {
                    busy = true;
                    p.head.extend_from_slice(&chunk[..n]);
                    head_end(&p.head).is_some() || too_large(&p.head)
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    p.since.elapsed() > HEAD_TIMEOUT
                }
                Err(_) => true,
            };
            if !done {
                i += 1;
                continue;
            }
            let p = pending.swap_remove(i);
            let whole = head_end(&p.head).is_some() || too_large(&p.head);
            if whole && p.stream.set_nonblocking(false).is_ok() {
                // All workers busy and the queue full: the connection closes.
                let _ = queue.try_send((p.stream, p.head));
            }
        }
        if !busy {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    Ok(())
}

/// Where the request head ends (after the blank line), if it has.
fn head_end(bytes: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes, b"\r\n\r\n")
        .map(|i| i + 4)
        .or_else(|| memchr::memmem::find(bytes, b"\n\n").map(|i| i + 2))
}

/// Whether the request head is (or will be) over [`MAX_HEAD`] bytes.
fn too_large(head: &[u8]) -> bool {
    head_end(head).unwrap_or(head.len()) > MAX_HEAD
}

/// A request, as far as the server needs to know it.
#[derive(Debug, PartialEq, Eq)]
struct Request<'a> {
    method: &'a str,
    target: &'a str,
    host: Option<&'a str>,
    /// `Content-Length` other than 0, or `Transfer-Encoding`.
    body: bool,
}

fn parse_head(head: &[u8]) -> Option<Request<'_>> {
    let end = head_end(head)?;
    let text = std::str::from_utf8(&head[..end]).ok()?;
    let mut lines = text.lines();
    let mut first = lines.next()?.split(' ');
    let (method, target, version) = (first.next()?, first.next()?, first.next()?);
    if first.next().is_some() || !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return None;
    }
    let mut request = Request {
        method,
        target,
        host: None,
        body: false,
    };
    for line in lines.take_while(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':')?;
        let value = value.trim();
        if name.eq_ignore_ascii_case("host") {
            if request.host.is_some() {
                // Two Host headers: no way to tell which one is meant.
                return None;
            }
            request.host = Some(value);
        } else if name.eq_ignore_ascii_case("content-length") {
            request.body |= value != "0";
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            request.body = true;
        }
    }
    Some(request)
}

/// Whether `host` names the address the server listens on: `127.0.0.1` or
/// `localhost`, with its port or none. Any other name — one a DNS
/// rebinding attack points at 127.0.0.1 — is refused.
fn host_allowed(host: &str, port: u16) -> bool {
    let (name, given) = match host.rsplit_once(':') {
        Some((name, given)) => (name, Some(given)),
        None => (host, None),
    };
    let name_ok = name == "127.0.0.1" || name.eq_ignore_ascii_case("localhost");
    let port_ok = given.is_none_or(|p| p.parse::<u16>() == Ok(port));
    name_ok && port_ok
}

/// Answers one request read by [`accept`].
fn answer(mut stream: TcpStream, head: &[u8], port: u16, state: &Mutex<Served>) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let text = |status: u16, body: String| (status, "text/plain; charset=utf-8", body.into_bytes());
    let (status, kind, body, head_only) = if too_large(head) {
        let (s, k, b) = text(431, format!("request head over {MAX_HEAD} bytes\n"));
        (s, k, b, false)
    } else {
        match parse_head(head) {
            None => {
                let (s, k, b) = text(400, "bad request\n".into());
                (s, k, b, false)
            }
            Some(request) if !request.host.is_some_and(|h| host_allowed(h, port)) => {
                let (s, k, b) = text(
                    403,
                    format!(
                        "salespulse serve answers only requests to http://127.0.0.1:{port}/ or http://localhost:{port}/\n"
                    ),
                );
                (s, k, b, request.method == "HEAD")
            }
            Some(request) if !matches!(request.method, "GET" | "HEAD") => {
                let (s, k, b) = text(405, "only GET and HEAD\n".into());
                (s, k, b, false)
            }
            Some(request) if request.body => {
                let (s, k, b) = text(413, "a request with a body\n".into());
                (s, k, b, false)
            }
            Some(request) => {
                let (s, k, b) = respond(state, request.target);
                (s, k, b, request.method == "HEAD")
            }
        }
    };
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        _ => "Request Header Fields Too Large",
    };
    let allow = if status == 405 {
        "Allow: GET, HEAD\r\n"
    } else {
        ""
    };
    let header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n{allow}Connection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(header.as_bytes());
    if !head_only {
        let _ = stream.write_all(&body);
    }
    let _ = stream.flush();
}

fn apply(state: &Mutex<Served>, result: Result<Rebuilt, Failed>, started: Instant) {
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
            } = rebuilt;
            // Pages that did not change keep their bytes; pages the site
            // no longer has go.
            s.files.retain(|path, _| pages.contains(path));
            s.files.extend(changed);
            s.error = None;
            let ms = |d: Duration| d.as_millis();
            let told = console::Rebuilt {
                pages: pages.len(),
                millis: started.elapsed().as_millis(),
                made: rendered,
                load: ms(t.load),
                validate: ms(t.validate + t.templates),
                analytics: ms(t.analytics),
                render: ms(t.render),
            };
            eprintln!("{}", console::rebuilt(locale, &told));
        }
        Err(Failed { locale, page }) => {
            s.error = Some(page);
            eprintln!("{}", console::serving_errors(locale));
        }
    }
}

/// The status, content type and body for a request of `url`.
fn respond(state: &Mutex<Served>, url: &str) -> (u16, &'static str, Vec<u8>) {
    let s = state.lock().expect("server state");
    let file = file_for(url);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_map_to_site_files() {
        assert_eq!(file_for("/"), "index.html");
        assert_eq!(file_for("/months/2026-11/"), "months/2026-11/index.html");
        assert_eq!(file_for("/style.css?v=1"), "style.css");
    }

    #[test]
    fn only_the_loopback_names_with_our_port_are_answered() {
        for host in [
            "127.0.0.1:8000",
            "localhost:8000",
            "LocalHost:8000",
            "127.0.0.1",
            "localhost",
        ] {
            assert!(host_allowed(host, 8000), "{host}");
        }
        for host in [
            "evil.example:8000",
            "evil.example",
            "127.0.0.1:8001",
            "localhost:80",
            "127.0.0.1.evil.example:8000",
            "localhost.:8000",
            "[::1]:8000",
            "0.0.0.0:8000",
            "",
        ] {
            assert!(!host_allowed(host, 8000), "{host}");
        }
    }

    #[test]
    fn request_heads_are_read_strictly() {
        let request = parse_head(b"GET /weeks/ HTTP/1.1\r\nHost: localhost:8000\r\n\r\n").unwrap();
        assert_eq!(
            request,
            Request {
                method: "GET",
                target: "/weeks/",
                host: Some("localhost:8000"),
                body: false
            }
        );
        let post =
            parse_head(b"POST / HTTP/1.1\r\nhost: a\r\ncontent-length: 5\r\n\r\nhello").unwrap();
        assert!(post.body);
        assert!(parse_head(b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").is_none());
        assert!(parse_head(b"GET http://x/ HTTP/1.1\r\n\r\n").is_none());
        assert!(
            parse_head(b"GET / HTTP/1.1\r\nHost: a\r\n").is_none(),
            "no end"
        );
        assert!(parse_head(b"GET / HTTP/1.1\r\nbroken\r\n\r\n").is_none());
    }

    #[test]
    fn serve_pages_allow_only_our_script() {
        let page = b"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\"><body></body>".to_vec();
        let html = String::from_utf8(inject("index.html", page)).unwrap();
        assert!(html.contains("script-src 'self'"));
        assert!(html.contains("<script src=\"/__salespulse/reload.js\"></script>"));
        assert_eq!(inject("style.css", b"a{}".to_vec()), b"a{}");
    }
}
