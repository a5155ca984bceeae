//! Small in-memory sites for the analytics tests.

use chrono::NaiveDate;

use crate::content::{Content, parse_files};

/// Two managers `a` and `b` (joined 2026-01-01), English, USD, plus `files`.
pub fn site(files: &[(&str, &str)]) -> Content {
    let mut all = vec![
        ("content/config.yaml".to_string(), "title: T\nlocale: en\ncurrency: USD\n".to_string()),
        (
            "content/team.yaml".to_string(),
            "managers:\n  - { id: a, name: A, joined: 2026-01-01 }\n  - { id: b, name: B, joined: 2026-01-01 }\n"
                .to_string(),
        ),
    ];
    all.extend(files.iter().map(|(p, t)| (p.to_string(), t.to_string())));
    let (content, diagnostics) = parse_files(all);
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    content
}

/// A week file where `a` and `b` made the given revenue (4 meetings, 2 and 1 deals, no overnight).
pub fn week(name: &str, a_revenue: u32, b_revenue: u32) -> (String, String) {
    week_with(name, a_revenue, b_revenue, 0, 0, "")
}

/// A week file with overnight leads per manager and an optional `trainings` map for `a`.
pub fn week_with(
    name: &str,
    a_revenue: u32,
    b_revenue: u32,
    a_overnight: u32,
    b_overnight: u32,
    a_trainings: &str,
) -> (String, String) {
    let trainings = if a_trainings.is_empty() {
        String::new()
    } else {
        format!(", trainings: {a_trainings}")
    };
    (
        format!("content/weeks/{name}.yaml"),
        format!(
            "week: {name}\nmanagers:\n  a: {{ leads_received: 10, leads_processed: 10, leads_overnight: {a_overnight}, calls: 1, meetings: 4, deals: 2, revenue: {a_revenue}{trainings} }}\n  b: {{ leads_received: 10, leads_processed: 10, leads_overnight: {b_overnight}, calls: 1, meetings: 4, deals: 1, revenue: {b_revenue} }}\n"
        ),
    )
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
