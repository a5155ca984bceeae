//! Who works in the department, and since when.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::calendar::IsoWeek;
use crate::content;

#[derive(Debug, Clone, Default)]
pub struct Team {
    /// In the order of `team.yaml`.
    pub managers: Vec<Manager>,
    /// Where each id is in `managers`: the numbers look managers up by id
    /// for every week and month (a few percent of a big build's time as a
    /// search).
    by_id: HashMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Manager {
    pub id: String,
    pub name: String,
    pub joined: NaiveDate,
    pub left: Option<NaiveDate>,
}

impl Manager {
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Active in a week: joined by its Sunday and not left before its Monday.
    pub fn active_in(&self, week: IsoWeek) -> bool {
        self.active_during(week.monday(), week.sunday())
    }

    /// Active on at least one day from `first` to `last`.
    pub fn active_during(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.joined <= last && self.left.is_none_or(|l| l >= first)
    }

    /// Active on a day: joined on or before it and not left before it.
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.joined <= day && self.left.is_none_or(|l| l >= day)
    }
}

impl Team {
    pub fn get(&self, id: &str) -> Option<&Manager> {
        self.by_id.get(id).map(|&i| &self.managers[i])
    }

    /// A manager's name from team.yaml, or the id if they are not listed
    /// (a figure of someone removed from the team still needs a label).
    pub fn name_of(&self, id: &str) -> String {
        self.get(id)
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.managers.iter().map(Manager::id)
    }
}

impl From<&content::Team> for Team {
    fn from(t: &content::Team) -> Self {
        let managers = t
            .managers
            .iter()
            .map(|m| {
                let m = &m.value;
                Manager {
                    id: m.id.value.clone(),
                    name: m.name.clone(),
                    joined: m.joined.value.0,
                    left: m.left.as_ref().map(|l| l.value.0),
                }
            })
            .collect::<Vec<Manager>>();
        // The first of a repeated id, as a search would find (validate
        // reports the repeat).
        let mut by_id = HashMap::new();
        for (i, m) in managers.iter().enumerate() {
            by_id.entry(m.id.clone()).or_insert(i);
        }
        Self { managers, by_id }
    }
}
