//! The control points in words: title, desired result and the sentence that
//! states the measured figure, in Russian and English.

use chrono::NaiveDate;

use crate::analytics::TrainingCounts;
use crate::analytics::checklist::{ControlPoint, Facts, Point, Status};
use crate::calendar::YearMonth;
use crate::content::{Locale, PlanMetric};
use crate::locale::format::Formatter;

/// A point's title, in Russian and English.
fn title_words(point: Point) -> [&'static str; 2] {
    match point {
        Point::PlanOnTrack => ["План выполняется", "The plan is being met"],
        Point::LeadsSameDay => [
            "Лиды обрабатываются в тот же день",
            "Leads are processed the same day",
        ],
        Point::VisionWritten => ["Видение отдела написано", "The head's vision is written"],
        Point::AllAssessed => ["Все менеджеры оценены", "Every manager assessed"],
        Point::TrainingFormats => ["Обучение в разных форматах", "Training in several formats"],
        Point::StandupDiscipline => ["Планёрки по формату", "Stand-ups in the format"],
        Point::PlanDecomposed => ["План разложен по менеджерам", "The plan is decomposed"],
        Point::ChatRules => ["Регламент чатов написан", "Chat rules are written"],
        Point::MomGrowth => ["Рост к прошлому месяцу", "Month-over-month growth"],
        Point::LagExplained => [
            "Об отставании сообщено собственнику",
            "Lag reported to the owner",
        ],
        Point::IdpForLagging => ["ИПР для отстающих", "A plan for every lagging manager"],
        Point::OneOnOnes => ["Встречи 1:1 со всеми", "One-to-ones with everyone"],
    }
}

/// A point's desired result, in Russian and English.
fn desired_words(point: Point) -> [&'static str; 2] {
    match point {
        Point::PlanOnTrack => [
            "Отдел идёт в темпе плана месяца по выручке.",
            "The team is on pace for the month's revenue plan.",
        ],
        Point::LeadsSameDay => [
            "В конце дня ни одного необработанного лида: перенос на завтра — ноль.",
            "No lead is left for tomorrow at the end of a day.",
        ],
        Point::VisionWritten => [
            "За первые 4 недели РОП описал, как видит отдел и что меняет, к какому сроку.",
            "Within 4 weeks the head has written how they see the department and what changes by when.",
        ],
        Point::AllAssessed => [
            "Компетенции каждого работающего менеджера оценены.",
            "Every active manager's competencies have been assessed.",
        ],
        Point::TrainingFormats => [
            "В этом месяце есть разборы звонков, разборы кейсов, тренинги и ролевые игры.",
            "This month has call reviews, case reviews, trainings and role-plays.",
        ],
        Point::StandupDiscipline => [
            "Каждый день, не дольше нормы, с видео, каждый отчитывается по формату.",
            "Daily, within the limit, on video, everyone reporting in the format.",
        ],
        Point::PlanDecomposed => [
            "У каждого работающего менеджера есть план на этот месяц.",
            "Every active manager has a plan for this month.",
        ],
        Point::ChatRules => [
            "Записано, кого о чём спрашивать в чатах и когда.",
            "It is written down who to ask about what in the chats, and when.",
        ],
        Point::MomGrowth => [
            "Выручка месяца выше, чем в прошлом месяце.",
            "The month's revenue is above the month before.",
        ],
        Point::LagExplained => [
            "Каждый отстающий показатель объяснён: причина, действия, нужные ресурсы.",
            "Every lagging metric is explained: reason, actions, resources.",
        ],
        Point::IdpForLagging => [
            "У каждого отстающего менеджера есть ИПР; закрытые ИПР — с итогом.",
            "Every lagging manager has a development plan; closed plans have an outcome.",
        ],
        Point::OneOnOnes => [
            "С каждым работающим менеджером была встреча 1:1 за последние 4 недели.",
            "Every active manager had a one-to-one in the last 4 weeks.",
        ],
    }
}

