//! Checks of the practice layer: stand-ups, development plans, assessments,
//! the head's monthly notes, pages and one-to-ones.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_saphyr::Spanned;

use super::{Roster, unknown_manager};
use crate::calendar::YearMonth;
use crate::content::value::{Key, is_slug};
use crate::content::{Content, Doc};
use crate::content::{PlanMetric, Ratio};
use crate::diagnostic::{Diagnostic, did_you_mean};

pub fn check(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    standups(content, roster, out);
    idps(content, roster, out);
    assessments(content, roster, out);
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
            out.push(
                doc.key_warning(
                    key,
                    format!(
                        "`{key}` is measured from the content; a manual tick does not change it"
                    ),
                )
                .hint("tick by hand only what no file can prove"),
            );
        } else if let Some(hint) = did_you_mean(key.as_str(), ids.iter().copied()) {
            out.push(
                doc.key_warning(
                    key,
                    format!("`{key}` is not a control point; it is shown as a hand-ticked item"),
                )
                .hint(hint),
            );
        }
    }
}

/// The file name must say what the file's own date, month or id says.
fn name_agrees<T, S>(
    doc: &Doc<T>,
    spanned: &Spanned<S>,
    expected: &str,
    what: &str,
    folder: &str,
    out: &mut Vec<Diagnostic>,
) {
    if doc.stem() != expected {
        out.push(
            doc.error_at(
                spanned,
                format!("file name `{}` disagrees with `{what}`", doc.stem()),
            )
            .hint(format!(
                "rename the file to {folder}/{expected}.{}, or fix `{what}`",
                extension(&doc.path)
            )),
        );
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
    what: String,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(first) = seen.get(&key) {
        out.push(
            doc.error_at(at, what)
                .label(format!("also in {first}"))
                .hint("keep one file"),
        );
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
            doc.error_at(id, format!("unknown manager `{}`", id.value))
                .width(id.value.chars().count())
                .label("not in content/team.yaml")
                .hint_opt(did_you_mean(&id.value, content.team.ids())),
        );
    }
    known
}

fn standups(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    let limit = content.config.thresholds.standup_max_minutes;
    let mut seen = BTreeMap::new();
    for doc in &content.standups {
        let s = &doc.data;
        let date: NaiveDate = s.date.value.0;
        name_agrees(doc, &s.date, &date.to_string(), "date", "standups", out);
        once(
            &mut seen,
            date,
            doc,
            &s.date,
            format!("a second stand-up on {date}"),
            out,
        );
        for key in s.reports.keys().chain(s.absent.keys()) {
            known_manager(content, roster, doc, key, out);
        }
        for key in s.absent.keys() {
            if s.reports.contains_key(key.as_str()) {
                out.push(doc.key_warning(
                    key,
                    format!("`{key}` is listed as absent but also reported"),
                ));
            }
        }
        if let Some(d) = &s.duration_min
            && d.value.0 > u64::from(limit)
        {
            out.push(
                doc.warning_at(
                    d,
                    format!(
                        "the stand-up took {} minutes; the limit is {limit}",
                        d.value.0
                    ),
                )
                .hint("keep to numbers, progress and the day's plan; take details to one-to-ones"),
            );
        }
        if !s.video.value {
            out.push(doc.warning_at(&s.video, "the stand-up was held without video"));
        }
        for (key, report) in &s.reports {
            let missing = report.value.missing();
            if !missing.is_empty() {
                out.push(
                    doc.key_warning(
                        key,
                        format!("`{key}`'s report has no {}", missing.join(", ")),
                    )
                    .hint("the format asks for done, result, goal and how every day"),
                );
            }
        }
        for manager in content.team.managers.iter().map(|m| &m.value) {
            let id = manager.id();
            if manager.active_on(date) && !s.reports.contains_key(id) && !s.absent.contains_key(id)
            {
                out.push(
                    doc.warning_at(&s.date, format!("no report from {id} on {date}"))
                        .hint(format!("add their answers under `reports:`, or `absent: {{ {id}: \"reason\" }}`")),
                );
            }
        }
    }
}

