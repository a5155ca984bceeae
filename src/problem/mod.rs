//! What is wrong, as typed values: one variant per kind of mistake, with
//! the data its wording needs. The words themselves are in
//! `locale::diagnostics`, one exhaustive match per locale, so a kind
//! without Russian (or English) wording does not compile; `code()` is the
//! stable English name tools match on (`check --format json`).

mod files;
mod import;
pub mod numbers;
pub mod practice;
mod yaml;

pub use files::Files;
pub use import::{Cell, CellDate, Csv, Import, Mapping, Uncounted};
pub use numbers::Numbers;
pub use practice::Practice;
pub use yaml::{DateFix, Found, Limit, MapFix, NumberFix, Syntax, Value, Yaml};

use serde::{Deserialize, Serialize};

/// One problem in a site's files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The YAML of a file: syntax, shapes, types and values.
    Yaml(Yaml),
    /// Files themselves: missing, unread, too large, links.
    Files(Files),
    /// config.yaml, team.yaml, plans and week files.
    Numbers(Numbers),
    /// Stand-ups, development plans, assessments, month notes, pages,
    /// one-to-ones, the checklist, requests.
    Practice(Practice),
    /// What `import` meets in an export, its map file and the site.
    Import(Import),
    /// Text not worded per locale: template errors and the rest of
    /// `import`'s messages, shown as they are written (English).
    Other {
        code: &'static str,
        message: String,
        label: Option<String>,
        hint: Option<String>,
    },
}

impl Problem {
    /// The stable English name of the kind: `unknown-manager`, `not-a-number`…
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Yaml(p) => p.code(),
            Problem::Files(p) => p.code(),
            Problem::Numbers(p) => p.code(),
            Problem::Practice(p) => p.code(),
            Problem::Import(p) => p.code(),
            Problem::Other { code, .. } => code,
        }
    }

    /// Every kind with sample data, for the tests that check each has its
    /// wording in both languages.
    #[cfg(test)]
    pub fn samples() -> Vec<Problem> {
        let mut all: Vec<Problem> = Vec::new();
        all.extend(Yaml::samples().into_iter().map(Problem::Yaml));
        all.extend(Files::samples().into_iter().map(Problem::Files));
        all.extend(Numbers::samples().into_iter().map(Problem::Numbers));
        all.extend(Practice::samples().into_iter().map(Problem::Practice));
        all.extend(Import::samples().into_iter().map(Problem::Import));
        all
    }
}

impl From<String> for Problem {
    fn from(message: String) -> Self {
        Problem::Other {
            code: "other",
            message,
            label: None,
            hint: None,
        }
    }
}

impl From<&str> for Problem {
    fn from(message: &str) -> Self {
        Problem::from(message.to_string())
    }
}

impl From<Yaml> for Problem {
    fn from(p: Yaml) -> Self {
        Problem::Yaml(p)
    }
}

impl From<Files> for Problem {
    fn from(p: Files) -> Self {
        Problem::Files(p)
    }
}

impl From<Numbers> for Problem {
    fn from(p: Numbers) -> Self {
        Problem::Numbers(p)
    }
}

impl From<Import> for Problem {
    fn from(p: Import) -> Self {
        Problem::Import(p)
    }
}

impl From<Practice> for Problem {
    fn from(p: Practice) -> Self {
        Problem::Practice(p)
    }
}

/// How to fix a misspelt name: the one meant, or every name allowed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Suggestion {
    /// "did you mean `deals`?"
    Close(String),
    /// "expected one of: ru, en"
    OneOf(Vec<String>),
}

impl Suggestion {
    /// The closest of `candidates`, else all of them.
    pub fn of<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Self {
        let candidates: Vec<&str> = candidates.into_iter().collect();
        match crate::diagnostic::closest(name, candidates.iter().copied()) {
            Some(c) => Suggestion::Close(c.to_string()),
            None => Suggestion::OneOf(candidates.iter().map(|c| c.to_string()).collect()),
        }
    }
}

/// How to fix an unknown manager id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ManagerFix {
    /// The id of the manager whose display name was written.
    ByName(String),
    /// The id closest to the one written.
    Close(String),
    /// Nobody like it: the line to add to team.yaml, with this id.
    Add(String),
}
