//! `salespulse new …`: tomorrow's files, pre-filled for every active
//! manager, checked before they are written, never over an existing file.

use std::fs;
use std::path::Path;

use chrono::{Days, NaiveDate};

use crate::analytics::Analytics;
use crate::calendar::{IsoWeek, YearMonth};
use crate::commands::schema;
use crate::content::{self, Content};
use crate::diagnostic::Diagnostic;
use crate::problem::practice::Scaffold;
use crate::problem::{Files, Numbers, Practice};
use crate::validate;

mod monthly;
mod weekly;
mod words;

pub use monthly::{assessment, month, next_targets_month, one_on_one, targets};
pub use weekly::{standup, week};

/// The week after the latest week file, or the week of `as_of` when there is none.
pub fn next_week(content: &Content, as_of: NaiveDate) -> IsoWeek {
    content
        .weeks
        .iter()
        .map(|d| d.data.week.value)
        .max()
        .map_or_else(|| IsoWeek::of(as_of), IsoWeek::next)
}

/// `content/idp/MANAGER-YYYY-MM.md`, its reason the manager's latest attainment.
pub fn idp(
    content: &Content,
    analytics: &Analytics,
    manager: &str,
) -> Result<(String, String), Diagnostic> {
    let opened = analytics.as_of;
    let m = active_manager(content, manager, opened, Scaffold::Idp)?;
    let due = opened + Days::new(28);
    let relative = format!("content/idp/{manager}-{}.md", YearMonth::of(opened));
    let latest = analytics
        .weeks
        .iter()
        .rev()
        // A freshly scaffolded week of zeros says nothing yet: skip weeks without activity.
        .filter_map(|w| w.managers.get(manager).map(|f| (w, f)))
        .find(|(_, f)| f.leads_received + f.calls + f.meetings + f.deals > 0 || f.revenue > 0.0)
        .map(|(w, f)| (w.week, f.attainment));
    let fmt = crate::locale::format::Formatter::new(
        content.config.locale,
        content.config.currency_symbol(),
    );
    let streak = latest.map_or(0, |(w, _)| {
        analytics.lagging_streak(manager, w, content.config.thresholds.manager_lagging_pct)
    });
    let threshold = fmt.percent(content.config.thresholds.manager_lagging_pct / 100.0, 0);
    let say = crate::locale::scaffold::phrases(content.config.locale);
    let reason = match latest {
        Some((w, Some(a))) => say.idp_reason(
            &crate::render::view::capitalised(&fmt.week(w)),
            &fmt.percent(a, 0),
            &threshold,
            u64::from(streak),
        ),
        _ => say.no_attainment().to_string(),
    };
    let (title, goal, done_goal) = (say.idp_title(), say.idp_goal(), say.idp_done_goal());
    let modeline = schema::modeline(&relative).unwrap_or_default();
    let help = words::IDP_HELP.get(content.config.locale);
    let text = format!(
        "---\n{modeline}\n{help}manager: {manager}\ntitle: \"{title}: {}\"\nopened: {opened}\ndue: {due}\nstatus: active\n\
         reason: \"{}\"\ngoals:\n  - {{ text: \"{goal}\", metric: attainment, target: 0.9 }}\n  - {{ text: \"{done_goal}\", done: false }}\n\
         outcome: \"\"\n---\n",
        m.name.replace('"', "'"),
        reason.replace('"', "'")
    );
    Ok((relative, text))
}

/// The manager `id`, if they are on the team on `day`; otherwise why a
/// file `what` is for cannot be written for them.
pub fn active_manager<'a>(
    content: &'a Content,
    id: &str,
    day: NaiveDate,
    what: Scaffold,
) -> Result<&'a crate::content::Manager, Diagnostic> {
    let Some(m) = content.team.get(id) else {
        return Err(Diagnostic::error(
            content::TEAM_PATH,
            Numbers::UnknownManager {
                id: id.to_string(),
                fix: crate::validate::manager_fix(&content.team, id),
            },
        ));
    };
    let refuse = |left: bool, on: NaiveDate| {
        Err(Diagnostic::error(
            content::TEAM_PATH,
            Practice::NotOnTeam {
                id: id.to_string(),
                left,
                on: on.to_string(),
                what,
                day: day.to_string(),
            },
        ))
    };
    match &m.left {
        Some(left) if left.value.0 < day => refuse(true, left.value.0),
        _ if m.joined.value.0 > day => refuse(false, m.joined.value.0),
        _ => Ok(m),
    }
}

/// Checks `text` as the content file `relative` of the site, then writes it;
/// refuses to overwrite. Returns the problems when it does not write.
pub fn write_new(
    root: &Path,
    content: &Content,
    files: &[(String, String)],
    as_of: NaiveDate,
) -> Result<(), Vec<Diagnostic>> {
    let existing: Vec<Diagnostic> = files
        .iter()
        .filter(|(relative, _)| root.join(relative).exists())
        .map(|(relative, _)| Diagnostic::error(relative, Files::Exists))
        .collect();
    if !existing.is_empty() {
        return Err(existing);
    }
    for (relative, text) in files {
        check_new(content, relative, text, as_of)?;
    }
    for (relative, text) in files {
        let path = root.join(relative);
        let write = || -> std::io::Result<()> {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, text)
        };
        write().map_err(|e| {
            vec![Diagnostic::error(
                relative,
                Files::CannotWrite {
                    reason: e.to_string(),
                },
            )]
        })?;
    }
    Ok(())
}

