//! Small value types shared by the content kinds, with messages that say what
//! was expected (serde's own are terse: "invalid u32").

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::yaml::invalid;
use crate::problem::{DateFix, Found, NumberFix, Value};

/// The largest count accepted: far beyond any week of any department, and
/// small enough that sums over every file can never overflow (docs/limits.md).
pub const MAX_COUNT: u64 = 1_000_000_000;
/// The largest amount accepted (10^15): beyond any department's revenue in
/// any currency, and small enough that sums and products stay finite.
pub const MAX_AMOUNT: f64 = 1e15;

/// A whole number ≥ 0 (leads, calls, deals).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Count(pub u64);

/// The longest name a file may give: a manager, the head of sales, a
/// competency or a custom metric. Names are drawn in charts and menus; a
/// real one is a few dozen characters (docs/limits.md).
pub const MAX_NAME_CHARS: usize = 150;
/// The longest title: the site's, a rule page's, a development plan's, a
/// one-to-one's topic.
pub const MAX_TITLE_CHARS: usize = 300;

/// An amount of money or minutes: a finite number ≥ 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Amount(pub f64);

/// How to write a rejected text value instead.
fn text_fix(v: &str) -> NumberFix {
    let t = v.trim();
    if !t.is_empty() && t.parse::<f64>().is_ok() {
        NumberFix::RemoveQuotes(t.to_string())
    } else if t.chars().any(|c| c.is_ascii_digit()) {
        NumberFix::DigitsOnly
    } else {
        NumberFix::DigitsExample
    }
}

/// A rejected string as found: a quoted number shows it was quoted.
fn quoted(v: &str) -> Found {
    if v.trim().parse::<f64>().is_ok() {
        Found::Quoted(v.to_string())
    } else {
        Found::Text(v.to_string())
    }
}

struct CountVisitor;

/// A count refused: what was found and how to write it.
fn count(found: Found, fix: NumberFix) -> Value {
    Value::Count { found, fix }
}

fn too_many() -> NumberFix {
    NumberFix::TooManyCount(MAX_COUNT.to_string())
}

impl Visitor<'_> for CountVisitor {
    type Value = Count;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number ≥ 0")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
        if v <= MAX_COUNT {
            Ok(Count(v))
        } else {
            Err(invalid(count(Found::Number(v.to_string()), too_many())))
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
        u64::try_from(v).map(Count).map_err(|_| {
            invalid(count(
                Found::Number(v.to_string()),
                NumberFix::NegativeCount,
            ))
        })
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
        if v >= 0.0 && v.fract() == 0.0 && v <= MAX_COUNT as f64 {
            return Ok(Count(v as u64));
        }
        let fix = if v < 0.0 {
            NumberFix::NegativeCount
        } else if v.fract() != 0.0 {
            NumberFix::Fraction
        } else {
            too_many()
        };
        Err(invalid(count(Found::Number(v.to_string()), fix)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Count, E> {
        Err(invalid(count(quoted(v), text_fix(v))))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Count, E> {
        Err(invalid(count(
            Found::Text(v.to_string()),
            NumberFix::DigitsExample,
        )))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Count, E> {
        Err(invalid(count(
            Found::Nothing,
            NumberFix::AfterColon { plural: true },
        )))
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CountVisitor)
    }
}

struct AmountVisitor;

/// An amount refused: what was found and how to write it.
fn amount(found: Found, fix: NumberFix) -> Value {
    Value::Amount { found, fix }
}

impl Visitor<'_> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number ≥ 0")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
        Ok(Amount(v as f64))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
        self.visit_f64(v as f64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
        if v.is_finite() && (0.0..=MAX_AMOUNT).contains(&v) {
            return Ok(Amount(v));
        }
        let fix = if v.is_finite() && v > MAX_AMOUNT {
            NumberFix::TooMuchAmount
        } else if v < 0.0 {
            NumberFix::NegativeAmount
        } else {
            NumberFix::Digits
        };
        Err(invalid(amount(Found::Number(v.to_string()), fix)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
        Err(invalid(amount(quoted(v), text_fix(v))))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Amount, E> {
        Err(invalid(amount(
            Found::Text(v.to_string()),
            NumberFix::Digits,
        )))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Amount, E> {
        Err(invalid(amount(
            Found::Nothing,
            NumberFix::AfterColon { plural: false },
        )))
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AmountVisitor)
    }
}

struct TargetVisitor;

impl Visitor<'_> for TargetVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number ≥ 0")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        self.visit_f64(v as f64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        if v.is_finite() && v >= 0.0 {
            Ok(v)
        } else {
            Err(invalid(Value::Target {
                found: Found::Number(v.to_string()),
                fix: NumberFix::TargetKinds,
            }))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        let t = v.trim();
        let percent = t.strip_suffix('%').map(str::trim);
        let fix = match percent.map(|p| p.replace(',', ".").parse::<f64>()) {
            Some(Ok(p)) => percent_fix(p),
            _ if t.replace(',', ".").parse::<f64>().is_ok() => {
                NumberFix::DecimalPoint(t.replace(',', "."))
            }
            _ => text_fix(v),
        };
        Err(invalid(Value::Target {
            found: Found::Text(v.to_string()),
            fix,
        }))
    }
}

/// How to write a percentage `p` as the fraction a target is: 35% → 0.35.
pub fn percent_fix(p: f64) -> NumberFix {
    NumberFix::Percent {
        percent: p.to_string(),
        fraction: (p / 100.0).to_string(),
    }
}

/// For `#[serde(deserialize_with)]`: a development plan goal's target,
/// answering `35%` or `0,35` with how to write it (serde says only
/// "invalid floating point").
pub fn target<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Spanned<f64>>, D::Error> {
    let spanned = Spanned::<Target>::deserialize(d)?;
    Ok(Some(Spanned {
        value: spanned.value.0,
        referenced: spanned.referenced,
        defined: spanned.defined,
    }))
}

/// A target's number, read by [`TargetVisitor`].
struct Target(f64);

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TargetVisitor).map(Target)
    }
}

