//! A calendar month's figures: the sums of its periods, measured in its
//! working days (pace, forecast, growth), and the current month's
//! decomposition.

use std::collections::BTreeMap;

use super::decomposition;
use super::ledger::{Ledger, PeriodTotals};
use super::metrics::{Before, MonthDays, MonthFigures, PlanFigures, Totals, ratio};
use super::{ManagerMonth, MonthDecomposition, MonthStats, MonthStatus, PreviousMonth};
use crate::calendar::{IsoWeek, Period, YearMonth};

/// Every month with at least one period file, in order; the decomposition
/// on `current` while it has working days left.
pub(super) fn stats(ledger: &Ledger, current: Option<YearMonth>) -> Vec<MonthStats> {
    let mut months: Vec<MonthStats> = Vec::new();
    for month in ledger.months() {
        let previous = months.last().filter(|m| m.month == month.prev());
        let mut stats = one(ledger, month, previous);
        if Some(month) == current {
            stats.decomposition = decompose(ledger, &stats);
        }
        months.push(stats);
    }
    months
}

/// The days of `month` as `manager` (the team when `None`) has them.
fn days(ledger: &Ledger, manager: Option<&str>, month: YearMonth, mine: &[Period]) -> MonthDays {
    let open = ledger.as_of <= month.last_day();
    let after = ledger
        .as_of
        .succ_opt()
        .expect("as-of is a real day")
        .max(month.first_day());
    MonthDays {
        working_days: ledger.working_days(manager, month.first_day(), month.last_day()),
        elapsed_working_days: mine.iter().map(|p| ledger.elapsed(manager, *p)).sum(),
        days_left: if open {
            ledger.working_days(manager, after, month.last_day())
        } else {
            0
        },
    }
}

fn one(ledger: &Ledger, month: YearMonth, previous: Option<&MonthStats>) -> MonthStats {
    let files: Vec<(&Period, &PeriodTotals)> = ledger.of_month(month).collect();
    let periods: Vec<Period> = files.iter().map(|(p, _)| **p).collect();
    let mut manager_totals: BTreeMap<String, Totals> = BTreeMap::new();
    let mut manager_periods: BTreeMap<&str, Vec<Period>> = BTreeMap::new();
    for (period, managers) in &files {
        for (id, t) in *managers {
            manager_totals.entry(id.clone()).or_default().add(t);
            manager_periods.entry(id).or_default().push(**period);
        }
    }
    let team_totals = Totals::sum(manager_totals.values());
    let status = if ledger.as_of > month.last_day() {
        MonthStatus::Closed
    } else {
        MonthStatus::Open
    };
    let open = status == MonthStatus::Open;
    let all = ledger.calendar.periods_of_month(month);
    let worked = |p: &&Period| ledger.working_days(None, p.first, p.last) > 0;
    let complete = all.iter().filter(worked).all(|p| periods.contains(p));
    let missing = all
        .iter()
        .filter(worked)
        .filter(|p| p.first <= ledger.as_of && !periods.contains(p))
        .copied()
        .collect();
    let plan = ledger.plans.get(&month);
    let team_days = days(ledger, None, month, &periods);
    let before = |totals: &Totals, elapsed: u32| Before {
        revenue: totals.revenue,
        deals: totals.deals,
        elapsed,
    };
    let team = MonthFigures::new(
        &team_totals,
        plan.map(|p| p.team).unwrap_or_default(),
        team_days,
        open,
        previous.map(|p| before(&p.team_totals, p.days.elapsed_working_days)),
    );
    let managers = manager_totals
        .iter()
        .map(|(id, t)| {
            let days = days(ledger, Some(id), month, &manager_periods[id.as_str()]);
            let earlier = previous.and_then(|p| {
                let totals = p.manager_totals.get(id)?;
                Some(before(totals, p.managers[id].days.elapsed_working_days))
            });
            let plan = plan.map(|p| p.manager(id)).unwrap_or_default();
            let figures = MonthFigures::new(t, plan, days, open, earlier);
            (id.clone(), ManagerMonth { figures, days })
        })
        .collect();
    MonthStats {
        month,
        weeks: dedup_weeks(&periods),
        pace_before_latest: pace_before_latest(ledger, &files, &team_totals, plan, team_days),
        periods,
        missing,
        status,
        complete,
        days: team_days,
        has_plan: plan.is_some(),
        team,
        managers,
        team_totals,
        manager_totals,
        previous: previous.map(|p| PreviousMonth {
            month: p.month,
            totals: p.team_totals.clone(),
            days: p.days,
        }),
        decomposition: None,
    }
}

fn dedup_weeks(periods: &[Period]) -> Vec<IsoWeek> {
    let mut weeks: Vec<IsoWeek> = periods.iter().map(|p| p.week).collect();
    weeks.dedup();
    weeks
}

/// The team's revenue pace as it stood before the latest period's numbers.
fn pace_before_latest(
    ledger: &Ledger,
    files: &[(&Period, &PeriodTotals)],
    totals: &Totals,
    plan: Option<&super::MonthPlan>,
    days: MonthDays,
) -> Option<(f64, Period)> {
    let ((latest, numbers), earlier) = files.split_last()?;
    if earlier.is_empty() {
        return None;
    }
    let revenue = totals.revenue - Totals::sum(numbers.values()).revenue;
    let elapsed = days.elapsed_working_days - ledger.elapsed(None, **latest);
    let plan = plan?.team.revenue?;
    let to_date = plan * f64::from(elapsed) / f64::from(days.working_days.max(1));
    ratio(revenue, to_date).map(|pace| (pace, **latest))
}

/// The decomposition of `month`, or `None` when it has no working day left.
fn decompose(ledger: &Ledger, month: &MonthStats) -> Option<MonthDecomposition> {
    if month.days.days_left == 0 {
        return None;
    }
    // The 8 weeks ending with the latest week with data in or before the month.
    let end = ledger
        .periods
        .keys()
        .rev()
        .find(|p| p.month <= month.month)?
        .week;
    let window: Vec<&PeriodTotals> = end
        .window_ending(8)
        .into_iter()
        .flat_map(|w| ledger.of_week(w).map(|(_, t)| t))
        .collect();
    let window_sum = |id: Option<&str>| {
        Totals::sum(window.iter().flat_map(|m| match id {
            Some(id) => m.get(id).into_iter().collect::<Vec<_>>(),
            None => m.values().collect(),
        }))
    };
    let plan = |id: Option<&str>| -> PlanFigures {
        let Some(plan) = ledger.plans.get(&month.month) else {
            return PlanFigures::default();
        };
        id.map_or(plan.team, |id| plan.manager(id))
    };
    let team = decomposition::decompose(
        plan(None).revenue,
        month.team.base.revenue,
        &window_sum(None),
        u64::from(month.days.days_left),
    );
    let managers = month
        .managers
        .iter()
        .map(|(id, m)| {
            let left = u64::from(m.days.days_left);
            let d = (left > 0).then(|| {
                decomposition::decompose(
                    plan(Some(id)).revenue,
                    m.figures.base.revenue,
                    &window_sum(Some(id)),
                    left,
                )
            });
            (id.clone(), d)
        })
        .collect();
    Some(MonthDecomposition { team, managers })
}
