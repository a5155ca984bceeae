//! The digest's wording: facts → lines in the site's language, as a sales
//! head would write them to the owner. Formats are `render`'s business.
//!
//! One file per part of a digest, in its order: `month.rs` (the month's
//! verdict), `change.rs` (what changed since the previous period),
//! `attention.rs` (what lags, and new alerts).

mod attention;
mod change;
mod month;

use super::facts::{Facts, Subject, Unit};
use super::{Block, Digest, Span};
use crate::content::Locale;
use crate::locale::format::Formatter;

/// The wording helpers every part shares: the site's formats and whether
/// it speaks Russian.
struct W<'a> {
    fmt: &'a Formatter,
    ru: bool,
}

impl W<'_> {
    fn pick(&self, ru: &str, en: &str) -> String {
        if self.ru { ru.into() } else { en.into() }
    }

    fn pct(&self, v: Option<f64>) -> String {
        v.map_or_else(|| "—".into(), |v| self.fmt.percent(v, 0))
    }

    fn money(&self, v: Option<f64>) -> String {
        v.map_or_else(|| "—".into(), |v| self.fmt.money(v))
    }

    /// "▲ 12 %" / "▼ 3 %" / "без изменений" for a relative change.
    fn change(&self, now: f64, before: f64) -> Option<String> {
        let change = now / before - 1.0;
        change
            .is_finite()
            .then(|| self.arrow(change, self.fmt.percent(change.abs(), 0)))
    }

    fn arrow(&self, change: f64, shown: String) -> String {
        let zero = shown.chars().filter(char::is_ascii_digit).all(|c| c == '0');
        if zero {
            self.pick("без изменений", "unchanged")
        } else if change > 0.0 {
            format!("▲ {shown}")
        } else {
            format!("▼ {shown}")
        }
    }

    fn deals(&self, n: u64) -> String {
        self.fmt.count(n, self.fmt.words.deal)
    }

    fn left(&self, n: u64, unit: Unit) -> String {
        let forms = match unit {
            Unit::Week => self.fmt.words.n_week,
            Unit::WorkingDay => self.fmt.words.n_working_day,
        };
        self.fmt.count(n, forms)
    }
}

fn text(s: impl Into<String>) -> Span {
    Span::Text(s.into())
}

fn strong(s: impl Into<String>) -> Span {
    Span::Strong(s.into())
}

/// The digest of `facts` in the site's language.
pub fn compose(facts: &Facts, fmt: &Formatter, redact: bool) -> Digest {
    let w = W {
        fmt,
        ru: fmt.locale == Locale::Ru,
    };
    let subject = match facts.subject {
        Subject::Day(d) => w.pick("сводка за ", "digest for ") + &fmt.date(d),
        Subject::Week(week) => fmt.week(week),
        Subject::Month(m) => fmt.month(m),
    };
    let heading = format!("{} · {subject}", facts.title);
    let mut blocks = Vec::new();
    if redact {
        blocks.push(Block::Line(vec![text(if w.ru {
            format!(
                "Отчёт обновлён, данные на {}. Цифры — на сайте, по паролю.",
                fmt.date(facts.as_of)
            )
        } else {
            format!(
                "The report was updated with data as of {}. The figures are on the site, behind the password.",
                fmt.date(facts.as_of)
            )
        })]));
    } else {
        month::verdict(facts, &w, &mut blocks);
        change::period_change(facts, &w, &mut blocks);
        attention::lagging(facts, &w, &mut blocks);
        attention::alerts(facts, &w, &mut blocks);
    }
    let link = facts.base_url.as_ref().map(|base| {
        let page = facts.page.trim_end_matches("index.html");
        (
            w.pick("Открыть отчёт", "Open the report"),
            format!("{base}{page}"),
        )
    });
    Digest {
        heading,
        subject,
        blocks,
        link,
    }
}

/// "к нед. 47" / "vs W47".
fn against_week(w: &W, week: crate::calendar::IsoWeek) -> String {
    format!("{} {}", w.pick("к", "vs"), w.fmt.week_short(week))
}
