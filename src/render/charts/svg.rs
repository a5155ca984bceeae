//! The post-processing that makes plotters' SVG fit a page: responsive,
//! accessible, themable, small.
//!
//! plotters writes one tag per line with baked colours and sizes; `finish`
//! rewrites that output line by line (it is regular enough not to need an
//! XML parser).
//!
//! A 40-row chart has hundreds of lines and every chart is finished twice,
//! so this runs often: the lines are parsed into slices of plotters' output
//! (no `String` per attribute) and written straight into one `String`.

use std::fmt::Write as _;
use std::ops::Range;

use super::style::{FONT, Role};

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

/// Where a centred label's baseline sits below its centre, in em: half the
/// cap height of common sans-serif fonts. A number instead of plotters'
/// `dy="0.5ex"`, which centres lowercase only and costs bytes on every label.
const BASELINE_EM: f64 = 0.35;

/// Rewrites plotters' SVG for the page:
/// - the root loses `width`/`height` (viewBox only: CSS sizes it) and gains
///   `role="img"`, `aria-labelledby` → a `<title>`, `aria-describedby` → a
///   `<desc>`, and the inherited font and `fill="currentColor"` for text;
/// - sentinel colours become classes (`c-<role>` for fills, `l-<role>` for
///   strokes), so style.css colours them, in dark mode too;
/// - defaults and repeated attributes go, and the filled rectangles of one
///   class become one `<path>` (drawn where the last of them was, so bars
///   stay above the gridlines): small files even with 40 managers;
/// - a label's text joins its tag on one line.
pub fn finish(raw: &str, root: &Root) -> String {
    let mut lines = raw.lines();
    let Some(first) = lines.next() else {
        return String::new();
    };
    let view_box = Attrs(first)
        .find(|(k, _)| *k == "viewBox")
        .map_or("", |(_, v)| v);
    let mut doc = Document::with_capacity(raw.len());
    let mut lines = lines.peekable();
    while let Some(line) = lines.next() {
        if line.starts_with("</") {
            continue; // only the root closes, and it is written below
        }
        let mut element = doc.parse(line);
        if element.name == "text" {
            let first_piece = doc.texts.len();
            while let Some(text) = lines.next_if(|l| *l != "</text>") {
                doc.texts.push(text);
            }
            lines.next();
            element.text = first_piece..doc.texts.len();
        }
        doc.elements.push(element);
    }
    // The output is plotters' minus the dropped attributes, plus the root's
    // labels: rarely more than this, so the string is seldom copied.
    let summary_len = root.summary.map_or(0, str::len);
    let mut out = String::with_capacity(raw.len() + 2 * (root.title.len() + summary_len) + 512);
    out.push_str("<svg viewBox=\"");
    out.push_str(view_box);
    out.push_str("\" xmlns=\"http://www.w3.org/2000/svg\" class=\"");
    push_escaped(&mut out, root.class);
    out.push_str("\" role=\"img\" aria-labelledby=\"");
    out.push_str(root.id);
    out.push_str("-t\" aria-describedby=\"");
    push_escaped(&mut out, root.described_by);
    out.push_str("\" font-family=\"sans-serif\" font-size=\"");
    push_number(&mut out, FONT);
    out.push_str("\" fill=\"currentColor\">\n<title id=\"");
    out.push_str(root.id);
    out.push_str("-t\">");
    push_escaped(&mut out, root.title);
    out.push_str("</title>\n");
    if let Some(summary) = root.summary {
        out.push_str("<desc id=\"");
        push_escaped(&mut out, root.described_by);
        out.push_str("\">");
        push_escaped(&mut out, summary);
        out.push_str("</desc>\n");
    }
    doc.write(&mut out);
    out.push_str("</svg>\n");
    out
}

/// An attribute value as it will be written.
#[derive(Debug, Clone, Copy)]
enum Value<'a> {
    /// Kept as plotters wrote it (already escaped).
    Raw(&'a str),
    /// Rewritten: a rounded size, opacity or position, see [`push_number`].
    Number(f64),
}

impl PartialEq for Value<'_> {
    /// Equal when written the same. Numbers compare by bits: they are
    /// rounded to two decimals before they get here, where distinct values
    /// have distinct text. A `Raw` and a `Number` are never compared (an
    /// attribute is always one or the other).
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Raw(a), Value::Raw(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => a.to_bits() == b.to_bits(),
            _ => false,
        }
    }
}

/// The class a sentinel colour becomes: `c-<role>` (fill) or `l-<role>` (stroke).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Class {
    stroke: bool,
    role: Role,
}

impl Class {
    fn write(self, out: &mut String) {
        out.push_str(if self.stroke { "l-" } else { "c-" });
        out.push_str(self.role.name());
    }
}

/// One element of plotters' output, attributes already rewritten; its
/// attributes, classes and text are ranges in the [`Document`]'s lists, so
/// an element costs no allocation of its own.
struct Element<'a> {
    name: &'a str,
    attrs: Range<usize>,
    classes: Range<usize>,
    /// Lines of a `<text>`'s content (one, unless the label had line breaks).
    text: Range<usize>,
}

