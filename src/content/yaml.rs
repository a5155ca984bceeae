//! The one place YAML is parsed: safe budgets, strict booleans, and
//! serde-saphyr's errors turned into our `Diagnostic`s with file lines.

use serde::de::DeserializeOwned;
use serde_saphyr::{DefaultMessageFormatter, MessageFormatter};

use crate::diagnostic::{Diagnostic, did_you_mean};

/// Budgets well above any real content file and far below what hurts:
/// a stand-up has a few hundred nodes, nesting of 4–5 levels.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 32,
            max_nodes: 200_000,
            max_aliases: 1_000,
        },
        alias_limits: serde_saphyr::alias_limits! { max_total_replayed_events: 100_000 },
        strict_booleans: true,
    }
}

/// Parses `text` (YAML that starts `line_offset` lines into the file at `path`).
pub fn parse<T: DeserializeOwned>(
    path: &str,
    text: &str,
    line_offset: u64,
) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(path, "the file is empty")
            .at(line_offset + 1, 1)
            .hint("write the file's keys; the README shows an example of every file kind"));
    }
    serde_saphyr::from_str_with_options(text, options())
        .map_err(|err| to_diagnostic(path, text, line_offset, &err))
}

fn to_diagnostic(
    path: &str,
    text: &str,
    line_offset: u64,
    err: &serde_saphyr::Error,
) -> Diagnostic {
    let inner = err.without_snippet();
    let raw = DefaultMessageFormatter.format_message(inner).into_owned();
    let position = err
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| (l.line() + line_offset, l.column().max(1)));
    let token_width = position
        .and_then(|(line, column)| {
            let source_line = text.lines().nth((line - line_offset - 1) as usize)?;
            let rest: String = source_line.chars().skip(column as usize - 1).collect();
            let token = rest
                .split(|c: char| c == ':' || c.is_whitespace() || c == ',' || c == '}')
                .next()?;
            Some(token.chars().count())
        })
        .unwrap_or(1);
    let (message, hint) = explain(&raw, text, position.map(|(l, _)| l - line_offset));
    Diagnostic::error(path, message)
        .at_opt(position)
        .width(token_width)
        .hint_opt(hint)
}

/// Rewrites serde-saphyr's developer wording into what a sales head can act on.
fn explain(raw: &str, text: &str, yaml_line: Option<u64>) -> (String, Option<String>) {
    let backticked = |s: &str| -> Option<String> {
        let start = s.find('`')? + 1;
        let end = start + s[start..].find('`')?;
        Some(s[start..end].to_string())
    };
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        let key = backticked(rest).unwrap_or_default();
        let expected: Vec<String> = rest
            .split_once("expected ")
            .map(|(_, list)| {
                list.trim_start_matches("one of ")
                    .split(", ")
                    .map(|k| k.trim_matches('`').to_string())
                    .collect()
            })
            .unwrap_or_default();
        let hint = did_you_mean(&key, expected.iter().map(String::as_str))
            .unwrap_or_else(|| format!("expected one of: {}", expected.join(", ")));
        return (format!("unknown key `{key}`"), Some(hint));
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        let value = backticked(rest).unwrap_or_default();
        let expected: Vec<String> = rest
            .split_once("expected ")
            .map(|(_, list)| {
                list.trim_start_matches("one of ")
                    .split([',', ' '])
                    .map(|k| k.trim_matches('`').to_string())
                    .filter(|k| !k.is_empty() && k != "or")
                    .collect()
            })
            .unwrap_or_default();
        let hint = did_you_mean(&value, expected.iter().map(String::as_str))
            .unwrap_or_else(|| format!("expected one of: {}", expected.join(", ")));
        return (format!("unknown value `{value}`"), Some(hint));
    }
    if let Some(rest) = raw.strip_prefix("missing field ") {
        let key = backticked(rest).unwrap_or_default();
        return (
            format!("missing key `{key}`"),
            Some(format!("add `{key}:` to this entry")),
        );
    }
    if raw.starts_with("invalid boolean") {
        return (
            "expected `true` or `false`".into(),
            Some("write true or false without quotes (not yes/no, not \"true\")".into()),
        );
    }
    if raw.starts_with("duplicate mapping key") {
        let key = raw
            .trim_start_matches("duplicate mapping key: ")
            .split(',')
            .next()
            .unwrap_or("")
            .to_string();
        return (
            format!("key `{key}` is written twice"),
            Some("keep one of them".into()),
        );
    }
    if raw.starts_with("budget breached") || raw.starts_with("alias replay limit") {
        let what = if raw.contains("Depth") {
            "the file is nested too deeply (more than 32 levels)"
        } else if raw.contains("Alias") || raw.contains("alias") {
            "the file uses too many YAML aliases (&anchor / *alias)"
        } else {
            "the file has too many YAML nodes"
        };
        return (
            format!("{what}; refusing to read it"),
            Some("content files are plain maps and lists; see the README's limits".into()),
        );
    }
    let line_text = yaml_line
        .and_then(|l| text.lines().nth(l.saturating_sub(1) as usize))
        .unwrap_or("");
    if line_text.contains('\t') || raw.contains("tab") {
        return (
            format!("YAML syntax error: {raw}"),
            Some("indent with spaces, not tabs".into()),
        );
    }
    if raw.starts_with("invalid type") || raw.starts_with("expected ") || raw.contains("found") {
        return (raw.to_string(), None);
    }
    (format!("YAML syntax error: {raw}"), None)
}
