//! The control points in words: title, desired result and the sentence that
//! states the measured figure, in Russian and English.

use crate::analytics::checklist::{ControlPoint, Facts, Status};
use crate::content::Locale;
use crate::locale::format::Formatter;

/// (id, ru title, ru desired result, en title, en desired result).
const POINTS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "plan_on_track",
        "План выполняется",
        "Отдел идёт в темпе плана месяца по выручке.",
        "The plan is being met",
        "The team is on pace for the month's revenue plan.",
    ),
    (
        "leads_same_day",
        "Лиды обрабатываются в тот же день",
        "В конце дня ни одного необработанного лида: перенос на завтра — ноль.",
        "Leads are processed the same day",
        "No lead is left for tomorrow at the end of a day.",
    ),
    (
        "vision_written",
        "Видение отдела написано",
        "За первые 4 недели РОП описал, как видит отдел и что меняет, к какому сроку.",
        "The head's vision is written",
        "Within 4 weeks the head has written how they see the department and what changes by when.",
    ),
    (
        "all_assessed",
        "Все менеджеры оценены",
        "Компетенции каждого работающего менеджера оценены.",
        "Every manager assessed",
        "Every active manager's competencies have been assessed.",
    ),
    (
        "training_formats",
        "Обучение в разных форматах",
        "В этом месяце есть разборы звонков, разборы кейсов, тренинги и ролевые игры.",
        "Training in several formats",
        "This month has call reviews, case reviews, trainings and role-plays.",
    ),
    (
        "standup_discipline",
        "Планёрки по формату",
        "Каждый день, не дольше нормы, с видео, каждый отчитывается по формату.",
        "Stand-ups in the format",
        "Daily, within the limit, on video, everyone reporting in the format.",
    ),
    (
        "plan_decomposed",
        "План разложен по менеджерам",
        "У каждого работающего менеджера есть план на этот месяц.",
        "The plan is decomposed",
        "Every active manager has a plan for this month.",
    ),
    (
        "chat_rules",
        "Регламент чатов написан",
        "Записано, кого о чём спрашивать в чатах и когда.",
        "Chat rules are written",
        "It is written down who to ask about what in the chats, and when.",
    ),
    (
        "mom_growth",
        "Рост к прошлому месяцу",
        "Выручка месяца выше, чем в прошлом месяце.",
        "Month-over-month growth",
        "The month's revenue is above the month before.",
    ),
    (
        "lag_explained",
        "Об отставании сообщено собственнику",
        "Каждый отстающий показатель объяснён: причина, действия, нужные ресурсы.",
        "Lag reported to the owner",
        "Every lagging metric is explained: reason, actions, resources.",
    ),
    (
        "idp_for_lagging",
        "ИПР для отстающих",
        "У каждого отстающего менеджера есть ИПР; закрытые ИПР — с итогом.",
        "A plan for every lagging manager",
        "Every lagging manager has a development plan; closed plans have an outcome.",
    ),
    (
        "one_on_ones",
        "Встречи 1:1 со всеми",
        "С каждым работающим менеджером была встреча 1:1 за последние 4 недели.",
        "One-to-ones with everyone",
        "Every active manager had a one-to-one in the last 4 weeks.",
    ),
];

fn row(
    id: &str,
) -> &'static (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
) {
    POINTS
        .iter()
        .find(|p| p.0 == id)
        .expect("every control point has words")
}

pub fn title(locale: Locale, id: &str) -> &'static str {
    let r = row(id);
    if locale == Locale::Ru { r.1 } else { r.3 }
}

pub fn desired(locale: Locale, id: &str) -> &'static str {
    let r = row(id);
    if locale == Locale::Ru { r.2 } else { r.4 }
}

pub fn status(locale: Locale, s: Status) -> &'static str {
    match (locale, s) {
        (Locale::Ru, Status::Met) => "выполнено",
        (Locale::Ru, Status::Partly) => "частично",
        (Locale::Ru, Status::NotMet) => "не выполнено",
        (Locale::Ru, Status::NoData) => "нет данных",
        (Locale::En, Status::Met) => "met",
        (Locale::En, Status::Partly) => "partly",
        (Locale::En, Status::NotMet) => "not met",
        (Locale::En, Status::NoData) => "no data",
    }
}

