//! Stand-up durations against their limit: one bar per stand-up, the
//! limit as a dotted line in the "bad" colour, bars over it in that colour
//! too (and above the labelled line, so colour is not the only sign).

use super::canvas::{Anchor, render};
use super::frame::Columns;
use super::style::{FONT, Role, Variant};
use super::{Chart, Root, responsive, say};
use crate::locale::format::Formatter;

/// `thresholds.standup_max_minutes` when the config does not set it.
pub const DEFAULT_LIMIT_MINUTES: f64 = 20.0;

/// One stand-up.
#[derive(Debug, Clone, PartialEq)]
pub struct StandupDay {
    /// The date as the page writes it ("23.11"); shown under the bar.
    pub label: String,
    pub minutes: f64,
}

/// Draws `days` (oldest first) against `limit` minutes.
pub fn standup_durations(id: &str, fmt: &Formatter, days: &[StandupDay], limit: f64) -> Chart {
    responsive(
        id,
        title(fmt, days, limit),
        summary(fmt, days),
        |v, root| draw(fmt, days, limit, v, root),
    )
}

fn title(fmt: &Formatter, days: &[StandupDay], limit: f64) -> String {
    let n = days.len();
    let over = days.iter().filter(|d| d.minutes > limit).count();
    let mean = if n > 0 {
        days.iter().map(|d| d.minutes).sum::<f64>() / n as f64
    } else {
        0.0
    };
    let (limit, mean) = (fmt.number(limit, 0), fmt.number(mean, 0));
    say(fmt).standup_title(over, n, &limit, &mean)
}

fn summary(fmt: &Formatter, days: &[StandupDay]) -> String {
    let unit = fmt.words.minutes;
    let parts: Vec<String> = days
        .iter()
        .map(|d| format!("{}: {} {unit}", d.label, fmt.number(d.minutes, 0)))
        .collect();
    format!("{}.", parts.join("; "))
}

fn draw(fmt: &Formatter, days: &[StandupDay], limit: f64, v: Variant, root: &Root) -> String {
    let width = v.width();
    let height = if v == Variant::Wide { 260 } else { 240 };
    render(root, (width, height), |c| {
        let max = days.iter().map(|d| d.minutes).fold(limit * 1.15, f64::max);
        let ticks: Vec<String> = days.iter().map(|d| d.label.clone()).collect();
        let unit = fmt.words.minutes;
        let f = Columns::draw(
            c,
            12,
            max,
            &|m| format!("{}\u{a0}{unit}", fmt.number(m, 0)),
            &ticks,
        );
        let zero = f.y.px(0.0);
        for (i, d) in days.iter().enumerate() {
            let (a, b) = f.bar(i);
            let role = if d.minutes > limit {
                Role::Bad
            } else {
                Role::Actual
            };
            c.rect((a, zero), (b, f.y.px(d.minutes)), role, 1.0);
        }
        let y = f.y.px(limit);
        c.line(vec![(f.x0, y), (f.x1, y)], Role::Bad, 2);
        let label = say(fmt).limit_mark(&fmt.number(limit, 0));
        c.text(&label, (f.x1, y - 10), Anchor::End, Role::Bad, FONT);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;

    #[test]
    fn title_counts_the_long_ones() {
        let days: Vec<StandupDay> = [18.0, 25.0, 20.0, 14.0]
            .iter()
            .enumerate()
            .map(|(i, m)| StandupDay {
                label: format!("{}.11", 23 + i),
                minutes: *m,
            })
            .collect();
        let fmt = Formatter::new(Locale::Ru, "₽");
        let c = standup_durations("s", &fmt, &days, DEFAULT_LIMIT_MINUTES);
        assert_eq!(c.title, "Планёрки: 1 из 4 дольше 20 мин; в среднем 19 мин");
        assert_eq!(
            c.summary,
            "23.11: 18 мин; 24.11: 25 мин; 25.11: 20 мин; 26.11: 14 мин."
        );
        assert!(c.svg.contains("c-bad"));
    }
}
