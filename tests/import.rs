//! `salespulse import`: each CRM's export of the same eight deals, imported
//! into the fixture site `tests/fixtures/import/site`, gives the same week
//! files, compared byte for byte with `tests/fixtures/import/expected/`.
//!
//! The deals (see the exports): W47 anna 2 leads, 1 won (96 000); petr 1
//! lead, 1 lost. W48 one lead each. W49 (30 Nov – 6 Dec) is split: on 30 Nov
//! anna wins 1 200 000,50 and petr gets a lead; in December anna gets a lead
//! and wins 50 000 on 3 Dec, petr wins 30 000 on 2 Dec — but the export ends
//! on 3 Dec while the typed 2026-W49-12.yaml already has more for petr, so
//! his numbers stay. Иван Петров is no one on the team; Ольга has no rows.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::run;
use pretty_assertions::assert_eq;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn export(name: &str) -> String {
    fixtures().join("exports").join(name).display().to_string()
}

/// A fresh copy of the fixture site.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&fixtures().join("site"), dir.path());
    dir
}

fn import(root: &Path, args: &[&str]) -> (bool, String, String) {
    let mut all = vec!["--root", root.to_str().unwrap(), "import"];
    all.extend_from_slice(args);
    let out = run(&all);
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Every file of `content/weeks/`, by name.
fn weeks(root: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(root.join("content/weeks"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn expected(name: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(fixtures().join("expected").join(name))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// `check`'s errors.
fn check_errors(root: &Path) -> Vec<String> {
    let out = run(&[
        "--root",
        root.to_str().unwrap(),
        "check",
        "--as-of",
        "2026-12-06",
        "--format",
        "json",
    ]);
    let problems: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    problems
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["severity"] == "error")
        .map(|p| format!("{}: {}", p["path"], p["message"]))
        .collect()
}

#[test]
fn every_crm_export_gives_the_expected_week_files() {
    let cases = [
        (
            "amocrm-ru.csv",
            "amoCRM/Kommo (recognised from the header row), UTF-8, `;`",
        ),
        (
            "amocrm-1251.csv",
            "amoCRM/Kommo (recognised from the header row), windows-1251, `;`",
        ),
        (
            "kommo-en.csv",
            "amoCRM/Kommo (recognised from the header row), UTF-8, `,`",
        ),
        (
            "bitrix24.csv",
            "Bitrix24 (recognised from the header row), UTF-8, `;`",
        ),
        (
            "hubspot.csv",
            "HubSpot (recognised from the header row), UTF-8, `,`",
        ),
        (
            "pipedrive.csv",
            "Pipedrive (recognised from the header row), UTF-8, `,`",
        ),
        (
            "salesforce.csv",
            "Salesforce (recognised from the header row), UTF-8, `,`",
        ),
    ];
    for (file, read_as) in cases {
        let dir = site();
        let (ok, stdout, stderr) = import(dir.path(), &[&export(file)]);
        assert!(ok, "{file}: {stderr}");
        let first = stdout.lines().next().unwrap();
        assert!(
            first.ends_with(&format!("{read_as} between cells")),
            "{file}: {first}"
        );
        assert_eq!(weeks(dir.path()), expected("crm"), "{file}");
        assert_eq!(check_errors(dir.path()), Vec::<String>::new(), "{file}");
    }
}

#[test]
fn bitrix_product_rows_and_salesforce_footers_are_not_deals() {
    let dir = site();
    let (_, stdout, _) = import(dir.path(), &[&export("bitrix24.csv")]);
    assert!(
        stdout.contains("\n  11 rows (3 rows of deals already read (one per product) counted once): 8 deals, 7 of them by managers on the team\n"),
        "{stdout}"
    );
    let dir = site();
    let (_, stdout, _) = import(dir.path(), &[&export("salesforce.csv")]);
    assert!(
        stdout.contains("\n  8 rows (5 footer lines after the data left out): 8 deals, 7 of them by managers on the team\n"),
        "{stdout}"
    );
}

#[test]
fn a_mapped_csv_also_gives_meetings() {
    let dir = site();
    let map = export("generic.map.yaml");
    let (ok, stdout, stderr) = import(dir.path(), &[&export("generic.tsv"), "--map", &map]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("generic CSV, UTF-8, `tab` between cells"),
        "{stdout}"
    );
    assert_eq!(weeks(dir.path()), expected("generic"));
    assert_eq!(check_errors(dir.path()), Vec::<String>::new());
}

#[test]
fn the_summary_says_old_and_new_per_period_and_manager() {
    let dir = site();
    let (_, stdout, _) = import(dir.path(), &[&export("hubspot.csv")]);
    let summary: Vec<&str> = stdout.lines().skip(1).collect();
    assert_eq!(
        summary.join("\n"),
        "  8 rows: 8 deals, 7 of them by managers on the team
  dates from 2026-11-16 to 2026-12-03
  no meeting dates in the export: `meetings` is left as it is
2026-W47 (2026-11-16 – 2026-11-22) content/weeks/2026-W47.yaml
  anna-ivanova         leads_received 40 → 2, deals 5 → 1, revenue 250000 → 96000
  petr-sidorov         leads_received 10 → 1, deals 2 → 0, revenue 80000 → 0
2026-W48 (2026-11-23 – 2026-11-29) content/weeks/2026-W48.yaml, new file
  anna-ivanova         new entry: leads_received 1, deals 0, revenue 0; the rest awaits the head
  petr-sidorov         new entry: leads_received 1, deals 0, revenue 0; the rest awaits the head
2026-W49-11 (2026-11-30) content/weeks/2026-W49-11.yaml, new file
  anna-ivanova         new entry: leads_received 0, deals 1, revenue 1200000.5; the rest awaits the head
  petr-sidorov         new entry: leads_received 1, deals 0, revenue 0; the rest awaits the head
2026-W49-12 (2026-12-01 – 2026-12-06) content/weeks/2026-W49-12.yaml
  the export covers only 2026-12-01 – 2026-12-03 of this period: its numbers only raise the file's, never lower them
  anna-ivanova         new entry: leads_received 1, deals 1, revenue 50000; the rest awaits the head
  petr-sidorov         leads_received 4 kept (the export has 0 for its days), deals 3 kept (the export has 1 for its days), revenue 90000 kept (the export has 30000 for its days)
no rows in the export for olga-morozova: their numbers are left as they are
import: wrote 4 files (2 new): 2 entries changed, 5 added; 0 periods unchanged"
    );
}

#[test]
fn a_dry_run_prints_the_same_and_writes_nothing() {
    let dir = site();
    let before = weeks(dir.path());
    let (ok, dry, _) = import(dir.path(), &[&export("pipedrive.csv"), "--dry-run"]);
    assert!(ok);
    assert_eq!(weeks(dir.path()), before, "a dry run writes nothing");
    let (_, real, _) = import(dir.path(), &[&export("pipedrive.csv")]);
    let body = |s: &str| {
        s.lines()
            .take(s.lines().count() - 1)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(body(&dry), body(&real));
    assert!(dry.ends_with(
        "dry run: would write 4 files (2 new): 2 entries changed, 5 added; 0 periods unchanged; nothing was written\n"
    ));
}

#[test]
fn importing_again_changes_nothing() {
    let dir = site();
    import(dir.path(), &[&export("amocrm-ru.csv")]);
    let (ok, stdout, _) = import(dir.path(), &[&export("amocrm-1251.csv")]);
    assert!(ok);
    assert!(
        stdout.ends_with(
            "import: wrote 0 files (0 new): 0 entries changed, 0 added; 4 periods unchanged\n"
        ),
        "{stdout}"
    );
    assert_eq!(weeks(dir.path()), expected("crm"));
}

#[test]
fn typed_numbers_comments_and_key_order_survive() {
    let dir = site();
    import(dir.path(), &[&export("kommo-en.csv")]);
    let w47 = fs::read_to_string(dir.path().join("content/weeks/2026-W47.yaml")).unwrap();
    let original = fs::read_to_string(fixtures().join("site/content/weeks/2026-W47.yaml")).unwrap();
    // Only the imported numbers differ, line by line.
    let changed: Vec<(&str, &str)> = original
        .lines()
        .zip(w47.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        [
            (
                "    leads_received: 40      # from the CRM report",
                "    leads_received: 2      # from the CRM report"
            ),
            (
                "    deals: 5                # paid",
                "    deals: 1                # paid"
            ),
            ("    revenue: 250000", "    revenue: 96000"),
            (
                "  petr-sidorov: { leads_received: 10, leads_processed: 10, leads_overnight: 0, calls: 90, meetings: 4, deals: 2, revenue: 80000 }",
                "  petr-sidorov: { leads_received: 1, leads_processed: 10, leads_overnight: 0, calls: 90, meetings: 4, deals: 0, revenue: 0 }"
            ),
        ]
    );
    assert_eq!(original.lines().count(), w47.lines().count());
}

#[test]
fn split_weeks_are_written_as_their_two_parts() {
    let dir = site();
    import(dir.path(), &[&export("hubspot.csv")]);
    let (content, _) = salespulse::content::load(dir.path());
    let mut parts = Vec::new();
    for doc in &content.weeks {
        let period = doc.data.period(&content.calendar).expect("a period");
        assert_eq!(doc.stem(), period.file_stem(), "{}", doc.path);
        parts.push((period.file_stem(), period.month.to_string(), period.split));
    }
    assert_eq!(
        parts,
        [
            ("2026-W47".to_string(), "2026-11".to_string(), false),
            ("2026-W48".to_string(), "2026-11".to_string(), false),
            ("2026-W49-11".to_string(), "2026-11".to_string(), true),
            ("2026-W49-12".to_string(), "2026-12".to_string(), true),
        ]
    );
    let part = fs::read_to_string(dir.path().join("content/weeks/2026-W49-11.yaml")).unwrap();
    assert!(part.starts_with(
        "# yaml-language-server: $schema=../../schemas/week.json\nweek: 2026-W49\nmonth: 2026-11\nmanagers:\n"
    ));
}

#[test]
fn unknown_crm_users_are_reported_once_and_left_out() {
    let dir = site();
    let (ok, _, stderr) = import(dir.path(), &[&export("amocrm-ru.csv")]);
    assert!(ok, "a warning does not stop the import");
    let path = export("amocrm-ru.csv");
    assert_eq!(
        stderr,
        format!(
            "warning: unknown CRM user `Иван Петров` (1 row): left out
  --> {path}:8:20
  |
8 | 1007;Курс 7;10 000;Иван Петров;26.11.2026 10:00;27.11.2026 10:00;Успешно реализовано;Продажи
  |                    ^^^^^^^^^^^ first at row 8
  |
  = help: If that is someone on the team, add `crm_name: \"Иван Петров\"` to them in content/team.yaml

"
        )
    );
}

#[test]
fn a_misspelt_crm_user_gets_a_did_you_mean() {
    let dir = site();
    let file = dir.path().join("deals.csv");
    fs::write(
        &file,
        "Deal owner,Deal Stage,Amount,Close Date,Create Date\nAnna Ivanva,Closed Won,100,2026-11-18,2026-11-17\nAnna Ivanva,Closed Lost,100,2026-11-18,2026-11-17\nAnna Ivanova,Closed Won,5,2026-11-18,2026-11-16\n",
    )
    .unwrap();
    let (ok, _, stderr) = import(dir.path(), &[file.to_str().unwrap()]);
    assert!(ok);
    assert!(
        stderr.starts_with("warning: unknown CRM user `Anna Ivanva` (2 rows): left out\n"),
        "{stderr}"
    );
    assert!(stderr.contains(
        "= help: did you mean `Anna Ivanova` (anna-ivanova)? If that is someone on the team, add `crm_name: \"Anna Ivanva\"` to them in content/team.yaml"
    ));
}

#[test]
fn malformed_cells_are_refused_with_row_and_column_and_nothing_is_written() {
    let dir = site();
    let before = weeks(dir.path());
    let file = dir.path().join("deals.csv");
    fs::write(
        &file,
        "ID;Название сделки;Бюджет;Ответственный;Дата создания;Дата закрытия;Этап сделки\n\
         1;А;96 000;Анна Иванова;31.11.2026;;Переговоры\n\
         2;Б;много;Анна Иванова;16.11.2026;;Переговоры\n\
         3;В;-500;Анна Иванова;16.11.2026;;Переговоры\n\
         4;Г;1;Анна Иванова;16.11.2026\n\
         5;Д;1;Анна Иванова;вчера;19.11.2026;Успешно реализовано\n",
    )
    .unwrap();
    let (ok, stdout, stderr) = import(dir.path(), &[file.to_str().unwrap()]);
    assert!(!ok);
    assert_eq!(stdout, "");
    assert_eq!(weeks(dir.path()), before);
    let path = file.display().to_string();
    assert_eq!(
        stderr,
        format!(
            "error: column `Дата создания`: `31.11.2026` is not a date in the calendar
  --> {path}:2:25
  |
2 | 1;А;96 000;Анна Иванова;31.11.2026;;Переговоры
  |                         ^^^^^^^^^^ row 2, column E
  |
  = help: 2026-11 has 30 days

error: column `Бюджет`: expected an amount, found `много`
  --> {path}:3:5
  |
3 | 2;Б;много;Анна Иванова;16.11.2026;;Переговоры
  |     ^^^^^ row 3, column C
  |
  = help: write the amount in digits, e.g. 1200000, 1 200 000,50, 1,200,000.50 or $1,234

error: column `Бюджет`: an amount cannot be negative, found `-500`
  --> {path}:4:5
  |
4 | 3;В;-500;Анна Иванова;16.11.2026;;Переговоры
  |     ^^^^ row 4, column C
  |
  = help: a refund is not a won deal: leave it out of the export, or fix the amount in the CRM

error: row 5 has 5 cells, the header has 7
  --> {path}:5:1
  |
5 | 4;Г;1;Анна Иванова;16.11.2026
  | ^
  |
  = help: the file is read with `;` between cells; a cell that contains it must be in double quotes

error: column `Дата создания`: expected a date, found `вчера`
  --> {path}:6:20
  |
6 | 5;Д;1;Анна Иванова;вчера;19.11.2026;Успешно реализовано
  |                    ^^^^^ row 6, column E
  |
  = help: dates are read as 2026-11-27, 27.11.2026, 27-11-2026 or 27/11/2026, each optionally followed by a time

error: nothing was written
"
        )
    );
}

#[test]
fn a_plain_file_for_a_split_week_is_not_edited() {
    let dir = site();
    fs::rename(
        dir.path().join("content/weeks/2026-W49-12.yaml"),
        dir.path().join("content/weeks/2026-W49.yaml"),
    )
    .unwrap();
    let (ok, _, stderr) = import(dir.path(), &[&export("hubspot.csv")]);
    assert!(!ok);
    assert!(
        stderr.contains(
            "error: 2026-W49 is written as `2026-W49`, but the calendar makes its files weeks/2026-W49-11.yaml and weeks/2026-W49-12.yaml\n  --> content/weeks/2026-W49.yaml\n"
        ),
        "{stderr}"
    );
    assert!(!dir.path().join("content/weeks/2026-W48.yaml").exists());
}

#[test]
fn an_export_no_crm_is_recognised_in_needs_a_map() {
    let dir = site();
    let file = dir.path().join("deals.csv");
    fs::write(&file, "agent,stage,value\nA,Won,1\n").unwrap();
    let (ok, _, stderr) = import(dir.path(), &[file.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        stderr.starts_with("error: cannot tell which CRM this export comes from\n"),
        "{stderr}"
    );
    assert!(stderr.contains("the header row has: agent, stage, value"));
}

/// 100,000 deals of the fixture team over 2026, as a HubSpot export: the
/// import reads them all, counts what it should, and stays within a budget
/// (the debug build; the release figure is in the README, from benches/import.sh).
#[test]
fn a_hundred_thousand_rows_import_within_budget() {
    let dir = site();
    // No typed weeks: every number written then comes from the export.
    fs::remove_dir_all(dir.path().join("content/weeks")).unwrap();
    let file = dir.path().join("big.csv");
    let mut text =
        String::from("Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner\n");
    let owners = ["Anna Ivanova", "Petr Sidorov", "Ivan Petrov"];
    let (mut won, mut known, mut cents) = (0u64, 0u64, 0u64);
    let mut state = 7u64;
    let mut next = |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    for id in 0..100_000u64 {
        let owner = owners[next(3) as usize];
        let created = start + chrono::Days::new(next(300));
        let closed = created + chrono::Days::new(next(20));
        let is_won = next(3) == 0;
        let amount = 1000 + next(100_000);
        if owner != "Ivan Petrov" {
            known += 1;
            if is_won {
                won += 1;
                cents += amount * 100;
            }
        }
        text.push_str(&format!(
            "{id},Deal {id},{},\"{amount}.00\",{} 10:00,{} 09:00,{owner}\n",
            if is_won { "Closed Won" } else { "Closed Lost" },
            closed,
            created
        ));
    }
    fs::write(&file, text).unwrap();
    let started = std::time::Instant::now();
    let (ok, stdout, stderr) = import(dir.path(), &[file.to_str().unwrap()]);
    let elapsed = started.elapsed();
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains(&format!(
            "\n  100000 rows: 100000 deals, {known} of them by managers on the team\n"
        )),
        "{stdout}"
    );
    assert!(stderr.contains("unknown CRM user `Ivan Petrov`"));
    // What was written adds up to what was generated.
    let (content, _) = salespulse::content::load(dir.path());
    let (mut deals, mut revenue) = (0u64, 0.0f64);
    for doc in &content.weeks {
        for (id, entry) in &doc.data.managers {
            assert_ne!(id.as_str(), "olga-morozova", "no rows, no entry");
            deals += entry.value.deals.0;
            revenue += entry.value.revenue.0;
        }
    }
    assert_eq!(deals, won);
    assert!(
        (revenue - cents as f64 / 100.0).abs() < 0.005,
        "{revenue} vs {cents}"
    );
    let budget = std::time::Duration::from_secs(if cfg!(debug_assertions) { 60 } else { 5 });
    assert!(elapsed < budget, "took {elapsed:?}, budget {budget:?}");
}

/// The demo department: an amoCRM export of its last two weeks, imported,
/// then `check` passes.
#[test]
fn import_then_check_passes_on_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &dir.path().join("content"),
    );
    let file = dir.path().join("amo.csv");
    let mut text = String::from(
        "ID;Название сделки;Бюджет;Ответственный;Дата создания;Дата закрытия;Этап сделки\n",
    );
    let names = [
        "Анна Иванова",
        "Дмитрий Кузнецов",
        "Пётр Сидоров",
        "Ольга Морозова",
        "Елена Смирнова",
        "Кирилл Новиков",
    ];
    for i in 0..84u32 {
        let day = 16 + i % 14;
        let won = i % 3 == 0;
        text.push_str(&format!(
            "{i};Сделка {i};{} 000;{};{day}.11.2026 10:00;{};{}\n",
            40 + i,
            names[i as usize % names.len()],
            if won {
                format!("{}.11.2026 15:00", (day + 1).min(29))
            } else {
                "не закрыта".into()
            },
            if won {
                "Успешно реализовано"
            } else {
                "Переговоры"
            }
        ));
    }
    fs::write(&file, text).unwrap();
    let (ok, stdout, stderr) = import(dir.path(), &[file.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(
        // The demo is Russian, and so is what import and check say about it.
        stdout.contains("импорт: записано 2 файла (новых — 0): изменено 12 записей, добавлено 0"),
        "{stdout}"
    );
    let out = run(&[
        "--root",
        dir.path().to_str().unwrap(),
        "check",
        "--as-of",
        "2026-11-29",
    ]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("проверка: 0 ошибок"), "{stderr}");
}
