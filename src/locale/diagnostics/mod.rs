//! The words of every `check` diagnostic, in Russian and English: one
//! exhaustive match per kind of problem (`crate::problem`), split by area,
//! so a kind without wording in either language does not compile.
//!
//! The Russian is for a sales head, not a programmer: it says what is wrong
//! in the file and how to write it, in the words of GLOSSARY.md; YAML keys,
//! ids and file names stay as they are written, in backticks.

mod cells;
mod files;
mod import;
mod numbers;
mod practice;
mod syntax;
mod values;
mod yaml;

pub use cells::cell_en;

use crate::content::Locale;
use crate::problem::{ManagerFix, Problem, Suggestion, Value, Yaml};

/// What a diagnostic says: the message, the note under the caret, the fix.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub message: String,
    pub label: Option<String>,
    pub hint: Option<String>,
}

impl Text {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            label: None,
            hint: None,
        }
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub(crate) fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }
}

/// The words of `problem` in `locale`.
pub fn text(problem: &Problem, locale: Locale) -> Text {
    match problem {
        Problem::Yaml(p) => yaml::text(p, locale),
        Problem::Files(p) => files::text(p, locale),
        Problem::Numbers(p) => numbers::text(p, locale),
        Problem::Practice(p) => practice::text(p, locale),
        Problem::Import(p) => import::text(p, locale),
        Problem::Other {
            message,
            label,
            hint,
            ..
        } => Text {
            message: message.clone(),
            label: label.clone(),
            hint: hint.clone(),
        },
    }
}

/// The words of a refused value on its own, without its key (the command
/// line's dates and months).
pub fn value_text(value: &Value, locale: Locale) -> Text {
    let problem = Yaml::Value {
        key: None,
        value: value.clone(),
        unclosed: None,
    };
    yaml::text(&problem, locale)
}

/// `a`, `b`, `c` / a, b, c: Russian quotes each name, as ids are quoted.
fn list(locale: Locale, names: &[String]) -> String {
    match locale {
        Locale::Ru => names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", "),
        Locale::En => names.join(", "),
    }
}

/// "did you mean `deals`?" / "expected one of: …" (English); `what` names
/// the choices in Russian ("ключи", "значения").
fn suggestion(locale: Locale, fix: &Suggestion, what_ru: &str) -> String {
    match (locale, fix) {
        (Locale::En, Suggestion::Close(c)) => format!("did you mean `{c}`?"),
        (Locale::En, Suggestion::OneOf(all)) => format!("expected one of: {}", all.join(", ")),
        (Locale::Ru, Suggestion::Close(c)) => format!("может быть, `{c}`?"),
        (Locale::Ru, Suggestion::OneOf(all)) => format!("{what_ru}: {}", list(locale, all)),
    }
}

/// "did you mean `x`?", or nothing when no name is close.
fn did_you_mean(locale: Locale, close: &str) -> String {
    suggestion(locale, &Suggestion::Close(close.to_string()), "")
}

/// How to fix an unknown manager id, on its own (for `import` and `new`).
pub fn manager_fix_text(locale: Locale, fix: &ManagerFix) -> String {
    manager_fix(locale, fix)
}

/// How to fix an unknown manager id.
fn manager_fix(locale: Locale, fix: &ManagerFix) -> String {
    match (locale, fix) {
        (Locale::En, ManagerFix::ByName(id)) => {
            format!("did you mean `{id}`? Files name a manager by id; the name is for team.yaml")
        }
        (Locale::En, ManagerFix::Close(id)) => format!("did you mean `{id}`?"),
        (Locale::En, ManagerFix::Add(slug)) => format!(
            "add them to content/team.yaml: `- {{ id: {slug}, name: \"…\", joined: YYYY-MM-DD }}`"
        ),
        (Locale::Ru, ManagerFix::ByName(id)) => format!(
            "может быть, `{id}`? В файлах менеджер записывается своим `id`, а имя указывается только в `team.yaml`"
        ),
        (Locale::Ru, ManagerFix::Close(id)) => format!("может быть, `{id}`?"),
        (Locale::Ru, ManagerFix::Add(slug)) => format!(
            "если это новый менеджер, добавьте его в `content/team.yaml`: `- {{ id: {slug}, name: \"…\", joined: ГГГГ-ММ-ДД }}`"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Latin words of a Russian text outside backticks, but for the
    /// allowed names of things.
    fn latin_outside_backticks(text: &str) -> Vec<&str> {
        crate::locale::latin_words(
            text,
            &[
                "CRM", "YAML", "ISO", "UTF", "README", "Windows", "GitHub", "CSV",
            ],
        )
    }

    /// Every kind has words in both languages, and the Russian has no
    /// English in it but for keys, ids and file names in backticks.
    #[test]
    fn every_problem_is_worded_in_both_languages() {
        let mut failures = Vec::new();
        for problem in Problem::samples() {
            for locale in [Locale::Ru, Locale::En] {
                let t = text(&problem, locale);
                assert!(!t.message.trim().is_empty(), "{problem:?} {locale:?}");
                for part in [&t.label, &t.hint].into_iter().flatten() {
                    assert!(!part.trim().is_empty(), "{problem:?} {locale:?}");
                }
            }
            let ru = text(&problem, Locale::Ru);
            for part in [Some(&ru.message), ru.label.as_ref(), ru.hint.as_ref()]
                .into_iter()
                .flatten()
            {
                let latin = latin_outside_backticks(part);
                if !latin.is_empty() {
                    failures.push(format!("Latin {latin:?} in {part:?}"));
                }
                if part.matches('`').count() % 2 != 0 {
                    failures.push(format!("unpaired ` in {part:?}"));
                }
            }
            let en = text(&problem, Locale::En);
            assert_ne!(ru, en, "{problem:?} is not translated");
            assert!(!problem.code().is_empty());
        }
        failures.dedup();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn codes_are_kebab_case() {
        for problem in Problem::samples() {
            let code = problem.code();
            assert!(
                code.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit()),
                "{code}"
            );
        }
    }
}
