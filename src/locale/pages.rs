//! The pages' sentences made of figures, in Russian and English: the
//! verdict strip, the cards' small print, the matrix, requests, the
//! checklist's summary. One method per sentence, one impl per locale, no
//! defaults — a sentence missing in either language does not compile, and
//! views hold no wording of their own (`render::view`). Fixed words are in
//! [`super::Words`].
//!
//! The figures come formatted (`Formatter`); a count comes with its word,
//! as the site names it (`labels:`).

use super::weeks_in_row;
use crate::content::Locale;

/// The pages' wording in one language.
pub trait PagePhrases: Sync {
    /// "закрыт; нет данных за 1–2 дек.": a closed month without some of its days.
    fn month_missing(&self, status: &str, missing: &str) -> String;
    /// What a change compares with: "к окт. 2026" / "vs Oct 2026".
    fn against(&self, then: &str) -> String;
    /// Under the growth card of a closed month: "за месяц всего +4 % ·
    /// рабочих дней: 20 и 21".
    fn growth_totals(&self, change: &str, now: u32, then: u32) -> String;
    /// Under the growth card: "рабочих дней с данными: 19 против 21".
    fn growth_days(&self, now: u32, then: u32) -> String;
    /// The month page's comparison: "к окт. 2026: рабочих дней с данными —
    /// 19 против 21; рост м/м считается в рабочий день".
    fn comparison_note(&self, against: &str, now: u32, then: u32) -> String;
    /// "19 из 20": working days with data of the month's.
    fn days_of(&self, with_data: u32, total: u32) -> String;
    /// How the pace moved: "за нед. 48".
    fn over_week(&self, week: &str) -> String;
    /// "прогноз на конец месяца 6 777 621 ₽".
    fn forecast(&self, money: &str) -> String;
    /// A manager's conversion card: "у отдела 31 % · средний чек 51 500 ₽".
    fn team_and_avg_deal(&self, team: &str, avg_deal: &str) -> String;
    /// "> 4 нед.": a one-to-one longer ago than the threshold, in a tight column.
    fn longer_than(&self, weeks: i64) -> String;
    /// "Точки контроля: выполнено 9 из 12".
    fn control_summary(&self, met: usize, total: usize) -> String;
    /// "Действие РОПа просрочено: «…» — срок 27.11.2026".
    fn action_overdue(&self, what: &str, due: &str) -> String;
    /// A request's age: "открыт 3 дня" (`span` counted with its word).
    fn request_open(&self, span: &str) -> String;
    /// "закрыт за 3 дня".
    fn request_resolved(&self, span: &str) -> String;
    /// "спрашивали 3 раза" (`times` counted with its word).
    fn asked(&self, times: &str) -> String;
    /// A metric's word on the verdict strip: "отставание 311 260 ₽".
    fn behind_by(&self, by: &str) -> String;
    /// "Нужно 311 260 ₽ — 6 оплат, 6 в день" (`deals` counted with its word).
    fn need_deals(&self, money: &str, deals: &str, per_day: u64) -> String;
    /// "Нужно 311 260 ₽".
    fn need(&self, money: &str) -> String;
    /// "74 % плана за нед. 48, 3 недели подряд ниже 80 %".
    fn manager_lags(&self, pct: &str, week: &str, weeks: u64, limit: &str) -> String;
    /// "ИПР «Возражения» до 18.12.2026".
    fn idp_until(&self, title: &str, due: &str) -> String;
    /// "ещё 4 — все действия месяца".
    fn more_actions(&self, hidden: usize, all: &str) -> String;
}

/// The pages' wording in `locale`.
pub fn phrases(locale: Locale) -> &'static dyn PagePhrases {
    match locale {
        Locale::Ru => &Ru,
        Locale::En => &En,
    }
}

/// Russian.
pub struct Ru;
/// English.
pub struct En;

impl PagePhrases for Ru {
    fn month_missing(&self, status: &str, missing: &str) -> String {
        format!("{status}; нет данных за {missing}")
    }
    fn against(&self, then: &str) -> String {
        format!("к {then}")
    }
    fn growth_totals(&self, change: &str, now: u32, then: u32) -> String {
        format!("за месяц всего {change} · рабочих дней: {now} и {then}")
    }
    fn growth_days(&self, now: u32, then: u32) -> String {
        format!("рабочих дней с данными: {now} против {then}")
    }
    fn comparison_note(&self, against: &str, now: u32, then: u32) -> String {
        format!(
            "{against}: рабочих дней с данными — {now} против {then}; \
             рост м/м считается в рабочий день"
        )
    }
    fn days_of(&self, with_data: u32, total: u32) -> String {
        format!("{with_data} из {total}")
    }
    fn over_week(&self, week: &str) -> String {
        format!("за {week}")
    }
    fn forecast(&self, money: &str) -> String {
        format!("прогноз на конец месяца {money}")
    }
    fn team_and_avg_deal(&self, team: &str, avg_deal: &str) -> String {
        format!("у отдела {team} · средний чек {avg_deal}")
    }
    fn longer_than(&self, weeks: i64) -> String {
        format!("> {weeks} нед.")
    }
    fn control_summary(&self, met: usize, total: usize) -> String {
        format!("Точки контроля: выполнено {met} из {total}")
    }
    fn action_overdue(&self, what: &str, due: &str) -> String {
        format!("Действие РОПа просрочено: «{what}» — срок {due}")
    }
    fn request_open(&self, span: &str) -> String {
        format!("открыт {span}")
    }
    fn request_resolved(&self, span: &str) -> String {
        format!("закрыт за {span}")
    }
    fn asked(&self, times: &str) -> String {
        format!("спрашивали {times}")
    }
    fn behind_by(&self, by: &str) -> String {
        format!("отставание {by}")
    }
    fn need_deals(&self, money: &str, deals: &str, per_day: u64) -> String {
        format!("Нужно {money} — {deals}, {per_day} в день")
    }
    fn need(&self, money: &str) -> String {
        format!("Нужно {money}")
    }
    fn manager_lags(&self, pct: &str, week: &str, weeks: u64, limit: &str) -> String {
        let run = weeks_in_row(Locale::Ru, weeks);
        format!("{pct} плана за {week}, {run} ниже {limit}")
    }
    fn idp_until(&self, title: &str, due: &str) -> String {
        format!("ИПР «{title}» до {due}")
    }
    fn more_actions(&self, hidden: usize, all: &str) -> String {
        format!("ещё {hidden} — {all}")
    }
}

