//! `content/assessments/YYYY-MM-DD.yaml`: a competency assessment round.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::value::{Count, Date, Key};

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    #[schemars(with = "Count")]
    pub scale: Spanned<Count>,
    /// manager → competency → score; a score left empty (`product:`) is
    /// not given yet, as `new assessment` writes them.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, BTreeMap<String, Option<Count>>>")]
    pub scores: BTreeMap<Key, BTreeMap<Key, Spanned<Option<Count>>>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub notes: BTreeMap<Key, String>,
}