/// Filled rectangles of one class and opacity, drawn as one `<path>`.
struct Group<'a> {
    class: Class,
    opacity: Option<Value<'a>>,
    count: usize,
    /// Index of the last member: where the path is drawn.
    last: usize,
}

/// The parsed elements of one drawing, borrowing from plotters' output.
struct Document<'a> {
    elements: Vec<Element<'a>>,
    attrs: Vec<(&'a str, Value<'a>)>,
    classes: Vec<Class>,
    texts: Vec<&'a str>,
}

impl<'a> Document<'a> {
    /// Room for the elements of `raw_len` bytes of plotters' SVG (a line is
    /// rarely shorter than 60 bytes, and has fewer than 8 attributes).
    fn with_capacity(raw_len: usize) -> Self {
        let lines = raw_len / 60 + 1;
        Self {
            elements: Vec::with_capacity(lines),
            attrs: Vec::with_capacity(lines * 5),
            classes: Vec::with_capacity(lines),
            texts: Vec::with_capacity(lines / 2),
        }
    }

    /// Parses one tag line, rewriting its attributes; `text` is left empty.
    fn parse(&mut self, line: &'a str) -> Element<'a> {
        let tag = line.trim_start_matches('<');
        let name = &tag[..tag.bytes().take_while(u8::is_ascii_alphabetic).count()];
        let attrs_start = self.attrs.len();
        let classes_start = self.classes.len();
        let mut size = FONT;
        let mut centred = false;
        for (key, value) in Attrs(line) {
            let role = match key {
                "fill" | "stroke" => Role::from_hex(value),
                _ => None,
            };
            match (key, value) {
                ("opacity", "1") | ("font-family", _) | ("text-anchor", "start") => {}
                ("stroke", "none") if name != "polyline" => {}
                ("stroke-width", "1" | "0") if name != "text" => {}
                // Main text takes the root's `currentColor`: no class needed.
                ("fill", _) if name == "text" && role == Some(Role::Text) => {}
                ("dy", "0.5ex") => centred = true,
                ("fill" | "stroke", _) if role.is_some() => {
                    if let Some(role) = role {
                        let stroke = key == "stroke";
                        self.classes.push(Class { stroke, role });
                    }
                }
                ("font-size", v) => {
                    size = v.parse::<f64>().map_or(FONT, |s| (s * 10.0).round() / 10.0);
                    if size != FONT {
                        self.attrs.push((key, Value::Number(size)));
                    }
                }
                ("opacity", v) => {
                    let o = v
                        .parse::<f64>()
                        .map_or(1.0, |o| (o * 100.0).round() / 100.0);
                    self.attrs.push((key, Value::Number(o)));
                }
                (k, v) => self.attrs.push((k, Value::Raw(v))),
            }
        }
        if centred {
            for (key, value) in &mut self.attrs[attrs_start..] {
                if *key == "y" {
                    let y = match *value {
                        Value::Raw(v) => v.parse().unwrap_or_default(),
                        Value::Number(y) => y,
                    };
                    *value = Value::Number((y + size * BASELINE_EM).round());
                }
            }
        }
        Element {
            name,
            attrs: attrs_start..self.attrs.len(),
            classes: classes_start..self.classes.len(),
            text: 0..0,
        }
    }

    fn attr(&self, e: &Element, key: &str) -> Option<Value<'a>> {
        self.attrs[e.attrs.clone()]
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
    }

    /// The class and opacity of a filled rectangle, the key of its group.
    fn filled_rect(&self, e: &Element) -> Option<(Class, Option<Value<'a>>)> {
        if e.name != "rect"
            || self.attr(e, "fill") == Some(Value::Raw("none"))
            || e.classes.len() != 1
        {
            return None;
        }
        for key in ["x", "y", "width", "height"] {
            self.attr(e, key)?;
        }
        Some((self.classes[e.classes.start], self.attr(e, "opacity")))
    }

    /// A filled rectangle as a path segment: `M{x} {y}h{w}v{h}h-{w}z`.
    fn write_segment(&self, e: &Element, out: &mut String) {
        let [x, y, w, h] = ["x", "y", "width", "height"].map(|k| self.attr(e, k));
        let parts = [("M", x), (" ", y), ("h", w), ("v", h), ("h-", w)];
        for (prefix, value) in parts {
            out.push_str(prefix);
            if let Some(value) = value {
                push_value(out, value);
            }
        }
        out.push('z');
    }

