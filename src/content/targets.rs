//! `content/targets/YYYY-MM.yaml`: the monthly sales plan.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::value::{Amount, Count, Key};
use crate::calendar::YearMonth;

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    #[schemars(with = "YearMonth")]
    pub month: Spanned<YearMonth>,
    #[serde(default, deserialize_with = "super::value::null_as_empty")]
    #[schemars(with = "BTreeMap<String, Plan>")]
    pub managers: BTreeMap<Key, Plan>,
    /// The owner's team plan, when it is not simply the managers' sum.
    #[serde(default)]
    pub team: Option<Plan>,
}

/// A monthly plan in money and in won deals; either may be left out.
#[derive(Debug, Clone, Copy, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(default)]
    pub revenue: Option<Amount>,
    #[serde(default)]
    pub deals: Option<Count>,
}
