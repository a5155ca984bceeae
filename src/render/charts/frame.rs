//! The two frames every chart sits in: rows of horizontal bars (one per
//! manager) and columns (one per period), each with its gridlines and
//! labels placed so they never overlap.

use super::axis::{Scale, gutter, nice_ticks, thin, x_grid, y_grid};
use super::canvas::{Anchor, Canvas};
use super::style::{FONT, Role, Variant, fit};

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
