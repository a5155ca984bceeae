//! The post-processing that makes plotters' SVG fit a page: responsive,
//! accessible, themable, small.
//!
//! plotters writes one tag per line with baked colours and sizes; `finish`
//! rewrites that output line by line (it is regular enough not to need an
//! XML parser).

use super::style::{FONT, Role};

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
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
    let view_box = attrs(first)
        .into_iter()
        .find(|(k, _)| *k == "viewBox")
        .map_or_else(String::new, |(_, v)| v.to_string());
    let mut elements: Vec<Element> = Vec::new();
    let mut lines = lines.peekable();
    while let Some(line) = lines.next() {
        if line.starts_with("</") {
            continue; // only the root closes, and it is written below
        }
        let mut element = Element::parse(line);
        if element.name == "text" {
            while let Some(text) = lines.next_if(|l| *l != "</text>") {
                element.text.push_str(text);
            }
            lines.next();
        }
        elements.push(element);
    }
    let id = root.id;
    let mut out = format!(
        "<svg viewBox=\"{view_box}\" xmlns=\"http://www.w3.org/2000/svg\" class=\"{}\" role=\"img\" \
         aria-labelledby=\"{id}-t\" aria-describedby=\"{}\" font-family=\"sans-serif\" font-size=\"{}\" \
         fill=\"currentColor\">\n<title id=\"{id}-t\">{}</title>\n",
        escape(root.class),
        escape(root.described_by),
        number(FONT),
        escape(root.title),
    );
    if let Some(summary) = root.summary {
        out.push_str(&format!(
            "<desc id=\"{}\">{}</desc>\n",
            escape(root.described_by),
            escape(summary)
        ));
    }
    for line in merge_rects(elements) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str("</svg>\n");
    out
}

/// One element of plotters' output, attributes already rewritten.
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    classes: Vec<String>,
    text: String,
}

impl Element {
    fn parse(line: &str) -> Self {
        let name: String = line
            .trim_start_matches('<')
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let mut attrs = Vec::new();
        let mut classes = Vec::new();
        let mut size = FONT;
        let mut centred = false;
        for (key, value) in self::attrs(line) {
            match (key, value) {
                ("opacity", "1") | ("font-family", _) | ("text-anchor", "start") => {}
                ("stroke", "none") if name != "polyline" => {}
                ("stroke-width", "1" | "0") if name != "text" => {}
                // Main text takes the root's `currentColor`: no class needed.
                ("fill", v) if name == "text" && Role::from_hex(v) == Some(Role::Text) => {}
                ("dy", "0.5ex") => centred = true,
                ("fill" | "stroke", v) if Role::from_hex(v).is_some() => {
                    let role = Role::from_hex(v).map_or("", Role::name);
                    let kind = if key == "fill" { "c" } else { "l" };
                    classes.push(format!("{kind}-{role}"));
                }
                ("font-size", v) => {
                    size = v.parse::<f64>().map_or(FONT, |s| (s * 10.0).round() / 10.0);
                    if size != FONT {
                        attrs.push((key.to_string(), number(size)));
                    }
                }
                ("opacity", v) => {
                    let o = v
                        .parse::<f64>()
                        .map_or(1.0, |o| (o * 100.0).round() / 100.0);
                    attrs.push((key.to_string(), number(o)));
                }
                (k, v) => attrs.push((k.to_string(), v.to_string())),
            }
        }
        if centred {
            for (key, value) in &mut attrs {
                if key == "y" {
                    let y: f64 = value.parse().unwrap_or_default();
                    *value = number((y + size * BASELINE_EM).round());
                }
            }
        }
        Self {
            name,
            attrs,
            classes,
            text: String::new(),
        }
    }

    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A filled rectangle: (class and opacity, path segment).
    fn filled_rect(&self) -> Option<((String, String), String)> {
        if self.name != "rect" || self.attr("fill") == Some("none") || self.classes.len() != 1 {
            return None;
        }
        let (x, y, w, h) = (
            self.attr("x")?,
            self.attr("y")?,
            self.attr("width")?,
            self.attr("height")?,
        );
        let key = (
            self.classes[0].clone(),
            self.attr("opacity").unwrap_or_default().to_string(),
        );
        Some((key, format!("M{x} {y}h{w}v{h}h-{w}z")))
    }

    fn write(&self) -> String {
        let mut out = format!("<{}", self.name);
        for (k, v) in &self.attrs {
            out.push_str(&format!(" {k}=\"{v}\""));
        }
        if !self.classes.is_empty() {
            out.push_str(&format!(" class=\"{}\"", self.classes.join(" ")));
        }
        if self.name == "text" {
            out.push_str(&format!(">{}</text>", self.text));
        } else {
            out.push_str("/>");
        }
        out
    }
}

/// The elements as lines, with the filled rectangles of each class and
/// opacity joined into one `<path>` at the place of the last of them.
fn merge_rects(elements: Vec<Element>) -> Vec<String> {
    let mut groups: Vec<((String, String), Vec<String>, usize)> = Vec::new();
    for (i, e) in elements.iter().enumerate() {
        if let Some((key, segment)) = e.filled_rect() {
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(group) => {
                    group.1.push(segment);
                    group.2 = i;
                }
                None => groups.push((key, vec![segment], i)),
            }
        }
    }
    let mut lines = Vec::with_capacity(elements.len());
    for (i, e) in elements.iter().enumerate() {
        let Some((key, _)) = e.filled_rect() else {
            lines.push(e.write());
            continue;
        };
        let Some(group) = groups.iter().find(|g| g.0 == key) else {
            continue;
        };
        if group.1.len() == 1 {
            lines.push(e.write());
        } else if group.2 == i {
            let opacity = if key.1.is_empty() {
                String::new()
            } else {
                format!(" opacity=\"{}\"", key.1)
            };
            lines.push(format!(
                "<path d=\"{}\"{opacity} class=\"{}\"/>",
                group.1.concat(),
                key.0
            ));
        }
    }
    lines
}

/// A number without trailing zeros: 13 → "13", 10.5 → "10.5".
fn number(v: f64) -> String {
    let text = format!("{v:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The `key="value"` pairs of one tag line, values still escaped.
fn attrs(line: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq].rsplit(' ').next().unwrap_or_default();
        let after = &rest[eq + 2..];
        let Some(end) = after.find('"') else { break };
        found.push((key, &after[..end]));
        rest = &after[end + 1..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::canvas::{Anchor, render};

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
