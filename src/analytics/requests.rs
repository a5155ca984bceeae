//! Help requests from stand-ups as a ledger that closes: each non-empty
//! `help`/`need` answer is a request with a stable id; the same words from
//! the same manager while it is open are the same request, asked again (a
//! request repeated every day for a week is one request, not five); a
//! stand-up's `resolved:` closes it. Pure: `check` reports the ledger's
//! problems, the pages show it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{Report, Resolved, Standup};

/// Which of a stand-up's two asks a request is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// `help`: the help yesterday's work needed.
    Help,
    /// `need`: what today's goal needs from the head or the team.
    Need,
}

impl RequestKind {
    /// The answer's name in a stand-up, and the end of a request's id.
    pub fn name(self) -> &'static str {
        match self {
            RequestKind::Help => "help",
            RequestKind::Need => "need",
        }
    }
}

/// One request: asked at a stand-up, perhaps again, perhaps resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// `manager-YYYY-MM-DD-help`: the manager, the stand-up it was first asked at, the answer.
    pub id: String,
    pub manager: String,
    pub kind: RequestKind,
    /// The words as first asked.
    pub text: String,
    pub opened: NaiveDate,
    /// Every stand-up it was asked at, the first included, oldest first.
    pub asked: Vec<NaiveDate>,
    pub resolved: Option<Resolution>,
    /// Days from `opened` to its resolution, or to `as_of` while open.
    pub age_days: i64,
}

/// How a request was closed.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The stand-up that closed it.
    pub date: NaiveDate,
    /// `head` or a manager's id, when the stand-up says who.
    pub by: Option<String>,
    pub note: String,
}

/// A `resolved:` item that closes nothing: its stand-up (an index into the
/// stand-ups the ledger was read from) and its place in the list.
#[derive(Debug, Clone)]
pub struct Problem {
    pub standup: usize,
    pub item: usize,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// No stand-up asked a request with this id.
    Unknown,
    /// A later stand-up asks it.
    BeforeAsked { opened: NaiveDate },
    /// An earlier stand-up already closed it.
    AlreadyResolved { on: NaiveDate },
}

/// Every request, and the `resolved:` items that close nothing.
#[derive(Debug, Default)]
pub struct Ledger {
    /// Oldest first.
    pub requests: Vec<Request>,
    /// Every id a request goes by (its own, and those of its repeats).
    pub ids: BTreeMap<String, usize>,
    pub problems: Vec<Problem>,
    /// The open requests by manager and words, to find a repeat at once
    /// (a big department asks thousands over the years).
    open: BTreeMap<(String, String), usize>,
}

/// The id a request asked at `date` would have.
pub fn request_id(manager: &str, date: NaiveDate, kind: RequestKind) -> String {
    format!("{manager}-{date}-{}", kind.name())
}

