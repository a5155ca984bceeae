//! Charts: plain data in (labels and numbers, built by the view from
//! `Analytics`), a [`Chart`] out — an inline SVG drawn with plotters, a
//! title that states the finding, and a summary with the numbers.
//!
//! plotters draws on a backend of our own (`backend.rs`) that writes the
//! SVG the site needs (`markup.rs`: classes for roles, accessible roots)
//! and measures Cyrillic labels; its chart builder and mesh draw the
//! frames' axes (`frame.rs`, `coord.rs`) as laid out by `axis.rs`.
//!
//! Every chart is drawn twice, 720 and 360 px wide (`style::Variant`); the page
//! shows the one that fits, so labels stay readable on a phone. Output is
//! deterministic: integer pixel coordinates, no maps, no clock.

mod axis;
mod backend;
mod canvas;
mod coord;
mod frame;
mod legend;
mod markup;
mod style;

mod attainment;
mod conversion;
mod cumulative;
mod funnel;
mod leads;
mod plan_bars;
mod sparkline;
mod standup;

use serde::Serialize;

pub use attainment::{ManagerValue, attainment};
pub use conversion::{Trend, TrendPoint, conversion};
pub use cumulative::{Cumulative, cumulative};
pub use funnel::{FunnelRow, funnel};
pub use leads::{LeadsRow, leads};
pub use plan_bars::{Period, PeriodBar, plan_bars};
pub use sparkline::{SparkPoint, sparkline};
pub use standup::{DEFAULT_LIMIT_MINUTES, StandupDay, standup_durations};

use markup::Root;
use style::Variant;

/// A drawn chart, ready to place in a page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// Trusted markup (every label inside is XML-escaped): one `<svg>` per
    /// variant, each with `role="img"` and a `<title>` with [`Chart::title`].
    pub svg: String,
    /// The finding, in words and numbers ("Выручка: 95 % плана; …").
    pub title: String,
    /// The numbers behind it, in a sentence or two.
    pub summary: String,
}

/// Nanoseconds spent drawing charts since the last [`take_drawing_time`]:
/// a measurement for `build --verbose` and the benchmark, summed over threads.
static DRAWING_NANOS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Time spent drawing charts (CPU time over all threads), and resets it.
pub fn take_drawing_time() -> std::time::Duration {
    std::time::Duration::from_nanos(DRAWING_NANOS.swap(0, std::sync::atomic::Ordering::Relaxed))
}

/// Draws both variants and wraps them for the page: `draw` gets the
/// variant to lay out and the root its `<svg>` must carry.
fn responsive(
    id: &str,
    title: String,
    summary: String,
    draw: impl Fn(Variant, &Root) -> String,
) -> Chart {
    responsive_shared(id, title, summary, || (), |(), v, root| draw(v, root))
}

/// [`responsive`] for a chart whose two drawings share work, such as the
/// labels of 40 rows: `shared` runs once, and is timed with the drawing.
fn responsive_shared<S>(
    id: &str,
    title: String,
    summary: String,
    shared: impl FnOnce() -> S,
    draw: impl Fn(&S, Variant, &Root) -> String,
) -> Chart {
    let started = std::time::Instant::now();
    let shared = shared();
    let chart = responsive_untimed(id, title, summary, |v, root| draw(&shared, v, root));
    let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
    DRAWING_NANOS.fetch_add(nanos, std::sync::atomic::Ordering::Relaxed);
    chart
}

fn responsive_untimed(
    id: &str,
    title: String,
    summary: String,
    draw: impl Fn(Variant, &Root) -> String,
) -> Chart {
    // One <desc>, in the wide drawing; the narrow one points at it (a
    // description may come from a hidden element), so 40 rows of numbers
    // are not written twice.
    let desc = format!("{id}-{}-d", Variant::Wide.suffix());
    let svg = Variant::BOTH
        .into_iter()
        .map(|v| {
            let root = Root {
                id: &format!("{id}-{}", v.suffix()),
                class: v.class(),
                title: &title,
                summary: (v == Variant::Wide).then_some(summary.as_str()),
                described_by: &desc,
            };
            draw(v, &root)
        })
        .collect();
    Chart {
        svg,
        title,
        summary,
    }
}

