//! `salespulse serve`: the site built in memory, served on 127.0.0.1, rebuilt
//! when `content/` or `templates/` change, and reloaded in the browser by a
//! small script that exists only here. A broken edit shows its diagnostics
//! in the page and the terminal, and serving goes on.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tiny_http::{Header, Response, Server};

use crate::content::ParseCache;
use crate::diagnostic::{self, Diagnostic};
use crate::render::OutputFile;
use crate::reuse::Reuse;
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

/// Builds the site in memory, parsing and re-rendering only what changed
/// since the last build; on failure, the error page.
fn rebuild(
    root: &Path,
    as_of: NaiveDate,
    color: bool,
    memory: &mut Memory,
) -> Result<Rebuilt, String> {
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
            eprintln!("{}, as before", diagnostic::summary(&checked.diagnostics));
        }
    } else {
        let shown = diagnostic::render_human(&checked.diagnostics, &checked.content.sources, color);
        eprint!("{shown}");
        memory.shown = checked.diagnostics.clone();
    }
    if !errors.is_empty() {
        let plain = diagnostic::render_human(&errors, &checked.content.sources, false);
        return Err(error_page(errors.len(), &plain));
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
            changed: changed
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
            pages: reuse.pages().map(String::from).collect(),
            timings,
        }),
        Err(err) => {
            eprintln!("error: {err}");
            Err(error_page(1, &err.to_string()))
        }
    }
}

fn error_page(errors: usize, report: &str) -> String {
    let mut context = tera::Context::new();
    context.insert("errors", &errors);
    context.insert("report", report);
    let page = tera::Tera::one_off(
        include_str!("../templates/serve_error.html"),
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

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
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

/// Runs until Ctrl-C. Prints the address first, so scripts and tests can read it.
pub fn run(root: &Path, port: u16, open: bool, as_of: NaiveDate, color: bool) -> bool {
    let server = match Server::http(("127.0.0.1", port)) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1:{port}: {e}");
            return false;
        }
    };
    let address = format!("http://{}/", server.server_addr());
    let started = Instant::now();
    let mut memory = Memory::default();
    let first = rebuild(root, as_of, color, &mut memory);
    let state = Arc::new(Mutex::new(Served {
        files: HashMap::new(),
        error: None,
        version: 1,
    }));
    apply(&state, first, started);
    println!("serving {address} (Ctrl-C to stop)");
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
    let (stop_flag, stop_server) = (Arc::clone(&stopping), Arc::clone(&server));
    let _ = ctrlc::set_handler(move || {
        stop_flag.store(true, Ordering::SeqCst);
        stop_server.unblock();
    });
    for request in server.incoming_requests() {
        if stopping.load(Ordering::SeqCst) {
            break;
        }
        let response = respond(&state, request.url());
        let _ = request.respond(response);
    }
    eprintln!("stopped");
    true
}

fn apply(state: &Mutex<Served>, result: Result<Rebuilt, String>, started: Instant) {
    let mut s = state.lock().expect("server state");
    s.version += 1;
    match result {
        Ok(rebuilt) => {
            let rendered = rebuilt.changed.len();
            let Rebuilt {
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
            eprintln!(
                "rebuilt {} pages in {} ms ({rendered} files made anew; load {} · validate {} · analytics {} · render {})",
                pages.len(),
                started.elapsed().as_millis(),
                ms(t.load),
                ms(t.validate + t.templates),
                ms(t.analytics),
                ms(t.render),
            );
        }
        Err(page) => {
            s.error = Some(page);
            eprintln!("the content has errors; serving the error page until they are fixed");
        }
    }
}

fn respond(state: &Mutex<Served>, url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let s = state.lock().expect("server state");
    let file = file_for(url);
    let no_store = header("Cache-Control", "no-store");
    let (status, kind, body) = match file.as_str() {
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
    };
    Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", kind))
        .with_header(no_store)
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
    fn serve_pages_allow_only_our_script() {
        let page = b"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\"><body></body>".to_vec();
        let html = String::from_utf8(inject("index.html", page)).unwrap();
        assert!(html.contains("script-src 'self'"));
        assert!(html.contains("<script src=\"/__salespulse/reload.js\"></script>"));
        assert_eq!(inject("style.css", b"a{}".to_vec()), b"a{}");
    }
}
