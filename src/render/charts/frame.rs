//! The two frames every chart sits in: rows of horizontal bars (one per
//! manager) and columns (one per period). plotters' chart builder lays
//! out the plot and its label areas, and its mesh draws the gridlines and
//! the axis labels, along our axes (`coord.rs`): the ticks, the labels
//! shown and their placement are decided here, so labels never overlap.
//! The mesh's bold lines are the labelled ticks, drawn transparent; its
//! light lines are the grid.
//!
//! The frames keep the pixel positions of the plot, so the charts place
//! their marks with the same rounding as the axes.

use plotters::chart::{ChartBuilder, LabelAreaPosition};
use plotters::style::{IntoFont, TRANSPARENT, TextStyle};

use super::axis::{Scale, gutter, nice_ticks, thin, unrepeated};
use super::canvas::{Anchor, Canvas};
use super::coord::{RowAxis, Slots, Values};
use super::style::{EDGE, FONT, Role, Variant, fit};

/// plotters' builder and mesh draw into our backend, which fails only on
/// a colour of no role: every style here is a role's (or transparent).
const DRAWN: &str = "the frame is drawn in roles";

/// An axis label at our size, in `role`.
fn label_style(role: Role) -> TextStyle<'static> {
    ("sans-serif", FONT).into_font().color(&role)
}

/// The ticks of a value axis up to `max`, each labelled by `label` (a
/// label that repeats the one before it left out).
fn value_axis(max: f64, target: usize, label: &dyn Fn(f64) -> String) -> (Vec<f64>, Vec<String>) {
    let ticks = nice_ticks(max, target);
    let labels = unrepeated(ticks.iter().map(|t| label(*t)).collect());
    (ticks, labels)
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
    /// How far the gridlines reach above the first row.
    const LEAD: i32 = 4;

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
        let width = c.size().0;
        let stacked = v == Variant::Narrow;
        let x0 = if stacked {
            EDGE
        } else {
            gutter(names).min(width * 2 / 5)
        };
        let x1 = width - reserve;
        let target = ((x1 - x0) / 80).clamp(3, 6) as usize;
        let (ticks, labels) = value_axis(max, target, x_label);
        let first = top + Self::HEAD;
        let frame = Self {
            x0,
            x1,
            x: Scale::new((0.0, ticks.last().copied().unwrap_or(1.0)), (x0, x1)),
            first,
            row: Self::row_height(v),
            stacked,
        };
        let xs: Vec<i32> = ticks.iter().map(|t| frame.x.px(*t)).collect();
        let values = Values::new(ticks, thin_labels(labels, &xs, width));
        // The names in the gutter, shortened to fit; none in the narrow drawing.
        let gutter_names = if stacked {
            Vec::new()
        } else {
            let room = f64::from(x0 - 8);
            names
                .iter()
                .map(|n| fit(n, room, FONT).into_owned())
                .collect()
        };
        let bottom = frame.bottom(names.len());
        frame.mesh(c, (top, bottom), values, gutter_names);
        if stacked {
            for (i, name) in names.iter().enumerate() {
                let shown = fit(name, f64::from(width - 4 - note), FONT);
                let at = (x0, frame.center(i) - 19);
                c.text(&shown, at, Anchor::Start, Role::Text, FONT);
            }
        }
        frame
    }

    /// plotters' chart over the rows from `top` to `bottom`: the value
    /// labels above them, the gridlines down them, the `names` in the gutter
    /// left of them; and the zero line.
    fn mesh(&self, c: &Canvas, (top, bottom): (i32, i32), values: Values, names: Vec<String>) {
        let (width, height) = c.size();
        let gutter = if self.stacked { 0 } else { self.x0 };
        let mut chart = ChartBuilder::on(c.drawing_area())
            .margin_top(top)
            .margin_bottom(height - bottom - 1)
            .margin_left(self.x0 - gutter)
            .margin_right(width - self.x1 - 1)
            .set_label_area_size(LabelAreaPosition::Top, Self::HEAD - Self::LEAD)
            .set_label_area_size(LabelAreaPosition::Left, gutter)
            .build_cartesian_2d(values, RowAxis::new(Self::LEAD, self.row, names))
            .expect(DRAWN);
        chart
            .configure_mesh()
            .disable_y_mesh()
            .bold_line_style(TRANSPARENT)
            .light_line_style(Role::Grid)
            .axis_style(TRANSPARENT)
            .set_tick_mark_size(LabelAreaPosition::Top, 1)
            .set_tick_mark_size(LabelAreaPosition::Left, 4)
            .x_label_style(label_style(Role::Muted))
            .y_label_style(label_style(Role::Text))
            .draw()
            .expect(DRAWN);
        // The zero line, darker (coord.rs leaves it out of the grid).
        let zero = vec![(self.x0, self.first - Self::LEAD), (self.x0, bottom)];
        c.line(zero, Role::Muted, 1);
    }

    /// Where a note about row `i` ends in the narrow drawing: on the name's
    /// line, at the right edge (`None` in the wide one: it goes after the bar).
    pub fn note_at(&self, i: usize, width: i32) -> Option<(i32, i32)> {
        self.stacked.then(|| (width - EDGE, self.center(i) - 19))
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

/// `labels` at `xs` with those that would overlap left empty.
fn thin_labels(labels: Vec<String>, xs: &[i32], width: i32) -> Vec<String> {
    let placed = thin(&labels, xs, (EDGE, width - EDGE), FONT);
    labels
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let shown = placed.iter().any(|p| p.index == i);
            if shown { l } else { String::new() }
        })
        .collect()
}

