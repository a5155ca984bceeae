//! The department as its checked files describe it: plain values, with no
//! positions in files. `validate` reads the raw `content` types, which
//! remember where each value was written; once the files are checked they
//! are lowered into these, and everything after (`audience`, `analytics`,
//! `render`) reads only these.

mod config;
mod notes;
mod practice;
mod team;
mod week;

use std::collections::BTreeMap;

pub use config::{Config, Thresholds};
// The names the files use that are already plain values: the enums of
// metrics, statuses and kinds, and the small records without positions.
pub use crate::content::config::{Aggregate, Competency, CustomMetric};
pub use crate::content::standup::Resolved;
pub use crate::content::week::Trainings;
pub use crate::content::{
    Audience, IdpStatus, Label, Labels, Locale, Mood, PageKind, Plan, PlanMetric, Ratio, Report,
};
pub use notes::{Action, Actions, Checklist, Explanation, MonthNote, Page};
pub use practice::{Assessment, Goal, Idp, OneOnOne, Standup};
pub use team::{Manager, Team};
pub use week::{Targets, Week, WeekEntry};

use crate::calendar::WorkCalendar;
use crate::content::Content;

/// Everything a site's pages and numbers are made from.
#[derive(Debug, Clone, Default)]
pub struct Department {
    pub config: Config,
    /// The working days `config.yaml`'s `calendar` describes.
    pub calendar: WorkCalendar,
    pub team: Team,
    pub targets: Vec<Targets>,
    /// The period files whose period can be told, in path order (a file
    /// whose `week` and `month` name no period is an error `check` reports).
    pub weeks: Vec<Week>,
    /// In path order (by date).
    pub standups: Vec<Standup>,
    pub idps: Vec<Idp>,
    pub assessments: Vec<Assessment>,
    pub month_notes: Vec<MonthNote>,
    pub pages: Vec<Page>,
    pub one_on_ones: Vec<OneOnOne>,
    pub checklist: Option<Checklist>,
    /// The site's `templates/` files by name, overriding the built-in ones.
    pub templates: BTreeMap<String, String>,
}

impl Department {
    /// The department of checked content, for a caller that keeps the
    /// content (a copy is lowered; see [`Department::from`]).
    pub fn of(content: &Content) -> Self {
        Self::from(content.clone())
    }
}

impl From<Content> for Department {
    /// The department of checked content, taken by value: the stand-ups and
    /// week files (most of a big department) move rather than being copied,
    /// and what only pointed at the files (their text, the positions) goes.
    /// Every list keeps the order (and, but for week files without a
    /// period, the length) of its files.
    fn from(content: Content) -> Self {
        let calendar = content.calendar;
        Self {
            config: Config::from(&content.config),
            team: Team::from(&content.team),
            targets: content.targets.iter().map(|d| (&d.data).into()).collect(),
            weeks: content
                .weeks
                .into_iter()
                .filter_map(|d| Week::of(d.data, &calendar))
                .collect(),
            standups: content
                .standups
                .into_iter()
                .map(|d| d.data.into())
                .collect(),
            idps: content.idps.iter().map(Idp::of).collect(),
            assessments: content
                .assessments
                .iter()
                .map(|d| (&d.data).into())
                .collect(),
            month_notes: content
                .month_notes
                .iter()
                .map(|d| (&d.data).into())
                .collect(),
            pages: content.pages.iter().map(Page::of).collect(),
            one_on_ones: content
                .one_on_ones
                .iter()
                .map(|d| (&d.data).into())
                .collect(),
            checklist: content.checklist.as_ref().map(|d| (&d.data).into()),
            templates: content.templates,
            calendar,
        }
    }
}
