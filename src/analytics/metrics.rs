//! Sums and ratios of the weekly numbers (DESIGN.md, "Definitions").

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::WeekEntry;
use crate::content::config::Aggregate;

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
            t.custom.insert(key.as_str().to_string(), (value.0, 1));
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
    /// The plan divided over `weeks` weeks (a month's weekly plan).
    pub fn per_week(self, weeks: usize) -> Self {
        let n = weeks as f64;
        Self {
            revenue: self.revenue.map(|r| r / n),
            deals: self.deals.map(|d| d / n),
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
    /// Minutes to first contact (an addition to DESIGN.md's list; see the README).
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

/// A month's figures: the weekly ones summed, plus pace, forecast and growth.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MonthFigures {
    #[serde(flatten)]
    pub base: Figures,
    pub pace: Option<f64>,
    pub pace_deals: Option<f64>,
    pub forecast_revenue: Option<f64>,
    pub forecast_deals: Option<f64>,
    pub mom_growth: Option<f64>,
    pub mom_growth_deals: Option<f64>,
}

impl MonthFigures {
    /// `k` = weeks of the month with a file, `n` = weeks of the month;
    /// `previous` = the like-for-like figures of the month before, if any.
    pub fn new(
        t: &Totals,
        plan: PlanFigures,
        k: usize,
        n: usize,
        previous: Option<&Totals>,
    ) -> Self {
        let share = k as f64 / n as f64;
        let deals = t.deals as f64;
        let growth = |now: f64, before: f64| ratio(now, before).map(|r| r - 1.0);
        Self {
            base: Figures::new(t, plan),
            pace: plan.revenue.and_then(|p| ratio(t.revenue, p * share)),
            pace_deals: plan.deals.and_then(|p| ratio(deals, p * share)),
            forecast_revenue: (k > 0).then(|| t.revenue / k as f64 * n as f64),
            forecast_deals: (k > 0).then(|| deals / k as f64 * n as f64),
            mom_growth: previous.and_then(|p| growth(t.revenue, p.revenue)),
            mom_growth_deals: previous.and_then(|p| growth(deals, p.deals as f64)),
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

    #[test]
    fn month_pace_forecast_and_growth() {
        // 2 of 4 weeks with data, 300 000 of a 1 000 000 plan.
        let t = totals(0, 0, 0, 6, 300_000.0);
        let plan = PlanFigures {
            revenue: Some(1_000_000.0),
            deals: Some(20.0),
        };
        let prev = totals(0, 0, 0, 4, 250_000.0);
        let m = MonthFigures::new(&t, plan, 2, 4, Some(&prev));
        assert_eq!(m.base.attainment, Some(0.3));
        assert_eq!(m.pace, Some(0.6));
        assert_eq!(m.pace_deals, Some(0.6));
        assert_eq!(m.forecast_revenue, Some(600_000.0));
        assert_eq!(m.forecast_deals, Some(12.0));
        assert!((m.mom_growth.unwrap() - 0.2).abs() < 1e-12);
        assert_eq!(m.mom_growth_deals, Some(0.5));
    }

    #[test]
    fn growth_is_null_against_zero_or_nothing() {
        let t = totals(0, 0, 0, 1, 10.0);
        let zero = totals(0, 0, 0, 0, 0.0);
        let m = MonthFigures::new(&t, PlanFigures::default(), 1, 4, Some(&zero));
        assert_eq!(m.mom_growth, None);
        assert_eq!(m.mom_growth_deals, None);
        let m = MonthFigures::new(&t, PlanFigures::default(), 1, 4, None);
        assert_eq!(m.mom_growth, None);
        assert_eq!(m.pace, None, "a month without targets has no pace");
        assert_eq!(m.forecast_revenue, Some(40.0), "forecast needs no plan");
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
