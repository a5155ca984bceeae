//! The files of every month and round: the plan, the head's word to the
//! owner, a competency assessment, a one-to-one.

use chrono::NaiveDate;

use super::weekly::{active, formatter, with_modeline};
use super::words;
use crate::analytics::Analytics;
use crate::calendar::YearMonth;
use crate::commands::schema;
use crate::content::{self, Content, Plan};
use crate::diagnostic::Diagnostic;

/// The month after the latest plan, or the month of `as_of` when there is none.
pub fn next_targets_month(content: &Content, as_of: NaiveDate) -> YearMonth {
    content
        .targets
        .iter()
        .map(|d| d.data.month.value)
        .max()
        .map_or_else(|| YearMonth::of(as_of), YearMonth::next)
}

fn plan_text(plan: &Plan) -> String {
    let mut parts = Vec::new();
    if let Some(r) = plan.revenue {
        parts.push(format!("revenue: {}", r.0));
    }
    if let Some(d) = plan.deals {
        parts.push(format!("deals: {}", d.0));
    }
    format!("{{ {} }}", parts.join(", "))
}

/// `content/targets/MONTH.yaml`: every manager active in the month, each
/// with last month's plan as the starting figure.
pub fn targets(content: &Content, month: YearMonth) -> (String, String) {
    let relative = format!("content/targets/{month}.yaml");
    let locale = content.config.locale;
    let fmt = formatter(content);
    let previous = content
        .targets
        .iter()
        .find(|d| d.data.month.value == month.prev());
    let mut text = words::TARGETS_HEAD
        .get(locale)
        .replace("{month}", &fmt.month(month));
    text.push_str(&match previous {
        Some(_) => words::TARGETS_FROM
            .get(locale)
            .replace("{month}", &fmt.month(month.prev())),
        None => words::TARGETS_NONE.get(locale).to_string(),
    });
    text.push_str(&format!("month: {month}\n"));
    let managers = active(content, month.first_day(), month.last_day());
    text.push_str(if managers.is_empty() {
        "managers: {}\n"
    } else {
        "managers:\n"
    });
    for m in managers {
        match previous.and_then(|p| p.data.managers.get(m.id())) {
            Some(plan) => text.push_str(&format!("  {}: {}\n", m.id(), plan_text(plan))),
            None => text.push_str(&format!(
                "  {}: {{}}   {}\n",
                m.id(),
                words::TARGETS_NEW.get(locale)
            )),
        }
    }
    match previous.and_then(|p| p.data.team.as_ref()) {
        Some(team) => text.push_str(&format!("team: {}\n", plan_text(team))),
        None => text.push_str(words::TARGETS_TEAM.get(locale)),
    }
    (relative.clone(), with_modeline(&relative, text))
}

/// `content/assessments/DATE.yaml`: every active manager, every competency
/// of config.yaml, each score empty with the previous one in a comment.
pub fn assessment(content: &Content, date: NaiveDate) -> Result<(String, String), Diagnostic> {
    let competencies = &content.config.competencies;
    if competencies.is_empty() {
        return Err(Diagnostic::error(
            content::CONFIG_PATH,
            crate::problem::practice::Assessments::NothingToAssess,
        ));
    }
    let relative = format!("content/assessments/{date}.yaml");
    let locale = content.config.locale;
    let fmt = formatter(content);
    let last = content
        .assessments
        .iter()
        .filter(|d| d.data.date.value.0 < date)
        .max_by_key(|d| d.data.date.value.0);
    let scale = last.map_or(5, |d| d.data.scale.value.0);
    let mut text = words::ASSESSMENT_HEAD
        .get(locale)
        .replace("{date}", &fmt.date(date))
        .replace("{scale}", &scale.to_string());
    text.push_str(&format!("date: {date}\nscale: {scale}\n"));
    let managers = active(content, date, date);
    text.push_str(if managers.is_empty() {
        "scores: {}\n"
    } else {
        "scores:\n"
    });
    let width = competencies
        .iter()
        .map(|c| c.value.key.len())
        .max()
        .unwrap_or(0)
        + 1;
    for m in managers {
        text.push_str(&format!("  {}:\n", m.id()));
        for c in competencies {
            let key = &c.value.key;
            let before = last
                .and_then(|d| d.data.scores.get(m.id()))
                .and_then(|s| s.get(key.as_str()))
                .and_then(|s| s.value);
            let note = match before {
                Some(score) => format!(
                    "{}; {} {}",
                    c.value.label,
                    words::PREVIOUSLY.get(locale),
                    score.0
                ),
                None => c.value.label.clone(),
            };
            text.push_str(&format!("    {:width$}   # {note}\n", format!("{key}:")));
        }
    }
    text.push_str(words::ASSESSMENT_NOTES.get(locale));
    Ok((relative.clone(), with_modeline(&relative, text)))
}

