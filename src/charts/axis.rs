//! Scales, ticks, labels that never overlap, and the legend: the layout
//! decisions the charts share. Positions are computed here, not by plotters,
//! because its text measurement counts bytes (Cyrillic would come out twice
//! as wide) and its axes cannot thin labels by their real width.

use super::style::{FONT, LABEL_GAP, Role, Variant, fit, text_width};
use super::svg::{Anchor, Canvas};

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
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
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
/// of `x0`; the zero line is the darker baseline.
pub fn y_grid(
    c: &Canvas,
    y: &Scale,
    ticks: &[f64],
    (x0, x1): (i32, i32),
    label: &dyn Fn(f64) -> String,
) {
    for &t in ticks {
        let py = y.px(t);
        let role = if t == 0.0 { Role::Muted } else { Role::Grid };
        c.line(vec![(x0, py), (x1, py)], role, 1);
        c.text(&label(t), (x0 - 6, py), Anchor::End, Role::Muted, FONT);
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

/// How a legend entry shows its series.
#[derive(Debug, Clone, Copy)]
pub enum Swatch {
    /// A filled square, at this opacity.
    Bar(Role, f64),
    /// A short line (dashed where the role's class is).
    Line(Role),
}

/// Height of one legend row.
pub const LEGEND_ROW: i32 = 20;
/// Space between a legend and the plot's top label.
pub const LEGEND_GAP: i32 = 16;

/// Where each legend entry's swatch goes: left to right from `origin`,
/// wrapping at `width`. Laid out by hand: plotters' legend box is sized by
/// byte length, far too wide for Cyrillic.
fn legend_layout(items: &[(Swatch, String)], (x, y): (i32, i32), width: i32) -> Vec<(i32, i32)> {
    let mut cx = x;
    let mut cy = y + LEGEND_ROW / 2;
    let mut at = Vec::with_capacity(items.len());
    for (_, label) in items {
        let w = 18 + text_width(label, FONT).ceil() as i32;
        if cx > x && cx + w > x + width {
            cx = x;
            cy += LEGEND_ROW;
        }
        at.push((cx, cy));
        cx += w + 14;
    }
    at
}

/// Height the legend takes.
pub fn legend_height(items: &[(Swatch, String)], width: i32) -> i32 {
    legend_layout(items, (0, 0), width)
        .last()
        .map_or(0, |(_, y)| y + LEGEND_ROW / 2)
}

/// Draws the legend from (`x`, `y`); returns the height used.
pub fn legend(c: &Canvas, items: &[(Swatch, String)], (x, y): (i32, i32), width: i32) -> i32 {
    let at = legend_layout(items, (x, y), width);
    for ((swatch, label), &(cx, cy)) in items.iter().zip(&at) {
        match *swatch {
            Swatch::Bar(role, opacity) => c.rect((cx, cy - 5), (cx + 11, cy + 6), role, opacity),
            Swatch::Line(role) => c.line(vec![(cx, cy), (cx + 13, cy)], role, 2),
        }
        c.text(label, (cx + 17, cy), Anchor::Start, Role::Text, FONT);
    }
    at.last().map_or(0, |(_, cy)| cy + LEGEND_ROW / 2 - y)
}

/// The frame of a chart with one horizontal bar per row (manager): names
/// in a left gutter (above each bar in the narrow drawing, where a gutter
/// would squeeze the bars), value gridlines labelled above the rows.
/// Horizontal, because 40 names fit down a page but not along an axis.
#[derive(Debug, Clone)]
pub struct Rows {
    pub x0: i32,
    pub x1: i32,
    pub x: Scale,
    first: i32,
    row: i32,
    /// Names above the bars rather than beside them.
    stacked: bool,
}

impl Rows {
    /// Space for the value labels above the first row.
    const HEAD: i32 = 24;

    fn row_height(v: Variant) -> i32 {
        match v {
            Variant::Wide => 26,
            Variant::Narrow => 42,
        }
    }

    /// Canvas height for `n` rows under a `top` band, with `bottom` px to spare.
    pub fn height(v: Variant, top: i32, n: usize, bottom: i32) -> i32 {
        top + Self::HEAD + n.max(1) as i32 * Self::row_height(v) + bottom
    }

    /// Draws names and gridlines; the bars go between `x0` and `x1`. Of
    /// `reserve`, the first part is kept right of the bars for their labels,
    /// the second right of the names in the narrow drawing, for a note
    /// (see [`Rows::note_at`]).
    pub fn draw(
        c: &Canvas,
        v: Variant,
        top: i32,
        max: f64,
        x_label: &dyn Fn(f64) -> String,
        names: &[String],
        (reserve, note): (i32, i32),
    ) -> Self {
        let width = v.width();
        let stacked = v == Variant::Narrow;
        let x0 = if stacked {
            2
        } else {
            gutter(names).min(width * 2 / 5)
        };
        let x1 = width - reserve;
        let ticks = nice_ticks(max, ((x1 - x0) / 80).clamp(3, 6) as usize);
        let x = Scale::new((0.0, ticks.last().copied().unwrap_or(1.0)), (x0, x1));
        let first = top + Self::HEAD;
        let frame = Self {
            x0,
            x1,
            x,
            first,
            row: Self::row_height(v),
            stacked,
        };
        let bottom = frame.bottom(names.len());
        x_grid(
            c,
            &x,
            &ticks,
            (first - 4, bottom),
            (top + 10, (0, width)),
            x_label,
        );
        for (i, name) in names.iter().enumerate() {
            if stacked {
                let shown = fit(name, f64::from(width - 4 - note), FONT);
                c.text(
                    &shown,
                    (x0, frame.center(i) - 19),
                    Anchor::Start,
                    Role::Text,
                    FONT,
                );
            } else {
                let shown = fit(name, f64::from(x0 - 8), FONT);
                c.text(
                    &shown,
                    (x0 - 8, frame.center(i)),
                    Anchor::End,
                    Role::Text,
                    FONT,
                );
            }
        }
        frame
    }

    /// Where a note about row `i` ends in the narrow drawing: on the name's
    /// line, at the right edge (`None` in the wide one: it goes after the bar).
    pub fn note_at(&self, i: usize, width: i32) -> Option<(i32, i32)> {
        self.stacked.then(|| (width - 2, self.center(i) - 19))
    }

    /// Vertical centre of row `i`'s bar.
    pub fn center(&self, i: usize) -> i32 {
        let row_top = self.first + i as i32 * self.row;
        if self.stacked {
            row_top + self.row - 13
        } else {
            row_top + self.row / 2
        }
    }

    /// Top of the first row.
    pub fn top(&self) -> i32 {
        self.first
    }

    /// Bottom of the last of `n` rows.
    pub fn bottom(&self, n: usize) -> i32 {
        self.first + n.max(1) as i32 * self.row
    }
}

/// The frame of a chart with one column per period (month, week, day):
/// y gridlines with their labels in a left gutter, and the periods' labels
/// under the plot, thinned so they never overlap.
#[derive(Debug, Clone)]
pub struct Columns {
    pub x0: i32,
    pub x1: i32,
    pub y: Scale,
    n: usize,
}

impl Columns {
    /// Draws the frame on a `width` × `height` canvas, the plot starting at
    /// `top`, for values up to `max`, formatted by `y_label`.
    pub fn draw(
        c: &Canvas,
        (width, height): (i32, i32),
        top: i32,
        max: f64,
        y_label: &dyn Fn(f64) -> String,
        ticks: &[String],
    ) -> Self {
        let plot_height = height - top - 28;
        let ticks_y = nice_ticks(max, if plot_height < 200 { 4 } else { 5 });
        let gutter_labels: Vec<String> = ticks_y.iter().map(|t| y_label(*t)).collect();
        let x0 = gutter(&gutter_labels);
        let x1 = width - 8;
        let bottom = height - 28;
        let y = Scale::new((0.0, ticks_y.last().copied().unwrap_or(1.0)), (bottom, top));
        y_grid(c, &y, &ticks_y, (x0, x1), y_label);
        let frame = Self {
            x0,
            x1,
            y,
            n: ticks.len().max(1),
        };
        let xs: Vec<i32> = (0..ticks.len()).map(|i| frame.center(i)).collect();
        for p in thin(ticks, &xs, (2, width - 2), FONT) {
            c.text(
                &ticks[p.index],
                (p.x, bottom + 15),
                p.anchor,
                Role::Muted,
                FONT,
            );
        }
        frame
    }

    fn edge(&self, i: usize) -> i32 {
        let slot = f64::from(self.x1 - self.x0) / self.n as f64;
        self.x0 + (i as f64 * slot).round() as i32
    }

    /// Left and right pixel of period `i`'s slot.
    pub fn slot(&self, i: usize) -> (i32, i32) {
        (self.edge(i), self.edge(i + 1))
    }

    pub fn center(&self, i: usize) -> i32 {
        let (a, b) = self.slot(i);
        (a + b) / 2
    }

    /// The slot's width in pixels (fractional).
    pub fn slot_width(&self) -> f64 {
        f64::from(self.x1 - self.x0) / self.n as f64
    }

    /// A bar inside slot `i`, with a gap to its neighbours (none when slots are thin).
    pub fn bar(&self, i: usize) -> (i32, i32) {
        let (a, b) = self.slot(i);
        let pad = ((f64::from(b - a)) * 0.18).floor() as i32;
        (a + pad, (b - pad).max(a + pad + 1))
    }
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
        assert_eq!(nice_ticks(0.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
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
