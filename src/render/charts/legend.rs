//! The legend, drawn by hand as one wrapping row above the plot.
//! plotters' own (`configure_series_labels`) stacks its entries in a box
//! over the plot and sizes that box with its font estimate, not the
//! backend's, so by byte length: far too wide for Cyrillic.

use super::canvas::{Anchor, Canvas};
use super::style::{FONT, Role, text_width};

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
/// wrapping at `width`.
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