/// The figure behind a point, as one sentence.
pub fn summary(p: &ControlPoint, fmt: &Formatter, name: &dyn Fn(&str) -> String) -> String {
    let ru = fmt.locale == Locale::Ru;
    let pct = |v: f64| fmt.percent(v, 0);
    let opt = |v: Option<f64>| v.map_or_else(|| "—".into(), pct);
    let names = |ids: &[String]| ids.iter().map(|i| name(i)).collect::<Vec<_>>().join(", ");
    let missing_tail = |missing: &[String]| {
        if missing.is_empty() {
            String::new()
        } else if ru {
            format!(" — нет: {}", names(missing))
        } else {
            format!(" — missing: {}", names(missing))
        }
    };
    match (&p.facts, p.id) {
        (Facts::Nothing, _) => (if ru {
            "в материалах нет данных, чтобы судить"
        } else {
            "nothing in the content to judge by"
        })
        .into(),
        (Facts::Pace { month, pace }, _) => {
            if ru {
                format!(
                    "темп выручки за {} — {} плана",
                    fmt.month(*month),
                    pct(*pace)
                )
            } else {
                format!(
                    "revenue pace in {}: {} of plan",
                    fmt.month(*month),
                    pct(*pace)
                )
            }
        }
        (Facts::Share { part, whole, .. }, "leads_same_day") => {
            if ru {
                format!("{part} из {whole} недель менеджеров без переноса лидов на завтра")
            } else {
                format!("{part} of {whole} manager-weeks with no lead left overnight")
            }
        }
        (
            Facts::Share {
                part,
                whole,
                missing,
            },
            "all_assessed",
        ) => {
            if ru {
                format!(
                    "оценены {part} из {whole} работающих менеджеров{}",
                    missing_tail(missing)
                )
            } else {
                format!(
                    "assessed {part} of {whole} active managers{}",
                    missing_tail(missing)
                )
            }
        }
        (
            Facts::Share {
                part,
                whole,
                missing,
            },
            "plan_decomposed",
        ) => {
            if ru {
                format!(
                    "план есть у {part} из {whole} менеджеров{}",
                    missing_tail(missing)
                )
            } else {
                format!(
                    "plans for {part} of {whole} managers{}",
                    missing_tail(missing)
                )
            }
        }
        (
            Facts::Share {
                part,
                whole,
                missing,
            },
            "lag_explained",
        ) => {
            let tail = if missing.is_empty() {
                String::new()
            } else if ru {
                format!(" — без пояснения: {}", missing.join(", "))
            } else {
                format!(" — unexplained: {}", missing.join(", "))
            };
            if ru {
                format!("объяснено {part} из {whole} отстающих показателей{tail}")
            } else {
                format!("{part} of {whole} lagging metrics explained{tail}")
            }
        }
        (
            Facts::Share {
                part,
                whole,
                missing,
            },
            _,
        ) => {
            if ru {
                format!(
                    "встречи 1:1 за 4 недели с {part} из {whole} менеджеров{}",
                    missing_tail(missing)
                )
            } else {
                format!(
                    "one-to-ones in 4 weeks with {part} of {whole} managers{}",
                    missing_tail(missing)
                )
            }
        }
        (
            Facts::Page {
                slug,
                date,
                deadline,
            },
            "vision_written",
        ) => {
            let date = date.map(|d| fmt.date(d));
            let deadline = deadline.map(|d| fmt.date(d));
            match (slug, ru) {
                (None, true) => format!(
                    "страницы с видением нет{}",
                    deadline
                        .map(|d| format!(" (срок — {d})"))
                        .unwrap_or_default()
                ),
                (None, false) => format!(
                    "no vision page{}",
                    deadline.map(|d| format!(" (due {d})")).unwrap_or_default()
                ),
                (Some(_), true) => format!(
                    "написано {}{}",
                    date.unwrap_or_else(|| "без даты".into()),
                    deadline
                        .map(|d| format!(", срок — {d}"))
                        .unwrap_or_default()
                ),
                (Some(_), false) => format!(
                    "written {}{}",
                    date.unwrap_or_else(|| "undated".into()),
                    deadline.map(|d| format!(", due {d}")).unwrap_or_default()
                ),
            }
        }
        (Facts::Page { slug, .. }, _) => match (slug.is_some(), ru) {
            (true, true) => "регламент опубликован".into(),
            (true, false) => "the rules are published".into(),
            (false, true) => "страницы с регламентом чатов нет".into(),
            (false, false) => "no chat-rules page".into(),
        },
        (Facts::Training { month, counts }, _) => {
            if ru {
                format!(
                    "{}: разборов звонков {}, разборов кейсов {}, тренингов {}, ролевых игр {} — форматов {} из 4",
                    fmt.month(*month),
                    counts.call_reviews,
                    counts.case_reviews,
                    counts.trainings,
                    counts.roleplays,
                    counts.formats_used()
                )
            } else {
                format!(
                    "{}: {} call reviews, {} case reviews, {} trainings, {} role-plays — {} of 4 formats",
                    fmt.month(*month),
                    counts.call_reviews,
                    counts.case_reviews,
                    counts.trainings,
                    counts.roleplays,
                    counts.formats_used()
                )
            }
        }
        (
            Facts::Standups {
                count,
                within,
                video,
                complete,
                limit,
            },
            _,
        ) => {
            if ru {
                format!(
                    "планёрок {count}: {} в пределах {limit} мин, {} с видео, {} полных отчётов",
                    opt(*within),
                    opt(*video),
                    opt(*complete)
                )
            } else {
                format!(
                    "{count} stand-ups: {} within {limit} min, {} on video, {} complete reports",
                    opt(*within),
                    opt(*video),
                    opt(*complete)
                )
            }
        }
        (Facts::Growth { month, growth }, _) => {
            let sign = if *growth > 0.0 { "+" } else { "" };
            if ru {
                format!(
                    "{}: {sign}{} к прошлому месяцу",
                    fmt.month(*month),
                    pct(*growth)
                )
            } else {
                format!(
                    "{}: {sign}{} on the month before",
                    fmt.month(*month),
                    pct(*growth)
                )
            }
        }
        (
            Facts::Plans {
                lagging,
                lagging_with_plan,
                closed,
                closed_with_outcome,
                missing,
            },
            _,
        ) => {
            if ru {
                format!(
                    "ИПР у {lagging_with_plan} из {lagging} отстающих{}; итог записан в {closed_with_outcome} из {closed} закрытых ИПР",
                    missing_tail(missing)
                )
            } else {
                format!(
                    "plans for {lagging_with_plan} of {lagging} lagging managers{}; outcome written in {closed_with_outcome} of {closed} closed plans",
                    missing_tail(missing)
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::checklist::POINTS as IDS;

    #[test]
    fn every_point_has_words_in_both_languages() {
        for (id, _) in IDS {
            assert!(!title(Locale::Ru, id).is_empty() && !title(Locale::En, id).is_empty());
            assert!(!desired(Locale::Ru, id).is_empty() && !desired(Locale::En, id).is_empty());
        }
    }
}
