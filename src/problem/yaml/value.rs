//! A value refused while reading it: what stands where a number, a date, a
//! week or a month was expected, and how to write it instead.

use serde::{Deserialize, Serialize};

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
