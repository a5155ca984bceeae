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
use crate::locale::digest::{self, DigestPhrases};
use crate::locale::format::Formatter;

/// The wording helpers every part shares: the site's formats and the
/// digest's sentences in its language.
struct W<'a> {
    fmt: &'a Formatter,
    say: &'static dyn DigestPhrases,
}

impl W<'_> {
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
            self.say.unchanged().to_string()
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
        say: digest::phrases(fmt.locale),
    };
    let subject = match facts.subject {
        Subject::Day(d) => w.say.digest_for(&fmt.date(d)),
        Subject::Week(week) => fmt.week(week),
        Subject::Month(m) => fmt.month(m),
    };
    let heading = format!("{} · {subject}", facts.title);
    let mut blocks = Vec::new();
    if redact {
        blocks.push(Block::Line(vec![text(
            w.say.redacted(&fmt.date(facts.as_of)),
        )]));
    } else {
        month::verdict(facts, &w, &mut blocks);
        change::period_change(facts, &w, &mut blocks);
        attention::lagging(facts, &w, &mut blocks);
        attention::alerts(facts, &w, &mut blocks);
    }
    let link = facts.base_url.as_ref().map(|base| {
        let page = facts.page.trim_end_matches("index.html");
        (w.say.open_report().to_string(), format!("{base}{page}"))
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
    w.say.against(&w.fmt.week_short(week))
}
