//! `content/idp/<manager>-<YYYY-MM>.md`: an individual development plan.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::value::Date;

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Idp {
    #[schemars(with = "String")]
    pub manager: Spanned<String>,
    #[serde(deserialize_with = "super::value::title")]
    #[schemars(length(max = super::value::MAX_TITLE_CHARS))]
    pub title: String,
    #[schemars(with = "Date")]
    pub opened: Spanned<Date>,
    #[schemars(with = "Date")]
    pub due: Spanned<Date>,
    pub status: IdpStatus,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    #[schemars(with = "Vec<Goal>")]
    pub goals: Vec<Spanned<Goal>>,
    #[serde(default)]
    pub outcome: String,
    #[serde(skip)]
    pub body: String,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum IdpStatus {
    Active,
    Completed,
    Extended,
    Cancelled,
}

impl IdpStatus {
    /// Still being worked on: active or extended.
    pub fn is_open(self) -> bool {
        matches!(self, IdpStatus::Active | IdpStatus::Extended)
    }

    pub fn key(self) -> &'static str {
        match self {
            IdpStatus::Active => "active",
            IdpStatus::Completed => "completed",
            IdpStatus::Extended => "extended",
            IdpStatus::Cancelled => "cancelled",
        }
    }
}

/// A goal: measured (`metric` + `target`) or ticked by hand (`done`).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub text: String,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub metric: Option<Spanned<String>>,
    /// The value to reach: a fraction for a ratio (0.35 for 35 %), money
    /// for `avg_deal`. Read by [`super::value::target`], which answers `35%`
    /// with how to write it.
    #[serde(default, deserialize_with = "super::value::target")]
    #[schemars(with = "Option<f64>")]
    pub target: Option<Spanned<f64>>,
    #[serde(default)]
    pub done: Option<bool>,
}
