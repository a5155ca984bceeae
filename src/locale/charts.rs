//! The charts' titles, summaries and marks in Russian and English: charts
//! take their wording from here rather than deciding the language
//! themselves. One method per sentence, one impl per locale, no defaults:
//! a sentence missing in either language does not compile.
//!
//! Figures come formatted; the few counts a sentence makes are counted
//! here with their forms.

use super::format::Formatter;
use super::labels::lower_first;
use super::{Forms, Words, weeks};
use crate::content::Locale;
use crate::render::charts::Period;

/// The charts' wording in one language.
pub trait ChartPhrases: Sync {
    /// Nobody is below the threshold.
    fn nobody(&self) -> &'static str;
    /// "Выполнение плана: 1 из 2 на 100 % и выше; ниже 80 % — Пётр Сидоров".
    fn attainment_title(
        &self,
        head: &str,
        met: usize,
        planned: usize,
        limit: &str,
        who: &str,
    ) -> String;
    /// The plan's line on the attainment chart: "план 100 %".
    fn plan_mark(&self, pct: &str) -> String;
    /// The threshold's line: "порог 80 %".
    fn threshold_mark(&self, pct: &str) -> String;
    /// "Консультация → оплата: 21 % (нед. 48), у отдела 37 %".
    fn conversion_latest(&self, metric: &str, pct: &str, when: &str, team: &str) -> String;
    /// A closed month: "Выручка: 95 % плана (6,4 млн ₽ из 6,8 млн ₽)".
    fn month_result(&self, head: &str, pct: &str, actual: &str, plan: &str) -> String;
    /// A running month: "Выручка: темп 92 % плана; прогноз 6,2 млн ₽ из 6,8 млн ₽".
    fn month_pace(&self, head: &str, pace: &str, forecast: &str, plan: &str) -> String;
    /// "нед. 47: 3 100 000 ₽ (по плану 3 375 000 ₽)".
    fn week_against_plan(&self, week: &str, actual: &str, due: &str) -> String;
    /// "; прогноз на конец месяца 6 200 000 ₽".
    fn forecast_tail(&self, money: &str) -> String;
    /// "; план месяца 6 750 000 ₽".
    fn plan_tail(&self, money: &str) -> String;
    /// The funnel's best closer: "; лучше всех доводит до сделки — Анна (50 %)".
    fn best_closer(&self, words: &Words, name: &str, pct: &str) -> String;
    /// A funnel's row: "Пётр: лидов 100, консультаций 20, сделок 4".
    fn funnel_row(
        &self,
        fmt: &Formatter,
        name: &str,
        leads: u64,
        meetings: u64,
        deals: u64,
    ) -> String;
    /// "Лиды: обработано 99 % (74 из 75); перенос на завтра — 2 у 1 из 2".
    fn leads_title(
        &self,
        leads: &str,
        rate: &str,
        processed: &str,
        received: &str,
        tail: &str,
    ) -> String;
    /// No lead left overnight.
    fn none_overnight(&self) -> &'static str;
    /// "перенос на завтра — 2 у 1 из 2".
    fn overnight_by(&self, overnight: &str, who: usize, of: usize) -> String;
    /// "Анна: получено 45, обработано 44, перенос 2".
    fn leads_row(&self, name: &str, received: &str, processed: &str, overnight: &str) -> String;
    /// A bar's mark: "перенос 2".
    fn overnight_mark(&self, n: u64) -> String;
    /// "нояб. 2026: прогноз 95 % плана".
    fn forecast_of_plan(&self, label: &str, pct: &str) -> String;
    /// "окт. 2026: 94 % плана".
    fn share_of_plan(&self, label: &str, pct: &str) -> String;
    /// "план выполнен в 1 из 2 месяцев".
    fn plan_met_in(&self, met: usize, of: usize, period: Period) -> String;
    /// " при плане 18 750 000 ₽".
    fn against_plan(&self, money: &str) -> String;
    /// "июнь 2026 – нояб. 2026: всего 14 900 000 ₽ при плане …; больше
    /// всего 3 200 000 ₽ (окт. 2026), меньше всего 1 100 000 ₽ (июнь 2026)."
    fn bars_summary(&self, span: &str, total: &str, plan: &str, max: &str, min: &str) -> String;
    /// "Выручка за 8 недель: 1,2 млн ₽ → 1,6 млн ₽ (от 1,2 млн ₽ до 1,6 млн ₽)".
    fn spark_title(&self, what: &str, weeks: u64, from_to: &str, range: (&str, &str)) -> String;
    /// "Планёрки: 1 из 4 дольше 20 мин; в среднем 19 мин".
    fn standup_title(&self, over: usize, of: usize, limit: &str, mean: &str) -> String;
    /// The limit's line: "лимит 20 мин".
    fn limit_mark(&self, limit: &str) -> String;
}

