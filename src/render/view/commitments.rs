//! The head's actions from the month notes: as a checklist with dates (the
//! month page), the open ones under the verdict (the dashboard), the overdue
//! ones in "needs attention", and each manager's in the matrix.

use chrono::NaiveDate;
use serde::Serialize;

use super::Ctx;
use super::period::Link;
use crate::calendar::YearMonth;
use crate::domain::{Action, Actions, MonthNote, PlanMetric};
use crate::render::route::Route;

/// One action as a line of the checklist.
#[derive(Debug, Serialize)]
pub struct ActionView {
    pub text: String,
    /// "до 18.12.2026".
    pub due: Option<String>,
    /// The manager it concerns.
    pub who: Option<Link>,
    /// `done`, `overdue`, `open`, or `text` for the head's plain text.
    pub state: &'static str,
    /// The state in a word (never by its mark alone).
    pub state_label: &'static str,
    /// The metric whose explanation lists it.
    pub metric: &'static str,
}

/// An action and where it is written.
#[derive(Clone, Copy)]
pub struct Placed<'a> {
    pub month: YearMonth,
    pub metric: PlanMetric,
    pub action: &'a Action,
    /// Its place in the note, to keep the head's order among equals.
    pub order: usize,
}

pub fn note<'a>(ctx: &Ctx<'a>, month: YearMonth) -> Option<&'a MonthNote> {
    ctx.department.month_notes.iter().find(|n| n.month == month)
}

/// The explanations of a note, metric by metric in the site's order.
pub fn explanations(
    n: &MonthNote,
) -> impl Iterator<Item = (PlanMetric, &crate::domain::Explanation)> {
    PlanMetric::ALL
        .into_iter()
        .filter_map(|m| n.explanations.get(m.name()).map(|e| (m, e)))
}

fn placed(n: &MonthNote) -> Vec<Placed<'_>> {
    let mut order = 0;
    let mut all = Vec::new();
    for (metric, e) in explanations(n) {
        for action in e.actions.list() {
            all.push(Placed {
                month: n.month,
                metric,
                action,
                order,
            });
            order += 1;
        }
    }
    all
}

/// Open first, by date (undated after dated), then the done ones; the
/// head's order among equals.
fn sort(list: &mut [Placed]) {
    list.sort_by_key(|p| {
        let due = p.action.due();
        (p.action.done, due.is_none(), due, p.month, p.order)
    });
}

/// Every commitment of a month's note, as the checklist orders them.
pub fn of_month<'a>(ctx: &Ctx<'a>, month: YearMonth) -> Vec<Placed<'a>> {
    let mut list = note(ctx, month).map(placed).unwrap_or_default();
    sort(&mut list);
    list
}

/// Commitments of every note not done by their date, oldest date first.
pub fn overdue<'a>(ctx: &Ctx<'a>) -> Vec<Placed<'a>> {
    let today = ctx.analytics.as_of;
    let mut list: Vec<Placed> = ctx
        .department
        .month_notes
        .iter()
        .flat_map(placed)
        .filter(|p| p.action.overdue(today))
        .collect();
    sort(&mut list);
    list
}

/// A manager's commitments: open before done, overdue first, then the
/// current month's note, then by date.
pub fn of_manager<'a>(ctx: &Ctx<'a>, id: &str) -> Vec<Placed<'a>> {
    let mut list: Vec<Placed> = ctx
        .department
        .month_notes
        .iter()
        .flat_map(placed)
        .filter(|p| p.action.manager() == Some(id))
        .collect();
    let (current, today) = (ctx.analytics.current_month, ctx.analytics.as_of);
    list.sort_by_key(|p| {
        let due = p.action.due();
        (
            p.action.done,
            !p.action.overdue(today),
            Some(p.month) != current,
            std::cmp::Reverse(p.month),
            due.is_none(),
            due,
            p.order,
        )
    });
    list
}

/// The month page's checklist, when the month has a page (a note may be
/// written for a month without numbers yet).
pub fn checklist_href(ctx: &Ctx, month: YearMonth) -> Option<String> {
    ctx.analytics
        .month(month)
        .map(|_| format!("{}#actions", Route::Month(month).path()))
}

pub fn due_text(ctx: &Ctx, day: NaiveDate) -> String {
    format!("{} {}", ctx.t().due_by, ctx.fmt.date(day))
}

pub fn view(ctx: &Ctx, p: &Placed) -> ActionView {
    let a = p.action;
    let (state, state_label) = if a.done {
        ("done", ctx.t().action_done)
    } else if a.overdue(ctx.analytics.as_of) {
        ("overdue", ctx.t().action_overdue)
    } else {
        ("open", ctx.t().action_open)
    };
    ActionView {
        text: a.what.trim().to_string(),
        due: a.due().map(|d| due_text(ctx, d)),
        who: a.manager().map(|id| Link {
            label: ctx.name(id),
            href: Route::Manager(id.to_string()).path(),
        }),
        state,
        state_label,
        metric: ctx.t().plan_metric(p.metric),
    }
}

/// The head's plain-text actions of a note, one line per metric, cut at
/// the first sentence (the whole text is in the reasons below).
pub fn texts(ctx: &Ctx, n: &MonthNote) -> Vec<ActionView> {
    explanations(n)
        .filter_map(|(metric, e)| match &e.actions {
            Actions::Text(t) if !t.trim().is_empty() => Some(ActionView {
                text: first_sentence(t),
                due: None,
                who: None,
                state: "text",
                state_label: "",
                metric: ctx.t().plan_metric(metric),
            }),
            _ => None,
        })
        .collect()
}

/// The text up to its first full stop or semicolon, with "…" when cut.
pub fn first_sentence(text: &str) -> String {
    let t = text.trim();
    let cut = t
        .char_indices()
        .find(|(i, c)| {
            // A full stop ends a sentence when a capital follows ("тыс. ₽" does not).
            let after = &t[i + c.len_utf8()..];
            let next = after.trim_start().chars().next();
            after.starts_with(char::is_whitespace)
                && (*c == ';' || (*c == '.' && next.is_some_and(char::is_uppercase)))
        })
        .map(|(i, _)| i);
    match cut {
        Some(i) => format!("{}…", t[..i].trim_end()),
        None => t.trim_end_matches('.').to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn the_first_sentence_is_cut_at_a_stop_or_semicolon() {
        assert_eq!(first_sentence("ИПР Петра; Анна помогает"), "ИПР Петра…");
        assert_eq!(first_sentence("Одно. Второе."), "Одно…");
        assert_eq!(
            first_sentence("Средний чек 51,5 тыс. ₽ и всё"),
            "Средний чек 51,5 тыс. ₽ и всё"
        );
        assert_eq!(first_sentence("Всё одно."), "Всё одно");
    }
}
