//! The palette, text sizes and the two layouts every chart is drawn in.
//!
//! Colours are not baked into the output: a mark is drawn with its
//! [`Role`] (a plotters `Color`), and our backend writes the role's CSS
//! class, so the page's custom properties (and dark mode) decide the colour.

use std::borrow::Cow;

use plotters::style::{Color, RGBColor};
use plotters_backend::BackendColor;

use super::markup::Anchor;

/// Effective size of every chart label, in px at the chart's natural width.
/// The CSS never shows a chart below 12/13 of its natural width (see style.css).
pub const FONT: f64 = 13.0;
/// Space kept between two labels, in px.
pub const LABEL_GAP: f64 = 6.0;
/// Space kept between a label and the edge of its drawing, in px: the SVG
/// would cut what crosses it, and style.css draws a halo around text.
pub const EDGE: i32 = 2;

/// What a mark means; it decides the CSS class and so the colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Actual,
    Plan,
    Forecast,
    Good,
    Bad,
    /// Secondary text and reference series (the team next to a manager).
    Muted,
    /// Main text: `currentColor`.
    Text,
    Grid,
    /// The background of a bar (leads received behind leads processed).
    Track,
}

impl Role {
    pub const ALL: [Role; 9] = [
        Role::Actual,
        Role::Plan,
        Role::Forecast,
        Role::Good,
        Role::Bad,
        Role::Muted,
        Role::Text,
        Role::Grid,
        Role::Track,
    ];

    /// The colour a role travels as through plotters (a backend is given
    /// nothing else): distinct per role, so the backend can tell the roles
    /// apart, and the UI.md colour where a role has one, so the palette
    /// reads right in code. It is never written into a chart.
    pub fn color(self) -> RGBColor {
        match self {
            Role::Actual => RGBColor(0x00, 0x72, 0xB2),
            Role::Plan => RGBColor(0x6E, 0x77, 0x81),
            Role::Forecast => RGBColor(0xE6, 0x9F, 0x00),
            Role::Good => RGBColor(0x00, 0x9E, 0x73),
            Role::Bad => RGBColor(0xD5, 0x5E, 0x00),
            Role::Muted => RGBColor(0x57, 0x60, 0x6A),
            Role::Text => RGBColor(0x1B, 0x1F, 0x24),
            Role::Grid => RGBColor(0xD0, 0xD7, 0xDE),
            Role::Track => RGBColor(0xE6, 0xE9, 0xED),
        }
    }

    /// The class suffix: `c-actual` fills, `l-actual` strokes (style.css).
    pub fn name(self) -> &'static str {
        match self {
            Role::Actual => "actual",
            Role::Plan => "plan",
            Role::Forecast => "forecast",
            Role::Good => "good",
            Role::Bad => "bad",
            Role::Muted => "muted",
            Role::Text => "text",
            Role::Grid => "grid",
            Role::Track => "track",
        }
    }

    /// The role whose colour is `rgb`, as our backend receives it.
    pub fn from_backend(rgb: (u8, u8, u8)) -> Option<Role> {
        Role::ALL.into_iter().find(|r| {
            let RGBColor(red, green, blue) = r.color();
            rgb == (red, green, blue)
        })
    }
}

/// A role is drawn with like a colour: `Role::Actual.filled()`,
/// `Role::Plan.stroke_width(2)`, `Role::Muted.mix(0.3)` (the opacity
/// reaches the SVG; the colour becomes the class).
impl Color for Role {
    fn to_backend_color(&self) -> BackendColor {
        self.color().to_backend_color()
    }
}

/// The two drawings of every chart: a page shows the one that fits its width
/// (a container query in style.css), so labels stay at least 12 px on a
/// 390 px phone without being huge on a desktop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    Wide,
    Narrow,
}

impl Variant {
    pub const BOTH: [Variant; 2] = [Variant::Wide, Variant::Narrow];

    /// Natural width in px (= viewBox units).
    pub fn width(self) -> i32 {
        match self {
            Variant::Wide => 720,
            Variant::Narrow => 360,
        }
    }

    /// The root element's classes; style.css shows one of the two.
    pub fn class(self) -> &'static str {
        match self {
            Variant::Wide => "chart chart-w",
            Variant::Narrow => "chart chart-n",
        }
    }

    /// Suffix that keeps element ids unique when both drawings are in a page.
    pub fn suffix(self) -> &'static str {
        match self {
            Variant::Wide => "w",
            Variant::Narrow => "n",
        }
    }
}