/// The charts' wording in `locale`.
pub fn phrases(locale: Locale) -> &'static dyn ChartPhrases {
    match locale {
        Locale::Ru => &Ru,
        Locale::En => &En,
    }
}

/// Russian.
pub struct Ru;
/// English.
pub struct En;

/// After "из N": из 1 месяца, из 2 месяцев, из 21 месяца.
const OF_MONTHS: Forms = Forms::new("месяца", "месяцев", "месяцев");
const OF_WEEKS: Forms = Forms::new("недели", "недель", "недель");

impl ChartPhrases for Ru {
    fn nobody(&self) -> &'static str {
        "никого"
    }
    fn attainment_title(
        &self,
        head: &str,
        met: usize,
        planned: usize,
        limit: &str,
        who: &str,
    ) -> String {
        format!("{head}: {met} из {planned} на 100\u{a0}% и выше; ниже {limit} — {who}")
    }
    fn plan_mark(&self, pct: &str) -> String {
        format!("план {pct}")
    }
    fn threshold_mark(&self, pct: &str) -> String {
        format!("порог {pct}")
    }
    fn conversion_latest(&self, metric: &str, pct: &str, when: &str, team: &str) -> String {
        format!("{metric}: {pct} ({when}), у отдела {team}")
    }
    fn month_result(&self, head: &str, pct: &str, actual: &str, plan: &str) -> String {
        format!("{head}: {pct} плана ({actual} из {plan})")
    }
    fn month_pace(&self, head: &str, pace: &str, forecast: &str, plan: &str) -> String {
        format!("{head}: темп {pace} плана; прогноз {forecast} из {plan}")
    }
    fn week_against_plan(&self, week: &str, actual: &str, due: &str) -> String {
        format!("{week}: {actual} (по плану {due})")
    }
    fn forecast_tail(&self, money: &str) -> String {
        format!("; прогноз на конец месяца {money}")
    }
    fn plan_tail(&self, money: &str) -> String {
        format!("; план месяца {money}")
    }
    fn best_closer(&self, words: &Words, name: &str, pct: &str) -> String {
        // "до оплаты": the genitive singular is the form after 2–4.
        format!(
            "; лучше всех доводит до {} — {name} ({pct})",
            words.deal.few
        )
    }
    fn funnel_row(
        &self,
        fmt: &Formatter,
        name: &str,
        leads: u64,
        meetings: u64,
        deals: u64,
    ) -> String {
        // "лидов 209": a count after its word takes the form after 5.
        let (w, n) = (fmt.words, |v: u64| fmt.number(v as f64, 0));
        format!(
            "{name}: {} {}, {} {}, {} {}",
            w.lead.many,
            n(leads),
            w.meeting.many,
            n(meetings),
            w.deal.many,
            n(deals)
        )
    }
    fn leads_title(
        &self,
        leads: &str,
        rate: &str,
        processed: &str,
        received: &str,
        tail: &str,
    ) -> String {
        format!("{leads}: обработано {rate} ({processed} из {received}); {tail}")
    }
    fn none_overnight(&self) -> &'static str {
        "перенос на завтра — 0"
    }
    fn overnight_by(&self, overnight: &str, who: usize, of: usize) -> String {
        format!("перенос на завтра — {overnight} у {who} из {of}")
    }
    fn leads_row(&self, name: &str, received: &str, processed: &str, overnight: &str) -> String {
        format!("{name}: получено {received}, обработано {processed}, перенос {overnight}")
    }
    fn overnight_mark(&self, n: u64) -> String {
        format!("перенос {n}")
    }
    fn forecast_of_plan(&self, label: &str, pct: &str) -> String {
        format!("{label}: прогноз {pct} плана")
    }
    fn share_of_plan(&self, label: &str, pct: &str) -> String {
        format!("{label}: {pct} плана")
    }
    fn plan_met_in(&self, met: usize, of: usize, period: Period) -> String {
        let forms = match period {
            Period::Month => OF_MONTHS,
            Period::Week => OF_WEEKS,
        };
        let periods = forms.after(Locale::Ru, of as u64);
        format!("план выполнен в {met} из {of} {periods}")
    }
    fn against_plan(&self, money: &str) -> String {
        format!(" при плане {money}")
    }
    fn bars_summary(&self, span: &str, total: &str, plan: &str, max: &str, min: &str) -> String {
        format!("{span}: всего {total}{plan}; больше всего {max}, меньше всего {min}.")
    }
    fn spark_title(&self, what: &str, n: u64, from_to: &str, range: (&str, &str)) -> String {
        let (low, high) = range;
        let span = weeks(Locale::Ru, n);
        format!("{what} за {span}: {from_to} (от {low} до {high})")
    }
    fn standup_title(&self, over: usize, of: usize, limit: &str, mean: &str) -> String {
        format!("Планёрки: {over} из {of} дольше {limit} мин; в среднем {mean} мин")
    }
    fn limit_mark(&self, limit: &str) -> String {
        format!("лимит {limit} мин")
    }
}

