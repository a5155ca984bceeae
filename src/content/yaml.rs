//! The one place YAML is parsed: safe budgets, strict booleans, and
//! serde-saphyr's errors turned into our `Diagnostic`s with file lines.

use std::fmt::Display;

use serde::de::{self, DeserializeOwned};
use serde_saphyr::{DefaultMessageFormatter, MessageFormatter};

use crate::diagnostic::{Diagnostic, did_you_mean};

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

/// Separates a message from its hint inside one serde error text (see [`invalid`]).
const HINT_MARK: char = '\u{1f}';

/// A deserialisation error that carries a hint on how to fix it. serde lets a
/// visitor return only one string, so the two travel joined and
/// [`parse`] splits them again into the diagnostic's message and help.
pub(crate) fn invalid<E: de::Error>(message: impl Display, hint: impl Display) -> E {
    E::custom(format!("{message}{HINT_MARK}{hint}"))
}

/// Parses `text` (YAML that starts `line_offset` lines into the file at `path`).
pub fn parse<T: DeserializeOwned>(
    path: &str,
    text: &str,
    line_offset: u64,
) -> Result<T, Diagnostic> {
    if let Some(what) = no_data(text) {
        return Err(Diagnostic::error(path, what).at(line_offset + 1, 1).hint(
            "write the file's keys (the README shows an example of every kind), or delete the file",
        ));
    }
    if let Some((at, c)) = raw_control_character(text) {
        let line = text[..at].bytes().filter(|b| *b == b'\n').count() as u64 + 1;
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let column = text[start..at].chars().count() as u64 + 1;
        return Err(Diagnostic::error(
            path,
            format!(
                "the control character {} is not allowed in a content file",
                describe(c)
            ),
        )
        .at(line + line_offset, column)
        .hint(control_hint(c)));
    }
    let value = serde_saphyr::from_str_with_options(text, options())
        .map_err(|err| to_diagnostic(path, text, line_offset, &err))?;
    // Double-quoted text can make the same characters with `\` escapes.
    if text.contains('\\')
        && let Some((line, column, c)) = escaped_control_character(text)
    {
        let width = Spot::new(text, Some((line, column))).token_width();
        return Err(Diagnostic::error(
            path,
            format!(
                "this quoted text makes the control character {} with a `\\` escape; it is not allowed in a content file",
                describe(c)
            ),
        )
        .at(line + line_offset, column)
        .width(width)
        .hint(control_hint(c)));
    }
    Ok(value)
}

/// A character no content file may hold: invisible controls (all of C0
/// but tab and line feed, DEL, C1) and the bidirectional overrides and
/// isolates, which make text show in another order than it is stored
/// ("Trojan Source"). They could drive a terminal that shows a message, or
/// disguise a name on a page.
pub fn forbidden(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}'
            | '\u{b}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// The byte offset and the character of the first [`forbidden`] character
/// in `text`, found byte by byte (this runs over every content file).
fn raw_control_character(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let at = bytes.iter().enumerate().position(|(i, &b)| match b {
        b'\t' | b'\n' => false,
        0..=0x1f | 0x7f => true,
        // U+0080–U+009F
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        // U+202A–U+202E and U+2066–U+2069
        0xe2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    })?;
    // Only ASCII and lead bytes match, so `at` starts a character.
    text[at..].chars().next().map(|c| (at, c))
}

/// The 1-based line and column of the first scalar whose value (after
/// escapes) holds a [`forbidden`] character, read with the parser under
/// serde-saphyr.
fn escaped_control_character(text: &str) -> Option<(u64, u64, char)> {
    use serde_saphyr::granit_parser::{Event, Parser};
    for event in Parser::new_from_str(text) {
        // The file parsed once already; an error here ends the search.
        let Ok((event, span)) = event else {
            return None;
        };
        if let Event::Scalar(value, ..) = event
            && let Some(c) = value.chars().find(|c| forbidden(*c))
        {
            return Some((span.start.line() as u64, span.start.col() as u64 + 1, c));
        }
    }
    None
}

/// `U+001B (escape)`: a forbidden character, named.
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{0}' => "NUL",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\r' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        _ => return format!("U+{:04X}", c as u32),
    };
    format!("U+{:04X} ({name})", c as u32)
}

fn control_hint(c: char) -> &'static str {
    if ('\u{202a}'..='\u{2069}').contains(&c) {
        "delete it: it makes text show in another order than it is written, and Russian or English text needs no direction marks"
    } else {
        "delete it; it is invisible in most editors (one that shows invisible characters shows where it is)"
    }
}

/// Why a file holds no YAML value at all, if it does not.
fn no_data(text: &str) -> Option<&'static str> {
    if text.trim().is_empty() {
        return Some("the file is empty");
    }
    let nothing = text
        .lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---" || l == "...");
    nothing.then_some("the file has only comments, no data")
}

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

