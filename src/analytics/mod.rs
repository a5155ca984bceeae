//! The numbers: pure functions from typed content and `--as-of` to every
//! figure the site shows. No I/O, no clock, no strings for people.

use crate::domain::{Department, PlanMetric};

pub mod alerts;
pub mod checklist;
pub mod decomposition;
mod lagging;
mod ledger;
pub mod metrics;
mod months;
pub mod plan;
pub mod practice;
pub mod requests;
#[cfg(test)]
pub(crate) mod testkit;
mod weeks;

use std::collections::BTreeMap;

use chrono::NaiveDate;

pub use alerts::{Alert, AlertSeverity};
pub use decomposition::Decomposition;
pub use metrics::{Figures, MonthDays, MonthFigures, PlanFigures, Totals, TrainingCounts};
pub use plan::MonthPlan;
pub use practice::{GoalProgress, GoalState, IdpProgress, Round, StandupStats, StandupWeek};
pub use requests::{Request, RequestKind, Resolution};

use crate::calendar::{IsoWeek, Period, YearMonth};
use ledger::Ledger;

/// One ISO week with at least one period file: the team's and each present
/// manager's figures, its periods added up.
#[derive(Debug, Clone)]
pub struct WeekStats {
    pub week: IsoWeek,
    /// The months of its period files.
    pub months: Vec<YearMonth>,
    /// Its period files' figures, in order (two for a split week with both parts).
    pub periods: Vec<PeriodStats>,
    /// Working days of all seven days of the week.
    pub working_days: u32,
    /// Its last working day, if it has one.
    pub last_working_day: Option<NaiveDate>,
    pub team: Figures,
    pub managers: BTreeMap<String, Figures>,
    pub team_totals: Totals,
    pub manager_totals: BTreeMap<String, Totals>,
    /// The week's plan of every manager planned in one of its months, and
    /// of every manager with an entry (an empty plan where they have none).
    pub manager_plans: BTreeMap<String, PlanFigures>,
}

impl WeekStats {
    /// The month the week's figures are shown under: its latest part's.
    pub fn month(&self) -> YearMonth {
        *self.months.last().expect("a week has a period file")
    }

    pub fn last_working_day(&self) -> Option<NaiveDate> {
        self.last_working_day
    }
}

/// One period file's figures: a whole week, or a split week's part in one month.
#[derive(Debug, Clone)]
pub struct PeriodStats {
    pub period: Period,
    pub working_days: u32,
    pub team: Figures,
    pub managers: BTreeMap<String, Figures>,
    pub team_totals: Totals,
    pub manager_totals: BTreeMap<String, Totals>,
}

/// Whether `--as-of` is within the month or after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MonthStatus {
    Open,
    Closed,
}

/// A manager's month: their figures measured in their own working days.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ManagerMonth {
    #[serde(flatten)]
    pub figures: MonthFigures,
    #[serde(flatten)]
    pub days: MonthDays,
}

/// The month before, as the comparisons on a month's page show it.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviousMonth {
    pub month: YearMonth,
    pub totals: Totals,
    pub days: MonthDays,
}

/// One calendar month with at least one period file.
#[derive(Debug, Clone)]
pub struct MonthStats {
    pub month: YearMonth,
    /// The ISO weeks with a period file in this month.
    pub weeks: Vec<IsoWeek>,
    /// The month's periods that have a file.
    pub periods: Vec<Period>,
    /// Periods with working days up to `--as-of` that have no file.
    pub missing: Vec<Period>,
    pub status: MonthStatus,
    /// Every period of the month with a working day has a file.
    pub complete: bool,
    pub days: MonthDays,
    pub has_plan: bool,
    pub team: MonthFigures,
    pub managers: BTreeMap<String, ManagerMonth>,
    pub team_totals: Totals,
    pub manager_totals: BTreeMap<String, Totals>,
    /// The calendar month before, when it has data.
    pub previous: Option<PreviousMonth>,
    /// Team revenue pace without the latest period, and that period.
    pub pace_before_latest: Option<(f64, Period)>,
    /// For the current month only, and only while working days remain.
    pub decomposition: Option<MonthDecomposition>,
}

