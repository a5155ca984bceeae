//! serde-saphyr's errors, explained: what is wrong and how to fix it, in the
//! way cargo and rustc speak.
//!
//! The case is chosen by matching the error's variant and reading the data
//! it carries (the field, the list of expected names, the budget breached),
//! never by reading its English back: a reworded message in a new
//! serde-saphyr would otherwise silently fall through to the raw text. The
//! parser's own text is only shown — as the message of a syntax error (see
//! `syntax`) and of a value error that has no case of its own.

use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{DefaultMessageFormatter, Error, ExternalMessageSource, MessageFormatter};

use super::limits::{OfBreach, too_big};
use super::spot::Spot;
use super::{carried, duplicate, syntax};
use crate::diagnostic::Diagnostic;
use crate::problem::{Found, Limit, MapFix, Suggestion, Yaml};

/// The error itself, under the wrappers that only add a snippet or an alias's location.
fn original(mut err: &Error) -> &Error {
    loop {
        match err {
            Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => err = error,
            _ => return err,
        }
    }
}

/// The diagnostic for a file that serde-saphyr refused. Its position is
/// the outermost one (an alias's use, not its anchor) unless the
/// explanation knows a better one; lines become file lines here.
pub(super) fn to_diagnostic(path: &str, text: &str, line_offset: u64, err: &Error) -> Diagnostic {
    let inner = original(err);
    let position = err
        .location()
        .or_else(|| inner.location())
        .filter(|l| l.line() > 0)
        .map(|l| (l.line(), l.column().max(1)));
    let spot = Spot::new(text, position);
    let explained = explain(inner, &spot, line_offset);
    let width = explained.width.unwrap_or_else(|| match explained.position {
        Some(moved) => Spot::new(text, Some(moved)).token_width(),
        None => spot.token_width(),
    });
    let position = explained.position.or(position);
    Diagnostic::error(path, explained.problem)
        .at_opt(position.map(|(l, c)| (l + line_offset, c)))
        .width(width)
}

/// What is wrong, and where exactly to point.
#[derive(Debug)]
pub(super) struct Explained {
    pub(super) problem: Yaml,
    /// A better YAML position than the parser's (the tab itself, not the text after it).
    pub(super) position: Option<(u64, u64)>,
    pub(super) width: Option<usize>,
}

impl Explained {
    pub(super) fn new(problem: Yaml) -> Self {
        Self {
            problem,
            position: None,
            width: None,
        }
    }

    /// The English message, for tests.
    #[cfg(test)]
    pub(super) fn message(&self) -> String {
        self.english().message
    }

    /// The English hint, for tests.
    #[cfg(test)]
    pub(super) fn hint(&self) -> Option<String> {
        self.english().hint
    }

    #[cfg(test)]
    fn english(&self) -> crate::locale::diagnostics::Text {
        let problem = crate::problem::Problem::Yaml(self.problem.clone());
        crate::locale::diagnostics::text(&problem, crate::content::Locale::En)
    }
}

/// serde-saphyr's developer wording of an error, for the cases shown as they are.
fn developer_text(err: &Error) -> String {
    DefaultMessageFormatter.format_message(err).into_owned()
}

/// One case per kind of mistake, chosen by the error's variant.
/// `line_offset` (lines before the YAML in its file) is for messages that
/// name a line.
fn explain(err: &Error, spot: &Spot, line_offset: u64) -> Explained {
    let problem = match err {
        Error::Message { msg, .. } => our_message(msg, spot),
        Error::SerdeUnknownField {
            field, expected, ..
        } => Yaml::UnknownKey {
            key: field.clone(),
            fix: Suggestion::of(field, expected.iter().copied()),
        },
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => Yaml::UnknownValue {
            value: variant.clone(),
            key: spot.key(),
            fix: Suggestion::of(variant, expected.iter().copied()),
        },
        Error::SerdeMissingField { field, .. } => Yaml::MissingKey {
            key: field.to_string(),
            within: spot.parent_key(),
        },
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => invalid_type(unexpected, expected, spot),
        Error::InvalidBooleanStrict { .. } => Yaml::NotTrueFalse {
            key: spot.key(),
            found: spot.found(),
        },
        Error::NonFiniteFloat { .. } => Yaml::NotFinite {
            key: spot.key(),
            found: spot.found(),
        },
        Error::Unexpected { expected, .. } => unexpected(expected, spot),
        Error::DuplicateMappingKey { key, .. } => {
            return duplicate::explain(key.as_deref(), spot, line_offset);
        }
        Error::Budget { breach, .. } => return too_big(Limit::of(breach), spot),
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => return too_big(Limit::Aliases, spot),
        Error::UnknownAnchor { .. } => Yaml::UnknownAnchor {
            alias: spot.token().to_string(),
        },
        Error::MultipleDocuments { .. } => Yaml::ManyDocuments,
        Error::Eof { .. } => Yaml::EndsMidValue,
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => match scan.kind() {
                // The scanner's own nesting limit for `[[[…`: the same limit to the reader.
                ErrorKind::RecursionLimitExceeded => return too_big(Limit::Depth, spot),
                kind => return syntax::explain(kind, &developer_text(err), spot),
            },
            _ => value_error(err, spot),
        },
        _ => value_error(err, spot),
    };
    Explained::new(problem)
}

