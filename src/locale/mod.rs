//! The words of the interface in Russian and English: the typed tables
//! (`words`), plural forms and the sentences made of figures (alerts,
//! statuses), and number and date formats (`format`).

pub mod alerts;
pub mod charts;
pub mod checklist;
pub mod console;
pub mod detect;
pub mod diagnostics;
pub mod digest;
pub mod format;
pub mod help;
pub mod import;
pub mod labels;
pub mod pages;
pub mod refusals;
pub mod scaffold;
pub mod words;

pub use alerts::alert_text;
pub use words::Words;

use serde::Serialize;

use crate::analytics::AlertSeverity;
use crate::content::{Locale, PlanMetric, Ratio};

impl Words {
    /// A plan metric's name.
    pub fn plan_metric(&self, m: PlanMetric) -> &'static str {
        match m {
            PlanMetric::Revenue => self.revenue,
            PlanMetric::Deals => self.deals,
        }
    }

    /// A ratio's name.
    pub fn ratio(&self, r: Ratio) -> &'static str {
        match r {
            Ratio::ProcessingRate => self.processing_rate,
            Ratio::ConvLeadMeeting => self.conv_lead_meeting,
            Ratio::ConvMeetingDeal => self.conv_meeting_deal,
            Ratio::ConvLeadDeal => self.conv_lead_deal,
            Ratio::AvgDeal => self.avg_deal,
            Ratio::Attainment => self.attainment,
            Ratio::AttainmentDeals => self.attainment_deals,
        }
    }

    pub fn severity(&self, s: AlertSeverity) -> &'static str {
        match s {
            AlertSeverity::Critical => self.severity_critical,
            AlertSeverity::Warning => self.severity_warning,
            AlertSeverity::Info => self.severity_info,
        }
    }

    pub fn yes_no(&self, yes: bool) -> &'static str {
        if yes { self.yes } else { self.no }
    }
}

/// The interface words of a locale.
pub fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::Ru => &words::RU,
        Locale::En => &words::EN,
    }
}

/// The locale's language tag, as HTML's `lang` and Atom's `xml:lang` take it.
pub fn lang(locale: Locale) -> &'static str {
    match locale {
        Locale::Ru => "ru",
        Locale::En => "en",
    }
}

/// Russian plural forms: 1 неделя, 2 недели, 5 недель, 11 недель, 21 неделя.
pub fn plural_ru<'a>(n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let (d10, d100) = (n % 10, n % 100);
    if d10 == 1 && d100 != 11 {
        one
    } else if (2..=4).contains(&d10) && !(12..=14).contains(&d100) {
        few
    } else {
        many
    }
}

/// The form of a word after the count `n` in a locale: the one rule every
/// count goes through (English has two forms: `few` is its plural too).
pub fn plural<'a>(locale: Locale, n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match locale {
        Locale::Ru => plural_ru(n, one, few, many),
        Locale::En if n == 1 => one,
        Locale::En => many,
    }
}

/// The forms a word takes after a number: 1 сделка, 2 сделки, 5 сделок;
/// 1 deal, 2 deals (English repeats its plural as `few`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Forms {
    /// 1, 21, 31…
    pub one: &'static str,
    /// 2–4, 22–24…
    pub few: &'static str,
    /// 0, 5–20, 25…; also the form of a count written after its word
    /// ("лидов 209").
    pub many: &'static str,
}

impl Forms {
    pub const fn new(one: &'static str, few: &'static str, many: &'static str) -> Self {
        Self { one, few, many }
    }

    /// The form after `n`.
    pub fn after(&self, locale: Locale, n: u64) -> &'static str {
        plural(locale, n, self.one, self.few, self.many)
    }

    /// "3 недели" / "3 weeks" (the number as it is, ungrouped).
    pub fn count(&self, locale: Locale, n: u64) -> String {
        format!("{n} {}", self.after(locale, n))
    }
}

/// "3 недели" / "3 weeks".
pub fn weeks(locale: Locale, n: u64) -> String {
    words(locale).n_week.count(locale, n)
}

/// "3 недели подряд" / "3 weeks in a row": a run of weeks, which Russian
/// counts in the accusative ("1 неделю подряд").
pub fn weeks_in_row(locale: Locale, n: u64) -> String {
    match locale {
        Locale::Ru => format!("{} подряд", WEEKS_IN_ROW_RU.count(locale, n)),
        Locale::En => format!("{} in a row", weeks(locale, n)),
    }
}

/// "неделя" after "N … подряд": 1 неделю, 2 недели, 5 недель.
const WEEKS_IN_ROW_RU: Forms = Forms::new("неделю", "недели", "недель");

/// "3 рабочих дня" / "3 working days".
pub fn working_days(locale: Locale, n: u64) -> String {
    words(locale).n_working_day.count(locale, n)
}

/// When something was, from today: "сегодня", "вчера", "2 дня назад",
/// "21 день назад" / "today", "yesterday", "2 days ago".
pub fn days_ago(locale: Locale, days: i64) -> String {
    let w = words(locale);
    match days {
        d if d <= 0 => w.today.to_string(),
        1 => w.yesterday.to_string(),
        d => {
            // "21 день" on one line: a no-break space.
            let n = d.unsigned_abs();
            format!("{n}\u{a0}{} {}", w.n_day.after(locale, n), w.ago)
        }
    }
}

