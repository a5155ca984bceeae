//! The current month so far: cumulative revenue period by period (its
//! weeks, and its parts of weeks split with a neighbouring month) against
//! the plan line (0 at the start of the month, rising with its working days
//! to the full plan at its end) and the forecast line to the month's end.

use super::canvas::render;
use super::frame::Columns;
use super::legend::{LEGEND_GAP, Swatch, legend};
use super::style::{Role, Variant};
use super::{Chart, Root, responsive, say};
use crate::locale::format::Formatter;

/// The month, as the view computed it from `Analytics`.
#[derive(Debug, Clone, PartialEq)]
pub struct Cumulative {
    /// Every period of the month, in order.
    pub weeks: Vec<String>,
    /// Revenue since the start of the month at the end of each period;
    /// `None` for a period without a file. Same length as `weeks`.
    pub actual: Vec<Option<f64>>,
    /// The full monthly plan.
    pub plan: Option<f64>,
    /// The plan due by the end of each period (by working days). Same
    /// length as `weeks` when there is a plan.
    pub plan_due: Vec<f64>,
    pub pace: Option<f64>,
    pub attainment: Option<f64>,
    pub forecast: Option<f64>,
    /// The month is over: the result, no forecast.
    pub closed: bool,
}

/// Draws the month.
pub fn cumulative(id: &str, fmt: &Formatter, data: &Cumulative) -> Chart {
    responsive(id, title(fmt, data), summary(fmt, data), |v, root| {
        draw(fmt, data, v, root)
    })
}

fn latest(data: &Cumulative) -> Option<(usize, f64)> {
    data.actual
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, a)| a.map(|a| (i, a)))
}

fn title(fmt: &Formatter, d: &Cumulative) -> String {
    let revenue = latest(d).map_or(0.0, |(_, a)| a);
    let m = |v: f64| fmt.money_compact(v);
    let pct = |v: Option<f64>| v.map_or_else(|| "—".into(), |v| fmt.percent(v, 0));
    let head = fmt.words.revenue;
    match (d.plan, d.closed) {
        (Some(plan), true) => {
            say(fmt).month_result(head, &pct(d.attainment), &m(revenue), &m(plan))
        }
        (Some(plan), false) => {
            let forecast = d.forecast.map_or_else(|| "—".into(), m);
            say(fmt).month_pace(head, &pct(d.pace), &forecast, &m(plan))
        }
        (None, _) => format!("{head}: {}; {}", m(revenue), fmt.words.no_plan),
    }
}

fn summary(fmt: &Formatter, d: &Cumulative) -> String {
    let weeks: Vec<String> = d
        .weeks
        .iter()
        .zip(&d.actual)
        .enumerate()
        .map(|(i, (w, a))| {
            let actual = a.map_or_else(|| fmt.words.no_data.to_string(), |a| fmt.money(a));
            match d.plan_due.get(i) {
                Some(due) => {
                    let due = fmt.money(*due);
                    say(fmt).week_against_plan(w, &actual, &due)
                }
                None => format!("{w}: {actual}"),
            }
        })
        .collect();
    let mut text = weeks.join("; ");
    if let (Some(f), false) = (d.forecast, d.closed) {
        text.push_str(&say(fmt).forecast_tail(&fmt.money(f)));
    }
    if let Some(p) = d.plan {
        text.push_str(&say(fmt).plan_tail(&fmt.money(p)));
    }
    text.push('.');
    text
}

