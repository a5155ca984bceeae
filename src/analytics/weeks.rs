//! A week's figures: the sums of its period files, against the sum of their
//! plans.

use std::collections::BTreeMap;

use super::ledger::Ledger;
use super::ledger::PeriodTotals;
use super::metrics::{Figures, PlanFigures, Totals};
use super::{PeriodStats, WeekStats};
use crate::calendar::{Period, YearMonth};

/// Every ISO week with at least one period file, in order.
pub(super) fn stats(ledger: &Ledger) -> Vec<WeekStats> {
    ledger
        .weeks()
        .into_iter()
        .map(|week| {
            let mut periods = Vec::new();
            let mut months: Vec<YearMonth> = Vec::new();
            let mut manager_totals: BTreeMap<String, Totals> = BTreeMap::new();
            for (period, managers) in ledger.of_week(week) {
                periods.push(period_stats(ledger, *period, managers));
                if !months.contains(&period.month) {
                    months.push(period.month);
                }
                for (id, t) in managers {
                    manager_totals.entry(id.clone()).or_default().add(t);
                }
            }
            let team_totals = Totals::sum(manager_totals.values());
            // Every manager planned in one of the week's months, entry or not:
            // lagging needs the plan of a week they wrote nothing for.
            let manager_plans: BTreeMap<String, PlanFigures> = months
                .iter()
                .filter_map(|m| ledger.plans.get(m))
                .flat_map(|plan| plan.managers.keys())
                .chain(manager_totals.keys())
                .map(|id| (id.clone(), ledger.week_plan(Some(id), week)))
                .collect();
            WeekStats {
                week,
                working_days: ledger.working_days(None, week.monday(), week.sunday()),
                last_working_day: week.days().filter(|d| ledger.is_working(*d)).last(),
                team: Figures::new(&team_totals, ledger.week_plan(None, week)),
                managers: manager_totals
                    .iter()
                    .map(|(id, t)| (id.clone(), Figures::new(t, manager_plans[id])))
                    .collect(),
                months,
                periods,
                team_totals,
                manager_totals,
                manager_plans,
            }
        })
        .collect()
}

fn period_stats(ledger: &Ledger, period: Period, managers: &PeriodTotals) -> PeriodStats {
    let team_totals = Totals::sum(managers.values());
    PeriodStats {
        period,
        working_days: ledger.working_days(None, period.first, period.last),
        team: Figures::new(&team_totals, ledger.plan(None, period)),
        managers: managers
            .iter()
            .map(|(id, t)| (id.clone(), Figures::new(t, ledger.plan(Some(id), period))))
            .collect(),
        team_totals,
        manager_totals: managers.clone(),
    }
}
