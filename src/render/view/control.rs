//! The control points page, the one-to-ones page and the dashboard's
//! one-line summary of the checklist.

use crate::render::route::Route;
use serde::Serialize;

use super::{Ctx, Layout};
use crate::analytics::checklist::{Evidence, Phase, Status, phase_two_from, started};
use crate::locale::checklist as words;

#[derive(Debug, Serialize)]
pub struct ChecklistPage {
    pub layout: Layout,
    pub head: Option<String>,
    pub started: Option<String>,
    pub phase_two_from: Option<String>,
    pub summary: String,
    pub phases: Vec<PhaseView>,
    pub training: TrainingTable,
    pub manual: Vec<ManualView>,
}

#[derive(Debug, Serialize)]
pub struct PhaseView {
    pub title: &'static str,
    pub points: Vec<PointView>,
}

#[derive(Debug, Serialize)]
pub struct PointView {
    pub id: &'static str,
    pub title: &'static str,
    pub desired: &'static str,
    pub status: &'static str,
    pub status_label: &'static str,
    pub icon: &'static str,
    pub summary: String,
    pub evidence: Vec<super::period::Link>,
}

#[derive(Debug, Serialize)]
pub struct ManualView {
    /// The point's `label`, else its key with spaces for underscores.
    pub key: String,
    pub done: String,
    pub note: String,
}

/// Training formats counted per month and per manager.
#[derive(Debug, Serialize)]
pub struct TrainingTable {
    pub rows: Vec<TrainingRow>,
}

#[derive(Debug, Serialize)]
pub struct TrainingRow {
    pub label: String,
    pub href: Option<String>,
    pub is_team: bool,
    pub call_reviews: u64,
    pub case_reviews: u64,
    pub trainings: u64,
    pub roleplays: u64,
}

fn status_key(s: Status) -> (&'static str, &'static str) {
    match s {
        Status::Met => ("met", "✓"),
        Status::Partly => ("partly", "◐"),
        Status::NotMet => ("not_met", "✗"),
        Status::NoData => ("no_data", "?"),
    }
}

fn evidence_link(ctx: &Ctx, e: &Evidence) -> super::period::Link {
    use super::period::Link;
    match e {
        Evidence::Month(m) => Link {
            label: super::month_title(ctx, *m),
            href: Route::Month(*m).path(),
        },
        Evidence::Week(w) => Link {
            label: super::week_title(ctx, *w),
            href: Route::Week(*w).path(),
        },
        Evidence::Standup(d) => Link {
            label: format!("{} {}", ctx.t().standup, ctx.fmt.date(*d)),
            href: Route::Standup(*d).path(),
        },
        Evidence::Idp(slug) => Link {
            label: ctx
                .analytics
                .idps
                .iter()
                .find(|p| &p.slug == slug)
                .map_or_else(
                    || slug.clone(),
                    |p| format!("{} — {}", ctx.t().idp_short, ctx.name(&p.manager)),
                ),
            href: Route::Idp(slug.to_string()).path(),
        },
        Evidence::Page(slug) => Link {
            label: ctx
                .department
                .pages
                .iter()
                .find(|p| p.slug == *slug)
                .map_or_else(|| slug.clone(), |p| p.title.clone()),
            href: Route::Page(slug.to_string()).path(),
        },
        Evidence::Manager(id) => Link {
            label: ctx.name(id),
            href: Route::Manager(id.to_string()).path(),
        },
        Evidence::Standups => Link {
            label: ctx.t().standups_title.into(),
            href: Route::Standups.path(),
        },
        Evidence::Team => Link {
            label: ctx.t().assessment.into(),
            href: Route::Team.path(),
        },
        Evidence::OneOnOnes => Link {
            label: ctx.t().one_on_ones_title.into(),
            href: Route::OneOnOnes.path(),
        },
    }
}

/// "Точки контроля: выполнено 9 из 12".
pub fn summary_line(ctx: &Ctx) -> String {
    let points = &ctx.analytics.checklist;
    let met = points.iter().filter(|p| p.status == Status::Met).count();
    ctx.say().control_summary(met, points.len())
}

