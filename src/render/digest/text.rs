//! The digest's wording: facts → lines in the site's language, as a sales
//! head would write them to the owner. Formats are `render`'s business.

use super::facts::{Facts, LaggingManagerFacts, LaggingMetricFacts, Subject, Unit};
use super::{Block, Digest, Span};
use crate::audience::Audience;
use crate::content::{Locale, PlanMetric};
use crate::locale;
use crate::locale::format::Formatter;
use crate::render::view::capitalised;

/// At most this many lagging managers and new alerts are listed by name.
const MAX_ITEMS: usize = 3;
/// The head's "what we do" is cut to this many characters.
const MAX_ACTIONS: usize = 140;

struct W<'a> {
    fmt: &'a Formatter,
    ru: bool,
}

impl W<'_> {
    fn pick(&self, ru: &str, en: &str) -> String {
        if self.ru { ru.into() } else { en.into() }
    }

    fn pct(&self, v: Option<f64>) -> String {
        v.map_or_else(|| "—".into(), |v| self.fmt.percent(v, 0))
    }

    fn money(&self, v: Option<f64>) -> String {
        v.map_or_else(|| "—".into(), |v| self.fmt.money(v))
    }

    /// "▲ 12 %" / "▼ 3 %" / "без изменений" for a relative change.
    fn change(&self, now: f64, before: f64) -> Option<String> {
        let change = now / before - 1.0;
        change
            .is_finite()
            .then(|| self.arrow(change, self.fmt.percent(change.abs(), 0)))
    }

    fn arrow(&self, change: f64, shown: String) -> String {
        let zero = shown.chars().filter(char::is_ascii_digit).all(|c| c == '0');
        if zero {
            self.pick("без изменений", "unchanged")
        } else if change > 0.0 {
            format!("▲ {shown}")
        } else {
            format!("▼ {shown}")
        }
    }

    fn deals(&self, n: u64) -> String {
        self.fmt.count(n, self.fmt.words.deal)
    }

    fn left(&self, n: u64, unit: Unit) -> String {
        let forms = match unit {
            Unit::Week => self.fmt.words.n_week,
            Unit::WorkingDay => self.fmt.words.n_working_day,
        };
        self.fmt.count(n, forms)
    }
}

fn text(s: impl Into<String>) -> Span {
    Span::Text(s.into())
}

fn strong(s: impl Into<String>) -> Span {
    Span::Strong(s.into())
}

/// The digest of `facts` in the site's language.
pub fn compose(facts: &Facts, fmt: &Formatter, redact: bool) -> Digest {
    let w = W {
        fmt,
        ru: fmt.locale == Locale::Ru,
    };
    let subject = match facts.subject {
        Subject::Day(d) => w.pick("сводка за ", "digest for ") + &fmt.date(d),
        Subject::Week(week) => fmt.week(week),
        Subject::Month(m) => fmt.month(m),
    };
    let heading = format!("{} · {subject}", facts.title);
    let mut blocks = Vec::new();
    if redact {
        blocks.push(Block::Line(vec![text(if w.ru {
            format!(
                "Отчёт обновлён, данные на {}. Цифры — на сайте, по паролю.",
                fmt.date(facts.as_of)
            )
        } else {
            format!(
                "The report was updated with data as of {}. The figures are on the site, behind the password.",
                fmt.date(facts.as_of)
            )
        })]));
    } else {
        verdict(facts, &w, &mut blocks);
        period_change(facts, &w, &mut blocks);
        lagging(facts, &w, &mut blocks);
        alerts(facts, &w, &mut blocks);
    }
    let link = facts.base_url.as_ref().map(|base| {
        let page = facts.page.trim_end_matches("index.html");
        (
            w.pick("Открыть отчёт", "Open the report"),
            format!("{base}{page}"),
        )
    });
    Digest {
        heading,
        subject,
        blocks,
        link,
    }
}

