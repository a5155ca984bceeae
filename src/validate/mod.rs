//! Checks across files: ids that must exist, names that must agree with
//! contents, one file per period. Parsing already caught shapes and types.

use std::collections::{BTreeMap, HashMap};

use crate::calendar::{IsoWeek, YearMonth};
use crate::content::value::{Key, is_slug};
use crate::content::{CONFIG_PATH, Content, Doc, Manager, TEAM_PATH, Team};
use crate::diagnostic::{Diagnostic, did_you_mean};

mod practice;

/// Every cross-file problem in `content`, unsorted.
pub fn check(content: &Content) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let roster = Roster::new(&content.team);
    check_config(content, &mut out);
    check_team(content, &mut out);
    check_targets(content, &roster, &mut out);
    check_weeks(content, &roster, &mut out);
    practice::check(content, &roster, &mut out);
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
        out.push(
            file.error_at(&config.currency, format!("`{code}` is not a currency code"))
                .hint("use an ISO 4217 code such as RUB, USD or EUR"),
        );
    }
    let base = &config.base_url.value;
    if !(base.starts_with('/') || base.starts_with("https://") || base.starts_with("http://"))
        || !base.ends_with('/')
    {
        out.push(
            file.error_at(
                &config.base_url,
                format!("base_url `{base}` must start and end with `/`"),
            )
            .hint(
                "use \"/\" for a site at the domain root, \"/repo/\" for GitHub Pages of a project",
            ),
        );
    }
    if config.thresholds.manager_lagging_weeks.value == 0 {
        out.push(file.error_at(
            &config.thresholds.manager_lagging_weeks,
            "manager_lagging_weeks must be at least 1",
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
            out.push(file.error_at(
                metric,
                format!("custom metric key `{key}` must be lowercase letters, digits and `_`"),
            ));
        }
        if keys.insert(key.as_str(), ()).is_some() {
            out.push(file.error_at(metric, format!("custom metric `{key}` is declared twice")));
        }
    }
    let mut keys = BTreeMap::new();
    for competency in &config.competencies {
        let key = &competency.value.key;
        if keys.insert(key.as_str(), ()).is_some() {
            out.push(file.error_at(competency, format!("competency `{key}` is declared twice")));
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
            out.push(
                file.error_at(&m.id, format!("manager id `{id}` is not a slug"))
                    .label("ids become page addresses (team/<id>/)")
                    .hint("use lowercase latin letters, digits and single hyphens, e.g. `anna-ivanova`"),
            );
        }
        if let Some(first_line) = seen.insert(id, m.id.referenced.line()) {
            out.push(
                file.error_at(&m.id, format!("manager `{id}` is listed twice"))
                    .label(format!("first listed at line {first_line}")),
            );
        }
        if let Some(left) = &m.left
            && left.value < m.joined.value
        {
            out.push(file.error_at(
                left,
                format!(
                    "`left` ({}) is before `joined` ({})",
                    left.value.0, m.joined.value.0
                ),
            ));
        }
    }
}

/// An unknown manager id, with a did-you-mean from the team. Nothing when
/// team.yaml itself is missing or broken: that error is already reported, and
/// every id would be "unknown".
pub(crate) fn unknown_manager<T>(content: &Content, doc: &Doc<T>, key: &Key) -> Option<Diagnostic> {
    if content.failed.contains(TEAM_PATH) {
        return None;
    }
    Some(
        doc.key_error(key, format!("unknown manager `{key}`"))
            .label("not in content/team.yaml")
            .hint_opt(did_you_mean(key.as_str(), content.team.ids())),
    )
}

fn check_targets(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    let mut by_month: BTreeMap<YearMonth, &str> = BTreeMap::new();
    for doc in &content.targets {
        let month = doc.data.month.value;
        if doc.stem() != month.to_string() {
            out.push(
                doc.error_at(
                    &doc.data.month,
                    format!("file name `{}` disagrees with `month: {month}`", doc.stem()),
                )
                .hint(format!(
                    "rename the file to targets/{month}.yaml, or fix `month`"
                )),
            );
        }
        if let Some(first) = by_month.insert(month, &doc.path) {
            out.push(
                doc.error_at(&doc.data.month, format!("a second plan for {month}"))
                    .label(format!("also in {first}"))
                    .hint("keep one targets file per month"),
            );
        }
        for key in doc.data.managers.keys() {
            match roster.get(key.as_str()) {
                None => out.extend(unknown_manager(content, doc, key)),
                Some(m) if !month.weeks().into_iter().any(|w| m.active_in(w)) => out.push(
                    doc.key_warning(
                        key,
                        format!("`{key}` has a plan for {month} but is not active then"),
                    )
                    .hint("check `joined` and `left` in content/team.yaml"),
                ),
                Some(_) => {}
            }
        }
    }
}

fn check_weeks(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
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
    let mut by_week: BTreeMap<IsoWeek, &str> = BTreeMap::new();
    let mut unplanned: BTreeMap<YearMonth, &str> = BTreeMap::new();
    for doc in &content.weeks {
        let week = doc.data.week.value;
        if doc.stem() != week.to_string() {
            out.push(
                doc.error_at(
                    &doc.data.week,
                    format!("file name `{}` disagrees with `week: {week}`", doc.stem()),
                )
                .hint(format!(
                    "rename the file to weeks/{week}.yaml, or fix `week`"
                )),
            );
        }
        if let Some(first) = by_week.insert(week, &doc.path) {
            out.push(
                doc.error_at(&doc.data.week, format!("a second file for {week}"))
                    .label(format!("also in {first}"))
                    .hint("keep one file per ISO week"),
            );
        }
        if !planned.contains_key(&week.thursday_month()) {
            unplanned.entry(week.thursday_month()).or_insert(&doc.path);
        }
        for (key, entry) in &doc.data.managers {
            match roster.get(key.as_str()) {
                None => out.extend(unknown_manager(content, doc, key)),
                Some(m) if !m.active_in(week) => out.push(
                    doc.key_warning(
                        key,
                        format!("`{key}` has numbers in {week} but is not active that week"),
                    )
                    .hint("check `joined` and `left` in content/team.yaml"),
                ),
                Some(_) => {}
            }
            let e = &entry.value;
            if e.leads_processed > e.leads_received {
                out.push(doc.warning_at(
                    entry,
                    format!(
                        "`{key}` processed more leads ({}) than received ({}) in {week}; fine if it is backlog",
                        e.leads_processed.0, e.leads_received.0
                    ),
                ));
            }
            for custom_key in e.custom.keys() {
                // With config.yaml broken, its metrics are unknown, not missing.
                if !custom.contains(&custom_key.as_str()) && !content.failed.contains(CONFIG_PATH) {
                    out.push(
                        doc.key_error(custom_key, format!("unknown custom metric `{custom_key}`"))
                            .label("not in custom_metrics of content/config.yaml")
                            .hint_opt(did_you_mean(custom_key.as_str(), custom.iter().copied())),
                    );
                }
            }
        }
        for manager in &content.team.managers {
            let m = &manager.value;
            if m.active_in(week) && !doc.data.managers.contains_key(m.id()) {
                out.push(
                    doc.warning_at(
                        &doc.data.week,
                        format!("no numbers for {} in {week}", m.id()),
                    )
                    .hint("add the manager's entry; until then they are left out of this week"),
                );
            }
        }
    }
    for (month, first) in unplanned {
        out.push(
            Diagnostic::warning(format!("content/targets/{month}.yaml"), format!("no plan for {month}"))
                .hint(format!(
                    "{first} has numbers for {month}; create targets/{month}.yaml, or plan figures stay empty"
                )),
        );
    }
}