/// `content/months/MONTH.md`: the metrics that lag as of `--as-of`, each
/// with an empty reason, actions and resources to write.
pub fn month(content: &Content, analytics: &Analytics, month: YearMonth) -> (String, String) {
    let relative = format!("content/months/{month}.md");
    let locale = content.config.locale;
    let fmt = formatter(content);
    let limit = content.config.thresholds.team_lagging_pct / 100.0;
    let stats = analytics.months.iter().find(|m| m.month == month);
    let lagging: Vec<(&str, &str, f64)> = stats
        .into_iter()
        .flat_map(|m| {
            [
                ("revenue", words::PACE_REVENUE, m.team.pace),
                ("deals", words::PACE_DEALS, m.team.pace_deals),
            ]
        })
        .filter_map(|(key, label, pace)| {
            pace.filter(|p| *p < limit)
                .map(|p| (key, label.get(locale), p))
        })
        .collect();
    let as_of = fmt.date(analytics.as_of);
    let mut yaml = words::MONTH_HEAD
        .get(locale)
        .replace("{month}", &fmt.month(month));
    if lagging.is_empty() {
        yaml.push_str(&words::MONTH_ON_PLAN.get(locale).replace("{date}", &as_of));
    } else {
        let list: Vec<String> = lagging
            .iter()
            .map(|(_, label, pace)| label.replace("{pace}", &fmt.percent(*pace, 0)))
            .collect();
        yaml.push_str(
            &words::MONTH_LAGGING
                .get(locale)
                .replace("{date}", &as_of)
                .replace("{list}", &list.join(", ")),
        );
    }
    yaml.push_str(&format!("month: {month}\n"));
    yaml.push_str(if lagging.is_empty() {
        "explanations: {}\n"
    } else {
        "explanations:\n"
    });
    for (key, _, _) in &lagging {
        yaml.push_str(&format!(
            "  {key}:\n    reason: \"\"\n    actions: \"\"\n    resources: \"\"\n"
        ));
    }
    let modeline = schema::modeline(&relative).unwrap_or_default();
    let body = words::MONTH_BODY.get(locale);
    (relative, format!("---\n{modeline}\n{yaml}---\n{body}"))
}

/// `content/one-on-ones/DATE-MANAGER.md` for a manager on the team that day.
pub fn one_on_one(
    content: &Content,
    manager: &str,
    date: NaiveDate,
) -> Result<(String, String), Diagnostic> {
    super::active_manager(
        content,
        manager,
        date,
        crate::problem::practice::Scaffold::OneOnOne,
    )?;
    let relative = format!("content/one-on-ones/{date}-{manager}.md");
    let locale = content.config.locale;
    let modeline = schema::modeline(&relative).unwrap_or_default();
    let text = format!(
        "---\n{modeline}\n{}manager: {manager}\ndate: {date}\n---\n{}",
        words::ONE_ON_ONE.get(locale),
        words::ONE_ON_ONE_BODY.get(locale)
    );
    Ok((relative, text))
}
