//! The department's control points, measured from the content
//! (DESIGN.md, "The control points"). Each point gets a status, the figure
//! behind it and the evidence to link; its words are made by `locale`.
//! A new point is one `Point` variant: the compiler then lists its phase,
//! its measure (`points.rs`) and its words (`locale::checklist`).

use crate::domain::{Department, PlanMetric};

mod points;
#[cfg(test)]
mod tests;

use chrono::{Days, Months, NaiveDate};

use super::Judged;
use crate::calendar::{IsoWeek, YearMonth};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Partly,
    NotMet,
    NoData,
}

/// Where the proof of a point lies, for a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evidence {
    Month(YearMonth),
    Week(IsoWeek),
    Standup(NaiveDate),
    Idp(String),
    Page(String),
    Manager(String),
    Standups,
    Team,
    OneOnOnes,
}

/// The numbers a point's sentence is made of.
#[derive(Clone, Debug, PartialEq)]
pub enum Facts {
    /// Team revenue pace of a month.
    Pace { month: YearMonth, pace: f64 },
    /// `part` of `whole` (manager-weeks, managers, metrics…), with who or what is missing.
    Share {
        part: usize,
        whole: usize,
        missing: Vec<String>,
    },
    /// A page of a kind, its date, and the deadline it had.
    Page {
        slug: Option<String>,
        date: Option<NaiveDate>,
        deadline: Option<NaiveDate>,
    },
    /// Training formats used in a month (of the four), with the counts.
    Training {
        month: YearMonth,
        counts: super::TrainingCounts,
    },
    /// Stand-up compliance shares.
    Standups {
        count: usize,
        within: Option<f64>,
        video: Option<f64>,
        complete: Option<f64>,
        limit: u32,
    },
    /// Month-over-month growth of the team's revenue.
    Growth { month: YearMonth, growth: f64 },
    /// Lagging plan metrics explained, and those that are not (month, metric).
    Explained {
        part: usize,
        whole: usize,
        unexplained: Vec<(YearMonth, PlanMetric)>,
    },
    /// Lagging managers with a plan, and closed plans with an outcome.
    Plans {
        lagging: usize,
        lagging_with_plan: usize,
        closed: usize,
        closed_with_outcome: usize,
        missing: Vec<String>,
    },
    /// Nothing in the content to judge by.
    Nothing,
}

/// A control point of the department's checklist, in DESIGN.md's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Point {
    PlanOnTrack,
    LeadsSameDay,
    VisionWritten,
    AllAssessed,
    TrainingFormats,
    StandupDiscipline,
    PlanDecomposed,
    ChatRules,
    MomGrowth,
    LagExplained,
    IdpForLagging,
    OneOnOnes,
}

/// When in the head's work a point is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// The head's first two months.
    FirstMonths,
    /// Month three on.
    FromMonthThree,
}

impl Phase {
    /// 1 or 2, as `metrics.json` writes it.
    pub fn number(self) -> u8 {
        match self {
            Phase::FirstMonths => 1,
            Phase::FromMonthThree => 2,
        }
    }
}

impl Point {
    pub const ALL: [Point; 12] = [
        Point::PlanOnTrack,
        Point::LeadsSameDay,
        Point::VisionWritten,
        Point::AllAssessed,
        Point::TrainingFormats,
        Point::StandupDiscipline,
        Point::PlanDecomposed,
        Point::ChatRules,
        Point::MomGrowth,
        Point::LagExplained,
        Point::IdpForLagging,
        Point::OneOnOnes,
    ];