/// The month: attainment, pace, forecast, and what the rest of it needs.
fn verdict(facts: &Facts, w: &W, out: &mut Vec<Block>) {
    let Some(m) = &facts.month else {
        out.push(Block::Line(vec![text(w.pick(
            "Данных за месяц пока нет.",
            "No data for the month yet.",
        ))]));
        return;
    };
    let name = capitalised(&w.fmt.month(m.month));
    let name = if m.closed {
        format!("{name}{}", w.pick(", итог", ", final"))
    } else {
        name
    };
    let mut line = Vec::new();
    match m.plan_revenue {
        Some(plan) => {
            line.push(strong(format!(
                "{name}: {} {}",
                w.pct(m.attainment),
                w.pick("плана", "of plan")
            )));
            line.push(text(format!(
                " — {} {} {}",
                w.fmt.money(m.revenue),
                w.pick("из", "of"),
                w.fmt.money(plan)
            )));
        }
        None => line.push(text(format!(
            "{name}: {}, {}",
            w.fmt.money(m.revenue),
            w.pick("план не задан", "no plan set")
        ))),
    }
    if !m.closed {
        if let Some(pace) = m.pace {
            let mut part = format!(", {} {}", w.pick("темп", "pace"), w.pct(Some(pace)));
            // The week digest says how the pace moved over the week.
            if let (Some(week), super::Period::Week) = (&facts.week, facts.period) {
                if let (Some(now), Some(before), Some((prev, _, _))) =
                    (week.pace, week.pace_before, week.previous)
                {
                    part.push_str(&format!(
                        " ({} {})",
                        w.arrow(now - before, w.fmt.points((now - before).abs())),
                        against_week(w, prev)
                    ));
                }
            }
            line.push(text(part));
        }
        if let Some(forecast) = m.forecast {
            line.push(text(format!(
                ", {} {}",
                w.pick("прогноз", "forecast"),
                w.fmt.money(forecast)
            )));
        }
    }
    line.push(text("."));
    out.push(Block::Line(line));

    let mut deals = format!("{}: {}", w.fmt.words.deals, m.deals);
    if let Some(plan) = m.plan_deals {
        deals.push_str(&format!(
            " {} {} ({})",
            w.pick("из", "of"),
            w.fmt.number(plan, 0),
            w.pct(m.attainment_deals)
        ));
    }
    deals.push('.');
    out.push(Block::Line(vec![text(deals)]));

    if let Some(r) = &m.remaining {
        let line = match (r.revenue, r.deals, r.deals_per_unit) {
            (Some(rev), _, _) if rev <= 0.0 => w.pick(
                "План по выручке уже выполнен.",
                "The revenue plan is already met.",
            ),
            (Some(rev), Some(deals), Some(per)) => {
                let per_unit = match (w.ru, r.unit) {
                    (true, Unit::Week) => "в неделю",
                    (true, Unit::WorkingDay) => "в день",
                    (false, Unit::Week) => "a week",
                    (false, Unit::WorkingDay) => "a day",
                };
                if w.ru {
                    format!(
                        "До конца месяца {}: нужно ещё {} — {}, по {per} {per_unit}.",
                        w.left(r.left, r.unit),
                        w.fmt.money(rev),
                        w.deals(deals)
                    )
                } else {
                    format!(
                        "{} left: {} to go — {}, {per} {per_unit}.",
                        w.left(r.left, r.unit),
                        w.fmt.money(rev),
                        w.deals(deals)
                    )
                }
            }
            (rev, _, _) => {
                if w.ru {
                    format!(
                        "До конца месяца {}: нужно ещё {}.",
                        w.left(r.left, r.unit),
                        w.money(rev)
                    )
                } else {
                    format!("{} left: {} to go.", w.left(r.left, r.unit), w.money(rev))
                }
            }
        };
        out.push(Block::Line(vec![text(line)]));
    }
}

fn against_week(w: &W, week: crate::calendar::IsoWeek) -> String {
    format!("{} {}", w.pick("к", "vs"), w.fmt.week_short(week))
}

