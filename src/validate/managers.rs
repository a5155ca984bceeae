//! An unknown manager id, and what the head most likely meant: a manager
//! written by their display name ("Ольга Смирнова:" for `olga-smirnova`),
//! a misspelt id, or someone not yet in team.yaml.

use crate::content::value::Key;
use crate::content::{Content, Doc, TEAM_PATH, Team};
use crate::diagnostic::{Diagnostic, closest};
use crate::problem::{ManagerFix, Numbers};

/// An unknown manager id at a map key, with [`hint`]. Nothing when
/// team.yaml itself is missing or broken: that error is already reported,
/// and every id would be "unknown".
pub(crate) fn unknown_manager<T>(content: &Content, doc: &Doc<T>, key: &Key) -> Option<Diagnostic> {
    if content.failed.contains(TEAM_PATH) {
        return None;
    }
    Some(doc.key_error(
        key,
        Numbers::UnknownManager {
            id: key.to_string(),
            fix: fix(&content.team, key.as_str()),
        },
    ))
}

/// How to fix an unknown manager id, in English (for `import` and `new`).
pub fn hint(team: &Team, written: &str) -> String {
    crate::locale::diagnostics::manager_fix_text(crate::content::Locale::En, &fix(team, written))
}

/// How to fix an unknown manager id: the id of the manager whose name it
/// is, the id it is closest to, or the line to add to team.yaml.
pub fn fix(team: &Team, written: &str) -> ManagerFix {
    let wanted = crate::content::team::name_key(written);
    if let Some(m) = team
        .managers
        .iter()
        .map(|m| &m.value)
        .find(|m| crate::content::team::name_key(&m.name) == wanted)
    {
        return ManagerFix::ByName(m.id().to_string());
    }
    let slug = slug(written);
    if let Some(id) = closest(written, team.ids()).or_else(|| closest(&slug, team.ids())) {
        return ManagerFix::Close(id.to_string());
    }
    ManagerFix::Add(slug)
}

/// A name as an id: lowercase latin letters, digits and single hyphens,
/// Cyrillic transliterated as Russian passports do ("Пётр Сидоров" →
/// `petr-sidorov`).
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            _ => match translit(c) {
                Some(latin) => out.push_str(latin),
                None if !out.ends_with('-') && !out.is_empty() => out.push('-'),
                None => {}
            },
        }
    }
    out.trim_end_matches('-').to_string()
}

fn translit(c: char) -> Option<&'static str> {
    const TABLE: [(char, &str); 33] = [
        ('а', "a"),
        ('б', "b"),
        ('в', "v"),
        ('г', "g"),
        ('д', "d"),
        ('е', "e"),
        ('ё', "e"),
        ('ж', "zh"),
        ('з', "z"),
        ('и', "i"),
        ('й', "y"),
        ('к', "k"),
        ('л', "l"),
        ('м', "m"),
        ('н', "n"),
        ('о', "o"),
        ('п', "p"),
        ('р', "r"),
        ('с', "s"),
        ('т', "t"),
        ('у', "u"),
        ('ф', "f"),
        ('х', "kh"),
        ('ц', "ts"),
        ('ч', "ch"),
        ('ш', "sh"),
        ('щ', "shch"),
        ('ъ', ""),
        ('ы', "y"),
        ('ь', ""),
        ('э', "e"),
        ('ю', "yu"),
        ('я', "ya"),
    ];
    TABLE.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_files;

    #[test]
    fn names_become_ids() {
        assert_eq!(slug("Пётр Сидоров"), "petr-sidorov");
        assert_eq!(slug("Ольга Смирнова"), "olga-smirnova");
        assert_eq!(slug("Anna  Ivanova!"), "anna-ivanova");
    }

    #[test]
    fn the_hint_knows_names_ids_and_newcomers() {
        let team = parse_files(vec![
            ("content/config.yaml".into(), "title: T\n".into()),
            (
                "content/team.yaml".into(),
                "managers:\n  - { id: olga-smirnova, name: \"Ольга Смирнова\", joined: 2026-01-01 }\n  - { id: dmitry-kuznetsov, name: \"Дмитрий Кузнецов\", joined: 2026-01-01 }\n".into(),
            ),
        ])
        .0
        .team;
        assert_eq!(
            hint(&team, "Смирнова Ольга"),
            "did you mean `olga-smirnova`? Files name a manager by id; the name is for team.yaml"
        );
        // Not the name as team.yaml has it, but it transliterates close to an id.
        assert_eq!(
            hint(&team, "Дмитрий Кузнецов"),
            "did you mean `dmitry-kuznetsov`? Files name a manager by id; the name is for team.yaml"
        );
        assert_eq!(
            hint(&team, "Дима Кузнецов"),
            "did you mean `dmitry-kuznetsov`?"
        );
        assert_eq!(hint(&team, "olga-smirnva"), "did you mean `olga-smirnova`?");
        assert_eq!(
            hint(&team, "Иван Волков"),
            "add them to content/team.yaml: `- { id: ivan-volkov, name: \"…\", joined: YYYY-MM-DD }`"
        );
    }
}
