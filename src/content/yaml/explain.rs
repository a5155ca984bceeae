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

use super::limits::{Limit, too_big};
use super::spot::Spot;
use super::{HINT_MARK, duplicate, syntax};
use crate::diagnostic::{Diagnostic, did_you_mean};

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
    Diagnostic::error(path, explained.message)
        .at_opt(position.map(|(l, c)| (l + line_offset, c)))
        .width(width)
        .hint_opt(explained.hint)
}

/// A message a sales head can act on, and where exactly to point.
#[derive(Debug)]
pub(super) struct Explained {
    pub(super) message: String,
    pub(super) hint: Option<String>,
    /// A better YAML position than the parser's (the tab itself, not the text after it).
    pub(super) position: Option<(u64, u64)>,
    pub(super) width: Option<usize>,
}

impl Explained {
    pub(super) fn new(message: impl Into<String>, hint: Option<String>) -> Self {
        Self {
            message: message.into(),
            hint,
            position: None,
            width: None,
        }
    }

    pub(super) fn hint(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self::new(message, Some(hint.into()))
    }

    /// Names the key in an "expected …" message (see [`name_key`]).
    fn named(mut self, spot: &Spot) -> Self {
        self.message = name_key(&self.message, spot.key());
        self
    }
}

/// "expected X, found Y" becomes "`deals` must be X, found Y" when the key
/// is known: the reader sees which value to fix. A rewording of text about
/// to be shown (ours, from value.rs, and serde's share the shape), not a
/// way of telling errors apart.
fn name_key(message: &str, key: Option<String>) -> String {
    match (message.strip_prefix("expected "), key) {
        (Some(rest), Some(key)) => format!("`{key}` must be {rest}"),
        _ => message.to_string(),
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
    match err {
        Error::Message { msg, .. } => our_message(msg, spot),
        Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_field(field, expected),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => unknown_variant(variant, expected, spot),
        Error::SerdeMissingField { field, .. } => missing_field(field, spot),
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => invalid_type(unexpected, expected, spot),
        Error::InvalidBooleanStrict { .. } => invalid_boolean(spot),
        Error::NonFiniteFloat { .. } => non_finite(spot),
        Error::Unexpected { expected, .. } => unexpected(expected, spot),
        Error::DuplicateMappingKey { key, .. } => {
            duplicate::explain(key.as_deref(), spot, line_offset)
        }
        Error::Budget { breach, .. } => too_big(Limit::of(breach), spot),
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => too_big(Limit::Aliases, spot),
        Error::UnknownAnchor { .. } => unknown_anchor(spot),
        Error::MultipleDocuments { .. } => Explained::hint(
            "the file holds more than one YAML document",
            "remove the second `---` line: one file is one document",
        ),
        Error::Eof { .. } => Explained::hint(
            "the file ends in the middle of a value",
            "look for an unclosed quote or bracket, or a key with nothing after it",
        ),
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => match scan.kind() {
                // The scanner's own nesting limit for `[[[…`: the same limit to the reader.
                ErrorKind::RecursionLimitExceeded => too_big(Limit::Depth, spot),
                kind => syntax::explain(kind, &developer_text(err), spot),
            },
            _ => value_error(err, spot),
        },
        _ => value_error(err, spot),
    }
}

/// A value refused for a reason without a case of its own: its message
/// already says what is wrong; it is not a syntax problem.
fn value_error(err: &Error, spot: &Spot) -> Explained {
    Explained::new(developer_text(err), None).named(spot)
}

/// A message of our own visitors (value.rs) or of a type we read through
/// (chrono's dates): with its hint after [`HINT_MARK`] when it has one.
fn our_message(msg: &str, spot: &Spot) -> Explained {
    let Some((message, hint)) = msg.split_once(HINT_MARK) else {
        return Explained::new(name_key(msg, spot.key()), None);
    };
    // `{ deals: 12` with no `}` runs on into the next line, and the value
    // read is `12 petr-sidorov`: the bracket is the mistake to fix.
    let hint = match spot.unclosed_bracket() {
        Some((open, close)) => {
            format!("the `{open}` on this line is never closed: end the entry with `{close}`")
        }
        None => hint.to_string(),
    };
    Explained::hint(name_key(message, spot.key()), hint)
}

/// "did you mean …?" when one name is close, else the whole list.
fn suggestion(name: &str, expected: &[&str]) -> String {
    did_you_mean(name, expected.iter().copied())
        .unwrap_or_else(|| format!("expected one of: {}", expected.join(", ")))
}

fn unknown_field(field: &str, expected: &[&str]) -> Explained {
    Explained::hint(
        format!("unknown key `{field}`"),
        suggestion(field, expected),
    )
}

fn unknown_variant(variant: &str, expected: &[&str], spot: &Spot) -> Explained {
    let whose = spot
        .key()
        .map_or_else(String::new, |k| format!(" for `{k}`"));
    Explained::hint(
        format!("unknown value `{variant}`{whose}"),
        suggestion(variant, expected),
    )
}

fn missing_field(field: &str, spot: &Spot) -> Explained {
    let whose = spot
        .parent_key()
        .map_or_else(String::new, |p| format!(" in `{p}`"));
    Explained::hint(
        format!("missing key `{field}`{whose}"),
        format!("add `{field}:` to this entry"),
    )
}

/// serde's own type error, e.g. a map where a number goes. `unexpected`
/// is serde's `Unexpected` as words ("map", "sequence", "unit value", …).
fn invalid_type(unexpected: &str, expected: &str, spot: &Spot) -> Explained {
    let found = match unexpected {
        "map" => "a map",
        "sequence" => "a list",
        "unit value" => "nothing",
        other => other,
    };
    Explained::new(format!("expected {expected}, found {found}"), None).named(spot)
}

