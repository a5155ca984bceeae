//! `serve` as a user meets it: it rebuilds once per save (reading the files
//! to rebuild must not set off another rebuild), and the page it serves
//! shows the edit.

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
