//! Problems of a file's YAML: syntax, shapes, types and values.

use serde::{Deserialize, Serialize};

use super::Suggestion;

/// Which of the safety limits on a YAML file it broke (docs/limits.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    Depth,
    Aliases,
    Nodes,
}

/// What stands where a value was expected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Found {
    Nothing,
    List,
    Map,
    /// Text as written: `600 000 $`.
    Text(String),
    /// A number written in quotes: the text "3".
    Quoted(String),
    /// A number of the wrong kind: -3, 2.5.
    Number(String),
    /// serde's own description of a value ("boolean `true`").
    Other(String),
}

/// How to write a number that was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumberFix {
    /// More than any real count; the limit.
    TooManyCount(String),
    TooMuchAmount,
    NegativeCount,
    NegativeAmount,
    Fraction,
    /// Digits only, as the quoted number shows it.
    RemoveQuotes(String),
    /// Text with digits in it: `312 000 ₽`.
    DigitsOnly,
    /// Text without digits (`twelve`), or a count as `true`.
    DigitsExample,
    /// An amount as `true`, or not finite.
    Digits,
    /// Nothing after the colon; `plural` for counts ("there were none").
    AfterColon {
        plural: bool,
    },
    /// A target written as a percentage: `35%` → 0.35.
    Percent {
        percent: String,
        fraction: String,
    },
    /// A target with a comma or in quotes: `0,35` → 0.35.
    DecimalPoint(String),
    /// A negative target.
    TargetKinds,
}

/// A value refused while reading it (by our own types). Carried through
/// serde's error text, so it is (de)serialisable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    /// A whole number ≥ 0 was expected.
    Count {
        found: Found,
        fix: NumberFix,
    },
    /// A number ≥ 0 was expected.
    Amount {
        found: Found,
        fix: NumberFix,
    },
    /// A goal's target: a number.
    Target {
        found: Found,
        fix: NumberFix,
    },
    /// Not shaped as YYYY-MM-DD.
    DateShape {
        text: String,
    },
    /// Shaped as a date, not in the calendar.
    NoSuchDate {
        text: String,
        fix: DateFix,
    },
    /// Text longer than allowed; `name` for names, else a title.
    TooLong {
        max: usize,
        count: usize,
        name: bool,
    },
    WeekShape {
        text: String,
    },
    NoSuchWeek {
        text: String,
        year: i32,
        weeks: u32,
    },
    MonthShape {
        text: String,
    },
    NoSuchMonth {
        text: String,
    },
}

/// Why a date-shaped text is not a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateFix {
    NoMonth(u32),
    MonthDays { month: String, days: u32 },
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

impl Value {
    pub fn code(&self) -> &'static str {
        match self {
            Value::Count { fix, .. } | Value::Amount { fix, .. } | Value::Target { fix, .. } => {
                match fix {
                    NumberFix::TooManyCount(_) | NumberFix::TooMuchAmount => "number-too-large",
                    NumberFix::NegativeCount | NumberFix::NegativeAmount => "negative-number",
                    NumberFix::Fraction => "fraction-in-count",
                    NumberFix::RemoveQuotes(_) => "number-in-quotes",
                    NumberFix::Percent { .. } => "percent-instead-of-fraction",
                    NumberFix::AfterColon { .. } => "missing-number",
                    _ => "not-a-number",
                }
            }
            Value::DateShape { .. } => "not-a-date",
            Value::NoSuchDate { .. } => "date-does-not-exist",
            Value::TooLong { .. } => "text-too-long",
            Value::WeekShape { .. } => "not-a-week",
            Value::NoSuchWeek { .. } => "week-does-not-exist",
            Value::MonthShape { .. } => "not-a-month",
            Value::NoSuchMonth { .. } => "month-does-not-exist",
        }
    }

    #[cfg(test)]
    pub fn samples() -> Vec<Value> {
        let fixes = [
            NumberFix::TooManyCount("1000000000".into()),
            NumberFix::TooMuchAmount,
            NumberFix::NegativeCount,
            NumberFix::NegativeAmount,
            NumberFix::Fraction,
            NumberFix::RemoveQuotes("3".into()),
            NumberFix::DigitsOnly,
            NumberFix::DigitsExample,
            NumberFix::Digits,
            NumberFix::AfterColon { plural: true },
            NumberFix::AfterColon { plural: false },
            NumberFix::Percent {
                percent: "35".into(),
                fraction: "0.35".into(),
            },
            NumberFix::DecimalPoint("0.35".into()),
            NumberFix::TargetKinds,
        ];
        let mut all = Vec::new();
        for fix in fixes {
            let found = Found::Text("600 000 $".into());
            all.push(Value::Count {
                found: found.clone(),
                fix: fix.clone(),
            });
            all.push(Value::Amount {
                found: found.clone(),
                fix: fix.clone(),
            });
            all.push(Value::Target { found, fix });
        }
        all.extend([
            Value::DateShape {
                text: "23.11.2026".into(),
            },
            Value::NoSuchDate {
                text: "2026-02-30".into(),
                fix: DateFix::MonthDays {
                    month: "2026-02".into(),
                    days: 28,
                },
            },
            Value::NoSuchDate {
                text: "2026-13-01".into(),
                fix: DateFix::NoMonth(13),
            },
            Value::TooLong {
                max: 150,
                count: 300,
                name: true,
            },
            Value::TooLong {
                max: 300,
                count: 301,
                name: false,
            },
            Value::WeekShape {
                text: "2026-47".into(),
            },
            Value::NoSuchWeek {
                text: "2025-W53".into(),
                year: 2025,
                weeks: 52,
            },
            Value::MonthShape {
                text: "2026-1".into(),
            },
            Value::NoSuchMonth {
                text: "2026-13".into(),
            },
        ]);
        all
    }
}
