//! What the owner reads first (#20), on the practice fixture: the verdict
//! before the cards, "needs attention" ranked, the head's commitments as a
//! checklist and in the manager matrix, pace and forecast only while a month
//! is open, breadcrumbs and previous/next.

mod common;

use std::fs;
use std::path::Path;

const AS_OF: &str = "2026-11-25";

fn write(root: &Path, file: &str, text: &str) {
    let path = root.join("content").join(file);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn read(out: &Path, page: &str) -> String {
    fs::read_to_string(out.join(page)).unwrap()
}

/// Where `needle` first occurs in `hay`, or a failure naming it.
fn at(hay: &str, needle: &str) -> usize {
    hay.find(needle)
        .unwrap_or_else(|| panic!("no {needle:?} in the page"))
}

/// November's note with commitments (one overdue, one done, one for Bob),
/// and December's, written before December has any numbers.
fn commitments(root: &Path) {
    write(
        root,
        "months/2026-11.md",
        "---\nmonth: 2026-11\nheadline: \"Revenue behind: Bob's deals\"\nexplanations:\n  revenue:\n    reason: \"Bob is behind\"\n    actions:\n      - { do: \"Price list for companies\", by: 2026-11-20 }\n      - { do: \"Call review with Bob\", who: bob, by: 2026-12-04 }\n      - { do: \"New lead form\", by: 2026-11-24, done: true }\n  deals: { reason: \"Same as revenue\", actions: \"Same. More calls\" }\n---\nNovember in short.\n",
    );
    write(
        root,
        "months/2026-12.md",
        "---\nmonth: 2026-12\nexplanations:\n  revenue:\n    actions:\n      - { do: \"December plan with Bob\", who: bob, by: 2026-11-23 }\n---\n",
    );
}

#[test]
fn the_verdict_comes_first_and_attention_is_ranked() {
    let site = common::fixture("practice");
    commitments(site.path());
    let out = common::build(site.path(), AS_OF);
    let home = read(&out, "index.html");
    // The verdict, then the cards; the headline and the next commitment in it.
    let verdict = at(&home, "class=\"verdict");
    assert!(verdict < at(&home, "class=\"cards"));
    assert!(verdict < at(&home, "Revenue behind: Bob"));
    assert!(at(&home, "Price list for companies") < at(&home, "class=\"cards"));
    // The done commitment is not among the dashboard's next ones.
    assert!(!home[..at(&home, "class=\"cards")].contains("New lead form"));
    // Needs attention: the lagging manager with his plan, then the overdue
    // commitments (November's and December's, whose month has no page yet).
    let attention = &home[at(&home, "id=\"attention\"")..at(&home, "id=\"team\"")];
    let bob = at(attention, "Bob Baker:");
    assert!(
        attention[bob..].contains("development plan “"),
        "{attention}"
    );
    let overdue = at(attention, "“Price list for companies”");
    assert!(bob < overdue, "{attention}");
    assert!(attention.contains("“December plan with Bob”"));
    // No link to a month page that does not exist.
    assert_eq!(common::broken_links(&out), Vec::<String>::new());
}

#[test]
fn commitments_are_a_checklist_and_in_the_matrix() {
    let site = common::fixture("practice");
    commitments(site.path());
    let out = common::build(site.path(), AS_OF);
    let month = read(&out, "months/2026-11/index.html");
    let list = &month[at(&month, "id=\"actions\"")..at(&month, "class=\"cards")];
    for (text, state) in [
        ("Price list for companies", "overdue"),
        ("Call review with Bob", "open"),
        ("New lead form", "done"),
    ] {
        let item = &list[..at(list, text)];
        let li = item.rfind("<li class=\"action ").unwrap();
        assert!(
            item[li..].starts_with(&format!("<li class=\"action {state}\"")),
            "{text}: {}",
            &item[li..]
        );
    }
    // Open before done; the due date written out; the text actions' first sentence.
    assert!(at(list, "Call review with Bob") < at(list, "New lead form"));
    assert!(list.contains("by Dec 4, 2026"));
    assert!(list.contains("Same…"), "{list}");
    // Bob's row of the matrix: his next commitment, marked where overdue.
    let home = read(&out, "index.html");
    let matrix = &home[at(&home, "data-grid=\"matrix\"")..];
    let row = &matrix[at(matrix, ">Bob Baker</a>")..];
    let row = &row[..at(row, "</tr>")];
    assert!(row.contains("December plan with Bob"), "{row}");
    assert!(row.contains(">overdue<"), "{row}");
}

#[test]
fn pace_and_forecast_only_while_the_month_runs() {
    let site = common::fixture("practice");
    let open = common::build(site.path(), AS_OF);
    let november = read(&open, "months/2026-11/index.html");
    assert!(november.contains(">Pace to plan<") && november.contains("month-end forecast"));
    assert!(
        november.contains(">Forecast<"),
        "the plan-fact table's forecast"
    );
    let closed = common::build(site.path(), "2026-12-02");
    let november = read(&closed, "months/2026-11/index.html");
    for gone in [
        ">Pace to plan<",
        "month-end forecast",
        ">Forecast<",
        ">Pace<",
    ] {
        assert!(!november.contains(gone), "a closed month shows {gone}");
    }
}

#[test]
fn pages_below_a_section_have_a_breadcrumb_and_neighbours() {
    let site = common::fixture("practice");
    let out = common::build(site.path(), AS_OF);
    let standup = read(&out, "standups/2026-11-23/index.html");
    assert!(standup.contains("<nav class=\"breadcrumb\""));
    assert!(standup.contains("rel=\"next\" href=\"../../standups/2026-11-24/index.html\""));
    assert!(!standup.contains("rel=\"prev\""));
    let bob = read(&out, "team/bob/index.html");
    assert!(bob.contains("rel=\"prev\" href=\"../../team/alice/index.html\""));
    assert!(bob.contains("rel=\"next\" href=\"../../team/carol/index.html\""));
    let crumbs = &bob[at(&bob, "<nav class=\"breadcrumb\"")..];
    let crumbs = &crumbs[..at(crumbs, "</nav>")];
    assert!(at(crumbs, ">Dashboard</a>") < at(crumbs, ">Team</a>"));
    assert!(crumbs.contains("aria-current=\"page\">Bob Baker<"));
    // Sections' indexes and the dashboard are the top level: no breadcrumb.
    for top in ["index.html", "team/index.html", "months/index.html"] {
        assert!(!read(&out, top).contains("class=\"breadcrumb\""), "{top}");
    }
}
