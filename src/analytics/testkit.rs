//! Small in-memory sites for the analytics tests.

use chrono::NaiveDate;

use crate::content::parse_files;
use crate::domain::Department;

/// Two managers `a` and `b` (joined 2024-01-01).
pub const TEAM: &str = "managers:\n  - { id: a, name: A, joined: 2024-01-01 }\n  - { id: b, name: B, joined: 2024-01-01 }\n";

/// Managers `a` and `b`, English, USD, Monday to Friday without public
/// holidays, plus `files`.
pub fn site(files: &[(&str, &str)]) -> Department {
    site_with("", TEAM, files)
}

/// [`site`] on Russia's production calendar.
pub fn ru_site(files: &[(&str, &str)]) -> Department {
    site_with("calendar: { country: ru }\n", TEAM, files)
}

/// A site whose config.yaml adds `config` to the basics, with its own team.yaml.
pub fn site_with(config: &str, team: &str, files: &[(&str, &str)]) -> Department {
    let mut all = vec![
        (
            "content/config.yaml".to_string(),
            format!("title: T\nlocale: en\ncurrency: USD\n{config}"),
        ),
        ("content/team.yaml".to_string(), team.to_string()),
    ];
    all.extend(files.iter().map(|(p, t)| (p.to_string(), t.to_string())));
    let (content, diagnostics) = parse_files(all);
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    Department::of(&content)
}

/// A targets file: `plans` as (manager, revenue, deals).
pub fn targets(month: &str, plans: &[(&str, u32, u32)]) -> (String, String) {
    let mut text = format!("month: {month}\nmanagers:\n");
    for (id, revenue, deals) in plans {
        text.push_str(&format!(
            "  {id}: {{ revenue: {revenue}, deals: {deals} }}\n"
        ));
    }
    (format!("content/targets/{month}.yaml"), text)
}

/// A period file with the given managers' revenue (and 4 meetings, 10
/// leads, 1 deal each); `name` is the file's stem, `2026-W49-11` for a
/// split week's part.
pub fn period(name: &str, revenue: &[(&str, u32)]) -> (String, String) {
    let mut text = header(name);
    for (id, r) in revenue {
        text.push_str(&format!(
            "  {id}: {{ leads_received: 10, leads_processed: 10, leads_overnight: 0, calls: 1, meetings: 4, deals: 1, revenue: {r} }}\n"
        ));
    }
    (format!("content/weeks/{name}.yaml"), text)
}

/// `week:` (and `month:` for a split week's part) and `managers:`.
fn header(name: &str) -> String {
    match name.split_at_checked(8) {
        Some((week, month)) if !month.is_empty() => {
            let month = format!("{}-{}", &week[..4], &month[1..]);
            format!("week: {week}\nmonth: {month}\nmanagers:\n")
        }
        _ => format!("week: {name}\nmanagers:\n"),
    }
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
            "{}  a: {{ leads_received: 10, leads_processed: 10, leads_overnight: {a_overnight}, calls: 1, meetings: 4, deals: 2, revenue: {a_revenue}{trainings} }}\n  b: {{ leads_received: 10, leads_processed: 10, leads_overnight: {b_overnight}, calls: 1, meetings: 4, deals: 1, revenue: {b_revenue} }}\n",
            header(name)
        ),
    )
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
