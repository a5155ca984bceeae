//! Team and owner sites from one repository: every owner-only text reaches
//! the owner's build and no file of the team's.

mod common;

use std::fs;
use std::path::Path;

/// Owner-only places of the practice fixture, each holding its own canary.
fn plant(root: &Path) -> Vec<&'static str> {
    let c = root.join("content");
    let write = |path: &str, text: &str| {
        let full = c.join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    };
    write(
        "months/2026-11.md",
        "---\nmonth: 2026-11\nheadline: \"PUBLIC-headline\"\nexplanations:\n  revenue: { reason: \"CANARY-reason\", actions: \"CANARY-actions\", resources: \"CANARY-resources\" }\n  deals:\n    reason: \"CANARY-deals\"\n    actions:\n      - { do: \"CANARY-commitment\", who: bob, by: 2026-11-20 }\n      - { do: \"CANARY-done\", by: 2026-12-04, done: true }\n---\nCANARY-month-body\n",
    );
    // A month whose note has a headline and no explanation.
    write(
        "months/2026-10.md",
        "---\nmonth: 2026-10\nheadline: \"PUBLIC-october\"\n---\nCANARY-october-body\n",
    );
    write(
        "assessments/2026-11-15.yaml",
        "date: 2026-11-15\nscale: 5\nscores:\n  alice: { product: 5, closing: 4 }\nnotes:\n  alice: \"CANARY-assessment-note\"\n",
    );
    write(
        "idp/bob-2026-11.md",
        "---\nmanager: bob\ntitle: \"CANARY-idp-title\"\nopened: 2026-11-09\ndue: 2026-12-18\nstatus: active\nreason: \"CANARY-idp-reason\"\ngoals:\n  - { text: \"CANARY-goal\", done: false }\noutcome: \"\"\n---\nCANARY-idp-body\n",
    );
    write(
        "one-on-ones/2026-11-20-alice.md",
        "---\nmanager: alice\ndate: 2026-11-20\ntopic: \"CANARY-1on1-topic\"\nmood: tense\n---\nCANARY-1on1-body\n",
    );
    write(
        "pages/owner-memo.md",
        "---\ntitle: \"CANARY-owner-page\"\naudience: owner\n---\nCANARY-owner-page-body\n",
    );
    write(
        "checklist.yaml",
        "head: { name: \"CANARY-head\", started: 2026-09-01 }\nmanual:\n  budget_agreed: { done: 2026-09-20, note: \"CANARY-manual\" }\n",
    );
    vec![
        "CANARY-reason",
        "CANARY-actions",
        "CANARY-resources",
        "CANARY-deals",
        "CANARY-commitment",
        "CANARY-done",
        "CANARY-month-body",
        "CANARY-october-body",
        "CANARY-assessment-note",
        "CANARY-idp-title",
        "CANARY-idp-reason",
        "CANARY-goal",
        "CANARY-idp-body",
        "CANARY-1on1-topic",
        "CANARY-1on1-body",
        "CANARY-owner-page",
        "CANARY-owner-page-body",
        "CANARY-head",
        "CANARY-manual",
    ]
}

fn everything(out: &Path) -> String {
    common::tree(out)
        .into_iter()
        .map(|(path, bytes)| format!("{path}\n{}", String::from_utf8_lossy(&bytes)))
        .collect()
}

