//! The digest's sentences in Russian and English: one method per sentence
//! or part of one, one impl per locale. A sentence missing in either
//! language does not compile (no method has a default), and the digest's
//! code never holds a word of either (`render::digest::text`).
//!
//! The figures come formatted (money, percentages, dates: `Formatter`);
//! what a sentence counts, it counts here with its forms.

use super::weeks_in_row;
use crate::content::Locale;
use crate::render::digest::facts::Unit;

/// The digest's wording in one language.
pub trait DigestPhrases: Sync {
    /// The subject of a day's digest: "сводка за 27.11.2026".
    fn digest_for(&self, date: &str) -> String;
    /// The whole digest of a password-protected site: no figures.
    fn redacted(&self, as_of: &str) -> String;
    /// The link to the site.
    fn open_report(&self) -> &'static str;
    /// What a change is against: "к нед. 47" / "vs wk 47".
    fn against(&self, then: &str) -> String;
    /// A change that rounds to nothing.
    fn unchanged(&self) -> &'static str;

    // The month's verdict
    /// No week of the month has numbers yet.
    fn no_month_data(&self) -> &'static str;
    /// A closed month's name: "Ноябрь 2026, итог".
    fn month_final(&self, name: &str) -> String;
    /// "Ноябрь 2026: 95 % плана".
    fn share_of_plan(&self, name: &str, pct: &str) -> String;
    /// " — 6 438 740 ₽ из 6 750 000 ₽", after [`Self::share_of_plan`].
    fn amount_of_plan(&self, actual: &str, plan: &str) -> String;
    /// "Ноябрь 2026: 6 438 740 ₽, план не задан".
    fn without_plan(&self, name: &str, actual: &str) -> String;
    /// ", темп 100 %".
    fn pace(&self, pct: &str) -> String;
    /// ", прогноз 6 777 621 ₽".
    fn forecast(&self, money: &str) -> String;
    /// " из 131 (88 %)", after "Сделки: 115".
    fn count_of_plan(&self, plan: &str, pct: &str) -> String;
    /// The rest of the month needs no more revenue.
    fn revenue_plan_met(&self) -> &'static str;
    /// "До конца месяца 2 недели: нужно ещё 311 260 ₽ — 16 сделок, по 8 в
    /// неделю." (`left` and `deals` counted with their words).
    fn remaining_deals(&self, left: &str, money: &str, deals: &str, per: u64, unit: Unit)
    -> String;
    /// "До конца месяца 2 недели: нужно ещё 311 260 ₽."
    fn remaining(&self, left: &str, money: &str) -> String;

    // What changed
    /// A day's digest before the first stand-up.
    fn no_standup_yet(&self) -> &'static str;
    /// "Неделя 48: 1 614 180 ₽".
    fn week_revenue(&self, week: u32, money: &str) -> String;
    /// " (96 % плана недели)".
    fn of_week_plan(&self, pct: &str) -> String;
    /// "Рост м/м в рабочий день к окт. 2026: выручка ▲ 4 %, сделки ▼ 2 %."
    fn growth(&self, against: &str, parts: &str) -> String;
    /// "15 мин".
    fn minutes(&self, minutes: u64) -> String;
    /// "Планёрка 27.11.2026: ".
    fn standup_on(&self, date: &str) -> String;
    /// "15 мин (норма 15)".
    fn duration(&self, minutes: &str, limit: u64) -> String;
    /// "с видео" / "без видео".
    fn video(&self, on: bool) -> &'static str;
    /// "отчитались 5 из 6".
    fn reported(&self, reported: usize, expected: usize) -> String;
    /// "запросов на помощь: 2".
    fn requests(&self, n: usize) -> String;
    /// "; ▲ 3 мин к 26.11.2026".
    fn against_date(&self, change: &str, date: &str) -> String;

