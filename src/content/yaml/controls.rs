//! Characters no content file may hold, found before and after parsing.

use super::spot::Spot;
use crate::diagnostic::Diagnostic;
use crate::problem::Yaml;

/// A forbidden character written as it is, wherever it stands (a comment
/// too: a terminal that shows the line would obey it).
pub(super) fn raw(path: &str, text: &str, line_offset: u64) -> Option<Diagnostic> {
    let (at, c) = raw_control_character(text)?;
    let line = text[..at].bytes().filter(|b| *b == b'\n').count() as u64 + 1;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let column = text[start..at].chars().count() as u64 + 1;
    Some(Diagnostic::error(path, control(c, false)).at(line + line_offset, column))
}

/// A forbidden character made by a `\` escape in double-quoted text, which
/// the raw check cannot see. Call it on text that has parsed.
pub(super) fn escaped(path: &str, text: &str, line_offset: u64) -> Option<Diagnostic> {
    if !text.contains('\\') {
        return None;
    }
    let (line, column, c) = escaped_control_character(text)?;
    let width = Spot::new(text, Some((line, column))).token_width();
    Some(
        Diagnostic::error(path, control(c, true))
            .at(line + line_offset, column)
            .width(width),
    )
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

/// The problem of a forbidden character, written as it is or made by an escape.
fn control(c: char, escaped: bool) -> Yaml {
    Yaml::Control {
        character: describe(c),
        bidi: ('\u{202a}'..='\u{2069}').contains(&c),
        escaped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::yaml::parse;

    fn error<T: serde::de::DeserializeOwned + std::fmt::Debug>(
        text: &str,
    ) -> crate::diagnostic::Diagnostic {
        parse::<T>("f.yaml", text, 0).unwrap_err()
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
                d.message(),
                format!("the control character {what} is not allowed in a content file"),
                "{text:?}"
            );
            assert_eq!((d.line, d.column), (Some(4), Some(column)), "{text:?}");
        }
        // Made by an escape in double quotes; a backslash elsewhere is text.
        let d = error::<N>("note: \"all \\e[2J\\u202Efine\"\n");
        assert!(
            d.message().contains("U+001B (escape) with a `\\` escape"),
            "{}",
            d.message()
        );
        assert_eq!((d.line, d.column), (Some(1), Some(7)));
        let path = parse::<N>("f.yaml", "note: C:\\exports\\new\n", 0).unwrap();
        assert_eq!(path.note, "C:\\exports\\new");
        assert!(parse::<N>("f.yaml", "note: \"tab\\there\"\n", 0).is_ok());
    }
}
