//! `content/months/YYYY-MM.md`: the head's monthly word to the owner.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use super::value::{Date, Key};
use crate::calendar::YearMonth;

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonthNote {
    #[schemars(with = "YearMonth")]
    pub month: Spanned<YearMonth>,
    /// The head's verdict on the month in one line ("revenue almost on
    /// plan, deals behind: the average deal grew"): shown on top of the
    /// dashboard and the month page, on the team's site too.
    #[serde(default, deserialize_with = "super::value::title")]
    #[schemars(length(max = super::value::MAX_TITLE_CHARS))]
    pub headline: String,
    /// Lagging metric (`revenue`, `deals`) → why, what is done, what is asked for.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Explanation>")]
    pub explanations: BTreeMap<Key, Explanation>,
    #[serde(skip)]
    pub body: String,
}

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Explanation {
    pub reason: String,
    /// What is being done: a text, or a list of commitments with dates.
    pub actions: Actions,
    pub resources: String,
}

/// `actions:` of an explanation: the head's text as before, or a list of
/// commitments the site can check off and date.
#[derive(Debug, Clone, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Actions {
    Text(String),
    #[schemars(with = "Vec<Action>")]
    List(Vec<Spanned<Action>>),
}

impl Default for Actions {
    fn default() -> Self {
        Actions::Text(String::new())
    }
}

impl Actions {
    /// The commitments of a list (none for a text).
    pub fn list(&self) -> impl Iterator<Item = &Action> {
        let list: &[Spanned<Action>] = match self {
            Actions::Text(_) => &[],
            Actions::List(list) => list,
        };
        list.iter().map(|a| &a.value)
    }
}

/// A string stays a text; a list is read item by item, so a mistake in one
/// commitment is reported at its own line (an untagged enum would only say
/// that nothing matched).
impl<'de> Deserialize<'de> for Actions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ActionsVisitor;
        impl<'de> Visitor<'de> for ActionsVisitor {
            type Value = Actions;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a list of actions like `- { do: \"…\", by: 2026-11-30 }`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Actions, E> {
                Ok(Actions::Text(v.to_string()))
            }

            fn visit_unit<E: de::Error>(self) -> Result<Actions, E> {
                Ok(Actions::default())
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Actions, A::Error> {
                let mut list = Vec::new();
                while let Some(action) = seq.next_element::<Spanned<Action>>()? {
                    list.push(action);
                }
                Ok(Actions::List(list))
            }
        }
        d.deserialize_any(ActionsVisitor)
    }
}

/// One commitment: what is done, by when, whom it concerns, and whether it
/// is done.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// What is done, in a short line.
    #[serde(rename = "do", deserialize_with = "super::value::title")]
    #[schemars(length(max = super::value::MAX_TITLE_CHARS))]
    pub what: String,
    /// The date it is due by.
    #[serde(default)]
    #[schemars(with = "Option<Date>")]
    pub by: Option<Spanned<Date>>,
    /// The manager it concerns (an id from `team.yaml`); without it, the
    /// department's.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub who: Option<Spanned<String>>,
    #[serde(default)]
    pub done: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<MonthNote, String> {
        serde_saphyr::from_str(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn actions_may_be_a_text_or_a_list() {
        let text = parse(
            "month: 2026-11\nexplanations:\n  deals: { reason: r, actions: \"call back\" }\n",
        )
        .unwrap();
        let deals = &text.explanations.values().next().unwrap().actions;
        assert!(matches!(deals, Actions::Text(t) if t == "call back"));
        assert_eq!(deals.list().count(), 0);

        let list = parse(
            "month: 2026-11\nheadline: \"On plan\"\nexplanations:\n  revenue:\n    reason: r\n    actions:\n      - { do: \"IDP\", by: 2026-12-18, who: petr }\n      - { do: \"Promo\", done: true }\n",
        )
        .unwrap();
        assert_eq!(list.headline, "On plan");
        let actions = &list.explanations.values().next().unwrap().actions;
        let items: Vec<&Action> = actions.list().collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].who.as_ref().unwrap().value, "petr");
        assert_eq!(
            items[0].by.as_ref().unwrap().value.0.to_string(),
            "2026-12-18"
        );
        assert!(items[1].done && items[1].by.is_none());
    }

    #[test]
    fn a_mistake_in_one_action_is_named() {
        let err = parse(
            "month: 2026-11\nexplanations:\n  revenue:\n    actions:\n      - { do: \"IDP\", untill: 2026-12-18 }\n",
        )
        .unwrap_err();
        assert!(err.contains("untill"), "{err}");
    }
}
