//! The words of problems in config.yaml, team.yaml, plans and week files.

use super::{Text, did_you_mean, list, manager_fix};
use crate::content::Locale;
use crate::problem::Numbers;
use crate::problem::numbers::{Implausible, Settings, Step, WeekPeriod};

pub(super) fn text(p: &Numbers, l: Locale) -> Text {
    match l {
        Locale::En => en(p),
        Locale::Ru => ru(p),
    }
}

const NOT_ACTIVE_EN: &str = "check `joined` and `left` in content/team.yaml";
const NOT_ACTIVE_RU: &str = "проверьте даты `joined` и `left` в `content/team.yaml`";

fn en(p: &Numbers) -> Text {
    match p {
        Numbers::Settings(p) => settings_en(p),
        Numbers::IdNotSlug { id } => Text::new(format!("manager id `{id}` is not a slug"))
            .label("ids become page addresses (team/<id>/)")
            .hint("use lowercase latin letters, digits and single hyphens, e.g. `anna-ivanova`"),
        Numbers::ListedTwice { id, first_line } => {
            Text::new(format!("manager `{id}` is listed twice"))
                .label(format!("first listed at line {first_line}"))
        }
        Numbers::LeftBeforeJoined { left, joined } => {
            Text::new(format!("`left` ({left}) is before `joined` ({joined})"))
        }
        Numbers::UnknownManager { id, fix } => Text::new(format!("unknown manager `{id}`"))
            .label("not in content/team.yaml")
            .hint(manager_fix(Locale::En, fix)),
        Numbers::PlanFileName { stem, month } => Text::new(format!(
            "file name `{stem}` disagrees with `month: {month}`"
        ))
        .hint(format!("rename the file to targets/{month}.yaml, or fix `month`")),
        Numbers::SecondPlan { month, first } => Text::new(format!("a second plan for {month}"))
            .label(format!("also in {first}"))
            .hint("keep one targets file per month"),
        Numbers::NotActive { id, period, plan } => Text::new(if *plan {
            format!("`{id}` has a plan for {period} but is not active then")
        } else {
            format!("`{id}` has numbers in {period} but is not active then")
        })
        .hint(NOT_ACTIVE_EN),
        Numbers::SecondWeekFile { period, first } => {
            Text::new(format!("a second file for {period}"))
                .label(format!("also in {first}"))
                .hint("keep one file per week (per part of a week split between months)")
        }
        Numbers::WeekAhead {
            period,
            starts,
            as_of,
        } => Text::new(format!(
            "{period} starts on {starts}, after --as-of {as_of}: its numbers are left out"
        ))
        .hint("a week written ahead counts once it has begun"),
        Numbers::NoNumbersFor { id, period } => {
            Text::new(format!("no numbers for {id} in {period}"))
                .hint("add the manager's entry; until then they are left out of this period")
        }
        Numbers::NoPlan { month, first } => Text::new(format!("no plan for {month}")).hint(
            format!(
                "{first} has numbers for {month}; create targets/{month}.yaml, or plan figures stay empty"
            ),
        ),
        Numbers::Implausible(p) => implausible_en(p),
        Numbers::UnknownCustomMetric { key, close } => {
            let t = Text::new(format!("unknown custom metric `{key}`"))
                .label("not in custom_metrics of content/config.yaml");
            match close {
                Some(c) => t.hint(did_you_mean(Locale::En, c)),
                None => t,
            }
        }
        Numbers::WeekPeriod(p) => week_period_en(p),
    }
}

fn settings_en(p: &Settings) -> Text {
    match p {
        Settings::NotACurrency { code } => Text::new(format!("`{code}` is not a currency code"))
            .hint("use an ISO 4217 code such as RUB, USD or EUR"),
        Settings::BadBaseUrl { url } => Text::new(format!(
            "base_url `{url}` must start and end with `/`"
        ))
        .hint("use \"/\" for a site at the domain root, \"/repo/\" for GitHub Pages of a project"),
        Settings::LaggingWeeksZero => Text::new("manager_lagging_weeks must be at least 1"),
        Settings::BadMetricKey { key } => Text::new(format!(
            "custom metric key `{key}` must be lowercase letters, digits and `_`"
        )),
        Settings::MetricTwice { key } => {
            Text::new(format!("custom metric `{key}` is declared twice"))
        }
        Settings::CompetencyTwice { key } => {
            Text::new(format!("competency `{key}` is declared twice"))
        }
        Settings::DayOffAndOn { date } => Text::new(format!(
            "{date} is both in `holidays` and in `working`"
        ))
        .hint("keep the day in one of the two lists"),
        Settings::NoCalendar { year } => Text::new(format!(
            "no production calendar for {year}: only `workdays` and the dates in config.yaml count that year"
        ))
        .hint(format!(
            "list {year}'s public holidays in `holidays:` and its working weekends in `working:`, or update salespulse"
        )),
    }
}

