//! Lead processing per manager for a week: leads received as a light bar,
//! processed as a solid bar inside it, and the leads left overnight written
//! after it (they are a count of days × leads, too small to read as a bar
//! on the same scale, and the goal is zero).

use super::canvas::{Anchor, render};
use super::frame::Rows;
use super::legend::{Swatch, legend, legend_height};
use super::style::{FONT, Role, Variant, text_width};
use super::{Chart, Root, responsive_shared, say};
use crate::locale::format::Formatter;

/// One manager's week.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadsRow {
    pub name: String,
    pub received: u64,
    pub processed: u64,
    pub overnight: u64,
}

/// Draws one row per manager, in the given order.
pub fn leads(id: &str, fmt: &Formatter, rows: &[LeadsRow]) -> Chart {
    responsive_shared(
        id,
        title(fmt, rows),
        summary(fmt, rows),
        || Labels::new(fmt, rows),
        |labels, v, root| draw(fmt, rows, labels, v, root),
    )
}

/// A label and its width at `FONT`.
struct Measured {
    text: String,
    width: f64,
}

impl Measured {
    fn new(text: String) -> Self {
        let width = text_width(&text, FONT);
        Self { text, width }
    }
}

/// What the two drawings share: each row's labels, formatted and
/// measured once.
struct Labels {
    names: Vec<String>,
    /// "44 / 45" per row.
    values: Vec<Measured>,
    /// "перенос 12" for the rows with leads left overnight.
    overnight: Vec<Option<Measured>>,
}

impl Labels {
    fn new(fmt: &Formatter, rows: &[LeadsRow]) -> Self {
        Self {
            names: rows.iter().map(|r| r.name.clone()).collect(),
            values: rows
                .iter()
                .map(|r| Measured::new(value_label(fmt, r)))
                .collect(),
            overnight: rows
                .iter()
                .map(|r| {
                    (r.overnight > 0).then(|| Measured::new(overnight_label(fmt, r.overnight)))
                })
                .collect(),
        }
    }
}

fn count(fmt: &Formatter, n: u64) -> String {
    fmt.number(n as f64, 0)
}

fn title(fmt: &Formatter, rows: &[LeadsRow]) -> String {
    let received: u64 = rows.iter().map(|r| r.received).sum();
    let processed: u64 = rows.iter().map(|r| r.processed).sum();
    let overnight: u64 = rows.iter().map(|r| r.overnight).sum();
    let who = rows.iter().filter(|r| r.overnight > 0).count();
    let rate = if received > 0 {
        fmt.percent(processed as f64 / received as f64, 0)
    } else {
        "—".into()
    };
    let (p, r, o) = (
        count(fmt, processed),
        count(fmt, received),
        count(fmt, overnight),
    );
    let tail = match overnight {
        0 => say(fmt).none_overnight().to_string(),
        _ => say(fmt).overnight_by(&o, who, rows.len()),
    };
    say(fmt).leads_title(fmt.words.leads, &rate, &p, &r, &tail)
}

fn summary(fmt: &Formatter, rows: &[LeadsRow]) -> String {
    let parts: Vec<String> = rows
        .iter()
        .map(|r| {
            let (rc, p, o) = (
                count(fmt, r.received),
                count(fmt, r.processed),
                count(fmt, r.overnight),
            );
            say(fmt).leads_row(&r.name, &rc, &p, &o)
        })
        .collect();
    format!("{}.", parts.join("; "))
}

fn overnight_label(fmt: &Formatter, n: u64) -> String {
    say(fmt).overnight_mark(n)
}

fn draw(fmt: &Formatter, rows: &[LeadsRow], labels: &Labels, v: Variant, root: &Root) -> String {
    let width = v.width();
    let items = [
        (
            Swatch::Bar(Role::Muted, 0.3),
            fmt.words.leads_received.to_string(),
        ),
        (
            Swatch::Bar(Role::Actual, 1.0),
            fmt.words.leads_processed.to_string(),
        ),
    ];
    let top = legend_height(&items, width) + 4;
    let height = Rows::height(v, top, rows.len(), 6);
    render(root, (width, height), |c| {
        legend(c, &items, (0, 0), width);
        let max = rows
            .iter()
            .map(|r| r.received.max(r.processed))
            .max()
            .unwrap_or(0) as f64;
        // Room after the longest bar for "44 / 45 перенос 12" (the narrow
        // drawing writes "перенос 12" on the name's line instead).
        let widest = labels
            .values
            .iter()
            .zip(&labels.overnight)
            .map(|(value, overnight)| match overnight {
                // The note with its gap, then the value: this order of the
                // additions is the one the snapshots were drawn with.
                Some(note) if v == Variant::Wide => value.width + (6.0 + note.width),
                _ => value.width,
            })
            .fold(0.0, f64::max);
        let reserve = widest.ceil() as i32 + 10;
        let note = labels
            .overnight
            .iter()
            .flatten()
            .filter(|_| v == Variant::Narrow)
            .map(|note| note.width.ceil() as i32 + 8)
            .max()
            .unwrap_or(0);
        let f = Rows::draw(
            c,
            v,
            top,
            max,
            &|n| fmt.number(n, 0),
            &labels.names,
            (reserve, note),
        );
        for (i, r) in rows.iter().enumerate() {
            let y = f.center(i);
            let received_end = f.x.px(r.received as f64);
            let processed_end = f.x.px(r.processed as f64);
            c.rect((f.x0, y - 9), (received_end, y + 9), Role::Muted, 0.3);
            c.rect((f.x0, y - 4), (processed_end, y + 4), Role::Actual, 1.0);
            let x = received_end.max(processed_end) + 5;
            let label = &labels.values[i];
            c.text(&label.text, (x, y), Anchor::Start, Role::Text, FONT);
            if let Some(note) = &labels.overnight[i] {
                match f.note_at(i, width) {
                    Some(at) => c.text(&note.text, at, Anchor::End, Role::Bad, FONT),
                    None => {
                        let after = (x + label.width.ceil() as i32 + 6, y);
                        c.text(&note.text, after, Anchor::Start, Role::Bad, FONT);
                    }
                }
            }
        }
    })
}

/// "44 / 45": processed of received.
fn value_label(fmt: &Formatter, r: &LeadsRow) -> String {
    format!("{} / {}", count(fmt, r.processed), count(fmt, r.received))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;

    #[test]
    fn title_sums_the_rows() {
        let rows = vec![
            LeadsRow {
                name: "Анна".into(),
                received: 45,
                processed: 44,
                overnight: 2,
            },
            LeadsRow {
                name: "Пётр".into(),
                received: 30,
                processed: 30,
                overnight: 0,
            },
        ];
        let fmt = Formatter::new(Locale::Ru, "₽");
        let c = leads("l", &fmt, &rows);
        assert_eq!(
            c.title,
            "Лиды: обработано 99\u{a0}% (74 из 75); перенос на завтра — 2 у 1 из 2"
        );
        assert!(
            c.summary
                .starts_with("Анна: получено 45, обработано 44, перенос 2;")
        );
        assert!(c.svg.contains(">перенос 2</text>"));
    }
}