/// The charts' sentences in the language of `fmt`.
fn say(fmt: &crate::locale::format::Formatter) -> &'static dyn crate::locale::charts::ChartPhrases {
    crate::locale::charts::phrases(fmt.locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;
    use crate::locale::format::Formatter;

    /// One small chart of every kind.
    fn every_kind(fmt: &Formatter) -> Vec<Chart> {
        let bars: Vec<PeriodBar> = (0..6)
            .map(|i| PeriodBar {
                label: format!("m{i}"),
                tick: format!("m{i}"),
                actual: 1e6 + f64::from(i) * 1e5,
                plan: Some(1.2e6),
                forecast: (i == 5).then_some(1.3e6),
            })
            .collect();
        let rows = |n: usize| {
            (0..n)
                .map(|i| format!("Менеджер <{i}> & Ко"))
                .collect::<Vec<_>>()
        };
        vec![
            plan_bars("a", fmt, Period::Month, &bars),
            cumulative(
                "b",
                fmt,
                &Cumulative {
                    weeks: rows(4),
                    actual: vec![Some(1e6), Some(2e6), None, None],
                    plan: Some(5e6),
                    plan_due: vec![1.25e6, 2.5e6, 3.75e6, 5e6],
                    pace: Some(0.8),
                    attainment: Some(0.4),
                    forecast: Some(4e6),
                    closed: false,
                },
            ),
            attainment(
                "c",
                fmt,
                &rows(3)
                    .into_iter()
                    .zip([Some(1.1), Some(0.7), None])
                    .map(|(name, value)| ManagerValue { name, value })
                    .collect::<Vec<_>>(),
                0.8,
                false,
            ),
            leads(
                "d",
                fmt,
                &rows(3)
                    .into_iter()
                    .map(|name| LeadsRow {
                        name,
                        received: 40,
                        processed: 38,
                        overnight: 2,
                    })
                    .collect::<Vec<_>>(),
            ),
            funnel(
                "e",
                fmt,
                &rows(3)
                    .into_iter()
                    .map(|name| FunnelRow {
                        name,
                        leads: 40,
                        meetings: 10,
                        deals: 4,
                    })
                    .collect::<Vec<_>>(),
            ),
            conversion(
                "f",
                fmt,
                &Trend {
                    metric: "Конверсия".into(),
                    name: "Анна".into(),
                    reference_name: "Отдел".into(),
                    points: rows(5)
                        .into_iter()
                        .enumerate()
                        .map(|(i, label)| TrendPoint {
                            tick: label.clone(),
                            label,
                            value: Some(0.3 + i as f64 / 50.0),
                            reference: Some(0.35),
                        })
                        .collect(),
                },
            ),
            sparkline(
                "g",
                fmt,
                "Выручка",
                &rows(8)
                    .into_iter()
                    .map(|label| SparkPoint {
                        label,
                        value: Some(1e6),
                    })
                    .collect::<Vec<_>>(),
            ),
            standup_durations(
                "h",
                fmt,
                &rows(5)
                    .into_iter()
                    .map(|label| StandupDay {
                        label,
                        minutes: 19.0,
                    })
                    .collect::<Vec<_>>(),
                DEFAULT_LIMIT_MINUTES,
            ),
        ]
    }

    fn formatters() -> [Formatter; 2] {
        [
            Formatter::new(Locale::Ru, "₽"),
            Formatter::new(Locale::En, "$"),
        ]
    }

    #[test]
    fn drawing_twice_gives_the_same_bytes() {
        for fmt in formatters() {
            assert_eq!(every_kind(&fmt), every_kind(&fmt));
        }
    }

    #[test]
    fn every_root_is_responsive_and_titled() {
        for fmt in formatters() {
            for chart in every_kind(&fmt) {
                let roots: Vec<&str> = chart
                    .svg
                    .lines()
                    .filter(|l| l.starts_with("<svg"))
                    .collect();
                assert!(!roots.is_empty());
                for root in roots {
                    assert!(!root.contains(" width="), "{root}");
                    assert!(!root.contains(" height="), "{root}");
                    assert!(root.contains("viewBox=\"0 0 "));
                    assert!(root.contains("role=\"img\""));
                }
                let titles = chart.svg.matches("<title id=").count();
                assert_eq!(titles, chart.svg.matches("<svg").count(), "{}", chart.title);
                assert!(
                    chart
                        .svg
                        .contains(&format!(">{}</title>", markup::escape(&chart.title)))
                );
            }
        }
    }

    #[test]
    fn no_baked_colour_no_long_float_small_files() {
        for fmt in formatters() {
            for chart in every_kind(&fmt) {
                assert!(!chart.svg.contains("fill=\"#"), "{}", chart.svg);
                assert!(!chart.svg.contains("stroke=\"#"), "{}", chart.svg);
                assert!(
                    !chart
                        .svg
                        .contains("font-family=\"sans-serif\" font-size=\"13\" opacity")
                );
                let long_float = chart
                    .svg
                    .split(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .any(|n| n.split_once('.').is_some_and(|(_, frac)| frac.len() > 2));
                assert!(!long_float, "{}", chart.svg);
                assert!(chart.svg.len() < 25 * 1024);
            }
        }
    }

    #[test]
    fn labels_are_escaped() {
        let fmt = Formatter::new(Locale::Ru, "₽");
        for chart in every_kind(&fmt) {
            assert!(!chart.svg.contains("<0>"), "{}", chart.svg);
        }
    }
}
