//! `content/checklist.yaml`: the head's start date and hand-ticked control points.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::value::{Date, Key};

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    #[serde(default)]
    pub head: Option<Head>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, ManualTick>")]
    pub manual: BTreeMap<Key, ManualTick>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Head {
    #[serde(deserialize_with = "super::value::name")]
    #[schemars(length(max = super::value::MAX_NAME_CHARS))]
    pub name: String,
    #[serde(default)]
    pub started: Option<Date>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualTick {
    /// What the point is, as the site shows it ("Видение согласовано с
    /// собственником"); without it, the key with spaces for underscores.
    #[serde(default, deserialize_with = "super::value::name")]
    #[schemars(length(max = super::value::MAX_NAME_CHARS))]
    pub label: String,
    pub done: Date,
    #[serde(default)]
    pub note: String,
}
