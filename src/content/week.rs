//! `content/weeks/YYYY-Www.yaml`: one ISO week's numbers, per manager; or
//! `YYYY-Www-MM.yaml`, the part in one month of a week split between two.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::value::{Amount, Count, Key};
use crate::calendar::{IsoWeek, Period, WorkCalendar, YearMonth};

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeekFile {
    #[schemars(with = "IsoWeek")]
    pub week: Spanned<IsoWeek>,
    /// The month of this part of a split week (required then); optional
    /// otherwise, and then it must be the month the week belongs to.
    #[serde(default)]
    #[schemars(with = "Option<YearMonth>")]
    pub month: Option<Spanned<YearMonth>>,
    #[serde(default, deserialize_with = "super::value::null_as_empty")]
    #[schemars(with = "BTreeMap<String, WeekEntry>")]
    pub managers: BTreeMap<Key, Spanned<WeekEntry>>,
}

/// One manager's week.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeekEntry {
    /// New leads and applications assigned this week.
    pub leads_received: Count,
    /// Of them, contacted or qualified this week (may include backlog).
    pub leads_processed: Count,
    /// Sum over the week's days of leads left unprocessed at day end (goal: 0).
    pub leads_overnight: Count,
    /// Median minutes to first contact.
    #[serde(default)]
    pub first_response_min: Option<Amount>,
    pub calls: Count,
    /// Consultations and demos held.
    pub meetings: Count,
    /// Won (paid) deals.
    pub deals: Count,
    pub revenue: Amount,
    #[serde(default)]
    pub trainings: Option<Trainings>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Amount>")]
    pub custom: BTreeMap<Key, Amount>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The four training formats of the department's practice.
#[derive(Debug, Clone, Copy, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Trainings {
    pub call_reviews: Count,
    pub case_reviews: Count,
    pub trainings: Count,
    pub roleplays: Count,
}

/// Why a week file's `week` and `month` name no period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodProblem {
    /// The week is split and the file does not say which part it is.
    SplitWithoutMonth { parts: [Period; 2] },
    /// `month` is not a month the week has days in, or not the one it belongs to.
    WrongMonth { periods: Vec<Period> },
}

impl WeekFile {
    /// The period the file's numbers are for, by its `week` and `month`.
    pub fn period(&self, calendar: &WorkCalendar) -> Result<Period, PeriodProblem> {
        let periods = calendar.periods_of_week(self.week.value);
        let month = self.month.as_ref().map(|m| m.value);
        match (periods.as_slice(), month) {
            ([only], None) => Ok(*only),
            ([first, second, ..], None) => Err(PeriodProblem::SplitWithoutMonth {
                parts: [*first, *second],
            }),
            ([], None) => unreachable!("every week has at least one period"),
            (_, Some(month)) => periods
                .iter()
                .find(|p| p.month == month)
                .copied()
                .ok_or(PeriodProblem::WrongMonth { periods }),
        }
    }
}
