//! Problems found in content, as values: collected over a whole run, sorted,
//! and rendered in one place, `print` (human text, JSON for tools, GitHub
//! annotations).

mod print;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::Locale;
use crate::locale::diagnostics::{self, Text};
use crate::problem::Problem;

pub use print::{render_github, render_human, render_json};

/// How bad a problem is: errors fail `check` and `build`, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, at a line and column where there is one. What
/// it says is its `problem`, worded in the site's language when printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators (`content/weeks/2026-W47.yaml`).
    pub path: String,
    /// 1-based file line.
    pub line: Option<u32>,
    /// 1-based column, in characters.
    pub column: Option<u32>,
    /// Width of the underlined text, in characters (at least 1).
    pub width: u32,
    /// Boxed: a `Result<_, Diagnostic>` stays small.
    pub problem: Box<Problem>,
}

impl Diagnostic {
    fn new(severity: Severity, path: impl Into<String>, problem: impl Into<Problem>) -> Self {
        Self {
            severity,
            path: path.into(),
            line: None,
            column: None,
            width: 1,
            problem: Box::new(problem.into()),
        }
    }

    pub fn error(path: impl Into<String>, problem: impl Into<Problem>) -> Self {
        Self::new(Severity::Error, path, problem)
    }

    pub fn warning(path: impl Into<String>, problem: impl Into<Problem>) -> Self {
        Self::new(Severity::Warning, path, problem)
    }

    /// Points the diagnostic at a 1-based line and column.
    pub fn at(mut self, line: u64, column: u64) -> Self {
        self.line = u32::try_from(line).ok().filter(|l| *l > 0);
        self.column = u32::try_from(column).ok().filter(|c| *c > 0);
        self
    }

    /// Points at a position when one is known.
    pub fn at_opt(self, position: Option<(u64, u64)>) -> Self {
        match position {
            Some((line, column)) => self.at(line, column),
            None => self,
        }
    }

    /// Underlines `width` characters from the column.
    pub fn width(mut self, width: usize) -> Self {
        self.width = u32::try_from(width.max(1)).unwrap_or(1);
        self
    }

    /// The note under the caret of a problem worded as it is written
    /// ([`Problem::Other`]); a typed problem has its own.
    pub fn label(mut self, text: impl Into<String>) -> Self {
        if let Problem::Other { label, .. } = self.problem.as_mut() {
            *label = Some(text.into());
        } else {
            debug_assert!(false, "a typed problem has its own label");
        }
        self
    }

    /// How to fix a problem worded as it is written ([`Problem::Other`]).
    pub fn hint(mut self, text: impl Into<String>) -> Self {
        if let Problem::Other { hint, .. } = self.problem.as_mut() {
            *hint = Some(text.into());
        } else {
            debug_assert!(false, "a typed problem has its own hint");
        }
        self
    }

    pub fn hint_opt(self, hint: Option<String>) -> Self {
        match hint {
            Some(hint) => self.hint(hint),
            None => self,
        }
    }

    /// The stable English name of the problem's kind.
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// What the diagnostic says in `locale`.
    pub fn text(&self, locale: Locale) -> Text {
        diagnostics::text(&self.problem, locale)
    }

    /// The message in English (for tests and logs).
    pub fn message(&self) -> String {
        self.text(Locale::En).message
    }

    /// The hint in English (for tests).
    pub fn help(&self) -> Option<String> {
        self.text(Locale::En).hint
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts by file, line and column (then severity and English message, so
/// the order is the same in every language), and drops exact repeats.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by_cached_key(|d| {
        (
            d.path.clone(),
            d.line.unwrap_or(0),
            d.column.unwrap_or(0),
            d.severity,
            d.message(),
        )
    });
    diagnostics.dedup();
}

/// "did you mean …?" for a misspelt key or id: the closest candidate, if close enough.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(name, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// The candidate `name` was probably meant to be: one within a third of its
/// length in edits, or the one id a first name starts (`kiril` for
/// `kirill-novikov`).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let close = candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(name, c), *c))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, c)| c);
    let prefixed = || {
        let count = name.chars().count();
        let stem: String = name.chars().take(count.saturating_sub(1)).collect();
        let mut starting = candidates
            .iter()
            .filter(|c| count >= 3 && c.starts_with(&stem));
        match (starting.next(), starting.next()) {
            (Some(one), None) => Some(*one),
            _ => None,
        }
    };
    close.or_else(prefixed)
}

/// The text of every file a diagnostic may point into, keyed by its display path.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: BTreeMap<String, String>,
}

impl SourceMap {
    pub fn insert(&mut self, path: impl Into<String>, text: impl Into<String>) {
        self.files.insert(path.into(), text.into());
    }

    pub fn get(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// Every file's path and text, in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(p, t)| (p.as_str(), t.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let ids = ["anna-ivanova", "petr-sidorov"];
        assert_eq!(
            did_you_mean("anna-ivanva", ids).as_deref(),
            Some("did you mean `anna-ivanova`?")
        );
        assert_eq!(did_you_mean("zzz", ids), None);
        assert_eq!(
            did_you_mean("petr", ids).as_deref(),
            Some("did you mean `petr-sidorov`?")
        );
        assert_eq!(
            did_you_mean("пётр", ids),
            None,
            "non-ASCII input must not panic"
        );
        assert_eq!(
            did_you_mean("dealz", ["deals", "revenue"]).as_deref(),
            Some("did you mean `deals`?")
        );
    }

    #[test]
    fn sorts_by_path_then_line() {
        let mut ds = vec![
            Diagnostic::error("b", "x").at(1, 1),
            Diagnostic::warning("a", "y").at(9, 1),
            Diagnostic::error("a", "z").at(2, 5),
        ];
        sort(&mut ds);
        let order: Vec<String> = ds.iter().map(|d| d.message()).collect();
        assert_eq!(order, ["z", "y", "x"]);
    }
}
