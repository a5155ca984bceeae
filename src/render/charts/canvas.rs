//! Drawing with plotters into a string: a pixel canvas with the few marks
//! the charts use, each in the sentinel colour of its role (`svg::finish`
//! turns those into classes).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

use super::style::Role;

/// Horizontal anchor of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A plotters drawing area in pixel coordinates, with the few marks the
/// charts use, each drawn in the colour of its role.
pub struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
}

/// The SVG backend writes into a `String`: its only error is file I/O, which
/// it never does here, so a failure is a bug worth stopping for.
const INFALLIBLE: &str = "plotters' SVG backend cannot fail when writing into a String";

fn shape(role: Role, opacity: f64, filled: bool, width: u32) -> ShapeStyle {
    ShapeStyle {
        color: role.color().mix(opacity),
        filled,
        stroke_width: width,
    }
}

impl Canvas<'_> {
    /// A filled rectangle between two corners (any order).
    pub fn rect(&self, (x0, y0): (i32, i32), (x1, y1): (i32, i32), role: Role, opacity: f64) {
        let corners = [(x0.min(x1), y0.min(y1)), (x0.max(x1), y0.max(y1))];
        self.area
            .draw(&Rectangle::new(corners, shape(role, opacity, true, 0)))
            .expect(INFALLIBLE);
    }

    /// An unfilled rectangle (a forecast still to come).
    pub fn frame(&self, (x0, y0): (i32, i32), (x1, y1): (i32, i32), role: Role, width: u32) {
        let corners = [(x0.min(x1), y0.min(y1)), (x0.max(x1), y0.max(y1))];
        self.area
            .draw(&Rectangle::new(corners, shape(role, 1.0, false, width)))
            .expect(INFALLIBLE);
    }

    /// A polyline; the role's class decides whether it is dashed.
    pub fn line(&self, points: Vec<(i32, i32)>, role: Role, width: u32) {
        if points.len() < 2 {
            return;
        }
        self.area
            .draw(&PathElement::new(points, shape(role, 1.0, false, width)))
            .expect(INFALLIBLE);
    }

    /// A filled polygon.
    pub fn area(&self, points: Vec<(i32, i32)>, role: Role) {
        self.area
            .draw(&Polygon::new(points, shape(role, 1.0, true, 0)))
            .expect(INFALLIBLE);
    }

    pub fn dot(&self, center: (i32, i32), radius: i32, role: Role) {
        self.area
            .draw(&Circle::new(center, radius, shape(role, 1.0, true, 0)))
            .expect(INFALLIBLE);
    }

    /// A label at `size` px, vertically centred on `y`.
    pub fn text(&self, text: &str, (x, y): (i32, i32), anchor: Anchor, role: Role, size: f64) {
        self.text_styled(text, (x, y), anchor, role, size, false);
    }

    pub fn text_styled(
        &self,
        text: &str,
        (x, y): (i32, i32),
        anchor: Anchor,
        role: Role,
        size: f64,
        bold: bool,
    ) {
        let h = match anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let style = TextStyle {
            // plotters writes font-size = requested / 1.24; ask for 1.24× to get `size`.
            font: FontDesc::new(
                FontFamily::SansSerif,
                size * 1.24,
                if bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Normal
                },
            ),
            color: role.color().to_backend_color(),
            pos: Pos::new(h, VPos::Center),
        };
        self.area
            .draw(&Text::new(text, (x, y), style))
            .expect(INFALLIBLE);
    }
}

/// Draws on a `width` × `height` canvas and returns plotters' raw SVG.
pub fn render(width: i32, height: i32, draw: impl FnOnce(&Canvas)) -> String {
    let mut buf = String::new();
    {
        let size = (width.max(1) as u32, height.max(1) as u32);
        let canvas = Canvas {
            area: SVGBackend::with_string(&mut buf, size).into_drawing_area(),
        };
        draw(&canvas);
        canvas.area.present().expect(INFALLIBLE);
    }
    buf
}