/// A month's line about its data, inside a sentence: "данные за 19 из 20
/// рабочих дней", "за 16 из 21 рабочего дня" / "numbers for 19 of 20
/// working days".
pub fn days_with_data(locale: Locale, with_data: u32, total: u32) -> String {
    let total_n = u64::from(total);
    match locale {
        Locale::Ru => format!(
            "данные за {with_data} из {total} {}",
            plural_ru(total_n, "рабочего дня", "рабочих дней", "рабочих дней")
        ),
        Locale::En => format!(
            "numbers for {with_data} of {}",
            words(locale).n_working_day.count(locale, total_n)
        ),
    }
}

/// How long a manager has been on the team, the same for anyone: "В команде
/// с 01.09.2025 по 16.10.2026" / "On the team from Sep 1, 2025 to Oct 16, 2026".
pub fn tenure(
    fmt: &format::Formatter,
    joined: chrono::NaiveDate,
    left: Option<chrono::NaiveDate>,
) -> String {
    let since = fmt.date(joined);
    match (fmt.locale, left.map(|d| fmt.date(d))) {
        (Locale::Ru, None) => format!("В команде с {since}"),
        (Locale::Ru, Some(until)) => format!("В команде с {since} по {until}"),
        (Locale::En, None) => format!("On the team since {since}"),
        (Locale::En, Some(until)) => format!("On the team from {since} to {until}"),
    }
}

/// Where a month stands: "идёт, осталось 3 рабочих дня из 20" / "закрыт".
pub fn month_status(locale: Locale, open: bool, days_left: u32, total: u32) -> String {
    let left = u64::from(days_left);
    match (locale, open) {
        (Locale::Ru, true) if left == 0 => "идёт, рабочие дни закончились".to_string(),
        (Locale::Ru, true) => format!(
            "идёт, {} {} из {total}",
            plural_ru(left, "остался", "осталось", "осталось"),
            working_days(locale, left)
        ),
        (Locale::Ru, false) => "закрыт".to_string(),
        (Locale::En, true) if left == 0 => "in progress, no working days left".to_string(),
        (Locale::En, true) => format!(
            "in progress, {} of {total} left",
            working_days(locale, left)
        ),
        (Locale::En, false) => "closed".to_string(),
    }
}

/// The decomposition in one line: "осталось 2 рабочих дня: нужно
/// 311 260 ₽ — 16 оплат, 8 в день".
pub fn decomposition_summary(
    locale: Locale,
    fmt: &crate::locale::format::Formatter,
    d: &crate::analytics::Decomposition,
) -> String {
    let days = working_days(locale, d.days_left);
    let Some(remaining) = d.remaining_revenue else {
        return match locale {
            Locale::Ru => format!("осталось {days}; плана на месяц нет"),
            Locale::En => format!("{days} left; no plan this month"),
        };
    };
    if remaining == 0.0 {
        return match locale {
            Locale::Ru => format!("осталось {days}; план по выручке выполнен"),
            Locale::En => format!("{days} left; the revenue plan is met"),
        };
    }
    let money = fmt.money(remaining);
    let deals = match (locale, d.deals, d.deals_per_day) {
        (Locale::Ru, Some(n), Some(per_day)) => {
            format!(" — {}, {per_day} в день", fmt.count(n, fmt.words.deal))
        }
        (Locale::En, Some(n), Some(per_day)) => {
            format!(" — {}, {per_day} a day", fmt.count(n, fmt.words.deal))
        }
        _ => String::new(),
    };
    match locale {
        Locale::Ru => format!(
            "{} {days}: нужно {money}{deals}",
            plural_ru(d.days_left, "остался", "осталось", "осталось")
        ),
        Locale::En => format!("{days} left: {money} to go{deals}"),
    }
}

