//! A period's numbers per manager, and the monthly plans.

use std::collections::BTreeMap;

use crate::calendar::{IsoWeek, Period, WorkCalendar, YearMonth};
use crate::content::value::{Amount, Count};
use crate::content::week::Trainings;
use crate::content::{self, Plan};

/// One period file: a whole ISO week, or a split week's part in one month.
#[derive(Debug, Clone)]
pub struct Week {
    pub period: Period,
    pub managers: BTreeMap<String, WeekEntry>,
}

impl Week {
    pub fn week(&self) -> IsoWeek {
        self.period.week
    }

    /// A week file's numbers, if its `week` and `month` name a period.
    pub fn of(file: content::WeekFile, calendar: &WorkCalendar) -> Option<Self> {
        let period = file.period(calendar).ok()?;
        let managers = file
            .managers
            .into_iter()
            .map(|(id, e)| (id.0.value, WeekEntry::from(e.value)))
            .collect();
        Some(Self { period, managers })
    }
}

/// One manager's week (the fields of `content::WeekEntry`).
#[derive(Debug, Clone)]
pub struct WeekEntry {
    pub leads_received: Count,
    pub leads_processed: Count,
    pub leads_overnight: Count,
    pub first_response_min: Option<Amount>,
    pub calls: Count,
    pub meetings: Count,
    pub deals: Count,
    pub revenue: Amount,
    pub trainings: Option<Trainings>,
    /// Custom metric key → value.
    pub custom: BTreeMap<String, Amount>,
    pub note: Option<String>,
}

impl From<content::WeekEntry> for WeekEntry {
    fn from(e: content::WeekEntry) -> Self {
        Self {
            leads_received: e.leads_received,
            leads_processed: e.leads_processed,
            leads_overnight: e.leads_overnight,
            first_response_min: e.first_response_min,
            calls: e.calls,
            meetings: e.meetings,
            deals: e.deals,
            revenue: e.revenue,
            trainings: e.trainings,
            custom: e.custom.into_iter().map(|(k, v)| (k.0.value, v)).collect(),
            note: e.note,
        }
    }
}

/// A month's sales plan.
#[derive(Debug, Clone)]
pub struct Targets {
    pub month: YearMonth,
    pub managers: BTreeMap<String, Plan>,
    /// The owner's team plan, when it is not simply the managers' sum.
    pub team: Option<Plan>,
}

impl From<&content::Targets> for Targets {
    fn from(t: &content::Targets) -> Self {
        Self {
            month: t.month.value,
            managers: t
                .managers
                .iter()
                .map(|(k, p)| (k.as_str().to_string(), *p))
                .collect(),
            team: t.team,
        }
    }
}
