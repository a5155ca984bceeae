//! The head's practice: stand-ups, development plans, assessment rounds
//! and one-to-ones.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::content::standup::Resolved;
use crate::content::{self, Audience, Doc, IdpStatus, Mood, Ratio, Report};

/// One daily stand-up.
#[derive(Debug, Clone)]
pub struct Standup {
    pub date: NaiveDate,
    pub duration_min: Option<u64>,
    pub video: bool,
    /// Managers excused, with the reason.
    pub absent: BTreeMap<String, String>,
    pub reports: BTreeMap<String, Report>,
    /// Requests closed at this stand-up, in the order written.
    pub resolved: Vec<Resolved>,
    pub body: String,
}

impl From<content::Standup> for Standup {
    /// By value: a big department's stand-ups are most of its text, and a
    /// build needs the file's copy no more.
    fn from(s: content::Standup) -> Self {
        Self {
            date: s.date.value.0,
            duration_min: s.duration_min.map(|d| d.value.0),
            video: s.video.value,
            absent: s.absent.into_iter().map(|(k, v)| (k.0.value, v)).collect(),
            reports: s
                .reports
                .into_iter()
                .map(|(k, r)| (k.0.value, r.value))
                .collect(),
            resolved: s.resolved.into_iter().map(|r| r.value).collect(),
            body: s.body,
        }
    }
}

/// An individual development plan.
#[derive(Debug, Clone)]
pub struct Idp {
    /// Its file's name without the extension (`anna-ivanova-2026-10`).
    pub slug: String,
    pub manager: String,
    pub title: String,
    pub opened: NaiveDate,
    pub due: NaiveDate,
    pub status: IdpStatus,
    pub reason: String,
    pub goals: Vec<Goal>,
    pub outcome: String,
    pub body: String,
}

/// A goal: measured (`metric` + `target`) or ticked by hand (`done`).
#[derive(Debug, Clone)]
pub struct Goal {
    pub text: String,
    /// What it measures; `None` for a goal ticked by hand.
    pub metric: Option<Ratio>,
    pub target: Option<f64>,
    pub done: Option<bool>,
}

impl Idp {
    pub fn of(doc: &Doc<content::Idp>) -> Self {
        let p = &doc.data;
        Self {
            slug: doc.stem().to_string(),
            manager: p.manager.value.clone(),
            title: p.title.clone(),
            opened: p.opened.value.0,
            due: p.due.value.0,
            status: p.status,
            reason: p.reason.clone(),
            goals: p
                .goals
                .iter()
                .map(|g| {
                    let g = &g.value;
                    Goal {
                        text: g.text.clone(),
                        // An unknown name is an error `check` reports: nothing to measure.
                        metric: g.metric.as_ref().and_then(|m| Ratio::from_name(&m.value)),
                        target: g.target.as_ref().map(|t| t.value),
                        done: g.done,
                    }
                })
                .collect(),
            outcome: p.outcome.clone(),
            body: p.body.clone(),
        }
    }
}

/// A competency assessment round.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub date: NaiveDate,
    pub scale: u64,
    /// manager → competency → score; a score not given yet is `None`.
    pub scores: BTreeMap<String, BTreeMap<String, Option<u64>>>,
    pub notes: BTreeMap<String, String>,
}

impl From<&content::Assessment> for Assessment {
    fn from(a: &content::Assessment) -> Self {
        Self {
            date: a.date.value.0,
            scale: a.scale.value.0,
            scores: a
                .scores
                .iter()
                .map(|(m, s)| {
                    let s = s
                        .iter()
                        .map(|(c, v)| (c.as_str().to_string(), v.value.map(|n| n.0)))
                        .collect();
                    (m.as_str().to_string(), s)
                })
                .collect(),
            notes: a
                .notes
                .iter()
                .map(|(m, n)| (m.as_str().to_string(), n.clone()))
                .collect(),
        }
    }
}

/// A one-to-one talk.
#[derive(Debug, Clone)]
pub struct OneOnOne {
    pub manager: String,
    pub date: NaiveDate,
    pub topic: String,
    pub mood: Option<Mood>,
    pub audience: Option<Audience>,
    pub body: String,
}

impl From<&content::OneOnOne> for OneOnOne {
    fn from(o: &content::OneOnOne) -> Self {
        Self {
            manager: o.manager.value.clone(),
            date: o.date.value.0,
            topic: o.topic.clone(),
            mood: o.mood,
            audience: o.audience,
            body: o.body.clone(),
        }
    }
}
