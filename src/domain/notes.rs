//! The head's words: month notes to the owner, rule pages, the checklist.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::calendar::YearMonth;
use crate::content::checklist::{Head, ManualTick};
use crate::content::{self, Audience, Doc, PageKind};

/// The head's monthly word to the owner.
#[derive(Debug, Clone)]
pub struct MonthNote {
    pub month: YearMonth,
    /// The verdict on the month in one line.
    pub headline: String,
    /// Lagging metric (`revenue`, `deals`) → why, what is done, what is asked for.
    pub explanations: BTreeMap<String, Explanation>,
    pub body: String,
    /// The metrics whose explanation was left out of a team build (set by
    /// `audience::for_team`): the team's site says one exists without showing it.
    pub withheld: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Explanation {
    pub reason: String,
    pub actions: Actions,
    pub resources: String,
}

/// What is being done: the head's text, or a list of commitments.
#[derive(Debug, Clone)]
pub enum Actions {
    Text(String),
    List(Vec<Action>),
}

impl Default for Actions {
    fn default() -> Self {
        Actions::Text(String::new())
    }
}

impl Actions {
    /// Nothing written.
    pub fn is_empty(&self) -> bool {
        match self {
            Actions::Text(t) => t.trim().is_empty(),
            Actions::List(list) => list.is_empty(),
        }
    }

    /// The commitments of a list (none for a text).
    pub fn list(&self) -> impl Iterator<Item = &Action> {
        let list: &[Action] = match self {
            Actions::Text(_) => &[],
            Actions::List(list) => list,
        };
        list.iter()
    }

    /// The actions as one text: the text itself, or the list's items joined
    /// ("…; …"), for the digest and other one-line places.
    pub fn text(&self) -> String {
        match self {
            Actions::Text(t) => t.trim().to_string(),
            Actions::List(list) => list
                .iter()
                .map(|a| a.what.trim())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// One commitment: what is done, by when, whom it concerns, whether it is done.
#[derive(Debug, Clone)]
pub struct Action {
    pub what: String,
    pub by: Option<NaiveDate>,
    /// A manager's id; `None` for the department's.
    pub who: Option<String>,
    pub done: bool,
}

impl Action {
    pub fn due(&self) -> Option<NaiveDate> {
        self.by
    }

    pub fn manager(&self) -> Option<&str> {
        self.who.as_deref()
    }

    /// Not done and past its date on `today`.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        !self.done && self.by.is_some_and(|d| d < today)
    }
}

impl From<&content::MonthNote> for MonthNote {
    fn from(n: &content::MonthNote) -> Self {
        Self {
            month: n.month.value,
            headline: n.headline.clone(),
            explanations: n
                .explanations
                .iter()
                .map(|(k, e)| (k.as_str().to_string(), e.into()))
                .collect(),
            body: n.body.clone(),
            withheld: Vec::new(),
        }
    }
}

impl From<&content::Explanation> for Explanation {
    fn from(e: &content::Explanation) -> Self {
        let actions = match &e.actions {
            content::Actions::Text(t) => Actions::Text(t.clone()),
            content::Actions::List(list) => Actions::List(
                list.iter()
                    .map(|a| Action {
                        what: a.value.what.clone(),
                        by: a.value.by.as_ref().map(|d| d.value.0),
                        who: a.value.who.as_ref().map(|w| w.value.clone()),
                        done: a.value.done,
                    })
                    .collect(),
            ),
        };
        Self {
            reason: e.reason.clone(),
            actions,
            resources: e.resources.clone(),
        }
    }
}

/// A rule page or the head's vision.
#[derive(Debug, Clone)]
pub struct Page {
    /// Its file's name without the extension: its address on the site.
    pub slug: String,
    pub title: String,
    pub order: Option<i64>,
    pub date: Option<NaiveDate>,
    pub kind: Option<PageKind>,
    pub audience: Option<Audience>,
    pub body: String,
}

impl Page {
    pub fn of(doc: &Doc<content::Page>) -> Self {
        let p = &doc.data;
        Self {
            slug: doc.stem().to_string(),
            title: p.title.clone(),
            order: p.order,
            date: p.date.map(|d| d.0),
            kind: p.kind,
            audience: p.audience,
            body: p.body.clone(),
        }
    }
}

/// The head's start date and the control points ticked by hand.
#[derive(Debug, Clone, Default)]
pub struct Checklist {
    pub head: Option<Head>,
    pub manual: BTreeMap<String, ManualTick>,
}

impl From<&content::Checklist> for Checklist {
    fn from(c: &content::Checklist) -> Self {
        Self {
            head: c.head.clone(),
            manual: c
                .manual
                .iter()
                .map(|(k, t)| (k.as_str().to_string(), t.clone()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commitments_are_lowered_with_their_dates_and_managers() {
        let note: content::MonthNote = serde_saphyr::from_str(
            "month: 2026-11\nexplanations:\n  revenue:\n    reason: r\n    actions:\n      - { do: \"IDP\", by: 2026-12-18, who: petr }\n      - { do: \"Promo\", done: true }\n",
        )
        .unwrap();
        let note = MonthNote::from(&note);
        let actions = &note.explanations["revenue"].actions;
        let items: Vec<&Action> = actions.list().collect();
        assert_eq!(items[0].manager(), Some("petr"));
        assert_eq!(items[0].due().unwrap().to_string(), "2026-12-18");
        assert!(items[1].done && items[1].due().is_none());
        assert_eq!(actions.text(), "IDP; Promo");
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(items[0].overdue(day("2026-12-19")));
        assert!(!items[0].overdue(day("2026-12-18")));
        assert!(!actions.is_empty());
        assert!(Actions::Text("  ".into()).is_empty());
    }
}