fn week_period_en(p: &WeekPeriod) -> Text {
    match p {
        WeekPeriod::SplitWeekPlain {
            week,
            parts: [a, b],
        } => Text::new(format!(
            "{week} has working days in two months: it is written as two files"
        ))
        .label(format!("{} and {}", a.month, b.month))
        .hint(format!(
            "write the days of each month in its own file: {} ({}) and {} ({}), each with `month:`",
            a.file, a.days, b.file, b.days
        )),
        WeekPeriod::PlainWeekSplit { week, part } => Text::new(format!(
            "{week} is not split between months: it is written as one file"
        ))
        .label(format!("all its working days are in {}", part.month))
        .hint(format!("rename the file to {} ({})", part.file, part.days)),
        WeekPeriod::SplitWithoutMonth {
            week,
            months: [a, b],
        } => Text::new(format!("which part of {week} is this? `month:` is missing")).hint(format!(
            "{week} is split between months: add `month: {a}` or `month: {b}` under `week:`"
        )),
        WeekPeriod::WrongMonth {
            week,
            month,
            months,
        } => Text::new(if months.len() == 1 {
            format!("{week} belongs to {}, not {month}", months[0])
        } else {
            format!("{week} has no days in {month}")
        })
        .hint(format!("`month` is one of: {}", months.join(", "))),
        WeekPeriod::WeekFileName {
            stem,
            week,
            month,
            expected,
        } => {
            let what = match month {
                Some(m) => format!("`week: {week}` and `month: {m}`"),
                None => format!("`week: {week}`"),
            };
            Text::new(format!("file name `{stem}` disagrees with {what}")).hint(format!(
                "rename the file to weeks/{expected}.yaml, or fix `week`"
            ))
        }
    }
}

fn implausible_en(p: &Implausible) -> Text {
    match p {
        Implausible::ProcessedMoreThanReceived {
            id,
            processed,
            received,
            period,
        } => Text::new(format!(
            "`{id}` processed more leads ({processed}) than received ({received}) in {period}; fine if it is backlog"
        )),
        Implausible::AllZeros { id, period } => Text::new(format!(
            "all zeros for `{id}` in {period}: not filled in yet?"
        ))
        .hint("fill in the numbers; an entry of zeros counts as a period without a single lead or sale"),
        Implausible::Funnel {
            id,
            step,
            later,
            earlier,
            period,
            percent,
        } => {
            let (later_w, earlier_w, conversion) = match step {
                Step::Deals => ("deals", "meetings", "meeting→deal"),
                Step::Meetings => ("meetings", "processed leads", "lead→meeting"),
            };
            let shown = match percent {
                Some(p) => format!("would read {p}%"),
                None => "cannot be computed".into(),
            };
            Text::new(format!(
                "`{id}` has more {later_w} ({later}) than {earlier_w} ({earlier}) in {period}: the funnel is upside down"
            ))
            .hint(format!(
                "check both numbers; fine if the {later_w} came from earlier weeks' {earlier_w} (as written, {conversion} conversion {shown})"
            ))
        }
        Implausible::Outlier {
            id,
            field,
            period,
            value,
            times,
            usual,
        } => Text::new(format!(
            "`{id}`'s {field} in {period} ({value}) is {times}× their median for a period like it ({usual}): an extra zero?"
        ))
        .hint(format!(
            "check the digits; the median is of {id}'s other periods, per working day"
        )),
        Implausible::PastPlan { month } => Text::new(format!(
            "a plan for {month}, a month that is over without a single week file"
        ))
        .hint(format!(
            "check the year and month; the plan counts for nothing until weeks/ holds numbers for {month}"
        )),
    }
}

/// The Russian name of a week-file field, as the site names it.
fn field_ru(field: &str) -> &'static str {
    match field {
        "leads_received" => "лиды",
        "leads_processed" => "обработанные лиды",
        "calls" => "звонки",
        "meetings" => "встречи",
        "deals" => "сделки",
        "revenue" => "выручка",
        _ => "показатель",
    }
}

