//! Revenue against plan, period by period: a bar for the actual, a grey
//! dashed step line for the plan, a dashed orange outline up to the forecast
//! of a period still running. The dashboard's months and a manager's weeks.

use super::canvas::{Canvas, render};
use super::frame::Columns;
use super::legend::{LEGEND_GAP, Swatch, legend};
use super::style::{Role, Variant};
use super::{Chart, Root, responsive, say};
use crate::locale::format::Formatter;

/// What one bar stands for: it names the periods in the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month,
    Week,
}

/// One period's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodBar {
    /// Names the period in the title and summary ("нояб. 26", "нед. 48").
    pub label: String,
    /// Written under the bar; repeats are shown once, so a long weekly
    /// series can be labelled by month.
    pub tick: String,
    pub actual: f64,
    pub plan: Option<f64>,
    /// The period-end forecast while the period is still running.
    pub forecast: Option<f64>,
}

/// Below this many pixels per period, bars become one stepped area: gaps
/// would be sub-pixel, and 156 `<rect>`s cost more bytes than one polygon.
const MIN_BAR_SLOT: f64 = 5.0;

/// Draws `bars` (oldest first).
pub fn plan_bars(id: &str, fmt: &Formatter, period: Period, bars: &[PeriodBar]) -> Chart {
    responsive(
        id,
        title(fmt, period, bars),
        summary(fmt, bars),
        |v, root| draw(fmt, bars, v, root),
    )
}

fn title(fmt: &Formatter, period: Period, bars: &[PeriodBar]) -> String {
    let closed: Vec<&PeriodBar> = bars
        .iter()
        .filter(|b| b.plan.is_some() && b.forecast.is_none())
        .collect();
    let n = closed.len();
    let met = closed
        .iter()
        .filter(|b| b.plan.is_some_and(|p| b.actual >= p))
        .count();
    let pct = |a: f64, p: f64| fmt.percent(a / p, 0);
    let last = bars
        .last()
        .map(|b| match (b.plan.filter(|p| *p > 0.0), b.forecast) {
            (Some(p), Some(f)) => say(fmt).forecast_of_plan(&b.label, &pct(f, p)),
            (Some(p), None) => say(fmt).share_of_plan(&b.label, &pct(b.actual, p)),
            (None, _) => format!(
                "{}: {}, {}",
                b.label,
                fmt.money(b.actual),
                fmt.words.no_plan
            ),
        });
    let met_text = (n > 0).then(|| say(fmt).plan_met_in(met, n, period));
    let head = fmt.words.revenue;
    let parts: Vec<String> = met_text.into_iter().chain(last).collect();
    format!("{head}: {}", parts.join("; "))
}

fn summary(fmt: &Formatter, bars: &[PeriodBar]) -> String {
    let total: f64 = bars.iter().map(|b| b.actual).sum();
    let planned: Vec<&PeriodBar> = bars.iter().filter(|b| b.plan.is_some()).collect();
    let plan_total: f64 = planned.iter().filter_map(|b| b.plan).sum();
    let max = bars.iter().max_by(|a, b| a.actual.total_cmp(&b.actual));
    let min = bars.iter().min_by(|a, b| a.actual.total_cmp(&b.actual));
    let (Some(max), Some(min)) = (max, min) else {
        return String::new();
    };
    let plan = if planned.is_empty() {
        String::new()
    } else {
        say(fmt).against_plan(&fmt.money(plan_total))
    };
    let span = format!("{} – {}", bars[0].label, bars[bars.len() - 1].label);
    let (max, min) = (
        format!("{} ({})", fmt.money(max.actual), max.label),
        format!("{} ({})", fmt.money(min.actual), min.label),
    );
    say(fmt).bars_summary(&span, &fmt.money(total), &plan, &max, &min)
}

fn draw(fmt: &Formatter, bars: &[PeriodBar], v: Variant, root: &Root) -> String {
    let width = v.width();
    let height = if v == Variant::Wide { 300 } else { 280 };
    render(root, (width, height), |c| {
        let mut items = vec![
            (Swatch::Bar(Role::Actual, 1.0), fmt.words.actual.to_string()),
            (Swatch::Line(Role::Plan), fmt.words.plan.to_string()),
        ];
        if bars.iter().any(|b| b.forecast.is_some()) {
            items.push((
                Swatch::Line(Role::Forecast),
                fmt.words.forecast_short.to_string(),
            ));
        }
        let top = legend(c, &items, (0, 0), width) + LEGEND_GAP;
        let max = bars
            .iter()
            .flat_map(|b| [Some(b.actual), b.plan, b.forecast])
            .flatten()
            .fold(0.0, f64::max);
        let ticks: Vec<String> = bars.iter().map(|b| b.tick.clone()).collect();
        let frame = Columns::draw(c, top, max, &|m| fmt.money_compact(m), &ticks);
        actual_marks(c, &frame, bars);
        plan_line(c, &frame, bars);
    })
}

