//! Every interface string in Russian and English: one table, looked up by
//! key. Templates get the whole table of the site's locale as `t`.

use std::collections::BTreeMap;

use crate::content::Locale;

/// (key, Russian, English). The Russian is how a sales head talks (GLOSSARY.md).
const TABLE: &[(&str, &str, &str)] = &[
    // Navigation and page names
    ("nav_dashboard", "Дашборд", "Dashboard"),
    ("nav_months", "Месяцы", "Months"),
    ("nav_weeks", "Недели", "Weeks"),
    ("nav_team", "Команда", "Team"),
    ("skip_to_content", "К содержанию", "Skip to content"),
    ("main_navigation", "Разделы", "Sections"),
    (
        "generated",
        "Сформировано salespulse",
        "Made with salespulse",
    ),
    ("data_export", "Данные", "Data"),
    // KPI
    ("revenue", "Выручка", "Revenue"),
    ("deals", "Сделки", "Deals"),
    ("plan", "План", "Plan"),
    ("actual", "Факт", "Actual"),
    ("attainment", "Выполнение плана", "Attainment"),
    ("attainment_short", "Выполнение", "Attainment"),
    (
        "attainment_deals",
        "Выполнение по сделкам",
        "Deals attainment",
    ),
    ("pace", "Темп к плану", "Pace to plan"),
    ("pace_short", "Темп", "Pace"),
    ("forecast", "Прогноз на конец месяца", "Month-end forecast"),
    ("forecast_short", "Прогноз", "Forecast"),
    ("mom_growth", "Рост м/м", "MoM growth"),
    ("leads", "Лиды", "Leads"),
    ("leads_received", "Лиды получены", "Leads received"),
    ("leads_processed", "Обработано", "Processed"),
    ("leads_overnight", "Перенос на завтра", "Left overnight"),
    ("processing_rate", "Обработка лидов", "Lead processing"),
    (
        "first_response",
        "Первое касание, мин",
        "First response, min",
    ),
    ("calls", "Звонки", "Calls"),
    ("meetings", "Консультации", "Meetings"),
    ("conv_lead_meeting", "Лид → консультация", "Lead → meeting"),
    (
        "conv_meeting_deal",
        "Консультация → оплата",
        "Meeting → deal",
    ),
    ("conv_lead_deal", "Лид → оплата", "Lead → deal"),
    ("avg_deal", "Средний чек", "Average deal"),
    ("of_plan", "из", "of"),
    ("of_plan_suffix", "плана", "of plan"),
    ("no_plan", "план не задан", "no plan set"),
    ("no_data", "нет данных", "no data"),
    ("manager", "Менеджер", "Manager"),
    ("team_total", "Отдел", "Team"),
    ("rank", "№", "#"),
    ("week", "Неделя", "Week"),
    ("month", "Месяц", "Month"),
    ("change", "Изменение", "Change"),
    ("status", "Статус", "Status"),
    ("lagging", "отстаёт", "lagging"),
    ("on_track", "в плане", "on track"),
    ("complete", "закрыт", "complete"),
    ("incomplete", "идёт", "in progress"),
    ("weeks_with_data", "Недель с данными", "Weeks with data"),
    ("note", "Комментарий", "Note"),
    // Dashboard
    ("data_through", "данные по", "data through"),
    ("as_of", "на", "as of"),
    ("needs_attention", "Требует внимания", "Needs attention"),
    (
        "nothing_needs_attention",
        "Всё в порядке: отставаний и тревог нет.",
        "All clear: nothing lags, no alerts.",
    ),
    (
        "lag_and_explanations",
        "Отставание и пояснения",
        "What lags, and why",
    ),
    ("metric", "Показатель", "Metric"),
    ("lags_by", "Отстаёт на", "Behind by"),
    ("reason", "Причина", "Reason"),
    ("actions", "Что делаем", "Actions"),
    ("resources", "Какие ресурсы нужны", "Resources needed"),
    (
        "no_explanation_yet",
        "пояснения РОПа пока нет",
        "no explanation yet",
    ),
    (
        "team_this_month",
        "Команда в этом месяце",
        "The team this month",
    ),
    (
        "decomposition",
        "Декомпозиция плана на остаток месяца",
        "What the rest of the month needs",
    ),
    (
        "decomposition_note",
        "по конверсиям и среднему чеку последних 8 недель",
        "at the conversions and average deal of the last 8 weeks",
    ),
    (
        "decomposition_over",
        "Месяц закрыт: декомпозиция не нужна.",
        "The month is over: nothing left to decompose.",
    ),
    ("remaining_revenue", "Осталось выручки", "Revenue to go"),
    ("remaining_weeks", "Осталось недель", "Weeks left"),
    ("per_week", "в неделю", "per week"),
    ("deals_needed", "Сделок нужно", "Deals needed"),
    ("meetings_needed", "Консультаций нужно", "Meetings needed"),
    ("leads_needed", "Лидов нужно", "Leads needed"),
    (
        "empty_site",
        "Пока нет ни одной недели с данными. Добавьте файл в content/weeks/.",
        "No week has data yet. Add a file to content/weeks/.",
    ),
    (
        "lagging_managers",
        "Отстающие менеджеры",
        "Lagging managers",
    ),
    // Months and weeks
    ("months_title", "Месяцы", "Months"),
    ("weeks_title", "Недели", "Weeks"),
    (
        "plan_fact",
        "План-факт по менеджерам",
        "Plan vs actual by manager",
    ),
    (
        "period_comparison",
        "Сравнение с прошлым месяцем",
        "Compared with the month before",
    ),
    ("this_month", "Этот месяц", "This month"),
    ("previous_month", "Прошлый месяц", "Previous month"),
    (
        "like_for_like",
        "для сравнения взяты первые недели прошлого месяца",
        "the same number of first weeks of the month before",
    ),
    ("lead_processing", "Обработка лидов", "Lead processing"),
    ("funnel", "Воронка", "Funnel"),
    ("stage", "Этап", "Stage"),
    ("count", "Количество", "Count"),
    ("conversion", "Конверсия", "Conversion"),
    ("vs_previous_week", "к прошлой неделе", "vs previous week"),
    ("previous", "Предыдущая", "Previous"),
    ("next", "Следующая", "Next"),
    ("missing_managers", "Нет данных от", "No numbers from"),
    // Team
    ("team_title", "Команда", "Team"),
    ("leaderboard", "Рейтинг месяца", "This month's leaderboard"),
    ("roster", "Состав отдела", "The department"),
    ("joined", "В команде с", "Joined"),
    ("left", "Ушёл", "Left"),
    ("active", "работает", "active"),
    ("former", "не работает", "left"),
    ("by_week", "По неделям", "Week by week"),
    ("by_month", "По месяцам", "Month by month"),
    (
        "lagging_weeks_in_row",
        "недель подряд ниже порога",
        "weeks in a row below the threshold",
    ),
    // Charts
    ("chart_data", "Данные графика", "Chart data"),
    ("charts", "Графики", "Charts"),
    (
        "chart_month_progress",
        "Выручка месяца нарастающим итогом",
        "This month's revenue, cumulative",
    ),
    (
        "chart_revenue_by_month",
        "План-факт по месяцам",
        "Plan vs actual by month",
    ),
    (
        "chart_attainment",
        "Выполнение плана по менеджерам",
        "Plan attainment by manager",
    ),
    ("chart_leads", "Лиды по менеджерам", "Leads by manager"),
    (
        "chart_revenue_by_week",
        "Выручка по неделям",
        "Revenue by week",
    ),
    (
        "chart_conversion",
        "Конверсия по неделям",
        "Conversion by week",
    ),
    (
        "chart_funnel",
        "Лиды → консультации → оплаты",
        "Leads → meetings → deals",
    ),
    ("last_8_weeks", "8 недель", "8 weeks"),
    // Alerts
    ("severity_critical", "критично", "critical"),
    ("severity_warning", "внимание", "warning"),
    ("severity_info", "к сведению", "info"),
];

