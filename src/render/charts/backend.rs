//! Our plotters [`DrawingBackend`]: plotters' documented extension point,
//! used so that plotters' elements and layout write the SVG the site needs
//! directly, with nothing rewritten afterwards.
//!
//! Two things make it ours rather than plotters' `SVGBackend`:
//! - **Roles, not colours.** plotters hands a backend nothing but a colour
//!   for each mark, so a [`Role`] travels as a plotters `Color` (its palette
//!   colour, see `style.rs`) and is mapped back here to the mark's class;
//!   a colour of no role is an error. No colour is ever written.
//! - **Text measured for Cyrillic.** plotters' own estimate counts bytes
//!   (two per Cyrillic letter) and scales sizes by 1.24; this backend treats
//!   a font size as pixels and measures labels with per-character widths
//!   (`style::text_width`), so plotters' layout and ours agree.
//!
//! Marks are recorded as they are drawn and written on `present`, which
//! lets the rectangles of one paint be joined into one path (`markup.rs`).

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};

use super::markup::{Anchor, Mark, Marks, Paint, Root};
use super::style::{EDGE, Role, inside, text_width};

/// Where a label's baseline sits relative to its anchor, in em: capitals
/// hang from it (`Top`, a cap height of 0.7 em), are centred on it
/// (`Center`), or the descenders stand on it (`Bottom`) — numbers instead
/// of SVG's `dy`, which costs bytes on every label and centres lowercase only.
fn baseline_em(v: VPos) -> f64 {
    match v {
        VPos::Top => 0.7,
        VPos::Center => 0.35,
        VPos::Bottom => -0.25,
    }
}

/// A colour that is not the colour of any [`Role`]: a chart drew with a
/// colour the stylesheet has no class for.
#[derive(Debug, thiserror::Error)]
#[error("#{:02X}{:02X}{:02X} is not the colour of a chart role", .0.0, .0.1, .0.2)]
pub struct NoRole(pub (u8, u8, u8));

type Result = std::result::Result<(), DrawingErrorKind<NoRole>>;

/// Draws into `out` the SVG of a drawing of `size` pixels, labelled by `root`.
pub struct SvgBackend<'a> {
    size: (u32, u32),
    root: &'a Root<'a>,
    marks: Marks,
    out: &'a mut String,
    written: bool,
}

impl<'a> SvgBackend<'a> {
    pub fn new(out: &'a mut String, size: (u32, u32), root: &'a Root<'a>) -> Self {
        Self {
            size,
            root,
            marks: Marks::default(),
            out,
            written: false,
        }
    }

    /// The paint of a mark drawn in `color`; `None` for an invisible one.
    fn paint(color: BackendColor) -> std::result::Result<Option<Paint>, DrawingErrorKind<NoRole>> {
        if color.alpha == 0.0 {
            return Ok(None);
        }
        let role = Role::from_backend(color.rgb)
            .ok_or(DrawingErrorKind::DrawingError(NoRole(color.rgb)))?;
        Ok(Some(Paint::new(role, color.alpha)))
    }
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = NoRole;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    /// Writes the drawing; it is complete once, so later calls do nothing.
    fn present(&mut self) -> Result {
        if !self.written {
            self.marks.write(self.size, self.root, self.out);
            self.written = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    /// A line is a polyline of two points: mesh lines and drawn lines look alike.
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        let Some(paint) = Self::paint(style.color())? else {
            return Ok(());
        };
        let at = upper_left;
        let size = (bottom_right.0 - at.0, bottom_right.1 - at.1);
        self.marks.marks.push(if fill {
            Mark::Rect { at, size, paint }
        } else {
            Mark::Frame { at, size, paint }
        });
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        let Some(paint) = Self::paint(style.color())? else {
            return Ok(());
        };
        let points = self.marks.push_points(path);
        self.marks.marks.push(Mark::Line {
            points,
            width: style.stroke_width(),
            paint,
        });
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        filled: bool,
    ) -> Result {
        let Some(paint) = Self::paint(style.color())? else {
            return Ok(());
        };
        self.marks.marks.push(Mark::Circle {
            center,
            radius,
            filled,
            width: style.stroke_width(),
            paint,
        });
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        let Some(paint) = Self::paint(style.color())? else {
            return Ok(());
        };
        let points = self.marks.push_points(vert);
        self.marks.marks.push(Mark::Area { points, paint });
        Ok(())
    }

    /// A label, anchored as plotters asks: horizontally by `text-anchor`,
    /// vertically by moving its baseline (see [`baseline_em`]). A centred
    /// one is kept [`inside`] the drawing, [`EDGE`] px from its sides, so
    /// that plotters can centre labels under the ends of an axis.
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result {
        let Some(paint) = Self::paint(style.color())? else {
            return Ok(());
        };
        if text.is_empty() {
            return Ok(()); // an axis label left out
        }
        // Sizes are written with one decimal; the baseline follows the written size.
        let size = (style.size() * 10.0).round() / 10.0;
        let pos = style.anchor();
        let anchor = match pos.h_pos {
            HPos::Left => Anchor::Start,
            HPos::Center => Anchor::Middle,
            HPos::Right => Anchor::End,
        };
        let dy = size * baseline_em(pos.v_pos);
        let rotate = match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
        };
        // A centred label is kept inside the drawing, as `axis::thin`
        // expects: plotters centres axis labels on their points, wherever
        // they fall. Labels anchored at a side are where a chart put them.
        let (anchor, x) = if anchor == Anchor::Middle && rotate == 0 {
            let bounds = (EDGE, self.size.0 as i32 - EDGE);
            let (anchor, x, _, _) = inside(x, text_width(text, size), anchor, bounds);
            (anchor, x)
        } else {
            (anchor, x)
        };
        let text = self.marks.push_text(text);
        self.marks.marks.push(Mark::Text {
            at: (x, (f64::from(y) + dy).round() as i32),
            anchor,
            size,
            bold: matches!(style.style(), FontStyle::Bold),
            rotate,
            paint,
            text,
        });
        Ok(())
    }