fn ru(p: &Numbers) -> Text {
    match p {
        Numbers::Settings(p) => settings_ru(p),
        Numbers::IdNotSlug { id } => Text::new(format!("в `id` менеджера `{id}` есть недопустимые знаки"))
            .label("из `id` получается адрес страницы менеджера")
            .hint("пишите строчными латинскими буквами, цифрами и одиночными дефисами, например `anna-ivanova`"),
        Numbers::ListedTwice { id, first_line } => {
            Text::new(format!("менеджер `{id}` записан в команде дважды"))
                .label(format!("первый раз — в строке {first_line}"))
                .hint("оставьте одну запись")
        }
        Numbers::LeftBeforeJoined { left, joined } => Text::new(format!(
            "дата ухода `left` ({left}) раньше даты прихода `joined` ({joined})"
        ))
        .hint("проверьте обе даты"),
        Numbers::UnknownManager { id, fix } => Text::new(format!("неизвестный менеджер `{id}`"))
            .label("его нет в `content/team.yaml`")
            .hint(manager_fix(Locale::Ru, fix)),
        Numbers::PlanFileName { stem, month } => Text::new(format!(
            "имя файла `{stem}` не совпадает с `month: {month}` внутри"
        ))
        .hint(format!(
            "переименуйте файл в `targets/{month}.yaml` или исправьте `month`"
        )),
        Numbers::SecondPlan { month, first } => {
            Text::new(format!("второй план на {month}"))
                .label(format!("план уже есть в `{first}`"))
                .hint("на каждый месяц — один файл плана")
        }
        Numbers::NotActive { id, period, plan } => Text::new(if *plan {
            format!("у `{id}` есть план на {period}, но в это время менеджер не в команде")
        } else {
            format!("у `{id}` есть цифры за неделю `{period}`, но в это время менеджер не в команде")
        })
        .hint(NOT_ACTIVE_RU),
        Numbers::SecondWeekFile { period, first } => {
            Text::new(format!("второй файл за неделю `{period}`"))
                .label(format!("цифры за неё уже есть в `{first}`"))
                .hint("на каждую неделю — один файл (на каждую часть недели, разбитой между месяцами)")
        }
        Numbers::WeekAhead {
            period,
            starts,
            as_of,
        } => Text::new(format!(
            "неделя `{period}` начинается {starts}, позже даты проверки {as_of}: её цифры пока не учитываются"
        ))
        .hint("неделя, записанная заранее, учитывается, когда она начнётся"),
        Numbers::NoNumbersFor { id, period } => {
            Text::new(format!("нет цифр менеджера `{id}` за неделю `{period}`"))
                .hint("добавьте запись менеджера; пока её нет, за эту неделю он не учитывается")
        }
        Numbers::NoPlan { month, first } => Text::new(format!("нет плана на {month}")).hint(
            format!(
                "в `{first}` есть цифры за {month}; создайте `targets/{month}.yaml`, иначе план-факт за месяц останется пустым"
            ),
        ),
        Numbers::Implausible(p) => implausible_ru(p),
        Numbers::UnknownCustomMetric { key, close } => {
            let t = Text::new(format!("неизвестный показатель `{key}`"))
                .label("его нет в `custom_metrics` в `content/config.yaml`");
            t.hint(match close {
                Some(c) => did_you_mean(Locale::Ru, c),
                None => "опишите его в `custom_metrics` в `content/config.yaml` или уберите строку"
                    .to_string(),
            })
        }
        Numbers::WeekPeriod(p) => week_period_ru(p),
    }
}

fn settings_ru(p: &Settings) -> Text {
    match p {
        Settings::NotACurrency { code } => Text::new(format!("`{code}` — не код валюты"))
            .hint("напишите трёхбуквенный код ISO 4217: `RUB`, `USD` или `EUR`"),
        Settings::BadBaseUrl { url } => Text::new(format!(
            "`base_url` `{url}` должен начинаться и заканчиваться знаком `/`"
        ))
        .hint("напишите `\"/\"` для сайта в корне домена или `\"/имя-репозитория/\"` для страниц проекта на GitHub"),
        Settings::LaggingWeeksZero => {
            Text::new("`manager_lagging_weeks` должно быть не меньше 1")
                .hint("это число недель подряд, после которых менеджер считается отстающим")
        }
        Settings::BadMetricKey { key } => Text::new(format!(
            "ключ своего показателя `{key}` может состоять только из строчных латинских букв, цифр и `_`"
        ))
        .hint("например, `trial_lessons`"),
        Settings::MetricTwice { key } => {
            Text::new(format!("свой показатель `{key}` описан дважды"))
                .hint("оставьте одно описание")
        }
        Settings::CompetencyTwice { key } => {
            Text::new(format!("компетенция `{key}` описана дважды"))
                .hint("оставьте одно описание")
        }
        Settings::DayOffAndOn { date } => Text::new(format!(
            "день {date} указан и в `holidays` (праздники), и в `working` (рабочие дни)"
        ))
        .hint("оставьте день только в одном из двух списков"),
        Settings::NoCalendar { year } => Text::new(format!(
            "нет производственного календаря на {year} год: в этом году выходными считаются только дни из `workdays` и даты из `config.yaml`"
        ))
        .hint(format!(
            "перечислите праздники {year} года в `holidays:`, а рабочие выходные — в `working:`, или обновите `salespulse`"
        )),
    }
}

