//! A sparkline: the shape of the last weeks in a KPI card or a table row.
//! No axes and no text inside; the title and summary carry the numbers.
//! One drawing only: it is sized in `rem` by style.css, not by the page width.

use super::canvas::render;
use super::markup::Root;
use super::style::Role;
use super::{Chart, say};
use crate::locale::format::Formatter;

/// One week of the line.
#[derive(Debug, Clone, PartialEq)]
pub struct SparkPoint {
    pub label: String,
    pub value: Option<f64>,
}

const WIDTH: i32 = 120;
const HEIGHT: i32 = 32;

/// Draws `points` (oldest first) of the money metric `what` ("Выручка").
pub fn sparkline(id: &str, fmt: &Formatter, what: &str, points: &[SparkPoint]) -> Chart {
    let known: Vec<(&str, f64)> = points
        .iter()
        .filter_map(|p| p.value.map(|v| (p.label.as_str(), v)))
        .collect();
    let title = match (known.first(), known.last()) {
        // The scale too: the line alone does not say whether it moved 3 % or 50 %.
        (Some(first), Some(last)) => say(fmt).spark_title(
            what,
            points.len() as u64,
            &format!(
                "{} → {}",
                fmt.money_compact(first.1),
                fmt.money_compact(last.1)
            ),
            (
                &fmt.money_compact(low(&known)),
                &fmt.money_compact(high(&known)),
            ),
        ),
        _ => format!("{what}: {}", fmt.words.no_data),
    };
    let summary = points
        .iter()
        .map(|p| {
            let v = p.value.map_or_else(|| "—".into(), |v| fmt.money(v));
            format!("{}: {v}", p.label)
        })
        .collect::<Vec<_>>()
        .join("; ");
    let described_by = format!("{id}-d");
    let root = Root {
        id,
        class: "spark",
        title: &title,
        summary: Some(&summary),
        described_by: &described_by,
    };
    let svg = render(&root, (WIDTH, HEIGHT), |c| {
        let max = known.iter().map(|(_, v)| *v).fold(0.0, f64::max);
        let min = known.iter().map(|(_, v)| *v).fold(max, f64::min);
        // The shape is the point of a sparkline, but a 3 % wobble must not
        // look like a collapse: the bottom is never above half the maximum.
        let low = min.min(max / 2.0);
        let n = points.len().max(2) - 1;
        let y = |v: f64| {
            let t = if max > low {
                (v - low) / (max - low)
            } else {
                0.5
            };
            (f64::from(HEIGHT - 3) - t * f64::from(HEIGHT - 7)).round() as i32
        };
        let x = |i: usize| (4.0 + i as f64 * f64::from(WIDTH - 8) / n as f64).round() as i32;
        let mut run = Vec::new();
        for (i, p) in points.iter().enumerate() {
            match p.value {
                Some(v) => run.push((x(i), y(v))),
                None => c.line(std::mem::take(&mut run), Role::Actual, 2),
            }
        }
        if let Some(&last) = run.last() {
            c.dot(last, 3, Role::Actual);
        }
        c.line(run, Role::Actual, 2);
    });
    Chart {
        svg,
        title,
        summary,
    }
}

fn low(known: &[(&str, f64)]) -> f64 {
    known.iter().map(|(_, v)| *v).fold(f64::INFINITY, f64::min)
}

fn high(known: &[(&str, f64)]) -> f64 {
    known
        .iter()
        .map(|(_, v)| *v)
        .fold(f64::NEG_INFINITY, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;

    #[test]
    fn title_gives_first_and_last() {
        let points: Vec<SparkPoint> = [Some(1_200_000.0), None, Some(1_550_000.0)]
            .into_iter()
            .enumerate()
            .map(|(i, v)| SparkPoint {
                label: format!("нед. {}", 46 + i),
                value: v,
            })
            .collect();
        let fmt = Formatter::new(Locale::Ru, "₽");
        let c = sparkline("s", &fmt, "Выручка", &points);
        assert_eq!(
            c.title,
            "Выручка за 3 недели: 1,2\u{a0}млн\u{a0}₽ → 1,6\u{a0}млн\u{a0}₽ (от 1,2\u{a0}млн\u{a0}₽ до 1,6\u{a0}млн\u{a0}₽)"
        );
        assert!(c.summary.contains("нед. 47: —"));
        assert!(c.svg.starts_with("<svg viewBox=\"0 0 120 32\""));
        assert!(c.svg.contains("class=\"spark\""));
    }
}
