//! What the export changes in `content/weeks/`: per period and manager, the
//! fields the export knows, old and new; then each file's new text (written
//! by [`super::week_text`]) checked as `salespulse check` would read it.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::tally::{Figures, Tally};
use super::values::{cents_text, to_cents};
use super::week_text;
use crate::calendar::{IsoWeek, Period};
use crate::content::{self, Content, Doc, Manager, WeekEntry, WeekFile};
use crate::diagnostic::Diagnostic;
use crate::validate;

/// The week-file fields an export can know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    LeadsReceived,
    Meetings,
    Deals,
    Revenue,
}

impl Known {
    pub fn key(self) -> &'static str {
        match self {
            Known::LeadsReceived => "leads_received",
            Known::Meetings => "meetings",
            Known::Deals => "deals",
            Known::Revenue => "revenue",
        }
    }

    /// Its value in the units compared: a count, or cents for revenue.
    fn of(self, f: &Figures) -> u64 {
        match self {
            Known::LeadsReceived => f.leads_received,
            Known::Meetings => f.meetings,
            Known::Deals => f.deals,
            Known::Revenue => f.revenue_cents,
        }
    }

    fn in_entry(self, e: &WeekEntry) -> u64 {
        match self {
            Known::LeadsReceived => e.leads_received.0,
            Known::Meetings => e.meetings.0,
            Known::Deals => e.deals.0,
            Known::Revenue => to_cents(e.revenue.0),
        }
    }

    /// The value as the week file writes it.
    pub fn text(self, value: u64) -> String {
        match self {
            Known::Revenue => cents_text(value),
            _ => value.to_string(),
        }
    }
}

/// One field of one entry: what the file has and what it will have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub field: Known,
    /// `None` for a new entry.
    pub old: Option<u64>,
    pub new: u64,
    /// The export's own figure, when it is lower than the file's in a
    /// period the export covers only in part (the file's is kept).
    pub kept_over: Option<u64>,
}

impl Field {
    pub fn changed(&self) -> bool {
        self.old != Some(self.new)
    }
}

/// One manager's entry in one period file.
#[derive(Clone, Debug)]
pub struct Entry {
    pub manager: String,
    pub new: bool,
    pub fields: Vec<Field>,
}

impl Entry {
    pub fn changed(&self) -> bool {
        self.new || self.fields.iter().any(Field::changed)
    }
}

/// One period file: what changes in it and its new text.
#[derive(Clone, Debug)]
pub struct FilePlan {
    pub period: Period,
    /// `content/weeks/<stem>.yaml`.
    pub path: String,
    pub exists: bool,
    /// The days of the period the export covers, when that is not all of
    /// its working days.
    pub partial: Option<(NaiveDate, NaiveDate)>,
    pub entries: Vec<Entry>,
    /// The file's new text; `None` when nothing in it changes.
    pub text: Option<String>,
}

/// The fields an import writes, `meetings` only when the export has their dates.
pub fn known_fields(meetings: bool) -> Vec<Known> {
    let mut fields = vec![Known::LeadsReceived];
    if meetings {
        fields.push(Known::Meetings);
    }
    fields.extend([Known::Deals, Known::Revenue]);
    fields
}

fn active_in(m: &Manager, p: Period) -> bool {
    p.days().any(|d| m.active_on(d))
}

/// The path of a period's file.
fn file_path(period: Period) -> String {
    format!("content/weeks/{}.yaml", period.file_stem())
}

/// Plans every period file between the export's first and last day.
pub fn plan(
    root: &Path,
    content: &Content,
    tally: &Tally,
    meetings: bool,
) -> Result<Vec<FilePlan>, Vec<Diagnostic>> {
    let Some((first, last)) = tally.span else {
        return Ok(Vec::new());
    };
    let planner = Planner {
        root,
        content,
        tally,
        fields: known_fields(meetings),
        first,
        last,
    };
    let mut by_week: HashMap<IsoWeek, Vec<&Doc<WeekFile>>> = HashMap::new();
    for doc in &content.weeks {
        by_week.entry(doc.data.week.value).or_default().push(doc);
    }
    let mut plans = Vec::new();
    let mut problems = Vec::new();
    let mut week = IsoWeek::of(first);
    while week <= IsoWeek::of(last) {
        let same_week = by_week.get(&week).map_or(&[][..], Vec::as_slice);
        for period in content.calendar.periods_of_week(week) {
            if period.last < first || period.first > last {
                continue;
            }
            match planner.period(period, same_week) {
                Ok(Some(plan)) => plans.push(plan),
                Ok(None) => {}
                Err(problem) => problems.push(problem),
            }
        }
        week = week.next();
    }
    if problems.is_empty() {
        Ok(plans)
    } else {
        Err(problems)
    }
}

/// What every period's plan reads: the site, the export's tally and its
/// first and last day, the fields an import writes.
struct Planner<'a> {
    root: &'a Path,
    content: &'a Content,
    tally: &'a Tally,
    fields: Vec<Known>,
    first: NaiveDate,
    last: NaiveDate,
}

