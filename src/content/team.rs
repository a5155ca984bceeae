//! `content/team.yaml`: who works in the department, and since when.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::value::Date;
use crate::calendar::IsoWeek;

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Team {
    #[schemars(with = "Vec<Manager>")]
    pub managers: Vec<Spanned<Manager>>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manager {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(deserialize_with = "super::value::name")]
    #[schemars(length(max = super::value::MAX_NAME_CHARS))]
    pub name: String,
    #[schemars(with = "Date")]
    pub joined: Spanned<Date>,
    #[serde(default)]
    #[schemars(with = "Option<Date>")]
    pub left: Option<Spanned<Date>>,
    /// The manager's user name in the CRM, or several, for `salespulse
    /// import` (default: `name`).
    #[serde(default)]
    pub crm_name: Option<CrmName>,
}

/// One CRM user name, or a list of them.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum CrmName {
    One(String),
    Many(Vec<String>),
}

impl CrmName {
    pub fn names(&self) -> &[String] {
        match self {
            CrmName::One(name) => std::slice::from_ref(name),
            CrmName::Many(names) => names,
        }
    }
}

impl Manager {
    pub fn id(&self) -> &str {
        &self.id.value
    }

    /// Active in a week: joined by its Sunday and not left before its Monday.
    pub fn active_in(&self, week: IsoWeek) -> bool {
        self.active_during(week.monday(), week.sunday())
    }

    /// Active on at least one day from `first` to `last`.
    pub fn active_during(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.joined.value.0 <= last && self.left.as_ref().is_none_or(|l| l.value.0 >= first)
    }

    /// Active on a day: joined on or before it and not left before it.
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.joined.value.0 <= day && self.left.as_ref().is_none_or(|l| l.value.0 >= day)
    }
}

/// A name reduced to what identifies a person: without case, with ё as е,
/// the words in any order ("Иванова Анна" is "Анна Иванова").
pub fn name_key(name: &str) -> String {
    let lower = name.to_lowercase().replace('ё', "е");
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    words.sort_unstable();
    words.join(" ")
}

impl Team {
    pub fn get(&self, id: &str) -> Option<&Manager> {
        self.managers
            .iter()
            .map(|m| &m.value)
            .find(|m| m.id() == id)
    }

    /// A manager's name from team.yaml, or the id if they are not listed
    /// (a figure of someone removed from the team still needs a label).
    pub fn name_of(&self, id: &str) -> String {
        self.get(id)
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.managers.iter().map(|m| m.value.id())
    }
}