    // What lags, and new alerts
    /// Neither a plan metric nor a manager lags.
    fn nothing_lags(&self) -> &'static str;
    /// The title of the list of what lags.
    fn lagging_title(&self) -> &'static str;
    /// "…и ещё 2": the rest of a list cut short.
    fn more(&self, n: usize) -> String;
    /// "Выручка: темп 88 %, отстаём на 311 260 ₽".
    fn metric_lags(&self, what: &str, pace: &str, behind: &str) -> String;
    /// "; делаем: …" — the head's actions.
    fn doing(&self, actions: &str) -> String;
    /// "; пояснения РОПа нет".
    fn no_explanation(&self) -> &'static str;
    /// "Анна Иванова: 74 % плана недели, 3 недели подряд ниже 80 %".
    fn manager_lags(&self, name: &str, pct: &str, weeks: u64, threshold: &str) -> String;
    /// "; ИПР «Возражения» до 18.12.2026".
    fn idp_until(&self, title: &str, due: &str) -> String;
    /// "; ИПР нет".
    fn no_idp(&self) -> &'static str;
    /// "Новых тревог с 20.11.2026 нет."
    fn no_new_alerts(&self, since: &str) -> String;
    /// "Новое с 20.11.2026:".
    fn new_since(&self, since: &str) -> String;
}

/// The digest's wording in `locale`.
pub fn phrases(locale: Locale) -> &'static dyn DigestPhrases {
    match locale {
        Locale::Ru => &Ru,
        Locale::En => &En,
    }
}

/// Russian.
pub struct Ru;
/// English.
pub struct En;

impl DigestPhrases for Ru {
    fn digest_for(&self, date: &str) -> String {
        format!("сводка за {date}")
    }
    fn redacted(&self, as_of: &str) -> String {
        format!("Отчёт обновлён, данные на {as_of}. Цифры — на сайте, по паролю.")
    }
    fn open_report(&self) -> &'static str {
        "Открыть отчёт"
    }
    fn against(&self, then: &str) -> String {
        format!("к {then}")
    }
    fn unchanged(&self) -> &'static str {
        "без изменений"
    }

    fn no_month_data(&self) -> &'static str {
        "Данных за месяц пока нет."
    }
    fn month_final(&self, name: &str) -> String {
        format!("{name}, итог")
    }
    fn share_of_plan(&self, name: &str, pct: &str) -> String {
        format!("{name}: {pct} плана")
    }
    fn amount_of_plan(&self, actual: &str, plan: &str) -> String {
        format!(" — {actual} из {plan}")
    }
    fn without_plan(&self, name: &str, actual: &str) -> String {
        format!("{name}: {actual}, план не задан")
    }
    fn pace(&self, pct: &str) -> String {
        format!(", темп {pct}")
    }
    fn forecast(&self, money: &str) -> String {
        format!(", прогноз {money}")
    }
    fn count_of_plan(&self, plan: &str, pct: &str) -> String {
        format!(" из {plan} ({pct})")
    }
    fn revenue_plan_met(&self) -> &'static str {
        "План по выручке уже выполнен."
    }
    fn remaining_deals(
        &self,
        left: &str,
        money: &str,
        deals: &str,
        per: u64,
        unit: Unit,
    ) -> String {
        let per_unit = match unit {
            Unit::Week => "в неделю",
            Unit::WorkingDay => "в день",
        };
        format!("До конца месяца {left}: нужно ещё {money} — {deals}, по {per} {per_unit}.")
    }
    fn remaining(&self, left: &str, money: &str) -> String {
        format!("До конца месяца {left}: нужно ещё {money}.")
    }

    fn no_standup_yet(&self) -> &'static str {
        "Планёрок ещё не было."
    }
    fn week_revenue(&self, week: u32, money: &str) -> String {
        format!("Неделя {week}: {money}")
    }
    fn of_week_plan(&self, pct: &str) -> String {
        format!(" ({pct} плана недели)")
    }
    fn growth(&self, against: &str, parts: &str) -> String {
        format!("Рост м/м в рабочий день {against}: {parts}.")
    }
    fn minutes(&self, minutes: u64) -> String {
        format!("{minutes} мин")
    }
    fn standup_on(&self, date: &str) -> String {
        format!("Планёрка {date}: ")
    }
    fn duration(&self, minutes: &str, limit: u64) -> String {
        format!("{minutes} (норма {limit})")
    }
    fn video(&self, on: bool) -> &'static str {
        if on {
            "с видео"
        } else {
            "без видео"
        }
    }
    fn reported(&self, reported: usize, expected: usize) -> String {
        format!("отчитались {reported} из {expected}")
    }
    fn requests(&self, n: usize) -> String {
        format!("запросов на помощь: {n}")
    }
    fn against_date(&self, change: &str, date: &str) -> String {
        format!("; {change} к {date}")
    }

    fn nothing_lags(&self) -> &'static str {
        "Отставаний нет."
    }
    fn lagging_title(&self) -> &'static str {
        "Отстаёт:"
    }
    fn more(&self, n: usize) -> String {
        format!("…и ещё {n}")
    }
    fn metric_lags(&self, what: &str, pace: &str, behind: &str) -> String {
        format!("{what}: темп {pace}, отстаём на {behind}")
    }
    fn doing(&self, actions: &str) -> String {
        format!("; делаем: {actions}")
    }
    fn no_explanation(&self) -> &'static str {
        "; пояснения РОПа нет"
    }
    fn manager_lags(&self, name: &str, pct: &str, weeks: u64, threshold: &str) -> String {
        let weeks = weeks_in_row(Locale::Ru, weeks);
        format!("{name}: {pct} плана недели, {weeks} ниже {threshold}")
    }
    fn idp_until(&self, title: &str, due: &str) -> String {
        format!("; ИПР «{title}» до {due}")
    }
    fn no_idp(&self) -> &'static str {
        "; ИПР нет"
    }
    fn no_new_alerts(&self, since: &str) -> String {
        format!("Новых тревог с {since} нет.")
    }
    fn new_since(&self, since: &str) -> String {
        format!("Новое с {since}:")
    }
}

