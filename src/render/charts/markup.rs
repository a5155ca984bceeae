//! The SVG a chart is written as, from the marks our backend recorded:
//! responsive, accessible, themable, small.
//!
//! - The root has a `viewBox` and no `width`/`height` (CSS sizes it),
//!   `role="img"`, `aria-labelledby` → a `<title>`, `aria-describedby` →
//!   a `<desc>`, and the inherited font and `fill="currentColor"` for text.
//! - A mark carries the class of its role (`c-<role>` for fills, `l-<role>`
//!   for strokes), never a colour, so style.css colours it, in dark mode too.
//! - Defaults are left out, and the filled rectangles of one class and
//!   opacity become one `<path>` (drawn where the last of them was, so bars
//!   stay above the gridlines): small files even with 40 managers.
//!
//! A 40-row chart has hundreds of marks and every chart is drawn twice, so
//! the marks are kept in flat lists (points and text in shared buffers, no
//! allocation per mark) and written straight into one `String`.

use std::fmt::Write as _;
use std::ops::Range;

use super::style::{FONT, Role};

/// What the page needs on the root element.
pub struct Root<'a> {
    /// Unique in the page: the `<title>` id derives from it.
    pub id: &'a str,
    pub class: &'a str,
    pub title: &'a str,
    /// Written as this drawing's `<desc>` when given; the narrow drawing of
    /// a chart points at the wide one's instead of repeating it.
    pub summary: Option<&'a str>,
    /// The id of the `<desc>` that describes this drawing.
    pub described_by: &'a str,
}

/// Horizontal anchor of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// What a mark is painted with: the class of its role, and its opacity
/// (rounded to two decimals: what is written, and what groups compare).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paint {
    pub role: Role,
    pub opacity: f64,
}

impl Paint {
    pub fn new(role: Role, opacity: f64) -> Self {
        Self {
            role,
            opacity: (opacity * 100.0).round() / 100.0,
        }
    }

    /// `class="c-<role>"` (a fill) or `class="l-<role>"` (a stroke).
    fn write_class(self, stroke: bool, out: &mut String) {
        out.push_str(if stroke { " class=\"l-" } else { " class=\"c-" });
        out.push_str(self.role.name());
        out.push_str("\"/>");
    }

    fn write_opacity(self, out: &mut String) {
        if self.opacity != 1.0 {
            out.push_str(" opacity=\"");
            push_number(out, self.opacity);
            out.push('"');
        }
    }
}

/// One mark, in pixels of the drawing.
#[derive(Debug, Clone)]
pub enum Mark {
    /// A filled rectangle: top left corner and size.
    Rect {
        at: (i32, i32),
        size: (i32, i32),
        paint: Paint,
    },
    /// An outlined rectangle (a forecast still to come).
    Frame {
        at: (i32, i32),
        size: (i32, i32),
        paint: Paint,
    },
    /// A polyline; its points are a range of [`Marks::points`].
    Line {
        points: Range<usize>,
        width: u32,
        paint: Paint,
    },
    /// A filled polygon.
    Area { points: Range<usize>, paint: Paint },
    Circle {
        center: (i32, i32),
        radius: u32,
        filled: bool,
        width: u32,
        paint: Paint,
    },
    /// A label: `at` is its anchor on the baseline; the text is a range of
    /// [`Marks::text`], unescaped.
    Text {
        at: (i32, i32),
        anchor: Anchor,
        size: f64,
        bold: bool,
        /// Degrees clockwise about `at`.
        rotate: i32,
        paint: Paint,
        text: Range<usize>,
    },
}

/// The marks of one drawing, in the order they were drawn.
#[derive(Debug, Default)]
pub struct Marks {
    pub marks: Vec<Mark>,
    pub points: Vec<(i32, i32)>,
    pub text: String,
}

impl Marks {
    /// Adds `points` to the shared list and returns their range.
    pub fn push_points(&mut self, points: impl IntoIterator<Item = (i32, i32)>) -> Range<usize> {
        let start = self.points.len();
        self.points.extend(points);
        start..self.points.len()
    }

    /// Adds a label's text (one line: line breaks are dropped) and returns its range.
    pub fn push_text(&mut self, text: &str) -> Range<usize> {
        let start = self.text.len();
        self.text
            .extend(text.chars().filter(|c| !matches!(c, '\n' | '\r')));
        start..self.text.len()
    }