    /// The size of a label as our fonts draw it, for plotters' layout:
    /// [`text_width`] wide, one em high.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<NoRole>> {
        let size = style.size();
        Ok((text_width(text, size).ceil() as u32, size.ceil() as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::canvas::render;
    use crate::render::charts::style::FONT;
    use plotters::prelude::*;

    fn root() -> Root<'static> {
        Root {
            id: "x",
            class: "chart",
            title: "Выручка: \"95 %\"",
            summary: Some("a < b"),
            described_by: "x-d",
        }
    }

    fn sample() -> String {
        render(&root(), (200, 100), |c| {
            c.rect((10, 10), (50, 90), Role::Actual, 1.0);
            c.rect((60, 30), (90, 90), Role::Actual, 1.0);
            c.rect((100, 30), (110, 90), Role::Bad, 1.0);
            c.line(vec![(0, 50), (200, 50)], Role::Plan, 2);
            c.text("Анна & <Пётр>", (100, 20), Anchor::Middle, Role::Text, FONT);
            c.text("мелко", (10, 20), Anchor::Start, Role::Muted, 11.0);
        })
    }

    #[test]
    fn root_is_responsive_and_labelled() {
        let svg = sample();
        let first = svg.lines().next().unwrap();
        assert!(!first.contains("width="), "{first}");
        assert!(!first.contains("height="), "{first}");
        assert!(first.contains("viewBox=\"0 0 200 100\""));
        assert!(first.contains("role=\"img\" aria-labelledby=\"x-t\""));
        assert!(svg.contains("<title id=\"x-t\">Выручка: &quot;95 %&quot;</title>"));
        assert!(svg.contains("<desc id=\"x-d\">a &lt; b</desc>"));
        assert!(svg.ends_with("</svg>\n"));
    }

    #[test]
    fn roles_become_classes_and_text_is_escaped() {
        let svg = sample();
        assert!(!svg.contains('#'), "no colour is written:\n{svg}");
        assert!(
            svg.contains("<path d=\"M10 10h40v80h-40zM60 30h30v60h-30z\" class=\"c-actual\"/>"),
            "{svg}"
        );
        assert!(
            svg.contains("<rect x=\"100\" y=\"30\" width=\"10\" height=\"60\" class=\"c-bad\"/>"),
            "{svg}"
        );
        assert!(svg.contains("class=\"l-plan\""));
        assert!(
            svg.contains(
                "<text x=\"100\" y=\"25\" text-anchor=\"middle\">Анна &amp; &lt;Пётр&gt;</text>"
            ),
            "the baseline moves 0.35 em below the centre; main text has no class: {svg}"
        );
        assert!(svg.contains("font-size=\"11\" class=\"c-muted\">мелко</text>"));
    }

    #[test]
    fn a_colour_of_no_role_is_an_error() {
        let mut out = String::new();
        let root = root();
        let area = SvgBackend::new(&mut out, (10, 10), &root).into_drawing_area();
        let drawn = area.draw(&Circle::new((5, 5), 2, RGBColor(1, 2, 3).filled()));
        assert!(drawn.unwrap_err().to_string().contains("#010203"));
    }

    #[test]
    fn plotters_measures_labels_with_our_widths() {
        let mut out = String::new();
        let root = root();
        let area = SvgBackend::new(&mut out, (10, 10), &root).into_drawing_area();
        let style = ("sans-serif", FONT).into_font().color(&Role::Text);
        let (w, h) = area.estimate_text_size("Пётр", &style).unwrap();
        assert_eq!(w, text_width("Пётр", FONT).ceil() as u32);
        assert_eq!(h, 13);
        // plotters' own estimate would count the eight bytes of "Пётр".
        assert!(w < area.estimate_text_size("Petr Petr", &style).unwrap().0);
    }
}
