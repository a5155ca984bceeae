//! Help requests as the stand-ups page and a manager's page show them: the
//! open ones with their age, owner and how often they were asked; the
//! recently resolved ones with who resolved them and when.

use serde::Serialize;

use super::Ctx;
use crate::analytics::{Request, RequestKind};
use crate::render::route::Route;

/// Resolved requests stay on the pages this many days after they were closed.
pub const RESOLVED_SHOWN_DAYS: i64 = 14;

#[derive(Debug, Serialize)]
pub struct RequestRow {
    /// What a stand-up's `resolved:` names it by.
    pub id: String,
    /// The stand-up it was first asked at.
    pub date: String,
    pub href: String,
    pub name: String,
    pub manager_href: String,
    pub kind: &'static str,
    pub text: String,
    /// "открыт 5 дней" / "open 5 days", or how long it took to resolve.
    pub age: String,
    /// "спрашивали 3 раза" / "asked 3 times", empty when asked once.
    pub asked: String,
    pub resolved: Option<ResolvedRow>,
}

#[derive(Debug, Serialize)]
pub struct ResolvedRow {
    pub date: String,
    pub href: String,
    /// The head, a manager's name, or empty when the stand-up does not say.
    pub by: String,
    pub note: String,
}

/// The open requests, oldest first (the longest wait on top), and those
/// resolved in the last [`RESOLVED_SHOWN_DAYS`], newest first.
pub fn split<'a>(
    ctx: &Ctx,
    list: impl IntoIterator<Item = &'a Request>,
) -> (Vec<RequestRow>, Vec<RequestRow>) {
    let as_of = ctx.analytics.as_of;
    let mut open = Vec::new();
    let mut resolved = Vec::new();
    for r in list {
        if r.opened > as_of {
            continue;
        }
        match &r.resolved {
            None => open.push(row(ctx, r)),
            Some(s) if s.date <= as_of && (as_of - s.date).num_days() < RESOLVED_SHOWN_DAYS => {
                resolved.push((s.date, row(ctx, r)))
            }
            Some(_) => {}
        }
    }
    resolved.sort_by_key(|r| std::cmp::Reverse(r.0));
    (open, resolved.into_iter().map(|(_, r)| r).collect())
}

fn row(ctx: &Ctx, r: &Request) -> RequestRow {
    let days = r.age_days as u64;
    let span = ctx.fmt.count(days, ctx.fmt.words.n_day);
    let age = match &r.resolved {
        None => ctx.say().request_open(&span),
        Some(_) => ctx.say().request_resolved(&span),
    };
    let asked = match r.asked.len() as u64 {
        0 | 1 => String::new(),
        n => ctx.say().asked(&ctx.fmt.count(n, ctx.t().n_time)),
    };
    RequestRow {
        id: r.id.clone(),
        date: ctx.fmt.date(r.opened),
        href: Route::Standup(r.opened).path(),
        name: ctx.name(&r.manager),
        manager_href: Route::Manager(r.manager.clone()).path(),
        kind: match r.kind {
            RequestKind::Help => ctx.t().request_help,
            RequestKind::Need => ctx.t().request_need,
        },
        text: r.text.clone(),
        age,
        asked,
        resolved: r.resolved.as_ref().map(|s| ResolvedRow {
            date: ctx.fmt.date(s.date),
            href: Route::Standup(s.date).path(),
            by: match s.by.as_deref() {
                None => String::new(),
                Some("head") => ctx.t().head_of_sales.to_string(),
                Some(id) => ctx.name(id),
            },
            note: s.note.clone(),
        }),
    }
}