    /// Writes the whole `<svg>` element of a `width` × `height` drawing.
    pub fn write(&self, (width, height): (u32, u32), root: &Root, out: &mut String) {
        let summary_len = root.summary.map_or(0, str::len);
        out.reserve(self.marks.len() * 64 + 2 * (root.title.len() + summary_len) + 512);
        let _ = write!(out, "<svg viewBox=\"0 0 {width} {height}\"");
        out.push_str(" xmlns=\"http://www.w3.org/2000/svg\" class=\"");
        push_escaped(out, root.class);
        out.push_str("\" role=\"img\" aria-labelledby=\"");
        out.push_str(root.id);
        out.push_str("-t\" aria-describedby=\"");
        push_escaped(out, root.described_by);
        out.push_str("\" font-family=\"sans-serif\" font-size=\"");
        push_number(out, FONT);
        out.push_str("\" fill=\"currentColor\">\n<title id=\"");
        out.push_str(root.id);
        out.push_str("-t\">");
        push_escaped(out, root.title);
        out.push_str("</title>\n");
        if let Some(summary) = root.summary {
            out.push_str("<desc id=\"");
            push_escaped(out, root.described_by);
            out.push_str("\">");
            push_escaped(out, summary);
            out.push_str("</desc>\n");
        }
        self.write_marks(out);
        out.push_str("</svg>\n");
    }

    /// Writes the marks, one per line, with the filled rectangles of each
    /// paint joined into one `<path>` at the place of the last of them.
    fn write_marks(&self, out: &mut String) {
        // (paint, members, index of the last member) per group.
        let mut groups: Vec<(Paint, usize, usize)> = Vec::new();
        let mut member: Vec<Option<usize>> = Vec::with_capacity(self.marks.len());
        for (i, mark) in self.marks.iter().enumerate() {
            let group = match mark {
                Mark::Rect { paint, .. } => {
                    let g = groups
                        .iter()
                        .position(|g| g.0 == *paint)
                        .unwrap_or_else(|| {
                            groups.push((*paint, 0, i));
                            groups.len() - 1
                        });
                    groups[g].1 += 1;
                    groups[g].2 = i;
                    Some(g)
                }
                _ => None,
            };
            member.push(group);
        }
        for (i, mark) in self.marks.iter().enumerate() {
            match member[i].map(|g| (g, groups[g])) {
                None | Some((_, (_, 1, _))) => self.write_mark(mark, out),
                Some((g, (paint, _, last))) if last == i => {
                    out.push_str("<path d=\"");
                    for (m, _) in member[..=i]
                        .iter()
                        .enumerate()
                        .filter(|(_, m)| **m == Some(g))
                    {
                        if let Mark::Rect { at, size, .. } = self.marks[m] {
                            let (x, y, w, h) = (at.0, at.1, size.0, size.1);
                            let _ = write!(out, "M{x} {y}h{w}v{h}h-{w}z");
                        }
                    }
                    out.push('"');
                    paint.write_opacity(out);
                    paint.write_class(false, out);
                }
                Some(_) => continue, // drawn with the last of its group
            }
            out.push('\n');
        }
    }

