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
use crate::diagnostic::Diagnostic;
use crate::problem::Uncounted;

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

/// Where a message about a deal points: the cell of `column` in its
/// (first) row, or the row's start when the export has no such column.
fn cell_of(source: &Source, deal: &Deal, column: Option<usize>) -> (u64, u64, usize) {
    let row = &source.table.rows[deal.row];
    match column {
        Some(c) => cell_span(source.text, row.byte, source.table.delimiter, c),
        None => (row.line, 1, 1),
    }
}

/// A warning about several rows, located at the cell of the first of
/// them; `problem` is given that row's number.
fn rows_warning(
    source: &Source,
    deal: &Deal,
    column: Option<usize>,
    problem: impl FnOnce(usize) -> Uncounted,
) -> Diagnostic {
    let row = &source.table.rows[deal.row];
    let (line, col, width) = cell_of(source, deal, column);
    Diagnostic::warning(source.path, problem(row.number))
        .at(line, col)
        .width(width)
}

/// Rows that were not counted in full, each kind kept with how many rows
/// and the first of them, so one message names them all.
#[derive(Default)]
struct LeftOut<'d> {
    /// By CRM user: rows of someone not on the team.
    unknown: BTreeMap<&'d str, (usize, &'d Deal)>,
    /// By CRM user: the managers the name fits.
    ambiguous: BTreeMap<&'d str, (Vec<String>, &'d Deal)>,
    /// Rows without a created date: not leads.
    no_created: Option<(usize, &'d Deal)>,
    /// Won deals without a close date: neither deals nor revenue.
    won_unclosed: Option<(usize, &'d Deal)>,
}

/// Counts every deal of a known manager into its periods; rows of unknown
/// or ambiguous CRM users and missing dates become warnings and errors.
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
    let mut left_out = LeftOut::default();
    let mut matched: HashMap<&str, Match> = HashMap::new();
    for deal in deals {
        widen_span(&mut tally.span, deal);
        let found = matched
            .entry(deal.user.as_str())
            .or_insert_with(|| roster.find(&deal.user));
        let id = match found {
            Match::Manager(id) => id.clone(),
            Match::Ambiguous(ids) => {
                left_out
                    .ambiguous
                    .entry(deal.user.as_str())
                    .or_insert_with(|| (ids.clone(), deal));
                continue;
            }
            Match::Unknown => {
                left_out
                    .unknown
                    .entry(deal.user.as_str())
                    .or_insert((0, deal))
                    .0 += 1;
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
        add_deal(&mut add, deal, meetings, &mut left_out);
    }
    left_out.report(source, resolved, roster, &mut tally);
    tally
}

/// Widens the export's span to the days a deal is counted on. A lost or
/// open deal's close date is often a guess (an expected date), so it does
/// not widen the span.
fn widen_span(span: &mut Option<(NaiveDate, NaiveDate)>, deal: &Deal) {
    let closed = deal.closed.filter(|_| deal.won);
    for day in [deal.created, closed, deal.meeting].into_iter().flatten() {
        *span = Some(match *span {
            None => (day, day),
            Some((first, last)) => (first.min(day), last.max(day)),
        });
    }
}

/// Adds a known manager's deal through `add` (a day and what to add to
/// that day's figures): a lead on the day it was created, a won deal and
/// its amount on the day it closed, a meeting on its day.
fn add_deal<'d>(
    add: &mut impl FnMut(NaiveDate, &dyn Fn(&mut Figures)),
    deal: &'d Deal,
    meetings: bool,
    left_out: &mut LeftOut<'d>,
) {
    match deal.created {
        Some(day) => add(day, &|f| f.leads_received += 1),
        None => left_out.no_created.get_or_insert((0, deal)).0 += 1,
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
            None => left_out.won_unclosed.get_or_insert((0, deal)).0 += 1,
        }
    }
    if meetings && let Some(day) = deal.meeting {
        add(day, &|f| f.meetings += 1);
    }
}

impl LeftOut<'_> {
    /// One message per unknown or ambiguous CRM user and per kind of
    /// missing date; only an ambiguous user stops the import.
    fn report(self, source: &Source, resolved: &Resolved, roster: &Roster, tally: &mut Tally) {
        let manager = resolved.column(Role::Manager);
        for (user, (n, deal)) in self.unknown {
            let problem = |first_row| unknown_user(user, n, first_row, roster);
            tally
                .warnings
                .push(rows_warning(source, deal, manager, problem));
        }
        for (user, (ids, deal)) in self.ambiguous {
            let (line, col, width) = cell_of(source, deal, manager);
            tally.errors.push(
                Diagnostic::error(
                    source.path,
                    Uncounted::AmbiguousUser {
                        user: user.to_string(),
                        ids: ids.iter().map(|i| i.to_string()).collect(),
                    },
                )
                .at(line, col)
                .width(width),
            );
        }
        if let Some((n, deal)) = self.no_created {
            tally.warnings.push(rows_warning(
                source,
                deal,
                resolved.column(Role::Created),
                |first_row| Uncounted::NoCreatedDate { rows: n, first_row },
            ));
        }
        if let Some((n, deal)) = self.won_unclosed {
            tally.warnings.push(rows_warning(
                source,
                deal,
                resolved.column(Role::Closed),
                |first_row| Uncounted::NoCloseDate { rows: n, first_row },
            ));
        }
    }
}

/// `n` rows of a CRM user not on the team (an empty name: rows nobody is
/// responsible for), the first of them at `first_row`.
fn unknown_user(user: &str, n: usize, first_row: usize, roster: &Roster) -> Uncounted {
    if user.is_empty() {
        return Uncounted::NoUser { rows: n, first_row };
    }
    Uncounted::UnknownUser {
        user: user.to_string(),
        rows: n,
        first_row,
        close: roster
            .closest(user)
            .map(|(name, id)| (name.to_string(), id.to_string())),
    }
}
