//! `content/pages/<slug>.md`: rule pages and the head's vision.

use serde::Deserialize;

use super::value::Date;

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Page {
    #[serde(deserialize_with = "super::value::title")]
    #[schemars(length(max = super::value::MAX_TITLE_CHARS))]
    pub title: String,
    #[serde(default)]
    pub order: Option<i64>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub kind: Option<PageKind>,
    #[serde(default)]
    pub audience: Option<Audience>,
    #[serde(skip)]
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    Vision,
    StandupRules,
    ChatRules,
    LeadDistribution,
}

/// Who may see a page or note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Owner,
    Team,
}
