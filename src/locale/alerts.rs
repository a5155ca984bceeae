//! Alerts in words: the sentence the dashboard shows and `check` prints.

use super::weeks_in_row;
use crate::analytics::Alert;
use crate::content::Locale;
use crate::locale::format::Formatter;

/// The sentence an alert shows on the dashboard and in `check`.
pub fn alert_text(alert: &Alert, fmt: &Formatter, name: &dyn Fn(&str) -> String) -> String {
    let say = Say { fmt, name };
    match alert {
        Alert::ManagerLaggingWithoutIdp {
            manager,
            weeks: n,
            attainment,
            threshold_pct,
        } => say.lagging(manager, *n, *attainment, *threshold_pct),
        Alert::TeamMetricUnexplained { metric, pace } => {
            let what = fmt.words.plan_metric(*metric);
            let pace = fmt.percent(*pace, 0);
            say.pick(
                format!("{what}: темп {pace} плана — пояснения РОПа нет"),
                format!("{what}: pace {pace} of plan — no explanation from the head of sales"),
            )
        }
        Alert::StandupTooLong {
            date,
            minutes,
            limit,
        } => {
            let d = fmt.date(*date);
            say.pick(
                format!("Планёрка {d}: {minutes} мин при норме {limit}"),
                format!("Stand-up on {d}: {minutes} min, the limit is {limit}"),
            )
        }
        Alert::StandupWithoutVideo { date } => {
            let d = fmt.date(*date);
            say.pick(
                format!("Планёрка {d} прошла без видео"),
                format!("Stand-up on {d} was held without video"),
            )
        }
        Alert::StandupMissingReports { date, managers } => {
            let (d, names) = (fmt.date(*date), say.names(managers));
            say.pick(
                format!("Планёрка {d}: нет отчёта — {names}"),
                format!("Stand-up on {d}: no report from {names}"),
            )
        }
        Alert::IdpOverdue { manager, due, .. } => {
            let (who, d) = (name(manager), fmt.date(*due));
            say.pick(
                format!("{who}: срок ИПР истёк {d}, итог не подведён"),
                format!("{who}: development plan was due {d} and is still open"),
            )
        }
        Alert::OneOnOneOverdue { manager, last } => say.one_on_one(manager, *last),
        Alert::LeadsOvernight {
            manager,
            week,
            count,
        } => say.overnight(manager, *week, *count),
    }
}

struct Say<'a> {
    fmt: &'a Formatter,
    name: &'a dyn Fn(&str) -> String,
}

impl Say<'_> {
    fn pick(&self, ru: String, en: String) -> String {
        match self.fmt.locale {
            Locale::Ru => ru,
            Locale::En => en,
        }
    }

    fn names(&self, ids: &[String]) -> String {
        let names: Vec<String> = ids.iter().map(|id| (self.name)(id)).collect();
        names.join(", ")
    }

    fn lagging(
        &self,
        manager: &str,
        n: u32,
        attainment: Option<f64>,
        threshold_pct: f64,
    ) -> String {
        let who = (self.name)(manager);
        let pct = attainment.map_or_else(|| "—".into(), |a| self.fmt.percent(a, 0));
        let limit = self.fmt.percent(threshold_pct / 100.0, 0);
        let run = weeks_in_row(self.fmt.locale, u64::from(n));
        self.pick(
            format!("{who}: ниже {limit} плана {run} (последняя — {pct}), ИПР нет"),
            format!("{who}: below {limit} of plan {run} (latest {pct}), no development plan"),
        )
    }

    fn one_on_one(&self, manager: &str, last: Option<chrono::NaiveDate>) -> String {
        let who = (self.name)(manager);
        match last.map(|d| self.fmt.date(d)) {
            Some(d) => self.pick(
                format!("{who}: последняя встреча 1:1 — {d}, больше 4 недель назад"),
                format!("{who}: last one-to-one on {d}, over 4 weeks ago"),
            ),
            None => self.pick(
                format!("{who}: встреч 1:1 ещё не было"),
                format!("{who}: no one-to-one yet"),
            ),
        }
    }

    /// "перенос на завтра — 2 лида за неделю 48, 23–29 нояб.": the week's
    /// dates follow it without nested brackets.
    fn overnight(&self, manager: &str, week: crate::calendar::IsoWeek, count: u64) -> String {
        let who = (self.name)(manager);
        let (n, dates) = (week.number(), self.fmt.week_dates(week));
        self.pick(
            format!(
                "{who}: перенос на завтра — {} за неделю {n}, {dates}",
                self.fmt.count(count, self.fmt.words.lead)
            ),
            format!(
                "{who}: {} left unprocessed overnight in week {n}, {dates}",
                self.fmt.count(count, self.fmt.words.lead)
            ),
        )
    }
}
