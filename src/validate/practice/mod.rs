//! Checks of the practice layer: stand-ups, development plans, assessments,
//! the head's monthly notes, pages and one-to-ones. A kind with checks of
//! its own has a file of its own; the rest, and what they share (file
//! names, one file per day, known managers), are here.

mod assessments;
mod idps;
mod standups;

use std::collections::BTreeMap;

use serde_saphyr::Spanned;

use super::{Roster, unknown_manager};
use crate::content::value::{Key, is_slug};
use crate::content::{Content, Doc, PlanMetric};
use crate::diagnostic::{Diagnostic, closest};
use crate::problem::practice::{NamedBy, Once};
use crate::problem::{Practice, Suggestion};

pub fn check(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    standups::check(content, roster, out);
    idps::check(content, roster, out);
    assessments::check(content, roster, out);
    month_notes(content, roster, out);
    pages(content, out);
    one_on_ones(content, roster, out);
    checklist(content, out);
}

/// Hand-ticked items are free-form, but one spelt almost like a measured
/// control point is probably meant to be it: say that it changes nothing.
fn checklist(content: &Content, out: &mut Vec<Diagnostic>) {
    let Some(doc) = &content.checklist else {
        return;
    };
    let ids = crate::analytics::checklist::Point::ALL.map(|p| p.id());
    for key in doc.data.manual.keys() {
        if ids.contains(&key.as_str()) {
            out.push(doc.key_warning(
                key,
                Practice::MeasuredTick {
                    key: key.to_string(),
                },
            ));
        } else if let Some(close) = closest(key.as_str(), ids.iter().copied()) {
            out.push(doc.key_warning(
                key,
                Practice::NotAControlPoint {
                    key: key.to_string(),
                    close: close.to_string(),
                },
            ));
        }
    }
}

/// The file name must say what the file's own date, month or id says.
fn name_agrees<T, S>(
    doc: &Doc<T>,
    spanned: &Spanned<S>,
    expected: &str,
    by: NamedBy,
    folder: &str,
    out: &mut Vec<Diagnostic>,
) {
    if doc.stem() != expected {
        out.push(doc.error_at(
            spanned,
            Practice::FileName {
                stem: doc.stem().to_string(),
                by,
                file: format!("{folder}/{expected}.{}", extension(&doc.path)),
            },
        ));
    }
}

fn extension(path: &str) -> &str {
    path.rsplit_once('.').map_or("", |(_, e)| e)
}

/// One file per day (or month): the second names the first.
fn once<K: Ord, T, S>(
    seen: &mut BTreeMap<K, String>,
    key: K,
    doc: &Doc<T>,
    at: &Spanned<S>,
    what: Once,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(first) = seen.get(&key) {
        out.push(doc.error_at(
            at,
            Practice::Second {
                what,
                first: first.clone(),
            },
        ));
    } else {
        seen.insert(key, doc.path.clone());
    }
}

fn known_manager<T>(
    content: &Content,
    roster: &Roster,
    doc: &Doc<T>,
    key: &Key,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let known = roster.get(key.as_str()).is_some();
    if !known {
        out.extend(unknown_manager(content, doc, key));
    }
    known
}

/// A manager id given as a value (`manager: petr-sidorov`), checked like a key.
fn known_manager_value<T>(
    content: &Content,
    roster: &Roster,
    doc: &Doc<T>,
    id: &Spanned<String>,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let known = roster.get(&id.value).is_some();
    if !known && !content.failed.contains(crate::content::TEAM_PATH) {
        out.push(
            doc.error_at(
                id,
                Practice::UnknownManager {
                    id: id.value.clone(),
                    fix: super::managers::fix(&content.team, &id.value),
                },
            )
            .width(id.value.chars().count()),
        );
    }
    known
}

