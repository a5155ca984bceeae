//! Every interface string in Russian and English: one table, looked up by
//! key. Templates get the whole table of the site's locale as `t`.

pub mod checklist;
pub mod format;

use std::collections::BTreeMap;

use crate::content::Locale;

/// (key, Russian, English). The Russian is how a sales head talks (GLOSSARY.md).
const TABLE: &[(&str, &str, &str)] = &[
    // Navigation and page names
    ("nav_dashboard", "Дашборд", "Dashboard"),
    ("nav_months", "Месяцы", "Months"),
    ("nav_weeks", "Недели", "Weeks"),
    ("nav_team", "Команда", "Team"),
    ("nav_standups", "Планёрки", "Stand-ups"),
    ("nav_idp", "ИПР", "Development plans"),
    ("rules", "Правила", "Rules"),
    ("all_rules", "Все правила", "All rules"),
    ("nav_one_on_ones", "1:1", "1:1s"),
    ("nav_checklist", "Точки контроля", "Control points"),
    (
        "checklist_title",
        "Точки контроля РОПа",
        "The head of sales' control points",
    ),
    ("phase_one", "Первые два месяца", "The first two months"),
    ("phase_two", "С третьего месяца", "From month three on"),
    ("desired_result", "Желаемый результат", "Desired result"),
    ("measured", "Измерено", "Measured"),
    ("evidence", "Подтверждение", "Evidence"),
    ("head_of_sales", "РОП", "Head of sales"),
    ("started", "в должности с", "started"),
    ("month_three_from", "третий месяц — с", "month three from"),
    ("manual_ticks", "Отмечено вручную", "Ticked by hand"),
    (
        "manual_note",
        "Эти пункты РОП отмечает сам; на статусы выше они не влияют.",
        "The head ticks these by hand; they do not change the statuses above.",
    ),
    ("training_title", "Обучение", "Training"),
    ("call_reviews", "Разборы звонков", "Call reviews"),
    ("case_reviews", "Разборы кейсов", "Case reviews"),
    ("trainings", "Тренинги", "Trainings"),
    ("roleplays", "Ролевые игры", "Role-plays"),
    (
        "training_note",
        "менеджеры — за текущий месяц; отдел — по месяцам",
        "managers: this month; the team: month by month",
    ),
    ("how_judged", "Как считаем", "How it is judged"),
    ("one_on_ones_title", "Встречи 1:1", "One-to-ones"),
    ("last_one_on_one", "Последняя встреча", "Last one"),
    ("one_on_ones_count", "Всего встреч", "Talks"),
    ("mood_trend", "Настроение", "Mood"),
    ("mood_good", "хорошее", "good"),
    ("mood_neutral", "ровное", "neutral"),
    ("mood_tense", "напряжённое", "tense"),
    ("overdue_one_on_one", "больше 4 недель", "over 4 weeks"),
    ("talks", "Записи встреч", "Notes of the talks"),
    ("topic", "Тема", "Topic"),
    (
        "no_one_on_ones",
        "Встречи 1:1 пока не записываются.",
        "No one-to-ones recorded yet.",
    ),
    // Stand-ups
    ("standups_title", "Планёрки", "Stand-ups"),
    ("standup", "Планёрка", "Stand-up"),
    ("minutes", "мин", "min"),
    ("limit", "норма", "limit"),
    ("duration", "Длительность, мин", "Duration, min"),
    ("video", "Видео", "Video"),
    ("yes", "да", "yes"),
    ("no", "нет", "no"),
    ("attendance", "Явка", "Attendance"),
    ("complete_reports", "Полные отчёты", "Complete reports"),
    ("within_limit", "В пределах нормы", "Within the limit"),
    ("on_video", "С видео", "On video"),
    ("standups_count", "Планёрок", "Stand-ups"),
    (
        "avg_duration",
        "Средняя длительность, мин",
        "Average duration, min",
    ),
    ("standup_log", "Журнал планёрок", "Stand-up log"),
    (
        "by_week_discipline",
        "Дисциплина по неделям",
        "Discipline by week",
    ),
    ("date", "Дата", "Date"),
    ("no_report", "Нет отчёта", "No report"),
    ("absent", "Отсутствуют", "Absent"),
    ("open_requests", "Запросы на помощь", "Open requests"),
    ("no_requests", "Запросов нет.", "No requests."),
    ("request_help", "нужна помощь", "help needed"),
    (
        "request_need",
        "нужно от РОПа/команды",
        "needed from the head or team",
    ),
    ("today", "сегодня", "today"),
    ("yesterday_part", "Вчера", "Yesterday"),
    ("today_part", "Сегодня", "Today"),
    ("answer_done", "Что сделал", "Done"),
    ("answer_result", "Результат", "Result"),
    ("answer_help", "Какая помощь нужна", "Help needed"),
    ("answer_goal", "Цель на сегодня", "Today's goal"),
    ("answer_how", "Как достигну", "How"),
    (
        "answer_need",
        "Что нужно от РОПа или команды",
        "Needed from the head or team",
    ),
    (
        "commitments",
        "Планёрки за две недели",
        "Stand-ups of the last two weeks",
    ),
    ("notes_from_standup", "Итоги планёрки", "Stand-up notes"),
    // Development plans
    (
        "idp_title",
        "Индивидуальные планы развития",
        "Development plans",
    ),
    ("idp_short", "ИПР", "Plan"),
    ("idp_active", "активен", "active"),
    ("idp_completed", "завершён", "completed"),
    ("idp_extended", "продлён", "extended"),
    ("idp_cancelled", "отменён", "cancelled"),
    ("overdue", "просрочен", "overdue"),
    ("period", "Срок", "Period"),
    ("goals", "Цели", "Goals"),
    ("goals_met", "Целей выполнено", "Goals met"),
    ("goal_met", "достигнута", "met"),
    ("goal_not_met", "пока нет", "not yet"),
    ("goal_done", "выполнена", "done"),
    ("goal_todo", "в работе", "to do"),
    ("target", "Цель", "Target"),
    ("latest", "Сейчас", "Latest"),
    (
        "weekly_progress",
        "По неделям с начала ИПР",
        "Week by week since the plan opened",
    ),
    ("outcome", "Итог", "Outcome"),
    (
        "no_idps",
        "Планов развития пока нет.",
        "No development plans yet.",
    ),
    // Assessments
    ("assessment", "Оценка компетенций", "Competency assessment"),
    ("assessment_of", "Оценка от", "Assessment of"),
    ("change_since", "изменение к оценке от", "change since"),
    ("assessment_history", "История оценок", "Assessment history"),
    ("no_assessment", "Оценок пока нет.", "No assessments yet."),
    ("scale_of", "из", "of"),
    ("commentary", "Комментарий РОПа", "The head's commentary"),
    ("competency", "Компетенция", "Competency"),
    ("skip_to_content", "К содержанию", "Skip to content"),
    ("main_navigation", "Разделы", "Sections"),
    (
        "generated",
        "Сформировано salespulse",
        "Made with salespulse",
    ),
    ("data_export", "Данные", "Data"),
    ("download_table", "скачать таблицу", "download table"),
    ("month_total", "Итого за месяц", "Month total"),
    ("plan_revenue", "План по выручке", "Revenue plan"),
    ("plan_deals", "План по сделкам", "Deals plan"),
    // The password page of an encrypted build (templates/locked.html)
    ("lock_title", "Закрытый отчёт", "Private report"),
    (
        "lock_lede",
        "Введите пароль, чтобы открыть отчёт.",
        "Enter the password to open the report.",
    ),
    ("lock_password", "Пароль", "Password"),
    ("lock_open", "Открыть", "Open"),
    (
        "lock_checking",
        "Проверяю пароль…",
        "Checking the password…",
    ),
    (
        "lock_wrong",
        "Неверный пароль. Попробуйте ещё раз.",
        "Wrong password. Please try again.",
    ),
    (
        "lock_once",
        "Пароль нужен один раз: другие страницы в этой вкладке откроются сами.",
        "You need it once: the other pages in this tab open by themselves.",
    ),
    (
        "lock_unsupported",
        "Этот браузер не может открыть отчёт по этому адресу. Откройте сайт по https://.",
        "This browser cannot open the report at this address. Open the site over https://.",
    ),
    (
        "lock_tampered",
        "Эта страница изменена или подменена: открыть её нельзя. Откройте отчёт по адресу, который вам дали.",
        "This page has been changed or replaced and cannot be opened. Open the report at the address you were given.",
    ),
    (
        "lock_noscript",
        "Отчёт зашифрован. Чтобы открыть его, включите JavaScript.",
        "The report is encrypted. Turn JavaScript on to open it.",
    ),
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
    (
        "mom_growth",
        "Рост м/м в рабочий день",
        "MoM growth per working day",
    ),
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
    (
        "days_with_data",
        "Рабочих дней с данными",
        "Working days with data",
    ),
    (
        "month_parts",
        "Части недели по месяцам",
        "The week's parts by month",
    ),
    ("working_days_short", "Раб. дней", "Working days"),
    ("note", "Комментарий", "Note"),
    // Dashboard
    ("data_through", "данные по", "data through"),
    ("as_of", "на", "as of"),
    ("numbers_through", "данные по", "numbers through"),
    ("days", "Дни", "Days"),
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
    (
        "decomposition_no_days",
        "Рабочих дней в месяце не осталось: декомпозиция не нужна.",
        "No working days are left this month: nothing to decompose.",
    ),
    ("remaining_revenue", "Осталось выручки", "Revenue to go"),
    ("days_left", "Осталось рабочих дней", "Working days left"),
    ("per_day", "в день", "per day"),
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

/// The sentence an alert shows on the dashboard and in `check`.
pub fn alert_text(
    alert: &crate::analytics::Alert,
    fmt: &crate::locale::format::Formatter,
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
        Alert::StandupTooLong {
            date,
            minutes,
            limit,
        } => {
            if ru {
                format!(
                    "Планёрка {}: {minutes} мин при норме {limit}",
                    fmt.date(*date)
                )
            } else {
                format!(
                    "Stand-up on {}: {minutes} min, the limit is {limit}",
                    fmt.date(*date)
                )
            }
        }
        Alert::StandupWithoutVideo { date } => {
            if ru {
                format!("Планёрка {} прошла без видео", fmt.date(*date))
            } else {
                format!("Stand-up on {} was held without video", fmt.date(*date))
            }
        }
        Alert::StandupMissingReports { date, managers } => {
            let names: Vec<String> = managers.iter().map(|m| name(m)).collect();
            if ru {
                format!(
                    "Планёрка {}: нет отчёта — {}",
                    fmt.date(*date),
                    names.join(", ")
                )
            } else {
                format!(
                    "Stand-up on {}: no report from {}",
                    fmt.date(*date),
                    names.join(", ")
                )
            }
        }
        Alert::IdpOverdue { manager, due, .. } => {
            if ru {
                format!(
                    "{}: срок ИПР истёк {}, итог не подведён",
                    name(manager),
                    fmt.date(*due)
                )
            } else {
                format!(
                    "{}: development plan was due {} and is still open",
                    name(manager),
                    fmt.date(*due)
                )
            }
        }
        Alert::OneOnOneOverdue { manager, last } => {
            let when = last.map(|d| fmt.date(d));
            match (ru, when) {
                (true, Some(d)) => format!(
                    "{}: последняя встреча 1:1 — {d}, больше 4 недель назад",
                    name(manager)
                ),
                (true, None) => format!("{}: встреч 1:1 ещё не было", name(manager)),
                (false, Some(d)) => format!(
                    "{}: last one-to-one on {d}, over 4 weeks ago",
                    name(manager)
                ),
                (false, None) => format!("{}: no one-to-one yet", name(manager)),
            }
        }
        Alert::LeadsOvernight {
            manager,
            week,
            count,
        } => {
            if ru {
                format!(
                    "{}: перенос на завтра — {count} {} ({})",
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