/// The frame of a chart with one column per period (month, week, day):
/// y gridlines with their labels in a left gutter, and the periods' labels
/// under the plot, thinned so they never overlap.
#[derive(Debug, Clone)]
pub struct Columns {
    pub x0: i32,
    pub x1: i32,
    pub y: Scale,
    slots: Slots,
}

impl Columns {
    /// Space under the plot for the periods' labels.
    const FOOT: i32 = 28;
    /// Space right of the plot.
    const RIGHT: i32 = 8;

    /// Draws the frame on the canvas, the plot starting at `top`, for
    /// values up to `max`, formatted by `y_label`; `ticks` name the periods.
    pub fn draw(
        c: &Canvas,
        top: i32,
        max: f64,
        y_label: &dyn Fn(f64) -> String,
        ticks: &[String],
    ) -> Self {
        let (width, height) = c.size();
        let bottom = height - Self::FOOT;
        let target = if bottom - top < 200 { 4 } else { 5 };
        let (ticks_y, labels_y) = value_axis(max, target, y_label);
        let x0 = gutter(&labels_y);
        let x1 = width - Self::RIGHT;
        let values = Values::new(ticks_y, labels_y);
        let mut slots = Slots::new(ticks.to_vec());
        let xs: Vec<i32> = (0..ticks.len())
            .map(|i| slots.center(i, (x0, x1)))
            .collect();
        let shown = thin(ticks, &xs, (EDGE, width - EDGE), FONT);
        slots.show(shown.iter().map(|p| p.index).collect());
        let frame = Self {
            x0,
            x1,
            y: values.scale((bottom, top)),
            slots: slots.clone(),
        };
        let mut chart = ChartBuilder::on(c.drawing_area())
            .margin_top(top)
            .margin_right(Self::RIGHT - 1)
            .set_label_area_size(LabelAreaPosition::Left, x0)
            .set_label_area_size(LabelAreaPosition::Bottom, Self::FOOT - 1)
            .build_cartesian_2d(slots, values)
            .expect(DRAWN);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .bold_line_style(TRANSPARENT)
            .light_line_style(Role::Grid)
            .axis_style(TRANSPARENT)
            .set_tick_mark_size(LabelAreaPosition::Left, 3)
            .set_tick_mark_size(LabelAreaPosition::Bottom, 5)
            .x_label_style(label_style(Role::Muted))
            .y_label_style(label_style(Role::Muted))
            .draw()
            .expect(DRAWN);
        // The zero line, darker (coord.rs leaves it out of the grid).
        c.line(vec![(x0, bottom), (x1, bottom)], Role::Muted, 1);
        frame
    }

    /// Left and right pixel of period `i`'s slot.
    pub fn slot(&self, i: usize) -> (i32, i32) {
        let limit = (self.x0, self.x1);
        (self.slots.edge(i, limit), self.slots.edge(i + 1, limit))
    }

    pub fn center(&self, i: usize) -> i32 {
        self.slots.center(i, (self.x0, self.x1))
    }

    /// The slot's width in pixels (fractional).
    pub fn slot_width(&self) -> f64 {
        self.slots.width((self.x0, self.x1))
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
    use crate::render::charts::canvas::render;
    use crate::render::charts::markup::Root;

    fn root() -> Root<'static> {
        Root {
            id: "f",
            class: "chart",
            title: "t",
            summary: None,
            described_by: "f-d",
        }
    }

    /// plotters' mesh puts each label where the frame places its marks.
    #[test]
    fn plotters_labels_sit_on_the_frames_positions() {
        let ticks: Vec<String> = (1..=4).map(|i| format!("m{i}")).collect();
        let mut frame = None;
        let svg = render(&root(), (360, 200), |c| {
            frame = Some(Columns::draw(c, 10, 95.0, &|v| format!("{v}"), &ticks));
        });
        let f = frame.unwrap();
        for i in 0..4 {
            let label = format!(
                "<text x=\"{}\" y=\"192\" text-anchor=\"middle\" class=\"c-muted\">m{}</text>",
                f.center(i),
                i + 1
            );
            assert!(svg.contains(&label), "{label}\n{svg}");
        }
        let y = f.y.px(50.0);
        assert!(
            svg.contains(&format!(
                "points=\"{},{y} {},{y} \" class=\"l-grid\"",
                f.x0, f.x1
            )),
            "{svg}"
        );

        let names: Vec<String> = vec!["Анна".into(), "Пётр".into()];
        let mut rows = None;
        let svg = render(&root(), (720, 200), |c| {
            rows = Some(Rows::draw(
                c,
                Variant::Wide,
                0,
                1.0,
                &|v| format!("{v}"),
                &names,
                (40, 0),
            ));
        });
        let r = rows.unwrap();
        let name = format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">Пётр</text>",
            r.x0 - 8,
            r.center(1) + 5
        );
        assert!(svg.contains(&name), "{name}\n{svg}");
    }
}
