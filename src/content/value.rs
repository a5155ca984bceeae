//! Small value types shared by the content kinds, with messages that say what
//! was expected (serde's own are terse: "invalid u32").

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

/// A whole number ≥ 0 (leads, calls, deals).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Count(pub u64);

/// An amount of money or minutes: a finite number ≥ 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Amount(pub f64);

struct CountVisitor;

impl Visitor<'_> for CountVisitor {
    type Value = Count;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number ≥ 0")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
        Ok(Count(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
        u64::try_from(v)
            .map(Count)
            .map_err(|_| E::custom(format!("expected a whole number ≥ 0, found {v}")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
        if v >= 0.0 && v.fract() == 0.0 && v < 9.0e15 {
            Ok(Count(v as u64))
        } else {
            Err(E::custom(format!("expected a whole number ≥ 0, found {v}")))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Count, E> {
        Err(E::custom(format!(
            "expected a whole number ≥ 0, found text `{v}`"
        )))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Count, E> {
        Err(E::custom(format!(
            "expected a whole number ≥ 0, found `{v}`"
        )))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Count, E> {
        Err(E::custom("expected a whole number ≥ 0, found nothing"))
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CountVisitor)
    }
}

struct AmountVisitor;

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
        if v.is_finite() && v >= 0.0 {
            Ok(Amount(v))
        } else {
            Err(E::custom(format!("expected a number ≥ 0, found {v}")))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
        Err(E::custom(format!(
            "expected a number ≥ 0, found text `{v}` (write digits only: 312000, not 312 000 ₽)"
        )))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Amount, E> {
        Err(E::custom(format!("expected a number ≥ 0, found `{v}`")))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Amount, E> {
        Err(E::custom("expected a number ≥ 0, found nothing"))
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AmountVisitor)
    }
}

/// An ISO date with a message that names the problem (chrono says only "input is out of range").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Date(pub NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_date(&text).map(Date).map_err(de::Error::custom)
    }
}

/// Parses `YYYY-MM-DD`, telling a malformed date from one that does not exist.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let parts: Vec<&str> = text.split('-').collect();
    let shaped = parts.len() == 3
        && [4, 2, 2].iter().zip(&parts).all(|(n, p)| p.len() == *n)
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !shaped {
        return Err(format!(
            "`{text}` is not a date: expected `YYYY-MM-DD`, e.g. `2026-11-23`"
        ));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date that exists in the calendar"))
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
