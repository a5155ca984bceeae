//! The words of problems in stand-ups, development plans, assessments,
//! month notes, pages, one-to-ones, the checklist and requests.

use super::{Text, did_you_mean, list, manager_fix, suggestion};
use crate::content::Locale;
use crate::locale::plural_ru;
use crate::problem::Practice;
use crate::problem::practice::{Assessments, Idps, Once, Requests, Scaffold, Standups};

pub(super) fn text(p: &Practice, l: Locale) -> Text {
    match l {
        Locale::En => en(p),
        Locale::Ru => ru(p),
    }
}

const REQUEST_ID_EN: &str = "a request's id is the manager, the date of the stand-up that asked it and `help` or `need`, e.g. `anna-ivanova-2026-11-10-help`; `salespulse new standup` lists the open ones";
const REQUEST_ID_RU: &str = "номер запроса складывается из `id` менеджера, даты планёрки, на которой его задали, и `help` или `need`, например `anna-ivanova-2026-11-10-help`; открытые запросы перечисляет `salespulse new standup`";

fn en(p: &Practice) -> Text {
    match p {
        Practice::NotOnTeam {
            id,
            left,
            on,
            what,
            day,
        } => {
            let what = match what {
                Scaffold::Idp => "a development plan",
                Scaffold::OneOnOne => "a one-to-one",
            };
            let verb = if *left { "left" } else { "joins" };
            Text::new(format!(
                "`{id}` {verb} on {on}: {what} is for someone on the team on {day}"
            ))
            .hint("check `joined` and `left` in content/team.yaml, or --as-of")
        }
        Practice::MeasuredTick { key } => Text::new(format!(
            "`{key}` is measured from the content; a manual tick does not change it"
        ))
        .hint("tick by hand only what no file can prove"),
        Practice::NotAControlPoint { key, close } => Text::new(format!(
            "`{key}` is not a control point; it is shown as a hand-ticked item"
        ))
        .hint(did_you_mean(Locale::En, close)),
        Practice::FileName { stem, by, file } => {
            let what = by.keys("and");
            Text::new(format!("file name `{stem}` disagrees with `{what}`"))
                .hint(format!("rename the file to {file}, or fix `{what}`"))
        }
        Practice::Second { what, first } => Text::new(match what {
            Once::Standup(date) => format!("a second stand-up on {date}"),
            Once::Assessment(date) => format!("a second assessment round on {date}"),
            Once::MonthNote(month) => format!("a second note for {month}"),
        })
        .label(format!("also in {first}"))
        .hint("keep one file"),
        Practice::UnknownManager { id, fix } => Text::new(format!("unknown manager `{id}`"))
            .label("not in content/team.yaml")
            .hint(manager_fix(Locale::En, fix)),
        Practice::Standups(p) => standups_en(p),
        Practice::Idps(p) => idps_en(p),
        Practice::NotALaggingMetric { key, fix } => {
            Text::new(format!("`{key}` is not a metric that can lag")).hint(match fix {
                crate::problem::Suggestion::OneOf(all) => {
                    format!("explain one of: {}", all.join(", "))
                }
                close => suggestion(Locale::En, close, ""),
            })
        }
        Practice::PageNameNotSlug { stem } => Text::new(format!(
            "page file name `{stem}` is not a slug"
        ))
        .hint("name pages with lowercase latin letters, digits and hyphens, e.g. chat-rules.md"),
        Practice::EmptyTitle => Text::new("the page has an empty `title`"),
        Practice::Assessments(p) => assessments_en(p),
        Practice::Requests(p) => requests_en(p),
    }
}

fn standups_en(p: &Standups) -> Text {
    match p {
        Standups::AbsentButReported { id } => {
            Text::new(format!("`{id}` is listed as absent but also reported"))
        }
        Standups::ZeroMinutes => Text::new("`duration_min: 0`: the stand-up took no time?")
            .hint("write how many minutes it took, or leave `duration_min` out if nobody timed it"),
        Standups::LongStandup { minutes, limit } => Text::new(format!(
            "the stand-up took {minutes} minutes; the limit is {limit}"
        ))
        .hint("keep to numbers, progress and the day's plan; take details to one-to-ones"),
        Standups::NoVideo => Text::new("the stand-up was held without video"),
        Standups::ReportMissing { id, parts } => {
            Text::new(format!("`{id}`'s report has no {}", parts.join(", ")))
                .hint("the format asks for done, result, goal and how every day")
        }
        Standups::NoReport { id, date } => Text::new(format!("no report from {id} on {date}"))
            .hint(format!(
                "add their answers under `reports:`, or `absent: {{ {id}: \"reason\" }}`"
            )),
    }
}

