//! The practice layer: each alert kind raised by a fixture built for it and
//! not by the clean one, a goal's measured progress, the new diagnostics'
//! exact text, and hostile text that must come out inert.

mod common;

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use salespulse::analytics;

const AS_OF: &str = "2026-11-25";

fn alert_kinds(root: &Path) -> Vec<String> {
    let out = common::build(root, AS_OF);
    let text = fs::read_to_string(out.join("data/metrics.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            format!(
                "{} {}",
                a["kind"].as_str().unwrap(),
                a["subject"].as_str().unwrap()
            )
        })
        .collect()
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join("content").join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no `{from}`");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_clean_fixture_raises_no_alert() {
    let site = common::fixture("practice");
    assert_eq!(alert_kinds(site.path()), Vec::<String>::new());
}

#[test]
fn each_alert_kind_has_its_trigger() {
    type Change = fn(&Path);
    let cases: [(&str, Change); 7] = [
        ("manager_lagging_without_idp bob", |r| {
            fs::remove_file(r.join("content/idp/bob-2026-11.md")).unwrap()
        }),
        ("team_metric_unexplained revenue", |r| {
            edit(
                r,
                "months/2026-11.md",
                "revenue: { reason: \"Bob is behind\"",
                "revenue: { reason: \"\"",
            )
        }),
        ("leads_overnight alice", |r| {
            edit(
                r,
                "weeks/2026-W47.yaml",
                "leads_overnight: 0, calls: 60",
                "leads_overnight: 2, calls: 60",
            )
        }),
        ("standup_too_long 2026-11-24", |r| {
            edit(
                r,
                "standups/2026-11-24.md",
                "duration_min: 18",
                "duration_min: 27",
            )
        }),
        ("standup_without_video 2026-11-24", |r| {
            edit(r, "standups/2026-11-24.md", "video: true", "video: false")
        }),
        ("standup_missing_reports 2026-11-24", |r| {
            edit(
                r,
                "standups/2026-11-24.md",
                "absent: { carol: \"training day\" }\n",
                "",
            )
        }),
        ("idp_overdue bob-2026-11", |r| {
            edit(
                r,
                "idp/bob-2026-11.md",
                "due: 2026-12-18",
                "due: 2026-11-20",
            )
        }),
    ];
    for (expected, change) in cases {
        let site = common::fixture("practice");
        change(site.path());
        let kinds = alert_kinds(site.path());
        assert_eq!(kinds, [expected], "after the change for `{expected}`");
    }
}

#[test]
fn a_stand_up_older_than_seven_days_raises_nothing() {
    let site = common::fixture("practice");
    edit(
        site.path(),
        "standups/2026-11-24.md",
        "duration_min: 18",
        "duration_min: 27",
    );
    let out = common::run(&[
        "--root",
        site.path().to_str().unwrap(),
        "build",
        "--as-of",
        "2026-12-01",
    ]);
    assert!(out.status.success());
    let text = fs::read_to_string(site.path().join("output/data/metrics.json")).unwrap();
    assert!(!text.contains("standup_too_long"));
}

#[test]
fn goal_progress_is_measured_from_the_weekly_figures() {
    let site = common::fixture("practice");
    let (content, diagnostics) = salespulse::content::load(site.path());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let a = analytics::compute(
        &salespulse::domain::Department::of(&content),
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
    );
    let plan = &a.idps[0];
    assert_eq!(plan.slug, "bob-2026-11");
    assert!(!plan.overdue);
    // Opened 2026-11-09, in W46: measured from W47 on, the week after.
    // bob: W46 1 deal / 3 meetings (before the plan), W47 0 / 2.
    let conv = &plan.goals[0];
    let weekly: Vec<(String, Option<f64>)> = conv
        .weekly
        .iter()
        .map(|(w, v)| (w.to_string(), *v))
        .collect();
    assert_eq!(weekly, [("2026-W47".into(), Some(0.0))]);
    assert_eq!(conv.latest, Some(0.0));
    assert_eq!(conv.met, Some(false));
    // Attainment: W46's 5000 of 10000 = 0.5 would meet the target on the
    // day the plan opened; W47's 0 is what counts.
    let att = &plan.goals[1];
    assert_eq!(att.weekly.len(), 1);
    assert_eq!(att.weekly[0].1, Some(0.0));
    assert_eq!(att.met, Some(false));
    // A hand-ticked goal is not measured.
    assert_eq!(plan.goals[2].met, None);
    assert_eq!(plan.goals[2].done, Some(false));
    // The page shows the measured values.
    let out = common::build(site.path(), AS_OF);
    let html = fs::read_to_string(out.join("idp/bob-2026-11/index.html")).unwrap();
    assert!(
        html.contains("0%") && html.contains("target 40%") && !html.contains("33%"),
        "IDP page lacks the measured values"
    );
}

