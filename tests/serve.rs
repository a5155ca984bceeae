//! `serve` as a user meets it: it rebuilds once per save (reading the files
//! to rebuild must not set off another rebuild), and the page it serves
//! shows the edit. And as a hostile page or program meets it: requests to
//! another host name (DNS rebinding), with a body or a huge head are
//! refused, and idle connections neither take its workers nor add threads.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The server process, killed when the test ends however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    text
}

fn rebuilds(lines: &Mutex<Vec<String>>) -> usize {
    lines
        .lock()
        .unwrap()
        .iter()
        .filter(|l| l.starts_with("rebuilt "))
        .count()
}

fn wait_for(what: &str, timeout: Duration, done: impl Fn() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn one_save_is_one_rebuild_and_the_page_shows_it() {
    let site = common::fixture("small");
    let mut child = Command::new(env!("CARGO_BIN_EXE_salespulse"))
        .args(["--root", site.path().to_str().unwrap()])
        .args(["serve", "--port", "0", "--as-of", "2026-11-27"])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (stdout, stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let _server = Server(child);
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&lines);
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    let mut first = String::new();
    BufReader::new(stdout).read_line(&mut first).unwrap();
    let port: u16 = first
        .trim()
        .strip_prefix("serving http://127.0.0.1:")
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line: {first}"));
    wait_for("the first build's line", Duration::from_secs(20), || {
        rebuilds(&lines) == 1
    });

    // Idle: nothing changes, so nothing is rebuilt.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(rebuilds(&lines), 1, "{:?}", lines.lock().unwrap());
    let week = get(port, "/weeks/2026-W47/");
    assert!(week.starts_with("HTTP/1.1 200"), "{week}");
    assert!(!week.contains("77,777"), "{week}");

    let file = site.path().join("content/weeks/2026-W47.yaml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen("revenue: 11000", "revenue: 77777", 1)).unwrap();
    wait_for("the rebuild", Duration::from_secs(20), || {
        rebuilds(&lines) == 2
    });
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(rebuilds(&lines), 2, "{:?}", lines.lock().unwrap());
    let week = get(port, "/weeks/2026-W47/");
    assert!(week.contains("77,777"), "the page does not show the edit");
}

/// A server on a free port: the process, its port, and its stderr lines.
fn start(site: &std::path::Path) -> (Server, u16, Arc<Mutex<Vec<String>>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_salespulse"))
        .args(["--root", site.to_str().unwrap()])
        .args(["serve", "--port", "0", "--as-of", "2026-11-27"])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (stdout, stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let server = Server(child);
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&lines);
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    let mut first = String::new();
    BufReader::new(stdout).read_line(&mut first).unwrap();
    let port: u16 = first
        .trim()
        .strip_prefix("serving http://127.0.0.1:")
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line: {first}"));
    (server, port, lines)
}

/// Sends `request` as it is and returns the whole answer (the server closes).
fn raw(port: u16, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    // A refused request may be answered before all of it is sent.
    let _ = stream.write_all(request);
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

fn get_with_host(port: u16, host: &str) -> String {
    raw(
        port,
        format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

#[test]
fn only_requests_to_its_own_loopback_name_are_answered() {
    let site = common::fixture("small");
    let (_server, port, _lines) = start(site.path());
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}")] {
        let page = get_with_host(port, &host);
        assert!(page.starts_with("HTTP/1.1 200 OK\r\n"), "{host}: {page}");
        assert!(page.contains("<!DOCTYPE html>"), "{host}");
    }
    // A page on evil.example whose name now resolves to 127.0.0.1 (DNS
    // rebinding): the browser sends its own name.
    for host in [
        format!("evil.example:{port}"),
        "evil.example".to_string(),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost:{}", port.wrapping_add(1)),
    ] {
        let refused = get_with_host(port, &host);
        assert!(
            refused.starts_with("HTTP/1.1 403 Forbidden\r\n"),
            "{host}: {refused}"
        );
        assert!(!refused.contains("<html"), "{host}: the site leaked");
        assert!(
            refused.contains(&format!("only requests to http://127.0.0.1:{port}/")),
            "{refused}"
        );
    }
    let no_host = raw(port, b"GET / HTTP/1.1\r\n\r\n");
    assert!(no_host.starts_with("HTTP/1.1 403 "), "{no_host}");
    let two = raw(
        port,
        format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nHost: evil.example\r\n\r\n")
            .as_bytes(),
    );
    assert!(two.starts_with("HTTP/1.1 400 "), "{two}");
    let post = raw(
        port,
        format!("POST / HTTP/1.1\r\nHost: localhost:{port}\r\nContent-Length: 5\r\n\r\nhello")
            .as_bytes(),
    );
    assert!(
        post.starts_with("HTTP/1.1 405 ") && post.contains("Allow: GET, HEAD"),
        "{post}"
    );
    let body = raw(
        port,
        format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nContent-Length: 5\r\n\r\nhello")
            .as_bytes(),
    );
    assert!(body.starts_with("HTTP/1.1 413 "), "{body}");
    let head = raw(
        port,
        format!("HEAD / HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").as_bytes(),
    );
    assert!(
        head.starts_with("HTTP/1.1 200 ") && head.ends_with("\r\n\r\n"),
        "{head}"
    );
    // A request head of 100 KB is cut off, answered at once.
    let huge = format!(
        "GET / HTTP/1.1\r\nHost: localhost:{port}\r\nX-Padding: {}\r\n\r\n",
        "a".repeat(100 * 1024)
    );
    let started = Instant::now();
    let answer = raw(port, huge.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 431 "), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(3));
}

/// Threads of a process (Linux).
fn threads(pid: u32) -> usize {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn idle_connections_neither_take_the_workers_nor_add_threads() {
    let site = common::fixture("small");
    let (server, port, _lines) = start(site.path());
    let page = get_with_host(port, &format!("localhost:{port}"));
    assert!(page.starts_with("HTTP/1.1 200 "), "{page}");
    // Let the first build's helper threads end.
    std::thread::sleep(Duration::from_millis(500));
    let before = threads(server.0.id());
    // Four hundred connections that never send a request, and fifty that
    // send half of one.
    let mut idle: Vec<TcpStream> = (0..400)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    for _ in 0..50 {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: loc").unwrap();
        idle.push(s);
    }
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    for _ in 0..5 {
        let page = get_with_host(port, &format!("127.0.0.1:{port}"));
        assert!(page.starts_with("HTTP/1.1 200 "), "{page}");
    }
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "five requests took {:?} beside idle connections",
        started.elapsed()
    );
    // The first build's helper threads may have ended meanwhile; none is new.
    let after = threads(server.0.id());
    assert!(
        after <= before,
        "threads grew with connections: {before} → {after}"
    );
    drop(idle);
}

/// A port already taken is said in the site's language, with what to do:
/// the Russian demo says it in Russian and exits with failure at once.
#[test]
fn a_taken_port_is_explained_in_the_sites_language() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_salespulse"))
        .args(["--root", env!("CARGO_MANIFEST_DIR")])
        .args(["serve", "--port", &port, "--as-of", "2026-11-27"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains(&format!("error: не удалось открыть порт 127.0.0.1:{port}"))
            && said.contains("--port 8001"),
        "{said}"
    );
}

/// The exports are linked from every page and made when the browser asks
/// for them (not on every save), byte for byte what `build` writes.
#[test]
fn the_exports_are_made_when_asked_for() {
    let site = common::fixture("small");
    let built = common::build(site.path(), "2026-11-27");
    let (_server, port, _) = start(site.path());
    for path in ["feed.xml", "data/metrics.json", "data/weekly.csv"] {
        let answer = get(port, &format!("/{path}"));
        let (head, body) = answer.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 200"), "{path}: {head}");
        assert_eq!(
            body.as_bytes(),
            fs::read(built.join(path)).unwrap(),
            "{path} as served"
        );
    }
    let page = get(port, "/");
    assert!(
        page.contains("data/weekly.xlsx"),
        "the footer links the exports"
    );
}
