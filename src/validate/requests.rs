//! A stand-up's `resolved:` must close a request some stand-up asked:
//! an id that matches none is an error with a "did you mean", so a typo
//! does not leave the request open on every page in silence.

use chrono::NaiveDate;

use super::Roster;
use crate::analytics::requests::{ProblemKind, known_ids, ledger};
use crate::content::{Content, TEAM_PATH};
use crate::diagnostic::{Diagnostic, did_you_mean};

pub fn check(content: &Content, roster: &Roster, as_of: NaiveDate, out: &mut Vec<Diagnostic>) {
    let ledger = ledger(content, as_of);
    let ids = known_ids(&ledger);
    for problem in &ledger.problems {
        let doc = problem.doc;
        let item = &doc.data.resolved[problem.item];
        let id = &item.value.id;
        let d = match problem.kind {
            ProblemKind::Unknown => doc
                .error_at(item, format!("no stand-up asked a request `{id}`"))
                .width(id.chars().count())
                .hint(did_you_mean(id, ids.iter().copied()).unwrap_or_else(|| {
                    "a request's id is the manager, the date of the stand-up that asked it and `help` or `need`, e.g. `anna-ivanova-2026-11-10-help`; `salespulse new standup` lists the open ones".into()
                })),
            ProblemKind::BeforeAsked { opened } => doc
                .error_at(item, format!("`{id}` is resolved before it was asked, on {opened}"))
                .width(id.chars().count())
                .hint("resolve it at a stand-up on or after the one that asked it"),
            ProblemKind::AlreadyResolved { on } => doc
                .warning_at(item, format!("`{id}` was already resolved on {on}"))
                .width(id.chars().count())
                .hint("remove it here, or from the earlier stand-up"),
        };
        out.push(d);
    }
    for doc in &content.standups {
        for item in &doc.data.resolved {
            let Some(by) = &item.value.by else { continue };
            if by != "head" && roster.get(by).is_none() && !content.failed.contains(TEAM_PATH) {
                out.push(
                    doc.error_at(item, format!("unknown manager `{by}` in `by`"))
                        .hint(format!(
                            "`by` is `head` or a manager's id; {}",
                            super::manager_hint(&content.team, by)
                        )),
                );
            }
        }
    }
}
