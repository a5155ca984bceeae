//! CRM user names to manager ids: by `crm_name` in team.yaml, else by the
//! manager's `name`; compared without case, with ё as е and the words in
//! any order ("Иванова Анна" is "Анна Иванова").

use std::collections::HashMap;

use crate::content::Team;

pub use crate::content::team::name_key as key;

/// Who a CRM user is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    Manager(String),
    /// Two or more managers go by this name.
    Ambiguous(Vec<String>),
    Unknown,
}

/// The team's names, ready to look CRM users up.
pub struct Roster {
    by_key: HashMap<String, Vec<String>>,
    /// (name as written in team.yaml, manager id), for "did you mean".
    names: Vec<(String, String)>,
}

impl Roster {
    pub fn new(team: &Team) -> Self {
        let mut by_key: HashMap<String, Vec<String>> = HashMap::new();
        let mut names = Vec::new();
        for m in team.managers.iter().map(|m| &m.value) {
            let own = std::slice::from_ref(&m.name);
            let crm = m.crm_name.as_ref().map_or(own, |c| c.names());
            for name in crm {
                let ids = by_key.entry(key(name)).or_default();
                if !ids.iter().any(|id| id == m.id()) {
                    ids.push(m.id().to_string());
                }
                names.push((name.clone(), m.id().to_string()));
            }
        }
        Self { by_key, names }
    }

    pub fn find(&self, user: &str) -> Match {
        match self.by_key.get(&key(user)).map(Vec::as_slice) {
            None | Some([]) => Match::Unknown,
            Some([id]) => Match::Manager(id.clone()),
            Some(ids) => Match::Ambiguous(ids.to_vec()),
        }
    }

    /// The team name closest to `user`, with its manager id.
    pub fn closest(&self, user: &str) -> Option<(&str, &str)> {
        let wanted = key(user);
        let limit = (wanted.chars().count() / 3).max(1);
        self.names
            .iter()
            .map(|(name, id)| (strsim::damerau_levenshtein(&wanted, &key(name)), name, id))
            .filter(|(d, _, _)| *d <= limit)
            .min_by_key(|(d, _, _)| *d)
            .map(|(_, name, id)| (name.as_str(), id.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_files;

    fn team(yaml: &str) -> Team {
        let (content, problems) = parse_files(vec![
            ("content/config.yaml".into(), "title: T\n".into()),
            ("content/team.yaml".into(), yaml.into()),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        content.team
    }

    #[test]
    fn matches_by_crm_name_else_by_name() {
        let t = team(
            "managers:\n  - { id: anna, name: \"Анна Иванова\", joined: 2026-01-01 }\n  - { id: petr, name: \"Пётр Сидоров\", joined: 2026-01-01, crm_name: [\"p.sidorov\", \"Petr S.\"] }\n  - { id: olga, name: Olga, joined: 2026-01-01, crm_name: \"Ольга М.\" }\n",
        );
        let r = Roster::new(&t);
        assert_eq!(r.find("Иванова  Анна"), Match::Manager("anna".into()));
        assert_eq!(r.find("P.Sidorov"), Match::Manager("petr".into()));
        assert_eq!(r.find("petr s."), Match::Manager("petr".into()));
        assert_eq!(
            r.find("Пётр Сидоров"),
            Match::Unknown,
            "crm_name replaces the name"
        );
        assert_eq!(r.find("Ольга м."), Match::Manager("olga".into()));
        assert_eq!(r.closest("Анна Иваннова"), Some(("Анна Иванова", "anna")));
        assert_eq!(r.closest("Someone Else"), None);
    }

    #[test]
    fn two_managers_with_one_name_are_ambiguous() {
        let t = team(
            "managers:\n  - { id: a1, name: \"Анна\", joined: 2026-01-01 }\n  - { id: a2, name: \"Анна\", joined: 2026-01-01 }\n",
        );
        assert_eq!(
            Roster::new(&t).find("анна"),
            Match::Ambiguous(vec!["a1".into(), "a2".into()])
        );
    }
}
