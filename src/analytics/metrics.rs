//! Sums and ratios of the weekly numbers (DESIGN.md, "Definitions").

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::{Aggregate, WeekEntry};

/// `num / den`, or `None` when the denominator is zero: a ratio never becomes 0 or ∞.
/// (A tiny but non-zero denominator could still overflow to ∞: that is `None` too.)
pub fn ratio(num: f64, den: f64) -> Option<f64> {
    (den != 0.0).then(|| num / den).filter(|r| r.is_finite())
}

/// Additive weekly numbers of one manager, or summed over managers and weeks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub leads_received: u64,
    pub leads_processed: u64,
    pub leads_overnight: u64,
    pub calls: u64,
    pub meetings: u64,
    pub deals: u64,
    pub revenue: f64,
    /// Σ first_response_min × leads_received and Σ leads_received over entries that gave it.
    pub(crate) response_weighted: f64,
    pub(crate) response_leads: u64,
    pub(crate) response_entries: u64,
    pub(crate) response_sum: f64,
    /// Custom metric key → (sum, number of entries).
    pub(crate) custom: BTreeMap<String, (f64, u64)>,
    pub trainings: TrainingCounts,
}

/// How many times each training format was held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TrainingCounts {
    pub call_reviews: u64,
    pub case_reviews: u64,
    pub trainings: u64,
    pub roleplays: u64,
}

impl TrainingCounts {
    pub fn total(&self) -> u64 {
        self.call_reviews + self.case_reviews + self.trainings + self.roleplays
    }

    /// How many of the four formats were used at least once.
    pub fn formats_used(&self) -> u64 {
        [
            self.call_reviews,
            self.case_reviews,
            self.trainings,
            self.roleplays,
        ]
        .iter()
        .filter(|n| **n > 0)
        .count() as u64
    }
}

impl Totals {
    pub fn of(entry: &WeekEntry) -> Self {
        let mut t = Self {
            leads_received: entry.leads_received.0,
            leads_processed: entry.leads_processed.0,
            leads_overnight: entry.leads_overnight.0,
            calls: entry.calls.0,
            meetings: entry.meetings.0,
            deals: entry.deals.0,
            revenue: entry.revenue.0,
            ..Self::default()
        };
        if let Some(minutes) = entry.first_response_min {
            t.response_weighted = minutes.0 * entry.leads_received.0 as f64;
            t.response_leads = entry.leads_received.0;
            t.response_entries = 1;
            t.response_sum = minutes.0;
        }
        for (key, value) in &entry.custom {
            t.custom.insert(key.clone(), (value.0, 1));
        }
        if let Some(tr) = entry.trainings {
            t.trainings = TrainingCounts {
                call_reviews: tr.call_reviews.0,
                case_reviews: tr.case_reviews.0,
                trainings: tr.trainings.0,
                roleplays: tr.roleplays.0,
            };
        }
        t
    }

    pub fn add(&mut self, other: &Totals) {
        self.leads_received += other.leads_received;
        self.leads_processed += other.leads_processed;
        self.leads_overnight += other.leads_overnight;
        self.calls += other.calls;
        self.meetings += other.meetings;
        self.deals += other.deals;
        self.revenue += other.revenue;
        self.response_weighted += other.response_weighted;
        self.response_leads += other.response_leads;
        self.response_entries += other.response_entries;
        self.response_sum += other.response_sum;
        for (key, (sum, n)) in &other.custom {
            let slot = self.custom.entry(key.clone()).or_insert((0.0, 0));
            slot.0 += sum;
            slot.1 += n;
        }
        self.trainings.call_reviews += other.trainings.call_reviews;
        self.trainings.case_reviews += other.trainings.case_reviews;
        self.trainings.trainings += other.trainings.trainings;
        self.trainings.roleplays += other.trainings.roleplays;
    }

    pub fn sum<'a>(items: impl IntoIterator<Item = &'a Totals>) -> Totals {
        let mut total = Totals::default();
        for t in items {
            total.add(t);
        }
        total
    }

    /// Time to first response: weighted by leads received, so a manager with
    /// more leads counts more; the plain mean where no leads were received.
    pub fn first_response_min(&self) -> Option<f64> {
        ratio(self.response_weighted, self.response_leads as f64)
            .or_else(|| ratio(self.response_sum, self.response_entries as f64))
    }

    /// A custom metric per its declared aggregate.
    pub fn custom(&self, key: &str, aggregate: Aggregate) -> Option<f64> {
        let (sum, n) = *self.custom.get(key)?;
        match aggregate {
            Aggregate::Sum => Some(sum),
            Aggregate::Avg => ratio(sum, n as f64),
        }
    }
}

