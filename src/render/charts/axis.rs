//! Scales, ticks and labels that never overlap: the layout decisions the
//! charts share, which plotters' axes do not make (they label every key
//! point, wherever it falls). plotters' mesh then draws what is decided
//! here (`coord.rs`, `frame.rs`).

use super::markup::Anchor;
use super::style::{FONT, LABEL_GAP, inside, text_width};

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
/// them. Each is centred on its `xs`, or kept inside `bounds` as our
/// backend will draw it ([`inside`]).
pub fn thin(labels: &[String], xs: &[i32], bounds: (i32, i32), size: f64) -> Vec<Placed> {
    let candidates: Vec<usize> = (0..labels.len().min(xs.len()))
        .filter(|&i| i == 0 || labels[i] != labels[i - 1])
        .filter(|&i| !labels[i].is_empty())
        .collect();
    let place = |i: usize| -> (Placed, f64, f64) {
        let w = text_width(&labels[i], size);
        let (anchor, x, left, right) = inside(xs[i], w, Anchor::Middle, bounds);
        (
            Placed {
                index: i,
                x,
                anchor,
            },
            left,
            right,
        )
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

/// `labels` with each one that reads like the one before it left empty
/// (a 0.25-lead step shown as "0", "0", "1"): one label per value.
pub fn unrepeated(labels: Vec<String>) -> Vec<String> {
    let mut previous: Option<String> = None;
    labels
        .into_iter()
        .map(|text| {
            let repeat = previous.as_ref() == Some(&text);
            let shown = if repeat { String::new() } else { text.clone() };
            previous = Some(text);
            shown
        })
        .collect()
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

    #[test]
    fn labels_at_the_ends_stay_inside() {
        let labels: Vec<String> = ["нояб. 26", "дек. 26"].map(String::from).to_vec();
        let placed = thin(&labels, &[3, 357], (2, 358), FONT);
        assert_eq!((placed[0].x, placed[0].anchor), (2, Anchor::Start));
        assert_eq!((placed[1].x, placed[1].anchor), (358, Anchor::End));
    }

    #[test]
    fn a_repeated_label_is_written_once() {
        let labels = ["0", "0", "1", "1", "2"].map(String::from).to_vec();
        assert_eq!(unrepeated(labels), ["0", "", "1", "", "2"]);
    }
}
