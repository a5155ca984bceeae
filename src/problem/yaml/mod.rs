//! Problems of a file's YAML: syntax, shapes, types and values. A value our
//! own types refuse (a count, an amount, a date…) is a [`Value`], in `value`.

mod value;

pub use value::{DateFix, Found, NumberFix, Value};

use super::Suggestion;

/// Which of the safety limits on a YAML file it broke (docs/limits.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    Depth,
    Aliases,
    Nodes,
}

/// The YAML rule broken, as the scanner reports it (with its own English,
/// shown in English) or as the source line shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Syntax {
    Tab,
    ColonWithoutSpace,
    KeyExpected,
    Unclosed(char),
    UnclosedQuote,
    ColonInText,
    TextAfterQuote,
    UnexpectedCharacter,
    DashInText,
    StrayBracket,
    Other,
}

/// How to write a map that was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapFix {
    ColonSpace,
    NoDashes,
    Indent,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Yaml {
    Empty,
    OnlyComments,
    MissingFrontMatter,
    UnclosedFrontMatter,
    NotUtf8 {
        byte: u8,
    },
    /// A forbidden character, named (`U+001B (escape)`); `bidi` for the
    /// direction controls; `escaped` when a `\` escape made it.
    Control {
        character: String,
        bidi: bool,
        escaped: bool,
    },
    /// `scanner` is the scanner's English.
    Syntax {
        kind: Syntax,
        scanner: String,
    },
    UnknownKey {
        key: String,
        fix: Suggestion,
    },
    UnknownValue {
        value: String,
        key: Option<String>,
        fix: Suggestion,
    },
    MissingKey {
        key: String,
        within: Option<String>,
    },
    /// serde's type error: `expected` is serde's English ("a whole number ≥ 0").
    WrongType {
        key: Option<String>,
        expected: String,
        found: Found,
    },
    NotTrueFalse {
        key: Option<String>,
        found: Found,
    },
    NotFinite {
        key: Option<String>,
        found: Found,
    },
    NotAMap {
        key: Option<String>,
        found: Found,
        fix: MapFix,
    },
    NotOneValue {
        key: Option<String>,
        found: Found,
    },
    /// Another node than the type reads; `expected` is the parser's event name.
    Unexpected {
        key: Option<String>,
        expected: String,
    },
    /// A key written twice; the file lines of the first and the repeat when known.
    Duplicate {
        key: String,
        lines: Option<(u64, u64)>,
    },
    TooBig(Limit),
    UnknownAnchor {
        alias: String,
    },
    ManyDocuments,
    EndsMidValue,
    /// A value our types refused; `unclosed` is a bracket left open on its
    /// line (the real mistake then).
    Value {
        key: Option<String>,
        value: Value,
        unclosed: Option<char>,
    },
    /// A parser message without a case of its own, shown as it is.
    Parser {
        key: Option<String>,
        text: String,
    },
}

