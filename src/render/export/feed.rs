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
use crate::domain::Department;
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
    department: &Department,
    dates: BTreeSet<NaiveDate>,
    audience: Audience,
) -> BTreeMap<NaiveDate, Analytics> {
    dates
        .into_par_iter()
        .map(|d| {
            let mut a = analytics::compute(&digest::facts::as_it_stood(department, d), d);
            if audience == Audience::Team {
                crate::audience::restrict(&mut a);
            }
            (d, a)
        })
        .collect()
}

/// The analytics the entries read: every entry needs them as of its last
/// day and as of the day its digest compares with (for what is new). The
/// second set holds only the days the first lacks.
struct History {
    at: BTreeMap<NaiveDate, Analytics>,
    before_at: BTreeMap<NaiveDate, Analytics>,
}

impl History {
    fn compute(department: &Department, periods: &[Closed], audience: Audience) -> Self {
        let dates = periods.iter().map(|p| p.last_day).collect();
        let at = analytics_at(department, dates, audience);
        let befores: BTreeSet<NaiveDate> = periods
            .iter()
            .map(|p| digest::facts::previous_as_of(p.period(), p.last_day, &at[&p.last_day]))
            .filter(|d| !at.contains_key(d))
            .collect();
        let before_at = analytics_at(department, befores, audience);
        Self { at, before_at }
    }

    /// The analytics as of the period's last day and as of the day before
    /// it that its digest compares with.
    fn now_and_before(&self, p: Closed) -> (&Analytics, &Analytics) {
        let now = &self.at[&p.last_day];
        let before_day = digest::facts::previous_as_of(p.period(), p.last_day, now);
        let before = self
            .at
            .get(&before_day)
            .or_else(|| self.before_at.get(&before_day))
            .expect("computed above");
        (now, before)
    }
}

/// Where the feed's links point: under the site's `base_url` when that is
/// an http(s) address, else relative to the feed (and ids are URNs).
struct Links {
    /// The base address with one trailing slash.
    absolute: Option<String>,
}

impl Links {
    fn new(base_url: &str) -> Self {
        let absolute = (base_url.starts_with("https://") || base_url.starts_with("http://"))
            .then(|| format!("{}/", base_url.trim_end_matches('/')));
        Self { absolute }
    }

    fn href(&self, path: &str) -> String {
        match &self.absolute {
            Some(base) => format!("{base}{path}"),
            None => path.to_string(),
        }
    }

    /// The feed's id: the site's address, else a URN of its title.
    fn feed_id(&self, title: &str) -> String {
        self.absolute.clone().unwrap_or_else(|| urn(title, "feed"))
    }

    /// An entry's id: its page's folder address, else a URN of its key.
    fn entry_id(&self, title: &str, p: Closed) -> String {
        match &self.absolute {
            Some(base) => format!("{base}{}/", p.key()),
            None => urn(title, &p.key()),
        }
    }
}

/// `feed.xml` for the audience's content as of `a.as_of`.
pub fn atom(department: &Department, a: &Analytics, audience: Audience) -> Vec<u8> {
    let periods = closed(a);
    let links = Links::new(&department.config.base_url);
    let history = History::compute(department, &periods, audience);
    let mut out = String::new();
    let updated = periods.first().map_or(a.as_of, |p| p.last_day);
    write_head(&mut out, department, &links, updated);
    for p in &periods {
        let (now, before) = history.now_and_before(*p);
        let stood = digest::facts::as_it_stood(department, p.last_day);
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
        write_entry(&mut out, &department.config.title, &links, *p, &d);
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

/// The XML declaration and the feed's own elements, up to its entries.
fn write_head(out: &mut String, department: &Department, links: &Links, updated: NaiveDate) {
    let title = &department.config.title;
    let lang = crate::locale::lang(department.config.locale);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        out,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">"
    );
    let _ = writeln!(out, "  <title>{}</title>", escape(title));
    let _ = writeln!(
        out,
        "  <subtitle>{}</subtitle>",
        escape(crate::locale::words(department.config.locale).feed_subtitle)
    );
    let _ = writeln!(out, "  <id>{}</id>", escape(&links.feed_id(title)));
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&links.href(&Route::Dashboard.path()))
    );
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&links.href("feed.xml"))
    );
    let _ = writeln!(out, "  <updated>{}</updated>", stamp(updated));
    let _ = writeln!(out, "  <author><name>{}</name></author>", escape(title));
    let _ = writeln!(
        out,
        "  <generator version=\"{}\">salespulse</generator>",
        env!("CARGO_PKG_VERSION")
    );
}

/// One period's entry: the digest's subject as its title, the digest as
/// its HTML content.
fn write_entry(out: &mut String, title: &str, links: &Links, p: Closed, d: &digest::Digest) {
    out.push_str("  <entry>\n");
    let _ = writeln!(
        out,
        "    <title>{}</title>",
        escape(&crate::render::view::capitalised(&d.subject))
    );
    let _ = writeln!(out, "    <id>{}</id>", escape(&links.entry_id(title, p)));
    let _ = writeln!(
        out,
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&links.href(&p.route().path()))
    );
    let _ = writeln!(out, "    <updated>{}</updated>", stamp(p.last_day));
    let _ = writeln!(
        out,
        "    <content type=\"html\">{}</content>",
        escape(&digest::html_fragment(d))
    );
    out.push_str("  </entry>\n");
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
