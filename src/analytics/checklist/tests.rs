//! Each control point at, just under and just over its thresholds.

use super::Status::{Met, NoData, NotMet, Partly};
use super::*;
use crate::analytics::compute;
use crate::analytics::testkit::{date, site, week, week_with};

fn point(files: &[(String, String)], as_of: &str, id: &str) -> ControlPoint {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let a = compute(&site(&refs), date(as_of));
    a.checklist
        .into_iter()
        .find(|p| p.point.id() == id)
        .unwrap()
}

fn file(path: &str, text: &str) -> (String, String) {
    (path.to_string(), text.to_string())
}

fn nov_targets(a: u32, b: u32) -> (String, String) {
    file(
        "content/targets/2026-11.yaml",
        &format!(
            "month: 2026-11\nmanagers:\n  a: {{ revenue: {a}, deals: 4 }}\n  b: {{ revenue: {b}, deals: 4 }}\n"
        ),
    )
}

#[test]
fn all_twelve_points_in_order() {
    let a = compute(&site(&[]), date("2026-11-20"));
    let ids: Vec<&str> = a.checklist.iter().map(|p| p.point.id()).collect();
    assert_eq!(
        ids,
        [
            "plan_on_track",
            "leads_same_day",
            "vision_written",
            "all_assessed",
            "training_formats",
            "standup_discipline",
            "plan_decomposed",
            "chat_rules",
            "mom_growth",
            "lag_explained",
            "idp_for_lagging",
            "one_on_ones"
        ]
    );
    let phase_two: Vec<&str> = a
        .checklist
        .iter()
        .filter(|p| p.point.phase() == Phase::FromMonthThree)
        .map(|p| p.point.id())
        .collect();
    assert_eq!(
        phase_two,
        [
            "mom_growth",
            "lag_explained",
            "idp_for_lagging",
            "one_on_ones"
        ]
    );
}

#[test]
fn plan_on_track_by_pace() {
    // 5 of November's 21 working days (no holidays); plan 8400 → plan to date 2000.
    let status = |b: u32| {
        point(
            &[week("2026-W45", 1000, b), nov_targets(4200, 4200)],
            "2026-11-06",
            "plan_on_track",
        )
    };
    assert_eq!(status(1000).status, Met); // 100 %
    assert_eq!(status(800).status, Partly); // exactly 90 %
    let p = status(799);
    assert_eq!((p.status, p.value), (NotMet, Some(1799.0 / 2000.0)));
    assert_eq!(
        point(
            &[week("2026-W45", 1000, 1000)],
            "2026-11-06",
            "plan_on_track"
        )
        .status,
        NoData
    );
}

#[test]
fn leads_same_day_by_share_of_manager_weeks() {
    let weeks = |dirty: usize| -> Vec<(String, String)> {
        ["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"]
            .iter()
            .enumerate()
            .map(|(i, w)| week_with(w, 1, 1, u32::from(i < dirty), u32::from(i + 5 < dirty), ""))
            .collect()
    };
    let status = |dirty| point(&weeks(dirty), "2026-12-06", "leads_same_day");
    assert_eq!(status(1).status, Met); // 9 of 10 = 90 %
    assert_eq!(status(2).status, Partly); // 80 %
    assert_eq!(status(3).status, Partly); // 70 %, the partly boundary
    let p = status(4);
    assert_eq!((p.status, p.value), (NotMet, Some(0.6)));
    assert_eq!(
        p.facts,
        Facts::Share {
            part: 6,
            whole: 10,
            missing: vec![]
        }
    );
    assert_eq!(point(&[], "2026-12-06", "leads_same_day").status, NoData);
}

fn started_on(day: &str) -> (String, String) {
    file(
        "content/checklist.yaml",
        &format!("head: {{ name: H, started: {day} }}\n"),
    )
}

#[test]
fn vision_within_four_weeks() {
    let vision = |day: &str| {
        file(
            "content/pages/vision.md",
            &format!("---\ntitle: V\nkind: vision\ndate: {day}\n---\nText\n"),
        )
    };
    let at = |files: &[(String, String)]| point(files, "2026-11-20", "vision_written").status;
    assert_eq!(at(&[started_on("2026-09-01"), vision("2026-09-29")]), Met); // day 28
    assert_eq!(
        at(&[started_on("2026-09-01"), vision("2026-09-30")]),
        Partly
    ); // late
    assert_eq!(at(&[started_on("2026-09-01")]), NotMet);
    assert_eq!(
        at(&[vision("2026-12-01")]),
        Met,
        "without a start date any vision counts"
    );
}

