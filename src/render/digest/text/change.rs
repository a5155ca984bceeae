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
            None => w.pick("Планёрок ещё не было.", "No stand-up yet."),
        }),
    };
    if let Some(line) = line {
        out.push(Block::Line(vec![text(line)]));
    }
}

/// "Неделя 48: 1 614 180 ₽ (96 % плана недели), ▲ 2 % к нед. 47; сделок 29, ▲ 1."
fn week_line(week: &WeekFacts, w: &W) -> String {
    let mut line = format!(
        "{} {}: {}",
        w.pick("Неделя", "Week"),
        week.week.number(),
        w.fmt.money(week.revenue)
    );
    if week.attainment.is_some() {
        line.push_str(&format!(
            " ({} {})",
            w.pct(week.attainment),
            w.pick("плана недели", "of the week's plan")
        ));
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
    (!parts.is_empty()).then(|| {
        format!(
            "{} {}: {}.",
            w.pick(
                "Рост м/м в рабочий день",
                "Per working day, month over month"
            ),
            m.growth_against,
            parts.join(", ")
        )
    })
}

/// The day's stand-up: its length against the limit, video, reports and
/// requests, and its length against the stand-up before.
fn standup_line(s: &StandupFacts, w: &W) -> String {
    let minutes = |m: u64| format!("{m} {}", w.pick("мин", "min"));
    let mut line = format!(
        "{} {}: ",
        w.pick("Планёрка", "Stand-up"),
        w.fmt.date(s.date)
    );
    let mut parts = Vec::new();
    if let Some(d) = s.duration_min {
        parts.push(format!(
            "{} ({} {})",
            minutes(d),
            w.pick("норма", "limit"),
            s.limit
        ));
    }
    parts.push(if s.video {
        w.pick("с видео", "on video")
    } else {
        w.pick("без видео", "without video")
    });
    parts.push(format!(
        "{} {} {} {}",
        w.pick("отчитались", "reports from"),
        s.reported,
        w.pick("из", "of"),
        s.expected
    ));
    if s.requests > 0 {
        parts.push(format!(
            "{}: {}",
            w.pick("запросов на помощь", "requests for help"),
            s.requests
        ));
    }
    line.push_str(&parts.join(", "));
    if let (Some(now), Some((date, Some(before)))) = (s.duration_min, s.previous) {
        let delta = now as f64 - before as f64;
        let shown = w.arrow(delta, minutes(delta.abs() as u64));
        line.push_str(&format!(
            "; {shown} {} {}",
            w.pick("к", "vs"),
            w.fmt.date(date)
        ));
    }
    line.push('.');
    line
}