impl DigestPhrases for En {
    fn digest_for(&self, date: &str) -> String {
        format!("digest for {date}")
    }
    fn redacted(&self, as_of: &str) -> String {
        format!(
            "The report was updated with data as of {as_of}. The figures are on the site, behind the password."
        )
    }
    fn open_report(&self) -> &'static str {
        "Open the report"
    }
    fn against(&self, then: &str) -> String {
        format!("vs {then}")
    }
    fn unchanged(&self) -> &'static str {
        "unchanged"
    }

    fn no_month_data(&self) -> &'static str {
        "No data for the month yet."
    }
    fn month_final(&self, name: &str) -> String {
        format!("{name}, final")
    }
    fn share_of_plan(&self, name: &str, pct: &str) -> String {
        format!("{name}: {pct} of plan")
    }
    fn amount_of_plan(&self, actual: &str, plan: &str) -> String {
        format!(" — {actual} of {plan}")
    }
    fn without_plan(&self, name: &str, actual: &str) -> String {
        format!("{name}: {actual}, no plan set")
    }
    fn pace(&self, pct: &str) -> String {
        format!(", pace {pct}")
    }
    fn forecast(&self, money: &str) -> String {
        format!(", forecast {money}")
    }
    fn count_of_plan(&self, plan: &str, pct: &str) -> String {
        format!(" of {plan} ({pct})")
    }
    fn revenue_plan_met(&self) -> &'static str {
        "The revenue plan is already met."
    }
    fn remaining_deals(
        &self,
        left: &str,
        money: &str,
        deals: &str,
        per: u64,
        unit: Unit,
    ) -> String {
        let per_unit = match unit {
            Unit::Week => "a week",
            Unit::WorkingDay => "a day",
        };
        format!("{left} left: {money} to go — {deals}, {per} {per_unit}.")
    }
    fn remaining(&self, left: &str, money: &str) -> String {
        format!("{left} left: {money} to go.")
    }

    fn no_standup_yet(&self) -> &'static str {
        "No stand-up yet."
    }
    fn week_revenue(&self, week: u32, money: &str) -> String {
        format!("Week {week}: {money}")
    }
    fn of_week_plan(&self, pct: &str) -> String {
        format!(" ({pct} of the week's plan)")
    }
    fn growth(&self, against: &str, parts: &str) -> String {
        format!("Per working day, month over month {against}: {parts}.")
    }
    fn minutes(&self, minutes: u64) -> String {
        format!("{minutes} min")
    }
    fn standup_on(&self, date: &str) -> String {
        format!("Stand-up {date}: ")
    }
    fn duration(&self, minutes: &str, limit: u64) -> String {
        format!("{minutes} (limit {limit})")
    }
    fn video(&self, on: bool) -> &'static str {
        if on { "on video" } else { "without video" }
    }
    fn reported(&self, reported: usize, expected: usize) -> String {
        format!("reports from {reported} of {expected}")
    }
    fn requests(&self, n: usize) -> String {
        format!("requests for help: {n}")
    }
    fn against_date(&self, change: &str, date: &str) -> String {
        format!("; {change} vs {date}")
    }

    fn nothing_lags(&self) -> &'static str {
        "Nothing lags."
    }
    fn lagging_title(&self) -> &'static str {
        "Lagging:"
    }
    fn more(&self, n: usize) -> String {
        format!("…and {n} more")
    }
    fn metric_lags(&self, what: &str, pace: &str, behind: &str) -> String {
        format!("{what}: pace {pace}, behind by {behind}")
    }
    fn doing(&self, actions: &str) -> String {
        format!("; doing: {actions}")
    }
    fn no_explanation(&self) -> &'static str {
        "; no explanation yet"
    }
    fn manager_lags(&self, name: &str, pct: &str, weeks: u64, threshold: &str) -> String {
        let weeks = weeks_in_row(Locale::En, weeks);
        format!("{name}: {pct} of the weekly plan, {weeks} below {threshold}")
    }
    fn idp_until(&self, title: &str, due: &str) -> String {
        format!("; development plan “{title}” until {due}")
    }
    fn no_idp(&self) -> &'static str {
        "; no development plan"
    }
    fn no_new_alerts(&self, since: &str) -> String {
        format!("No new alerts since {since}.")
    }
    fn new_since(&self, since: &str) -> String {
        format!("New since {since}:")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every phrase of a locale, made with sample figures. A new method
    /// belongs here too.
    fn samples(p: &dyn DigestPhrases) -> Vec<String> {
        let (d, m, pct) = ("27.11.2026", "311 260 ₽", "88 %");
        let mut out = vec![
            p.digest_for(d),
            p.redacted(d),
            p.open_report().into(),
            p.against("нед. 47"),
            p.unchanged().into(),
            p.no_month_data().into(),
            p.month_final("Ноябрь 2026"),
            p.share_of_plan("Ноябрь 2026", pct),
            p.amount_of_plan(m, m),
            p.without_plan("Ноябрь 2026", m),
            p.pace(pct),
            p.forecast(m),
            p.count_of_plan("131", pct),
            p.revenue_plan_met().into(),
            p.remaining(&crate::locale::weeks(Locale::Ru, 2), m),
            p.no_standup_yet().into(),
            p.week_revenue(48, m),
            p.of_week_plan(pct),
            p.growth("к окт. 2026", "выручка ▲ 4 %"),
            p.minutes(15),
            p.standup_on(d),
            p.duration("15", 15),
            p.video(true).into(),
            p.video(false).into(),
            p.reported(5, 6),
            p.requests(2),
            p.against_date("▲ 3", d),
            p.nothing_lags().into(),
            p.lagging_title().into(),
            p.more(2),
            p.metric_lags("Выручка", pct, m),
            p.doing("звоним"),
            p.no_explanation().into(),
            p.no_idp().into(),
            p.idp_until("Возражения", d),
            p.no_new_alerts(d),
            p.new_since(d),
        ];
        for unit in [Unit::Week, Unit::WorkingDay] {
            out.push(p.remaining_deals("2", m, "16", 8, unit));
        }
        for n in [1, 2, 5, 21] {
            out.push(p.manager_lags("Анна", pct, n, "80 %"));
        }
        out
    }

    #[test]
    fn every_phrase_in_both_languages() {
        super::super::tests::every_method_sampled(include_str!("digest.rs"), "DigestPhrases");
        super::super::tests::holds_to_its_language(&samples(&Ru), &samples(&En), &[]);
    }

    #[test]
    fn a_week_in_a_row_takes_its_case() {
        let ru = phrases(Locale::Ru);
        assert_eq!(
            ru.manager_lags("Анна", "74 %", 1, "80 %"),
            "Анна: 74 % плана недели, 1 неделю подряд ниже 80 %"
        );
        assert_eq!(
            ru.manager_lags("Анна", "74 %", 22, "80 %"),
            "Анна: 74 % плана недели, 22 недели подряд ниже 80 %"
        );
    }
}
