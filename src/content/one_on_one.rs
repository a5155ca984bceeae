//! `content/one-on-ones/YYYY-MM-DD-<manager>.md`: a one-to-one talk.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::page::Audience;
use super::value::Date;

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OneOnOne {
    #[schemars(with = "String")]
    pub manager: Spanned<String>,
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    #[serde(default, deserialize_with = "super::value::title")]
    #[schemars(length(max = super::value::MAX_TITLE_CHARS))]
    pub topic: String,
    #[serde(default)]
    pub mood: Option<Mood>,
    #[serde(default)]
    pub audience: Option<Audience>,
    #[serde(skip)]
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Mood {
    Good,
    Neutral,
    Tense,
}
