//! The words of the interface in Russian and English: the typed tables
//! (`words`), plural forms and the sentences made of figures (alerts,
//! statuses), and number and date formats (`format`).

pub mod alerts;
pub mod checklist;
pub mod format;
pub mod words;

pub use alerts::alert_text;
pub use words::Words;

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

/// Russian plural forms: 1 неделя, 2 недели, 5 недель.
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

/// "3 недели" / "3 weeks".
pub fn weeks(locale: Locale, n: u64) -> String {
    match locale {
        Locale::Ru => format!("{n} {}", plural_ru(n, "неделя", "недели", "недель")),
        Locale::En => format!("{n} week{}", if n == 1 { "" } else { "s" }),
    }
}

/// "3 рабочих дня" / "3 working days".
pub fn working_days(locale: Locale, n: u64) -> String {
    match locale {
        Locale::Ru => format!(
            "{n} {}",
            plural_ru(n, "рабочий день", "рабочих дня", "рабочих дней")
        ),
        Locale::En => format!("{n} working day{}", if n == 1 { "" } else { "s" }),
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
        (Locale::Ru, Some(n), Some(per_day)) => format!(
            " — {n} {}, {per_day} в день",
            plural_ru(n, "оплата", "оплаты", "оплат")
        ),
        (Locale::En, Some(n), Some(per_day)) => {
            format!(" — {}, {per_day} a day", deals(locale, n))
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

/// "16 сделок" / "16 deals".
pub fn deals(locale: Locale, n: u64) -> String {
    match locale {
        Locale::Ru => format!("{n} {}", plural_ru(n, "сделка", "сделки", "сделок")),
        Locale::En => format!("{n} deal{}", if n == 1 { "" } else { "s" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both tables have every word (the type sees to that), none empty,
    /// and the Russian one no Latin letters beyond names of things.
    #[test]
    fn every_word_is_there_in_both_languages() {
        let table = |w: &Words| match serde_json::to_value(w).unwrap() {
            serde_json::Value::Object(map) => map,
            _ => unreachable!("Words is a struct"),
        };
        let (ru, en) = (table(&words::RU), table(&words::EN));
        assert_eq!(ru.len(), en.len());
        let allowed = ["salespulse", "https", "JavaScript", "content", "weeks"];
        for (key, value) in ru.iter().chain(&en) {
            assert!(!value.as_str().unwrap().trim().is_empty(), "{key} is empty");
        }
        for (key, value) in &ru {
            let text = value.as_str().unwrap();
            let latin: Vec<&str> = text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty() && !allowed.contains(w))
                .collect();
            assert!(latin.is_empty(), "{key}: Latin {latin:?} in {text:?}");
        }
    }

    #[test]
    fn russian_plurals() {
        assert_eq!(weeks(Locale::Ru, 1), "1 неделя");
        assert_eq!(weeks(Locale::Ru, 3), "3 недели");
        assert_eq!(weeks(Locale::Ru, 5), "5 недель");
        assert_eq!(weeks(Locale::Ru, 11), "11 недель");
        assert_eq!(weeks(Locale::Ru, 22), "22 недели");
        assert_eq!(weeks(Locale::En, 1), "1 week");
    }
}
