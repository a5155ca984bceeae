//! `content/weeks/YYYY-Www.yaml`: one ISO week's numbers, per manager.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::value::{Amount, Count, Key};
use crate::calendar::IsoWeek;

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeekFile {
    #[schemars(with = "IsoWeek")]
    pub week: Spanned<IsoWeek>,
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