fn idps(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    for doc in &content.idps {
        let p = &doc.data;
        if known_manager_value(content, roster, doc, &p.manager, out) {
            let expected = format!("{}-{}", p.manager.value, YearMonth::of(p.opened.value.0));
            name_agrees(
                doc,
                &p.manager,
                &expected,
                "manager` and `opened",
                "idp",
                out,
            );
        }
        if p.due.value < p.opened.value {
            out.push(
                doc.error_at(
                    &p.due,
                    format!(
                        "`due` ({}) is before `opened` ({})",
                        p.due.value.0, p.opened.value.0
                    ),
                )
                .hint("a development plan ends after it starts"),
            );
        }
        for goal in &p.goals {
            let g = &goal.value;
            if let Some(metric) = &g.metric {
                let names = Ratio::ALL.map(Ratio::name);
                if Ratio::from_name(&metric.value).is_none() {
                    out.push(
                        doc.error_at(metric, format!("unknown metric `{}`", metric.value))
                            .width(metric.value.chars().count())
                            .hint(did_you_mean(&metric.value, names).unwrap_or_else(|| {
                                format!("a goal can measure one of: {}", names.join(", "))
                            })),
                    );
                }
                if g.target.is_none() {
                    out.push(
                        doc.error_at(goal, "a goal with `metric` needs a `target`")
                            .hint("give the value to reach as a fraction, e.g. `target: 0.3` for 30 %"),
                    );
                }
            } else if g.target.is_some() {
                out.push(
                    doc.error_at(goal, "a goal with `target` needs a `metric`")
                        .hint(format!(
                            "measure one of: {}",
                            Ratio::ALL.map(Ratio::name).join(", ")
                        )),
                );
            }
        }
    }
}

fn assessments(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    let competencies: Vec<&str> = content
        .config
        .competencies
        .iter()
        .map(|c| c.value.key.as_str())
        .collect();
    let mut seen = BTreeMap::new();
    for doc in &content.assessments {
        let a = &doc.data;
        let date = a.date.value.0;
        name_agrees(doc, &a.date, &date.to_string(), "date", "assessments", out);
        once(
            &mut seen,
            date,
            doc,
            &a.date,
            format!("a second assessment round on {date}"),
            out,
        );
        let scale = a.scale.value.0;
        if scale == 0 {
            out.push(doc.error_at(&a.scale, "the scale must be at least 1"));
        }
        for (manager, scores) in &a.scores {
            known_manager(content, roster, doc, manager, out);
            for (competency, score) in scores {
                if !competencies.contains(&competency.as_str()) {
                    out.push(
                        doc.key_error(competency, format!("unknown competency `{competency}`"))
                            .label("not in competencies of content/config.yaml")
                            .hint_opt(did_you_mean(
                                competency.as_str(),
                                competencies.iter().copied(),
                            )),
                    );
                }
                if scale > 0 && !(1..=scale).contains(&score.value.0) {
                    out.push(
                        doc.error_at(
                            score,
                            format!("score {} is outside the scale 1–{scale}", score.value.0),
                        )
                        .hint(format!("scores are whole numbers from 1 to {scale}")),
                    );
                }
            }
        }
        for manager in a.notes.keys() {
            known_manager(content, roster, doc, manager, out);
        }
    }
}

fn month_notes(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    let mut seen = BTreeMap::new();
    for doc in &content.month_notes {
        let n = &doc.data;
        let month = n.month.value;
        name_agrees(doc, &n.month, &month.to_string(), "month", "months", out);
        once(
            &mut seen,
            month,
            doc,
            &n.month,
            format!("a second note for {month}"),
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
                out.push(
                    doc.key_error(key, format!("`{key}` is not a metric that can lag"))
                        .hint(
                            did_you_mean(key.as_str(), names)
                                .unwrap_or_else(|| format!("explain one of: {}", names.join(", "))),
                        ),
                );
            }
        }
    }
}

fn pages(content: &Content, out: &mut Vec<Diagnostic>) {
    for doc in &content.pages {
        if !is_slug(doc.stem()) {
            out.push(
                Diagnostic::error(&doc.path, format!("page file name `{}` is not a slug", doc.stem()))
                    .hint("name pages with lowercase latin letters, digits and hyphens, e.g. chat-rules.md"),
            );
        }
        if doc.data.title.trim().is_empty() {
            out.push(Diagnostic::error(&doc.path, "the page has an empty `title`").at(2, 1));
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
                "date` and `manager",
                "one-on-ones",
                out,
            );
        }
    }
}
