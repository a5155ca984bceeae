//! `content/months/YYYY-MM.md`: the head's monthly word to the owner.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::value::Key;
use crate::calendar::YearMonth;

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonthNote {
    #[schemars(with = "YearMonth")]
    pub month: Spanned<YearMonth>,
    /// Lagging metric (`revenue`, `deals`) → why, what is done, what is asked for.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Explanation>")]
    pub explanations: BTreeMap<Key, Explanation>,
    #[serde(skip)]
    pub body: String,
}

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Explanation {
    pub reason: String,
    pub actions: String,
    pub resources: String,
}
