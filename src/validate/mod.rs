//! Checks across files: ids that must exist, names that must agree with
//! contents, one file per period. Parsing already caught shapes and types.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde_saphyr::Spanned;

use crate::calendar::{Period, YearMonth};
use crate::content::value::{Key, is_slug};
use crate::content::{
    CONFIG_PATH, Content, Doc, Manager, PeriodProblem, TEAM_PATH, Team, WeekEntry, WeekFile,
};
use crate::diagnostic::{Diagnostic, closest};
use crate::problem::Numbers;
use crate::problem::numbers::{Implausible, Part, Settings, WeekPeriod};
pub(crate) use managers::unknown_manager;
pub use managers::{fix as manager_fix, hint as manager_hint};

mod managers;
mod plausible;
mod practice;
mod requests;

/// Every cross-file problem in `content` as of a day, unsorted.
pub fn check(content: &Content, as_of: NaiveDate) -> Vec<Diagnostic> {
    let roster = Roster::new(&content.team);
    // The period files' checks and the practice's read different files:
    // run side by side, their findings kept in this order.
    let (mut out, practice) = rayon::join(
        || {
            let mut out = Vec::new();
            check_config(content, &mut out);
            check_calendar(content, &mut out);
            check_team(content, &mut out);
            check_targets(content, &roster, &mut out);
            check_weeks(content, &roster, as_of, &mut out);
            plausible::outliers(content, &roster, as_of, &mut out);
            plausible::past_plans(content, as_of, &mut out);
            out
        },
        || {
            let mut out = Vec::new();
            practice::check(content, &roster, &mut out);
            requests::check(content, &roster, as_of, &mut out);
            out
        },
    );
    out.extend(practice);
    out
}

/// The managers of team.yaml by id. `Team::get` searches the list, and the
/// checks look an id up for every entry of every file: some 40,000 times,
/// most of `validate`, on a department of 50 managers and three years.
pub(crate) struct Roster<'a>(HashMap<&'a str, &'a Manager>);

impl<'a> Roster<'a> {
    fn new(team: &'a Team) -> Self {
        let mut by_id = HashMap::with_capacity(team.managers.len());
        for manager in &team.managers {
            // The first entry of an id listed twice, as `Team::get` finds it.
            by_id.entry(manager.value.id()).or_insert(&manager.value);
        }
        Self(by_id)
    }

    /// The manager with this id, as `Team::get` gives it.
    pub(crate) fn get(&self, id: &str) -> Option<&'a Manager> {
        self.0.get(id).copied()
    }
}

/// A `Doc` view of config.yaml/team.yaml so their spans locate like other files.
pub(crate) fn whole_file(path: &str) -> Doc<()> {
    Doc {
        path: path.to_string(),
        line_offset: 0,
        data: (),
    }
}

fn check_config(content: &Content, out: &mut Vec<Diagnostic>) {
    let config = &content.config;
    let file = whole_file(CONFIG_PATH);
    let code = &config.currency.value;
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        out.push(file.error_at(
            &config.currency,
            Settings::NotACurrency { code: code.clone() },
        ));
    }
    let base = &config.base_url.value;
    if !(base.starts_with('/') || base.starts_with("https://") || base.starts_with("http://"))
        || !base.ends_with('/')
    {
        out.push(file.error_at(&config.base_url, Settings::BadBaseUrl { url: base.clone() }));
    }
    if config.thresholds.manager_lagging_weeks.value == 0 {
        out.push(file.error_at(
            &config.thresholds.manager_lagging_weeks,
            Settings::LaggingWeeksZero,
        ));
    }
    let mut keys = BTreeMap::new();
    for metric in &config.custom_metrics {
        let key = &metric.value.key;
        if !key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            || key.is_empty()
        {
            out.push(file.error_at(metric, Settings::BadMetricKey { key: key.clone() }));
        }
        if keys.insert(key.as_str(), ()).is_some() {
            out.push(file.error_at(metric, Settings::MetricTwice { key: key.clone() }));
        }
    }
    let mut keys = BTreeMap::new();
    for competency in &config.competencies {
        let key = &competency.value.key;
        if keys.insert(key.as_str(), ()).is_some() {
            out.push(file.error_at(competency, Settings::CompetencyTwice { key: key.clone() }));
        }
    }
}

/// The calendar's own dates, and the years the country's calendar lacks.
fn check_calendar(content: &Content, out: &mut Vec<Diagnostic>) {
    let calendar = &content.config.calendar;
    let file = whole_file(CONFIG_PATH);
    for day in &calendar.working {
        if calendar.holidays.iter().any(|h| h.value.0 == day.value.0) {
            out.push(file.error_at(
                day,
                Settings::DayOffAndOn {
                    date: day.value.0.to_string(),
                },
            ));
        }
    }
    // The years the numbers need: those of the week files' days and of the plans.
    let mut years = std::collections::BTreeSet::new();
    for doc in &content.weeks {
        let week = doc.data.week.value;
        years.extend([week.monday().year(), week.sunday().year()]);
    }
    years.extend(content.targets.iter().map(|t| t.data.month.value.year()));
    for year in years {
        if !content.calendar.has_data_for(year) {
            out.push(file.warning_at(&calendar.country, Settings::NoCalendar { year }));
        }
    }
}

