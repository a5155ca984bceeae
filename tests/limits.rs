//! Input that is legal but big: many rule pages make a bounded header and
//! an index page, not a link to every rule page from every page; names at
//! their length limit build like any other.

mod common;

use std::fs;

use common::{broken_links, site, stderr, tree_map as tree, try_build as build};

/// Links to rule pages (`pages/…`) in one page.
fn rule_links(html: &str) -> usize {
    html.split("href=\"")
        .skip(1)
        .filter(|rest| {
            let link = rest.split('"').next().unwrap_or("");
            link.trim_start_matches("../").starts_with("pages/")
        })
        .count()
}

#[test]
fn many_rule_pages_are_linked_through_an_index() {
    let (_dir, site) = site("safety");
    let pages = site.join("content/pages");
    fs::create_dir_all(&pages).unwrap();
    let count = 300;
    for n in 1..=count {
        fs::write(
            pages.join(format!("rule-{n:03}.md")),
            format!("---\ntitle: \"Rule {n:03}\"\norder: {n}\n---\nRule number {n}.\n"),
        )
        .unwrap();
    }
    let run = build(&site, None);
    assert!(run.status.success(), "{}", stderr(&run));
    let out = site.join("output");
    let files = tree(&out);
    let index = String::from_utf8(files["pages/index.html"].clone()).unwrap();
    for n in 1..=count {
        assert!(
            index.contains(&format!(">Rule {n:03}</a>")),
            "rule {n} not listed"
        );
    }
    assert!(index.contains("All rules (300)"), "{index}");
    // Every page: the first eight rules and the index once, in the header's
    // menu (a rule page's breadcrumb links the index again); never all 300.
    let mut largest = 0;
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes.clone()).unwrap();
        let links = rule_links(&html);
        let allowed = if path == "pages/index.html" {
            9 + count
        } else if path.starts_with("pages/") {
            10
        } else {
            9
        };
        assert!(links <= allowed, "{path} links {links} rule pages");
        if path.starts_with("pages/rule-") {
            largest = largest.max(bytes.len());
        }
    }
    assert!(rule_links(&String::from_utf8(files["index.html"].clone()).unwrap()) == 9);
    // A rule page stays small however many rules there are.
    assert!(largest < 20_000, "a rule page is {largest} bytes");
    assert_eq!(broken_links(&out), Vec::<String>::new());
    // Eight rule pages or fewer: no index, the header links them all.
    for n in 9..=count {
        fs::remove_file(pages.join(format!("rule-{n:03}.md"))).unwrap();
    }
    let run = build(&site, None);
    assert!(run.status.success(), "{}", stderr(&run));
    let files = tree(&out);
    assert!(!files.contains_key("pages/index.html"));
    let home = String::from_utf8(files["index.html"].clone()).unwrap();
    assert_eq!(rule_links(&home), 8);
    assert!(!home.contains("All rules"));
}

#[test]
fn names_at_their_limit_build() {
    let (_dir, site) = site("safety");
    let max = salespulse::content::value::MAX_NAME_CHARS;
    let (anna, petr) = ("Ж".repeat(max), "W".repeat(max));
    fs::write(
        site.join("content/team.yaml"),
        format!(
            "managers:\n  - {{ id: anna-ivanova, name: \"{anna}\", joined: 2026-01-12 }}\n  \
             - {{ id: petr-sidorov, name: \"{petr}\", joined: 2026-02-09 }}\n"
        ),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let run = build(&site, None);
    assert!(run.status.success(), "{}", stderr(&run));
    // A debug build of this fixture takes a fraction of a second; the
    // quadratic label layout took seconds for names this long.
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    let page = fs::read_to_string(site.join("output/team/anna-ivanova/index.html")).unwrap();
    assert!(page.contains(&anna), "the full name is in the page");
    // Charts shorten it to fit.
    assert!(page.contains("Ж…"), "no chart label was shortened");
    // One character more is refused.
    fs::write(
        site.join("content/team.yaml"),
        format!("managers:\n  - {{ id: anna-ivanova, name: \"{anna}Ж\", joined: 2026-01-12 }}\n"),
    )
    .unwrap();
    let run = build(&site, None);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains(&format!(
            "`name` must be at most {max} characters, found {}",
            max + 1
        )),
        "{}",
        stderr(&run)
    );
}
