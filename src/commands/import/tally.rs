//! Deals counted per manager and period: leads by the day a deal was
//! created, won deals and their amounts by the day they closed, meetings by
//! their day; CRM users nobody on the team is reported, their rows left out.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use super::deals::{Deal, Source};
use super::formats::Role;
use super::managers::{Match, Roster};
use super::mapping::Resolved;
use super::table::cell_span;
use crate::calendar::{IsoWeek, Period, WorkCalendar};
use crate::content::TEAM_PATH;
use crate::diagnostic::Diagnostic;

/// The numbers an export gives one manager in one period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub leads_received: u64,
    pub deals: u64,
    pub revenue_cents: u64,
    pub meetings: u64,
}

/// The export, counted.
#[derive(Debug, Default)]
pub struct Tally {
    pub figures: BTreeMap<(Period, String), Figures>,
    /// Managers with at least one row: only their numbers are written.
    pub covered: BTreeSet<String>,
    /// The first and last day any date of the export falls on.
    pub span: Option<(NaiveDate, NaiveDate)>,
    /// Deals counted (rows of known managers).
    pub counted: usize,
    pub warnings: Vec<Diagnostic>,
    pub errors: Vec<Diagnostic>,
}

/// The period of each day, computed once per day.
pub struct Periods<'a> {
    calendar: &'a WorkCalendar,
    cache: HashMap<NaiveDate, Period>,
}

impl<'a> Periods<'a> {
    pub fn new(calendar: &'a WorkCalendar) -> Self {
        Self {
            calendar,
            cache: HashMap::new(),
        }
    }

    pub fn of(&mut self, day: NaiveDate) -> Period {
        *self.cache.entry(day).or_insert_with(|| {
            self.calendar
                .periods_of_week(IsoWeek::of(day))
                .into_iter()
                .find(|p| p.contains(day))
                .expect("the periods of a week cover its seven days")
        })
    }
}

/// A warning about several rows, located at the cell of the first of them.
fn rows_warning(
    source: &Source,
    deal: &Deal,
    column: Option<usize>,
    message: String,
    hint: String,
) -> Diagnostic {
    let row = &source.table.rows[deal.row];
    let (line, col, width) = match column {
        Some(c) => cell_span(source.text, row.byte, source.table.delimiter, c),
        None => (row.line, 1, 1),
    };
    Diagnostic::warning(source.path, message)
        .at(line, col)
        .width(width)
        .label(format!("first at row {}", row.number))
        .hint(hint)
}

fn rows(n: usize) -> String {
    format!("{n} row{}", if n == 1 { "" } else { "s" })
}

pub fn count(
    source: &Source,
    deals: &[Deal],
    resolved: &Resolved,
    roster: &Roster,
    calendar: &WorkCalendar,
) -> Tally {
    let meetings = resolved.column(Role::Meeting).is_some();
    let mut tally = Tally::default();
    let mut periods = Periods::new(calendar);
    let mut unknown: BTreeMap<&str, (usize, &Deal)> = BTreeMap::new();
    let mut ambiguous: BTreeMap<&str, (Vec<String>, &Deal)> = BTreeMap::new();
    let mut no_created: Option<(usize, &Deal)> = None;
    let mut won_unclosed: Option<(usize, &Deal)> = None;
    let mut matched: HashMap<&str, Match> = HashMap::new();
    for deal in deals {
        // The days the counts use: a lost or open deal's close date is
        // often a guess (an expected date), so it does not widen the span.
        let closed = deal.closed.filter(|_| deal.won);
        for day in [deal.created, closed, deal.meeting].into_iter().flatten() {
            tally.span = Some(match tally.span {
                None => (day, day),
                Some((first, last)) => (first.min(day), last.max(day)),
            });
        }
        let found = matched
            .entry(deal.user.as_str())
            .or_insert_with(|| roster.find(&deal.user));
        let id = match found {
            Match::Manager(id) => id.clone(),
            Match::Ambiguous(ids) => {
                ambiguous
                    .entry(deal.user.as_str())
                    .or_insert_with(|| (ids.clone(), deal));
                continue;
            }
            Match::Unknown => {
                unknown.entry(deal.user.as_str()).or_insert((0, deal)).0 += 1;
                continue;
            }
        };
        tally.counted += 1;
        tally.covered.insert(id.clone());
        let mut add = |day: NaiveDate, f: &dyn Fn(&mut Figures)| {
            f(tally
                .figures
                .entry((periods.of(day), id.clone()))
                .or_default())
        };
        match deal.created {
            Some(day) => add(day, &|f| f.leads_received += 1),
            None => no_created.get_or_insert((0, deal)).0 += 1,
        }
        if deal.won {
            match deal.closed {
                Some(day) => {
                    let cents = deal.cents.unwrap_or(0);
                    add(day, &|f| {
                        f.deals += 1;
                        f.revenue_cents += cents;
                    })
                }
                None => won_unclosed.get_or_insert((0, deal)).0 += 1,
            }
        }
        if meetings && let Some(day) = deal.meeting {
            add(day, &|f| f.meetings += 1);
        }
    }
    for (user, (n, deal)) in unknown {
        let (message, hint) = if user.is_empty() {
            (
                format!("{} without a responsible user: left out", rows(n)),
                "assign the deals in the CRM and export again".to_string(),
            )
        } else {
            let fix = format!(
                "if that is someone on the team, add `crm_name: \"{user}\"` to them in {TEAM_PATH}"
            );
            (
                format!("unknown CRM user `{user}` ({}): left out", rows(n)),
                match roster.closest(user) {
                    Some((name, id)) => {
                        format!("did you mean `{name}` ({id})? {}", capital(&fix))
                    }
                    None => capital(&fix),
                },
            )
        };
        tally.warnings.push(rows_warning(
            source,
            deal,
            resolved.column(Role::Manager),
            message,
            hint,
        ));
    }
    for (user, (ids, deal)) in ambiguous {
        let row = &source.table.rows[deal.row];
        let (line, col, width) = match resolved.column(Role::Manager) {
            Some(c) => cell_span(source.text, row.byte, source.table.delimiter, c),
            None => (row.line, 1, 1),
        };
        tally.errors.push(
            Diagnostic::error(
                source.path,
                format!(
                    "CRM user `{user}` matches more than one manager: {}",
                    ids.join(", ")
                ),
            )
            .at(line, col)
            .width(width)
            .hint(format!(
                "give each of them their own `crm_name` in {TEAM_PATH}"
            )),
        );
    }
    if let Some((n, deal)) = no_created {
        tally.warnings.push(rows_warning(
            source,
            deal,
            resolved.column(Role::Created),
            format!("{} without a created date: not counted as leads", rows(n)),
            "export the deals with their created date".into(),
        ));
    }
    if let Some((n, deal)) = won_unclosed {
        tally.warnings.push(rows_warning(
            source,
            deal,
            resolved.column(Role::Closed),
            format!(
                "{} of won deals without a close date: not counted as deals or revenue",
                rows(n)
            ),
            "fill in the close date in the CRM and export again".into(),
        ));
    }
    tally
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
