//! Checks of a stand-up: one per day, named by its date, every manager of
//! the day reporting (or absent) in the format, within the time limit and
//! on video.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{known_manager, name_agrees, once};
use crate::content::{Content, Doc, Standup};
use crate::diagnostic::Diagnostic;
use crate::problem::practice::{NamedBy, Once, Standups};
use crate::validate::Roster;

pub(super) fn check(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    let limit = content.config.thresholds.standup_max_minutes;
    let mut seen = BTreeMap::new();
    for doc in &content.standups {
        let s = &doc.data;
        let date: NaiveDate = s.date.value.0;
        name_agrees(
            doc,
            &s.date,
            &date.to_string(),
            NamedBy::Date,
            "standups",
            out,
        );
        once(
            &mut seen,
            date,
            doc,
            &s.date,
            Once::Standup(date.to_string()),
            out,
        );
        for key in s.reports.keys().chain(s.absent.keys()) {
            known_manager(content, roster, doc, key, out);
        }
        for key in s.absent.keys() {
            if s.reports.contains_key(key.as_str()) {
                out.push(doc.key_warning(
                    key,
                    Standups::AbsentButReported {
                        id: key.to_string(),
                    },
                ));
            }
        }
        standup_format(doc, limit, out);
        for (key, report) in &s.reports {
            let missing = report.value.missing();
            if !missing.is_empty() {
                out.push(doc.key_warning(
                    key,
                    Standups::ReportMissing {
                        id: key.to_string(),
                        parts: missing,
                    },
                ));
            }
        }
        for manager in content.team.managers.iter().map(|m| &m.value) {
            let id = manager.id();
            if manager.active_on(date) && !s.reports.contains_key(id) && !s.absent.contains_key(id)
            {
                out.push(doc.warning_at(
                    &s.date,
                    Standups::NoReport {
                        id: id.to_string(),
                        date: date.to_string(),
                    },
                ));
            }
        }
    }
}

/// A stand-up's own format: minutes within the limit (and not zero), on video.
fn standup_format(doc: &Doc<Standup>, limit: u32, out: &mut Vec<Diagnostic>) {
    let s = &doc.data;
    if let Some(d) = &s.duration_min
        && d.value.0 == 0
    {
        out.push(doc.warning_at(d, Standups::ZeroMinutes));
    }
    if let Some(d) = &s.duration_min
        && d.value.0 > u64::from(limit)
    {
        out.push(doc.warning_at(
            d,
            Standups::LongStandup {
                minutes: d.value.0,
                limit,
            },
        ));
    }
    if !s.video.value {
        out.push(doc.warning_at(&s.video, Standups::NoVideo));
    }
}
