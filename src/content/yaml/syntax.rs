//! The scanner's syntax errors, explained. The scanner (granit-parser, under
//! serde-saphyr) reports each as an `ErrorKind`; its English is kept as the
//! message, because it names the YAML rule broken, and the hint is chosen by
//! the kind. Some mistakes are recognised from the source line instead (a
//! tab, `key:value`): the scanner reports them as something else.

use serde_saphyr::granit_parser::ErrorKind;

use super::explain::Explained;
use super::spot::Spot;

/// `message` is the scanner's own wording of `kind`.
pub(super) fn explain(kind: &ErrorKind, message: &str, spot: &Spot) -> Explained {
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
    let colon_without_space = spot.colon_without_space();
    if colon_without_space || *kind == ErrorKind::SimpleKeyExpected {
        return Explained::hint(
            "YAML syntax error: expected `key: value`",
            if colon_without_space {
                "put a space after the colon: `key: value`"
            } else {
                "a key ends with `: `; check the indentation"
            },
        );
    }
    if let ErrorKind::UnclosedFlowCollection { open } = kind {
        let close = if *open == '[' { ']' } else { '}' };
        return Explained::hint(
            format!("YAML syntax error: `{open}` is never closed"),
            format!(
                "close it with `{close}` on the same line, or write the entries as indented lines"
            ),
        );
    }
    Explained::hint(format!("YAML syntax error: {message}"), hint(kind))
}

/// How to fix the common syntax mistakes of hand-written content.
fn hint(kind: &ErrorKind) -> &'static str {
    match kind {
        ErrorKind::UnclosedQuotedScalar => "end the text with the same quote it starts with",
        ErrorKind::MappingValueNotAllowed => {
            "text that contains `: ` must be in quotes, e.g. note: \"plan: 3 deals\"; or check the indentation"
        }
        ErrorKind::InvalidTrailingSingleQuotedScalar
        | ErrorKind::InvalidTrailingDoubleQuotedScalar => {
            "a quoted value ends at its closing quote; to use double quotes inside, wrap the text in single quotes"
        }
        ErrorKind::UnexpectedCharacter { .. } => {
            "put the text in quotes, e.g. note: \"@ the office\""
        }
        ErrorKind::BlockSequenceEntryNotAllowed => {
            "text that starts with `- ` must be in quotes; a list starts on the next line"
        }
        ErrorKind::MisplacedFlowCollectionEnd => "remove it, or put the text in quotes",
        _ => "check the indentation and the quotes on this line and the one above",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `kind` explained on line 1 of `text` at `column`, with a message
    /// that names no rule: the hint must come from the kind.
    fn at(kind: ErrorKind, text: &str, column: u64) -> Explained {
        explain(&kind, "(scanner text)", &Spot::new(text, Some((1, column))))
    }

    #[test]
    fn hints_follow_the_kind() {
        let e = at(ErrorKind::UnclosedQuotedScalar, "note: \"abc\n", 7);
        assert_eq!(e.message, "YAML syntax error: (scanner text)");
        assert_eq!(
            e.hint.as_deref(),
            Some("end the text with the same quote it starts with")
        );
        let e = at(
            ErrorKind::UnexpectedCharacter { character: '@' },
            "note: @x\n",
            7,
        );
        assert_eq!(
            e.hint.as_deref(),
            Some("put the text in quotes, e.g. note: \"@ the office\"")
        );
        let e = at(ErrorKind::InvalidIndentation, "a: 1\n", 1);
        assert_eq!(
            e.hint.as_deref(),
            Some("check the indentation and the quotes on this line and the one above")
        );
        let e = at(
            ErrorKind::UnclosedFlowCollection { open: '[' },
            "a: [1\n",
            4,
        );
        assert_eq!(e.message, "YAML syntax error: `[` is never closed");
        assert_eq!(
            e.hint.as_deref(),
            Some("close it with `]` on the same line, or write the entries as indented lines")
        );
    }

    #[test]
    fn the_source_line_can_say_more_than_the_kind() {
        // `deals:3` is one plain word to the scanner, whatever it reports.
        let e = at(ErrorKind::MappingValueNotAllowed, "deals:3\n", 1);
        assert_eq!(e.message, "YAML syntax error: expected `key: value`");
        assert_eq!(
            e.hint.as_deref(),
            Some("put a space after the colon: `key: value`")
        );
        // A tab is pointed at, on the error's line or the next.
        let spot = Spot::new("a:\n\tb: 1\n", Some((1, 3)));
        let e = explain(&ErrorKind::TabInIndentation, "", &spot);
        assert_eq!((e.position, e.width), (Some((2, 1)), Some(1)));
    }

    #[test]
    fn real_syntax_errors_reach_their_cases() {
        type Map = std::collections::BTreeMap<String, serde::de::IgnoredAny>;
        let message = |text: &str| {
            super::super::parse::<Map>("f.yaml", text, 0)
                .unwrap_err()
                .message
        };
        assert_eq!(
            message("a: { b: 1\n"),
            "YAML syntax error: `{` is never closed"
        );
        assert_eq!(message("a: \"b\n"), "YAML syntax error: unclosed quote");
        assert_eq!(
            message(&format!("a: {}\n", "[".repeat(300))),
            "the file is nested too deeply (more than 32 levels); refusing to read it"
        );
    }
}