fn idps_en(p: &Idps) -> Text {
    match p {
        Idps::DueBeforeOpened { due, opened } => {
            Text::new(format!("`due` ({due}) is before `opened` ({opened})"))
                .hint("a development plan ends after it starts")
        }
        Idps::UnknownGoalMetric { metric, fix } => Text::new(format!("unknown metric `{metric}`"))
            .hint(match fix {
                crate::problem::Suggestion::OneOf(all) => {
                    format!("a goal can measure one of: {}", all.join(", "))
                }
                close => suggestion(Locale::En, close, ""),
            }),
        Idps::GoalWithoutTarget => Text::new("a goal with `metric` needs a `target`")
            .hint("give the value to reach as a fraction, e.g. `target: 0.3` for 30 %"),
        Idps::GoalWithoutMetric { metrics } => Text::new("a goal with `target` needs a `metric`")
            .hint(format!("measure one of: {}", metrics.join(", "))),
        Idps::TargetAsPercent {
            target,
            metric,
            percent,
            fraction,
        } => Text::new(format!(
            "`target: {target}` for `{metric}` reads as {percent}%"
        ))
        .hint(format!(
            "write {fraction}: a target is a fraction ({target}% is {fraction})"
        )),
    }
}

fn assessments_en(p: &Assessments) -> Text {
    match p {
        Assessments::NothingToAssess => Text::new("config.yaml declares no competencies to assess")
            .hint("add them under `competencies:`, e.g. `- { key: objections, label: \"…\" }`"),
        Assessments::NoCompetencies { first, names, uses } => {
            let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            Text::new("content/config.yaml declares no competencies")
                .label(format!("{} used in {}", names.join(", "), scores_en(*uses)))
                .hint(format!(
                    "add them to competencies in content/config.yaml: `- {{ key: {first}, label: \"…\" }}` for each"
                ))
        }
        Assessments::UnknownCompetency { name, uses, close } => {
            Text::new(format!("unknown competency `{name}`"))
                .label(format!(
                    "not in competencies of content/config.yaml; used in {}",
                    scores_en(*uses)
                ))
                .hint(match close {
                    Some(c) => did_you_mean(Locale::En, c),
                    None => format!(
                        "add it to competencies in content/config.yaml: `- {{ key: {name}, label: \"…\" }}`"
                    ),
                })
        }
        Assessments::ScaleZero => Text::new("the scale must be at least 1"),
        Assessments::NoScoreYet {
            id,
            competencies,
            scale,
        } => Text::new(format!(
            "`{id}` has no score yet for {}",
            competencies.join(", ")
        ))
        .hint(format!(
            "give each a whole number from 1 to {scale}, or remove the line of a competency not assessed"
        )),
        Assessments::ScoreOutside { score, scale } => {
            Text::new(format!("score {score} is outside the scale 1–{scale}"))
                .hint(format!("scores are whole numbers from 1 to {scale}"))
        }
    }
}

fn requests_en(p: &Requests) -> Text {
    match p {
        Requests::UnknownRequest { id, close } => {
            Text::new(format!("no stand-up asked a request `{id}`")).hint(match close {
                Some(c) => did_you_mean(Locale::En, c),
                None => REQUEST_ID_EN.to_string(),
            })
        }
        Requests::ResolvedBeforeAsked { id, opened } => Text::new(format!(
            "`{id}` is resolved before it was asked, on {opened}"
        ))
        .hint("resolve it at a stand-up on or after the one that asked it"),
        Requests::AlreadyResolved { id, on } => {
            Text::new(format!("`{id}` was already resolved on {on}"))
                .hint("remove it here, or from the earlier stand-up")
        }
        Requests::UnknownBy { id, fix } => Text::new(format!("unknown manager `{id}` in `by`"))
            .hint(format!(
                "`by` is `head` or a manager's id; {}",
                manager_fix(Locale::En, fix)
            )),
    }
}

fn scores_en(n: usize) -> String {
    if n == 1 {
        "1 score".to_string()
    } else {
        format!("{n} scores")
    }
}

fn scores_ru(n: usize) -> String {
    format!(
        "{n} {}",
        plural_ru(n as u64, "оценке", "оценках", "оценках")
    )
}

