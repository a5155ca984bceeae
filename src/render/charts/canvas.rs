//! Drawing with plotters on our backend: a pixel canvas with the few marks
//! the charts lay out themselves, each in its [`Role`].

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

use super::backend::SvgBackend;
pub use super::markup::Anchor;
use super::markup::Root;
use super::style::Role;

/// A plotters drawing area in pixel coordinates, with the few marks the
/// charts use, each drawn in its role.
pub struct Canvas<'a> {
    area: DrawingArea<SvgBackend<'a>, Shift>,
}

/// Our backend fails only on a colour that is not a role's, and every mark
/// here is drawn in a role: a failure is a bug worth stopping for.
const INFALLIBLE: &str = "every chart mark is drawn in a role";

fn shape(role: Role, opacity: f64, filled: bool, width: u32) -> ShapeStyle {
    ShapeStyle {
        color: role.mix(opacity),
        filled,
        stroke_width: width,
    }
}

impl<'a> Canvas<'a> {
    /// The plotters drawing area, for plotters' chart builder.
    pub fn drawing_area(&self) -> &DrawingArea<SvgBackend<'a>, Shift> {
        &self.area
    }

    /// Width and height in pixels.
    pub fn size(&self) -> (i32, i32) {
        let (w, h) = self.area.dim_in_pixel();
        (w as i32, h as i32)
    }

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
        let h = match anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let style = TextStyle {
            // Our backend takes the size as pixels (no 1.24 scaling).
            font: FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal),
            color: role.to_backend_color(),
            pos: Pos::new(h, VPos::Center),
        };
        self.area
            .draw(&Text::new(text, (x, y), style))
            .expect(INFALLIBLE);
    }
}

/// Draws on a `width` × `height` canvas and returns the finished `<svg>`
/// element, labelled by `root`.
pub fn render(root: &Root, (width, height): (i32, i32), draw: impl FnOnce(&Canvas)) -> String {
    let mut svg = String::new();
    {
        let size = (width.max(1) as u32, height.max(1) as u32);
        let canvas = Canvas {
            area: SvgBackend::new(&mut svg, size, root).into_drawing_area(),
        };
        draw(&canvas);
        canvas.area.present().expect(INFALLIBLE);
    }
    svg
}