/// The strings of one locale, as templates see them (`{{ t.revenue }}`).
pub fn strings(locale: Locale) -> BTreeMap<&'static str, &'static str> {
    TABLE
        .iter()
        .map(|(key, ru, en)| {
            (
                *key,
                match locale {
                    Locale::Ru => *ru,
                    Locale::En => *en,
                },
            )
        })
        .collect()
}

/// One string, for Rust-side views.
pub fn t(locale: Locale, key: &str) -> &'static str {
    TABLE
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, ru, en)| match locale {
            Locale::Ru => *ru,
            Locale::En => *en,
        })
        .unwrap_or_else(|| panic!("no interface string `{key}`"))
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

/// The sentence an alert shows on the dashboard and in `check`.
pub fn alert_text(
    alert: &crate::analytics::Alert,
    fmt: &crate::format::Formatter,
    name: &dyn Fn(&str) -> String,
) -> String {
    use crate::analytics::Alert;
    let ru = fmt.locale == Locale::Ru;
    match alert {
        Alert::ManagerLaggingWithoutIdp {
            manager,
            weeks: n,
            attainment,
            threshold_pct,
        } => {
            let pct = attainment.map_or_else(|| "—".into(), |a| fmt.percent(a, 0));
            let limit = fmt.percent(threshold_pct / 100.0, 0);
            if ru {
                format!(
                    "{}: ниже {limit} плана {} подряд (последняя — {pct}), ИПР нет",
                    name(manager),
                    weeks(Locale::Ru, u64::from(*n)).replace("неделя", "неделю")
                )
            } else {
                format!(
                    "{}: below {limit} of plan {} in a row (latest {pct}), no development plan",
                    name(manager),
                    weeks(Locale::En, u64::from(*n))
                )
            }
        }
        Alert::TeamMetricUnexplained { metric, pace } => {
            let what = t(fmt.locale, metric);
            let pace = fmt.percent(*pace, 0);
            if ru {
                format!("{what}: темп {pace} плана — пояснения РОПа нет")
            } else {
                format!("{what}: pace {pace} of plan — no explanation from the head of sales")
            }
        }
        Alert::LeadsOvernight {
            manager,
            week,
            count,
        } => {
            if ru {
                format!(
                    "{}: {count} {} не обработано в тот же день ({})",
                    name(manager),
                    plural_ru(*count, "лид", "лида", "лидов"),
                    fmt.week(*week)
                )
            } else {
                format!(
                    "{}: {count} lead{} left unprocessed overnight in {}",
                    name(manager),
                    if *count == 1 { "" } else { "s" },
                    fmt.week(*week)
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_both_languages_filled() {
        let mut keys: Vec<&str> = TABLE.iter().map(|(k, _, _)| *k).collect();
        keys.sort_unstable();
        let before = keys.len();
        keys.dedup();
        assert_eq!(before, keys.len(), "a key is defined twice");
        assert!(
            TABLE
                .iter()
                .all(|(_, ru, en)| !ru.is_empty() && !en.is_empty())
        );
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