fn pick(locale: Locale, pair: [&'static str; 2]) -> &'static str {
    match locale {
        Locale::Ru => pair[0],
        Locale::En => pair[1],
    }
}

pub fn title(locale: Locale, point: Point) -> &'static str {
    pick(locale, title_words(point))
}

pub fn desired(locale: Locale, point: Point) -> &'static str {
    pick(locale, desired_words(point))
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
    let say = Say { fmt, name };
    match (&p.facts, p.point) {
        (Facts::Nothing, _) => say.pick(
            "в материалах нет данных, чтобы судить",
            "nothing in the content to judge by",
        ),
        (Facts::Pace { month, pace }, _) => say.pace(*month, *pace),
        (Facts::Share { part, whole, .. }, Point::LeadsSameDay) => say.same_day(*part, *whole),
        (
            Facts::Share {
                part,
                whole,
                missing,
            },
            point,
        ) => say.share(point, *part, *whole, missing),
        (
            Facts::Explained {
                part,
                whole,
                unexplained,
            },
            _,
        ) => say.explained(*part, *whole, unexplained),
        (
            Facts::Page {
                slug,
                date,
                deadline,
            },
            Point::VisionWritten,
        ) => say.vision(slug.is_some(), *date, *deadline),
        (Facts::Page { slug, .. }, _) => say.chat_rules(slug.is_some()),
        (Facts::Training { month, counts }, _) => say.training(*month, counts),
        (
            Facts::Standups {
                count,
                within,
                video,
                complete,
                limit,
            },
            _,
        ) => say.standups(*count, [*within, *video, *complete], *limit),
        (Facts::Growth { month, growth }, _) => say.growth(*month, *growth),
        (
            Facts::Plans {
                lagging,
                lagging_with_plan,
                closed,
                closed_with_outcome,
                missing,
            },
            _,
        ) => say.plans(
            (*lagging_with_plan, *lagging),
            (*closed_with_outcome, *closed),
            missing,
        ),
    }
}

/// The sentences, one per kind of figure.
struct Say<'a> {
    fmt: &'a Formatter,
    name: &'a dyn Fn(&str) -> String,
}

