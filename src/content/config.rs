//! `content/config.yaml`: the site's title, language, currency and thresholds.

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::value::Date;
use crate::calendar::{Country, WorkCalendar};

/// Interface language and number/date format.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Ru,
    En,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(deserialize_with = "super::value::title")]
    #[schemars(length(max = super::value::MAX_TITLE_CHARS))]
    pub title: String,
    #[serde(default)]
    pub locale: Locale,
    #[serde(default = "default_currency")]
    #[schemars(with = "String")]
    pub currency: Spanned<String>,
    #[serde(default = "default_base_url")]
    #[schemars(with = "String")]
    pub base_url: Spanned<String>,
    #[serde(default)]
    pub thresholds: Thresholds,
    #[serde(default)]
    #[schemars(with = "Vec<CustomMetric>")]
    pub custom_metrics: Vec<Spanned<CustomMetric>>,
    #[serde(default)]
    #[schemars(with = "Vec<Competency>")]
    pub competencies: Vec<Spanned<Competency>>,
    #[serde(default)]
    pub calendar: CalendarConfig,
    /// The department's own names for the counted metrics ("Консультации"
    /// → "Встречи"), on every page, chart and message.
    /// (Boxed: four names in four forms would make every loaded file as large.)
    #[serde(default)]
    pub labels: Box<Labels>,
}

/// `labels:` — what this department calls the built-in counted metrics.
/// Each is optional; a metric without one keeps the interface's word.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// `leads_received` and the words about leads ("Заявки").
    pub leads: Option<Label>,
    /// `calls`.
    pub calls: Option<Label>,
    /// `meetings` ("Встречи", "Демо").
    pub meetings: Option<Label>,
    /// `deals` ("Оплаты", "Продажи").
    pub deals: Option<Label>,
}

/// A metric's name, and the forms its word takes after a number, which
/// Russian cannot guess: `{ name: Встречи, one: встреча, few: встречи,
/// many: встреч }` (1 встреча, 2 встречи, 5 встреч; "Лид → встреча",
/// "Встреч нужно"). In English `few` is the plural again:
/// `{ name: Demos, one: demo, few: demos, many: demos }`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// As a column heading and chart label: "Встречи".
    #[serde(deserialize_with = "super::value::name")]
    #[schemars(length(max = super::value::MAX_NAME_CHARS))]
    pub name: String,
    /// After 1, 21, 31…: "встреча".
    #[serde(deserialize_with = "super::value::name")]
    #[schemars(length(max = super::value::MAX_NAME_CHARS))]
    pub one: String,
    /// After 2–4, 22–24…: "встречи".
    #[serde(deserialize_with = "super::value::name")]
    #[schemars(length(max = super::value::MAX_NAME_CHARS))]
    pub few: String,
    /// After 0, 5–20, 25…: "встреч".
    #[serde(deserialize_with = "super::value::name")]
    #[schemars(length(max = super::value::MAX_NAME_CHARS))]
    pub many: String,
}

/// Which days are working days (DESIGN.md, "The calendar").
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct CalendarConfig {
    /// `ru`: Russia's production calendar; `none`: no public holidays.
    #[schemars(with = "Country")]
    pub country: Spanned<Country>,
    /// The department's working weekdays.
    pub workdays: Vec<DayOfWeek>,
    /// The department's own extra days off.
    #[schemars(with = "Vec<Date>")]
    pub holidays: Vec<Spanned<Date>>,
    /// Days the department works that would otherwise be off.
    #[schemars(with = "Vec<Date>")]
    pub working: Vec<Spanned<Date>>,
}

impl Default for CalendarConfig {
    fn default() -> Self {
        Self {
            country: unspanned(Country::None),
            workdays: vec![
                DayOfWeek::Mon,
                DayOfWeek::Tue,
                DayOfWeek::Wed,
                DayOfWeek::Thu,
                DayOfWeek::Fri,
            ],
            holidays: Vec::new(),
            working: Vec::new(),
        }
    }
}

