//! The names of the numbers a content file can refer to: a month note
//! explains a lagging plan metric, a development plan's goal measures a
//! ratio. Written in files as `revenue`, `conv_meeting_deal`, …; here
//! they are enums, so a new one makes the compiler list every place that
//! must handle it (its words in `locale`, its value in `analytics`).

use serde::Serialize;

/// A metric of the monthly plan: what can lag behind it and be explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanMetric {
    Revenue,
    Deals,
}

impl PlanMetric {
    pub const ALL: [PlanMetric; 2] = [PlanMetric::Revenue, PlanMetric::Deals];

    /// The name files use.
    pub fn name(self) -> &'static str {
        match self {
            PlanMetric::Revenue => "revenue",
            PlanMetric::Deals => "deals",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// A ratio a development plan's goal can measure (DESIGN.md's names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ratio {
    ProcessingRate,
    ConvLeadMeeting,
    ConvMeetingDeal,
    ConvLeadDeal,
    AvgDeal,
    Attainment,
    AttainmentDeals,
}

impl Ratio {
    pub const ALL: [Ratio; 7] = [
        Ratio::ProcessingRate,
        Ratio::ConvLeadMeeting,
        Ratio::ConvMeetingDeal,
        Ratio::ConvLeadDeal,
        Ratio::AvgDeal,
        Ratio::Attainment,
        Ratio::AttainmentDeals,
    ];

    /// The name files use.
    pub fn name(self) -> &'static str {
        match self {
            Ratio::ProcessingRate => "processing_rate",
            Ratio::ConvLeadMeeting => "conv_lead_meeting",
            Ratio::ConvMeetingDeal => "conv_meeting_deal",
            Ratio::ConvLeadDeal => "conv_lead_deal",
            Ratio::AvgDeal => "avg_deal",
            Ratio::Attainment => "attainment",
            Ratio::AttainmentDeals => "attainment_deals",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.name() == name)
    }

    /// The largest target that is plausibly meant as written: a conversion
    /// above 100 % is a percentage typed as a whole number (35 for 0.35);
    /// a plan may be overshot, so attainment gets up to 200 %. None for
    /// money, which has no natural ceiling.
    pub fn plausible_max(self) -> Option<f64> {
        match self {
            Ratio::AvgDeal => None,
            Ratio::Attainment | Ratio::AttainmentDeals => Some(2.0),
            Ratio::ProcessingRate
            | Ratio::ConvLeadMeeting
            | Ratio::ConvMeetingDeal
            | Ratio::ConvLeadDeal => Some(1.0),
        }
    }

    /// Money (the average deal) rather than a fraction.
    pub fn is_money(self) -> bool {
        self == Ratio::AvgDeal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for m in PlanMetric::ALL {
            assert_eq!(PlanMetric::from_name(m.name()), Some(m));
        }
        for r in Ratio::ALL {
            assert_eq!(Ratio::from_name(r.name()), Some(r));
        }
        assert_eq!(Ratio::from_name("conv_meeting_deals"), None);
    }
}