    fn write_element(&self, e: &Element, out: &mut String) {
        out.push('<');
        out.push_str(e.name);
        for (key, value) in &self.attrs[e.attrs.clone()] {
            out.push(' ');
            out.push_str(key);
            out.push_str("=\"");
            push_value(out, *value);
            out.push('"');
        }
        if !e.classes.is_empty() {
            out.push_str(" class=\"");
            for (i, class) in self.classes[e.classes.clone()].iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                class.write(out);
            }
            out.push('"');
        }
        if e.name == "text" {
            out.push('>');
            for piece in &self.texts[e.text.clone()] {
                out.push_str(piece);
            }
            out.push_str("</text>");
        } else {
            out.push_str("/>");
        }
    }

    /// Writes the elements, one per line, with the filled rectangles of
    /// each class and opacity joined into one `<path>` at the place of the
    /// last of them.
    fn write(&self, out: &mut String) {
        let mut groups: Vec<Group> = Vec::new();
        let mut member: Vec<Option<usize>> = Vec::with_capacity(self.elements.len());
        for (i, e) in self.elements.iter().enumerate() {
            let group = self.filled_rect(e).map(|(class, opacity)| {
                let found = groups
                    .iter()
                    .position(|g| g.class == class && g.opacity == opacity);
                let g = found.unwrap_or_else(|| {
                    groups.push(Group {
                        class,
                        opacity,
                        count: 0,
                        last: i,
                    });
                    groups.len() - 1
                });
                groups[g].count += 1;
                groups[g].last = i;
                g
            });
            member.push(group);
        }
        for (i, e) in self.elements.iter().enumerate() {
            match member[i].map(|g| (g, &groups[g])) {
                None => self.write_element(e, out),
                Some((_, group)) if group.count == 1 => self.write_element(e, out),
                Some((g, group)) if group.last == i => {
                    out.push_str("<path d=\"");
                    for (m, _) in member[..=i]
                        .iter()
                        .enumerate()
                        .filter(|(_, m)| **m == Some(g))
                    {
                        self.write_segment(&self.elements[m], out);
                    }
                    out.push('"');
                    if let Some(opacity) = group.opacity {
                        out.push_str(" opacity=\"");
                        push_value(out, opacity);
                        out.push('"');
                    }
                    out.push_str(" class=\"");
                    group.class.write(out);
                    out.push_str("\"/>");
                }
                Some(_) => continue, // drawn with the last of its group
            }
            out.push('\n');
        }
    }
}

fn push_value(out: &mut String, value: Value) {
    match value {
        Value::Raw(v) => out.push_str(v),
        Value::Number(n) => push_number(out, n),
    }
}

/// Appends a number with at most two decimals and no trailing zeros:
/// 13 → "13", 10.5 → "10.5".
fn push_number(out: &mut String, v: f64) {
    // Most numbers here are whole (positions, sizes): integer formatting is
    // many times cheaper than rounding a float to two decimals. (`-0` keeps
    // its sign, as the float path writes it.)
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

/// The `key="value"` pairs of one tag line, values still escaped.
struct Attrs<'a>(&'a str);

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.0;
        let bytes = rest.as_bytes();
        // One pass to the first `="`, noting where the word before it
        // starts: a substring search would set up a searcher for every
        // attribute and then look back for the key, which costs more.
        let mut key_start = 0;
        let mut eq = 0;
        loop {
            match *bytes.get(eq)? {
                b' ' => key_start = eq + 1,
                b'=' if bytes.get(eq + 1) == Some(&b'"') => break,
                _ => {}
            }
            eq += 1;
        }
        let after = &rest[eq + 2..];
        let end = after.bytes().position(|b| b == b'"')?;
        self.0 = &after[end + 1..];
        Some((&rest[key_start..eq], &after[..end]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::canvas::{Anchor, render};

    fn sample() -> String {
        let raw = render(200, 100, |c| {
            c.rect((10, 10), (50, 90), Role::Actual, 1.0);
            c.rect((60, 30), (90, 90), Role::Actual, 1.0);
            c.rect((100, 30), (110, 90), Role::Bad, 1.0);
            c.line(vec![(0, 50), (200, 50)], Role::Plan, 2);
            c.text("Анна & <Пётр>", (100, 20), Anchor::Middle, Role::Text, FONT);
            c.text("мелко", (10, 20), Anchor::Start, Role::Muted, 11.0);
        });
        finish(
            &raw,
            &Root {
                id: "x",
                class: "chart",
                title: "Выручка: \"95 %\"",
                summary: Some("a < b"),
                described_by: "x-d",
            },
        )
    }

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
    fn root_is_responsive_and_labelled() {
        let svg = sample();
        let root = svg.lines().next().unwrap();
        assert!(!root.contains("width="), "{root}");
        assert!(!root.contains("height="), "{root}");
        assert!(root.contains("viewBox=\"0 0 200 100\""));
        assert!(root.contains("role=\"img\" aria-labelledby=\"x-t\""));
        assert!(svg.contains("<title id=\"x-t\">Выручка: &quot;95 %&quot;</title>"));
        assert!(svg.contains("<desc id=\"x-d\">a &lt; b</desc>"));
    }

    #[test]
    fn colours_become_classes_and_text_is_escaped() {
        let svg = sample();
        assert!(!svg.contains("#"), "no baked colour is left:\n{svg}");
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
        assert!(!svg.contains("font-family=\"sans-serif\" font-size=\"13\" opacity"));
    }
}