/// A value refused for a reason without a case of its own: its message
/// already says what is wrong; it is not a syntax problem.
fn value_error(err: &Error, spot: &Spot) -> Yaml {
    Yaml::Parser {
        key: spot.key(),
        text: developer_text(err),
    }
}

/// A problem of our own visitors (value.rs, the calendar's types), carried
/// in the error's text; any other text (a type we read through) is shown
/// as it is.
fn our_message(msg: &str, spot: &Spot) -> Yaml {
    let Some(value) = carried(msg) else {
        return Yaml::Parser {
            key: spot.key(),
            text: msg.to_string(),
        };
    };
    // `{ deals: 12` with no `}` runs on into the next line, and the value
    // read is `12 petr-sidorov`: the bracket is the mistake to fix.
    Yaml::Value {
        key: spot.key(),
        value,
        unclosed: spot.unclosed_bracket().map(|(open, _)| open),
    }
}

/// serde's own type error, e.g. a map where a number goes. `unexpected`
/// is serde's `Unexpected` as words ("map", "sequence", "unit value", …).
fn invalid_type(unexpected: &str, expected: &str, spot: &Spot) -> Yaml {
    let found = match unexpected {
        "map" => Found::Map,
        "sequence" => Found::List,
        "unit value" => Found::Nothing,
        other => Found::Other(other.to_string()),
    };
    Yaml::WrongType {
        key: spot.key(),
        expected: expected.to_string(),
        found,
    }
}