#[test]
fn all_assessed_needs_every_active_manager() {
    let round = |scores: &str| {
        file(
            "content/assessments/2026-11-10.yaml",
            &format!("date: 2026-11-10\nscale: 5\nscores:\n{scores}"),
        )
    };
    let at = |files: &[(String, String)]| point(files, "2026-11-20", "all_assessed");
    assert_eq!(at(&[round("  a: { x: 3 }\n  b: { x: 4 }\n")]).status, Met);
    let p = at(&[round("  a: { x: 3 }\n")]);
    assert_eq!(p.status, NotMet); // 1 of 2 = 50 % < 70 %
    assert_eq!(
        p.facts,
        Facts::Share {
            part: 1,
            whole: 2,
            missing: vec!["b".into()]
        }
    );
    assert_eq!(at(&[]).status, NoData);
}

#[test]
fn training_formats_this_month() {
    let at = |t: &str| {
        point(
            &[week_with("2026-W45", 1, 1, 0, 0, t)],
            "2026-11-06",
            "training_formats",
        )
        .status
    };
    assert_eq!(
        at("{ call_reviews: 1, case_reviews: 1, trainings: 1, roleplays: 1 }"),
        Met
    );
    assert_eq!(at("{ call_reviews: 2, case_reviews: 1 }"), Partly);
    assert_eq!(at("{ call_reviews: 3 }"), NotMet);
    assert_eq!(at(""), NoData);
}

fn standups(long: usize) -> Vec<(String, String)> {
    (0..10)
        .map(|i| {
            let day = date("2026-11-02") + Days::new(i as u64);
            let minutes = if i < long { 25 } else { 15 };
            file(
                &format!("content/standups/{day}.md"),
                &format!("---\ndate: {day}\nduration_min: {minutes}\nreports:\n  a: {{ done: x, result: x, goal: x, how: x }}\n  b: {{ done: x, result: x, goal: x, how: x }}\n---\n"),
            )
        })
        .collect()
}

#[test]
fn standup_discipline_by_its_lowest_share() {
    let at = |long| point(&standups(long), "2026-11-12", "standup_discipline");
    assert_eq!(at(1).status, Met); // 90 % within the limit
    assert_eq!(at(3).status, Partly); // 70 %
    let p = at(4);
    assert_eq!((p.status, p.value), (NotMet, Some(0.6)));
    assert_eq!(
        point(&[], "2026-11-12", "standup_discipline").status,
        NoData
    );
}

#[test]
fn plan_decomposed_for_every_active_manager() {
    let only_a = file(
        "content/targets/2026-11.yaml",
        "month: 2026-11\nmanagers:\n  a: { revenue: 1 }\n",
    );
    let w = week("2026-W45", 1, 1);
    assert_eq!(
        point(
            &[w.clone(), nov_targets(1, 1)],
            "2026-11-06",
            "plan_decomposed"
        )
        .status,
        Met
    );
    assert_eq!(
        point(&[w.clone(), only_a], "2026-11-06", "plan_decomposed").status,
        Partly
    );
    assert_eq!(point(&[w], "2026-11-06", "plan_decomposed").status, NotMet);
    assert_eq!(point(&[], "2026-11-06", "plan_decomposed").status, NoData);
}

#[test]
fn chat_rules_page() {
    let rules = file(
        "content/pages/chat.md",
        "---\ntitle: Chats\nkind: chat-rules\n---\n",
    );
    assert_eq!(point(&[rules], "2026-11-06", "chat_rules").status, Met);
    assert_eq!(point(&[], "2026-11-06", "chat_rules").status, NotMet);
}

#[test]
fn mom_growth_like_for_like() {
    // Per working day with data: November's first 5 days against
    // October's 5 with data (W41: 2000).
    let at = |a: u32| {
        point(
            &[week("2026-W41", 1000, 1000), week("2026-W45", a, 1000)],
            "2026-11-06",
            "mom_growth",
        )
    };
    assert_eq!(at(1100).status, Met); // +5 %
    assert_eq!(at(1000).status, Partly); // flat
    assert_eq!(at(900).status, Partly); // −5 %, the boundary
    let p = at(899);
    assert_eq!(p.status, NotMet);
    assert!((p.value.unwrap() + 0.0505).abs() < 1e-12);
    assert_eq!(
        point(&[week("2026-W45", 1, 1)], "2026-11-06", "mom_growth").status,
        NoData
    );
}