impl MonthStats {
    pub fn is_open(&self) -> bool {
        self.status == MonthStatus::Open
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MonthDecomposition {
    pub team: Decomposition,
    /// `None` for a manager with no working day left.
    pub managers: BTreeMap<String, Option<Decomposition>>,
}

/// A manager below the lagging threshold for enough weeks in a row.
#[derive(Debug, Clone, PartialEq)]
pub struct LaggingManager {
    pub id: String,
    /// The week judged: the latest with data that has been lived through.
    pub week: IsoWeek,
    /// Weeks with a plan in a row below the threshold, ending at `week`.
    pub weeks: u32,
    pub attainment: Option<f64>,
}

/// A team metric of the current month whose pace is below the threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct LaggingMetric {
    pub metric: PlanMetric,
    pub pace: f64,
    pub actual: f64,
    pub plan: f64,
    /// The plan of the working days elapsed minus actual: how far behind.
    pub shortfall: f64,
}

/// The numbers of every period, and what the stand-ups, requests and
/// assessments add up to: everything that is counted rather than judged.
#[derive(Debug, Clone)]
pub struct Periods {
    pub as_of: NaiveDate,
    pub weeks: Vec<WeekStats>,
    pub months: Vec<MonthStats>,
    pub plans: BTreeMap<YearMonth, MonthPlan>,
    pub current_month: Option<YearMonth>,
    pub latest_week: Option<IsoWeek>,
    pub standups: Vec<StandupStats>,
    pub standup_weeks: Vec<StandupWeek>,
    /// Help requests from stand-ups, open and resolved, oldest first.
    pub requests: Vec<Request>,
    /// Assessment rounds, oldest first.
    pub rounds: Vec<Round>,
}

impl Periods {
    pub fn week(&self, week: IsoWeek) -> Option<&WeekStats> {
        self.weeks
            .binary_search_by(|w| w.week.cmp(&week))
            .ok()
            .map(|i| &self.weeks[i])
    }

    pub fn month(&self, month: YearMonth) -> Option<&MonthStats> {
        self.months
            .binary_search_by(|m| m.month.cmp(&month))
            .ok()
            .map(|i| &self.months[i])
    }

    /// Weeks with a plan in a row, ending at `week`, in which `manager`'s
    /// attainment was below `pct` % (weeks without a plan are skipped; a
    /// planned week without their entry ends the run).
    pub fn lagging_streak(&self, manager: &str, week: IsoWeek, pct: f64) -> u32 {
        lagging::streak(self, manager, week, pct)
    }
}

/// What is judged from the periods before the alerts and the control
/// points, which are judged from it in turn.
pub struct Judged<'a> {
    pub periods: &'a Periods,
    pub lagging_managers: &'a [LaggingManager],
    pub lagging_metrics: &'a [LaggingMetric],
    /// Development plans, open first.
    pub idps: &'a [IdpProgress],
}

impl std::ops::Deref for Judged<'_> {
    type Target = Periods;
    fn deref(&self) -> &Periods {
        self.periods
    }
}

/// Every computed number of the site: the periods' numbers (reached through
/// `Deref`, as `analytics.weeks`) and what is judged from them. Built once,
/// by [`compute`], in the order one judgement needs another.
#[derive(Debug, Clone)]
pub struct Analytics {
    pub periods: Periods,
    pub lagging_managers: Vec<LaggingManager>,
    pub lagging_metrics: Vec<LaggingMetric>,
    /// Development plans, open first.
    pub idps: Vec<IdpProgress>,
    pub alerts: Vec<Alert>,
    /// The control points in DESIGN.md's order.
    pub checklist: Vec<checklist::ControlPoint>,
}

impl std::ops::Deref for Analytics {
    type Target = Periods;
    fn deref(&self) -> &Periods {
        &self.periods
    }
}

/// Computes everything from validated content, as of a date.
pub fn compute(department: &Department, as_of: NaiveDate) -> Analytics {
    let periods = periods(department, as_of);
    let lagging_managers = lagging::managers(&periods, department);
    let lagging_metrics = lagging::metrics(&periods, department);
    let idps = practice::idps(department, &periods);
    let judged = Judged {
        periods: &periods,
        lagging_managers: &lagging_managers,
        lagging_metrics: &lagging_metrics,
        idps: &idps,
    };
    let alerts = raise_alerts(&judged, department);
    let checklist = checklist::measure(department, &judged);
    Analytics {
        periods,
        lagging_managers,
        lagging_metrics,
        idps,
        alerts,
        checklist,
    }
}

/// The weeks and months from the ledger of every period file, and the
/// practice's counts.
fn periods(department: &Department, as_of: NaiveDate) -> Periods {
    // The numbers of the period files and the practice's counts read
    // different files: computed side by side.
    let (numbers, practice) = rayon::join(
        || PeriodNumbers::of(department, as_of),
        || PracticeCounts::of(department, as_of),
    );
    Periods {
        as_of,
        weeks: numbers.weeks,
        months: numbers.months,
        current_month: numbers.current_month,
        latest_week: numbers.latest_week,
        standups: practice.standups,
        standup_weeks: practice.standup_weeks,
        requests: practice.requests,
        rounds: practice.rounds,
        plans: numbers.plans,
    }
}