fn check_team(content: &Content, out: &mut Vec<Diagnostic>) {
    let file = whole_file(TEAM_PATH);
    let mut seen: BTreeMap<&str, u64> = BTreeMap::new();
    for manager in &content.team.managers {
        let m = &manager.value;
        let id = m.id();
        if !is_slug(id) {
            out.push(file.error_at(&m.id, Numbers::IdNotSlug { id: id.to_string() }));
        }
        if let Some(first_line) = seen.insert(id, m.id.referenced.line()) {
            out.push(file.error_at(
                &m.id,
                Numbers::ListedTwice {
                    id: id.to_string(),
                    first_line,
                },
            ));
        }
        if let Some(left) = &m.left
            && left.value < m.joined.value
        {
            out.push(file.error_at(
                left,
                Numbers::LeftBeforeJoined {
                    left: left.value.0.to_string(),
                    joined: m.joined.value.0.to_string(),
                },
            ));
        }
    }
}

fn check_targets(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    let mut by_month: BTreeMap<YearMonth, &str> = BTreeMap::new();
    for doc in &content.targets {
        let month = doc.data.month.value;
        if doc.stem() != month.to_string() {
            out.push(doc.error_at(
                &doc.data.month,
                Numbers::PlanFileName {
                    stem: doc.stem().to_string(),
                    month: month.to_string(),
                },
            ));
        }
        if let Some(first) = by_month.insert(month, &doc.path) {
            out.push(doc.error_at(
                &doc.data.month,
                Numbers::SecondPlan {
                    month: month.to_string(),
                    first: first.to_string(),
                },
            ));
        }
        for key in doc.data.managers.keys() {
            match roster.get(key.as_str()) {
                None => out.extend(unknown_manager(content, doc, key)),
                Some(m) if !m.active_during(month.first_day(), month.last_day()) => {
                    out.push(doc.key_warning(
                        key,
                        Numbers::NotActive {
                            id: key.to_string(),
                            period: month.to_string(),
                            plan: true,
                        },
                    ))
                }
                Some(_) => {}
            }
        }
    }
}

fn check_weeks(content: &Content, roster: &Roster, as_of: NaiveDate, out: &mut Vec<Diagnostic>) {
    let custom: Vec<&str> = content
        .config
        .custom_metrics
        .iter()
        .map(|m| m.value.key.as_str())
        .collect();
    let planned: BTreeMap<YearMonth, ()> = content
        .targets
        .iter()
        .map(|t| (t.data.month.value, ()))
        .collect();
    let mut by_period: BTreeMap<Period, &str> = BTreeMap::new();
    let mut unplanned: BTreeMap<YearMonth, &str> = BTreeMap::new();
    for doc in &content.weeks {
        let Some(period) = week_period(content, doc, out) else {
            continue;
        };
        if let Some(first) = by_period.insert(period, &doc.path) {
            out.push(doc.error_at(
                &doc.data.week,
                Numbers::SecondWeekFile {
                    period: period.to_string(),
                    first: first.to_string(),
                },
            ));
        }
        if period.first > as_of {
            out.push(doc.warning_at(
                &doc.data.week,
                Numbers::WeekAhead {
                    period: period.to_string(),
                    starts: period.first.to_string(),
                    as_of: as_of.to_string(),
                },
            ));
            continue;
        }
        if !planned.contains_key(&period.month) {
            unplanned.entry(period.month).or_insert(&doc.path);
        }
        check_week_managers(content, roster, doc, period, &custom, out);
    }
    for (month, first) in unplanned {
        if plan_reported(content, month) {
            continue;
        }
        out.push(Diagnostic::warning(
            format!("content/targets/{month}.yaml"),
            Numbers::NoPlan {
                month: month.to_string(),
                first: first.to_string(),
            },
        ));
    }
}

/// Each manager of one week file: known, active in the period, numbers
/// that hold together; and every active manager has an entry.
fn check_week_managers(
    content: &Content,
    roster: &Roster,
    doc: &Doc<WeekFile>,
    period: Period,
    custom: &[&str],
    out: &mut Vec<Diagnostic>,
) {
    for (key, entry) in &doc.data.managers {
        match roster.get(key.as_str()) {
            None => out.extend(unknown_manager(content, doc, key)),
            Some(m) if !m.active_during(period.first, period.last) => out.push(doc.key_warning(
                key,
                Numbers::NotActive {
                    id: key.to_string(),
                    period: period.to_string(),
                    plan: false,
                },
            )),
            Some(_) => {}
        }
        check_entry(content, doc, key, entry, period, custom, out);
    }
    for manager in &content.team.managers {
        let m = &manager.value;
        if m.active_during(period.first, period.last) && !doc.data.managers.contains_key(m.id()) {
            out.push(doc.warning_at(
                &doc.data.week,
                Numbers::NoNumbersFor {
                    id: m.id().to_string(),
                    period: period.to_string(),
                },
            ));
        }
    }
}