impl Yaml {
    pub fn code(&self) -> &'static str {
        match self {
            Yaml::Empty => "empty-file",
            Yaml::OnlyComments => "no-data",
            Yaml::MissingFrontMatter => "missing-front-matter",
            Yaml::UnclosedFrontMatter => "unclosed-front-matter",
            Yaml::NotUtf8 { .. } => "not-utf8",
            Yaml::Control { .. } => "control-character",
            Yaml::Syntax { kind, .. } => match kind {
                Syntax::Tab => "tab-indentation",
                Syntax::ColonWithoutSpace | Syntax::KeyExpected => "expected-key-value",
                Syntax::Unclosed(_) => "unclosed-bracket",
                Syntax::UnclosedQuote => "unclosed-quote",
                _ => "yaml-syntax",
            },
            Yaml::UnknownKey { .. } => "unknown-key",
            Yaml::UnknownValue { .. } => "unknown-value",
            Yaml::MissingKey { .. } => "missing-key",
            Yaml::WrongType { .. } | Yaml::NotOneValue { .. } | Yaml::Unexpected { .. } => {
                "wrong-type"
            }
            Yaml::NotTrueFalse { .. } => "not-true-false",
            Yaml::NotFinite { .. } => "not-a-number",
            Yaml::NotAMap { .. } => "not-a-map",
            Yaml::Duplicate { .. } => "duplicate-key",
            Yaml::TooBig(Limit::Depth) => "too-deep",
            Yaml::TooBig(Limit::Aliases) => "too-many-aliases",
            Yaml::TooBig(Limit::Nodes) => "too-many-values",
            Yaml::UnknownAnchor { .. } => "unknown-anchor",
            Yaml::ManyDocuments => "many-documents",
            Yaml::EndsMidValue => "unexpected-end",
            Yaml::Value { value, .. } => value.code(),
            Yaml::Parser { .. } => "invalid-value",
        }
    }

    #[cfg(test)]
    pub fn samples() -> Vec<Yaml> {
        let key = Some("deals".to_string());
        let mut all = vec![
            Yaml::Empty,
            Yaml::OnlyComments,
            Yaml::MissingFrontMatter,
            Yaml::UnclosedFrontMatter,
            Yaml::NotUtf8 { byte: 0xE9 },
            Yaml::UnknownKey {
                key: "dealz".into(),
                fix: Suggestion::Close("deals".into()),
            },
            Yaml::UnknownKey {
                key: "x".into(),
                fix: Suggestion::OneOf(vec!["deals".into(), "calls".into()]),
            },
            Yaml::UnknownValue {
                value: "de".into(),
                key: Some("locale".into()),
                fix: Suggestion::OneOf(vec!["ru".into(), "en".into()]),
            },
            Yaml::MissingKey {
                key: "deals".into(),
                within: Some("anna-ivanova".into()),
            },
            Yaml::MissingKey {
                key: "week".into(),
                within: None,
            },
            Yaml::Unexpected {
                key: key.clone(),
                expected: "sequence start".into(),
            },
            Yaml::Duplicate {
                key: "anna".into(),
                lines: Some((3, 5)),
            },
            Yaml::Duplicate {
                key: "anna".into(),
                lines: Some((3, 3)),
            },
            Yaml::Duplicate {
                key: "anna".into(),
                lines: None,
            },
            Yaml::UnknownAnchor { alias: "*x".into() },
            Yaml::ManyDocuments,
            Yaml::EndsMidValue,
            Yaml::Parser {
                key: key.clone(),
                text: "invalid".into(),
            },
        ];
        for limit in [Limit::Depth, Limit::Aliases, Limit::Nodes] {
            all.push(Yaml::TooBig(limit));
        }
        for (bidi, escaped) in [(false, false), (true, false), (false, true)] {
            all.push(Yaml::Control {
                character: "U+001B".into(),
                bidi,
                escaped,
            });
        }
        for kind in [
            Syntax::Tab,
            Syntax::ColonWithoutSpace,
            Syntax::KeyExpected,
            Syntax::Unclosed('{'),
            Syntax::Unclosed('['),
            Syntax::UnclosedQuote,
            Syntax::ColonInText,
            Syntax::TextAfterQuote,
            Syntax::UnexpectedCharacter,
            Syntax::DashInText,
            Syntax::StrayBracket,
            Syntax::Other,
        ] {
            all.push(Yaml::Syntax {
                kind,
                scanner: "scanner text".into(),
            });
        }
        let founds = [
            Found::Nothing,
            Found::List,
            Found::Map,
            Found::Text("twelve".into()),
            Found::Quoted("3".into()),
            Found::Number("-3".into()),
            Found::Other("boolean `true`".into()),
        ];
        for found in founds {
            for k in [key.clone(), None] {
                all.push(Yaml::WrongType {
                    key: k.clone(),
                    expected: "a whole number ≥ 0".into(),
                    found: found.clone(),
                });
                all.push(Yaml::NotTrueFalse {
                    key: k.clone(),
                    found: found.clone(),
                });
                all.push(Yaml::NotOneValue {
                    key: k.clone(),
                    found: found.clone(),
                });
                all.push(Yaml::NotFinite {
                    key: k.clone(),
                    found: found.clone(),
                });
            }
        }
        for expected in ["a number ≥ 0", "a string", "a sequence", "struct X", "u32"] {
            all.push(Yaml::WrongType {
                key: key.clone(),
                expected: expected.into(),
                found: Found::Map,
            });
        }
        for fix in [MapFix::ColonSpace, MapFix::NoDashes, MapFix::Indent] {
            all.push(Yaml::NotAMap {
                key: key.clone(),
                found: Found::List,
                fix,
            });
        }
        for value in Value::samples() {
            for unclosed in [None, Some('{')] {
                all.push(Yaml::Value {
                    key: key.clone(),
                    value: value.clone(),
                    unclosed,
                });
            }
            all.push(Yaml::Value {
                key: None,
                value,
                unclosed: None,
            });
        }
        all
    }
}
