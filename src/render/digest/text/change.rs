//! What changed since the previous period: the week against the week
//! before, the month's growth per working day, or the day's stand-up
//! against the one before.

use super::super::facts::{Facts, MonthFacts, StandupFacts, WeekFacts};
use super::super::{Block, Period};
use super::{W, against_week, text};

/// What changed since the previous period, and against what.
pub(super) fn period_change(facts: &Facts, w: &W, out: &mut Vec<Block>) {
    let line = match facts.period {
        Period::Week => facts.week.as_ref().map(|week| week_line(week, w)),
        Period::Month => facts.month.as_ref().and_then(|m| growth_line(m, w)),
        Period::Day => Some(match &facts.standup {
            Some(s) => standup_line(s, w),
            None => w.say.no_standup_yet().to_string(),
        }),
    };
    if let Some(line) = line {
        out.push(Block::Line(vec![text(line)]));
    }
}

/// "Неделя 48: 1 614 180 ₽ (96 % плана недели), ▲ 2 % к нед. 47; сделок 29, ▲ 1."
fn week_line(week: &WeekFacts, w: &W) -> String {
    let mut line = w
        .say
        .week_revenue(week.week.number(), &w.fmt.money(week.revenue));
    if week.attainment.is_some() {
        line.push_str(&w.say.of_week_plan(&w.pct(week.attainment)));
    }
    match week.previous {
        Some((prev, revenue, deals)) => {
            if let Some(change) = w.change(week.revenue, revenue) {
                line.push_str(&format!(", {change} {}", against_week(w, prev)));
            }
            let delta = week.deals as f64 - deals as f64;
            line.push_str(&format!(
                "; {} {}, {}.",
                w.fmt.words.deal.many,
                week.deals,
                w.arrow(delta, w.fmt.number(delta.abs(), 0))
            ));
        }
        None => line.push_str(&format!("; {} {}.", w.fmt.words.deal.many, week.deals)),
    }
    line
}

/// The month's growth per working day against the month before, in
/// revenue and deals; `None` when neither is known.
fn growth_line(m: &MonthFacts, w: &W) -> Option<String> {
    let growth = |g: Option<f64>| g.map(|g| w.arrow(g, w.fmt.percent(g.abs(), 0)));
    let name = |n: &str| crate::locale::labels::lower_first(n);
    let parts: Vec<String> = [
        growth(m.mom_growth).map(|g| format!("{} {g}", name(w.fmt.words.revenue))),
        growth(m.mom_growth_deals).map(|g| format!("{} {g}", name(w.fmt.words.deals))),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| w.say.growth(&m.growth_against, &parts.join(", ")))
}

/// The day's stand-up: its length against the limit, video, reports and
/// requests, and its length against the stand-up before.
fn standup_line(s: &StandupFacts, w: &W) -> String {
    let minutes = |m: u64| w.say.minutes(m);
    let mut line = w.say.standup_on(&w.fmt.date(s.date));
    let mut parts = Vec::new();
    if let Some(d) = s.duration_min {
        parts.push(w.say.duration(&minutes(d), s.limit));
    }
    parts.push(w.say.video(s.video).to_string());
    parts.push(w.say.reported(s.reported, s.expected));
    if s.requests > 0 {
        parts.push(w.say.requests(s.requests));
    }
    line.push_str(&parts.join(", "));
    if let (Some(now), Some((date, Some(before)))) = (s.duration_min, s.previous) {
        let delta = now as f64 - before as f64;
        let shown = w.arrow(delta, minutes(delta.abs() as u64));
        line.push_str(&w.say.against_date(&shown, &w.fmt.date(date)));
    }
    line.push('.');
    line
}
