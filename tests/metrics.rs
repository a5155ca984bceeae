//! `data/metrics.json` of the small fixture, field by field against numbers
//! computed by hand from DESIGN.md's definitions (the arithmetic is in the comments).

mod common;

use serde_json::Value;

fn metrics() -> Value {
    let site = common::fixture("small");
    let out = common::build(site.path(), "2026-11-25");
    let text = std::fs::read_to_string(out.join("data/metrics.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[track_caller]
fn num(v: &Value, path: &str) -> Option<f64> {
    let mut cur = v;
    for key in path.split('.') {
        cur = match key.parse::<usize>() {
            Ok(i) => &cur[i],
            Err(_) => &cur[key],
        };
        assert!(
            !cur.is_null() || path.ends_with(key),
            "missing `{key}` in {path}"
        );
    }
    assert!(cur.is_number() || cur.is_null(), "{path} is {cur}");
    cur.as_f64()
}

#[track_caller]
fn close(v: &Value, path: &str, expected: f64) {
    let got = num(v, path).unwrap_or_else(|| panic!("{path} is null, expected {expected}"));
    assert!(
        (got - expected).abs() < 1e-9,
        "{path}: got {got}, expected {expected}"
    );
}

#[track_caller]
fn null(v: &Value, path: &str) {
    assert_eq!(num(v, path), None, "{path} should be null");
}

fn week<'a>(m: &'a Value, id: &str) -> &'a Value {
    m["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["week"] == id)
        .unwrap()
}

fn month<'a>(m: &'a Value, id: &str) -> &'a Value {
    m["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["month"] == id)
        .unwrap()
}

#[test]
fn top_level_shape() {
    let m = metrics();
    assert_eq!(m["as_of"], "2026-11-25");
    assert_eq!(m["currency"], "USD");
    let weeks: Vec<&str> = m["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["week"].as_str().unwrap())
        .collect();
    assert_eq!(
        weeks,
        [
            "2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46",
            "2026-W47"
        ]
    );
    let months: Vec<&str> = m["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["month"].as_str().unwrap())
        .collect();
    // W40 is split: 28–30 September and 1–4 October are two files.
    assert_eq!(months, ["2026-09", "2026-10", "2026-11"]);
    assert!(m["checklist"].is_array());
}

#[test]
fn a_split_week_adds_up_its_parts() {
    let m = metrics();
    let w = week(&m, "2026-W40");
    assert_eq!(w["months"], serde_json::json!(["2026-09", "2026-10"]));
    close(w, "working_days", 5.0);
    let a = &w["managers"]["alice"];
    close(a, "revenue", 10000.0); // 6000 + 4000
    close(a, "deals", 2.0);
    // Only October has a plan: its share for 1–2 October, 2 of 22 working days.
    close(a, "plan_revenue", 50000.0 * 2.0 / 22.0);
    close(a, "attainment", 10000.0 / (50000.0 * 2.0 / 22.0));
    let t = &w["team"];
    close(t, "revenue", 14000.0);
    close(t, "plan_revenue", 100000.0 * 2.0 / 22.0);
    close(t, "plan_deals", 20.0 * 2.0 / 22.0);
}

#[test]
fn week_47_figures() {
    let m = metrics();
    let w = week(&m, "2026-W47");
    assert_eq!(w["months"], serde_json::json!(["2026-11"]));
    close(w, "working_days", 5.0);
    // November 2026 has 20 working days (4 November is a holiday): W47 holds 5.
    let a = &w["managers"]["alice"];
    close(a, "plan_revenue", 10000.0); // 40000 × 5 / 20
    close(a, "plan_deals", 2.0);
    close(a, "attainment", 1.1); // 11000 / 10000
    close(a, "attainment_deals", 1.0);
    close(a, "avg_deal", 5500.0);
    close(a, "conv_meeting_deal", 0.4); // 2 / 5
    let b = &w["managers"]["bob"];
    close(b, "attainment", 0.0);
    close(b, "conv_meeting_deal", 0.0); // 0 deals of 2 meetings: zero, not null
    null(b, "avg_deal"); // 0 deals: no average
    let c = &w["managers"]["carol"];
    // Carol joined on Wednesday 18 November: 9 of November's working days are
    // hers, 3 of them in W47.
    close(c, "plan_revenue", 20000.0 * 3.0 / 9.0);
    close(c, "plan_deals", 4.0 * 3.0 / 9.0);
    close(c, "attainment", 0.45); // 3000 / 6666.67
    // Team: sums over present managers; plan from `team:` (120000) × 5 / 20,
    // deals = Σ managers' 20 × 5 / 20.
    let t = &w["team"];
    close(t, "leads_received", 33.0);
    close(t, "leads_processed", 33.0);
    close(t, "leads_overnight", 1.0);
    close(t, "calls", 90.0);
    close(t, "meetings", 8.0);
    close(t, "deals", 3.0);
    close(t, "revenue", 14000.0);
    close(t, "plan_revenue", 30000.0);
    close(t, "plan_deals", 5.0);
    close(t, "processing_rate", 1.0);
    close(t, "conv_lead_meeting", 8.0 / 33.0);
    close(t, "conv_meeting_deal", 3.0 / 8.0); // ratio of sums, not mean of ratios
    close(t, "conv_lead_deal", 3.0 / 33.0);
    close(t, "avg_deal", 14000.0 / 3.0);
    close(t, "attainment", 14000.0 / 30000.0);
    close(t, "attainment_deals", 0.6);
    // W45 (2–8 November) has 4 working days: 4/20 of the plan.
    close(&week(&m, "2026-W45")["team"], "plan_revenue", 24000.0);
    close(week(&m, "2026-W45"), "working_days", 4.0);
}

#[test]
fn october_is_a_closed_complete_month() {
    let m = metrics();
    let o = month(&m, "2026-10");
    assert_eq!(o["status"], "closed");
    assert_eq!(o["complete"], true);
    assert_eq!(
        o["weeks"],
        serde_json::json!(["2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44"])
    );
    close(o, "working_days", 22.0);
    close(o, "elapsed_working_days", 22.0);
    close(o, "days_left", 0.0);
    assert!(
        o["decomposition"].is_null(),
        "only the current month is decomposed"
    );
    // W44 (26 Oct – Sun 1 Nov) is October's whole: 5 of its 22 working days.
    close(
        &week(&m, "2026-W44")["managers"]["bob"],
        "plan_revenue",
        50000.0 * 5.0 / 22.0,
    );
    let t = &o["team"];
    close(t, "revenue", 60000.0); // 8000 (1–2 Oct) + alice 4 × 10000 + bob 3 × 4000
    close(t, "deals", 13.0);
    close(t, "plan_revenue", 100000.0); // no `team:` → sum of managers
    close(t, "plan_deals", 20.0);
    close(t, "attainment", 0.6);
    close(t, "pace", 0.6); // all 22 days elapsed: pace = attainment
    null(t, "forecast_revenue"); // closed: no forecast
    null(t, "forecast_deals");
    // September's 3 days with data (28–30 Sep, 6000) against October's 22.
    close(t, "mom_growth", (60000.0 / 22.0) / (6000.0 / 3.0) - 1.0);
    close(t, "mom_growth_deals", (13.0 / 22.0) / (1.0 / 3.0) - 1.0);
    close(t, "mom_change", 60000.0 / 6000.0 - 1.0); // closed: the plain change too
    close(t, "mom_change_deals", 13.0 / 1.0 - 1.0);
    let s = month(&m, "2026-09");
    assert_eq!(s["complete"], false);
    null(&s["team"], "mom_growth"); // the first month with data
    null(&s["team"], "plan_revenue"); // no targets file
}

#[test]
fn november_runs_on_working_days() {
    let m = metrics();
    let n = month(&m, "2026-11");
    assert_eq!(n["status"], "open");
    assert_eq!(n["complete"], false);
    assert_eq!(
        n["weeks"],
        serde_json::json!(["2026-W45", "2026-W46", "2026-W47"])
    );
    // 20 working days; as of Wednesday 25th, 4 + 5 + 5 lie in periods with a
    // file; 26th, 27th and 30th are left.
    close(n, "working_days", 20.0);
    close(n, "elapsed_working_days", 14.0);
    close(n, "days_left", 3.0);
    let a = &n["managers"]["alice"];
    close(a, "working_days", 20.0);
    close(a, "elapsed_working_days", 14.0);
    close(a, "days_left", 3.0);
    close(a, "revenue", 32000.0); // 9000 + 12000 + 11000
    close(a, "deals", 7.0);
    close(a, "attainment", 0.8); // of the full plan 40000
    close(a, "pace", 32000.0 / (40000.0 * 14.0 / 20.0));
    close(a, "pace_deals", 7.0 / (8.0 * 14.0 / 20.0));
    close(a, "forecast_revenue", 32000.0 / 14.0 * 20.0);
    close(a, "forecast_deals", 7.0 / 14.0 * 20.0);
    // Per working day with data: 14 in November against October's 22.
    close(a, "mom_growth", (32000.0 / 14.0) / (44000.0 / 22.0) - 1.0);
    close(a, "mom_growth_deals", (7.0 / 14.0) / (9.0 / 22.0) - 1.0);
    null(a, "mom_change"); // open month
    let b = &n["managers"]["bob"];
    close(b, "mom_growth", (10000.0 / 14.0) / (16000.0 / 22.0) - 1.0);
    close(b, "mom_growth_deals", (2.0 / 14.0) / (4.0 / 22.0) - 1.0);
    // Carol, from the 18th: 9 working days are hers, 3 of them elapsed.
    let c = &n["managers"]["carol"];
    close(c, "working_days", 9.0);
    close(c, "elapsed_working_days", 3.0);
    close(c, "days_left", 3.0);
    close(c, "pace", 3000.0 / (20000.0 * 3.0 / 9.0)); // 45 %, as her W47 says
    close(c, "forecast_revenue", 3000.0 / 3.0 * 9.0);
    null(c, "mom_growth"); // no October data for carol
    let t = &n["team"];
    close(t, "revenue", 45000.0);
    close(t, "deals", 10.0);
    close(t, "leads_overnight", 3.0);
    close(t, "plan_revenue", 120000.0);
    close(t, "plan_deals", 20.0); // `team:` gave only revenue; deals = Σ managers
    close(t, "pace", 45000.0 / (120000.0 * 14.0 / 20.0));
    close(t, "pace_deals", 10.0 / (20.0 * 14.0 / 20.0));
    close(t, "forecast_revenue", 45000.0 / 14.0 * 20.0);
    close(t, "forecast_deals", 10.0 / 14.0 * 20.0);
    close(t, "mom_growth", (45000.0 / 14.0) / (60000.0 / 22.0) - 1.0);
    close(t, "mom_growth_deals", (10.0 / 14.0) / (13.0 / 22.0) - 1.0);
    null(t, "mom_change");
    null(t, "mom_change_deals");
}

#[test]
fn november_decomposition_per_remaining_working_day() {
    let m = metrics();
    let d = &month(&m, "2026-11")["decomposition"];
    // r = 3 working days. Window W40–W47 (both parts of W40): revenue
    // 111000, deals 24, meetings 74, processed 247.
    let t = &d["team"];
    close(t, "days_left", 3.0);
    close(t, "remaining_revenue", 75000.0); // 120000 − 45000
    close(t, "deals", 17.0); // ceil(75000 / (111000/24)) = ceil(16.2)
    close(t, "meetings", 53.0); // ceil(17 × 74/24) = ceil(52.4)
    close(t, "leads", 177.0); // ceil(53 × 247/74) = ceil(176.9)
    close(t, "deals_per_day", 6.0); // ceil(17 / 3)
    close(t, "meetings_per_day", 18.0);
    close(t, "leads_per_day", 59.0);
    let a = &d["managers"]["alice"];
    close(a, "days_left", 3.0);
    close(a, "remaining_revenue", 8000.0);
    close(a, "deals", 2.0); // ceil(8000 × 17 / 82000) = ceil(1.66)
    close(a, "meetings", 6.0); // ceil(2 × 44/17)
    close(a, "leads", 23.0); // ceil(6 × 162/44)
    close(a, "leads_per_day", 8.0);
    let c = &d["managers"]["carol"];
    close(c, "deals", 6.0); // ceil(17000 / 3000)
    close(c, "meetings", 6.0);
    close(c, "leads", 30.0); // exactly 6 × 5/1: no float creep to 31
    close(c, "deals_per_day", 2.0);
}

#[test]
fn alerts() {
    let m = metrics();
    let alerts: Vec<(String, String, String)> = m["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["kind"].as_str().unwrap().to_string(),
                a["severity"].as_str().unwrap().to_string(),
                a["subject"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expect = |k: &str, s: &str, sub: &str| (k.to_string(), s.to_string(), sub.to_string());
    assert_eq!(
        alerts,
        [
            // bob: below 80 % of his weekly plan W41–W47 (in W40 he made 88 %
            // of October's share for 1–2 October); carol only one planned week.
            expect("manager_lagging_without_idp", "critical", "bob"),
            expect("team_metric_unexplained", "critical", "deals"),
            expect("team_metric_unexplained", "critical", "revenue"),
            expect("leads_overnight", "warning", "carol"),
        ]
    );
    let message = m["alerts"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("Bob Baker") && message.contains("7 weeks"),
        "{message}"
    );
}

#[test]
fn weekly_csv_has_a_row_per_period_manager_and_team() {
    let site = common::fixture("small");
    let out = common::build(site.path(), "2026-11-25");
    let csv = std::fs::read_to_string(out.join("data/weekly.csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("week,month,first_day,last_day,working_days,manager,leads_received")
    );
    // 9 period files (W40 in two) × (team + 2 managers) + carol once.
    assert_eq!(lines.len(), 1 + 9 * 3 + 1);
    assert!(lines.contains(&"2026-W40,2026-09,2026-09-28,2026-09-30,3,alice,12,12,0,,30,3,1,6000,,,1,0.25,0.3333333333333333,0.08333333333333333,6000,,"));
    let carol = lines
        .iter()
        .find(|l| {
            l.starts_with("2026-W47,2026-11,2026-11-16,2026-11-22,5,carol,5,5,1,,10,1,1,3000,")
        })
        .unwrap();
    let plan: f64 = carol.split(',').nth(14).unwrap().parse().unwrap();
    assert!((plan - 20000.0 / 3.0).abs() < 1e-9);
}
