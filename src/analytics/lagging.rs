//! Who and what lags: managers below their weekly plan for weeks in a row,
//! and team metrics of the current month below their pace.

use super::{LaggingManager, LaggingMetric, Periods};
use crate::calendar::IsoWeek;
use crate::domain::{Department, PlanMetric};

/// Weeks with a plan in a row, ending at `week`, in which `manager`'s
/// attainment was below `pct` %. A week whose plan is 0 or missing (no
/// working day, not yet joined, no file) is skipped; a planned week without
/// their entry has no attainment and ends the run.
pub(super) fn streak(a: &Periods, manager: &str, week: IsoWeek, pct: f64) -> u32 {
    let Some(first) = a.weeks.first().map(|w| w.week) else {
        return 0;
    };
    let mut count = 0;
    let mut w = week;
    while w >= first {
        let stats = a.week(w);
        let plan = stats
            .and_then(|s| s.manager_plans.get(manager))
            .and_then(|p| p.revenue)
            .filter(|p| *p > 0.0);
        if plan.is_some() {
            let attainment = stats
                .and_then(|s| s.managers.get(manager))
                .and_then(|f| f.attainment);
            match attainment {
                Some(x) if x < pct / 100.0 => count += 1,
                _ => return count,
            }
        }
        w = w.prev();
    }
    count
}

/// The week lagging is judged at: the latest with data whose working days
/// have all been lived by `--as-of` (a week in progress is measured against
/// its whole plan, so it is not judged).
pub(super) fn judged_week(a: &Periods) -> Option<IsoWeek> {
    a.weeks
        .iter()
        .rev()
        .find(|w| w.last_working_day().is_none_or(|d| d <= a.as_of))
        .map(|w| w.week)
}

pub(super) fn managers(a: &Periods, department: &Department) -> Vec<LaggingManager> {
    let thresholds = &department.config.thresholds;
    let need = thresholds.manager_lagging_weeks.max(1);
    let Some(judged) = judged_week(a).and_then(|w| a.week(w)) else {
        return Vec::new();
    };
    judged
        .managers
        .iter()
        .filter_map(|(id, f)| {
            let weeks = streak(a, id, judged.week, thresholds.manager_lagging_pct);
            (weeks >= need).then(|| LaggingManager {
                id: id.clone(),
                week: judged.week,
                weeks,
                attainment: f.attainment,
            })
        })
        .collect()
}

pub(super) fn metrics(a: &Periods, department: &Department) -> Vec<LaggingMetric> {
    let Some(month) = a.current_month.and_then(|m| a.month(m)) else {
        return Vec::new();
    };
    let limit = department.config.thresholds.team_lagging_pct / 100.0;
    let days = month.days;
    let share = f64::from(days.elapsed_working_days) / f64::from(days.working_days.max(1));
    let t = &month.team;
    let candidates = [
        (
            PlanMetric::Revenue,
            t.pace,
            t.base.revenue,
            t.base.plan_revenue,
        ),
        (
            PlanMetric::Deals,
            t.pace_deals,
            t.base.deals as f64,
            t.base.plan_deals,
        ),
    ];
    candidates
        .into_iter()
        .filter_map(|(metric, pace, actual, plan)| {
            let (pace, plan) = (pace?, plan?);
            (pace < limit).then_some(LaggingMetric {
                metric,
                pace,
                actual,
                plan,
                shortfall: plan * share - actual,
            })
        })
        .collect()
}
