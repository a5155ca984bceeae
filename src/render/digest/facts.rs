//! The adapter between the analytics and the digest: every figure the
//! digest says, read from [`Analytics`] in one place. When the time model
//! changes (working days instead of weeks), this file changes; the wording
//! and the formats do not.

use crate::render::route::Route;
use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::Period;
use crate::analytics::{Alert, Analytics};
use crate::audience::Audience;
use crate::calendar::{IsoWeek, YearMonth};
use crate::domain::{Assessment, Department, Idp, OneOnOne, PlanMetric, Week};
use crate::render::view::{self, Ctx};

/// What a digest is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Day(NaiveDate),
    Week(IsoWeek),
    Month(YearMonth),
}

/// The unit the rest of the month is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Week,
    WorkingDay,
}

/// What the rest of the month needs (the plan decomposition's team row).
#[derive(Debug, Clone, PartialEq)]
pub struct Remaining {
    pub left: u64,
    pub unit: Unit,
    pub revenue: Option<f64>,
    pub deals: Option<u64>,
    pub deals_per_unit: Option<u64>,
}

/// The current month as the dashboard shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthFacts {
    pub month: YearMonth,
    /// `--as-of` is after the month's last day.
    pub closed: bool,
    pub revenue: f64,
    pub plan_revenue: Option<f64>,
    pub attainment: Option<f64>,
    pub pace: Option<f64>,
    pub forecast: Option<f64>,
    pub deals: u64,
    pub plan_deals: Option<f64>,
    pub attainment_deals: Option<f64>,
    pub mom_growth: Option<f64>,
    pub mom_growth_deals: Option<f64>,
    /// What the growth compares with, as the site says it ("к окт. 2026").
    pub growth_against: String,
    pub remaining: Option<Remaining>,
}

/// One week's team figures against the week before.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekFacts {
    pub week: IsoWeek,
    pub revenue: f64,
    pub attainment: Option<f64>,
    pub deals: u64,
    /// The week before, when it has data: (week, revenue, deals).
    pub previous: Option<(IsoWeek, f64, u64)>,
    /// The month's pace now and before this week (same month only).
    pub pace: Option<f64>,
    pub pace_before: Option<f64>,
}

