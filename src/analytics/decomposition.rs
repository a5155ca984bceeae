//! Plan decomposition: how many deals, meetings and leads the rest of the
//! month still needs, at the conversions of the last eight weeks, in all
//! and per remaining working day.

use serde::Serialize;

use super::metrics::Totals;

/// What remains to reach the month's revenue plan. Every figure is `None`
/// where a ratio it needs is missing or zero.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Decomposition {
    /// Working days after `--as-of` (a manager's: those they are active on).
    pub days_left: u64,
    pub remaining_revenue: Option<f64>,
    pub deals: Option<u64>,
    pub meetings: Option<u64>,
    pub leads: Option<u64>,
    pub deals_per_day: Option<u64>,
    pub meetings_per_day: Option<u64>,
    pub leads_per_day: Option<u64>,
}

/// `x` rounded up, when it is a count at all: an absurd quotient (a tiny
/// average deal) is no figure, rather than `u64::MAX` deals.
fn whole(x: f64) -> Option<u64> {
    (x.is_finite() && x < 9.0e15).then(|| x.ceil() as u64)
}

/// `plan_revenue` and `revenue` of the month so far, `window` the sums of the
/// 8 weeks ending with the latest week with data, `days_left` > 0 the
/// working days still to come.
pub fn decompose(
    plan_revenue: Option<f64>,
    revenue: f64,
    window: &Totals,
    days_left: u64,
) -> Decomposition {
    // Dividing by a ratio a/b is multiplying by b/a: done in that order the
    // division is exact whenever the true result is whole, so ceil never
    // rounds 30.000000000000004 up to 31.
    let step = |need: Option<u64>, num: u64, den: u64| -> Option<u64> {
        (num > 0 && den > 0).then_some(())?;
        whole(need? as f64 * den as f64 / num as f64)
    };
    let remaining_revenue = plan_revenue.map(|plan| (plan - revenue).max(0.0));
    let deals = match remaining_revenue {
        Some(0.0) => Some(0),
        Some(r) if window.revenue > 0.0 && window.deals > 0 => {
            whole(r * window.deals as f64 / window.revenue)
        }
        Some(_) => None,
        None => None,
    };
    // meetings = deals / conv_meeting_deal, conv = deals_w / meetings_w.
    let meetings = step(deals, window.deals, window.meetings);
    // leads = meetings / conv_lead_meeting, conv = meetings_w / processed_w.
    let leads = step(meetings, window.meetings, window.leads_processed);
    let per_day = |n: Option<u64>| n.map(|n| n.div_ceil(days_left.max(1)));
    Decomposition {
        days_left,
        remaining_revenue,
        deals,
        meetings,
        leads,
        deals_per_day: per_day(deals),
        meetings_per_day: per_day(meetings),
        leads_per_day: per_day(leads),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(processed: u64, meetings: u64, deals: u64, revenue: f64) -> Totals {
        Totals {
            leads_processed: processed,
            meetings,
            deals,
            revenue,
            ..Totals::default()
        }
    }

    #[test]
    fn hand_computed_two_days_left() {
        // Plan 1 000 000, done 550 000 → 450 000 left.
        // 8 weeks: 400 processed, 100 meetings, 30 deals, 1 500 000 → avg 50 000,
        // meeting→deal 0.3, lead→meeting 0.25.
        let d = decompose(
            Some(1_000_000.0),
            550_000.0,
            &window(400, 100, 30, 1_500_000.0),
            2,
        );
        assert_eq!(d.remaining_revenue, Some(450_000.0));
        assert_eq!(d.deals, Some(9)); // 450 000 / 50 000
        assert_eq!(d.meetings, Some(30)); // 9 / 0.3
        assert_eq!(d.leads, Some(120)); // 30 / 0.25
        assert_eq!(d.days_left, 2);
        assert_eq!(d.deals_per_day, Some(5)); // ceil(9 / 2)
        assert_eq!(d.meetings_per_day, Some(15));
        assert_eq!(d.leads_per_day, Some(60));
    }

    #[test]
    fn rounding_up_carries_to_the_next_step() {
        // 100 000 left at avg 30 000 → 3.33 → 4 deals; 4 / 0.3 = 13.3 → 14 meetings.
        let d = decompose(Some(100_000.0), 0.0, &window(70, 10, 3, 90_000.0), 3);
        assert_eq!(d.deals, Some(4));
        assert_eq!(d.meetings, Some(14));
        assert_eq!(d.leads, Some(98)); // 14 / (10/70) = 98
        assert_eq!(d.deals_per_day, Some(2));
        assert_eq!(d.meetings_per_day, Some(5));
        assert_eq!(d.leads_per_day, Some(33));
    }

    #[test]
    fn plan_already_met_needs_nothing() {
        let d = decompose(Some(100.0), 150.0, &window(10, 5, 2, 150.0), 1);
        assert_eq!(d.remaining_revenue, Some(0.0));
        assert_eq!(d.deals, Some(0));
        assert_eq!(d.meetings, Some(0));
        assert_eq!(d.leads_per_day, Some(0));
    }

    #[test]
    fn missing_ratio_makes_the_chain_null() {
        // No deals in the window: no average deal, nothing can be derived.
        let d = decompose(Some(100.0), 0.0, &window(10, 5, 0, 0.0), 2);
        assert_eq!(d.remaining_revenue, Some(100.0));
        assert_eq!(d.deals, None);
        assert_eq!(d.meetings, None);
        assert_eq!(d.leads, None);
        // No plan: nothing remains to compute.
        let d = decompose(None, 0.0, &window(10, 5, 2, 10.0), 2);
        assert_eq!(
            d,
            Decomposition {
                days_left: 2,
                ..Decomposition::default()
            }
        );
        // No meetings in the window: deals known, meetings not.
        let d = decompose(Some(100.0), 0.0, &window(0, 0, 2, 100.0), 2);
        assert_eq!(d.deals, Some(2));
        assert_eq!(d.meetings, None);
    }
}