/// The deserializer met another kind of node than the type reads:
/// `expected` names the event it wanted ("mapping start", "string scalar", …).
fn unexpected(expected: &str, spot: &Spot) -> Yaml {
    let key = spot.key().or_else(|| spot.parent_key());
    match expected {
        "mapping start" => {
            let found = spot.found();
            let text = match &found {
                Found::Text(t) => t.as_str(),
                _ => "",
            };
            let fix = if text.contains(':') && !text.contains(": ") {
                MapFix::ColonSpace
            } else if found == Found::List {
                MapFix::NoDashes
            } else {
                MapFix::Indent
            };
            Yaml::NotAMap { key, found, fix }
        }
        "string scalar" => Yaml::NotOneValue {
            key,
            found: spot.found(),
        },
        other => Yaml::Unexpected {
            key: spot.key(),
            expected: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use serde_saphyr::Location;
    use serde_saphyr::budget::BudgetBreach;

    use super::*;

    const AT: Location = Location::UNKNOWN;

    /// `err` explained at line 1 of `text`, column `column`.
    fn at(err: Error, text: &str, column: u64) -> Explained {
        explain(&err, &Spot::new(text, Some((1, column))), 0)
    }

    #[test]
    fn unknown_names_come_from_the_variants_lists() {
        let field = |field: &str| Error::SerdeUnknownField {
            field: field.into(),
            expected: vec!["revenue", "deals"],
            location: AT,
        };
        let e = at(field("dealz"), "dealz: 3\n", 1);
        assert_eq!(e.message(), "unknown key `dealz`");
        assert_eq!(e.hint().as_deref(), Some("did you mean `deals`?"));
        let e = at(field("video"), "video: 3\n", 1);
        assert_eq!(e.hint().as_deref(), Some("expected one of: revenue, deals"));
        let variant = Error::SerdeUnknownVariant {
            variant: "activ".into(),
            expected: vec!["active", "completed"],
            location: AT,
        };
        let e = at(variant, "status: activ\n", 9);
        assert_eq!(e.message(), "unknown value `activ` for `status`");
        assert_eq!(e.hint().as_deref(), Some("did you mean `active`?"));
    }

    #[test]
    fn a_missing_key_is_named_with_its_entry() {
        let err = Error::SerdeMissingField {
            field: "deals",
            location: AT,
        };
        let text = "managers:\n  anna:\n    revenue: 1\n";
        let e = explain(&err, &Spot::new(text, Some((3, 5))), 0);
        assert_eq!(e.message(), "missing key `deals` in `anna`");
        assert_eq!(e.hint().as_deref(), Some("add `deals:` to this entry"));
    }

    #[test]
    fn our_messages_are_shown_not_read() {
        // Our visitor's text, with its hint; even when it reads like one of
        // serde's, it is not taken for an unknown field.
        let err = Error::Message {
            msg: "unknown field `x`".into(),
            location: AT,
        };
        let e = at(err, "x: 1\n", 4);
        assert_eq!(e.message(), "unknown field `x`");
        assert_eq!(e.hint(), None);
        let err = Error::Message {
            msg: crate::content::yaml::invalid::<serde::de::value::Error>(
                crate::problem::Value::Count {
                    found: crate::problem::Found::Text("x".into()),
                    fix: crate::problem::NumberFix::DigitsExample,
                },
            )
            .to_string(),
            location: AT,
        };
        assert_eq!(
            at(err, "deals: x\n", 8).message(),
            "`deals` must be a whole number ≥ 0, found `x`"
        );
        // chrono's, without a hint.
        let err = Error::Message {
            msg: "input is out of range".into(),
            location: AT,
        };
        let e = at(err, "opened: 2026-02-30\n", 9);
        assert_eq!(
            (e.message().as_str(), e.hint()),
            ("input is out of range", None)
        );
    }

    #[test]
    fn type_errors_say_what_was_found() {
        let err = Error::SerdeInvalidType {
            unexpected: "map".into(),
            expected: "a whole number ≥ 0".into(),
            location: AT,
        };
        assert_eq!(
            at(err, "deals: { a: 1 }\n", 8).message(),
            "`deals` must be a whole number ≥ 0, found a map"
        );
        let e = at(
            Error::InvalidBooleanStrict { location: AT },
            "video: yes\n",
            8,
        );
        assert_eq!(
            e.message(),
            "`video` must be `true` or `false`, found `yes`"
        );
        let err = Error::Unexpected {
            expected: "mapping start",
            location: AT,
        };
        let e = at(err, "managers: [a, b]\n", 11);
        assert_eq!(
            e.message(),
            "`managers` must be a map of `key: value` lines, found a list"
        );
        assert_eq!(
            e.hint().as_deref(),
            Some("write the entries as `key: value` lines, without `- `")
        );
    }

    #[test]
    fn every_limit_is_named_by_its_breach() {
        let budget = |breach| Error::Budget {
            breach,
            location: AT,
        };
        let text = "a: &x [1]\nb: [*x, *x]\n";
        let depth = at(budget(BudgetBreach::Depth { depth: 33 }), text, 1);
        assert_eq!(
            depth.message(),
            "the file is nested too deeply (more than 32 levels); refusing to read it"
        );
        assert_eq!(depth.position, None);
        let nodes = at(budget(BudgetBreach::Nodes { nodes: 200_001 }), text, 1);
        assert_eq!(
            nodes.message(),
            "the file has too many YAML values (more than 200000); refusing to read it"
        );
        let aliases = [
            budget(BudgetBreach::Aliases { aliases: 101 }),
            Error::AliasReplayLimitExceeded {
                total_replayed_events: 10_001,
                max_total_replayed_events: 10_000,
                location: AT,
            },
            Error::AliasExpansionLimitExceeded {
                anchor_id: 1,
                expansions: 2,
                max_expansions_per_anchor: 1,
                location: AT,
            },
        ];
        for err in aliases {
            let e = at(err, text, 1);
            assert_eq!(
                e.message(),
                "the file expands too many YAML aliases (`&anchor` / `*alias`); refusing to read it"
            );
            // Pointed at the first alias, where the expansion starts.
            assert_eq!(e.position, Some((2, 5)));
        }
    }

    #[test]
    fn a_duplicate_key_is_named() {
        let err = Error::DuplicateMappingKey {
            key: Some("anna".into()),
            location: AT,
        };
        // Its first line is found in the text; lines are file lines.
        let e = explain(&err, &Spot::new("anna: 1\nanna: 2\n", Some((2, 1))), 3);
        assert_eq!(e.message(), "key `anna` is written twice, on lines 4 and 5");
        assert_eq!(e.hint().as_deref(), Some("keep one of them"));
    }

    #[test]
    fn real_errors_reach_their_cases() {
        // The variants above are the ones serde-saphyr gives for real input.
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Plan {
            deals: u32,
            status: Status,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        #[allow(dead_code)]
        enum Status {
            Active,
        }
        let message = |text: &str| super::super::parse::<Plan>("f.yaml", text, 0).unwrap_err();
        let d = message("deals: 1\nstatus: active\ndealz: 2\n");
        assert_eq!(d.message(), "unknown key `dealz`");
        assert_eq!(d.help().as_deref(), Some("did you mean `deals`?"));
        assert_eq!((d.line, d.column), (Some(3), Some(1)));
        let d = message("deals: 1\nstatus: activ\n");
        assert_eq!(d.message(), "unknown value `activ` for `status`");
        assert_eq!(message("deals: 1\n").message(), "missing key `status`");
        let d = message("deals: 1\ndeals: 2\nstatus: active\n");
        assert!(
            d.message().starts_with("key `deals` is written twice"),
            "{d:?}"
        );
        let d = message("deals: [1]\nstatus: active\n");
        assert_eq!(d.message(), "`deals` must be a single value, found a list");
    }
}
