//! serde-saphyr's errors, explained: what is wrong and how to fix it.

use serde_saphyr::{DefaultMessageFormatter, MessageFormatter};

use super::spot::Spot;
use super::{HINT_MARK, MAX_DEPTH, MAX_NODES};
use crate::diagnostic::{Diagnostic, did_you_mean};

/// The error itself, under the wrappers that only add a snippet or an alias's location.
fn original(mut err: &serde_saphyr::Error) -> &serde_saphyr::Error {
    loop {
        match err {
            serde_saphyr::Error::WithSnippet { error, .. }
            | serde_saphyr::Error::AliasError { error, .. } => err = error,
            _ => return err,
        }
    }
}

pub(super) fn to_diagnostic(
    path: &str,
    text: &str,
    line_offset: u64,
    err: &serde_saphyr::Error,
) -> Diagnostic {
    let inner = original(err);
    let raw = DefaultMessageFormatter.format_message(inner).into_owned();
    // Only the scanner's own complaints are syntax errors; everything else is
    // about a value (ours come as `Message`, serde's as `Serde*`).
    let syntax = matches!(inner, serde_saphyr::Error::ExternalMessage { .. });
    let position = err
        .location()
        .or_else(|| inner.location())
        .filter(|l| l.line() > 0)
        .map(|l| (l.line(), l.column().max(1)));
    let spot = Spot::new(text, position);
    let explained = explain(&raw, syntax, &spot);
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
struct Explained {
    message: String,
    hint: Option<String>,
    /// A better YAML position than the parser's (the tab itself, not the text after it).
    position: Option<(u64, u64)>,
    width: Option<usize>,
}

impl Explained {
    fn new(message: impl Into<String>, hint: Option<String>) -> Self {
        Self {
            message: message.into(),
            hint,
            position: None,
            width: None,
        }
    }

    fn hint(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self::new(message, Some(hint.into()))
    }
}

/// "expected X, found Y" becomes "`deals` must be X, found Y" when the key is known.
fn name_key(message: &str, key: Option<String>) -> String {
    match (message.strip_prefix("expected "), key) {
        (Some(rest), Some(key)) => format!("`{key}` must be {rest}"),
        _ => message.to_string(),
    }
}

fn backticked(s: &str) -> Option<String> {
    let start = s.find('`')? + 1;
    let end = start + s[start..].find('`')?;
    Some(s[start..end].to_string())
}

fn expected_list(rest: &str) -> Vec<String> {
    rest.split_once("expected ")
        .map(|(_, list)| {
            list.trim_start_matches("one of ")
                .split([',', ' '])
                .map(|k| k.trim_matches('`').to_string())
                .filter(|k| !k.is_empty() && k != "or")
                .collect()
        })
        .unwrap_or_default()
}

/// Rewrites serde-saphyr's developer wording into what a sales head can act on,
/// in the way cargo and rustc speak: what is wrong, then how to fix it.
fn explain(raw: &str, syntax: bool, spot: &Spot) -> Explained {
    // Our own visitors' messages, with their hint.
    if let Some((message, hint)) = raw.split_once(HINT_MARK) {
        // `{ deals: 12` with no `}` runs on into the next line, and the value
        // read is `12 petr-sidorov`: the bracket is the mistake to fix.
        let hint = match spot.unclosed_bracket() {
            Some((open, close)) => {
                format!("the `{open}` on this line is never closed: end the entry with `{close}`")
            }
            None => hint.to_string(),
        };
        return Explained::hint(name_key(message, spot.key()), hint);
    }
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        let key = backticked(rest).unwrap_or_default();
        let expected = expected_list(rest);
        let hint = did_you_mean(&key, expected.iter().map(String::as_str))
            .unwrap_or_else(|| format!("expected one of: {}", expected.join(", ")));
        return Explained::hint(format!("unknown key `{key}`"), hint);
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        let value = backticked(rest).unwrap_or_default();
        let expected = expected_list(rest);
        let hint = did_you_mean(&value, expected.iter().map(String::as_str))
            .unwrap_or_else(|| format!("expected one of: {}", expected.join(", ")));
        let whose = spot
            .key()
            .map_or_else(String::new, |k| format!(" for `{k}`"));
        return Explained::hint(format!("unknown value `{value}`{whose}"), hint);
    }
    if let Some(rest) = raw.strip_prefix("missing field ") {
        let key = backticked(rest).unwrap_or_default();
        let whose = spot
            .parent_key()
            .map_or_else(String::new, |p| format!(" in `{p}`"));
        return Explained::hint(
            format!("missing key `{key}`{whose}"),
            format!("add `{key}:` to this entry"),
        );
    }
    if raw.starts_with("invalid boolean") {
        return Explained::hint(
            name_key(
                &format!("expected `true` or `false`, found {}", spot.found()),
                spot.key(),
            ),
            "write true or false (not yes/no, on/off or 1/0)",
        );
    }
    if raw.starts_with("duplicate mapping key") {
        let key = raw
            .trim_start_matches("duplicate mapping key: ")
            .split(',')
            .next()
            .unwrap_or("")
            .to_string();
        return Explained::hint(format!("key `{key}` is written twice"), "keep one of them");
    }
    if raw.starts_with("budget breached")
        || raw.starts_with("alias replay limit")
        || raw.starts_with("recursion limit")
    {
        let what = if raw.contains("Depth") || raw.starts_with("recursion") {
            format!("the file is nested too deeply (more than {MAX_DEPTH} levels)")
        } else if raw.contains("Alias") || raw.contains("alias") {
            "the file expands too many YAML aliases (`&anchor` / `*alias`)".to_string()
        } else {
            format!("the file has too many YAML values (more than {MAX_NODES})")
        };
        let mut e = Explained::hint(
            format!("{what}; refusing to read it"),
            "content files are plain maps and lists a few levels deep; see docs/limits.md",
        );
        if what.contains("aliases") {
            // The replay stops somewhere inside an anchor; the first alias is
            // what the reader can act on.
            e.position = spot.first_alias().or(spot.position);
        }
        return e;
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        // serde: "invalid type: map, expected a whole number ≥ 0"
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let found = match found {
                "map" => "a map".to_string(),
                "sequence" => "a list".to_string(),
                "unit value" => "nothing".to_string(),
                other => other.to_string(),
            };
            return Explained::new(
                name_key(&format!("expected {expected}, found {found}"), spot.key()),
                None,
            );
        }
    }
    if raw.starts_with("non-finite float") {
        return Explained::hint(
            name_key(
                &format!("expected a number ≥ 0, found {}", spot.found()),
                spot.key(),
            ),
            "write the number in digits",
        );
    }
    if raw.starts_with("expected mapping start") {
        let found = spot.found();
        let hint = if found.contains(':') && !found.contains(": ") {
            "put a space after the colon: `key: value`".to_string()
        } else if found == "a list" {
            "write the entries as `key: value` lines, without `- `".to_string()
        } else {
            "write `key: value` lines here, indented under their key (see the README)".to_string()
        };
        return Explained::hint(
            name_key(
                &format!("expected a map of `key: value` lines, found {found}"),
                spot.key().or_else(|| spot.parent_key()),
            ),
            hint,
        );
    }
    if raw.starts_with("expected string scalar") {
        return Explained::hint(
            name_key(
                &format!("expected a single value, found {}", spot.found()),
                spot.key().or_else(|| spot.parent_key()),
            ),
            "write one value after the key; put text that starts with `[`, `{` or `-` in quotes",
        );
    }
    if raw.starts_with("alias references unknown anchor") {
        let alias = spot.token();
        return Explained::hint(
            format!("`{alias}` refers to an anchor that is not defined"),
            format!(
                "define `&{}` earlier in the file, or write the value out",
                alias.trim_start_matches('*')
            ),
        );
    }
    if raw.starts_with("multiple YAML documents") {
        return Explained::hint(
            "the file holds more than one YAML document",
            "remove the second `---` line: one file is one document",
        );
    }
    if raw.starts_with("unexpected end of input") {
        return Explained::hint(
            "the file ends in the middle of a value",
            "look for an unclosed quote or bracket, or a key with nothing after it",
        );
    }
    if !syntax {
        // A value we rejected (a date or week that does not exist, …): its
        // message already says what is wrong; it is not a syntax problem.
        return Explained::new(name_key(raw, spot.key()), None);
    }
    if let Some(tab) = spot.tab() {
        // The scanner points past the tab, or at the end of the line before
        // it; point at the tab itself.
        let mut e = Explained::hint(
            "YAML syntax error: a tab character is used for indentation",
            "YAML indents with spaces only: replace the tab with spaces",
        );
        e.position = Some(tab);
        e.width = Some(1);
        return e;
    }
    if raw.starts_with("simple key expected") || spot.colon_without_space() {
        return Explained::hint(
            "YAML syntax error: expected `key: value`",
            if spot.colon_without_space() {
                "put a space after the colon: `key: value`"
            } else {
                "a key ends with `: `; check the indentation"
            },
        );
    }
    if raw.starts_with("unclosed bracket") {
        let (open, close) = if raw.contains('[') {
            ("[", "]")
        } else {
            ("{", "}")
        };
        return Explained::hint(
            format!("YAML syntax error: `{open}` is never closed"),
            format!(
                "close it with `{close}` on the same line, or write the entries as indented lines"
            ),
        );
    }
    let hint = if raw.starts_with("unclosed quote") {
        "end the text with the same quote it starts with"
    } else if raw.starts_with("mapping values are not allowed") {
        "text that contains `: ` must be in quotes, e.g. note: \"plan: 3 deals\"; or check the indentation"
    } else if raw.starts_with("invalid trailing content after") {
        "a quoted value ends at its closing quote; to use double quotes inside, wrap the text in single quotes"
    } else if raw.starts_with("unexpected character") {
        "put the text in quotes, e.g. note: \"@ the office\""
    } else if raw.starts_with("block sequence entries are not allowed") {
        "text that starts with `- ` must be in quotes; a list starts on the next line"
    } else if raw.starts_with("misplaced bracket") {
        "remove it, or put the text in quotes"
    } else {
        "check the indentation and the quotes on this line and the one above"
    };
    Explained::hint(format!("YAML syntax error: {raw}"), hint)
}
