//! The files of every week and day: a week's numbers, a stand-up.

use chrono::NaiveDate;

use super::words::{self, Both};
use crate::analytics::requests;
use crate::calendar::{IsoWeek, Period};
use crate::commands::schema;
use crate::content::{Content, Manager};
use crate::locale::format::Formatter;

/// The modeline first, then the text (for a YAML file).
pub(super) fn with_modeline(relative: &str, body: String) -> String {
    match schema::modeline(relative) {
        Some(line) => format!("{line}\n{body}"),
        None => body,
    }
}

pub(super) fn formatter(content: &Content) -> Formatter {
    Formatter::new(content.config.locale, content.config.currency_symbol())
}

/// The managers active on at least one day from `first` to `last`.
pub(super) fn active(content: &Content, first: NaiveDate, last: NaiveDate) -> Vec<&Manager> {
    content
        .team
        .managers
        .iter()
        .map(|m| &m.value)
        .filter(|m| m.active_during(first, last))
        .collect()
}

/// The files of `week` under `content/weeks/`: one, or one per month for a
/// week split between two, each with every manager active in its days,
/// the required counts at 0 and the optional lines commented out.
pub fn week(content: &Content, week: IsoWeek) -> Vec<(String, String)> {
    content
        .calendar
        .periods_of_week(week)
        .into_iter()
        .map(|period| period_file(content, period))
        .collect()
}

fn period_file(content: &Content, period: Period) -> (String, String) {
    let relative = format!("content/weeks/{}.yaml", period.file_stem());
    let locale = content.config.locale;
    let fmt = formatter(content);
    let days = content.calendar.working_days(period);
    let say = crate::locale::scaffold::phrases(locale);
    let part = if period.split {
        say.week_part(&period.month.to_string())
    } else {
        String::new()
    };
    let dates = if period.first == period.last {
        fmt.date(period.first)
    } else {
        format!("{} – {}", fmt.date(period.first), fmt.date(period.last))
    };
    let head = say.week_head(period.week.number(), &dates, &part, days);
    let mut text = format!(
        "{head}{}week: {}\n",
        words::WEEK_FIELDS.get(locale),
        period.week
    );
    if period.split {
        text.push_str(&format!("month: {}\n", period.month));
    }
    let managers = active(content, period.first, period.last);
    text.push_str(if managers.is_empty() {
        "managers: {}\n"
    } else {
        "managers:\n"
    });
    let custom: Vec<String> = content
        .config
        .custom_metrics
        .iter()
        .map(|m| format!("{}: 0", m.value.key))
        .collect();
    for m in managers {
        text.push_str(&format!(
            "  {}:\n    leads_received: 0\n    leads_processed: 0\n    leads_overnight: 0\n    calls: 0\n    \
             meetings: 0\n    deals: 0\n    revenue: 0\n    # first_response_min: 0\n    \
             # trainings: {{ call_reviews: 0, case_reviews: 0, trainings: 0, roleplays: 0 }}\n",
            m.id()
        ));
        if !custom.is_empty() {
            text.push_str(&format!("    # custom: {{ {} }}\n", custom.join(", ")));
        }
        text.push_str("    # note: \"\"\n");
    }
    (relative.clone(), with_modeline(&relative, text))
}

/// `content/standups/DATE.md` with empty answers in the format's order, the
/// six questions named, and the open requests listed to resolve by id.
pub fn standup(content: &Content, date: NaiveDate) -> (String, String) {
    let relative = format!("content/standups/{date}.md");
    let locale = content.config.locale;
    let fmt = formatter(content);
    let title = Both {
        ru: "# Планёрка",
        en: "# Stand-up",
    }
    .get(locale);
    let mut yaml = format!(
        "{title} {}.\n{}date: {date}\n{}video: true   {}\n",
        fmt.date(date),
        words::STANDUP_ANSWERS.get(locale),
        words::STANDUP_OPTIONAL.get(locale),
        words::VIDEO.get(locale)
    );
    yaml.push_str(&open_requests(content, date));
    let managers = active(content, date, date);
    yaml.push_str(if managers.is_empty() {
        "reports: {}\n"
    } else {
        "reports:\n"
    });
    for m in managers {
        yaml.push_str(&format!(
            "  {}:\n    done: \"\"\n    result: \"\"\n    help: \"\"\n    goal: \"\"\n    how: \"\"\n    need: \"\"\n",
            m.id()
        ));
    }
    let modeline = schema::modeline(&relative).unwrap_or_default();
    (relative, format!("---\n{modeline}\n{yaml}---\n"))
}

/// The requests open before `date`, as comments with their ids: the head
/// copies an id into `resolved:` rather than typing it.
fn open_requests(content: &Content, date: NaiveDate) -> String {
    let standups: Vec<&crate::content::Standup> =
        content.standups.iter().map(|d| &d.data).collect();
    let ledger = requests::ledger(&standups, date);
    let open: Vec<_> = ledger
        .requests
        .iter()
        .filter(|r| r.resolved.is_none() && r.opened < date)
        .collect();
    if open.is_empty() {
        return String::new();
    }
    let fmt = formatter(content);
    let mut text = words::OPEN_REQUESTS.get(content.config.locale).to_string();
    for r in open {
        let name = content
            .team
            .get(&r.manager)
            .map_or(r.manager.as_str(), |m| m.name.as_str());
        let words: String = r.text.chars().take(80).collect();
        text.push_str(&format!(
            "#   {} — {name}, {}: «{}»\n",
            r.id,
            fmt.date(r.opened),
            words.replace('\n', " ")
        ));
    }
    text.push_str("# resolved: []\n");
    text
}