/// Whether a targets file for `month` exists but did not parse or is not
/// read (already reported): "create targets/…" would send the head to
/// write a file they already wrote.
fn plan_reported(content: &Content, month: YearMonth) -> bool {
    let month = month.to_string();
    content
        .failed
        .iter()
        .any(|p| p.starts_with("content/targets/") && p.contains(&month))
}

/// One manager's entry in a period file: plausibility and custom metrics.
fn check_entry(
    content: &Content,
    doc: &Doc<WeekFile>,
    key: &Key,
    entry: &Spanned<WeekEntry>,
    period: Period,
    custom: &[&str],
    out: &mut Vec<Diagnostic>,
) {
    let e = &entry.value;
    if e.leads_processed > e.leads_received {
        out.push(doc.warning_at(
            entry,
            Implausible::ProcessedMoreThanReceived {
                id: key.to_string(),
                processed: e.leads_processed.0,
                received: e.leads_received.0,
                period: period.to_string(),
            },
        ));
    }
    plausible::funnel(doc, key, entry, period, out);
    let counts = [
        e.leads_received.0,
        e.leads_processed.0,
        e.leads_overnight.0,
        e.calls.0,
        e.meetings.0,
        e.deals.0,
    ];
    if counts.iter().all(|n| *n == 0) && e.revenue.0 == 0.0 {
        out.push(doc.key_warning(
            key,
            Implausible::AllZeros {
                id: key.to_string(),
                period: period.to_string(),
            },
        ));
    }
    for custom_key in e.custom.keys() {
        // With config.yaml broken, its metrics are unknown, not missing.
        if !custom.contains(&custom_key.as_str()) && !content.failed.contains(CONFIG_PATH) {
            out.push(doc.key_error(
                custom_key,
                Numbers::UnknownCustomMetric {
                    key: custom_key.to_string(),
                    close: closest(custom_key.as_str(), custom.iter().copied()).map(str::to_string),
                },
            ));
        }
    }
}

/// The period a week file is for, after checking that its name and its
/// `week`/`month` agree with the calendar; `None` (reported) when they do not.
fn week_period(
    content: &Content,
    doc: &Doc<WeekFile>,
    out: &mut Vec<Diagnostic>,
) -> Option<Period> {
    let week = doc.data.week.value;
    let calendar = &content.calendar;
    let parts = calendar.periods_of_week(week);
    let part = |p: &Period| Part {
        month: p.month.to_string(),
        file: format!("weeks/{}.yaml", p.file_stem()),
        days: span(p),
    };
    if parts.len() == 2 && doc.stem() == week.to_string() {
        out.push(doc.error_at(
            &doc.data.week,
            WeekPeriod::SplitWeekPlain {
                week: week.to_string(),
                parts: [part(&parts[0]), part(&parts[1])],
            },
        ));
        return None;
    }
    if parts.len() == 1 && doc.stem().starts_with(&format!("{week}-")) {
        out.push(doc.error_at(
            &doc.data.week,
            WeekPeriod::PlainWeekSplit {
                week: week.to_string(),
                part: part(&parts[0]),
            },
        ));
        return None;
    }
    let period = match doc.data.period(calendar) {
        Ok(period) => period,
        Err(PeriodProblem::SplitWithoutMonth { parts }) => {
            out.push(doc.error_at(
                &doc.data.week,
                WeekPeriod::SplitWithoutMonth {
                    week: week.to_string(),
                    months: [parts[0].month.to_string(), parts[1].month.to_string()],
                },
            ));
            return None;
        }
        Err(PeriodProblem::WrongMonth { periods }) => {
            let month = doc
                .data
                .month
                .as_ref()
                .expect("a wrong month is a given one");
            let months: Vec<String> = periods.iter().map(|p| p.month.to_string()).collect();
            out.push(doc.error_at(
                month,
                WeekPeriod::WrongMonth {
                    week: week.to_string(),
                    month: month.value.to_string(),
                    months,
                },
            ));
            return None;
        }
    };
    if doc.stem() != period.file_stem() {
        let month = match &doc.data.month {
            Some(m) if period.split => Some(m.value.to_string()),
            _ => None,
        };
        out.push(doc.error_at(
            &doc.data.week,
            WeekPeriod::WeekFileName {
                stem: doc.stem().to_string(),
                week: week.to_string(),
                month,
                expected: period.file_stem(),
            },
        ));
    }
    Some(period)
}

/// A period's days as people read them: `2026-11-30` or `2026-12-01 – 2026-12-06`.
fn span(p: &Period) -> String {
    if p.first == p.last {
        p.first.to_string()
    } else {
        format!("{} – {}", p.first, p.last)
    }
}