/// A plan in money and deals for some period; either part may be missing.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PlanFigures {
    pub revenue: Option<f64>,
    pub deals: Option<f64>,
}

impl PlanFigures {
    /// The two plans added, part by part, over those that have one.
    pub fn plus(self, other: Self) -> Self {
        let add = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => Some(a + b),
            (a, b) => a.or(b),
        };
        Self {
            revenue: add(self.revenue, other.revenue),
            deals: add(self.deals, other.deals),
        }
    }
}

/// The exported figures of a manager or the team for a week or month:
/// the sums, the plan and every ratio (`null` where a denominator is zero).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    pub leads_received: u64,
    pub leads_processed: u64,
    pub leads_overnight: u64,
    pub calls: u64,
    pub meetings: u64,
    pub deals: u64,
    pub revenue: f64,
    pub plan_revenue: Option<f64>,
    pub plan_deals: Option<f64>,
    pub processing_rate: Option<f64>,
    pub conv_lead_meeting: Option<f64>,
    pub conv_meeting_deal: Option<f64>,
    pub conv_lead_deal: Option<f64>,
    pub avg_deal: Option<f64>,
    pub attainment: Option<f64>,
    pub attainment_deals: Option<f64>,
    /// Minutes to first contact (an addition to DESIGN.md's list; see docs/numbers.md).
    pub first_response_min: Option<f64>,
}

impl Figures {
    pub fn new(t: &Totals, plan: PlanFigures) -> Self {
        let deals = t.deals as f64;
        Self {
            leads_received: t.leads_received,
            leads_processed: t.leads_processed,
            leads_overnight: t.leads_overnight,
            calls: t.calls,
            meetings: t.meetings,
            deals: t.deals,
            revenue: t.revenue,
            plan_revenue: plan.revenue,
            plan_deals: plan.deals,
            processing_rate: ratio(t.leads_processed as f64, t.leads_received as f64),
            conv_lead_meeting: ratio(t.meetings as f64, t.leads_processed as f64),
            conv_meeting_deal: ratio(deals, t.meetings as f64),
            conv_lead_deal: ratio(deals, t.leads_received as f64),
            avg_deal: ratio(t.revenue, deals),
            attainment: plan.revenue.and_then(|p| ratio(t.revenue, p)),
            attainment_deals: plan.deals.and_then(|p| ratio(deals, p)),
            first_response_min: t.first_response_min(),
        }
    }
}

/// A month's working days, for the team or one manager (the days on which
/// they are active).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MonthDays {
    /// wd(M): the month's working days.
    pub working_days: u32,
    /// e(M): working days up to `--as-of` that lie in a period with data.
    pub elapsed_working_days: u32,
    /// Working days after `--as-of` (0 for a closed month).
    pub days_left: u32,
}

/// The month before, as growth compares with it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Before {
    pub revenue: f64,
    pub deals: u64,
    /// Its working days with data.
    pub elapsed: u32,
}

/// A month's figures: the weekly ones summed, plus pace, forecast and growth.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MonthFigures {
    #[serde(flatten)]
    pub base: Figures,
    pub pace: Option<f64>,
    pub pace_deals: Option<f64>,
    pub forecast_revenue: Option<f64>,
    pub forecast_deals: Option<f64>,
    /// Change of the rate per working day with data against the month before.
    pub mom_growth: Option<f64>,
    pub mom_growth_deals: Option<f64>,
    /// Plain change of the totals, for a closed month.
    pub mom_change: Option<f64>,
    pub mom_change_deals: Option<f64>,
}