#[test]
fn owner_only_text_stays_on_the_owner_site() {
    let site = common::fixture("practice");
    let canaries = plant(site.path());
    let root = site.path().to_str().unwrap();

    let owner = common::build(site.path(), "2026-11-25");
    let all = everything(&owner);
    for canary in &canaries {
        assert!(all.contains(canary), "the owner's site lacks {canary}");
    }

    let team_out = site.path().join("team-site");
    let built = common::run(&[
        "--root",
        root,
        "build",
        "--as-of",
        "2026-11-25",
        "--audience",
        "team",
        "--out",
        team_out.to_str().unwrap(),
    ]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let all = everything(&team_out);
    for canary in &canaries {
        assert!(!all.contains(canary), "the team's site shows {canary}");
    }
    // The headline is for everyone (README, "Owner and team sites"); the
    // head's commitments with their `who` and `by` follow the note: owner only.
    for public in ["PUBLIC-headline", "PUBLIC-october"] {
        assert!(all.contains(public), "the team's site lacks {public}");
    }
    // Where the head explained, the team is told the explanation is in the
    // owner's report — never that there is none; where there is none, nothing.
    let said = "explained in the owner&#39;s report";
    let read = |p: &str| fs::read_to_string(team_out.join(p)).unwrap();
    let (november, october) = (
        read("months/2026-11/index.html"),
        read("months/2026-10/index.html"),
    );
    assert!(november.contains(said), "{november}");
    assert!(!october.contains(said) && !october.contains("owner's report"));
    assert!(read("index.html").contains(said));
    assert!(
        !all.contains("no explanation"),
        "the team's site says an explanation is missing"
    );
    // …and the owner's site shows the commitments themselves.
    let owner_month = fs::read_to_string(owner.join("months/2026-11/index.html")).unwrap();
    assert!(owner_month.contains("CANARY-commitment") && owner_month.contains("id=\"actions\""));
    // The team still sees its own numbers, stand-ups and the team's pages.
    assert!(team_out.join("standups/2026-11-23/index.html").exists());
    assert!(team_out.join("pages/chat-rules/index.html").exists());
    for gone in ["idp", "checklist", "one-on-ones", "pages/owner-memo"] {
        assert!(!team_out.join(gone).exists(), "{gone} is for the owner");
    }
    let broken = common::broken_links(&team_out);
    assert!(
        broken.is_empty(),
        "the team site links to pages it does not have:\n{}",
        broken.join("\n")
    );
    let metrics: serde_json::Value =
        serde_json::from_slice(&fs::read(team_out.join("data/metrics.json")).unwrap()).unwrap();
    assert_eq!(metrics["checklist"], serde_json::json!([]));
    // The alerts that judge people or report to the owner (DESIGN.md's audience rules).
    let owner_only = [
        "manager_lagging_without_idp",
        "team_metric_unexplained",
        "idp_overdue",
        "one_on_one_overdue",
    ];
    for alert in metrics["alerts"].as_array().unwrap() {
        let kind = alert["kind"].as_str().unwrap();
        assert!(!owner_only.contains(&kind), "team sees {kind}");
    }
}

#[test]
fn the_default_audience_is_the_owner() {
    let site = common::fixture("practice");
    let out = common::build(site.path(), "2026-11-25");
    assert!(out.join("checklist/index.html").exists());
    assert!(out.join("idp/bob-2026-11/index.html").exists());
}

/// Every digest the team could be sent: each period in each format.
fn digests(root: &Path, audience: &str) -> String {
    let mut all = String::new();
    for period in ["day", "week", "month"] {
        for format in ["text", "markdown", "html", "telegram"] {
            let out = common::run(&[
                "--root",
                root.to_str().unwrap(),
                "digest",
                "--as-of",
                "2026-11-25",
                "--period",
                period,
                "--format",
                format,
                "--audience",
                audience,
                "--base-url",
                "https://example.github.io/s/",
            ]);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            all.push_str(&String::from_utf8(out.stdout).unwrap());
        }
    }
    all
}

#[test]
fn the_team_digest_has_no_owner_only_line() {
    let site = common::fixture("practice");
    let canaries = plant(site.path());
    // The owner's digest does carry owner-only words (what is being done,
    // the development plan): so the team's check below can fail.
    let owner = digests(site.path(), "owner");
    let shown: Vec<&&str> = canaries.iter().filter(|c| owner.contains(**c)).collect();
    assert!(
        shown.iter().any(|c| **c == "CANARY-actions")
            && shown.iter().any(|c| **c == "CANARY-idp-title"),
        "the owner's digest shows {shown:?}:\n{owner}"
    );
    let team = digests(site.path(), "team");
    for canary in &canaries {
        assert!(
            !team.contains(canary),
            "the team's digest shows {canary}:\n{team}"
        );
    }
    // Nor does it judge people the way only the owner's pages do.
    for owner_only in ["development plan", "no explanation yet", "one-to-one"] {
        assert!(
            !team.contains(owner_only),
            "team digest says {owner_only:?}:\n{team}"
        );
    }
}