fn actual_marks(c: &Canvas, f: &Columns, bars: &[PeriodBar]) {
    let zero = f.y.px(0.0);
    if f.slot_width() < MIN_BAR_SLOT {
        let mut points = vec![(f.x0, zero)];
        for (i, b) in bars.iter().enumerate() {
            let (a, e) = f.slot(i);
            let y = f.y.px(b.actual);
            points.extend([(a, y), (e, y)]);
        }
        points.push((f.x1, zero));
        c.area(points, Role::Actual);
    } else {
        for (i, b) in bars.iter().enumerate() {
            let (a, e) = f.bar(i);
            c.rect((a, zero), (e, f.y.px(b.actual)), Role::Actual, 1.0);
        }
    }
    for (i, b) in bars.iter().enumerate() {
        if let Some(fc) = b.forecast.filter(|fc| *fc > b.actual) {
            let (a, e) = f.bar(i);
            c.frame((a, f.y.px(b.actual)), (e, f.y.px(fc)), Role::Forecast, 2);
        }
    }
}

/// One dashed step line through every period with a plan; a period
/// without one breaks it.
fn plan_line(c: &Canvas, f: &Columns, bars: &[PeriodBar]) {
    let mut run: Vec<(i32, i32)> = Vec::new();
    for (i, b) in bars.iter().enumerate() {
        match b.plan {
            Some(p) => {
                let (a, e) = f.slot(i);
                let y = f.y.px(p);
                // The same plan as the period before continues its segment.
                if run.last() == Some(&(a, y)) {
                    run.pop();
                    run.push((e, y));
                } else {
                    run.extend([(a, y), (e, y)]);
                }
            }
            None => c.line(std::mem::take(&mut run), Role::Plan, 2),
        }
    }
    c.line(run, Role::Plan, 2);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;

    fn bars() -> Vec<PeriodBar> {
        vec![
            PeriodBar {
                label: "сент. 26".into(),
                tick: "сент. 26".into(),
                actual: 5_600_000.0,
                plan: Some(5_500_000.0),
                forecast: None,
            },
            PeriodBar {
                label: "окт. 26".into(),
                tick: "окт. 26".into(),
                actual: 6_100_000.0,
                plan: Some(6_500_000.0),
                forecast: None,
            },
            PeriodBar {
                label: "нояб. 26".into(),
                tick: "нояб. 26".into(),
                actual: 3_200_000.0,
                plan: Some(6_750_000.0),
                forecast: Some(6_400_000.0),
            },
        ]
    }

    #[test]
    fn title_and_summary_carry_the_inputs() {
        let fmt = Formatter::new(Locale::Ru, "₽");
        let chart = plan_bars("m", &fmt, Period::Month, &bars());
        assert_eq!(
            chart.title,
            "Выручка: план выполнен в 1 из 2 месяцев; нояб. 26: прогноз 95\u{a0}% плана"
        );
        assert!(
            chart.summary.contains(&fmt.money(14_900_000.0)),
            "{}",
            chart.summary
        );
        assert!(chart.summary.contains(&fmt.money(18_750_000.0)));
        let en = Formatter::new(Locale::En, "$");
        let chart = plan_bars("m", &en, Period::Month, &bars()[..2]);
        assert_eq!(
            chart.title,
            "Revenue: plan met in 1 of 2 months; окт. 26: 94% of plan"
        );
    }

    #[test]
    fn thin_slots_become_one_area() {
        let fmt = Formatter::new(Locale::Ru, "₽");
        let many: Vec<PeriodBar> = (0..156)
            .map(|i| PeriodBar {
                label: format!("нед. {i}"),
                tick: format!("{}", i / 4),
                actual: 100_000.0 + f64::from(i) * 1000.0,
                plan: Some(150_000.0),
                forecast: None,
            })
            .collect();
        let chart = plan_bars("w", &fmt, Period::Week, &many);
        assert_eq!(
            chart.svg.matches("<rect").count(),
            2,
            "only the legend swatches"
        );
        assert!(chart.svg.contains("<polygon"));
    }
}