impl Planner<'_> {
    /// One period's file, given the files written for its week: `None`
    /// when no manager the export covers has an entry in it, an error when
    /// import must not edit it.
    fn period(
        &self,
        period: Period,
        same_week: &[&Doc<WeekFile>],
    ) -> Result<Option<FilePlan>, Diagnostic> {
        let path = file_path(period);
        if let Some(problem) = self.misnamed(period.week, same_week) {
            return Err(problem);
        }
        if self.content.failed.contains(&path) {
            return Err(Diagnostic::error(
                &path,
                crate::problem::Import::FileHasErrors,
            ));
        }
        let doc = same_week.iter().find(|d| d.path == path).copied();
        let partial = self.partial(period);
        let entries: Vec<Entry> = self
            .content
            .team
            .managers
            .iter()
            .filter_map(|m| self.entry(&m.value, period, doc, partial.is_some()))
            .collect();
        if entries.is_empty() {
            return Ok(None);
        }
        let mut plan = FilePlan {
            period,
            path,
            exists: doc.is_some(),
            partial,
            entries,
            text: None,
        };
        if plan.entries.iter().any(Entry::changed) {
            let text = self
                .text(&plan)
                .map_err(|message| Diagnostic::error(&plan.path, message))?;
            plan.text = Some(text);
        }
        Ok(Some(plan))
    }

    /// A file of the week under a name the calendar does not give it (a
    /// split week written whole, or the other way round): import would
    /// write a second file for the same days.
    fn misnamed(&self, week: IsoWeek, same_week: &[&Doc<WeekFile>]) -> Option<Diagnostic> {
        let calendar = &self.content.calendar;
        let expected: Vec<String> = calendar
            .periods_of_week(week)
            .into_iter()
            .map(file_path)
            .collect();
        let other = same_week.iter().find(|d| !expected.contains(&d.path))?;
        Some(Diagnostic::error(
            &other.path,
            crate::problem::Import::Misnamed {
                week: week.to_string(),
                stem: other.stem().to_string(),
                files: calendar
                    .periods_of_week(week)
                    .iter()
                    .map(|p| format!("weeks/{}.yaml", p.file_stem()))
                    .collect(),
            },
        ))
    }

    /// The days of the period the export covers, when it misses a working
    /// day of it.
    fn partial(&self, period: Period) -> Option<(NaiveDate, NaiveDate)> {
        let (first, last) = (self.first, self.last);
        period
            .days()
            .any(|d| (d < first || d > last) && self.content.calendar.is_working(d))
            .then(|| (period.first.max(first), period.last.min(last)))
    }

    /// A covered manager's entry in the period: `None` for one with no
    /// entry yet, not on the team then and nothing in the export.
    fn entry(
        &self,
        m: &Manager,
        period: Period,
        doc: Option<&Doc<WeekFile>>,
        partial: bool,
    ) -> Option<Entry> {
        if !self.tally.covered.contains(m.id()) {
            return None;
        }
        let figures = self
            .tally
            .figures
            .get(&(period, m.id().to_string()))
            .copied()
            .unwrap_or_default();
        let existing = doc.and_then(|d| d.data.managers.get(m.id()));
        if existing.is_none() && !active_in(m, period) && figures == Figures::default() {
            return None;
        }
        let fields = self
            .fields
            .iter()
            .map(|&field| {
                let old = existing.map(|e| field.in_entry(&e.value));
                field_plan(field, old, field.of(&figures), partial)
            })
            .collect();
        Some(Entry {
            manager: m.id().to_string(),
            new: existing.is_none(),
            fields,
        })
    }

    /// The file's new text: the existing file edited, or a new one.
    fn text(&self, plan: &FilePlan) -> Result<String, String> {
        if !plan.exists {
            return Ok(week_text::new_file(plan, self.content));
        }
        match std::fs::read_to_string(self.root.join(&plan.path)) {
            Ok(raw) => week_text::edit(&raw, &plan.entries, self.content),
            Err(e) => Err(format!("cannot read: {e}")),
        }
    }
}

/// One field's old and new value. In a period the export covers only in
/// part, a lower figure than the file's is the export missing days, so the
/// file's is kept.
fn field_plan(field: Known, old: Option<u64>, imported: u64, partial: bool) -> Field {
    match old {
        Some(old) if partial && imported < old => Field {
            field,
            old: Some(old),
            new: old,
            kept_over: Some(imported),
        },
        _ => Field {
            field,
            old,
            new: imported,
            kept_over: None,
        },
    }
}

/// Checks each new text as `check` would (with the site's config and team)
/// and that it holds exactly the planned numbers: a safety net under the
/// editor. Returns the problems; nothing may be written when there are any.
pub fn verify(content: &Content, plans: &[FilePlan]) -> Vec<Diagnostic> {
    let base: Vec<(String, String)> = [content::CONFIG_PATH, content::TEAM_PATH]
        .iter()
        .filter_map(|p| {
            content
                .sources
                .get(p)
                .map(|t| (p.to_string(), t.to_string()))
        })
        .collect();
    let mut problems = Vec::new();
    for plan in plans {
        let Some(text) = &plan.text else { continue };
        let mut files = base.clone();
        files.push((plan.path.clone(), text.clone()));
        let (parsed, mut found) = content::parse_files(files);
        // As of the period's last day: a period written ahead is a warning
        // only, and only errors stop the import.
        found.extend(validate::check(&parsed, plan.period.last));
        found.retain(|d| d.is_error() && d.path == plan.path);
        problems.extend(found);
        let Some(doc) = parsed.weeks.first() else {
            continue;
        };
        if doc.data.period(&parsed.calendar) != Ok(plan.period) {
            problems.push(Diagnostic::error(
                &plan.path,
                format!("internal: the text written is not for {}", plan.period),
            ));
        }
        for entry in &plan.entries {
            let written = doc.data.managers.get(entry.manager.as_str());
            let same = written.is_some_and(|w| {
                entry
                    .fields
                    .iter()
                    .all(|f| f.field.in_entry(&w.value) == f.new)
            });
            if !same {
                problems.push(Diagnostic::error(
                    &plan.path,
                    format!(
                        "internal: the edited file does not hold the imported numbers of `{}`; nothing was written",
                        entry.manager
                    ),
                ));
            }
        }
    }
    problems
}