fn to_diagnostic(
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

/// Where in the YAML text an error points, with the helpers that read around it.
struct Spot<'a> {
    text: &'a str,
    /// 1-based YAML line and column.
    position: Option<(u64, u64)>,
    line_text: &'a str,
}

impl<'a> Spot<'a> {
    fn new(text: &'a str, position: Option<(u64, u64)>) -> Self {
        let line_text = position
            .and_then(|(l, _)| text.lines().nth(l.saturating_sub(1) as usize))
            .unwrap_or("");
        Self {
            text,
            position,
            line_text,
        }
    }

    /// The line from the error's column on.
    fn rest(&self) -> &'a str {
        let column = self.position.map_or(1, |(_, c)| c) as usize;
        self.line_text
            .char_indices()
            .nth(column - 1)
            .map_or("", |(i, _)| &self.line_text[i..])
    }

    /// The key whose value starts at the error's column (`deals` in `deals: twelve`
    /// and in `{ deals: twelve }`), if it is on the same line.
    fn key(&self) -> Option<String> {
        let column = self.position?.1 as usize;
        let mut before: String = self.line_text.chars().take(column - 1).collect();
        // A key with nothing after it is reported at its colon.
        if self.rest().starts_with(':') {
            before.push(':');
        }
        let before = before.trim_end().strip_suffix(':')?.trim_end();
        let key: String = before
            .chars()
            .rev()
            .take_while(|c| !c.is_whitespace() && !matches!(c, '{' | ',' | '['))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let key = key.trim_start_matches("- ").trim_matches(['"', '\'']);
        (!key.is_empty()).then(|| key.to_string())
    }

    /// The key of the map that holds the error's position: the nearest line
    /// above with less indentation (`anna-ivanova` for a missing field in her entry).
    fn parent_key(&self) -> Option<String> {
        let (line, column) = self.position?;
        // An alias or an anchored value after its key (`bob: *entry`): the
        // value of that key is what is incomplete, not the map around it.
        if self.rest().starts_with(['*', '&'])
            && let Some(key) = self.key()
        {
            return Some(key);
        }
        let before: String = self.line_text.chars().take(column as usize - 1).collect();
        // A flow map on the same line: `anna-ivanova: { deals: 3 }`.
        if let Some((head, _)) = before.rsplit_once('{') {
            let head = head.trim_end().strip_suffix(':')?;
            let key = head.trim().trim_start_matches("- ");
            return (!key.is_empty()).then(|| key.trim_matches(['"', '\'']).to_string());
        }
        let indent = column as usize - 1;
        let above: Vec<&str> = self
            .text
            .lines()
            .take(line.saturating_sub(1) as usize)
            .collect();
        above
            .into_iter()
            .rev()
            .find(|l| {
                let t = l.trim_start();
                !t.is_empty() && !t.starts_with('#') && l.len() - t.len() < indent
            })
            .and_then(|l| l.trim().trim_start_matches("- ").split_once(':'))
            .map(|(k, _)| k.trim().trim_matches(['"', '\'']).to_string())
            .filter(|k| !k.is_empty())
    }

    /// What stands at the error's column, in words: "a list", "a map", "nothing", or the text.
    fn found(&self) -> String {
        let rest = self.rest().trim_end();
        match rest.chars().next() {
            None | Some('#') | Some(':') => "nothing".into(),
            Some('[') => "a list".into(),
            Some('-') if rest.starts_with("- ") || rest == "-" => "a list".into(),
            Some('{') => "a map".into(),
            _ if self.token().is_empty() => "nothing".into(),
            _ => format!("`{}`", self.token()),
        }
    }

    /// The scalar that starts at the error's column: a quoted string up to
    /// its closing quote, otherwise up to `: `, `,`, `}`, `]`, ` #` or the end.
    fn token(&self) -> &'a str {
        let rest = self.rest();
        if rest.starts_with(['{', '[']) {
            return &rest[..1];
        }
        if let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) {
            return match rest[1..].find(quote) {
                Some(end) => &rest[..end + 2],
                None => rest.trim_end(),
            };
        }
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            let next = rest[i + c.len_utf8()..].chars().next();
            let stop = match c {
                ',' | '}' | ']' => true,
                ':' => next.is_none_or(char::is_whitespace),
                '#' => i > 0 && rest[..i].ends_with(char::is_whitespace),
                _ => false,
            };
            if stop {
                end = i;
                break;
            }
        }
        rest[..end].trim_end()
    }

    /// The first tab on the error's line or the next one, where the scanner
    /// tripped over it (it may report the end of the line before).
    fn tab(&self) -> Option<(u64, u64)> {
        let (line, _) = self.position?;
        self.text
            .lines()
            .enumerate()
            .skip(line.saturating_sub(1) as usize)
            .take(2)
            .find_map(|(i, l)| {
                let at = l.find('\t')?;
                Some((i as u64 + 1, l[..at].chars().count() as u64 + 1))
            })
    }

    /// A `{` or `[` that the error's line opens and does not close.
    fn unclosed_bracket(&self) -> Option<(char, char)> {
        let count = |c: char| self.line_text.matches(c).count();
        [('{', '}'), ('[', ']')]
            .into_iter()
            .find(|(open, close)| count(*open) > count(*close))
    }

    /// `deals:3`: a colon glued to its value, so YAML sees one word.
    fn colon_without_space(&self) -> bool {
        let t = self.line_text.trim_start().trim_start_matches("- ");
        let plain = t.starts_with(|c: char| c.is_alphanumeric() || c == '_');
        plain
            && t.split_once(':').is_some_and(|(key, value)| {
                !key.contains(' ')
                    && value.starts_with(|c: char| !c.is_whitespace() && c != ':' && c != '/')
            })
    }

    /// The first `*alias` in the text: where expansion starts.
    fn first_alias(&self) -> Option<(u64, u64)> {
        self.text.lines().enumerate().find_map(|(i, l)| {
            let chars: Vec<char> = l.chars().collect();
            (1..chars.len())
                .find(|&j| {
                    chars[j] == '*'
                        && matches!(chars[j - 1], ' ' | '[' | ',' | '{' | ':')
                        && chars.get(j + 1).is_some_and(|c| c.is_alphanumeric())
                })
                .map(|j| (i as u64 + 1, j as u64 + 1))
        })
    }

    fn token_width(&self) -> usize {
        self.token().chars().count().max(1)
    }
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
        assert_eq!(d.message, "`video` must be `true` or `false`, found `yes`");
        assert_eq!(
            d.hint.as_deref(),
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
            d.message,
            "YAML syntax error: a tab character is used for indentation"
        );
        assert_eq!((d.line, d.column), (Some(3), Some(1)));
    }

    #[test]
    fn keys_are_named_in_type_errors() {
        let spot = Spot::new("week: 1\nx: { deals: twelve }\n", Some((2, 13)));
        assert_eq!(spot.key().as_deref(), Some("deals"));
        assert_eq!(spot.token(), "twelve");
        assert_eq!(spot.parent_key().as_deref(), Some("x"));
        let spot = Spot::new("m:\n  anna:\n    deals: 1\n", Some((3, 5)));
        assert_eq!(spot.parent_key().as_deref(), Some("anna"));
        let spot = Spot::new("revenue: 150 000 # note\n", Some((1, 10)));
        assert_eq!(spot.token(), "150 000");
        let spot = Spot::new("note: \"a, b\" # c\n", Some((1, 7)));
        assert_eq!(spot.token(), "\"a, b\"");
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
        assert_eq!(d.message, "missing key `b` in `bob`");
        assert_eq!((d.line, d.column), (Some(4), Some(8)));
    }

    #[test]
    fn control_characters_are_refused_where_they_are() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct N {
            note: String,
        }
        // Russian typography is not mistaken for controls: «», —, №, ₽, ё.
        let fine = "note: «Пётр» — №5, 100 ₽\tи\u{a0}всё\n";
        assert_eq!(raw_control_character(fine), None);
        assert_eq!(
            parse::<N>("f.yaml", fine, 0).unwrap().note,
            "«Пётр» — №5, 100 ₽\tи\u{a0}всё"
        );
        for (text, column, what) in [
            ("note: \"a\u{0}b\"\n", 9, "U+0000 (NUL)"),
            ("note: x\u{8}\n", 8, "U+0008 (backspace)"),
            ("note: «Пётр»\u{1b}[2J\n", 13, "U+001B (escape)"),
            ("note: a\rb\n", 8, "U+000D (carriage return)"),
            ("note: ab\u{9b}2J\n", 9, "U+009B"),
            (
                "note: Анна \u{202e}авонавИ\n",
                12,
                "U+202E (right-to-left override)",
            ),
            ("note: x\u{2066}y\n", 8, "U+2066 (left-to-right isolate)"),
        ] {
            let d = parse::<N>("f.yaml", text, 3).unwrap_err();
            assert_eq!(
                d.message,
                format!("the control character {what} is not allowed in a content file"),
                "{text:?}"
            );
            assert_eq!((d.line, d.column), (Some(4), Some(column)), "{text:?}");
        }
        // Made by an escape in double quotes; a backslash elsewhere is text.
        let d = error::<N>("note: \"all \\e[2J\\u202Efine\"\n");
        assert!(
            d.message.contains("U+001B (escape) with a `\\` escape"),
            "{}",
            d.message
        );
        assert_eq!((d.line, d.column), (Some(1), Some(7)));
        let path = parse::<N>("f.yaml", "note: C:\\exports\\new\n", 0).unwrap();
        assert_eq!(path.note, "C:\\exports\\new");
        assert!(parse::<N>("f.yaml", "note: \"tab\\there\"\n", 0).is_ok());
    }

    #[test]
    fn comments_only_is_no_data() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct W {
            week: String,
        }
        let d = error::<W>("# to fill in\n\n");
        assert_eq!(d.message, "the file has only comments, no data");
        assert_eq!(error::<W>("").message, "the file is empty");
    }
}
