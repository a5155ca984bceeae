//! A ratio over time — a manager's meeting→deal conversion week by week —
//! with the team's as a thin reference line. The axis starts at zero so a
//! small wobble does not look like a collapse.

use super::canvas::{Canvas, render};
use super::frame::Columns;
use super::legend::{LEGEND_GAP, Swatch, legend};
use super::style::{Role, Variant};
use super::{Chart, Root, responsive, say};
use crate::locale::format::Formatter;

/// One period of the trend.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// Names the period in the title ("нед. 48").
    pub label: String,
    /// Written under the axis; repeats are shown once.
    pub tick: String,
    pub value: Option<f64>,
    pub reference: Option<f64>,
}

/// The series and what they are.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// The ratio's name ("Консультация → оплата").
    pub metric: String,
    /// Whose it is (the manager) and what it is compared with (the team).
    pub name: String,
    pub reference_name: String,
    pub points: Vec<TrendPoint>,
}

/// Draws the trend.
pub fn conversion(id: &str, fmt: &Formatter, data: &Trend) -> Chart {
    responsive(id, title(fmt, data), summary(fmt, data), |v, root| {
        draw(fmt, data, v, root)
    })
}

fn title(fmt: &Formatter, d: &Trend) -> String {
    let known: Vec<&TrendPoint> = d.points.iter().filter(|p| p.value.is_some()).collect();
    let pct = |v: Option<f64>| v.map_or_else(|| "—".into(), |v| fmt.percent(v, 0));
    let (Some(first), Some(last)) = (known.first(), known.last()) else {
        return format!("{}: {}", d.metric, fmt.words.no_data);
    };
    let mut text = say(fmt).conversion_latest(
        &d.metric,
        &pct(last.value),
        &last.label,
        &pct(last.reference),
    );
    if known.len() > 1 {
        text.push_str(&format!("; {}: {}", first.label, pct(first.value)));
    }
    text
}

fn summary(fmt: &Formatter, d: &Trend) -> String {
    let pct = |v: Option<f64>| v.map_or_else(|| "—".into(), |v| fmt.percent(v, 0));
    let parts: Vec<String> = d
        .points
        .iter()
        .map(|p| {
            format!(
                "{}: {} ({} {})",
                p.label,
                pct(p.value),
                d.reference_name.to_lowercase(),
                pct(p.reference)
            )
        })
        .collect();
    format!("{}.", parts.join("; "))
}

/// Polylines through consecutive known points; a gap breaks the line.
fn runs(c: &Canvas, f: &Columns, values: &[Option<f64>], role: Role, width: u32) {
    let mut run = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => run.push((f.center(i), f.y.px(*v))),
            None => c.line(std::mem::take(&mut run), role, width),
        }
    }
    c.line(run, role, width);
}

fn draw(fmt: &Formatter, d: &Trend, v: Variant, root: &Root) -> String {
    let width = v.width();
    let height = if v == Variant::Wide { 280 } else { 260 };
    render(root, (width, height), |c| {
        let items = [
            (Swatch::Line(Role::Actual), d.name.clone()),
            (Swatch::Line(Role::Muted), d.reference_name.clone()),
        ];
        let top = legend(c, &items, (0, 0), width) + LEGEND_GAP;
        let max = d
            .points
            .iter()
            .flat_map(|p| [p.value, p.reference])
            .flatten()
            .fold(0.0, f64::max);
        let ticks: Vec<String> = d.points.iter().map(|p| p.tick.clone()).collect();
        let f = Columns::draw(c, top, max, &|x| fmt.percent(x, 0), &ticks);
        let reference: Vec<Option<f64>> = d.points.iter().map(|p| p.reference).collect();
        let values: Vec<Option<f64>> = d.points.iter().map(|p| p.value).collect();
        runs(c, &f, &reference, Role::Muted, 2);
        runs(c, &f, &values, Role::Actual, 3);
        // Dots only while there is room for them; a lone point needs one to be seen.
        let lone = |i: usize| {
            let before = i.checked_sub(1).and_then(|j| values[j]);
            let after = values.get(i + 1).copied().flatten();
            before.is_none() && after.is_none()
        };
        for (i, value) in values.iter().enumerate() {
            if let Some(value) = value {
                if f.slot_width() >= 14.0 || lone(i) {
                    c.dot((f.center(i), f.y.px(*value)), 3, Role::Actual);
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;

    #[test]
    fn title_compares_the_latest_with_the_team_and_the_start() {
        let point = |w: u32, v: Option<f64>, r: f64| TrendPoint {
            label: format!("нед.\u{a0}{w}"),
            tick: format!("нед.\u{a0}{w}"),
            value: v,
            reference: Some(r),
        };
        let trend = Trend {
            metric: "Консультация → оплата".into(),
            name: "Пётр Сидоров".into(),
            reference_name: "Отдел".into(),
            points: vec![
                point(46, Some(0.28), 0.4),
                point(47, None, 0.38),
                point(48, Some(0.21), 0.37),
            ],
        };
        let fmt = Formatter::new(Locale::Ru, "₽");
        let c = conversion("t", &fmt, &trend);
        assert_eq!(
            c.title,
            "Консультация → оплата: 21\u{a0}% (нед.\u{a0}48), у отдела 37\u{a0}%; нед.\u{a0}46: 28\u{a0}%"
        );
        assert!(
            c.summary.contains("нед.\u{a0}47: — (отдел 38\u{a0}%)"),
            "{}",
            c.summary
        );
    }
}
