//! A stand-up's `resolved:` must close a request some stand-up asked:
//! an id that matches none is an error with a "did you mean", so a typo
//! does not leave the request open on every page in silence.

use chrono::NaiveDate;

use super::Roster;
use crate::analytics::requests::{ProblemKind, StandupRequests, known_ids, ledger};
use crate::content::{Content, Report, Standup, TEAM_PATH, standup::Resolved};
use crate::diagnostic::{Diagnostic, closest};
use crate::problem::practice::Requests;

pub fn check(content: &Content, roster: &Roster, as_of: NaiveDate, out: &mut Vec<Diagnostic>) {
    // A problem names its stand-up by index.
    let standups: Vec<&Standup> = content.standups.iter().map(|d| &d.data).collect();
    let ledger = ledger(&standups, as_of);
    let ids = known_ids(&ledger);
    for problem in &ledger.problems {
        let doc = &content.standups[problem.standup];
        let item = &doc.data.resolved[problem.item];
        let id = &item.value.id;
        let d = match problem.kind {
            ProblemKind::Unknown => doc.error_at(
                item,
                Requests::UnknownRequest {
                    id: id.clone(),
                    close: closest(id, ids.iter().copied()).map(str::to_string),
                },
            ),
            ProblemKind::BeforeAsked { opened } => doc.error_at(
                item,
                Requests::ResolvedBeforeAsked {
                    id: id.clone(),
                    opened: opened.to_string(),
                },
            ),
            ProblemKind::AlreadyResolved { on } => doc.warning_at(
                item,
                Requests::AlreadyResolved {
                    id: id.clone(),
                    on: on.to_string(),
                },
            ),
        }
        .width(id.chars().count());
        out.push(d);
    }
    for doc in &content.standups {
        for item in &doc.data.resolved {
            let Some(by) = &item.value.by else { continue };
            if by != "head" && roster.get(by).is_none() && !content.failed.contains(TEAM_PATH) {
                out.push(doc.error_at(
                    item,
                    Requests::UnknownBy {
                        id: by.clone(),
                        fix: super::managers::fix(&content.team, by),
                    },
                ));
            }
        }
    }
}

/// The ledger reads a stand-up's file as written (see [`StandupRequests`]).
impl StandupRequests for &Standup {
    fn date(&self) -> NaiveDate {
        self.date.value.0
    }

    fn reports(&self) -> impl Iterator<Item = (&str, &Report)> {
        self.reports.iter().map(|(id, r)| (id.as_str(), &r.value))
    }

    fn resolved(&self) -> impl Iterator<Item = &Resolved> {
        self.resolved.iter().map(|r| &r.value)
    }
}
