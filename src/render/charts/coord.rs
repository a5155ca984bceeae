//! The axes of our charts as plotters coordinates (`Ranged`, plotters'
//! documented way to define an axis), so that plotters' mesh draws their
//! gridlines and labels.
//!
//! plotters would choose the ticks, map values with its own rounding and
//! label every key point; these carry the decisions it cannot make for
//! us (`frame.rs`): round ticks from zero, labels that do not repeat, and
//! the labels of a crowded axis thinned by their measured width.
//!
//! plotters' mesh asks an axis twice: for its bold key points (a line and
//! a label each) and for its light ones (a line each). Our axes label the
//! bold points and rule the light ones, so the mesh draws bold lines
//! transparent and light lines as the grid (`frame.rs`); a value axis has
//! no light point at zero, where the darker baseline goes instead.

use std::ops::Range;

use plotters::coord::ranged1d::{
    KeyPointHint, KeyPointWeight, NoDefaultFormatting, Ranged, ValueFormatter,
};

use super::axis::Scale;

/// `labelled` for the bold pass, `ruled` for the light one.
fn pick<T: Clone>(hint: &impl KeyPointHint, labelled: &[T], ruled: &[T]) -> Vec<T> {
    match hint.weight() {
        KeyPointWeight::Bold => labelled.to_vec(),
        KeyPointWeight::Any => ruled.to_vec(),
    }
}

/// A value axis from zero to the last tick, with a label at each tick
/// (empty where none is shown) and a gridline at each but zero.
#[derive(Debug, Clone)]
pub struct Values {
    ticks: Vec<f64>,
    labels: Vec<String>,
}

impl Values {
    pub fn new(ticks: Vec<f64>, labels: Vec<String>) -> Self {
        Self { ticks, labels }
    }

    fn max(&self) -> f64 {
        self.ticks.last().copied().unwrap_or(1.0)
    }

    /// Values to pixels between `limit.0` (zero) and `limit.1` (the last tick).
    pub fn scale(&self, limit: (i32, i32)) -> Scale {
        Scale::new((0.0, self.max()), limit)
    }
}

impl Ranged for Values {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.scale(limit).px(*value)
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        let ruled: Vec<f64> = self.ticks.iter().copied().filter(|t| *t != 0.0).collect();
        pick(&hint, &self.ticks, &ruled)
    }

    fn range(&self) -> Range<f64> {
        0.0..self.max()
    }
}

impl ValueFormatter<f64> for Values {
    fn format_ext(&self, value: &f64) -> String {
        self.ticks
            .iter()
            .position(|t| t.to_bits() == value.to_bits())
            .map(|i| self.labels[i].clone())
            .unwrap_or_default()
    }
}

/// Equal slots side by side, one per period, each labelled at its centre
/// (the labels to show are the key points; no gridlines).
#[derive(Debug, Clone)]
pub struct Slots {
    n: usize,
    labels: Vec<String>,
    shown: Vec<usize>,
}

impl Slots {
    /// One slot per label, none of them shown yet.
    pub fn new(labels: Vec<String>) -> Self {
        Self {
            n: labels.len().max(1),
            labels,
            shown: Vec::new(),
        }
    }

    /// Labels the slots `shown` (indices, in order).
    pub fn show(&mut self, shown: Vec<usize>) {
        self.shown = shown;
    }

    /// Where slot `i` starts between the pixels `limit` (slot `n` ends at
    /// `limit.1`).
    pub fn edge(&self, i: usize, limit: (i32, i32)) -> i32 {
        let slot = f64::from(limit.1 - limit.0) / self.n as f64;
        limit.0 + (i as f64 * slot).round() as i32
    }

    /// The centre of slot `i`.
    pub fn center(&self, i: usize, limit: (i32, i32)) -> i32 {
        (self.edge(i, limit) + self.edge(i + 1, limit)) / 2
    }

    /// A slot's width in pixels (fractional).
    pub fn width(&self, limit: (i32, i32)) -> f64 {
        f64::from(limit.1 - limit.0) / self.n as f64
    }
}

impl Ranged for Slots {
    type FormatOption = NoDefaultFormatting;
    type ValueType = usize;

    fn map(&self, value: &usize, limit: (i32, i32)) -> i32 {
        self.center(*value, limit)
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<usize> {
        pick(&hint, &self.shown, &[])
    }

    fn range(&self) -> Range<usize> {
        0..self.n
    }
}

impl ValueFormatter<usize> for Slots {
    fn format_ext(&self, value: &usize) -> String {
        self.labels.get(*value).cloned().unwrap_or_default()
    }
}

/// One row per manager, `row` px high, starting `lead` px below the top of
/// the plot (where the gridlines begin), each labelled with its name.
#[derive(Debug, Clone)]
pub struct RowAxis {
    lead: i32,
    row: i32,
    names: Vec<String>,
}

impl RowAxis {
    pub fn new(lead: i32, row: i32, names: Vec<String>) -> Self {
        Self { lead, row, names }
    }
}

impl Ranged for RowAxis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = usize;

    /// The centre of row `value`; `limit` runs bottom to top, as plotters
    /// passes a vertical axis.
    fn map(&self, value: &usize, limit: (i32, i32)) -> i32 {
        limit.0.min(limit.1) + self.lead + *value as i32 * self.row + self.row / 2
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<usize> {
        let rows: Vec<usize> = (0..self.names.len()).collect();
        pick(&hint, &rows, &[])
    }

    fn range(&self) -> Range<usize> {
        0..self.names.len().max(1)
    }
}

impl ValueFormatter<usize> for RowAxis {
    fn format_ext(&self, value: &usize) -> String {
        self.names.get(*value).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_map_from_zero_and_carry_their_labels() {
        let v = Values::new(
            vec![0.0, 0.5, 1.0],
            vec!["0".into(), String::new(), "1".into()],
        );
        assert_eq!(v.map(&0.5, (300, 100)), 200);
        assert_eq!(v.format_ext(&1.0), "1");
        assert_eq!(v.format_ext(&0.7), "", "not a tick");
        let bold = v.key_points(plotters::coord::ranged1d::BoldPoints(10));
        assert_eq!(bold, [0.0, 0.5, 1.0], "every tick is labelled");
        assert_eq!(v.key_points(10usize), [0.5, 1.0], "zero is the baseline");
    }

    #[test]
    fn rows_are_centred_below_the_lead() {
        let r = RowAxis::new(4, 26, vec!["a".into(), "b".into()]);
        assert_eq!(r.map(&1, (100, 20)), 20 + 4 + 26 + 13);
    }

    #[test]
    fn slots_split_the_range_and_label_what_is_shown() {
        let mut s = Slots::new(vec!["a".into(), "b".into(), "c".into()]);
        s.show(vec![0, 2]);
        assert_eq!(s.edge(0, (10, 40)), 10);
        assert_eq!(s.edge(3, (10, 40)), 40);
        assert_eq!(s.map(&1, (10, 40)), 25);
        assert_eq!(
            s.key_points(plotters::coord::ranged1d::BoldPoints(10)),
            [0, 2]
        );
        assert!(s.key_points(10usize).is_empty(), "no light gridlines");
    }
}