#[test]
fn open_requests_with_age_and_id() {
    let site = common::fixture("practice");
    let out = common::build(site.path(), AS_OF);
    let html = fs::read_to_string(out.join("standups/index.html")).unwrap();
    let help = html
        .find("Review my objection handling")
        .expect("bob's request");
    let need = html
        .find("A price list for companies")
        .expect("alice's request");
    assert!(
        html.contains("open 2\u{a0}days"),
        "the age of a request asked on the 23rd"
    );
    assert!(
        html.contains("<code>bob-2026-11-23-help</code>"),
        "the id to resolve it by"
    );
    assert!(help < need || need < help, "both listed");
    // The manager's page lists their own open request.
    let bob = fs::read_to_string(out.join("team/bob/index.html")).unwrap();
    assert!(bob.contains("Review my objection handling"));
    assert!(!bob.contains("A price list for companies"));
    // Resolved at the next stand-up: listed as resolved, with who and how.
    edit(
        site.path(),
        "standups/2026-11-24.md",
        "date: 2026-11-24\n",
        "date: 2026-11-24\nresolved: [{ id: bob-2026-11-23-help, by: head, note: \"Reviewed together\" }]\n",
    );
    let out = common::build(site.path(), AS_OF);
    let html = fs::read_to_string(out.join("standups/index.html")).unwrap();
    let resolved = html
        .find("Resolved in the last two weeks")
        .expect("the resolved list");
    let help = html.find("Review my objection handling").unwrap();
    assert!(help > resolved, "bob's request moved to the resolved list");
    assert!(html.contains("resolved in 1\u{a0}day"));
    assert!(html.contains("Review my objection handling — Head of sales: Reviewed together"));
}

/// The exact text of `check` for one broken file.
fn check_output(files: &[(&str, &str)]) -> String {
    let site = common::fixture("practice");
    for (path, text) in files {
        let full = site.path().join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    }
    let out = common::run(&[
        "--root",
        site.path().to_str().unwrap(),
        "check",
        "--as-of",
        AS_OF,
    ]);
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn practice_diagnostics_exact_text() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "content/standups/2026-11-20.md",
            "---\ndate: 2026-11-19\nvideo: true\nreports: {}\nabsent: { alice: x, bob: y, carol: z }\n---\n",
            "error: file name `2026-11-20` disagrees with `date`\n  --> content/standups/2026-11-20.md:2:7\n  |\n2 | date: 2026-11-19\n  |       ^^^^^^^^^^\n  |\n  = help: rename the file to standups/2026-11-19.md, or fix `date`\n\n",
        ),
        (
            "content/idp/alice-2026-11.md",
            "---\nmanager: alice\ntitle: T\nopened: 2026-11-10\ndue: 2026-11-01\nstatus: activ\n---\n",
            "error: unknown value `activ` for `status`\n  --> content/idp/alice-2026-11.md:6:9\n  |\n6 | status: activ\n  |         ^^^^^\n  |\n  = help: did you mean `active`?\n\n",
        ),
        (
            "content/idp/alice-2026-11.md",
            "---\nmanager: alice\ntitle: T\nopened: 2026-11-10\ndue: 2026-11-01\nstatus: active\ngoals:\n  - { text: x, metric: conv_meting_deal, target: 0.3 }\n---\n",
            "error: `due` (2026-11-01) is before `opened` (2026-11-10)\n  --> content/idp/alice-2026-11.md:5:6\n  |\n5 | due: 2026-11-01\n  |      ^^^^^^^^^^\n  |\n  = help: a development plan ends after it starts\n\nerror: unknown metric `conv_meting_deal`\n  --> content/idp/alice-2026-11.md:8:24\n  |\n8 |   - { text: x, metric: conv_meting_deal, target: 0.3 }\n  |                        ^^^^^^^^^^^^^^^^\n  |\n  = help: did you mean `conv_meeting_deal`?\n\n",
        ),
        (
            "content/assessments/2026-11-20.yaml",
            "date: 2026-11-20\nscale: 5\nscores:\n  alice: { product: 6, closng: 3 }\n",
            "error: score 6 is outside the scale 1–5\n  --> content/assessments/2026-11-20.yaml:4:21\n  |\n4 |   alice: { product: 6, closng: 3 }\n  |                     ^\n  |\n  = help: scores are whole numbers from 1 to 5\n\nerror: unknown competency `closng`\n  --> content/assessments/2026-11-20.yaml:4:24\n  |\n4 |   alice: { product: 6, closng: 3 }\n  |                        ^^^^^^ not in competencies of content/config.yaml; used in 1 score\n  |\n  = help: did you mean `closing`?\n\n",
        ),
        (
            "content/pages/rules.md",
            "title: no front matter\n",
            "error: missing front matter\n  --> content/pages/rules.md:1:1\n  |\n1 | title: no front matter\n  | ^\n  |\n  = help: start the file with a line `---`, the YAML keys, and another line `---`\n\n",
        ),
    ];
    for (path, text, expected) in cases {
        let got = check_output(&[(path, text)]);
        let got = got.split("check: ").next().unwrap();
        assert_eq!(got, *expected, "for {path}");
    }
}