fn week_period_ru(p: &WeekPeriod) -> Text {
    match p {
        WeekPeriod::SplitWeekPlain { week, parts: [a, b] } => Text::new(format!(
            "у недели `{week}` рабочие дни в двух месяцах: её записывают двумя файлами"
        ))
        .label(format!("{} и {}", a.month, b.month))
        .hint(format!(
            "запишите дни каждого месяца в свой файл: `{}` ({}) и `{}` ({}), в каждом — строка `month:`",
            a.file, a.days, b.file, b.days
        )),
        WeekPeriod::PlainWeekSplit { week, part } => Text::new(format!(
            "неделя `{week}` не разбита между месяцами: её записывают одним файлом"
        ))
        .label(format!("все её рабочие дни — в {}", part.month))
        .hint(format!("переименуйте файл в `{}` ({})", part.file, part.days)),
        WeekPeriod::SplitWithoutMonth { week, months: [a, b] } => Text::new(format!(
            "какая это часть недели `{week}`? Нет строки `month:`"
        ))
        .hint(format!(
            "неделя `{week}` разбита между месяцами: допишите под `week:` строку `month: {a}` или `month: {b}`"
        )),
        WeekPeriod::WrongMonth {
            week,
            month,
            months,
        } => Text::new(if months.len() == 1 {
            format!("неделя `{week}` относится к {}, а не к {month}", months[0])
        } else {
            format!("у недели `{week}` нет дней в {month}")
        })
        .hint(format!(
            "в `month` можно написать: {}",
            list(Locale::Ru, months)
        )),
        WeekPeriod::WeekFileName {
            stem,
            week,
            month,
            expected,
        } => {
            let what = match month {
                Some(m) => format!("`week: {week}` и `month: {m}`"),
                None => format!("`week: {week}`"),
            };
            Text::new(format!("имя файла `{stem}` не совпадает с {what} внутри")).hint(format!(
                "переименуйте файл в `weeks/{expected}.yaml` или исправьте `week`"
            ))
        }
    }
}

fn implausible_ru(p: &Implausible) -> Text {
    match p {
        Implausible::ProcessedMoreThanReceived {
            id,
            processed,
            received,
            period,
        } => Text::new(format!(
            "у `{id}` обработано больше лидов ({processed}), чем получено ({received}), за неделю `{period}`"
        ))
        .hint("так бывает, если обрабатывали лиды прошлой недели; иначе проверьте цифры"),
        Implausible::AllZeros { id, period } => Text::new(format!(
            "у `{id}` за неделю `{period}` одни нули: ещё не заполнено?"
        ))
        .hint("впишите цифры; запись из одних нулей значит, что за неделю не было ни одного лида и ни одной продажи"),
        Implausible::Funnel {
            id,
            step,
            later,
            earlier,
            period,
            percent,
        } => {
            let (later_w, came, earlier_w, conversion) = match step {
                Step::Deals => ("сделок", "сделки", "встреч", "из встречи в сделку"),
                Step::Meetings => ("встреч", "встречи", "обработанных лидов", "из лида во встречу"),
            };
            let shown = match percent {
                Some(p) => format!("конверсия {conversion} будет {p} %"),
                None => format!("конверсию {conversion} не посчитать"),
            };
            Text::new(format!(
                "у `{id}` за неделю `{period}` {later_w} ({later}) больше, чем {earlier_w} ({earlier}): воронка перевёрнута"
            ))
            .hint(format!(
                "проверьте обе цифры; так бывает, если {came} пришли из {earlier_w} прошлых недель (с такими цифрами {shown})"
            ))
        }
        Implausible::Outlier {
            id,
            field,
            period,
            value,
            times,
            usual,
        } => Text::new(format!(
            "у `{id}` за неделю `{period}` {} — {value}, в {times} раз больше обычного ({usual}): лишний ноль?",
            field_ru(field)
        ))
        .hint(format!(
            "проверьте цифры; обычное — медиана по другим неделям `{id}` в пересчёте на рабочий день"
        )),
        Implausible::PastPlan { month } => Text::new(format!(
            "есть план на {month}, но месяц прошёл, а цифр за него нет ни в одном файле недели"
        ))
        .hint(format!(
            "проверьте год и месяц; план не учитывается, пока в `weeks/` нет цифр за {month}"
        )),
    }
}