impl MonthFigures {
    /// `days` = the month's working days as the team or the manager has
    /// them; `open` = `--as-of` is within the month; `before` = the month
    /// before, if it has data.
    pub fn new(
        t: &Totals,
        plan: PlanFigures,
        days: MonthDays,
        open: bool,
        before: Option<Before>,
    ) -> Self {
        let deals = t.deals as f64;
        let (wd, e) = (
            f64::from(days.working_days),
            f64::from(days.elapsed_working_days),
        );
        // The plan of the working days elapsed; nothing when no day has.
        let to_date = |p: f64| (wd > 0.0).then(|| p * e / wd);
        let forecast = |x: f64| (open && e > 0.0).then(|| x / e * wd);
        let per_day = |x: f64, days: u32| ratio(x, f64::from(days));
        let growth = |now: Option<f64>, then: Option<f64>| {
            now.zip(then)
                .and_then(|(now, then)| ratio(now, then))
                .map(|r| r - 1.0)
        };
        Self {
            base: Figures::new(t, plan),
            pace: plan
                .revenue
                .and_then(to_date)
                .and_then(|p| ratio(t.revenue, p)),
            pace_deals: plan.deals.and_then(to_date).and_then(|p| ratio(deals, p)),
            forecast_revenue: forecast(t.revenue),
            forecast_deals: forecast(deals),
            mom_growth: before.and_then(|b| {
                growth(
                    per_day(t.revenue, days.elapsed_working_days),
                    per_day(b.revenue, b.elapsed),
                )
            }),
            mom_growth_deals: before.and_then(|b| {
                growth(
                    per_day(deals, days.elapsed_working_days),
                    per_day(b.deals as f64, b.elapsed),
                )
            }),
            mom_change: before
                .filter(|_| !open)
                .and_then(|b| growth(Some(t.revenue), Some(b.revenue))),
            mom_change_deals: before
                .filter(|_| !open)
                .and_then(|b| growth(Some(deals), Some(b.deals as f64))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_are_never_infinite() {
        assert_eq!(ratio(1.0, 0.0), None);
        assert_eq!(ratio(1e15, 1e-300), None);
        assert_eq!(ratio(1.0, 4.0), Some(0.25));
    }

    fn totals(received: u64, processed: u64, meetings: u64, deals: u64, revenue: f64) -> Totals {
        Totals {
            leads_received: received,
            leads_processed: processed,
            meetings,
            deals,
            revenue,
            ..Totals::default()
        }
    }

    #[test]
    fn ratios_by_definition() {
        let t = totals(40, 38, 10, 4, 200_000.0);
        let plan = PlanFigures {
            revenue: Some(250_000.0),
            deals: Some(5.0),
        };
        let f = Figures::new(&t, plan);
        assert_eq!(f.processing_rate, Some(38.0 / 40.0));
        assert_eq!(f.conv_lead_meeting, Some(10.0 / 38.0));
        assert_eq!(f.conv_meeting_deal, Some(0.4));
        assert_eq!(f.conv_lead_deal, Some(0.1));
        assert_eq!(f.avg_deal, Some(50_000.0));
        assert_eq!(f.attainment, Some(0.8));
        assert_eq!(f.attainment_deals, Some(0.8));
    }

    #[test]
    fn zero_denominators_give_null_not_zero() {
        let f = Figures::new(
            &totals(0, 0, 0, 0, 0.0),
            PlanFigures {
                revenue: Some(0.0),
                deals: None,
            },
        );
        assert_eq!(f.processing_rate, None);
        assert_eq!(f.conv_lead_meeting, None);
        assert_eq!(f.conv_meeting_deal, None);
        assert_eq!(f.conv_lead_deal, None);
        assert_eq!(f.avg_deal, None);
        assert_eq!(f.attainment, None, "a zero plan gives no attainment");
        assert_eq!(f.attainment_deals, None, "no plan gives no attainment");
    }

    #[test]
    fn ratios_may_exceed_one() {
        let f = Figures::new(&totals(10, 14, 3, 1, 1.0), PlanFigures::default());
        assert_eq!(f.processing_rate, Some(1.4));
    }

    #[test]
    fn team_ratio_is_ratio_of_sums_not_mean_of_ratios() {
        let a = totals(10, 10, 10, 1, 0.0); // 10 %
        let b = totals(10, 10, 30, 15, 0.0); // 50 %
        let f = Figures::new(&Totals::sum([&a, &b]), PlanFigures::default());
        assert_eq!(f.conv_meeting_deal, Some(16.0 / 40.0));
    }

    fn days(working_days: u32, elapsed_working_days: u32, days_left: u32) -> MonthDays {
        MonthDays {
            working_days,
            elapsed_working_days,
            days_left,
        }
    }

    #[test]
    fn month_pace_and_forecast_by_working_days() {
        // 8 of 20 working days elapsed, 300 000 of a 1 000 000 plan.
        let t = totals(0, 0, 0, 6, 300_000.0);
        let plan = PlanFigures {
            revenue: Some(1_000_000.0),
            deals: Some(20.0),
        };
        let m = MonthFigures::new(&t, plan, days(20, 8, 12), true, None);
        assert_eq!(m.base.attainment, Some(0.3));
        assert_eq!(m.pace, Some(0.75)); // 300 000 / 400 000
        assert_eq!(m.pace_deals, Some(0.75)); // 6 / 8
        assert_eq!(m.forecast_revenue, Some(750_000.0)); // 300 000 / 8 × 20
        assert_eq!(m.forecast_deals, Some(15.0));
        // Closed: no forecast, and pace over the whole month is attainment.
        let closed = MonthFigures::new(&t, plan, days(20, 20, 0), false, None);
        assert_eq!(closed.forecast_revenue, None);
        assert_eq!(closed.pace, Some(0.3));
    }

    #[test]
    fn growth_compares_rates_per_working_day() {
        // October: 23 working days, 2 300 000 (100 000 a day).
        // November: 19 working days, 2 090 000 (110 000 a day): +10 % per
        // day, though −9.1 % in total.
        let before = Before {
            revenue: 2_300_000.0,
            deals: 46,
            elapsed: 23,
        };
        let t = totals(0, 0, 0, 38, 2_090_000.0);
        let m = MonthFigures::new(
            &t,
            PlanFigures::default(),
            days(19, 19, 0),
            false,
            Some(before),
        );
        assert!((m.mom_growth.unwrap() - 0.10).abs() < 1e-12);
        assert!((m.mom_growth_deals.unwrap() - 0.0).abs() < 1e-12);
        assert!((m.mom_change.unwrap() - (2_090_000.0 / 2_300_000.0 - 1.0)).abs() < 1e-12);
        assert!((m.mom_change_deals.unwrap() - (38.0 / 46.0 - 1.0)).abs() < 1e-12);
        // Open, 5 days in: the growth is there, the plain change is not.
        let t = totals(0, 0, 0, 10, 550_000.0);
        let m = MonthFigures::new(
            &t,
            PlanFigures::default(),
            days(19, 5, 14),
            true,
            Some(before),
        );
        assert!((m.mom_growth.unwrap() - 0.10).abs() < 1e-12);
        assert_eq!(m.mom_change, None);
    }

    #[test]
    fn growth_is_null_against_zero_or_nothing() {
        let t = totals(0, 0, 0, 1, 10.0);
        let zero = Before {
            revenue: 0.0,
            deals: 0,
            elapsed: 5,
        };
        let m = MonthFigures::new(
            &t,
            PlanFigures::default(),
            days(20, 5, 15),
            true,
            Some(zero),
        );
        assert_eq!(m.mom_growth, None);
        assert_eq!(m.mom_growth_deals, None);
        let no_days = Before {
            revenue: 10.0,
            deals: 1,
            elapsed: 0,
        };
        let m = MonthFigures::new(
            &t,
            PlanFigures::default(),
            days(20, 5, 15),
            true,
            Some(no_days),
        );
        assert_eq!(m.mom_growth, None);
        let m = MonthFigures::new(&t, PlanFigures::default(), days(20, 5, 15), true, None);
        assert_eq!(m.mom_growth, None);
        assert_eq!(m.pace, None, "a month without targets has no pace");
        assert_eq!(m.forecast_revenue, Some(40.0), "forecast needs no plan");
        let m = MonthFigures::new(&t, PlanFigures::default(), days(20, 0, 20), true, None);
        assert_eq!(m.forecast_revenue, None, "no day elapsed, no run rate");
    }

    #[test]
    fn first_response_is_weighted_by_leads() {
        let mut a = totals(10, 10, 0, 0, 0.0);
        a.response_weighted = 10.0 * 10.0;
        a.response_leads = 10;
        a.response_entries = 1;
        a.response_sum = 10.0;
        let mut b = totals(30, 30, 0, 0, 0.0);
        b.response_weighted = 30.0 * 30.0;
        b.response_leads = 30;
        b.response_entries = 1;
        b.response_sum = 30.0;
        assert_eq!(Totals::sum([&a, &b]).first_response_min(), Some(25.0));
    }
}