/// The parts of a stand-up report, as the format names them.
fn report_part_ru(part: &str) -> &'static str {
    match part {
        "done" => "что сделал вчера (`done`)",
        "result" => "какой результат (`result`)",
        "goal" => "цель на сегодня (`goal`)",
        "how" => "как достигну (`how`)",
        _ => "часть отчёта",
    }
}

fn ru(p: &Practice) -> Text {
    match p {
        Practice::NotOnTeam {
            id,
            left,
            on,
            what,
            day,
        } => {
            let what = match what {
                Scaffold::Idp => "ИПР",
                Scaffold::OneOnOne => "встреча один на один",
            };
            let since = if *left { "до" } else { "с" };
            Text::new(format!(
                "`{id}` в команде только {since} {on}, а {what} — на {day}"
            ))
            .hint("ИПР и встречи один на один пишут только для тех, кто в команде в этот день; проверьте даты `joined` и `left` в `content/team.yaml` или дату `--as-of`")
        }
        Practice::MeasuredTick { key } => Text::new(format!(
            "`{key}` считается по данным сайта; отметка вручную его не меняет"
        ))
        .hint("вручную отмечайте только то, что не видно ни из одного файла"),
        Practice::NotAControlPoint { key, close } => Text::new(format!(
            "`{key}` — не точка контроля; он будет показан как пункт, отмеченный вручную"
        ))
        .hint(did_you_mean(Locale::Ru, close)),
        Practice::FileName { stem, by, file } => {
            let what = by.keys("и");
            Text::new(format!(
                "имя файла `{stem}` не совпадает с `{what}` внутри"
            ))
            .hint(format!("переименуйте файл в `{file}` или исправьте `{what}`"))
        }
        Practice::Second { what, first } => Text::new(match what {
            Once::Standup(date) => format!("вторая планёрка за {date}"),
            Once::Assessment(date) => format!("вторая оценка компетенций за {date}"),
            Once::MonthNote(month) => format!("вторая заметка к месяцу {month}"),
        })
        .label(format!("уже есть в `{first}`"))
        .hint("оставьте один файл"),
        Practice::UnknownManager { id, fix } => Text::new(format!("неизвестный менеджер `{id}`"))
            .label("его нет в `content/team.yaml`")
            .hint(manager_fix(Locale::Ru, fix)),
        Practice::Standups(p) => standups_ru(p),
        Practice::Idps(p) => idps_ru(p),
        Practice::NotALaggingMetric { key, fix } => Text::new(format!(
            "`{key}` — не показатель плана, отставание по нему не объясняют"
        ))
        .hint(suggestion(Locale::Ru, fix, "объяснить можно отставание по")),
        Practice::PageNameNotSlug { stem } => Text::new(format!(
            "имя файла страницы `{stem}` записано не так"
        ))
        .hint("называйте страницы строчными латинскими буквами, цифрами и дефисами, например `chat-rules.md`"),
        Practice::EmptyTitle => Text::new("у страницы пустой заголовок `title`")
            .hint("напишите заголовок: он показывается в меню и над страницей"),
        Practice::Assessments(p) => assessments_ru(p),
        Practice::Requests(p) => requests_ru(p),
    }
}

fn standups_ru(p: &Standups) -> Text {
    match p {
        Standups::AbsentButReported { id } => Text::new(format!(
            "`{id}` записан отсутствующим, но его отчёт тоже есть"
        ))
        .hint("уберите его из `absent` или отчёт из `reports`"),
        Standups::ZeroMinutes => Text::new("`duration_min: 0`: планёрка не заняла ни минуты?")
            .hint("напишите, сколько минут она шла, или уберите `duration_min`, если время не засекали"),
        Standups::LongStandup { minutes, limit } => Text::new(format!(
            "планёрка шла {minutes} {}, а по регламенту — не больше {limit}",
            plural_ru(*minutes, "минуту", "минуты", "минут")
        ))
        .hint("на планёрке — только цифры, продвижение и план на день; подробности — на встречах один на один"),
        Standups::NoVideo => Text::new("планёрка прошла без видео")
            .hint("по регламенту планёрку проводят с включёнными камерами"),
        Standups::ReportMissing { id, parts } => {
            let parts: Vec<&str> = parts.iter().map(|p| report_part_ru(p)).collect();
            Text::new(format!("в отчёте `{id}` не заполнено: {}", parts.join(", ")))
                .hint("по формату планёрки каждый день отвечают на все четыре вопроса")
        }
        Standups::NoReport { id, date } => Text::new(format!(
            "нет отчёта `{id}` на планёрке {date}"
        ))
        .hint(format!(
            "впишите его ответы в `reports:` или отметьте отсутствие: `absent: {{ {id}: \"причина\" }}`"
        )),
    }
}