/// Width of a character in em, rounded up from DejaVu Sans (the widest of
/// the usual sans-serif fonts, and Chromium's on Debian): a conservative
/// estimate for any of them. plotters' own estimate counts bytes, two per
/// Cyrillic letter, so our backend measures labels with this instead.
fn char_em(c: char) -> f64 {
    match c {
        ' ' | '\u{a0}' | '\u{202f}' | '\'' | '.' | ',' | ':' | ';' | '/' | '(' | ')' | '-'
        | '!' | '|' | 'i' | 'j' | 'l' | 'I' | 'J' | 'f' | 'r' | 't' => 0.4,
        'Ш' | 'Щ' | 'Ж' | 'Ю' | 'Ы' | 'Ъ' | 'М' | 'Ф' | 'ш' | 'щ' | 'ж' | 'ю' | 'ф' | 'W' | 'M'
        | 'm' | '%' | '—' | '…' => 1.1,
        'ы' | 'м' | 'w' | 'д' | 'ц' | '→' | '−' | '▲' | '▼' => 0.85,
        // The basic Cyrillic letters first: most names are Russian, and
        // `is_uppercase` looks them up in a Unicode table.
        'А'..='Я' => 0.85,
        'а'..='я' => 0.66,
        c if c.is_uppercase() => 0.85,
        _ => 0.66,
    }
}

/// Where a label `width` px wide, anchored by `anchor` at `x`, is drawn to
/// stay within `bounds`: as asked, or against the edge it would cross and
/// anchored there. Returns the anchor, x, and the label's left and right.
/// Our backend draws every label so, and `axis::thin` predicts with it.
pub fn inside(x: i32, width: f64, anchor: Anchor, (lo, hi): (i32, i32)) -> (Anchor, i32, f64, f64) {
    let left = match anchor {
        Anchor::Start => f64::from(x),
        Anchor::Middle => f64::from(x) - width / 2.0,
        Anchor::End => f64::from(x) - width,
    };
    if left < f64::from(lo) {
        (Anchor::Start, lo, f64::from(lo), f64::from(lo) + width)
    } else if left + width > f64::from(hi) {
        (Anchor::End, hi, f64::from(hi) - width, f64::from(hi))
    } else {
        (anchor, x, left, left + width)
    }
}

/// Conservative width of `text` at `size` px.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * size
}

/// `text` shortened with `…` to fit `width` px at `size` (borrowed when
/// it fits as it is, as nearly every name does): the longest start of it
/// that fits with the ellipsis, found in one pass over the characters (the
/// widths are summed in the same order as [`text_width`] sums them, so the
/// cut is where measuring each shorter start would put it).
pub fn fit(text: &str, width: f64, size: f64) -> Cow<'_, str> {
    if text_width(text, size) <= width {
        return Cow::Borrowed(text);
    }
    let ellipsis = char_em('…');
    let mut em = 0.0;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        let longer = em + char_em(c);
        if (longer + ellipsis) * size > width {
            break;
        }
        em = longer;
        end = at + c.len_utf8();
    }
    Cow::Owned(format!("{}…", text[..end].trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_its_own_colour() {
        for r in Role::ALL {
            assert_eq!(Role::from_backend(r.to_backend_color().rgb), Some(r));
        }
    }

    #[test]
    fn fit_shortens_long_names() {
        assert_eq!(fit("Анна", 200.0, 13.0), "Анна");
        let short = fit("Константин Константинопольский", 100.0, 13.0);
        assert!(short.ends_with('…'));
        assert!(text_width(&short, 13.0) <= 100.0);
        assert_eq!(fit("Ш", 5.0, 13.0), "…");
    }

    /// What `fit` did before it was linear: measure, drop a character, measure again.
    fn fit_by_trying(text: &str, width: f64, size: f64) -> String {
        if text_width(text, size) <= width {
            return text.to_string();
        }
        let mut short: String = text.to_string();
        while !short.is_empty() && text_width(&format!("{short}…"), size) > width {
            short.pop();
        }
        format!("{}…", short.trim_end())
    }

    #[test]
    fn fit_cuts_where_trying_each_length_would() {
        let names = [
            "Константин Константинопольский",
            "Анна Ивановна Иванова-Петрова (старший менеджер)",
            "Mmmmmmmmmm iiiii WWWW — №5",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        ];
        for name in names {
            for width in [0.0, 10.0, 33.3, 60.0, 100.0, 150.5, 230.0] {
                for size in [9.7, 11.0, 13.0] {
                    assert_eq!(
                        fit(name, width, size),
                        fit_by_trying(name, width, size),
                        "{name} in {width} px at {size}"
                    );
                }
            }
        }
    }

    #[test]
    fn fit_is_linear_in_the_length_of_the_text() {
        // 100,000 characters never finished when each shorter start was
        // measured again (a 30,000-character name took 11.6 s to build).
        let name = "Ж".repeat(100_000);
        let started = std::time::Instant::now();
        let short = fit(&name, 120.0, 13.0);
        assert!(short.chars().count() < 20);
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
    }
}