    fn write_mark(&self, mark: &Mark, out: &mut String) {
        match *mark {
            Mark::Rect { at, size, paint } | Mark::Frame { at, size, paint } => {
                let (x, y, w, h) = (at.0, at.1, size.0, size.1);
                let _ = write!(
                    out,
                    "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\""
                );
                paint.write_opacity(out);
                let frame = matches!(mark, Mark::Frame { .. });
                if frame {
                    out.push_str(" fill=\"none\"");
                }
                paint.write_class(frame, out);
            }
            Mark::Line {
                ref points,
                width,
                paint,
            } => {
                out.push_str("<polyline fill=\"none\"");
                paint.write_opacity(out);
                write_width(width, out);
                self.write_points(points, out);
                paint.write_class(true, out);
            }
            Mark::Area { ref points, paint } => {
                out.push_str("<polygon");
                paint.write_opacity(out);
                self.write_points(points, out);
                paint.write_class(false, out);
            }
            Mark::Circle {
                center: (x, y),
                radius,
                filled,
                width,
                paint,
            } => {
                let _ = write!(out, "<circle cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"");
                paint.write_opacity(out);
                if !filled {
                    out.push_str(" fill=\"none\"");
                    write_width(width, out);
                }
                paint.write_class(!filled, out);
            }
            Mark::Text { .. } => self.write_text(mark, out),
        }
    }

    /// A label: the root's size, `currentColor` and `start` anchor are not
    /// repeated on it.
    fn write_text(&self, mark: &Mark, out: &mut String) {
        let Mark::Text {
            at: (x, y),
            anchor,
            size,
            bold,
            rotate,
            paint,
            ref text,
        } = *mark
        else {
            return;
        };
        let _ = write!(out, "<text x=\"{x}\" y=\"{y}\"");
        match anchor {
            Anchor::Start => {}
            Anchor::Middle => out.push_str(" text-anchor=\"middle\""),
            Anchor::End => out.push_str(" text-anchor=\"end\""),
        }
        if size != FONT {
            out.push_str(" font-size=\"");
            push_number(out, size);
            out.push('"');
        }
        paint.write_opacity(out);
        if bold {
            out.push_str(" font-weight=\"bold\"");
        }
        if rotate != 0 {
            let _ = write!(out, " transform=\"rotate({rotate}, {x}, {y})\"");
        }
        if paint.role != Role::Text {
            out.push_str(" class=\"c-");
            out.push_str(paint.role.name());
            out.push('"');
        }
        out.push('>');
        push_escaped(out, &self.text[text.clone()]);
        out.push_str("</text>");
    }

    fn write_points(&self, points: &Range<usize>, out: &mut String) {
        out.push_str(" points=\"");
        for (x, y) in &self.points[points.clone()] {
            let _ = write!(out, "{x},{y} ");
        }
        out.push('"');
    }
}

/// A stroke width other than SVG's default of 1 (0 draws as 1 too).
fn write_width(width: u32, out: &mut String) {
    if width > 1 {
        let _ = write!(out, " stroke-width=\"{width}\"");
    }
}

/// Escapes text for XML content and attribute values.
#[cfg(test)]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped for XML content and attribute values.
fn push_escaped(out: &mut String, text: &str) {
    // The five special characters are ASCII, so they never occur inside a
    // multi-byte character: runs between them are copied whole.
    let mut plain = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        out.push_str(entity);
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
}

/// Appends a number with at most two decimals and no trailing zeros:
/// 13 → "13", 10.5 → "10.5".
pub fn push_number(out: &mut String, v: f64) {
    // Most numbers here are whole: integer formatting is many times cheaper
    // than rounding a float to two decimals. (`-0` keeps its sign, as the
    // float path writes it.)
    if v.fract() == 0.0 && v.abs() < 1e15 && !(v == 0.0 && v.is_sign_negative()) {
        let _ = write!(out, "{}", v as i64);
        return;
    }
    let start = out.len();
    let _ = write!(out, "{v:.2}");
    let kept = out[start..]
        .trim_end_matches('0')
        .trim_end_matches('.')
        .len();
    out.truncate(start + kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_rounded_to_two_decimals() {
        // The integer shortcut must write what the float path writes.
        let by_float = |v: f64| {
            let text = format!("{v:.2}");
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        };
        for v in [
            0.0,
            -0.0,
            13.0,
            -5.0,
            25.0,
            0.3,
            0.45,
            10.5,
            1e15,
            -1e15,
            2e20,
            0.005,
            f64::NAN,
        ] {
            let mut out = String::from("x=");
            push_number(&mut out, v);
            assert_eq!(out, format!("x={}", by_float(v)), "{v}");
        }
    }

    #[test]
    fn text_is_escaped_and_kept_on_one_line() {
        let mut marks = Marks::default();
        let text = marks.push_text("Анна & <Пётр>\n'Ко'");
        marks.marks.push(Mark::Text {
            at: (1, 2),
            anchor: Anchor::Middle,
            size: 11.0,
            bold: true,
            rotate: 0,
            paint: Paint::new(Role::Muted, 0.5),
            text,
        });
        let mut out = String::new();
        marks.write_marks(&mut out);
        assert_eq!(
            out,
            "<text x=\"1\" y=\"2\" text-anchor=\"middle\" font-size=\"11\" opacity=\"0.5\" \
             font-weight=\"bold\" class=\"c-muted\">Анна &amp; &lt;Пётр&gt;&apos;Ко&apos;</text>\n"
        );
    }
}
