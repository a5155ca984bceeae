//! The server itself: requests read strictly on the accepting thread and
//! answered from memory by the workers.

use super::*;

pub(super) fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("xml") => "application/xml",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

/// Maps a request URL to a file of the site (`/` and `…/` to `index.html`).
pub(super) fn file_for(url: &str) -> String {
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

/// A connection that has not sent its whole request head yet.
struct Pending {
    stream: TcpStream,
    head: Vec<u8>,
    since: Instant,
}

/// Accepts connections and reads their request heads without blocking, on
/// this thread; a whole head (or one too large) goes to the workers. Stops
/// when `stopping` is set.
pub(super) fn accept(
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
pub(super) fn answer(mut stream: TcpStream, head: &[u8], port: u16, state: &Mutex<Served>) {
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
}
