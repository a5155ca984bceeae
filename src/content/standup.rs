//! `content/standups/YYYY-MM-DD.md`: one daily stand-up.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::value::{Count, Date, Key};

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Standup {
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    #[schemars(with = "Option<Count>")]
    pub duration_min: Option<Spanned<Count>>,
    #[serde(default = "yes")]
    #[schemars(with = "bool")]
    pub video: Spanned<bool>,
    /// Managers excused from the stand-up, with the reason.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub absent: BTreeMap<Key, String>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Report>")]
    pub reports: BTreeMap<Key, Spanned<Report>>,
    /// The Markdown after the front matter.
    #[serde(skip)]
    pub body: String,
}

fn yes() -> Spanned<bool> {
    let nowhere = serde_saphyr::Location::UNKNOWN;
    Spanned::new(true, nowhere, nowhere)
}

/// One manager's answers, in the order of the format: yesterday (done,
/// result, help), today (goal, how, need).
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Report {
    pub done: String,
    pub result: String,
    pub help: String,
    pub goal: String,
    pub how: String,
    pub need: String,
}

impl Report {
    /// The required answers that are empty.
    pub fn missing(&self) -> Vec<&'static str> {
        [
            ("done", &self.done),
            ("result", &self.result),
            ("goal", &self.goal),
            ("how", &self.how),
        ]
        .into_iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(k, _)| k)
        .collect()
    }
}