/// What changed since the previous period, and against what.
fn period_change(facts: &Facts, w: &W, out: &mut Vec<Block>) {
    match facts.period {
        super::Period::Week => {
            let Some(week) = &facts.week else { return };
            let mut line = format!(
                "{} {}: {}",
                w.pick("Неделя", "Week"),
                week.week.number(),
                w.fmt.money(week.revenue)
            );
            if week.attainment.is_some() {
                line.push_str(&format!(
                    " ({} {})",
                    w.pct(week.attainment),
                    w.pick("плана недели", "of the week's plan")
                ));
            }
            match week.previous {
                Some((prev, revenue, deals)) => {
                    if let Some(change) = w.change(week.revenue, revenue) {
                        line.push_str(&format!(", {change} {}", against_week(w, prev)));
                    }
                    let delta = week.deals as f64 - deals as f64;
                    line.push_str(&format!(
                        "; {} {}, {}.",
                        w.fmt.words.deal.many,
                        week.deals,
                        w.arrow(delta, w.fmt.number(delta.abs(), 0))
                    ));
                }
                None => line.push_str(&format!("; {} {}.", w.fmt.words.deal.many, week.deals)),
            }
            out.push(Block::Line(vec![text(line)]));
        }
        super::Period::Month => {
            let Some(m) = &facts.month else { return };
            let growth = |g: Option<f64>| g.map(|g| w.arrow(g, w.fmt.percent(g.abs(), 0)));
            let name = |n: &str| locale::labels::lower_first(n);
            let parts: Vec<String> = [
                growth(m.mom_growth).map(|g| format!("{} {g}", name(w.fmt.words.revenue))),
                growth(m.mom_growth_deals).map(|g| format!("{} {g}", name(w.fmt.words.deals))),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !parts.is_empty() {
                out.push(Block::Line(vec![text(format!(
                    "{} {}: {}.",
                    w.pick(
                        "Рост м/м в рабочий день",
                        "Per working day, month over month"
                    ),
                    m.growth_against,
                    parts.join(", ")
                ))]));
            }
        }
        super::Period::Day => {
            let Some(s) = &facts.standup else {
                out.push(Block::Line(vec![text(
                    w.pick("Планёрок ещё не было.", "No stand-up yet."),
                )]));
                return;
            };
            let minutes = |m: u64| format!("{m} {}", w.pick("мин", "min"));
            let mut line = format!(
                "{} {}: ",
                w.pick("Планёрка", "Stand-up"),
                w.fmt.date(s.date)
            );
            let mut parts = Vec::new();
            if let Some(d) = s.duration_min {
                parts.push(format!(
                    "{} ({} {})",
                    minutes(d),
                    w.pick("норма", "limit"),
                    s.limit
                ));
            }
            parts.push(if s.video {
                w.pick("с видео", "on video")
            } else {
                w.pick("без видео", "without video")
            });
            parts.push(format!(
                "{} {} {} {}",
                w.pick("отчитались", "reports from"),
                s.reported,
                w.pick("из", "of"),
                s.expected
            ));
            if s.requests > 0 {
                parts.push(format!(
                    "{}: {}",
                    w.pick("запросов на помощь", "requests for help"),
                    s.requests
                ));
            }
            line.push_str(&parts.join(", "));
            if let (Some(now), Some((date, Some(before)))) = (s.duration_min, s.previous) {
                let delta = now as f64 - before as f64;
                let shown = w.arrow(delta, minutes(delta.abs() as u64));
                line.push_str(&format!(
                    "; {shown} {} {}",
                    w.pick("к", "vs"),
                    w.fmt.date(date)
                ));
            }
            line.push('.');
            out.push(Block::Line(vec![text(line)]));
        }
    }
}

/// The head's words, on one line and cut short for a phone.
fn short(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX_ACTIONS {
        return flat;
    }
    let cut: String = flat.chars().take(MAX_ACTIONS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ', '—']))
}

/// Who and what lags, and what is being done about it.
fn lagging(facts: &Facts, w: &W, out: &mut Vec<Block>) {
    let owner = facts.audience == Audience::Owner;
    let mut items: Vec<Vec<Span>> = facts
        .lagging_metrics
        .iter()
        .map(|m| metric_item(m, w, owner))
        .collect();
    let managers: Vec<&LaggingManagerFacts> = facts.lagging_managers.iter().collect();
    items.extend(
        managers
            .iter()
            .take(MAX_ITEMS)
            .map(|m| manager_item(m, w, owner)),
    );
    if managers.len() > MAX_ITEMS {
        items.push(vec![text(more(w, managers.len() - MAX_ITEMS))]);
    }
    if items.is_empty() {
        out.push(Block::Line(vec![text(
            w.pick("Отставаний нет.", "Nothing lags."),
        )]));
    } else {
        out.push(Block::List {
            title: vec![strong(w.pick("Отстаёт:", "Lagging:"))],
            items,
        });
    }
}

fn more(w: &W, n: usize) -> String {
    if w.ru {
        format!("…и ещё {n}")
    } else {
        format!("…and {n} more")
    }
}

fn metric_item(m: &LaggingMetricFacts, w: &W, owner: bool) -> Vec<Span> {
    let what = w.fmt.words.plan_metric(m.metric);
    let behind = if m.metric == PlanMetric::Revenue {
        w.fmt.money(m.shortfall.max(0.0))
    } else {
        w.deals(locale::format::round_half_up(m.shortfall, 0).max(0.0) as u64)
    };
    let mut line = format!(
        "{what}: {} {}, {} {behind}",
        w.pick("темп", "pace"),
        w.pct(Some(m.pace)),
        w.pick("отстаём на", "behind by")
    );
    if owner {
        match &m.actions {
            Some(actions) => line.push_str(&format!(
                "; {}: {}",
                w.pick("делаем", "doing"),
                short(actions)
            )),
            None if !m.explained => {
                line.push_str(&w.pick("; пояснения РОПа нет", "; no explanation yet"))
            }
            None => {}
        }
    }
    vec![text(line)]
}

fn manager_item(m: &LaggingManagerFacts, w: &W, owner: bool) -> Vec<Span> {
    let threshold = w.fmt.percent(m.threshold / 100.0, 0);
    let weeks = locale::weeks(w.fmt.locale, u64::from(m.weeks));
    let mut line = if w.ru {
        format!(
            "{}: {} плана недели, {} подряд ниже {threshold}",
            m.name,
            w.pct(m.attainment),
            weeks.replace("неделя", "неделю")
        )
    } else {
        format!(
            "{}: {} of the weekly plan, {weeks} in a row below {threshold}",
            m.name,
            w.pct(m.attainment)
        )
    };
    if owner {
        match &m.idp {
            Some((title, due)) => line.push_str(&if w.ru {
                format!("; ИПР «{title}» до {}", w.fmt.date(*due))
            } else {
                format!("; development plan “{title}” until {}", w.fmt.date(*due))
            }),
            None => line.push_str(&w.pick("; ИПР нет", "; no development plan")),
        }
    }
    vec![text(line)]
}

/// Alerts raised since the previous period (the lagging ones are above).
fn alerts(facts: &Facts, w: &W, out: &mut Vec<Block>) {
    let name = |id: &str| {
        facts
            .lagging_managers
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| facts.names.get(id).cloned().unwrap_or_else(|| id.into()))
    };
    let new: Vec<_> = facts
        .new_alerts
        .iter()
        .filter(|a| {
            !matches!(
                a.kind(),
                "manager_lagging_without_idp" | "team_metric_unexplained"
            )
        })
        .collect();
    let since = w.fmt.date(facts.since);
    if new.is_empty() {
        out.push(Block::Line(vec![text(if w.ru {
            format!("Новых тревог с {since} нет.")
        } else {
            format!("No new alerts since {since}.")
        })]));
        return;
    }
    let mut items: Vec<Vec<Span>> = new
        .iter()
        .take(MAX_ITEMS)
        .map(|a| vec![text(locale::alert_text(a, w.fmt, &name))])
        .collect();
    if new.len() > MAX_ITEMS {
        items.push(vec![text(more(w, new.len() - MAX_ITEMS))]);
    }
    out.push(Block::List {
        title: vec![strong(if w.ru {
            format!("Новое с {since}:")
        } else {
            format!("New since {since}:")
        })],
        items,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_of_the_head_are_cut_on_a_word() {
        let long = "word ".repeat(60);
        let cut = short(&long);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= MAX_ACTIONS + 1);
        assert_eq!(short("a\n  b"), "a b");
    }
}