    /// The id DESIGN.md and `metrics.json` use.
    pub fn id(self) -> &'static str {
        match self {
            Point::PlanOnTrack => "plan_on_track",
            Point::LeadsSameDay => "leads_same_day",
            Point::VisionWritten => "vision_written",
            Point::AllAssessed => "all_assessed",
            Point::TrainingFormats => "training_formats",
            Point::StandupDiscipline => "standup_discipline",
            Point::PlanDecomposed => "plan_decomposed",
            Point::ChatRules => "chat_rules",
            Point::MomGrowth => "mom_growth",
            Point::LagExplained => "lag_explained",
            Point::IdpForLagging => "idp_for_lagging",
            Point::OneOnOnes => "one_on_ones",
        }
    }

    pub fn phase(self) -> Phase {
        match self {
            Point::PlanOnTrack
            | Point::LeadsSameDay
            | Point::VisionWritten
            | Point::AllAssessed
            | Point::TrainingFormats
            | Point::StandupDiscipline
            | Point::PlanDecomposed
            | Point::ChatRules => Phase::FirstMonths,
            Point::MomGrowth | Point::LagExplained | Point::IdpForLagging | Point::OneOnOnes => {
                Phase::FromMonthThree
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ControlPoint {
    pub point: Point,
    pub status: Status,
    /// The point's main figure (a share, pace or growth), where there is one.
    pub value: Option<f64>,
    pub facts: Facts,
    pub evidence: Vec<Evidence>,
}

/// Met / partly / not met for a share against the configured thresholds.
fn judge(share: f64, met: f64, partly: f64) -> Status {
    // A share at the threshold is at it, whatever the last bit of the division says.
    let share = share + 1e-12;
    if share >= met {
        Status::Met
    } else if share >= partly {
        Status::Partly
    } else {
        Status::NotMet
    }
}

/// A share that must be whole to be met ("every active manager").
fn judge_all(part: usize, whole: usize, partly: f64) -> Status {
    if part == whole {
        Status::Met
    } else if part == 0 {
        Status::NotMet
    } else {
        judge(part as f64 / whole as f64, f64::INFINITY, partly)
    }
}

/// A point that every active manager must meet: `missing` are those who do
/// not; the evidence is the overview page, then each missing manager.
fn every_manager(
    point: Point,
    active: usize,
    missing: Vec<String>,
    overview: Evidence,
    partly: f64,
) -> ControlPoint {
    let part = active - missing.len();
    ControlPoint {
        point,
        status: judge_all(part, active, partly),
        value: Some(part as f64 / active as f64),
        evidence: std::iter::once(overview)
            .chain(missing.iter().map(|m| Evidence::Manager(m.clone())))
            .collect(),
        facts: Facts::Share {
            part,
            whole: active,
            missing,
        },
    }
}

fn no_data(point: Point) -> ControlPoint {
    ControlPoint {
        point,
        status: Status::NoData,
        value: None,
        facts: Facts::Nothing,
        evidence: Vec::new(),
    }
}

/// The head's start date, if `checklist.yaml` gives it.
pub fn started(department: &Department) -> Option<NaiveDate> {
    department
        .checklist
        .as_ref()?
        .head
        .as_ref()?
        .started
        .map(|d| d.0)
}

/// The date month three begins (two calendar months after the start).
pub fn phase_two_from(department: &Department) -> Option<NaiveDate> {
    started(department).and_then(|s| s.checked_add_months(Months::new(2)))
}

/// Managers active on `day`, by id.
fn active_on(department: &Department, day: NaiveDate) -> Vec<&str> {
    department
        .team
        .managers
        .iter()
        .filter(|m| m.active_on(day))
        .map(|m| m.id())
        .collect()
}

/// Every control point, in order.
pub fn measure(department: &Department, a: &Judged) -> Vec<ControlPoint> {
    let judge = points::Judge::new(department, a);
    Point::ALL.into_iter().map(|p| judge.measure(p)).collect()
}

/// Active managers without a one-to-one in the last `one_on_one_weeks`
/// weeks up to `as_of`; `None` while the department records none at all.
pub fn one_on_ones_overdue(department: &Department, as_of: NaiveDate) -> Option<Vec<String>> {
    if department.one_on_ones.is_empty() {
        return None;
    }
    let weeks = u64::from(department.config.thresholds.one_on_one_weeks);
    let from = as_of - Days::new(weeks * 7 - 1);
    Some(
        active_on(department, as_of)
            .into_iter()
            .filter(|id| {
                !department
                    .one_on_ones
                    .iter()
                    .any(|o| o.manager == *id && o.date >= from && o.date <= as_of)
            })
            .map(str::to_string)
            .collect(),
    )
}

/// The latest one-to-one per manager, for the one-to-ones page.
pub fn latest_one_on_one(department: &Department, manager: &str) -> Option<NaiveDate> {
    department
        .one_on_ones
        .iter()
        .filter(|o| o.manager == manager)
        .map(|o| o.date)
        .max()
}
