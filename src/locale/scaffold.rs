//! What `new` and `init` write into the files they make, and what `init`
//! says when it cannot, in Russian and English: one method per sentence,
//! one impl per locale, no defaults — a sentence missing in either
//! language does not compile. (The long comments of the scaffolds are
//! whole texts per locale: `commands::new::words`, `commands::init`.)

use super::{weeks_in_row, words};
use crate::content::Locale;

/// The scaffolds' wording in one language.
pub trait ScaffoldPhrases: Sync {
    /// `init` writes only into a new or empty folder.
    fn not_empty(&self, dir: &str) -> String;
    /// A week file's first line: "# Неделя 48 (23.11.2026 – 27.11.2026):
    /// рабочих дней — 5." (`part` from [`Self::week_part`], or empty).
    fn week_head(&self, week: u32, dates: &str, part: &str, working_days: u32) -> String;
    /// ", часть месяца 2026-11": a week split by the month's end.
    fn week_part(&self, month: &str) -> String;
    /// A new development plan's reason: "Неделя 48 (23–29 нояб.): 74 %
    /// недельного плана; ниже 80 % — 3 недели подряд".
    fn idp_reason(&self, week: &str, pct: &str, threshold: &str, weeks: u64) -> String;
    /// The reason when no week has figures yet.
    fn no_attainment(&self) -> &'static str;
    /// A new development plan's title, before the manager's name.
    fn idp_title(&self) -> &'static str;
    /// Its first goal, measured.
    fn idp_goal(&self) -> &'static str;
    /// Its second goal, ticked by hand.
    fn idp_done_goal(&self) -> &'static str;
}

/// The scaffolds' wording in `locale`.
pub fn phrases(locale: Locale) -> &'static dyn ScaffoldPhrases {
    match locale {
        Locale::Ru => &Ru,
        Locale::En => &En,
    }
}

/// Russian.
pub struct Ru;
/// English.
pub struct En;

impl ScaffoldPhrases for Ru {
    fn not_empty(&self, dir: &str) -> String {
        format!("в {dir} уже есть файлы; init пишет только в новую или пустую папку")
    }
    fn week_head(&self, week: u32, dates: &str, part: &str, working_days: u32) -> String {
        format!("# Неделя {week} ({dates}){part}: рабочих дней — {working_days}.\n")
    }
    fn week_part(&self, month: &str) -> String {
        format!(", часть месяца {month}")
    }
    fn idp_reason(&self, week: &str, pct: &str, threshold: &str, weeks: u64) -> String {
        let run = weeks_in_row(Locale::Ru, weeks);
        format!("{week}: {pct} недельного плана; ниже {threshold} — {run}")
    }
    fn no_attainment(&self) -> &'static str {
        "Нет данных о выполнении плана"
    }
    fn idp_title(&self) -> &'static str {
        "План развития"
    }
    fn idp_goal(&self) -> &'static str {
        "Выполнение недельного плана не ниже 90 %"
    }
    fn idp_done_goal(&self) -> &'static str {
        "Разобрать с РОП 10 звонков"
    }
}

impl ScaffoldPhrases for En {
    fn not_empty(&self, dir: &str) -> String {
        format!("{dir} is not empty; init writes only into a new or empty folder")
    }
    fn week_head(&self, week: u32, dates: &str, part: &str, working_days: u32) -> String {
        let n = u64::from(working_days);
        let days = words(Locale::En).n_working_day.count(Locale::En, n);
        format!("# Week {week} ({dates}){part}: {days}.\n")
    }
    fn week_part(&self, month: &str) -> String {
        format!(", the part in {month}")
    }
    fn idp_reason(&self, week: &str, pct: &str, threshold: &str, weeks: u64) -> String {
        let run = weeks_in_row(Locale::En, weeks);
        format!("{week}: {pct} of the weekly plan; below {threshold} for {run}")
    }
    fn no_attainment(&self) -> &'static str {
        "No attainment data yet"
    }
    fn idp_title(&self) -> &'static str {
        "Development plan"
    }
    fn idp_goal(&self) -> &'static str {
        "Weekly plan attainment at least 90%"
    }
    fn idp_done_goal(&self) -> &'static str {
        "Review 10 calls with the head"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every phrase of a locale, made with sample figures. A new method
    /// belongs here too.
    fn samples(p: &dyn ScaffoldPhrases) -> Vec<String> {
        let mut out = vec![
            p.not_empty("сайт"),
            p.week_part("2026-11"),
            p.no_attainment().into(),
            p.idp_title().into(),
            p.idp_goal().into(),
            p.idp_done_goal().into(),
        ];
        for n in [1, 2, 5, 21] {
            out.push(p.week_head(48, "23.11.2026", "", n));
            out.push(p.idp_reason("Неделя 48", "74 %", "80 %", u64::from(n)));
        }
        out
    }

    /// `init` is the command's name, as it is typed.
    #[test]
    fn every_phrase_in_both_languages() {
        super::super::tests::every_method_sampled(include_str!("scaffold.rs"), "ScaffoldPhrases");
        super::super::tests::holds_to_its_language(&samples(&Ru), &samples(&En), &["init"]);
    }

    #[test]
    fn a_week_file_counts_its_working_days() {
        assert_eq!(
            En.week_head(48, "Nov 23, 2026", "", 1),
            "# Week 48 (Nov 23, 2026): 1 working day.\n"
        );
    }
}