/// The words of a request as compared with a repeat: case, `ё`,
/// punctuation and spacing aside.
fn same_words(text: &str) -> String {
    let lower = text.to_lowercase().replace('ё', "е");
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the ledger reads of a stand-up: its date, each report by manager,
/// and what it resolves. The numbers read it from the department; `check`
/// and `new standup` from the files as written, without a copy of every
/// stand-up (12 MB of text on a big department).
pub trait StandupRequests {
    fn date(&self) -> NaiveDate;
    fn reports(&self) -> impl Iterator<Item = (&str, &Report)>;
    fn resolved(&self) -> impl Iterator<Item = &Resolved>;
}

impl StandupRequests for Standup {
    fn date(&self) -> NaiveDate {
        self.date
    }

    fn reports(&self) -> impl Iterator<Item = (&str, &Report)> {
        self.reports.iter().map(|(id, r)| (id.as_str(), r))
    }

    fn resolved(&self) -> impl Iterator<Item = &Resolved> {
        self.resolved.iter()
    }
}

/// Reads every stand-up in date order: each one's asks first, then what it resolves.
pub fn ledger<S: StandupRequests>(standups: &[S], as_of: NaiveDate) -> Ledger {
    let mut standups: Vec<(usize, &S)> = standups.iter().enumerate().collect();
    standups.sort_by_key(|(_, s)| s.date());
    // Every id any stand-up asks, to tell "asked later" from "never asked".
    let mut later: BTreeMap<String, NaiveDate> = BTreeMap::new();
    for (_, standup) in &standups {
        for (manager, kind, _) in asks(*standup) {
            let date = standup.date();
            later.entry(request_id(manager, date, kind)).or_insert(date);
        }
    }
    let mut ledger = Ledger::default();
    for (index, standup) in standups {
        ask(&mut ledger, standup);
        resolve(&mut ledger, index, standup, &later);
    }
    for r in &mut ledger.requests {
        let end = r.resolved.as_ref().map_or(as_of, |s| s.date);
        r.age_days = (end - r.opened).num_days().max(0);
    }
    ledger
}

/// A stand-up's non-empty `help` and `need` answers.
fn asks(standup: &impl StandupRequests) -> impl Iterator<Item = (&str, RequestKind, &str)> {
    standup.reports().flat_map(|(id, r)| {
        [(RequestKind::Help, &r.help), (RequestKind::Need, &r.need)]
            .into_iter()
            .filter(|(_, text)| !text.trim().is_empty())
            .map(move |(kind, text)| (id, kind, text.trim()))
    })
}

fn ask(ledger: &mut Ledger, standup: &impl StandupRequests) {
    let date = standup.date();
    for (manager, kind, text) in asks(standup) {
        let id = request_id(manager, date, kind);
        let words = (manager.to_string(), same_words(text));
        let index = match ledger.open.get(&words).copied() {
            Some(i) => {
                let r = &mut ledger.requests[i];
                if r.asked.last() != Some(&date) {
                    r.asked.push(date);
                }
                i
            }
            None => {
                ledger.requests.push(Request {
                    id: id.clone(),
                    manager: manager.to_string(),
                    kind,
                    text: text.to_string(),
                    opened: date,
                    asked: vec![date],
                    resolved: None,
                    age_days: 0,
                });
                ledger.open.insert(words, ledger.requests.len() - 1);
                ledger.requests.len() - 1
            }
        };
        ledger.ids.entry(id).or_insert(index);
    }
}

fn resolve(
    ledger: &mut Ledger,
    index: usize,
    standup: &impl StandupRequests,
    later: &BTreeMap<String, NaiveDate>,
) {
    let date = standup.date();
    for (item, r) in standup.resolved().enumerate() {
        let problem = |kind| Problem {
            standup: index,
            item,
            kind,
        };
        let Some(&index) = ledger.ids.get(&r.id) else {
            let kind = match later.get(&r.id) {
                Some(&opened) => ProblemKind::BeforeAsked { opened },
                None => ProblemKind::Unknown,
            };
            ledger.problems.push(problem(kind));
            continue;
        };
        let request = &mut ledger.requests[index];
        match &request.resolved {
            Some(done) => {
                let on = done.date;
                ledger
                    .problems
                    .push(problem(ProblemKind::AlreadyResolved { on }));
            }
            None => {
                request.resolved = Some(Resolution {
                    date,
                    by: r.by.clone(),
                    note: r.note.clone(),
                });
                let words = (request.manager.clone(), same_words(&request.text));
                ledger.open.remove(&words);
            }
        }
    }
}

/// Every id a request could be resolved by, for "did you mean".
pub fn known_ids(ledger: &Ledger) -> BTreeSet<&str> {
    ledger.ids.keys().map(String::as_str).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_files;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// A site with stand-ups: (date, a's help, resolved items as YAML).
    fn site(days: &[(&str, &str, &str)]) -> Vec<Standup> {
        let mut files = vec![
            ("content/config.yaml".to_string(), "title: T\n".to_string()),
            (
                "content/team.yaml".to_string(),
                "managers:\n  - { id: a, name: A, joined: 2026-01-01 }\n".to_string(),
            ),
        ];
        for (day, help, resolved) in days {
            files.push((
                format!("content/standups/{day}.md"),
                format!(
                    "---\ndate: {day}\nresolved: {resolved}\nreports:\n  a: {{ done: d, result: r, goal: g, how: h, help: \"{help}\" }}\n---\n"
                ),
            ));
        }
        let (content, problems) = parse_files(files);
        assert!(problems.is_empty(), "{problems:?}");
        crate::domain::Department::of(&content).standups
    }

    #[test]
    fn a_request_opened_and_still_open_ages_to_as_of() {
        let c = site(&[("2026-11-23", "A price list", "[]")]);
        let l = ledger(&c, date("2026-11-27"));
        assert_eq!(l.requests.len(), 1);
        let r = &l.requests[0];
        assert_eq!(r.id, "a-2026-11-23-help");
        assert_eq!(
            (r.opened, r.age_days, r.resolved.is_none()),
            (date("2026-11-23"), 4, true)
        );
    }

    #[test]
    fn the_same_words_repeated_while_open_are_one_request() {
        let c = site(&[
            ("2026-11-23", "A price list", "[]"),
            ("2026-11-24", "a price list!", "[]"),
            ("2026-11-25", "A  PRICE list", "[]"),
            ("2026-11-26", "Something else", "[]"),
        ]);
        let l = ledger(&c, date("2026-11-27"));
        let texts: Vec<(&str, usize)> = l
            .requests
            .iter()
            .map(|r| (r.id.as_str(), r.asked.len()))
            .collect();
        assert_eq!(texts, [("a-2026-11-23-help", 3), ("a-2026-11-26-help", 1)]);
        // A repeat's own id names the same request.
        assert_eq!(l.ids["a-2026-11-25-help"], 0);
    }

    #[test]
    fn resolved_by_a_later_stand_up_with_who_and_how() {
        let c = site(&[
            ("2026-11-23", "A price list", "[]"),
            ("2026-11-24", "A price list", "[]"),
            (
                "2026-11-25",
                "",
                "[{ id: a-2026-11-24-help, by: head, note: sent }]",
            ),
            // Asked again after it was resolved: a new request.
            ("2026-11-26", "A price list", "[]"),
        ]);
        let l = ledger(&c, date("2026-11-27"));
        assert!(l.problems.is_empty());
        let first = &l.requests[0];
        assert_eq!(
            first.resolved,
            Some(Resolution {
                date: date("2026-11-25"),
                by: Some("head".into()),
                note: "sent".into()
            })
        );
        assert_eq!(first.age_days, 2, "open from the 23rd to the 25th");
        assert_eq!(l.requests[1].id, "a-2026-11-26-help");
        assert!(l.requests[1].resolved.is_none());
    }

    #[test]
    fn resolving_what_no_one_asked_is_a_problem() {
        let c = site(&[
            ("2026-11-23", "A price list", "[a-2026-11-24-help]"),
            (
                "2026-11-24",
                "Other",
                "[a-2026-11-23-help, a-2026-11-23-need]",
            ),
            ("2026-11-25", "", "[a-2026-11-23-help]"),
        ]);
        let l = ledger(&c, date("2026-11-27"));
        let kinds: Vec<(NaiveDate, usize, ProblemKind)> = l
            .problems
            .iter()
            .map(|p| (c[p.standup].date, p.item, p.kind.clone()))
            .collect();
        assert_eq!(
            kinds,
            [
                (
                    date("2026-11-23"),
                    0,
                    ProblemKind::BeforeAsked {
                        opened: date("2026-11-24")
                    }
                ),
                (date("2026-11-24"), 1, ProblemKind::Unknown),
                (
                    date("2026-11-25"),
                    0,
                    ProblemKind::AlreadyResolved {
                        on: date("2026-11-24")
                    }
                ),
            ]
        );
    }
}