impl ChartPhrases for En {
    fn nobody(&self) -> &'static str {
        "nobody"
    }
    fn attainment_title(
        &self,
        head: &str,
        met: usize,
        planned: usize,
        limit: &str,
        who: &str,
    ) -> String {
        format!("{head}: {met} of {planned} at 100% or more; below {limit}: {who}")
    }
    fn plan_mark(&self, pct: &str) -> String {
        format!("plan {pct}")
    }
    fn threshold_mark(&self, pct: &str) -> String {
        format!("threshold {pct}")
    }
    fn conversion_latest(&self, metric: &str, pct: &str, when: &str, team: &str) -> String {
        format!("{metric}: {pct} ({when}), team {team}")
    }
    fn month_result(&self, head: &str, pct: &str, actual: &str, plan: &str) -> String {
        format!("{head}: {pct} of plan ({actual} of {plan})")
    }
    fn month_pace(&self, head: &str, pace: &str, forecast: &str, plan: &str) -> String {
        format!("{head}: pace {pace} of plan; forecast {forecast} of {plan}")
    }
    fn week_against_plan(&self, week: &str, actual: &str, due: &str) -> String {
        format!("{week}: {actual} (plan {due})")
    }
    fn forecast_tail(&self, money: &str) -> String {
        format!("; month-end forecast {money}")
    }
    fn plan_tail(&self, money: &str) -> String {
        format!("; monthly plan {money}")
    }
    fn best_closer(&self, words: &Words, name: &str, pct: &str) -> String {
        let meeting_deal = lower_first(words.conv_meeting_deal);
        format!("; best {meeting_deal}: {name} ({pct})")
    }
    fn funnel_row(
        &self,
        fmt: &Formatter,
        name: &str,
        leads: u64,
        meetings: u64,
        deals: u64,
    ) -> String {
        let w = fmt.words;
        format!(
            "{name}: {}, {}, {}",
            fmt.count(leads, w.lead),
            fmt.count(meetings, w.meeting),
            fmt.count(deals, w.deal)
        )
    }
    fn leads_title(
        &self,
        leads: &str,
        rate: &str,
        processed: &str,
        received: &str,
        tail: &str,
    ) -> String {
        format!("{leads}: {rate} processed ({processed} of {received}); {tail}")
    }
    fn none_overnight(&self) -> &'static str {
        "none left overnight"
    }
    fn overnight_by(&self, overnight: &str, who: usize, of: usize) -> String {
        format!("left overnight: {overnight}, by {who} of {of}")
    }
    fn leads_row(&self, name: &str, received: &str, processed: &str, overnight: &str) -> String {
        format!("{name}: {received} received, {processed} processed, {overnight} overnight")
    }
    fn overnight_mark(&self, n: u64) -> String {
        format!("overnight {n}")
    }
    fn forecast_of_plan(&self, label: &str, pct: &str) -> String {
        format!("{label}: forecast {pct} of plan")
    }
    fn share_of_plan(&self, label: &str, pct: &str) -> String {
        format!("{label}: {pct} of plan")
    }
    fn plan_met_in(&self, met: usize, of: usize, period: Period) -> String {
        let periods = match period {
            Period::Month => "months",
            Period::Week => "weeks",
        };
        format!("plan met in {met} of {of} {periods}")
    }
    fn against_plan(&self, money: &str) -> String {
        format!(" against a plan of {money}")
    }
    fn bars_summary(&self, span: &str, total: &str, plan: &str, max: &str, min: &str) -> String {
        format!("{span}: {total} in total{plan}; highest {max}, lowest {min}.")
    }
    fn spark_title(&self, what: &str, n: u64, from_to: &str, range: (&str, &str)) -> String {
        let (low, high) = range;
        let span = weeks(Locale::En, n);
        format!("{what}, {span}: {from_to} (range {low} to {high})")
    }
    fn standup_title(&self, over: usize, of: usize, limit: &str, mean: &str) -> String {
        format!("Stand-ups: {over} of {of} over {limit} min; {mean} min on average")
    }
    fn limit_mark(&self, limit: &str) -> String {
        format!("limit {limit} min")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every phrase of a locale, made with sample figures. A new method
    /// belongs here too.
    fn samples(p: &dyn ChartPhrases) -> Vec<String> {
        let fmt = Formatter::new(Locale::Ru, "₽");
        let (m, pct, w) = ("311 260 ₽", "88 %", "нед. 48");
        let mut out = vec![
            p.nobody().into(),
            p.attainment_title("Выполнение плана", 1, 2, pct, "Пётр"),
            p.plan_mark(pct),
            p.threshold_mark(pct),
            p.conversion_latest("Лид → сделка", pct, w, pct),
            p.month_result("Выручка", pct, m, m),
            p.month_pace("Выручка", pct, m, m),
            p.week_against_plan(w, m, m),
            p.forecast_tail(m),
            p.plan_tail(m),
            p.best_closer(fmt.words, "Анна", pct),
            p.funnel_row(&fmt, "Пётр", 100, 20, 4),
            p.leads_title("Лиды", pct, "74", "75", "0"),
            p.none_overnight().into(),
            p.overnight_by("2", 1, 2),
            p.leads_row("Анна", "45", "44", "2"),
            p.overnight_mark(2),
            p.forecast_of_plan("нояб. 2026", pct),
            p.share_of_plan("нояб. 2026", pct),
            p.against_plan(m),
            p.bars_summary("июнь – нояб.", m, "", m, m),
            p.standup_title(1, 4, "20", "19"),
            p.limit_mark("20"),
        ];
        for n in [1, 2, 5, 21] {
            out.push(p.plan_met_in(1, n, Period::Month));
            out.push(p.plan_met_in(1, n, Period::Week));
            out.push(p.spark_title("Выручка", n as u64, "1 → 2", ("1", "2")));
        }
        out
    }

    #[test]
    fn every_phrase_in_both_languages() {
        super::super::tests::every_method_sampled(include_str!("charts.rs"), "ChartPhrases");
        super::super::tests::holds_to_its_language(&samples(&Ru), &samples(&En), &[]);
    }

    #[test]
    fn counts_after_of_take_the_genitive() {
        let ru = phrases(Locale::Ru);
        assert_eq!(
            ru.plan_met_in(1, 21, Period::Month),
            "план выполнен в 1 из 21 месяца"
        );
        assert_eq!(
            ru.plan_met_in(3, 5, Period::Week),
            "план выполнен в 3 из 5 недель"
        );
    }
}