/// The weeks and months from the ledger of every period file.
struct PeriodNumbers {
    weeks: Vec<WeekStats>,
    months: Vec<MonthStats>,
    current_month: Option<YearMonth>,
    latest_week: Option<IsoWeek>,
    plans: BTreeMap<YearMonth, MonthPlan>,
}

impl PeriodNumbers {
    fn of(department: &Department, as_of: NaiveDate) -> Self {
        let plans = plan::monthly(&department.targets);
        let ledger = Ledger::new(department, &plans, as_of);
        let weeks = weeks::stats(&ledger);
        let latest_week = weeks.last().map(|w| w.week);
        let current_month = ledger
            .months()
            .last()
            .map(|latest| (*latest).min(YearMonth::of(as_of)));
        let months = months::stats(&ledger, current_month);
        drop(ledger);
        Self {
            weeks,
            months,
            current_month,
            latest_week,
            plans,
        }
    }
}

/// The practice's counts: stand-ups by day and week, requests, rounds.
struct PracticeCounts {
    standups: Vec<StandupStats>,
    standup_weeks: Vec<StandupWeek>,
    requests: Vec<Request>,
    rounds: Vec<Round>,
}

impl PracticeCounts {
    fn of(department: &Department, as_of: NaiveDate) -> Self {
        let standups = practice::standups(department);
        let standup_weeks = practice::standup_weeks(&standups);
        Self {
            standups,
            standup_weeks,
            requests: requests::ledger(&department.standups, as_of).requests,
            rounds: practice::rounds(department),
        }
    }
}

fn raise_alerts(a: &Judged, department: &Department) -> Vec<Alert> {
    let threshold_pct = department.config.thresholds.manager_lagging_pct;
    let mut alerts = Vec::new();
    for m in a.lagging_managers {
        let has_plan = a
            .idps
            .iter()
            .any(|p| p.manager == m.id && p.status.is_open());
        if !has_plan {
            alerts.push(Alert::ManagerLaggingWithoutIdp {
                manager: m.id.clone(),
                weeks: m.weeks,
                attainment: m.attainment,
                threshold_pct,
            });
        }
    }
    for m in a.lagging_metrics {
        if explanation(department, a.current_month, m.metric).is_none() {
            alerts.push(Alert::TeamMetricUnexplained {
                metric: m.metric,
                pace: m.pace,
            });
        }
    }
    if let Some(latest) = a.latest_week.and_then(|w| a.week(w)) {
        for (id, f) in &latest.managers {
            if f.leads_overnight > 0 {
                alerts.push(Alert::LeadsOvernight {
                    manager: id.clone(),
                    week: latest.week,
                    count: f.leads_overnight,
                });
            }
        }
    }
    let limit = u64::from(department.config.thresholds.standup_max_minutes);
    for s in practice::last_week(&a.standups, a.as_of) {
        if let Some(minutes) = s.duration_min.filter(|_| s.over_limit) {
            alerts.push(Alert::StandupTooLong {
                date: s.date,
                minutes,
                limit,
            });
        }
        if !s.video {
            alerts.push(Alert::StandupWithoutVideo { date: s.date });
        }
        if !s.missing.is_empty() {
            alerts.push(Alert::StandupMissingReports {
                date: s.date,
                managers: s.missing.clone(),
            });
        }
    }
    for manager in checklist::one_on_ones_overdue(department, a.as_of).unwrap_or_default() {
        let last = checklist::latest_one_on_one(department, &manager);
        alerts.push(Alert::OneOnOneOverdue { manager, last });
    }
    for p in a.idps.iter().filter(|p| p.overdue) {
        alerts.push(Alert::IdpOverdue {
            slug: p.slug.clone(),
            manager: p.manager.clone(),
            due: p.due,
        });
    }
    alerts::sort(&mut alerts);
    alerts
}

/// The head's explanation of a lagging metric in a month's note, if written.
pub fn explanation(
    department: &Department,
    month: Option<YearMonth>,
    metric: PlanMetric,
) -> Option<&crate::domain::Explanation> {
    let month = month?;
    department
        .month_notes
        .iter()
        .find(|n| n.month == month)
        .and_then(|n| n.explanations.get(metric.name()))
        .filter(|e| !e.reason.trim().is_empty())
}

#[cfg(test)]
mod tests;
