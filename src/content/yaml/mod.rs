//! The one place YAML is parsed: safe budgets, strict booleans, and
//! serde-saphyr's errors turned into our `Diagnostic`s with file lines.
//!
//! `controls` refuses invisible and direction-changing characters;
//! `explain` turns serde-saphyr's error into words a sales head can act on,
//! matching its variant, with `syntax` for the scanner's errors, `limits`
//! for the budgets and `duplicate` for a key written twice; `spot` reads the
//! YAML text around the place an error points at.

mod controls;
mod duplicate;
mod explain;
mod limits;
mod spot;
mod syntax;

use serde::de::{self, DeserializeOwned};

use crate::diagnostic::Diagnostic;
use crate::problem::{Value, Yaml};
pub use controls::{describe, forbidden};
use explain::to_diagnostic;

/// Deepest nesting of maps and lists a content file may have; real files
/// need 4–5 levels (docs/limits.md).
pub const MAX_DEPTH: usize = 32;
/// Most YAML nodes (keys, values, list items) in one file; a stand-up has a
/// few hundred.
pub const MAX_NODES: usize = 200_000;
/// Most `*alias` uses in one file: hand-written content rarely has any.
pub const MAX_ALIASES: usize = 100;
/// Most events aliases may replay in one file. Replay cost grows faster than
/// linearly, so this is what keeps a "billion laughs" file well under a second.
pub const MAX_REPLAYED_EVENTS: usize = 10_000;

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_nodes: MAX_NODES,
            max_aliases: MAX_ALIASES,
        },
        alias_limits: serde_saphyr::alias_limits! { max_total_replayed_events: MAX_REPLAYED_EVENTS },
        strict_booleans: true,
    }
}

/// Starts a serde error text that carries a typed [`Value`] problem (see [`invalid`]).
const VALUE_MARK: char = '\u{1f}';

/// A deserialisation error that carries what is wrong with a value. serde
/// lets a visitor return only a string, so the problem travels in it as
/// JSON after [`VALUE_MARK`], and `explain` reads it back.
pub(crate) fn invalid<E: de::Error>(problem: Value) -> E {
    E::custom(format!(
        "{VALUE_MARK}{}",
        serde_json::to_string(&problem).unwrap_or_default()
    ))
}

/// The problem [`invalid`] carried in a serde error text, if it did.
fn carried(message: &str) -> Option<Value> {
    serde_json::from_str(message.strip_prefix(VALUE_MARK)?).ok()
}

/// Parses `text` (YAML that starts `line_offset` lines into the file at `path`).
pub fn parse<T: DeserializeOwned>(
    path: &str,
    text: &str,
    line_offset: u64,
) -> Result<T, Diagnostic> {
    if let Some(what) = no_data(text) {
        return Err(Diagnostic::error(path, what).at(line_offset + 1, 1));
    }
    if let Some(d) = controls::raw(path, text, line_offset) {
        return Err(d);
    }
    let value = serde_saphyr::from_str_with_options(text, options())
        .map_err(|err| to_diagnostic(path, text, line_offset, &err))?;
    // Double-quoted text can make the same characters with `\` escapes;
    // only a parsed value shows them, so this check comes after parsing.
    if let Some(d) = controls::escaped(path, text, line_offset) {
        return Err(d);
    }
    Ok(value)
}

/// Why a file holds no YAML value at all, if it does not.
fn no_data(text: &str) -> Option<Yaml> {
    if text.trim().is_empty() {
        return Some(Yaml::Empty);
    }
    let nothing = text
        .lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---" || l == "...");
    nothing.then_some(Yaml::OnlyComments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Flag {
        video: bool,
    }

    fn error<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> Diagnostic {
        parse::<T>("f.yaml", text, 0).unwrap_err()
    }

    #[test]
    fn yaml_11_booleans_are_refused_with_a_fix() {
        // strict_booleans: `yes` is refused, not silently true.
        let d = error::<Flag>("video: yes\n");
        assert_eq!(
            d.message(),
            "`video` must be `true` or `false`, found `yes`"
        );
        assert_eq!(
            d.text(crate::content::Locale::En).hint.as_deref(),
            Some("write true or false (not yes/no, on/off or 1/0)")
        );
        assert_eq!((d.line, d.column), (Some(1), Some(8)));
        // serde-saphyr reads a quoted "true" as true even in strict mode: harmless.
        assert!(
            parse::<Flag>("f.yaml", "video: \"true\"\n", 0)
                .unwrap()
                .video
        );
    }

    #[test]
    fn tabs_point_at_the_tab() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct M {
            managers: std::collections::BTreeMap<String, std::collections::BTreeMap<String, u32>>,
        }
        let d = error::<M>("managers:\n  anna:\n\tdeals: 1\n");
        assert_eq!(
            d.message(),
            "YAML syntax error: a tab character is used for indentation"
        );
        assert_eq!((d.line, d.column), (Some(3), Some(1)));
    }

    #[test]
    fn an_alias_is_reported_under_its_own_key() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct E {
            a: u32,
            b: u32,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct F {
            extra: std::collections::BTreeMap<String, u32>,
            managers: std::collections::BTreeMap<String, E>,
        }
        let d = error::<F>("extra: &x { a: 1 }\nmanagers:\n  carol: { a: 1, b: 2 }\n  bob: *x\n");
        assert_eq!(d.message(), "missing key `b` in `bob`");
        assert_eq!((d.line, d.column), (Some(4), Some(8)));
    }

    #[test]
    fn comments_only_is_no_data() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct W {
            week: String,
        }
        let d = error::<W>("# to fill in\n\n");
        assert_eq!(d.message(), "the file has only comments, no data");
        assert_eq!(error::<W>("").message(), "the file is empty");
    }
}