/// A weekday as `workdays` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DayOfWeek {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl From<DayOfWeek> for chrono::Weekday {
    fn from(day: DayOfWeek) -> Self {
        match day {
            DayOfWeek::Mon => Self::Mon,
            DayOfWeek::Tue => Self::Tue,
            DayOfWeek::Wed => Self::Wed,
            DayOfWeek::Thu => Self::Thu,
            DayOfWeek::Fri => Self::Fri,
            DayOfWeek::Sat => Self::Sat,
            DayOfWeek::Sun => Self::Sun,
        }
    }
}

impl CalendarConfig {
    /// The working-day calendar this configuration describes.
    pub fn work_calendar(&self) -> WorkCalendar {
        let workdays: Vec<chrono::Weekday> = self.workdays.iter().map(|d| (*d).into()).collect();
        WorkCalendar::new(
            self.country.value,
            &workdays,
            self.holidays.iter().map(|d| d.value.0),
            self.working.iter().map(|d| d.value.0),
        )
    }
}

fn unspanned<T>(value: T) -> Spanned<T> {
    let nowhere = serde_saphyr::Location::UNKNOWN;
    Spanned::new(value, nowhere, nowhere)
}

fn default_currency() -> Spanned<String> {
    unspanned("RUB".into())
}

fn default_base_url() -> Spanned<String> {
    unspanned("/".into())
}

impl Default for Config {
    fn default() -> Self {
        Self {
            title: "Sales".into(),
            locale: Locale::Ru,
            currency: default_currency(),
            base_url: default_base_url(),
            thresholds: Thresholds::default(),
            custom_metrics: Vec::new(),
            competencies: Vec::new(),
            calendar: CalendarConfig::default(),
            labels: Box::default(),
        }
    }
}

/// The limits that make a manager, a team metric or a stand-up need attention.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    pub standup_max_minutes: u32,
    pub manager_lagging_pct: f64,
    #[schemars(with = "u32")]
    pub manager_lagging_weeks: Spanned<u32>,
    pub team_lagging_pct: f64,
    /// A control point measured as a share is met at or above this %…
    pub control_met_pct: f64,
    /// …and partly met at or above this %.
    pub control_partly_pct: f64,
    /// Weeks within which every active manager should have had a one-to-one.
    pub one_on_one_weeks: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            standup_max_minutes: 20,
            manager_lagging_pct: 80.0,
            manager_lagging_weeks: unspanned(2),
            team_lagging_pct: 90.0,
            control_met_pct: 90.0,
            control_partly_pct: 70.0,
            one_on_one_weeks: 4,
        }
    }
}

/// How a custom weekly metric adds up over managers and weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Aggregate {
    Sum,
    Avg,
}

/// An extra weekly number declared by the site (`trial_lessons`).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomMetric {
    pub key: String,
    #[serde(deserialize_with = "super::value::name")]
    #[schemars(length(max = super::value::MAX_NAME_CHARS))]
    pub label: String,
    #[serde(default = "default_aggregate")]
    pub aggregate: Aggregate,
}

fn default_aggregate() -> Aggregate {
    Aggregate::Sum
}

/// A row of the competency assessment scale.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    pub key: String,
    #[serde(deserialize_with = "super::value::name")]
    #[schemars(length(max = super::value::MAX_NAME_CHARS))]
    pub label: String,
}

impl Config {
    /// The currency's sign as people write it, or the ISO code itself.
    pub fn currency_symbol(&self) -> &str {
        currency_symbol(&self.currency.value).unwrap_or(&self.currency.value)
    }
}

/// Signs of the currencies a sales department in the region is likely to use.
pub fn currency_symbol(code: &str) -> Option<&'static str> {
    Some(match code {
        "RUB" => "₽",
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "KZT" => "₸",
        "UAH" => "₴",
        "BYN" => "Br",
        "UZS" => "сўм",
        "GEL" => "₾",
        "AMD" => "֏",
        "TRY" => "₺",
        "CNY" => "¥",
        "AED" => "AED",
        "KGS" => "сом",
        _ => return None,
    })
}
