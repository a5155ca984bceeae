//! Plan attainment per manager: horizontal bars against the 100 % line
//! (the plan, grey dashed) and the lagging threshold (dotted, in the "bad"
//! colour). Bars below the threshold take that colour too, and their
//! position left of the labelled line says the same without colour.

use super::canvas::{Anchor, Canvas, render};
use super::frame::Rows;
use super::style::{FONT, LABEL_GAP, Role, Variant, text_width};
use super::{Chart, Root, responsive, say};
use crate::locale::format::Formatter;

/// A manager and a ratio (attainment or pace); `None` when there is no plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ManagerValue {
    pub name: String,
    pub value: Option<f64>,
}

/// Draws one bar per manager, in the given order. `threshold` is a fraction
/// (0.8); `pace` says the values are pace to plan (a month still running)
/// rather than attainment of the full plan.
pub fn attainment(
    id: &str,
    fmt: &Formatter,
    rows: &[ManagerValue],
    threshold: f64,
    pace: bool,
) -> Chart {
    responsive(
        id,
        title(fmt, rows, threshold, pace),
        summary(fmt, rows),
        |v, root| draw(fmt, rows, threshold, v, root),
    )
}

fn title(fmt: &Formatter, rows: &[ManagerValue], threshold: f64, pace: bool) -> String {
    let planned = rows.iter().filter(|r| r.value.is_some()).count();
    let met = rows
        .iter()
        .filter(|r| r.value.is_some_and(|v| v >= 1.0))
        .count();
    let below: Vec<&str> = rows
        .iter()
        .filter(|r| r.value.is_some_and(|v| v < threshold))
        .map(|r| r.name.as_str())
        .collect();
    let limit = fmt.percent(threshold, 0);
    let who = if below.is_empty() {
        say(fmt).nobody().to_string()
    } else if below.len() <= 3 {
        below.join(", ")
    } else {
        below.len().to_string()
    };
    let w = fmt.words;
    let head = if pace { w.pace } else { w.attainment };
    say(fmt).attainment_title(head, met, planned, &limit, &who)
}

fn summary(fmt: &Formatter, rows: &[ManagerValue]) -> String {
    let parts: Vec<String> = rows
        .iter()
        .map(|r| {
            let v = r
                .value
                .map_or_else(|| fmt.words.no_plan.to_string(), |v| fmt.percent(v, 0));
            format!("{} — {v}", r.name)
        })
        .collect();
    format!("{}.", parts.join("; "))
}

fn draw(fmt: &Formatter, rows: &[ManagerValue], threshold: f64, v: Variant, root: &Root) -> String {
    let width = v.width();
    let names: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();
    // Room under the rows for the two line labels, on two rows at worst.
    let height = Rows::height(v, 0, rows.len(), 40);
    render(root, (width, height), |c| {
        let max = rows
            .iter()
            .filter_map(|r| r.value)
            .fold(1.2f64.max(threshold), f64::max);
        let pct = |x: f64| fmt.percent(x, 0);
        let f = Rows::draw(c, v, 0, max, &pct, &names, (52, 0));
        let (top, bottom) = (f.top(), f.bottom(rows.len()));
        for (i, r) in rows.iter().enumerate() {
            let y = f.center(i);
            match r.value {
                Some(value) => {
                    let role = if value < threshold {
                        Role::Bad
                    } else {
                        Role::Actual
                    };
                    let end = f.x.px(value);
                    c.rect((f.x0, y - 8), (end, y + 8), role, 1.0);
                    let text_role = if value < threshold {
                        Role::Bad
                    } else {
                        Role::Text
                    };
                    c.text(&pct(value), (end + 5, y), Anchor::Start, text_role, FONT);
                }
                None => c.text(
                    fmt.words.no_plan,
                    (f.x0 + 5, y),
                    Anchor::Start,
                    Role::Muted,
                    FONT,
                ),
            }
        }
        let plan_x = f.x.px(1.0);
        let limit_x = f.x.px(threshold);
        c.line(vec![(plan_x, top), (plan_x, bottom)], Role::Plan, 2);
        c.line(vec![(limit_x, top), (limit_x, bottom)], Role::Bad, 2);
        let plan_label = say(fmt).plan_mark(&pct(1.0));
        let limit_label = say(fmt).threshold_mark(&pct(threshold));
        let mut marks = [
            (limit_x, limit_label, Role::Bad),
            (plan_x, plan_label, Role::Plan),
        ];
        marks.sort_by_key(|m| m.0);
        line_labels(c, width, bottom + 15, &marks);
    })
}

/// Labels under the two vertical lines: the left one ends at its line,
/// the right one starts at its line, both kept inside the drawing; when
/// they would still meet, the right one drops to a second row.
fn line_labels(c: &Canvas, width: i32, y: i32, marks: &[(i32, String, Role); 2]) {
    let [(lx, left, left_role), (rx, right, right_role)] = marks;
    let (lw, rw) = (
        text_width(left, FONT).ceil() as i32,
        text_width(right, FONT).ceil() as i32,
    );
    let left_start = (lx - 4 - lw).clamp(0, width - lw);
    c.text(left, (left_start, y), Anchor::Start, *left_role, FONT);
    let right_start = (rx + 4).min(width - rw);
    let clear = right_start >= left_start + lw + LABEL_GAP as i32;
    let (start, row) = if clear {
        (right_start, y)
    } else {
        (right_start.max(0), y + 16)
    };
    c.text(right, (start, row), Anchor::Start, *right_role, FONT);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;

    fn rows() -> Vec<ManagerValue> {
        [
            ("Анна Иванова", Some(1.106)),
            ("Пётр Сидоров", Some(0.74)),
            ("Новый", None),
        ]
        .map(|(n, v)| ManagerValue {
            name: n.into(),
            value: v,
        })
        .to_vec()
    }

    #[test]
    fn title_names_who_is_below_the_threshold() {
        let fmt = Formatter::new(Locale::Ru, "₽");
        let c = attainment("a", &fmt, &rows(), 0.8, false);
        assert_eq!(
            c.title,
            "Выполнение плана: 1 из 2 на 100\u{a0}% и выше; ниже 80\u{a0}% — Пётр Сидоров"
        );
        assert_eq!(
            c.summary,
            "Анна Иванова — 111\u{a0}%; Пётр Сидоров — 74\u{a0}%; Новый — план не задан."
        );
        assert!(c.svg.contains("c-bad"), "the lagging bar is marked");
    }
}