fn idps_ru(p: &Idps) -> Text {
    match p {
        Idps::DueBeforeOpened { due, opened } => Text::new(format!(
            "срок `due` ({due}) раньше даты начала `opened` ({opened})"
        ))
        .hint("ИПР заканчивается после того, как начался: проверьте обе даты"),
        Idps::UnknownGoalMetric { metric, fix } => {
            Text::new(format!("неизвестный показатель `{metric}`")).hint(suggestion(
                Locale::Ru,
                fix,
                "цель ИПР можно измерить одним из показателей",
            ))
        }
        Idps::GoalWithoutTarget => Text::new("у цели есть `metric`, но нет `target`").hint(
            "напишите, какое значение нужно достичь, долей: например, `target: 0.3` для 30 %",
        ),
        Idps::GoalWithoutMetric { metrics } => Text::new("у цели есть `target`, но нет `metric`")
            .hint(format!(
                "укажите, чем её измерять: {}",
                list(Locale::Ru, metrics)
            )),
        Idps::TargetAsPercent {
            target,
            metric,
            percent,
            fraction,
        } => Text::new(format!(
            "`target: {target}` для `{metric}` означает {percent} %"
        ))
        .hint(format!(
            "напишите {fraction}: цель записывается долей ({target} % — это {fraction})"
        )),
    }
}

fn assessments_ru(p: &Assessments) -> Text {
    match p {
        Assessments::NothingToAssess => {
            Text::new("в `config.yaml` не описано ни одной компетенции, оценивать нечего").hint(
                "опишите их в `competencies:`, например `- { key: objections, label: \"…\" }`",
            )
        }
        Assessments::NoCompetencies { first, names, uses } => {
            let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            Text::new("в `content/config.yaml` не описано ни одной компетенции")
                .label(format!("{} — в {}", names.join(", "), scores_ru(*uses)))
                .hint(format!(
                    "опишите каждую в `competencies` в `content/config.yaml`: `- {{ key: {first}, label: \"…\" }}`"
                ))
        }
        Assessments::UnknownCompetency { name, uses, close } => {
            Text::new(format!("неизвестная компетенция `{name}`"))
                .label(format!(
                    "её нет в `competencies` в `content/config.yaml`; встречается в {}",
                    scores_ru(*uses)
                ))
                .hint(match close {
                    Some(c) => did_you_mean(Locale::Ru, c),
                    None => format!(
                        "опишите её в `competencies` в `content/config.yaml`: `- {{ key: {name}, label: \"…\" }}`"
                    ),
                })
        }
        Assessments::ScaleZero => Text::new("шкала `scale` должна быть не меньше 1")
            .hint("обычно оценивают по шкале от 1 до 5: `scale: 5`"),
        Assessments::NoScoreYet {
            id,
            competencies,
            scale,
        } => Text::new(format!(
            "у `{id}` ещё нет оценки: {}",
            list(Locale::Ru, competencies)
        ))
        .hint(format!(
            "поставьте каждой целое число от 1 до {scale} или уберите строку компетенции, которую не оценивали"
        )),
        Assessments::ScoreOutside { score, scale } => {
            Text::new(format!("оценка {score} вне шкалы 1–{scale}"))
                .hint(format!("оценка — целое число от 1 до {scale}"))
        }
    }
}

fn requests_ru(p: &Requests) -> Text {
    match p {
        Requests::UnknownRequest { id, close } => {
            Text::new(format!("ни на одной планёрке не было запроса `{id}`")).hint(match close {
                Some(c) => did_you_mean(Locale::Ru, c),
                None => REQUEST_ID_RU.to_string(),
            })
        }
        Requests::ResolvedBeforeAsked { id, opened } => Text::new(format!(
            "запрос `{id}` закрыт раньше, чем его задали ({opened})"
        ))
        .hint("закройте его на планёрке в тот же день или позже"),
        Requests::AlreadyResolved { id, on } => {
            Text::new(format!("запрос `{id}` уже закрыт на планёрке {on}"))
                .hint("уберите его здесь или с более ранней планёрки")
        }
        Requests::UnknownBy { id, fix } => Text::new(format!("неизвестный менеджер `{id}` в `by`"))
            .hint(format!(
                "в `by` пишут `head` (руководитель) или `id` менеджера; {}",
                manager_fix(Locale::Ru, fix)
            )),
    }
}