/// The day's stand-up and the one before it.
#[derive(Debug, Clone, PartialEq)]
pub struct StandupFacts {
    pub date: NaiveDate,
    pub duration_min: Option<u64>,
    pub limit: u64,
    pub video: bool,
    pub reported: usize,
    pub expected: usize,
    /// Requests for help made at this stand-up.
    pub requests: usize,
    /// The stand-up before: (date, minutes).
    pub previous: Option<(NaiveDate, Option<u64>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LaggingManagerFacts {
    pub id: String,
    pub name: String,
    pub attainment: Option<f64>,
    pub weeks: u32,
    pub threshold: f64,
    /// An open development plan: (title, due). Owner's digest only.
    pub idp: Option<(String, NaiveDate)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LaggingMetricFacts {
    /// `revenue` or `deals`.
    pub metric: PlanMetric,
    pub pace: f64,
    pub shortfall: f64,
    /// The head's word (owner's digest only): what is being done.
    pub actions: Option<String>,
    pub explained: bool,
}

/// Every figure of one digest.
#[derive(Debug, Clone)]
pub struct Facts {
    pub period: Period,
    pub subject: Subject,
    pub as_of: NaiveDate,
    pub audience: Audience,
    pub title: String,
    /// The site's absolute address (`https://…/`), when known.
    pub base_url: Option<String>,
    pub month: Option<MonthFacts>,
    pub week: Option<WeekFacts>,
    pub standup: Option<StandupFacts>,
    pub lagging_managers: Vec<LaggingManagerFacts>,
    pub lagging_metrics: Vec<LaggingMetricFacts>,
    /// Alerts raised since the previous period (by kind and subject).
    pub new_alerts: Vec<Alert>,
    /// The date the alerts are compared with.
    pub since: NaiveDate,
    /// The page the digest links to, relative to the site root.
    pub page: String,
    /// Every manager's name by id (alerts name them).
    pub names: BTreeMap<String, String>,
}

/// How far back stand-ups are kept in [`as_it_stood`]: the digest reads the
/// latest one, the alerts of the last 7 days and the day's requests.
const STANDUP_DAYS: u64 = 35;

/// The content as it stood on `date`, for the digest of an earlier day:
/// week files of weeks not yet begun, and stand-ups, plans, rounds and
/// one-to-ones dated after it, are left out (and stand-ups older than
/// five weeks, which no digest line reads). With the week-based analytics
/// a week file written ahead would otherwise count as of any date.
pub fn as_it_stood(department: &Department, date: NaiveDate) -> Department {
    let on = Stood::on(date);
    let mut stood = Department {
        config: department.config.clone(),
        calendar: department.calendar.clone(),
        team: department.team.clone(),
        targets: department.targets.clone(),
        weeks: keep(&department.weeks, |w| on.week(w)),
        standups: Vec::new(),
        idps: keep(&department.idps, |d| on.idp(d)),
        assessments: keep(&department.assessments, |d| on.assessment(d)),
        month_notes: department.month_notes.clone(),
        pages: Vec::new(),
        one_on_ones: keep(&department.one_on_ones, |d| on.one_on_one(d)),
        checklist: department.checklist.clone(),
        templates: Default::default(),
    };
    on.standups_from(department, &mut stood);
    stood
}

/// The items of `all` that `kept` keeps, copied.
fn keep<T: Clone>(all: &[T], kept: impl Fn(&T) -> bool) -> Vec<T> {
    all.iter().filter(|item| kept(item)).cloned().collect()
}

/// [`as_it_stood`] for an earlier `date`, made from `stood`, the department
/// as it stood on a later day: what was left out then stays out and the
/// rest is filtered again; only the stand-ups (whose window moved) are
/// copied anew from `department`. The feed reads a dozen days: copying the
/// weeks for each cost more than computing on them.
pub fn narrow(stood: &mut Department, department: &Department, date: NaiveDate) {
    let on = Stood::on(date);
    stood.weeks.retain(|d| on.week(d));
    stood.idps.retain(|d| on.idp(d));
    stood.assessments.retain(|d| on.assessment(d));
    stood.one_on_ones.retain(|d| on.one_on_one(d));
    on.standups_from(department, stood);
}

/// What of the department had been written by a day (see [`as_it_stood`]).
struct Stood {
    date: NaiveDate,
    /// The oldest stand-up kept.
    oldest: NaiveDate,
}

impl Stood {
    fn on(date: NaiveDate) -> Self {
        let oldest = date
            .checked_sub_days(Days::new(STANDUP_DAYS))
            .unwrap_or(date);
        Stood { date, oldest }
    }

    fn week(&self, w: &Week) -> bool {
        w.week().monday() <= self.date
    }

    fn idp(&self, d: &Idp) -> bool {
        d.opened <= self.date
    }

    fn assessment(&self, d: &Assessment) -> bool {
        d.date <= self.date
    }

    fn one_on_one(&self, d: &OneOnOne) -> bool {
        d.date <= self.date
    }

    fn standups_from(&self, department: &Department, stood: &mut Department) {
        stood.standups = keep(&department.standups, |d| {
            (self.oldest..=self.date).contains(&d.date)
        });
    }
}

/// The `--as-of` of the previous period: the day before, a week before, or
/// the last day of the month before the digest's month.
pub fn previous_as_of(period: Period, as_of: NaiveDate, a: &Analytics) -> NaiveDate {
    match period {
        Period::Day => as_of.checked_sub_days(Days::new(1)).unwrap_or(as_of),
        Period::Week => as_of.checked_sub_days(Days::new(7)).unwrap_or(as_of),
        Period::Month => {
            let month = a.current_month.unwrap_or_else(|| YearMonth::of(as_of));
            month.prev().last_day()
        }
    }
}

/// The figures of a digest for the audience's content and analytics, and
/// the analytics of the same content as of [`previous_as_of`].
pub fn gather(
    department: &Department,
    now: &Analytics,
    before: &Analytics,
    period: Period,
    audience: Audience,
    base_url: Option<&str>,
) -> Facts {
    let ctx = Ctx::new(department, now, audience);
    let month = month_facts(&ctx, now);
    let week = week_facts(now);
    let standup = standup_facts(department, now);
    let subject = match period {
        Period::Day => Subject::Day(standup.as_ref().map_or(now.as_of, |s| s.date)),
        Period::Week => Subject::Week(
            week.as_ref()
                .map_or_else(|| IsoWeek::of(now.as_of), |w| w.week),
        ),
        Period::Month => Subject::Month(
            month
                .as_ref()
                .map_or_else(|| YearMonth::of(now.as_of), |m| m.month),
        ),
    };
    let page = page(subject, now, standup.as_ref());
    Facts {
        period,
        subject,
        as_of: now.as_of,
        audience,
        title: department.config.title.clone(),
        base_url: absolute(base_url),
        month,
        week,
        standup,
        lagging_managers: lagging_managers(&ctx, department, now),
        lagging_metrics: lagging_metrics(department, now),
        new_alerts: new_alerts(&now.alerts, &before.alerts),
        since: before.as_of,
        page,
        names: department
            .team
            .managers
            .iter()
            .map(|m| (m.id.clone(), m.name.clone()))
            .collect(),
    }
}

/// The current month's team figures and what the rest of it needs.
fn month_facts(ctx: &Ctx, now: &Analytics) -> Option<MonthFacts> {
    let m = now.current_month.and_then(|m| now.month(m))?;
    let t = &m.team;
    Some(MonthFacts {
        month: m.month,
        closed: !m.is_open(),
        revenue: t.base.revenue,
        plan_revenue: t.base.plan_revenue,
        attainment: t.base.attainment,
        pace: t.pace,
        forecast: t.forecast_revenue,
        deals: t.base.deals,
        plan_deals: t.base.plan_deals,
        attainment_deals: t.base.attainment_deals,
        mom_growth: t.mom_growth,
        mom_growth_deals: t.mom_growth_deals,
        growth_against: view::growth_against(ctx, m),
        remaining: m.decomposition.as_ref().map(|d| Remaining {
            left: d.team.days_left,
            unit: Unit::WorkingDay,
            revenue: d.team.remaining_revenue,
            deals: d.team.deals,
            deals_per_unit: d.team.deals_per_day,
        }),
    })
}

/// The latest week with data that has begun by --as-of.
fn week_facts(now: &Analytics) -> Option<WeekFacts> {
    let w = now
        .weeks
        .iter()
        .rev()
        .find(|w| w.week.monday() <= now.as_of)?;
    // The month's pace as of this week is the month's pace only when the
    // week is the month's latest.
    let month = now
        .month(w.month())
        .filter(|m| m.weeks.last() == Some(&w.week));
    Some(WeekFacts {
        week: w.week,
        revenue: w.team.revenue,
        attainment: w.team.attainment,
        deals: w.team.deals,
        previous: now
            .week(w.week.prev())
            .map(|p| (p.week, p.team.revenue, p.team.deals)),
        pace: month.and_then(|m| m.team.pace),
        pace_before: month
            .and_then(|m| m.pace_before_latest)
            .map(|(pace, _)| pace),
    })
}

/// The latest stand-up by --as-of and the one before it.
fn standup_facts(department: &Department, now: &Analytics) -> Option<StandupFacts> {
    let standups: Vec<&crate::analytics::StandupStats> = now
        .standups
        .iter()
        .filter(|s| s.date <= now.as_of)
        .collect();
    standups.last().map(|s| StandupFacts {
        date: s.date,
        duration_min: s.duration_min,
        limit: u64::from(department.config.thresholds.standup_max_minutes),
        video: s.video,
        reported: s.reported,
        expected: s.expected.saturating_sub(s.absent),
        requests: now
            .requests
            .iter()
            .filter(|r| r.asked.contains(&s.date))
            .count(),
        previous: standups
            .len()
            .checked_sub(2)
            .map(|i| (standups[i].date, standups[i].duration_min)),
    })
}

/// Managers below their plan for weeks in a row, each with their latest
/// open development plan.
fn lagging_managers(
    ctx: &Ctx,
    department: &Department,
    now: &Analytics,
) -> Vec<LaggingManagerFacts> {
    now.lagging_managers
        .iter()
        .map(|l| LaggingManagerFacts {
            id: l.id.clone(),
            name: ctx.name(&l.id),
            attainment: l.attainment,
            weeks: l.weeks,
            threshold: department.config.thresholds.manager_lagging_pct,
            idp: department
                .idps
                .iter()
                .filter(|d| d.manager == l.id && d.status.is_open())
                .max_by_key(|d| d.opened)
                .map(|d| (d.title.clone(), d.due)),
        })
        .collect()
}

/// The team's plan metrics behind pace, with what the head says is done.
fn lagging_metrics(department: &Department, now: &Analytics) -> Vec<LaggingMetricFacts> {
    now.lagging_metrics
        .iter()
        .map(|l| {
            let explanation =
                crate::analytics::explanation(department, now.current_month, l.metric);
            LaggingMetricFacts {
                metric: l.metric,
                pace: l.pace,
                shortfall: l.shortfall,
                actions: explanation
                    .map(|e| e.actions.text())
                    .filter(|a| !a.is_empty()),
                explained: explanation.is_some(),
            }
        })
        .collect()
}

/// Alerts of `now` whose kind and subject `before` did not have (the
/// feed keeps only a day's alerts of the analytics it compares with).
pub fn new_alerts(now: &[Alert], before: &[Alert]) -> Vec<Alert> {
    let seen: Vec<(&str, String)> = before.iter().map(|a| (a.kind(), a.subject())).collect();
    now.iter()
        .filter(|a| !seen.contains(&(a.kind(), a.subject())))
        .cloned()
        .collect()
}

/// The page the digest links to: the subject's own page when the site has
/// one, else the dashboard.
fn page(subject: Subject, now: &Analytics, standup: Option<&StandupFacts>) -> String {
    match subject {
        Subject::Day(d) if standup.is_some_and(|s| s.date == d) => Route::Standup(d).path(),
        Subject::Day(_) => Route::Dashboard.path(),
        Subject::Week(w) if now.week(w).is_some() => Route::Week(w).path(),
        Subject::Month(m) if now.month(m).is_some() => Route::Month(m).path(),
        _ => Route::Dashboard.path(),
    }
}

/// The site's address with one trailing slash, when it is an http(s) one.
fn absolute(base_url: Option<&str>) -> Option<String> {
    base_url
        .filter(|b| b.starts_with("https://") || b.starts_with("http://"))
        .map(|b| format!("{}/", b.trim_end_matches('/')))
}
