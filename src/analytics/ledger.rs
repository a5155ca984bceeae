//! The period files that count as of a day, with the working days and plan
//! shares every figure is measured in (DESIGN.md, "Definitions").

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::metrics::{PlanFigures, Totals};
use super::plan::MonthPlan;
use crate::calendar::{IsoWeek, Period, WorkCalendar, YearMonth};
use crate::domain::{Department, Team};

/// One manager's or the team's numbers in each period that has a file.
pub(crate) type PeriodTotals = BTreeMap<String, Totals>;

/// The period files that count, and what is needed to measure them.
pub(crate) struct Ledger<'a> {
    pub calendar: &'a WorkCalendar,
    team: &'a Team,
    pub as_of: NaiveDate,
    pub plans: &'a BTreeMap<YearMonth, MonthPlan>,
    /// Periods with a file, in order (by week, then month).
    pub periods: BTreeMap<Period, PeriodTotals>,
    /// Whether each day from `first_day` on is a working day: asked some
    /// hundred thousand times on a big department.
    first_day: NaiveDate,
    working: Vec<bool>,
    /// `before[i]`: working days among the first `i` days from `first_day`,
    /// so that a range's count is one subtraction (the feed computes the
    /// analytics a few dozen times, each asking for every period and manager).
    before: Vec<u32>,
}

impl<'a> Ledger<'a> {
    /// The period files of `content` whose first day is on or before
    /// `as_of`; a file whose period cannot be told (an error `check`
    /// reports) and the second file of a period are left out.
    pub fn new(
        department: &'a Department,
        plans: &'a BTreeMap<YearMonth, MonthPlan>,
        as_of: NaiveDate,
    ) -> Self {
        let calendar = &department.calendar;
        let mut periods = BTreeMap::new();
        for file in &department.weeks {
            if file.period.first > as_of {
                continue;
            }
            periods.entry(file.period).or_insert_with(|| {
                file.managers
                    .iter()
                    .map(|(id, e)| (id.clone(), Totals::of(e)))
                    .collect()
            });
        }
        // Every month with a period file or a plan, and the month of `as_of`.
        let months = periods
            .keys()
            .map(|p| p.month)
            .chain(plans.keys().copied())
            .chain([YearMonth::of(as_of)]);
        let (lo, hi) = months.fold(
            (YearMonth::of(as_of), YearMonth::of(as_of)),
            |(lo, hi), m| (lo.min(m), hi.max(m)),
        );
        let first_day = IsoWeek::of(lo.first_day()).monday();
        let last_day = IsoWeek::of(hi.last_day()).sunday();
        let working: Vec<bool> = first_day
            .iter_days()
            .take_while(|d| *d <= last_day)
            .map(|d| calendar.is_working(d))
            .collect();
        let before = std::iter::once(0)
            .chain(working.iter().scan(0, |n, w| {
                *n += u32::from(*w);
                Some(*n)
            }))
            .collect();
        Self {
            calendar,
            team: &department.team,
            as_of,
            plans,
            periods,
            first_day,
            working,
            before,
        }
    }

    /// Whether `day` is a working day of the department.
    pub fn is_working(&self, day: NaiveDate) -> bool {
        let offset = (day - self.first_day).num_days();
        usize::try_from(offset)
            .ok()
            .and_then(|i| self.working.get(i).copied())
            .unwrap_or_else(|| self.calendar.is_working(day))
    }

    /// The ISO weeks with at least one period file, in order.
    pub fn weeks(&self) -> Vec<IsoWeek> {
        let mut weeks: Vec<IsoWeek> = self.periods.keys().map(|p| p.week).collect();
        weeks.dedup();
        weeks
    }

    /// The months with at least one period file, in order.
    pub fn months(&self) -> Vec<YearMonth> {
        let mut months: Vec<YearMonth> = self.periods.keys().map(|p| p.month).collect();
        months.sort();
        months.dedup();
        months
    }

    /// The period files of `week`, in order.
    pub fn of_week(&self, week: IsoWeek) -> impl Iterator<Item = (&Period, &PeriodTotals)> {
        self.periods.range(week_range(week))
    }

    /// The period files of `month`, in order.
    pub fn of_month(&self, month: YearMonth) -> impl Iterator<Item = (&Period, &PeriodTotals)> {
        self.periods.iter().filter(move |(p, _)| p.month == month)
    }

    /// wd_m: working days from `first` to `last` on which `manager` (the
    /// team when `None`) is active.
    pub fn working_days(&self, manager: Option<&str>, first: NaiveDate, last: NaiveDate) -> u32 {
        // A manager is active on one run of days, from joining to leaving:
        // the range narrows to it (an id not in team.yaml is always active).
        let (mut first, mut last) = (first, last);
        if let Some(m) = manager.and_then(|id| self.team.get(id)) {
            first = first.max(m.joined);
            if let Some(left) = m.left {
                last = last.min(left);
            }
        }
        if first > last {
            return 0;
        }
        let index = |d: NaiveDate| usize::try_from((d - self.first_day).num_days()).ok();
        match (index(first), index(last)) {
            (Some(a), Some(b)) if b < self.working.len() => self.before[b + 1] - self.before[a],
            _ => first
                .iter_days()
                .take_while(|d| *d <= last)
                .filter(|d| self.is_working(*d))
                .count() as u32,
        }
    }

    /// The working days of a period that have been lived by `as_of`.
    pub fn elapsed(&self, manager: Option<&str>, period: Period) -> u32 {
        if period.first > self.as_of {
            return 0;
        }
        self.working_days(manager, period.first, period.last.min(self.as_of))
    }

    /// The plan of `manager` (the team when `None`) for one period: the
    /// month's plan spread over the month's working days on which they are
    /// active. `None` where the month has no plan for them or they have no
    /// working day in it.
    pub fn plan(&self, manager: Option<&str>, period: Period) -> PlanFigures {
        let Some(plan) = self.plans.get(&period.month) else {
            return PlanFigures::default();
        };
        let monthly = match manager {
            Some(id) => plan.manager(id),
            None => plan.team,
        };
        let month = period.month;
        let whole = self.working_days(manager, month.first_day(), month.last_day());
        if whole == 0 {
            return PlanFigures::default();
        }
        let part = self.working_days(manager, period.first, period.last);
        let share = |x: f64| x * f64::from(part) / f64::from(whole);
        PlanFigures {
            revenue: monthly.revenue.map(share),
            deals: monthly.deals.map(share),
        }
    }

    /// The plan of a week: the sum of its period files' plans, over those
    /// that have one.
    pub fn week_plan(&self, manager: Option<&str>, week: IsoWeek) -> PlanFigures {
        let mut total = PlanFigures::default();
        for (period, _) in self.of_week(week) {
            total = total.plus(self.plan(manager, *period));
        }
        total
    }
}

/// Every period of `week` sorts between these two.
fn week_range(week: IsoWeek) -> std::ops::RangeInclusive<Period> {
    let bound = |month: YearMonth, split: bool, day: NaiveDate| Period {
        week,
        month,
        split,
        first: day,
        last: day,
    };
    let (first, last) = (week.monday(), week.sunday());
    bound(YearMonth::of(first), false, NaiveDate::MIN)
        ..=bound(YearMonth::of(last), true, NaiveDate::MAX)
}
