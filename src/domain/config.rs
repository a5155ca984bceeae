//! `config.yaml` as the numbers and pages use it.

use crate::content::config::{Competency, CustomMetric, currency_symbol};
use crate::content::{self, Labels, Locale};

/// The site's title, language, currency, metrics and thresholds.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub locale: Locale,
    /// The ISO code as written (`RUB`).
    pub currency: String,
    pub base_url: String,
    pub thresholds: Thresholds,
    pub custom_metrics: Vec<CustomMetric>,
    pub competencies: Vec<Competency>,
    pub labels: Box<Labels>,
}

/// The limits that make a manager, a team metric or a stand-up need attention.
#[derive(Debug, Clone)]
pub struct Thresholds {
    pub standup_max_minutes: u32,
    pub manager_lagging_pct: f64,
    pub manager_lagging_weeks: u32,
    pub team_lagging_pct: f64,
    /// A control point measured as a share is met at or above this %…
    pub control_met_pct: f64,
    /// …and partly met at or above this %.
    pub control_partly_pct: f64,
    /// Weeks within which every active manager should have had a one-to-one.
    pub one_on_one_weeks: u32,
}

impl Config {
    /// The currency's sign as people write it, or the ISO code itself.
    pub fn currency_symbol(&self) -> &str {
        currency_symbol(&self.currency).unwrap_or(&self.currency)
    }
}

impl Default for Config {
    fn default() -> Self {
        Self::from(&content::Config::default())
    }
}

impl From<&content::Config> for Config {
    fn from(c: &content::Config) -> Self {
        Self {
            title: c.title.clone(),
            locale: c.locale,
            currency: c.currency.value.clone(),
            base_url: c.base_url.value.clone(),
            thresholds: (&c.thresholds).into(),
            custom_metrics: c.custom_metrics.iter().map(|m| m.value.clone()).collect(),
            competencies: c.competencies.iter().map(|m| m.value.clone()).collect(),
            labels: c.labels.clone(),
        }
    }
}

impl From<&content::config::Thresholds> for Thresholds {
    fn from(t: &content::config::Thresholds) -> Self {
        Self {
            standup_max_minutes: t.standup_max_minutes,
            manager_lagging_pct: t.manager_lagging_pct,
            manager_lagging_weeks: t.manager_lagging_weeks.value,
            team_lagging_pct: t.team_lagging_pct,
            control_met_pct: t.control_met_pct,
            control_partly_pct: t.control_partly_pct,
            one_on_one_weeks: t.one_on_one_weeks,
        }
    }
}
