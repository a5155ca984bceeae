//! The sales funnel, leads → meetings → deals, one row per team or manager.
//! Each row is scaled to its own leads (100 %), so a manager with 40 leads
//! and the team with 400 read the same way: the bar lengths are the
//! conversions, the counts are written beside them.

use super::canvas::{Anchor, render};
use super::frame::Rows;
use super::legend::{Swatch, legend, legend_height};
use super::style::{FONT, Role, Variant, text_width};
use super::{Chart, Root, responsive_shared, say};
use crate::locale::format::Formatter;
use crate::locale::labels::lower_first;

/// One row of the funnel. `leads` are the processed leads: meeting
/// conversion is counted from them (DESIGN.md, `conv_lead_meeting`).
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelRow {
    pub name: String,
    pub leads: u64,
    pub meetings: u64,
    pub deals: u64,
}

impl FunnelRow {
    fn share(&self, n: u64) -> Option<f64> {
        (self.leads > 0).then(|| n as f64 / self.leads as f64)
    }

    fn meeting_deal(&self) -> Option<f64> {
        (self.meetings > 0).then(|| self.deals as f64 / self.meetings as f64)
    }
}

/// Draws the rows in the given order; the first one leads the title.
pub fn funnel(id: &str, fmt: &Formatter, rows: &[FunnelRow]) -> Chart {
    responsive_shared(
        id,
        title(fmt, rows),
        summary(fmt, rows),
        || Labels::new(fmt, rows),
        |labels, v, root| draw(fmt, rows, labels, v, root),
    )
}

/// What the two drawings share: each row's name and counts, formatted
/// and measured once.
struct Labels {
    names: Vec<String>,
    counts: Vec<String>,
    /// Room right of the bars for the widest counts.
    reserve: i32,
}

impl Labels {
    fn new(fmt: &Formatter, rows: &[FunnelRow]) -> Self {
        let counts: Vec<String> = rows.iter().map(|r| counts(fmt, r)).collect();
        let reserve = counts
            .iter()
            .map(|c| text_width(c, FONT))
            .fold(0.0, f64::max)
            .ceil() as i32
            + 12;
        Self {
            names: rows.iter().map(|r| r.name.clone()).collect(),
            counts,
            reserve,
        }
    }
}

fn pct(fmt: &Formatter, v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| fmt.percent(v, 0))
}

fn title(fmt: &Formatter, rows: &[FunnelRow]) -> String {
    let Some(first) = rows.first() else {
        return fmt.words.funnel.to_string();
    };
    let w = fmt.words;
    let lm = pct(fmt, first.share(first.meetings));
    let md = pct(fmt, first.meeting_deal());
    let (lead_meeting, meeting_deal) = (
        lower_first(w.conv_lead_meeting),
        lower_first(w.conv_meeting_deal),
    );
    let mut text = format!("{}: {lead_meeting} {lm}, {meeting_deal} {md}", first.name);
    let best = rows[1..]
        .iter()
        .filter_map(|r| r.meeting_deal().map(|c| (r, c)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    if let (Some((r, c)), true) = (best, rows.len() > 2) {
        text.push_str(&say(fmt).best_closer(w, &r.name, &fmt.percent(c, 0)));
    }
    text
}

fn summary(fmt: &Formatter, rows: &[FunnelRow]) -> String {
    let parts: Vec<String> = rows
        .iter()
        .map(|r| say(fmt).funnel_row(fmt, &r.name, r.leads, r.meetings, r.deals))
        .collect();
    format!("{}.", parts.join("; "))
}

/// "45 → 12 → 4".
fn counts(fmt: &Formatter, r: &FunnelRow) -> String {
    let n = |v: u64| fmt.number(v as f64, 0);
    format!("{} → {} → {}", n(r.leads), n(r.meetings), n(r.deals))
}

fn draw(fmt: &Formatter, rows: &[FunnelRow], labels: &Labels, v: Variant, root: &Root) -> String {
    let width = v.width();
    let items = [
        (
            Swatch::Bar(Role::Muted, 0.3),
            fmt.words.leads_processed.to_string(),
        ),
        (
            Swatch::Bar(Role::Actual, 0.45),
            fmt.words.meetings.to_string(),
        ),
        (Swatch::Bar(Role::Actual, 1.0), fmt.words.deals.to_string()),
    ];
    let top = legend_height(&items, width) + 4;
    let height = Rows::height(v, top, rows.len(), 6);
    render(root, (width, height), |c| {
        legend(c, &items, (0, 0), width);
        let f = Rows::draw(
            c,
            v,
            top,
            1.0,
            &|x| fmt.percent(x, 0),
            &labels.names,
            (labels.reserve, 0),
        );
        for (i, (r, counts)) in rows.iter().zip(&labels.counts).enumerate() {
            let y = f.center(i);
            if r.leads > 0 {
                let end = |n: u64| f.x.px(r.share(n).unwrap_or(0.0));
                c.rect((f.x0, y - 9), (end(r.leads), y + 9), Role::Muted, 0.3);
                c.rect((f.x0, y - 9), (end(r.meetings), y + 9), Role::Actual, 0.45);
                c.rect((f.x0, y - 9), (end(r.deals), y + 9), Role::Actual, 1.0);
            }
            c.text(counts, (f.x1 + 6, y), Anchor::Start, Role::Text, FONT);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;

    #[test]
    fn title_gives_the_first_rows_conversions_and_the_best() {
        let rows = vec![
            FunnelRow {
                name: "Отдел".into(),
                leads: 400,
                meetings: 100,
                deals: 38,
            },
            FunnelRow {
                name: "Анна".into(),
                leads: 100,
                meetings: 30,
                deals: 15,
            },
            FunnelRow {
                name: "Пётр".into(),
                leads: 100,
                meetings: 20,
                deals: 4,
            },
        ];
        let fmt = Formatter::new(Locale::Ru, "₽");
        let c = funnel("f", &fmt, &rows);
        assert_eq!(
            c.title,
            "Отдел: лид → консультация 25\u{a0}%, консультация → сделка 38\u{a0}%; \
             лучше всех доводит до сделки — Анна (50\u{a0}%)"
        );
        assert!(
            c.summary
                .contains("Пётр: лидов 100, консультаций 20, сделок 4")
        );
        assert!(c.svg.contains("→ 30 → 15</text>"));
    }
}