#[test]
fn hostile_text_comes_out_inert() {
    let site = common::fixture("practice");
    let evil = r#"<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) \"><svg onload=alert(1)> {{ 1+1 }} {% if true %}T{% endif %}"#;
    let yaml_evil = evil.replace('\\', "").replace('"', "'");
    fs::write(
        site.path().join("content/standups/2026-11-23.md"),
        format!(
            "---\ndate: 2026-11-23\nduration_min: 10\nreports:\n  alice: {{ done: \"{y}\", result: \"{y}\", help: \"{y}\", goal: \"{y}\", how: \"{y}\", need: \"{y}\" }}\n  bob: {{ done: a, result: b, goal: c, how: d }}\n  carol: {{ done: a, result: b, goal: c, how: d }}\n---\n{evil}\n",
            y = yaml_evil
        ),
    )
    .unwrap();
    fs::write(
        site.path().join("content/pages/chat-rules.md"),
        format!(
            "---\ntitle: \"{yaml_evil}\"\n---\n{evil}\n\n<a href=\"javascript:alert(2)\">x</a>\n"
        ),
    )
    .unwrap();
    let out = common::build(site.path(), AS_OF);
    for (path, bytes) in common::tree(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{path}: live <script>");
        for tag in tags(&lower) {
            assert!(
                !tag.contains(" onerror=") && !tag.contains(" onload="),
                "{path}: live handler in {tag}"
            );
            assert!(
                !tag.contains("javascript:"),
                "{path}: javascript: URL in {tag}"
            );
        }
        // The hostile page title is in every page's navigation: shown as typed, not evaluated.
        assert!(
            html.contains("{{ 1+1 }}") && html.contains("{% if true %}"),
            "{path}: template syntax evaluated"
        );
        assert!(
            html.contains("Content-Security-Policy") && html.contains("default-src 'none'"),
            "{path}: no CSP"
        );
    }
    let day = fs::read_to_string(out.join("standups/2026-11-23/index.html")).unwrap();
    assert!(
        day.contains("{{ 1+1 }}"),
        "template syntax must show as text"
    );
    assert!(
        day.contains("&lt;script&gt;"),
        "escaped, not dropped, in answers"
    );
}

/// Every tag of an HTML text (`<…>` starting with a letter): escaped text
/// (`&lt;img …&gt;`) is not a tag and is left out.
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let end = rest.find('>').unwrap_or(rest.len());
            out.push(&rest[..end]);
        }
    }
    out
}