fn invalid_boolean(spot: &Spot) -> Explained {
    Explained::hint(
        format!("expected `true` or `false`, found {}", spot.found()),
        "write true or false (not yes/no, on/off or 1/0)",
    )
    .named(spot)
}

fn non_finite(spot: &Spot) -> Explained {
    Explained::hint(
        format!("expected a number ≥ 0, found {}", spot.found()),
        "write the number in digits",
    )
    .named(spot)
}

/// The deserializer met another kind of node than the type reads:
/// `expected` names the event it wanted ("mapping start", "string scalar", …).
fn unexpected(expected: &str, spot: &Spot) -> Explained {
    let key = || spot.key().or_else(|| spot.parent_key());
    match expected {
        "mapping start" => {
            let found = spot.found();
            let hint = if found.contains(':') && !found.contains(": ") {
                "put a space after the colon: `key: value`"
            } else if found == "a list" {
                "write the entries as `key: value` lines, without `- `"
            } else {
                "write `key: value` lines here, indented under their key (see the README)"
            };
            let message = format!("expected a map of `key: value` lines, found {found}");
            Explained::hint(name_key(&message, key()), hint)
        }
        "string scalar" => Explained::hint(
            name_key(
                &format!("expected a single value, found {}", spot.found()),
                key(),
            ),
            "write one value after the key; put text that starts with `[`, `{` or `-` in quotes",
        ),
        other => Explained::new(format!("expected {other}"), None).named(spot),
    }
}

fn unknown_anchor(spot: &Spot) -> Explained {
    let alias = spot.token();
    Explained::hint(
        format!("`{alias}` refers to an anchor that is not defined"),
        format!(
            "define `&{}` earlier in the file, or write the value out",
            alias.trim_start_matches('*')
        ),
    )
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
        assert_eq!(e.message, "unknown key `dealz`");
        assert_eq!(e.hint.as_deref(), Some("did you mean `deals`?"));
        let e = at(field("video"), "video: 3\n", 1);
        assert_eq!(e.hint.as_deref(), Some("expected one of: revenue, deals"));
        let variant = Error::SerdeUnknownVariant {
            variant: "activ".into(),
            expected: vec!["active", "completed"],
            location: AT,
        };
        let e = at(variant, "status: activ\n", 9);
        assert_eq!(e.message, "unknown value `activ` for `status`");
        assert_eq!(e.hint.as_deref(), Some("did you mean `active`?"));
    }

    #[test]
    fn a_missing_key_is_named_with_its_entry() {
        let err = Error::SerdeMissingField {
            field: "deals",
            location: AT,
        };
        let text = "managers:\n  anna:\n    revenue: 1\n";
        let e = explain(&err, &Spot::new(text, Some((3, 5))), 0);
        assert_eq!(e.message, "missing key `deals` in `anna`");
        assert_eq!(e.hint.as_deref(), Some("add `deals:` to this entry"));
    }

    #[test]
    fn our_messages_are_shown_not_read() {
        // Our visitor's text, with its hint; even when it reads like one of
        // serde's, it is not taken for an unknown field.
        let err = Error::Message {
            msg: format!("unknown field `x`{HINT_MARK}fix it"),
            location: AT,
        };
        let e = at(err, "x: 1\n", 4);
        assert_eq!(e.message, "unknown field `x`");
        assert_eq!(e.hint.as_deref(), Some("fix it"));
        let err = Error::Message {
            msg: format!("expected a whole number ≥ 0, found `x`{HINT_MARK}digits"),
            location: AT,
        };
        assert_eq!(
            at(err, "deals: x\n", 8).message,
            "`deals` must be a whole number ≥ 0, found `x`"
        );
        // chrono's, without a hint.
        let err = Error::Message {
            msg: "input is out of range".into(),
            location: AT,
        };
        let e = at(err, "opened: 2026-02-30\n", 9);
        assert_eq!(
            (e.message.as_str(), e.hint),
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
            at(err, "deals: { a: 1 }\n", 8).message,
            "`deals` must be a whole number ≥ 0, found a map"
        );
        let e = at(
            Error::InvalidBooleanStrict { location: AT },
            "video: yes\n",
            8,
        );
        assert_eq!(e.message, "`video` must be `true` or `false`, found `yes`");
        let err = Error::Unexpected {
            expected: "mapping start",
            location: AT,
        };
        let e = at(err, "managers: [a, b]\n", 11);
        assert_eq!(
            e.message,
            "`managers` must be a map of `key: value` lines, found a list"
        );
        assert_eq!(
            e.hint.as_deref(),
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
            depth.message,
            "the file is nested too deeply (more than 32 levels); refusing to read it"
        );
        assert_eq!(depth.position, None);
        let nodes = at(budget(BudgetBreach::Nodes { nodes: 200_001 }), text, 1);
        assert_eq!(
            nodes.message,
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
                e.message,
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
        assert_eq!(e.message, "key `anna` is written twice, on lines 4 and 5");
        assert_eq!(e.hint.as_deref(), Some("keep one of them"));
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
        assert_eq!(d.message, "unknown key `dealz`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `deals`?"));
        assert_eq!((d.line, d.column), (Some(3), Some(1)));
        let d = message("deals: 1\nstatus: activ\n");
        assert_eq!(d.message, "unknown value `activ` for `status`");
        assert_eq!(message("deals: 1\n").message, "missing key `status`");
        let d = message("deals: 1\ndeals: 2\nstatus: active\n");
        assert!(
            d.message.starts_with("key `deals` is written twice"),
            "{d:?}"
        );
        let d = message("deals: [1]\nstatus: active\n");
        assert_eq!(d.message, "`deals` must be a single value, found a list");
    }
}