/// The words in Latin letters of a Russian text outside backticks (where
/// keys, ids and file names are quoted), but for `allowed` names of things:
/// what the tests of every Russian table and message look for.
pub fn latin_words<'a>(text: &'a str, allowed: &[&str]) -> Vec<&'a str> {
    text.split('`')
        .step_by(2)
        .flat_map(|part| part.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| !w.is_empty() && !allowed.contains(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of a table, by its key ("deal.many" for a form).
    fn strings(w: &Words) -> Vec<(String, String)> {
        fn walk(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
            match value {
                serde_json::Value::Object(map) => {
                    for (key, value) in map {
                        let key = if prefix.is_empty() {
                            key.clone()
                        } else {
                            format!("{prefix}.{key}")
                        };
                        walk(&key, value, out);
                    }
                }
                serde_json::Value::String(text) => out.push((prefix.to_string(), text.clone())),
                other => unreachable!("{prefix}: a word is a string, not {other}"),
            }
        }
        let mut out = Vec::new();
        walk("", &serde_json::to_value(w).unwrap(), &mut out);
        out
    }

    /// Words Russian text may hold in Latin letters: names of things.
    const LATIN_IN_RUSSIAN: [&str; 9] = [
        "salespulse",
        "https",
        "JavaScript",
        "content",
        "weeks",
        "JSON",
        "CSV",
        "Excel",
        "CRM",
    ];

    /// A table of phrases, made with sample figures in each language: the
    /// same number of phrases, none empty, and the Russian with no Latin
    /// letters beyond [`LATIN_IN_RUSSIAN`] and `also` (ids in the samples).
    pub(super) fn holds_to_its_language(ru: &[String], en: &[String], also: &[&str]) {
        assert_eq!(ru.len(), en.len());
        for (i, text) in ru.iter().chain(en).enumerate() {
            assert!(!text.trim().is_empty(), "phrase {i} is empty");
        }
        for text in ru {
            let latin: Vec<&str> = text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .filter(|w| !LATIN_IN_RUSSIAN.contains(w) && !also.contains(w))
                .collect();
            assert!(latin.is_empty(), "Latin {latin:?} in {text:?}");
        }
    }

    /// Every method of the trait `name` in `source` (a phrases file) is
    /// called by its `fn samples`, so the test of its phrases sees them all.
    pub(super) fn every_method_sampled(source: &str, name: &str) {
        let start = source
            .find(&format!("pub trait {name}"))
            .expect("the trait is in the file");
        let body = &source[start..];
        let body = &body[..body.find("\n}\n").expect("the trait ends")];
        let samples = &source[source.find("fn samples").expect("samples are in the file")..];
        for method in body.split("fn ").skip(1) {
            let method: String = method
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            assert!(
                samples.contains(&format!(".{method}(")),
                "{name}::{method} is not in the samples"
            );
        }
    }

    /// Both tables have every word (the type sees to that), none empty,
    /// and the Russian one no Latin letters beyond names of things.
    #[test]
    fn every_word_is_there_in_both_languages() {
        let (ru, en) = (strings(&words::RU), strings(&words::EN));
        let keys: Vec<&String> = ru.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, en.iter().map(|(k, _)| k).collect::<Vec<_>>());
        let texts = |t: &[(String, String)]| t.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>();
        holds_to_its_language(&texts(&ru), &texts(&en), &[]);
    }

    /// The one plural rule, on the counts where Russian changes its form.
    #[test]
    fn plurals_on_every_boundary() {
        let cases = [
            (0, "0 недель", "0 weeks"),
            (1, "1 неделя", "1 week"),
            (2, "2 недели", "2 weeks"),
            (5, "5 недель", "5 weeks"),
            (11, "11 недель", "11 weeks"),
            (12, "12 недель", "12 weeks"),
            (14, "14 недель", "14 weeks"),
            (21, "21 неделя", "21 weeks"),
            (22, "22 недели", "22 weeks"),
            (25, "25 недель", "25 weeks"),
            (101, "101 неделя", "101 weeks"),
            (111, "111 недель", "111 weeks"),
            (112, "112 недель", "112 weeks"),
        ];
        for (n, ru, en) in cases {
            assert_eq!(weeks(Locale::Ru, n), ru);
            assert_eq!(weeks(Locale::En, n), en);
        }
        let ru = format::Formatter::new(Locale::Ru, "₽");
        assert_eq!(ru.count(1186, ru.words.lead), "1\u{202f}186\u{a0}лидов");
        assert_eq!(ru.count(21, ru.words.deal), "21\u{a0}сделка");
        assert_eq!(ru.count(3, ru.words.n_working_day), "3\u{a0}рабочих дня");
        assert_eq!(words(Locale::En).deal.count(Locale::En, 1), "1 deal");
    }

    #[test]
    fn days_ago_reads_as_speech() {
        let ru = |d| days_ago(Locale::Ru, d).replace('\u{a0}', " ");
        assert_eq!(ru(0), "сегодня");
        assert_eq!(ru(1), "вчера");
        assert_eq!(ru(2), "2 дня назад");
        assert_eq!(ru(5), "5 дней назад");
        assert_eq!(ru(11), "11 дней назад");
        assert_eq!(ru(21), "21 день назад");
        assert_eq!(ru(22), "22 дня назад");
        assert_eq!(days_ago(Locale::En, 1), "yesterday");
        assert_eq!(days_ago(Locale::En, 2), "2\u{a0}days ago");
    }

    #[test]
    fn days_with_data_agree_with_their_count() {
        assert_eq!(
            days_with_data(Locale::Ru, 19, 20),
            "данные за 19 из 20 рабочих дней"
        );
        assert_eq!(
            days_with_data(Locale::Ru, 16, 21),
            "данные за 16 из 21 рабочего дня"
        );
        assert_eq!(
            days_with_data(Locale::En, 1, 1),
            "numbers for 1 of 1 working day"
        );
    }

    #[test]
    fn tenure_says_the_same_of_anyone() {
        let ru = format::Formatter::new(Locale::Ru, "₽");
        let d = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            tenure(&ru, d("2025-09-01"), Some(d("2026-10-16"))),
            "В команде с 01.09.2025 по 16.10.2026"
        );
        assert_eq!(tenure(&ru, d("2025-09-01"), None), "В команде с 01.09.2025");
    }
}
