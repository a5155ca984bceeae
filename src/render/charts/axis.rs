//! Scales, ticks and labels that never overlap: the layout decisions the
//! charts share. Positions are computed here, not by plotters,
//! because its text measurement counts bytes (Cyrillic would come out twice
//! as wide) and its axes cannot thin labels by their real width.

use super::canvas::{Anchor, Canvas};
use super::style::{FONT, LABEL_GAP, Role, text_width};

/// A linear map from data values to pixels.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    d0: f64,
    d1: f64,
    p0: i32,
    p1: i32,
}

impl Scale {
    /// `domain` (from, to) onto `pixels` (from, to); a flat domain maps to `pixels.0`.
    pub fn new(domain: (f64, f64), pixels: (i32, i32)) -> Self {
        Self {
            d0: domain.0,
            d1: domain.1,
            p0: pixels.0,
            p1: pixels.1,
        }
    }

    pub fn px(&self, v: f64) -> i32 {
        if self.d1 == self.d0 || !v.is_finite() {
            return self.p0;
        }
        let t = (v - self.d0) / (self.d1 - self.d0);
        (f64::from(self.p0) + t * f64::from(self.p1 - self.p0)).round() as i32
    }
}

/// Round tick values from 0 up to at least `max`, at most about `target` of
/// them, with steps of 1, 2, 2.5 or 5 × 10ⁿ. Axes start at zero: bars are
/// read by their length.
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    if !(max.is_finite() && max > 0.0) {
        // Nothing to show: a bare zero line with one step above it.
        return vec![0.0, 1.0];
    }
    let target = target.max(1) as f64;
    let magnitude = 10f64.powf((max / target).log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|step| (max / step).ceil() <= target)
        .unwrap_or(10.0 * magnitude);
    let count = (max / step - 1e-9).ceil() as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

/// A label placed on an axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub index: usize,
    pub x: i32,
    pub anchor: Anchor,
}

/// Chooses which labels along a horizontal axis to show, so that none
/// overlap. Repeats are dropped first (a month written once, under its
/// first week); then every `step`-th remaining label is kept, counting back
/// from the latest, with the smallest step that keeps `LABEL_GAP` between
/// them. Labels at the edges are anchored inside `bounds`.
pub fn thin(labels: &[String], xs: &[i32], bounds: (i32, i32), size: f64) -> Vec<Placed> {
    let candidates: Vec<usize> = (0..labels.len().min(xs.len()))
        .filter(|&i| i == 0 || labels[i] != labels[i - 1])
        .filter(|&i| !labels[i].is_empty())
        .collect();
    let place = |i: usize| -> (Placed, f64, f64) {
        let w = text_width(&labels[i], size);
        let x = f64::from(xs[i]);
        let (lo, hi) = (f64::from(bounds.0), f64::from(bounds.1));
        if x - w / 2.0 < lo {
            let p = Placed {
                index: i,
                x: bounds.0,
                anchor: Anchor::Start,
            };
            (p, lo, lo + w)
        } else if x + w / 2.0 > hi {
            let p = Placed {
                index: i,
                x: bounds.1,
                anchor: Anchor::End,
            };
            (p, hi - w, hi)
        } else {
            let p = Placed {
                index: i,
                x: xs[i],
                anchor: Anchor::Middle,
            };
            (p, x - w / 2.0, x + w / 2.0)
        }
    };
    for step in 1..=candidates.len().max(1) {
        let chosen: Vec<(Placed, f64, f64)> = candidates
            .iter()
            .rev()
            .step_by(step)
            .rev()
            .map(|&i| place(i))
            .collect();
        let fits = chosen
            .windows(2)
            .all(|pair| pair[0].2 + LABEL_GAP <= pair[1].1);
        if fits {
            return chosen.into_iter().map(|(p, _, _)| p).collect();
        }
    }
    Vec::new()
}

/// Horizontal gridlines with their labels right-aligned in the gutter left
/// of `x0`; the zero line is the darker baseline. A label that rounds to
/// the one below it (0.25 lead shown as "0") is left out.
pub fn y_grid(
    c: &Canvas,
    y: &Scale,
    ticks: &[f64],
    (x0, x1): (i32, i32),
    label: &dyn Fn(f64) -> String,
) {
    let mut previous = None;
    for &t in ticks {
        let py = y.px(t);
        let role = if t == 0.0 { Role::Muted } else { Role::Grid };
        c.line(vec![(x0, py), (x1, py)], role, 1);
        let text = label(t);
        if previous.as_ref() != Some(&text) {
            c.text(&text, (x0 - 6, py), Anchor::End, Role::Muted, FONT);
        }
        previous = Some(text);
    }
}

/// Vertical gridlines for horizontal bars, labelled above the plot at
/// `label_y`, the labels kept inside `bounds`.
pub fn x_grid(
    c: &Canvas,
    x: &Scale,
    ticks: &[f64],
    (y0, y1): (i32, i32),
    (label_y, bounds): (i32, (i32, i32)),
    label: &dyn Fn(f64) -> String,
) {
    let labels: Vec<String> = ticks.iter().map(|t| label(*t)).collect();
    let xs: Vec<i32> = ticks.iter().map(|t| x.px(*t)).collect();
    for &t in ticks {
        let px = x.px(t);
        let role = if t == 0.0 { Role::Muted } else { Role::Grid };
        c.line(vec![(px, y0), (px, y1)], role, 1);
    }
    for p in thin(&labels, &xs, bounds, FONT) {
        c.text(
            &labels[p.index],
            (p.x, label_y),
            p.anchor,
            Role::Muted,
            FONT,
        );
    }
}

/// Width of a gutter that holds the longest of `labels`.
pub fn gutter(labels: &[String]) -> i32 {
    labels
        .iter()
        .map(|l| text_width(l, FONT))
        .fold(0.0, f64::max)
        .ceil() as i32
        + 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_start_at_zero_and_cover_the_maximum() {
        assert_eq!(nice_ticks(6_750_000.0, 4), vec![0.0, 2e6, 4e6, 6e6, 8e6]);
        assert_eq!(
            nice_ticks(1.0, 5),
            vec![0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
        );
        assert_eq!(nice_ticks(0.0, 4), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(1.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(nice_ticks(23.0, 4), vec![0.0, 10.0, 20.0, 30.0]);
    }

    #[test]
    fn scale_maps_and_rounds() {
        let s = Scale::new((0.0, 100.0), (300, 20));
        assert_eq!(s.px(0.0), 300);
        assert_eq!(s.px(50.0), 160);
        assert_eq!(s.px(f64::NAN), 300);
    }

    #[test]
    fn thinning_keeps_the_latest_and_drops_repeats() {
        let labels: Vec<String> = (0..52).map(|i| format!("нед. {}", i + 1)).collect();
        let xs: Vec<i32> = (0..52).map(|i| 20 + i * 6).collect();
        let placed = thin(&labels, &xs, (0, 360), FONT);
        assert_eq!(placed.last().unwrap().index, 51);
        for pair in placed.windows(2) {
            let w = text_width("нед. 52", FONT) as i32;
            assert!(pair[1].x - pair[0].x >= w, "{pair:?}");
        }
        let months: Vec<String> = ["янв.", "янв.", "февр.", "февр."]
            .map(String::from)
            .to_vec();
        let placed = thin(&months, &[50, 150, 250, 350], (0, 400), FONT);
        assert_eq!(
            placed.iter().map(|p| p.index).collect::<Vec<_>>(),
            vec![0, 2]
        );
    }
}
