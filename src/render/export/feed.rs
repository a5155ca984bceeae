//! `/feed.xml`: an Atom feed (RFC 4287) of the digests of closed weeks and
//! months, for the owner's feed reader. Each entry is the digest as it
//! would have been sent the day the period closed (the analytics computed
//! as of that day), so an entry does not change as later weeks arrive.
//! Ids and dates come from the periods, never from the clock.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::analytics::{self, Analytics};
use crate::audience::Audience;
use crate::content::{Content, Locale};
use crate::render::digest::{self, Options, Period};
use crate::render::route::Route;

/// The feed keeps the latest this many closed weeks and months.
pub const WEEKS: usize = 8;
pub const MONTHS: usize = 4;

/// One closed period the feed has an entry for: its kind, key and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Closed {
    last_day: NaiveDate,
    period: PeriodKey,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum PeriodKey {
    Week(crate::calendar::IsoWeek),
    Month(crate::calendar::YearMonth),
}

impl Closed {
    fn period(self) -> Period {
        match self.period {
            PeriodKey::Week(_) => Period::Week,
            PeriodKey::Month(_) => Period::Month,
        }
    }

    /// `weeks/2026-W47` / `months/2026-11`: the entry's key and page.
    fn route(self) -> Route {
        match self.period {
            PeriodKey::Week(w) => Route::Week(w),
            PeriodKey::Month(m) => Route::Month(m),
        }
    }

    /// The page's folder: `weeks/2026-W48`.
    fn key(self) -> String {
        let path = self.route().path();
        path.trim_end_matches("/index.html").to_string()
    }
}

/// The closed weeks and months with data as of `a.as_of`, newest first.
fn closed(a: &Analytics) -> Vec<Closed> {
    let weeks = a
        .weeks
        .iter()
        .rev()
        .filter(|w| w.week.sunday() < a.as_of)
        .take(WEEKS)
        .map(|w| Closed {
            last_day: w.week.sunday(),
            period: PeriodKey::Week(w.week),
        });
    let months = a
        .months
        .iter()
        .rev()
        .filter(|m| m.month.last_day() < a.as_of)
        .take(MONTHS)
        .map(|m| Closed {
            last_day: m.month.last_day(),
            period: PeriodKey::Month(m.month),
        });
    let mut all: Vec<Closed> = weeks.chain(months).collect();
    all.sort_by(|a, b| b.cmp(a));
    all
}

/// A stable `urn:uuid:` for a site without an absolute address: two FNV-1a
/// hashes of the site's title and the entry's key, as a version-8 UUID.
fn urn(title: &str, key: &str) -> String {
    let fnv = |seed: u64| {
        let mut h = 0xcbf2_9ce4_8422_2325_u64 ^ seed;
        for b in title.bytes().chain([0]).chain(key.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    };
    let (hi, lo) = (fnv(0), fnv(0x9e37_79b9_7f4a_7c15));
    let hi = (hi & !0xf000) | 0x8000; // version 8
    let lo = (lo & !(0b11 << 62)) | (0b10 << 62); // RFC 4122 variant
    format!(
        "urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn stamp(day: NaiveDate) -> String {
    format!("{day}T23:59:59Z")
}

/// The analytics of `content` as of each date (restricted for the team),
/// computed side by side.
fn analytics_at(
    content: &Content,
    dates: BTreeSet<NaiveDate>,
    audience: Audience,
) -> BTreeMap<NaiveDate, Analytics> {
    dates
        .into_par_iter()
        .map(|d| {
            let mut a = analytics::compute(&digest::facts::as_it_stood(content, d), d);
            if audience == Audience::Team {
                crate::audience::restrict(&mut a);
            }
            (d, a)
        })
        .collect()
}

/// `feed.xml` for the audience's content as of `a.as_of`.
pub fn atom(content: &Content, a: &Analytics, audience: Audience) -> Vec<u8> {
    let periods = closed(a);
    let base = &content.config.base_url.value;
    let absolute = (base.starts_with("https://") || base.starts_with("http://"))
        .then(|| format!("{}/", base.trim_end_matches('/')));
    // Every entry needs the analytics as of its last day and as of the
    // period before (for what is new).
    let mut dates = BTreeSet::new();
    for p in &periods {
        dates.insert(p.last_day);
    }
    let at = analytics_at(content, dates, audience);
    let befores: BTreeSet<NaiveDate> = periods
        .iter()
        .map(|p| digest::facts::previous_as_of(p.period(), p.last_day, &at[&p.last_day]))
        .filter(|d| !at.contains_key(d))
        .collect();
    let before_at = analytics_at(content, befores, audience);

    let title = &content.config.title;
    let lang = match content.config.locale {
        Locale::Ru => "ru",
        Locale::En => "en",
    };
    let href = |path: &str| match &absolute {
        Some(base) => format!("{base}{path}"),
        None => path.to_string(),
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        out,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">"
    );
    let _ = writeln!(out, "  <title>{}</title>", escape(title));
    let _ = writeln!(
        out,
        "  <subtitle>{}</subtitle>",
        escape(match content.config.locale {
            Locale::Ru => "Итоги недель и месяцев",
            Locale::En => "Weekly and monthly reports",
        })
    );
    let _ = writeln!(
        out,
        "  <id>{}</id>",
        escape(&absolute.clone().unwrap_or_else(|| urn(title, "feed")))
    );
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&href(&Route::Dashboard.path()))
    );
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&href("feed.xml"))
    );
    let updated = periods.first().map_or(a.as_of, |p| p.last_day);
    let _ = writeln!(out, "  <updated>{}</updated>", stamp(updated));
    let _ = writeln!(out, "  <author><name>{}</name></author>", escape(title));
    let _ = writeln!(
        out,
        "  <generator version=\"{}\">salespulse</generator>",
        env!("CARGO_PKG_VERSION")
    );
    for p in &periods {
        let now = &at[&p.last_day];
        let before_day = digest::facts::previous_as_of(p.period(), p.last_day, now);
        let before = at
            .get(&before_day)
            .or_else(|| before_at.get(&before_day))
            .expect("computed above");
        let stood = digest::facts::as_it_stood(content, p.last_day);
        let d = digest::digest(
            &stood,
            now,
            before,
            Options {
                period: p.period(),
                audience,
                base_url: None,
                redact: false,
            },
        );
        let page = p.route().path();
        let id = match &absolute {
            Some(base) => format!("{base}{}/", p.key()),
            None => urn(title, &p.key()),
        };
        out.push_str("  <entry>\n");
        let _ = writeln!(
            out,
            "    <title>{}</title>",
            escape(&crate::render::view::capitalised(&d.subject))
        );
        let _ = writeln!(out, "    <id>{}</id>", escape(&id));
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&href(&page))
        );
        let _ = writeln!(out, "    <updated>{}</updated>", stamp(p.last_day));
        let _ = writeln!(
            out,
            "    <content type=\"html\">{}</content>",
            escape(&digest::html_fragment(&d))
        );
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urns_are_stable_uuids() {
        let a = urn("Отдел продаж", "weeks/2026-W47");
        assert_eq!(a, urn("Отдел продаж", "weeks/2026-W47"));
        assert_ne!(a, urn("Отдел продаж", "weeks/2026-W46"));
        assert_eq!(a.len(), "urn:uuid:".len() + 36);
        let uuid = &a["urn:uuid:".len()..];
        assert_eq!(&uuid[14..15], "8", "version 8: {uuid}");
        assert!("89ab".contains(&uuid[19..20]), "variant: {uuid}");
    }
}
