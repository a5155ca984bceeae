//! `content/assessments/YYYY-MM-DD.yaml`: a competency assessment round.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::value::{Count, Date, Key};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub date: Spanned<Date>,
    pub scale: Spanned<Count>,
    /// manager → competency → score.
    #[serde(default)]
    pub scores: BTreeMap<Key, BTreeMap<Key, Spanned<Count>>>,
    #[serde(default)]
    pub notes: BTreeMap<Key, String>,
}