fn draw(fmt: &Formatter, d: &Cumulative, v: Variant, root: &Root) -> String {
    let width = v.width();
    let height = if v == Variant::Wide { 300 } else { 280 };
    render(root, (width, height), |c| {
        let forecast = d.forecast.filter(|_| !d.closed);
        let mut items = vec![(Swatch::Line(Role::Actual), fmt.words.actual.to_string())];
        if d.plan.is_some() {
            items.push((Swatch::Line(Role::Plan), fmt.words.plan.to_string()));
        }
        if forecast.is_some() {
            items.push((
                Swatch::Line(Role::Forecast),
                fmt.words.forecast_short.to_string(),
            ));
        }
        let top = legend(c, &items, (0, 0), width) + LEGEND_GAP;
        let max = d
            .actual
            .iter()
            .flatten()
            .copied()
            .chain(d.plan)
            .chain(forecast)
            .fold(0.0, f64::max);
        let f = Columns::draw(c, top, max, &|m| fmt.money_compact(m), &d.weeks);
        let n = d.weeks.len();
        // A period's total is reached at its end: the right edge of its slot.
        let start = (f.x0, f.y.px(0.0));
        if d.plan.is_some() && d.plan_due.len() == n {
            let due = d
                .plan_due
                .iter()
                .enumerate()
                .map(|(i, p)| (f.slot(i).1, f.y.px(*p)));
            c.line(std::iter::once(start).chain(due).collect(), Role::Plan, 2);
        }
        let points: Vec<(i32, i32)> = std::iter::once(start)
            .chain(
                d.actual
                    .iter()
                    .enumerate()
                    .filter_map(|(i, a)| a.map(|a| (f.slot(i).1, f.y.px(a)))),
            )
            .collect();
        if let (Some(fc), Some((i, a))) = (forecast, latest(d)) {
            if i + 1 < n {
                let from = (f.slot(i).1, f.y.px(a));
                c.line(vec![from, (f.x1, f.y.px(fc))], Role::Forecast, 2);
                c.dot((f.x1, f.y.px(fc)), 4, Role::Forecast);
            }
        }
        c.line(points.clone(), Role::Actual, 3);
        for p in points.into_iter().skip(1) {
            c.dot(p, 4, Role::Actual);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;

    fn month(closed: bool) -> Cumulative {
        Cumulative {
            weeks: [
                "нед.\u{a0}45",
                "нед.\u{a0}46",
                "нед.\u{a0}47",
                "нед.\u{a0}48",
            ]
            .map(String::from)
            .to_vec(),
            actual: if closed {
                vec![Some(1.5e6), Some(3.1e6), Some(4.8e6), Some(6_438_740.0)]
            } else {
                vec![Some(1.5e6), Some(3.1e6), None, None]
            },
            plan: Some(6_750_000.0),
            plan_due: vec![1_350_000.0, 3_037_500.0, 4_725_000.0, 6_750_000.0],
            pace: Some(if closed { 0.9539 } else { 0.9185 }),
            attainment: Some(if closed { 0.9539 } else { 0.4593 }),
            forecast: Some(if closed { 6_438_740.0 } else { 6_200_000.0 }),
            closed,
        }
    }

    #[test]
    fn title_states_pace_and_forecast_while_the_month_runs() {
        let fmt = Formatter::new(Locale::Ru, "₽");
        let c = cumulative("c", &fmt, &month(false));
        assert_eq!(
            c.title,
            "Выручка: темп 92\u{a0}% плана; прогноз 6,2\u{a0}млн\u{a0}₽ из 6,8\u{a0}млн\u{a0}₽"
        );
        assert!(c.summary.contains(&fmt.money(6_200_000.0)));
        assert!(c.summary.contains(&fmt.money(3_100_000.0)));
        assert!(c.svg.contains("l-forecast"));
    }

    #[test]
    fn a_complete_month_states_the_result() {
        let fmt = Formatter::new(Locale::Ru, "₽");
        let c = cumulative("c", &fmt, &month(true));
        assert_eq!(
            c.title,
            "Выручка: 95\u{a0}% плана (6,4\u{a0}млн\u{a0}₽ из 6,8\u{a0}млн\u{a0}₽)"
        );
        assert!(
            !c.svg.contains("l-forecast"),
            "no forecast for a closed month"
        );
        let en = Formatter::new(Locale::En, "$");
        let c = cumulative("c", &en, &month(true));
        assert_eq!(c.title, "Revenue: 95% of plan ($6.4M of $6.8M)");
    }
}