impl Say<'_> {
    fn ru(&self) -> bool {
        self.fmt.locale == Locale::Ru
    }

    fn pick(&self, ru: &str, en: &str) -> String {
        if self.ru() { ru } else { en }.to_string()
    }

    fn pct(&self, v: f64) -> String {
        self.fmt.percent(v, 0)
    }

    /// " — нет: Анна Иванова, Пётр Сидоров", or nothing.
    fn missing_tail(&self, missing: &[String]) -> String {
        if missing.is_empty() {
            return String::new();
        }
        let names: Vec<String> = missing.iter().map(|id| (self.name)(id)).collect();
        let label = self.pick("нет", "missing");
        format!(" — {label}: {}", names.join(", "))
    }

    fn pace(&self, month: YearMonth, pace: f64) -> String {
        let (m, p) = (self.fmt.month(month), self.pct(pace));
        if self.ru() {
            format!("темп выручки за {m} — {p} плана")
        } else {
            format!("revenue pace in {m}: {p} of plan")
        }
    }

    fn same_day(&self, part: usize, whole: usize) -> String {
        if self.ru() {
            // The department's own word for leads (`labels:`).
            let leads = self.fmt.words.lead.many;
            format!(
                "без переноса {leads} на завтра — {part} из {whole} недельных отчётов менеджеров"
            )
        } else {
            let lead = self.fmt.words.lead.one;
            format!("{part} of {whole} manager-weeks with no {lead} left overnight")
        }
    }

    /// A point every active manager must meet.
    fn share(&self, point: Point, part: usize, whole: usize, missing: &[String]) -> String {
        let tail = self.missing_tail(missing);
        let (ru, en) = match point {
            Point::AllAssessed => (
                format!("оценены {part} из {whole} работающих менеджеров{tail}"),
                format!("assessed {part} of {whole} active managers{tail}"),
            ),
            Point::PlanDecomposed => (
                format!("план есть у {part} из {whole} менеджеров{tail}"),
                format!("plans for {part} of {whole} managers{tail}"),
            ),
            _ => (
                format!("встречи 1:1 за 4 недели с {part} из {whole} менеджеров{tail}"),
                format!("one-to-ones in 4 weeks with {part} of {whole} managers{tail}"),
            ),
        };
        if self.ru() { ru } else { en }
    }

    /// "объяснено 1 из 2 …; без пояснения: выручка за ноябрь 2026".
    fn explained(
        &self,
        part: usize,
        whole: usize,
        unexplained: &[(YearMonth, PlanMetric)],
    ) -> String {
        let w = self.fmt.words;
        let list: Vec<String> = unexplained
            .iter()
            .map(|(month, metric)| {
                let what = w.plan_metric(*metric).to_lowercase();
                let month = self.fmt.month(*month);
                if self.ru() {
                    format!("{what} за {month}")
                } else {
                    format!("{what} in {month}")
                }
            })
            .collect();
        let tail = if list.is_empty() {
            String::new()
        } else {
            format!(
                " — {}: {}",
                self.pick("без пояснения", "unexplained"),
                list.join(", ")
            )
        };
        if self.ru() {
            format!("объяснено {part} из {whole} отстающих показателей{tail}")
        } else {
            format!("{part} of {whole} lagging metrics explained{tail}")
        }
    }

    fn vision(
        &self,
        written: bool,
        date: Option<NaiveDate>,
        deadline: Option<NaiveDate>,
    ) -> String {
        let date = date.map(|d| self.fmt.date(d));
        let deadline = deadline.map(|d| self.fmt.date(d));
        match (written, self.ru()) {
            (false, true) => format!(
                "страницы с видением нет{}",
                deadline
                    .map(|d| format!(" (срок — {d})"))
                    .unwrap_or_default()
            ),
            (false, false) => format!(
                "no vision page{}",
                deadline.map(|d| format!(" (due {d})")).unwrap_or_default()
            ),
            (true, true) => format!(
                "написано {}{}",
                date.unwrap_or_else(|| "без даты".into()),
                deadline
                    .map(|d| format!(", срок — {d}"))
                    .unwrap_or_default()
            ),
            (true, false) => format!(
                "written {}{}",
                date.unwrap_or_else(|| "undated".into()),
                deadline.map(|d| format!(", due {d}")).unwrap_or_default()
            ),
        }
    }

    fn chat_rules(&self, written: bool) -> String {
        if written {
            self.pick("регламент опубликован", "the rules are published")
        } else {
            self.pick("страницы с регламентом чатов нет", "no chat-rules page")
        }
    }

    fn training(&self, month: YearMonth, c: &TrainingCounts) -> String {
        let m = self.fmt.month(month);
        let (calls, cases, trainings, roleplays, used) = (
            c.call_reviews,
            c.case_reviews,
            c.trainings,
            c.roleplays,
            c.formats_used(),
        );
        if self.ru() {
            format!(
                "{m}: разборов звонков {calls}, разборов кейсов {cases}, тренингов {trainings}, ролевых игр {roleplays} — форматов {used} из 4"
            )
        } else {
            format!(
                "{m}: {calls} call reviews, {cases} case reviews, {trainings} trainings, {roleplays} role-plays — {used} of 4 formats"
            )
        }
    }

    fn standups(&self, count: usize, shares: [Option<f64>; 3], limit: u32) -> String {
        let [within, video, complete] =
            shares.map(|v| v.map_or_else(|| "—".into(), |v| self.pct(v)));
        if self.ru() {
            format!(
                "планёрок {count}: {within} в пределах {limit} мин, {video} с видео, {complete} полных отчётов"
            )
        } else {
            format!(
                "{count} stand-ups: {within} within {limit} min, {video} on video, {complete} complete reports"
            )
        }
    }

    fn growth(&self, month: YearMonth, growth: f64) -> String {
        let sign = if growth > 0.0 { "+" } else { "" };
        let (m, g) = (self.fmt.month(month), self.pct(growth));
        if self.ru() {
            format!("{m}: {sign}{g} к прошлому месяцу в рабочий день")
        } else {
            format!("{m}: {sign}{g} on the month before, per working day")
        }
    }

    /// Plans for lagging managers, and outcomes of closed plans.
    fn plans(
        &self,
        (with, lagging): (usize, usize),
        (outcome, closed): (usize, usize),
        missing: &[String],
    ) -> String {
        let tail = self.missing_tail(missing);
        if !self.ru() {
            return format!(
                "plans for {with} of {lagging} lagging managers{tail}; outcome written in {outcome} of {closed} closed plans"
            );
        }
        let first = match (lagging, with) {
            (0, _) => "отстающих менеджеров нет".to_string(),
            (1, 1) => "у отстающего менеджера есть ИПР".to_string(),
            (1, _) => format!("у отстающего менеджера нет ИПР{tail}"),
            _ => format!("ИПР есть у {with} из {lagging} отстающих менеджеров{tail}"),
        };
        let second = match (closed, outcome) {
            (0, _) => "закрытых ИПР нет".to_string(),
            (1, 1) => "итог закрытого ИПР записан".to_string(),
            (1, _) => "итог закрытого ИПР не записан".to_string(),
            _ => format!("итог записан у {outcome} из {closed} закрытых ИПР"),
        };
        format!("{first}; {second}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_point_has_words_in_both_languages() {
        for point in Point::ALL {
            for locale in [Locale::Ru, Locale::En] {
                assert!(!title(locale, point).is_empty(), "{point:?}");
                assert!(!desired(locale, point).is_empty(), "{point:?}");
            }
        }
    }

    #[test]
    fn plans_read_as_russian_for_one_and_many() {
        let fmt = Formatter::new(Locale::Ru, "₽");
        let name = |id: &str| id.to_string();
        let say = Say {
            fmt: &fmt,
            name: &name,
        };
        assert_eq!(
            say.plans((1, 1), (1, 1), &[]),
            "у отстающего менеджера есть ИПР; итог закрытого ИПР записан"
        );
        assert_eq!(
            say.plans((1, 2), (2, 3), &["b".into()]),
            "ИПР есть у 1 из 2 отстающих менеджеров — нет: b; итог записан у 2 из 3 закрытых ИПР"
        );
    }
}