impl PagePhrases for En {
    fn month_missing(&self, status: &str, missing: &str) -> String {
        format!("{status}; no numbers for {missing}")
    }
    fn against(&self, then: &str) -> String {
        format!("vs {then}")
    }
    fn growth_totals(&self, change: &str, now: u32, then: u32) -> String {
        format!("total {change} · {now} vs {then} working days")
    }
    fn growth_days(&self, now: u32, then: u32) -> String {
        format!("{now} working days with data vs {then}")
    }
    fn comparison_note(&self, against: &str, now: u32, then: u32) -> String {
        format!("{against}: {now} working days with data vs {then}; MoM growth is per working day")
    }
    fn days_of(&self, with_data: u32, total: u32) -> String {
        format!("{with_data} of {total}")
    }
    fn over_week(&self, week: &str) -> String {
        format!("over {week}")
    }
    fn forecast(&self, money: &str) -> String {
        format!("month-end forecast {money}")
    }
    fn team_and_avg_deal(&self, team: &str, avg_deal: &str) -> String {
        format!("team {team} · average deal {avg_deal}")
    }
    fn longer_than(&self, weeks: i64) -> String {
        format!("> {weeks} wk")
    }
    fn control_summary(&self, met: usize, total: usize) -> String {
        format!("Control points: {met} of {total} met")
    }
    fn action_overdue(&self, what: &str, due: &str) -> String {
        format!("The head's action is overdue: “{what}”, due {due}")
    }
    fn request_open(&self, span: &str) -> String {
        format!("open {span}")
    }
    fn request_resolved(&self, span: &str) -> String {
        format!("resolved in {span}")
    }
    fn asked(&self, times: &str) -> String {
        format!("asked {times}")
    }
    fn behind_by(&self, by: &str) -> String {
        format!("behind by {by}")
    }
    fn need_deals(&self, money: &str, deals: &str, per_day: u64) -> String {
        format!("To go: {money} — {deals}, {per_day} a day")
    }
    fn need(&self, money: &str) -> String {
        format!("To go: {money}")
    }
    fn manager_lags(&self, pct: &str, week: &str, weeks: u64, limit: &str) -> String {
        let run = weeks_in_row(Locale::En, weeks);
        format!("{pct} of the plan in {week}, {run} below {limit}")
    }
    fn idp_until(&self, title: &str, due: &str) -> String {
        format!("development plan “{title}” until {due}")
    }
    fn more_actions(&self, hidden: usize, all: &str) -> String {
        format!("{hidden} more — {all}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every phrase of a locale, made with sample figures. A new method
    /// belongs here too.
    fn samples(p: &dyn PagePhrases) -> Vec<String> {
        let (d, m, pct) = ("27.11.2026", "311 260 ₽", "88 %");
        let mut out = vec![
            p.month_missing("закрыт", "1–2 дек."),
            p.against("окт. 2026"),
            p.growth_totals("+4 %", 20, 21),
            p.growth_days(19, 21),
            p.comparison_note("к окт. 2026", 19, 21),
            p.days_of(19, 20),
            p.over_week("нед. 48"),
            p.forecast(m),
            p.team_and_avg_deal(pct, m),
            p.longer_than(4),
            p.control_summary(9, 12),
            p.action_overdue("Позвонить", d),
            p.request_open("3 дня"),
            p.request_resolved("3 дня"),
            p.asked("3 раза"),
            p.behind_by(m),
            p.need_deals(m, "6 оплат", 6),
            p.need(m),
            p.idp_until("Возражения", d),
            p.more_actions(4, "все действия месяца"),
        ];
        for n in [1, 2, 5, 21] {
            out.push(p.manager_lags(pct, "нед. 48", n, "80 %"));
        }
        out
    }

    #[test]
    fn every_phrase_in_both_languages() {
        super::super::tests::every_method_sampled(include_str!("pages.rs"), "PagePhrases");
        super::super::tests::holds_to_its_language(&samples(&Ru), &samples(&En), &[]);
    }
}
