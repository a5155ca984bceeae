//! Charts, end to end: built by the binary from fixture sites, every chart
//! is titled and its numbers equal `data/metrics.json`; one snapshot per
//! chart kind; and with 40 managers and 156 weeks no two labels overlap.

use std::fs;
use std::path::{Path, PathBuf};

use salespulse::calendar::IsoWeek;
mod common;

use salespulse::content::Locale;
use salespulse::locale::format::Formatter;
use salespulse::render::charts::{self, Chart};
use serde_json::Value;

// ---------------------------------------------------------------- helpers

/// A copy of a fixture under tests/fixtures, built.
fn built_fixture(name: &str, as_of: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = common::fixture(name);
    let out = common::build(dir.path(), as_of);
    (dir, out)
}

fn pages(dir: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let rel = path.strip_prefix(dir).unwrap().display().to_string();
                found.push((rel, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    found.sort();
    found
}

/// Every `<svg role="img">…</svg>` of a page (charts and sparklines; the
/// table bars are `aria-hidden` and not charts).
fn svgs(html: &str) -> Vec<&str> {
    html.match_indices("<svg ")
        .filter_map(|(i, _)| {
            let end = html[i..].find("</svg>")? + i + "</svg>".len();
            let svg = &html[i..end];
            svg.lines().next()?.contains("role=\"img\"").then_some(svg)
        })
        .collect()
}

/// Each chart figure of a page: its kind and the bytes of its drawings.
fn chart_sizes(html: &str) -> Vec<(String, usize)> {
    html.split("<figure class=\"chart-fig\" data-chart=\"")
        .skip(1)
        .map(|part| {
            let kind = part[..part.find('"').unwrap()].to_string();
            let start = part.find("<div class=\"chart-box\">").unwrap();
            let end = part.find("</div>").unwrap();
            (kind, end - start)
        })
        .collect()
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text of the element `<tag id="id">` in `svg`.
fn element_text(svg: &str, tag: &str, id: &str) -> Option<String> {
    let open = format!("<{tag} id=\"{id}\">");
    let start = svg.find(&open)? + open.len();
    let end = svg[start..].find(&format!("</{tag}>"))? + start;
    Some(unescape(&svg[start..end]))
}

/// The wide drawing of the chart `id` in a page: (title, desc).
fn chart(html: &str, id: &str) -> (String, String) {
    let svg = svgs(html)
        .into_iter()
        .find(|s| attr(s, "aria-labelledby") == Some(&format!("{id}-t")))
        .unwrap_or_else(|| panic!("no chart {id}"));
    (
        element_text(svg, "title", &format!("{id}-t")).unwrap(),
        element_text(svg, "desc", &format!("{id}-d")).unwrap(),
    )
}

fn ru() -> Formatter {
    Formatter::new(Locale::Ru, "₽")
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

// ------------------------------------------------------- the built site

#[test]
fn every_chart_in_the_site_has_a_title_and_a_table() {
    let (_dir, out) = built_fixture("charts", "2026-11-13");
    let mut charts = 0;
    for (path, html) in pages(&out) {
        for svg in svgs(&html) {
            charts += 1;
            let root = svg.lines().next().unwrap();
            assert!(!root.contains(" width="), "{path}: {root}");
            assert!(!root.contains(" height="), "{path}: {root}");
            let id = attr(root, "aria-labelledby").expect("labelled");
            let title = element_text(svg, "title", id)
                .unwrap_or_else(|| panic!("{path}: no <title id={id}>"));
            assert!(!title.trim().is_empty(), "{path}: empty title");
            assert!(!svg.contains("<Петя>"), "{path}: a name is not escaped");
        }
        for (kind, size) in chart_sizes(&html) {
            assert!(size < 25 * 1024, "{path}: the {kind} chart is {size} bytes");
        }
        assert_eq!(
            html.matches("<figure class=\"chart-fig\"").count(),
            html.matches("<details class=\"chart-data\">").count(),
            "{path}: every chart has its data table"
        );
    }
    assert!(charts > 20, "only {charts} charts in the site");
}

#[test]
fn chart_numbers_equal_metrics_json() {
    let (_dir, out) = built_fixture("charts", "2026-11-13");
    let metrics: Value =
        serde_json::from_str(&fs::read_to_string(out.join("data/metrics.json")).unwrap()).unwrap();
    let f = ru();
    let read = |p: &str| fs::read_to_string(out.join(p)).unwrap();
    let months = metrics["months"].as_array().unwrap();
    let weeks = metrics["weeks"].as_array().unwrap();
    let nov = months.iter().find(|m| m["month"] == "2026-11").unwrap();
    let team = &nov["team"];

    // Dashboard: the month so far.
    let dashboard = read("index.html");
    let (title, desc) = chart(&dashboard, "ch-progress-w");
    assert_eq!(
        title,
        format!(
            "Выручка: темп {} плана; прогноз {} из {}",
            f.percent(num(&team["pace"]), 0),
            f.money_compact(num(&team["forecast_revenue"])),
            f.money_compact(num(&team["plan_revenue"]))
        )
    );
    let mut cumulative = 0.0;
    for w in weeks.iter().filter(|w| {
        w["months"]
            .as_array()
            .unwrap()
            .contains(&Value::from("2026-11"))
    }) {
        cumulative += num(&w["team"]["revenue"]);
        assert!(desc.contains(&f.money(cumulative)), "{desc}");
    }
    assert!(
        desc.contains(&f.money(num(&team["forecast_revenue"]))),
        "{desc}"
    );

    // Dashboard: plan vs actual by month.
    let (_, desc) = chart(&dashboard, "ch-months-w");
    let total: f64 = months.iter().map(|m| num(&m["team"]["revenue"])).sum();
    let plan: f64 = months.iter().map(|m| num(&m["team"]["plan_revenue"])).sum();
    assert!(
        desc.contains(&format!(
            "всего {} при плане {}",
            f.money(total),
            f.money(plan)
        )),
        "{desc}"
    );

    // Dashboard: the team's sparkline, week by week.
    let (_, desc) = chart(&dashboard, "sp-team");
    for w in weeks {
        let week = IsoWeek::parse(w["week"].as_str().unwrap()).unwrap();
        let shown = format!(
            "{}: {}",
            f.week_short(week),
            f.money(num(&w["team"]["revenue"]))
        );
        assert!(desc.contains(&shown), "{shown} not in {desc}");
    }

    // Month pages: pace per manager while the month runs, attainment once
    // it is closed (October, as of 13 November).
    for m in months {
        assert_eq!(m["complete"], false);
        let key = if m["status"] == "open" {
            "pace"
        } else {
            "attainment"
        };
        let page = read(&format!(
            "months/{}/index.html",
            m["month"].as_str().unwrap()
        ));
        let (_, desc) = chart(&page, "ch-attainment-w");
        for (id, name) in [
            ("anna", "Анна Иванова"),
            ("petr", "Пётр <Петя> & Co"),
            ("olga", "Ольга Морозова"),
        ] {
            let shown = match m["managers"][id][key].as_f64() {
                Some(p) => format!("{name} — {}", f.percent(p, 0)),
                None => format!("{name} — план не задан"),
            };
            assert!(desc.contains(&shown), "{shown} not in {desc}");
        }
    }

    // Week pages: leads and the funnel.
    for w in weeks {
        let t = &w["team"];
        let page = read(&format!("weeks/{}/index.html", w["week"].as_str().unwrap()));
        let (title, _) = chart(&page, "ch-leads-w");
        let count = |k: &str| f.number(num(&t[k]), 0);
        assert!(
            title.starts_with(&format!(
                "Лиды: обработано {} ({} из {}); перенос на завтра — {}",
                f.percent(num(&t["processing_rate"]), 0),
                count("leads_processed"),
                count("leads_received"),
                count("leads_overnight")
            )),
            "{title}"
        );
        let (title, _) = chart(&page, "ch-funnel-w");
        assert!(
            title.starts_with(&format!(
                "Отдел: лид → консультация {}, консультация → сделка {}",
                f.percent(num(&t["conv_lead_meeting"]), 0),
                f.percent(num(&t["conv_meeting_deal"]), 0)
            )),
            "{title}"
        );
    }

    // A manager page: conversion by week against the team.
    let page = read("team/petr/index.html");
    let (_, desc) = chart(&page, "ch-conversion-w");
    for w in weeks {
        let week = IsoWeek::parse(w["week"].as_str().unwrap()).unwrap();
        let shown = format!(
            "{}: {} (отдел {})",
            f.week_short(week),
            f.percent(num(&w["managers"]["petr"]["conv_meeting_deal"]), 0),
            f.percent(num(&w["team"]["conv_meeting_deal"]), 0)
        );
        assert!(desc.contains(&shown), "{shown} not in {desc}");
    }
}

// ------------------------------------------------------------- snapshots

/// Compares with tests/snapshots/charts/<name>.svg; `UPDATE_SNAPSHOTS=1` rewrites it.
fn snapshot(name: &str, chart: &Chart) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/charts")
        .join(format!("{name}.svg"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &chart.svg).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_SNAPSHOTS=1", path.display()));
    pretty_assertions::assert_eq!(
        expected,
        chart.svg,
        "{name} changed; if that is intended, run with UPDATE_SNAPSHOTS=1 and review the diff"
    );
}

fn names(n: usize) -> Vec<String> {
    [
        "Анна Иванова",
        "Пётр Сидоров",
        "Ольга Морозова",
        "Дмитрий Кузнецов",
    ]
    .iter()
    .cycle()
    .take(n)
    .map(|s| s.to_string())
    .collect()
}

fn week_labels(f: &Formatter, from: &str, n: usize) -> Vec<String> {
    let mut w = IsoWeek::parse(from).unwrap();
    (0..n)
        .map(|_| {
            let label = f.week_short(w);
            w = w.next();
            label
        })
        .collect()
}

#[test]
fn snapshot_per_chart_kind() {
    let f = ru();
    let weeks = week_labels(&f, "2026-W45", 4);
    let bars: Vec<charts::PeriodBar> = [
        ("авг. 26", 5.1e6, 5.5e6, None),
        ("сент. 26", 5.9e6, 5.8e6, None),
        ("окт. 26", 6.2e6, 6.5e6, None),
        ("нояб. 26", 3.4e6, 6.75e6, Some(6.6e6)),
    ]
    .iter()
    .map(|(label, actual, plan, forecast)| charts::PeriodBar {
        label: label.to_string(),
        tick: label.to_string(),
        actual: *actual,
        plan: Some(*plan),
        forecast: *forecast,
    })
    .collect();
    snapshot(
        "plan_bars",
        &charts::plan_bars("s", &f, charts::Period::Month, &bars),
    );
    let month = charts::Cumulative {
        weeks: weeks.clone(),
        actual: vec![Some(1.6e6), Some(3.4e6), None, None],
        plan: Some(6.75e6),
        plan_due: vec![1.35e6, 3.0375e6, 4.725e6, 6.75e6],
        pace: Some(3.4e6 / 3.0375e6),
        attainment: Some(3.4e6 / 6.75e6),
        forecast: Some(6.8e6),
        closed: false,
    };
    snapshot("cumulative", &charts::cumulative("s", &f, &month));
    let values = [Some(1.11), Some(0.98), Some(0.74), None];
    let rows: Vec<charts::ManagerValue> = names(4)
        .into_iter()
        .zip(values)
        .map(|(name, value)| charts::ManagerValue { name, value })
        .collect();
    snapshot(
        "attainment",
        &charts::attainment("s", &f, &rows, 0.8, false),
    );
    let leads: Vec<charts::LeadsRow> = names(4)
        .into_iter()
        .zip([(60, 59, 0), (55, 53, 2), (45, 45, 0), (48, 47, 1)])
        .map(
            |(name, (received, processed, overnight))| charts::LeadsRow {
                name,
                received,
                processed,
                overnight,
            },
        )
        .collect();
    snapshot("leads", &charts::leads("s", &f, &leads));
    let funnel: Vec<charts::FunnelRow> = std::iter::once("Отдел".to_string())
        .chain(names(3))
        .zip([(208, 60, 23), (59, 18, 7), (53, 17, 4), (45, 13, 5)])
        .map(|(name, (leads, meetings, deals))| charts::FunnelRow {
            name,
            leads,
            meetings,
            deals,
        })
        .collect();
    snapshot("funnel", &charts::funnel("s", &f, &funnel));
    let trend = charts::Trend {
        metric: "Консультация → оплата".into(),
        name: "Пётр Сидоров".into(),
        reference_name: "Отдел".into(),
        points: weeks
            .iter()
            .zip([
                (Some(0.33), 0.38),
                (None, 0.36),
                (Some(0.2), 0.34),
                (Some(0.24), 0.35),
            ])
            .map(|(w, (value, team))| charts::TrendPoint {
                label: w.clone(),
                tick: w.clone(),
                value,
                reference: Some(team),
            })
            .collect(),
    };
    snapshot("conversion", &charts::conversion("s", &f, &trend));
    let spark: Vec<charts::SparkPoint> = week_labels(&f, "2026-W41", 8)
        .into_iter()
        .zip([1.5e6, 1.6e6, 1.4e6, 1.7e6, 1.65e6, 1.6e6, 1.58e6, 1.61e6])
        .map(|(label, v)| charts::SparkPoint {
            label,
            value: Some(v),
        })
        .collect();
    snapshot("sparkline", &charts::sparkline("s", &f, "Выручка", &spark));
    let days: Vec<charts::StandupDay> = ["23.11", "24.11", "25.11", "26.11", "27.11"]
        .iter()
        .zip([18.0, 24.0, 20.0, 15.0, 19.0])
        .map(|(d, m)| charts::StandupDay {
            label: d.to_string(),
            minutes: m,
        })
        .collect();
    snapshot(
        "standup_durations",
        &charts::standup_durations("s", &f, &days, charts::DEFAULT_LIMIT_MINUTES),
    );
}

// ------------------------------------------------ no overlapping labels

/// A label's box, from its baseline and a conservative width per
/// character (DejaVu Sans, rounded up: narrow punctuation 0.4 em, wide
/// letters 1.1 em, capitals 0.85 em, the rest 0.66 em).
#[derive(Debug)]
struct Label {
    text: String,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

fn em(c: char) -> f64 {
    match c {
        ' ' | '\u{a0}' | '\u{202f}' | '.' | ',' | ':' | ';' | '/' | '(' | ')' | '-' | '\''
        | 'i' | 'j' | 'l' | 'I' | 'J' | 'f' | 'r' | 't' | '!' | '|' => 0.4,
        'Ш' | 'Щ' | 'Ж' | 'Ю' | 'Ы' | 'Ъ' | 'М' | 'Ф' | 'ш' | 'щ' | 'ж' | 'ю' | 'ф' | 'W' | 'M'
        | 'm' | '%' | '—' | '…' => 1.1,
        'ы' | 'м' | 'w' | 'д' | 'ц' | '→' | '−' | '▲' | '▼' => 0.85,
        c if c.is_uppercase() => 0.85,
        _ => 0.66,
    }
}

fn labels(svg: &str) -> Vec<Label> {
    let root = svg.lines().next().unwrap();
    let base: f64 = attr(root, "font-size").map_or(16.0, |s| s.parse().unwrap());
    svg.lines()
        .filter(|l| l.starts_with("<text"))
        .map(|line| {
            let x: f64 = attr(line, "x").unwrap().parse().unwrap();
            let y: f64 = attr(line, "y").unwrap().parse().unwrap();
            let size: f64 = attr(line, "font-size").map_or(base, |s| s.parse().unwrap());
            assert_eq!(attr(line, "dy"), None, "y is the baseline: {line}");
            let open_end = line.find('>').unwrap() + 1;
            let text = unescape(&line[open_end..line.rfind("</text>").unwrap()]);
            let width = text.chars().map(em).sum::<f64>() * size;
            let x0 = match attr(line, "text-anchor") {
                Some("middle") => x - width / 2.0,
                Some("end") => x - width,
                _ => x,
            };
            Label {
                text,
                x0,
                x1: x0 + width,
                // Ascenders and descenders of a sans-serif font around the baseline.
                y0: y - 0.8 * size,
                y1: y + 0.25 * size,
            }
        })
        .collect()
}

/// No two labels overlap, and none is cut by the edge of the drawing.
fn assert_readable(where_: &str, svg: &str) {
    let root = svg.lines().next().unwrap();
    let view: Vec<f64> = attr(root, "viewBox")
        .unwrap()
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    let found = labels(svg);
    for (i, a) in found.iter().enumerate() {
        assert!(
            a.x0 >= -0.5 && a.x1 <= view[2] + 0.5 && a.y0 >= -0.5 && a.y1 <= view[3] + 0.5,
            "{where_}: `{}` is cut by the edge ({:.0}..{:.0} of {})",
            a.text,
            a.x0,
            a.x1,
            view[2]
        );
        for b in &found[i + 1..] {
            let apart = a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
            assert!(
                apart,
                "{where_}: `{}` overlaps `{}`\n{a:?}\n{b:?}",
                a.text, b.text
            );
        }
    }
}

/// A department of 40 managers over 156 weeks (2024-W01 to 2026-W52).
fn big_site(root: &Path) {
    let content = root.join("content");
    fs::create_dir_all(content.join("weeks")).unwrap();
    fs::create_dir_all(content.join("targets")).unwrap();
    fs::write(
        content.join("config.yaml"),
        "title: \"Большой отдел\"\nlocale: ru\ncurrency: RUB\n",
    )
    .unwrap();
    let first_names = ["Александра", "Константин", "Мария", "Пётр", "Екатерина"];
    let last_names = [
        "Иванова-Петрова",
        "Кузнецов",
        "Смирнова",
        "Волков",
        "Новиков",
        "Морозова",
        "Соколов",
        "Лебедева",
    ];
    let mut team = String::from("managers:\n");
    for i in 0..40 {
        let name = format!("{} {}", first_names[i % 5], last_names[i / 5]);
        team.push_str(&format!(
            "  - {{ id: m{i:02}, name: \"{name}\", joined: 2023-12-01 }}\n"
        ));
    }
    fs::write(content.join("team.yaml"), team).unwrap();
    let mut week = IsoWeek::parse("2024-W01").unwrap();
    let mut months = std::collections::BTreeSet::new();
    let calendar = salespulse::calendar::WorkCalendar::default();
    for n in 0..156u64 {
        let mut text = String::from("managers:\n");
        for i in 0..40u64 {
            let received = 30 + (i * 7 + n * 3) % 40;
            let meetings = received / 3;
            text.push_str(&format!(
                "  m{i:02}:\n    leads_received: {received}\n    leads_processed: {}\n    leads_overnight: {}\n    calls: {}\n    meetings: {meetings}\n    deals: {}\n    revenue: {}\n",
                received - (i % 3),
                (i + n) % 4,
                received * 4,
                meetings * (2 + (i + n) % 3) / 6,
                150_000 + (i * 37_000 + n * 11_000) % 400_000
            ));
        }
        // A week split between months is two files (the same numbers in each).
        for period in calendar.periods_of_week(week) {
            months.insert(period.month);
            let month = if period.split {
                format!("month: {}\n", period.month)
            } else {
                String::new()
            };
            fs::write(
                content.join(format!("weeks/{}.yaml", period.file_stem())),
                format!("week: {week}\n{month}{text}"),
            )
            .unwrap();
        }
        week = week.next();
    }
    for month in months {
        let mut text = format!("month: {month}\nmanagers:\n");
        for i in 0..40 {
            text.push_str(&format!(
                "  m{i:02}: {{ revenue: {}, deals: 20 }}\n",
                1_000_000 + i * 20_000
            ));
        }
        fs::write(content.join(format!("targets/{month}.yaml")), text).unwrap();
    }
}

#[test]
fn no_overlapping_labels_with_40_managers_and_156_weeks() {
    let dir = tempfile::tempdir().unwrap();
    big_site(dir.path());
    let out = common::build(dir.path(), "2026-12-20");
    let mut checked = 0;
    for (path, html) in pages(&out) {
        // Every page of each kind draws the same way; a sample of each is enough.
        let sample = path == "index.html"
            || path.starts_with("months/2026-")
            || path.starts_with("weeks/2026-W5")
            || path.starts_with("team/m0");
        if !sample {
            continue;
        }
        for svg in svgs(&html) {
            let id = attr(svg.lines().next().unwrap(), "aria-labelledby").unwrap();
            assert_readable(&format!("{path} {id}"), svg);
            checked += 1;
        }
        for (kind, size) in chart_sizes(&html) {
            assert!(size < 25 * 1024, "{path}: the {kind} chart is {size} bytes");
        }
    }
    assert!(checked > 100, "only {checked} drawings checked");

    // The stand-up chart is not in the site yet: three months of stand-ups.
    let f = ru();
    let days: Vec<charts::StandupDay> = (0..66)
        .map(|i| charts::StandupDay {
            label: format!("{:02}.{:02}", 1 + i % 22, 9 + i / 22),
            minutes: 12.0 + (i % 13) as f64,
        })
        .collect();
    let chart = charts::standup_durations("s", &f, &days, 20.0);
    for svg in svgs(&chart.svg) {
        assert_readable("standup_durations", svg);
    }
}