pub fn checklist(ctx: &Ctx) -> ChecklistPage {
    let locale = ctx.locale();
    let name = |id: &str| ctx.name(id);
    let point = |p: &crate::analytics::checklist::ControlPoint| {
        let (status, icon) = status_key(p.status);
        PointView {
            id: p.point.id(),
            title: words::title(locale, p.point),
            desired: words::desired(locale, p.point),
            status,
            status_label: words::status(locale, p.status),
            icon,
            summary: words::summary(p, &ctx.fmt, &name),
            evidence: p.evidence.iter().map(|e| evidence_link(ctx, e)).collect(),
        }
    };
    let phases = [
        (Phase::FirstMonths, ctx.t().phase_one),
        (Phase::FromMonthThree, ctx.t().phase_two),
    ]
    .into_iter()
    .map(|(phase, title)| PhaseView {
        title,
        points: ctx
            .analytics
            .checklist
            .iter()
            .filter(|p| p.point.phase() == phase)
            .map(point)
            .collect(),
    })
    .collect();
    let checklist = ctx.department.checklist.as_ref();
    ChecklistPage {
        layout: ctx.layout(&Route::Checklist, ctx.t().checklist_title.into()),
        head: checklist
            .and_then(|c| c.head.as_ref())
            .map(|h| h.name.clone()),
        started: started(ctx.department).map(|d| ctx.fmt.date(d)),
        phase_two_from: phase_two_from(ctx.department).map(|d| ctx.fmt.date(d)),
        summary: summary_line(ctx),
        phases,
        training: training(ctx),
        manual: checklist
            .map(|c| {
                c.manual
                    .iter()
                    .map(|(k, m)| ManualView {
                        key: match m.label.trim() {
                            "" => k.as_str().replace('_', " "),
                            label => label.to_string(),
                        },
                        done: ctx.fmt.date(m.done.0),
                        note: m.note.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The current month's training by manager, and every month's team total.
pub fn training(ctx: &Ctx) -> TrainingTable {
    let a = ctx.analytics;
    let mut rows = Vec::new();
    if let Some(m) = a.current_month.and_then(|m| a.month(m)) {
        for (id, t) in &m.manager_totals {
            let c = t.trainings;
            rows.push(TrainingRow {
                label: ctx.name(id),
                href: Some(Route::Manager(id.to_string()).path()),
                is_team: false,
                call_reviews: c.call_reviews,
                case_reviews: c.case_reviews,
                trainings: c.trainings,
                roleplays: c.roleplays,
            });
        }
    }
    for m in a.months.iter().rev() {
        let c = m.team_totals.trainings;
        rows.push(TrainingRow {
            label: super::month_title(ctx, m.month),
            href: Some(Route::Month(m.month).path()),
            is_team: true,
            call_reviews: c.call_reviews,
            case_reviews: c.case_reviews,
            trainings: c.trainings,
            roleplays: c.roleplays,
        });
    }
    TrainingTable { rows }
}

#[derive(Debug, Serialize)]
pub struct OneOnOnesPage {
    pub layout: Layout,
    pub weeks: u32,
    pub rows: Vec<OneOnOneRow>,
    pub talks: Vec<TalkView>,
}

#[derive(Debug, Serialize)]
pub struct OneOnOneRow {
    pub name: String,
    pub href: String,
    pub last: String,
    pub ago: String,
    pub overdue: bool,
    pub count: usize,
    /// Moods oldest first, as words.
    pub moods: Vec<MoodView>,
}

#[derive(Debug, Serialize)]
pub struct MoodView {
    pub key: &'static str,
    pub label: &'static str,
}

#[derive(Debug, Serialize)]
pub struct TalkView {
    pub date: String,
    pub name: String,
    pub topic: String,
    pub mood: Option<MoodView>,
    pub body: String,
}

fn mood(ctx: &Ctx, m: crate::domain::Mood) -> MoodView {
    use crate::domain::Mood;
    let key = match m {
        Mood::Good => "good",
        Mood::Neutral => "neutral",
        Mood::Tense => "tense",
    };
    MoodView {
        key,
        label: match m {
            Mood::Good => ctx.t().mood_good,
            Mood::Neutral => ctx.t().mood_neutral,
            Mood::Tense => ctx.t().mood_tense,
        },
    }
}

pub fn one_on_ones(ctx: &Ctx) -> OneOnOnesPage {
    let a = ctx.analytics;
    let overdue = crate::analytics::checklist::one_on_ones_overdue(ctx.department, a.as_of)
        .unwrap_or_default();
    let mut talks: Vec<_> = ctx.department.one_on_ones.iter().collect();
    talks.sort_by(|x, y| (x.date, &x.manager).cmp(&(y.date, &y.manager)));
    let rows = ctx
        .department
        .team
        .managers
        .iter()
        .filter(|m| m.active_on(a.as_of))
        .map(|m| {
            let mine: Vec<_> = talks.iter().filter(|t| t.manager == m.id()).collect();
            let last = mine.last().map(|t| t.date);
            OneOnOneRow {
                name: m.name.clone(),
                href: Route::Manager(m.id().to_string()).path(),
                last: last.map_or_else(|| "—".into(), |d| ctx.fmt.date(d)),
                ago: last.map_or_else(String::new, |d| {
                    super::practice::days_ago(ctx, (a.as_of - d).num_days())
                }),
                overdue: overdue.iter().any(|o| o == m.id()),
                count: mine.len(),
                moods: mine
                    .iter()
                    .filter_map(|t| t.mood)
                    .map(|x| mood(ctx, x))
                    .collect(),
            }
        })
        .collect();
    OneOnOnesPage {
        layout: ctx.layout(&Route::OneOnOnes, ctx.t().one_on_ones_title.into()),
        weeks: ctx.department.config.thresholds.one_on_one_weeks,
        rows,
        talks: talks
            .iter()
            .rev()
            .map(|t| TalkView {
                date: ctx.fmt.date(t.date),
                name: ctx.name(&t.manager),
                topic: t.topic.clone(),
                mood: t.mood.map(|x| mood(ctx, x)),
                body: crate::render::markdown::to_html(&t.body),
            })
            .collect(),
    }
}