#[test]
fn lag_explained_metric_by_metric() {
    // Revenue 500 of a plan-to-date 2000 and deals 3 of 2 → only revenue lags.
    let base = vec![week("2026-W45", 250, 250), nov_targets(4000, 4000)];
    let note = |body: &str| {
        file(
            "content/months/2026-11.md",
            &format!("---\nmonth: 2026-11\nexplanations:\n{body}---\n"),
        )
    };
    let at = |extra: Vec<(String, String)>| {
        let mut files = base.clone();
        files.extend(extra);
        point(&files, "2026-11-06", "lag_explained")
    };
    assert_eq!(at(vec![note("  revenue: { reason: r }\n")]).status, Met);
    let p = at(vec![]);
    assert_eq!(p.status, NotMet);
    assert_eq!(
        p.facts,
        Facts::Explained {
            part: 0,
            whole: 1,
            unexplained: vec![(
                crate::calendar::YearMonth::parse("2026-11").unwrap(),
                PlanMetric::Revenue
            )]
        }
    );
    assert_eq!(
        point(
            &[week("2026-W45", 1000, 1000), nov_targets(4000, 4000)],
            "2026-11-06",
            "lag_explained"
        )
        .status,
        NoData
    );
}

#[test]
fn idp_for_lagging_and_closed_outcomes() {
    // b: 100 of a weekly 1000 two weeks running → lagging.
    let base = vec![
        week("2026-W45", 1000, 100),
        week("2026-W46", 1000, 100),
        nov_targets(4000, 4000),
    ];
    let idp = |status: &str, outcome: &str| {
        file(
            "content/idp/b-2026-11.md",
            &format!(
                "---\nmanager: b\ntitle: T\nopened: 2026-11-09\ndue: 2026-12-01\nstatus: {status}\noutcome: \"{outcome}\"\n---\n"
            ),
        )
    };
    let at = |extra: Vec<(String, String)>| {
        let mut files = base.clone();
        files.extend(extra);
        point(&files, "2026-11-13", "idp_for_lagging").status
    };
    assert_eq!(at(vec![idp("active", "")]), Met);
    assert_eq!(at(vec![]), NotMet);
    // Closed without an outcome, and b still lagging with no open plan: 0 of 2.
    assert_eq!(at(vec![idp("completed", "")]), NotMet);
    let calm = vec![week("2026-W45", 1000, 1000), nov_targets(4000, 4000)];
    let mut with_closed = calm.clone();
    with_closed.push(idp("completed", "kept"));
    assert_eq!(
        point(&with_closed, "2026-11-06", "idp_for_lagging").status,
        Met
    );
    assert_eq!(point(&calm, "2026-11-06", "idp_for_lagging").status, NoData);
}

#[test]
fn one_on_ones_in_the_last_four_weeks() {
    let talk = |day: &str, who: &str| {
        file(
            &format!("content/one-on-ones/{day}-{who}.md"),
            &format!("---\nmanager: {who}\ndate: {day}\n---\n"),
        )
    };
    let at = |files: &[(String, String)]| point(files, "2026-11-28", "one_on_ones");
    // 2026-11-01 is 27 days before the 28th: inside 4 weeks; 2026-10-31 is not.
    assert_eq!(
        at(&[talk("2026-11-20", "a"), talk("2026-11-01", "b")]).status,
        Met
    );
    let p = at(&[talk("2026-11-20", "a"), talk("2026-10-31", "b")]);
    assert_eq!(p.status, NotMet); // 1 of 2
    assert_eq!(
        p.facts,
        Facts::Share {
            part: 1,
            whole: 2,
            missing: vec!["b".into()]
        }
    );
    assert_eq!(at(&[]).status, NoData);
    // The alert follows the same rule.
    let refs = [talk("2026-11-20", "a"), talk("2026-10-31", "b")];
    let refs: Vec<(&str, &str)> = refs.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let a = compute(&site(&refs), date("2026-11-28"));
    assert!(
        a.alerts
            .iter()
            .any(|al| al.kind() == "one_on_one_overdue" && al.subject() == "b")
    );
}
