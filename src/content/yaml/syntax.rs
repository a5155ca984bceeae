//! The scanner's syntax errors, explained. The scanner (granit-parser, under
//! serde-saphyr) reports each as an `ErrorKind`; its English is kept as the
//! message, because it names the YAML rule broken, and the hint is chosen by
//! the kind. Some mistakes are recognised from the source line instead (a
//! tab, `key:value`): the scanner reports them as something else.

use serde_saphyr::granit_parser::ErrorKind;

use super::explain::Explained;
use super::spot::Spot;
use crate::problem::{Syntax, Yaml};

/// `message` is the scanner's own wording of `kind`.
pub(super) fn explain(kind: &ErrorKind, message: &str, spot: &Spot) -> Explained {
    let problem = |kind| Yaml::Syntax {
        kind,
        scanner: message.to_string(),
    };
    if let Some(tab) = spot.tab() {
        // The scanner points past the tab, or at the end of the line before
        // it; point at the tab itself.
        let mut e = Explained::new(problem(Syntax::Tab));
        e.position = Some(tab);
        e.width = Some(1);
        return e;
    }
    if spot.colon_without_space() {
        return Explained::new(problem(Syntax::ColonWithoutSpace));
    }
    Explained::new(problem(match kind {
        ErrorKind::SimpleKeyExpected => Syntax::KeyExpected,
        ErrorKind::UnclosedFlowCollection { open } => Syntax::Unclosed(*open),
        ErrorKind::UnclosedQuotedScalar => Syntax::UnclosedQuote,
        ErrorKind::MappingValueNotAllowed => Syntax::ColonInText,
        ErrorKind::InvalidTrailingSingleQuotedScalar
        | ErrorKind::InvalidTrailingDoubleQuotedScalar => Syntax::TextAfterQuote,
        ErrorKind::UnexpectedCharacter { .. } => Syntax::UnexpectedCharacter,
        ErrorKind::BlockSequenceEntryNotAllowed => Syntax::DashInText,
        ErrorKind::MisplacedFlowCollectionEnd => Syntax::StrayBracket,
        _ => Syntax::Other,
    }))
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
        assert_eq!(e.message(), "YAML syntax error: (scanner text)");
        assert_eq!(
            e.hint().as_deref(),
            Some("end the text with the same quote it starts with")
        );
        let e = at(
            ErrorKind::UnexpectedCharacter { character: '@' },
            "note: @x\n",
            7,
        );
        assert_eq!(
            e.hint().as_deref(),
            Some("put the text in quotes, e.g. note: \"@ the office\"")
        );
        let e = at(ErrorKind::InvalidIndentation, "a: 1\n", 1);
        assert_eq!(
            e.hint().as_deref(),
            Some("check the indentation and the quotes on this line and the one above")
        );
        let e = at(
            ErrorKind::UnclosedFlowCollection { open: '[' },
            "a: [1\n",
            4,
        );
        assert_eq!(e.message(), "YAML syntax error: `[` is never closed");
        assert_eq!(
            e.hint().as_deref(),
            Some("close it with `]` on the same line, or write the entries as indented lines")
        );
    }

    #[test]
    fn the_source_line_can_say_more_than_the_kind() {
        // `deals:3` is one plain word to the scanner, whatever it reports.
        let e = at(ErrorKind::MappingValueNotAllowed, "deals:3\n", 1);
        assert_eq!(e.message(), "YAML syntax error: expected `key: value`");
        assert_eq!(
            e.hint().as_deref(),
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
                .message()
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
