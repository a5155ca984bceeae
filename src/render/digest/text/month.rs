//! The month's verdict: attainment, pace, forecast, deals, and what the
//! rest of the month needs.

use super::super::facts::{Facts, MonthFacts, Remaining};
use super::super::{Block, Period, Span};
use super::{W, against_week, strong, text};
use crate::render::view::capitalised;

/// The month: attainment, pace, forecast, and what the rest of it needs.
pub(super) fn verdict(facts: &Facts, w: &W, out: &mut Vec<Block>) {
    let Some(m) = &facts.month else {
        out.push(Block::Line(vec![text(w.say.no_month_data())]));
        return;
    };
    out.push(Block::Line(revenue_line(facts, m, w)));
    out.push(Block::Line(vec![text(deals_line(m, w))]));
    if let Some(r) = &m.remaining {
        out.push(Block::Line(vec![text(remaining_line(r, w))]));
    }
}

/// "Ноябрь 2026: 95 % плана — 6 438 740 ₽ из 6 750 000 ₽, темп 100 %,
/// прогноз 6 777 621 ₽." (no pace or forecast once the month is closed).
fn revenue_line(facts: &Facts, m: &MonthFacts, w: &W) -> Vec<Span> {
    let name = capitalised(&w.fmt.month(m.month));
    let name = if m.closed {
        w.say.month_final(&name)
    } else {
        name
    };
    let mut line = Vec::new();
    match m.plan_revenue {
        Some(plan) => {
            line.push(strong(w.say.share_of_plan(&name, &w.pct(m.attainment))));
            line.push(text(
                w.say
                    .amount_of_plan(&w.fmt.money(m.revenue), &w.fmt.money(plan)),
            ));
        }
        None => line.push(text(w.say.without_plan(&name, &w.fmt.money(m.revenue)))),
    }
    if !m.closed {
        if let Some(pace) = m.pace {
            line.push(text(pace_part(facts, pace, w)));
        }
        if let Some(forecast) = m.forecast {
            line.push(text(w.say.forecast(&w.fmt.money(forecast))));
        }
    }
    line.push(text("."));
    line
}

/// ", темп 100 %", and in the week digest how the pace moved over the
/// week: " (▼ 2 п.п. к нед. 47)".
fn pace_part(facts: &Facts, pace: f64, w: &W) -> String {
    let mut part = w.say.pace(&w.pct(Some(pace)));
    if let (Some(week), Period::Week) = (&facts.week, facts.period) {
        if let (Some(now), Some(before), Some((prev, _, _))) =
            (week.pace, week.pace_before, week.previous)
        {
            part.push_str(&format!(
                " ({} {})",
                w.arrow(now - before, w.fmt.points((now - before).abs())),
                against_week(w, prev)
            ));
        }
    }
    part
}

/// "Сделки: 115 из 131 (88 %)."
fn deals_line(m: &MonthFacts, w: &W) -> String {
    let mut deals = format!("{}: {}", w.fmt.words.deals, m.deals);
    if let Some(plan) = m.plan_deals {
        deals.push_str(
            &w.say
                .count_of_plan(&w.fmt.number(plan, 0), &w.pct(m.attainment_deals)),
        );
    }
    deals.push('.');
    deals
}

/// What the rest of the month needs: the revenue, and when the plan says
/// so the deals in all and per week or working day.
fn remaining_line(r: &Remaining, w: &W) -> String {
    let left = w.left(r.left, r.unit);
    match (r.revenue, r.deals, r.deals_per_unit) {
        (Some(rev), _, _) if rev <= 0.0 => w.say.revenue_plan_met().to_string(),
        (Some(rev), Some(deals), Some(per)) => {
            w.say
                .remaining_deals(&left, &w.fmt.money(rev), &w.deals(deals), per, r.unit)
        }
        (rev, _, _) => w.say.remaining(&left, &w.money(rev)),
    }
}