/// `text` checked as the content file `relative` of the site, with its
/// config and team, as `check` would.
fn check_new(
    content: &Content,
    relative: &str,
    text: &str,
    as_of: NaiveDate,
) -> Result<(), Vec<Diagnostic>> {
    // Parse it together with the site's config and team, as `check` would.
    let mut files: Vec<(String, String)> = [content::CONFIG_PATH, content::TEAM_PATH]
        .iter()
        .filter_map(|p| {
            content
                .sources
                .get(p)
                .map(|t| (p.to_string(), t.to_string()))
        })
        .collect();
    files.push((relative.to_string(), text.to_string()));
    let (parsed, mut problems) = content::parse_files(files);
    problems.extend(validate::check(&parsed, as_of));
    problems.retain(|d| d.is_error() && d.path == relative);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_files;

    fn site() -> Content {
        let files = vec![
            ("content/config.yaml".into(), "title: T\nlocale: en\ncustom_metrics:\n  - { key: trials, label: Trials }\n".into()),
            (
                "content/team.yaml".into(),
                "managers:\n  - { id: a, name: A, joined: 2026-01-01 }\n  - { id: b, name: B, joined: 2026-11-25 }\n  - { id: c, name: C, joined: 2026-01-01, left: 2026-11-10 }\n".into(),
            ),
        ];
        parse_files(files).0
    }

    fn reparse(content: &Content, relative: &str, text: &str) -> Content {
        let mut files: Vec<(String, String)> = [content::CONFIG_PATH, content::TEAM_PATH]
            .iter()
            .map(|p| (p.to_string(), content.sources.get(p).unwrap().to_string()))
            .collect();
        files.push((relative.into(), text.into()));
        let (parsed, problems) = parse_files(files);
        let mut all = problems;
        all.extend(validate::check(
            &parsed,
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        ));
        assert!(all.iter().all(|d| !d.is_error()), "{all:?}\n{text}");
        parsed
    }

    #[test]
    fn new_week_lists_exactly_the_active_managers() {
        let c = site();
        let (path, text) = week(&c, IsoWeek::parse("2026-W48").unwrap()).remove(0);
        assert_eq!(path, "content/weeks/2026-W48.yaml");
        assert!(text.starts_with("# yaml-language-server: $schema=../../schemas/week.json\n"));
        let parsed = reparse(&c, &path, &text);
        let ids: Vec<&str> = parsed.weeks[0]
            .data
            .managers
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"], "c left before W48; b joined during it");
        assert!(text.contains("custom: { trials: 0 }"));
    }

    #[test]
    fn new_standup_lists_exactly_the_managers_active_that_day() {
        let c = site();
        let (path, text) = standup(&c, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        let parsed = reparse(&c, &path, &text);
        let ids: Vec<&str> = parsed.standups[0]
            .data
            .reports
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(ids, ["a"], "b joins on the 25th, c has left");
        let order: Vec<usize> = ["done:", "result:", "help:", "goal:", "how:", "need:"]
            .iter()
            .map(|k| text.find(k).unwrap())
            .collect();
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "answers in the format's order"
        );
    }

    #[test]
    fn new_idp_takes_the_latest_attainment_as_its_reason() {
        let mut files: Vec<(String, String)> = vec![
            (
                "content/config.yaml".into(),
                "title: T\nlocale: en\n".into(),
            ),
            (
                "content/team.yaml".into(),
                "managers:\n  - { id: a, name: A, joined: 2026-01-01 }\n".into(),
            ),
            (
                "content/targets/2026-11.yaml".into(),
                "month: 2026-11\nmanagers:\n  a: { revenue: 4200 }\n".into(),
            ),
        ];
        for w in ["2026-W46", "2026-W47"] {
            files.push((
                format!("content/weeks/{w}.yaml"),
                format!("week: {w}\nmanagers:\n  a: {{ leads_received: 1, leads_processed: 1, leads_overnight: 0, calls: 1, meetings: 1, deals: 1, revenue: 700 }}\n"),
            ));
        }
        let c = parse_files(files).0;
        let a = crate::analytics::compute(
            &crate::domain::Department::of(&c),
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        );
        let (path, text) = idp(&c, &a, "a").unwrap();
        assert_eq!(path, "content/idp/a-2026-11.md");
        assert!(text.contains("reason: \"Week 47 (Nov 16–22): 70% of the weekly plan; below 80% for 2 weeks in a row\""), "{text}");
        reparse(&c, &path, &text);
        let err = idp(&c, &a, "aa").unwrap_err();
        assert_eq!(err.message(), "unknown manager `aa`");
        assert_eq!(err.help().as_deref(), Some("did you mean `a`?"));
    }
}