/// An ISO date with a message that names the problem (chrono says only "input is out of range").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Date(pub NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        date_problem(&text).map(Date).map_err(invalid)
    }
}

/// Parses `YYYY-MM-DD`, telling a malformed date from one that does not exist.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    date_problem(text).map_err(|problem| {
        let shown = crate::locale::diagnostics::value_text(&problem, crate::content::Locale::En);
        match shown.hint {
            Some(hint) => format!("{} ({hint})", shown.message),
            None => shown.message,
        }
    })
}

/// A date, or what is wrong with it.
fn date_problem(text: &str) -> Result<NaiveDate, Value> {
    let parts: Vec<&str> = text.split('-').collect();
    let shaped = parts.len() == 3
        && [4, 2, 2].iter().zip(&parts).all(|(n, p)| p.len() == *n)
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !shaped {
        return Err(Value::DateShape {
            text: text.to_string(),
        });
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        let number = |p: &str| p.parse::<u32>().unwrap_or(0);
        let (year, month) = (parts[0].parse::<i32>().unwrap_or(0), number(parts[1]));
        let fix = match crate::calendar::YearMonth::new(year, month) {
            None => DateFix::NoMonth(month),
            Some(ym) => DateFix::MonthDays {
                month: ym.to_string(),
                days: chrono::Datelike::day(&ym.last_day()),
            },
        };
        Value::NoSuchDate {
            text: text.to_string(),
            fix,
        }
    })
}

/// A map key that remembers where it was written but compares by text only,
/// so `BTreeMap<Key, _>` sorts by id and can be looked up with a `&str`.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct Key(pub Spanned<String>);

impl Key {
    pub fn as_str(&self) -> &str {
        &self.0.value
    }

    /// 1-based (line, column) of the key in its YAML text.
    pub fn position(&self) -> (u64, u64) {
        position(&self.0)
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.0.value == other.0.value
    }
}

impl Eq for Key {}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.value.cmp(&other.0.value)
    }
}

impl Borrow<str> for Key {
    fn borrow(&self) -> &str {
        &self.0.value
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.value)
    }
}

/// Text of at most `max` characters; `name` for a name, else a title.
fn capped<'de, D: Deserializer<'de>>(d: D, max: usize, name: bool) -> Result<String, D::Error> {
    let text = String::deserialize(d)?;
    let count = text.chars().count();
    if count > max {
        return Err(invalid(Value::TooLong { max, count, name }));
    }
    Ok(text)
}

/// For `#[serde(deserialize_with)]`: a name of at most [`MAX_NAME_CHARS`].
pub fn name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    capped(d, MAX_NAME_CHARS, true)
}

/// For `#[serde(deserialize_with)]`: a title of at most [`MAX_TITLE_CHARS`].
pub fn title<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    capped(d, MAX_TITLE_CHARS, false)
}

/// For `#[serde(deserialize_with)]`: a key written with nothing after it
/// (`managers:` before anyone's numbers are in) reads as empty, not as an error.
pub fn null_as_empty<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Option::unwrap_or_default)
}

/// 1-based (line, column) of a spanned value in its YAML text.
pub fn position<T>(spanned: &Spanned<T>) -> (u64, u64) {
    (spanned.referenced.line(), spanned.referenced.column())
}

/// Whether `id` is a slug: lowercase letters, digits and single hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}
