//! `/feed.xml`: an Atom feed (RFC 4287) of the digests of closed weeks and
//! months, for the owner's feed reader. Each entry is the digest as it
//! would have been sent the day the period closed (the analytics computed
//! as of that day), so an entry does not change as later weeks arrive.
//! Ids and dates come from the periods, never from the clock.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use chrono::NaiveDate;

use crate::analytics::{self, Alert, Analytics};
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

/// What an entry keeps of the analytics as of its period's last day: its
/// digest's figures, and the day whose alerts it is compared with.
struct Entry {
    period: Closed,
    facts: digest::Facts,
    before: NaiveDate,
}

/// What the feed keeps of the analytics as of one day: its alerts (what a
/// later entry is compared with) and the figures of the entries ending that
/// day. The analytics themselves (~20 MiB each for a big department) are
/// dropped as soon as these are read, so at most one set per thread lives.
struct Day {
    date: NaiveDate,
    alerts: Vec<Alert>,
    entries: Vec<Entry>,
}

impl Day {
    /// The analytics of `stood`, the department as it stood on `date`
    /// (restricted for the team), read for the `periods` that end that day.
    fn read(stood: &Department, date: NaiveDate, periods: &[Closed], audience: Audience) -> Self {
        let mut a = analytics::compute(stood, date);
        if audience == Audience::Team {
            crate::audience::restrict(&mut a);
        }
        let entries = periods
            .iter()
            .filter(|p| p.last_day == date)
            .map(|&period| {
                let options = Options {
                    period: period.period(),
                    audience,
                    base_url: None,
                    redact: false,
                };
                Entry {
                    period,
                    // Compared with itself for now: `history` puts in
                    // the alerts of the day before once that is read too.
                    facts: digest::gather(stood, &a, &a, options),
                    before: digest::facts::previous_as_of(period.period(), date, &a),
                }
            })
            .collect();
        Day {
            date,
            alerts: std::mem::take(&mut a.alerts),
            entries,
        }
    }
}

/// The day an entry is most likely compared with ([`previous_as_of`]'s
/// answer for a closed period with data), read together with the entries'
/// own days.
///
/// [`previous_as_of`]: digest::facts::previous_as_of
fn foreseen_before(p: &Closed) -> NaiveDate {
    match p.period {
        PeriodKey::Week(w) => w.sunday() - chrono::Days::new(7),
        PeriodKey::Month(m) => m.prev().last_day(),
    }
}

/// Every entry's figures, compared with the day before it, newest first.
/// Each distinct day is read once: the entries' own days and the days they
/// compare with (usually only two are not entries' days: before the oldest
/// week and the oldest month).
fn history(
    department: &Department,
    periods: &[Closed],
    audience: Audience,
) -> Vec<(Closed, digest::Facts)> {
    let dates: BTreeSet<NaiveDate> = (periods.iter())
        .flat_map(|p| [p.last_day, foreseen_before(p)])
        .collect();
    let mut days = read_days(department, &dates, periods, audience);
    let unforeseen = days
        .iter()
        .flat_map(|d| d.entries.iter().map(|e| e.before))
        .filter(|d| !dates.contains(d))
        .collect();
    days.extend(read_days(department, &unforeseen, periods, audience));
    let alerts: BTreeMap<NaiveDate, Vec<Alert>> = days
        .iter_mut()
        .map(|d| (d.date, std::mem::take(&mut d.alerts)))
        .collect();
    let mut entries: Vec<Entry> = days.into_iter().flat_map(|d| d.entries).collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.period));
    entries
        .into_iter()
        .map(|mut e| {
            let now = &alerts[&e.period.last_day];
            e.facts.new_alerts = digest::facts::new_alerts(now, &alerts[&e.before]);
            e.facts.since = e.before;
            (e.period, e.facts)
        })
        .collect()
}

/// The days, newest first, in two runs side by side. A run copies the
/// department as it stood on its newest day once and narrows it from day to
/// day; each day's analytics (~20 MiB on a big department) are dropped as
/// soon as they are read, so a run holds one set at a time.
fn read_days(
    department: &Department,
    dates: &BTreeSet<NaiveDate>,
    periods: &[Closed],
    audience: Audience,
) -> Vec<Day> {
    let newest_first: Vec<NaiveDate> = dates.iter().rev().copied().collect();
    let (newer, older) = newest_first.split_at(newest_first.len().div_ceil(2));
    let run = |days: &[NaiveDate]| -> Vec<Day> {
        let Some(&newest) = days.first() else {
            return Vec::new();
        };
        let mut stood = digest::facts::as_it_stood(department, newest);
        days.iter()
            .map(|&d| {
                digest::facts::narrow(&mut stood, department, d);
                Day::read(&stood, d, periods, audience)
            })
            .collect()
    };
    let (mut days, older) = rayon::join(|| run(newer), || run(older));
    days.extend(older);
    days
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
    let mut out = String::new();
    let updated = periods.first().map_or(a.as_of, |p| p.last_day);
    write_head(&mut out, department, &links, updated);
    for (p, facts) in history(department, &periods, audience) {
        let d = digest::words(department, &facts, false);
        write_entry(&mut out, &department.config.title, &links, p, &d);
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

    /// The department a run narrows from day to day is the department as
    /// it stood on each day, as the digest command makes it.
    #[test]
    fn narrowed_department_is_the_department_as_it_stood() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let department = Department::of(&crate::site::check(root, as_of).content);
        let newest = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut stood = digest::facts::as_it_stood(&department, newest);
        for days_back in [0, 7, 9, 14, 31, 60, 92] {
            let day = newest - chrono::Days::new(days_back);
            digest::facts::narrow(&mut stood, &department, day);
            let fresh = digest::facts::as_it_stood(&department, day);
            assert_eq!(format!("{stood:?}"), format!("{fresh:?}"), "{day}");
        }
    }
}
