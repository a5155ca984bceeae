//! Nothing executed: hostile text in every free-text field of the content
//! must come out of the build as text, never as markup, script or template
//! code; and every page forbids inline script with its Content-Security-Policy.

mod common;

use std::fs;

use common::{site, stderr, tree_map as tree, try_build as build};

/// What an attacker (or an unlucky copy-paste) might put in a title, a name or a note.
const PAYLOAD: &str = r#"<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1) "><svg onload=alert(1)> {{ 1+1 }} {% if true %}T{% endif %}"#;

/// The payload as a single-quoted YAML scalar (it holds no `'`).
fn yaml(payload: &str) -> String {
    assert!(!payload.contains('\''));
    format!("'{payload}'")
}

/// Puts the payload into config title, custom metric and competency labels,
/// manager names and a week note.
fn hostile_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, site) = site("safety");
    let p = yaml(PAYLOAD);
    let config = format!(
        "title: {p}\nlocale: en\ncurrency: USD\n\
         custom_metrics:\n  - {{ key: trial_lessons, label: {p}, aggregate: sum }}\n\
         competencies:\n  - {{ key: product, label: {p} }}\n  - {{ key: closing, label: {p} }}\n"
    );
    fs::write(site.join("content/config.yaml"), config).unwrap();
    let team = format!(
        "managers:\n  - {{ id: anna-ivanova, name: {p}, joined: 2026-01-12 }}\n  \
         - {{ id: petr-sidorov, name: {p}, joined: 2026-02-09 }}\n"
    );
    fs::write(site.join("content/team.yaml"), team).unwrap();
    for week in ["2026-W47", "2026-W48"] {
        let path = site.join(format!("content/weeks/{week}.yaml"));
        let text = fs::read_to_string(&path).unwrap();
        let text = text.replace(
            "  petr-sidorov:\n",
            &format!("    note: {p}\n  petr-sidorov:\n"),
        );
        let text = text.replace("    note: \"Two payments moved to next week\"\n", "");
        fs::write(&path, format!("{text}    note: {p}\n")).unwrap();
    }
    (dir, site)
}

/// The start tags of a page (`<a href=…>`), lowercased; escaped text (`&lt;…`) is not a tag.
fn tags(html: &str) -> Vec<String> {
    let lower = html.to_lowercase();
    let mut out = Vec::new();
    let mut rest = lower.as_str();
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        out.push(rest[..end].to_string());
        rest = &rest[end..];
    }
    out
}

/// The attribute names of a start tag's text (`a href="x" class=y` → href, class).
fn attribute_names(tag: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut chars = tag.chars().peekable();
    // Skip the tag name.
    while chars.peek().is_some_and(|c| !c.is_whitespace()) {
        chars.next();
    }
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == '/') {
            chars.next();
        }
        let name: String =
            std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
        if name.is_empty() {
            break;
        }
        names.push(name);
        if chars.peek() == Some(&'=') {
            chars.next();
            match chars.peek().copied() {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    while chars.next().is_some_and(|c| c != q) {}
                }
                _ => while chars.next().is_some_and(|c| !c.is_whitespace()) {},
            }
        }
    }
    names
}

#[test]
fn hostile_text_is_only_text() {
    let (_dir, site) = hostile_site();
    let run = build(&site, None);
    assert!(run.status.success(), "{}", stderr(&run));
    let files = tree(&site.join("output"));
    let pages: Vec<(&String, String)> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html") || p.ends_with(".svg"))
        .map(|(p, b)| (p, String::from_utf8(b.clone()).unwrap()))
        .collect();
    assert!(pages.len() > 10);
    for (path, html) in &pages {
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{path}: live <script>");
        assert!(!lower.contains("<img src=x"), "{path}: live <img>");
        assert!(!lower.contains("<svg onload"), "{path}: live <svg>");
        for tag in tags(html) {
            for name in attribute_names(&tag) {
                assert!(!name.starts_with("on"), "{path}: event handler in <{tag}>");
            }
            for attr in ["href=", "src=", "action="] {
                if let Some(at) = tag.find(attr) {
                    let value = tag[at + attr.len()..].trim_start_matches(['"', '\'', ' ']);
                    assert!(!value.starts_with("javascript:"), "{path}: <{tag}>");
                }
            }
        }
        // Template syntax in content is never evaluated: a page that shows
        // the payload shows its `{{ 1+1 }}` too, not `2` (chart labels may
        // shorten a name, so not every occurrence carries the whole payload).
        if html.contains("&lt;script&gt;alert(1)") {
            assert!(
                html.contains("{{ 1+1 }} {% if true %}T{% endif %}"),
                "{path}"
            );
        }
    }
    // The payload did reach the pages, escaped.
    let text_of = |path: &str| {
        pages
            .iter()
            .find(|(p, _)| p.as_str() == path)
            .map(|(_, h)| h.clone())
            .unwrap_or_else(|| panic!("no {path}"))
    };
    let escaped = "&lt;script&gt;alert(1)&lt;";
    for path in [
        "index.html",                   // the title
        "team/index.html",              // the names
        "team/anna-ivanova/index.html", // a name as the heading
        "weeks/2026-W47/index.html",    // the note
    ] {
        let html = text_of(path);
        assert!(html.contains(escaped), "{path}: payload not shown as text");
        assert!(
            html.contains("{{ 1+1 }}"),
            "{path}: template syntax not literal"
        );
        assert!(html.contains("{% if true %}T{% endif %}"), "{path}");
    }
}

#[test]
fn every_page_forbids_inline_script() {
    let (_dir, site) = site("safety");
    let run = build(&site, None);
    assert!(run.status.success(), "{}", stderr(&run));
    for (path, bytes) in tree(&site.join("output")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let meta = html
            .lines()
            .find(|l| l.contains("http-equiv=\"Content-Security-Policy\""))
            .unwrap_or_else(|| panic!("{path}: no Content-Security-Policy"));
        assert!(meta.contains("default-src 'none'"), "{path}: {meta}");
        // With default-src 'none' and no script-src, no script runs at all.
        assert!(!meta.contains("script-src"), "{path}: {meta}");
        assert!(!meta.contains("unsafe-inline"), "{path}: {meta}");
    }
}