fn month_notes(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    let mut seen = BTreeMap::new();
    for doc in &content.month_notes {
        let n = &doc.data;
        let month = n.month.value;
        name_agrees(
            doc,
            &n.month,
            &month.to_string(),
            NamedBy::Month,
            "months",
            out,
        );
        once(
            &mut seen,
            month,
            doc,
            &n.month,
            Once::MonthNote(month.to_string()),
            out,
        );
        // An action's `who` is a manager: it shows in their row of the matrix.
        for action in n.explanations.values().flat_map(|e| e.actions.list()) {
            if let Some(who) = &action.who {
                known_manager_value(content, roster, doc, who, out);
            }
        }
        for key in n.explanations.keys() {
            let names = PlanMetric::ALL.map(PlanMetric::name);
            if PlanMetric::from_name(key.as_str()).is_none() {
                out.push(doc.key_error(
                    key,
                    Practice::NotALaggingMetric {
                        key: key.to_string(),
                        fix: Suggestion::of(key.as_str(), names),
                    },
                ));
            }
        }
    }
}

fn pages(content: &Content, out: &mut Vec<Diagnostic>) {
    for doc in &content.pages {
        if !is_slug(doc.stem()) {
            out.push(Diagnostic::error(
                &doc.path,
                Practice::PageNameNotSlug {
                    stem: doc.stem().to_string(),
                },
            ));
        }
        if doc.data.title.trim().is_empty() {
            out.push(Diagnostic::error(&doc.path, Practice::EmptyTitle).at(2, 1));
        }
    }
}

fn one_on_ones(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    for doc in &content.one_on_ones {
        let o = &doc.data;
        if known_manager_value(content, roster, doc, &o.manager, out) {
            let expected = format!("{}-{}", o.date.value.0, o.manager.value);
            name_agrees(
                doc,
                &o.date,
                &expected,
                NamedBy::DateAndManager,
                "one-on-ones",
                out,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::content::parse_files;

    /// The messages `check` gives for one file beside config and team.
    fn messages(path: &str, text: &str) -> Vec<String> {
        let files = vec![
            (
                "content/config.yaml".into(),
                "title: T\nlocale: en\n".into(),
            ),
            (
                "content/team.yaml".into(),
                "managers:\n  - { id: a, name: A, joined: 2026-01-01 }\n".into(),
            ),
            (path.to_string(), text.to_string()),
        ];
        let (content, mut problems) = parse_files(files);
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        problems.extend(crate::validate::check(&content, as_of));
        problems.into_iter().map(|d| d.message()).collect()
    }

    #[test]
    fn a_ratio_target_above_its_ceiling_reads_as_a_percentage() {
        let goal = |metric: &str, target: &str| {
            let text = format!(
                "---\nmanager: a\ntitle: T\nopened: 2026-11-02\ndue: 2026-11-30\nstatus: active\ngoals:\n  - {{ text: g, metric: {metric}, target: {target} }}\n---\n"
            );
            messages("content/idp/a-2026-11.md", &text)
                .into_iter()
                .filter(|m| m.contains("reads as"))
                .collect::<Vec<_>>()
        };
        // Conversions: at most 1.
        assert!(goal("conv_meeting_deal", "0.99").is_empty(), "under");
        assert!(goal("conv_meeting_deal", "1").is_empty(), "at");
        assert_eq!(
            goal("conv_meeting_deal", "1.01"),
            ["`target: 1.01` for `conv_meeting_deal` reads as 101%"],
            "over"
        );
        assert_eq!(
            goal("conv_meeting_deal", "35"),
            ["`target: 35` for `conv_meeting_deal` reads as 3500%"]
        );
        // Attainment may overshoot the plan: at most 2.
        assert!(goal("attainment", "1.5").is_empty());
        assert!(goal("attainment", "2").is_empty(), "at");
        assert_eq!(goal("attainment", "2.01").len(), 1, "over");
        // Money has no ceiling.
        assert!(goal("avg_deal", "60000").is_empty());
    }

    #[test]
    fn a_stand_up_of_zero_minutes() {
        let zero = |minutes: &str| {
            let text = format!(
                "---\ndate: 2026-11-23\nduration_min: {minutes}\nreports: {{}}\nabsent: {{ a: sick }}\n---\n"
            );
            messages("content/standups/2026-11-23.md", &text)
                .into_iter()
                .filter(|m| m.contains("took no time"))
                .count()
        };
        assert_eq!(zero("0"), 1);
        assert_eq!(zero("1"), 0);
    }
}
