//! A large synthetic department for benchmarks, deterministic by seed:
//! `cargo run --release --example gen_site -- --managers 50 --weeks 156 --out DIR [--seed N]`.
//! Valid content in DESIGN.md's format: managers joining and leaving, weeks
//! ending 2026-W48, a stand-up every working day with a report from every
//! active manager, development plans, assessment rounds, targets and notes.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use salespulse::calendar::workdays::FIVE_DAY_WEEK;
use salespulse::calendar::{Country, IsoWeek, Period, WorkCalendar, YearMonth};

struct Args {
    managers: usize,
    weeks: usize,
    out: PathBuf,
    seed: u64,
}

fn args() -> Args {
    let mut a = Args {
        managers: 50,
        weeks: 156,
        out: PathBuf::from("big-site"),
        seed: 7,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--managers" => a.managers = value.parse().expect("--managers N"),
            "--weeks" => a.weeks = value.parse().expect("--weeks N"),
            "--out" => a.out = PathBuf::from(value),
            "--seed" => a.seed = value.parse().expect("--seed N"),
            other => panic!("unknown flag {other}"),
        }
    }
    a
}

struct Manager {
    id: String,
    name: String,
    joined: NaiveDate,
    left: Option<NaiveDate>,
    skill: f64,
}

impl Manager {
    fn active_during(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.joined <= last && self.left.is_none_or(|l| l >= first)
    }
    fn active_on(&self, d: NaiveDate) -> bool {
        self.joined <= d && self.left.is_none_or(|l| l >= d)
    }
}

const FIRST: [&str; 10] = [
    "Анна",
    "Пётр",
    "Ольга",
    "Иван",
    "Елена",
    "Дмитрий",
    "Мария",
    "Кирилл",
    "Светлана",
    "Алексей",
];
const LAST: [&str; 10] = [
    "Иванова",
    "Сидоров",
    "Морозова",
    "Волков",
    "Смирнова",
    "Кузнецов",
    "Петрова",
    "Новиков",
    "Орлова",
    "Соколов",
];

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn main() {
    let a = args();
    let mut rng = ChaCha8Rng::seed_from_u64(a.seed);
    let last = IsoWeek::parse("2026-W48").unwrap();
    let weeks = last.window_ending(a.weeks);
    let first = weeks[0];
    let start = first.monday();
    let span = (last.sunday() - start).num_days() as u64;
    let _ = fs::remove_dir_all(&a.out);

    // Most managers are there from the start; 10 join and 8 leave during the period.
    let managers: Vec<Manager> = (0..a.managers)
        .map(|i| {
            let joins = i >= a.managers.saturating_sub(10);
            let leaves = i < 8;
            let joined = if joins {
                start + Days::new(rng.random_range(30..span - 60))
            } else {
                start - Days::new(30)
            };
            let left = leaves.then(|| start + Days::new(rng.random_range(120..span - 10)));
            Manager {
                id: format!("manager-{i:02}"),
                name: format!("{} {} {i}", FIRST[i % 10], LAST[(i / 10 + i) % 10]),
                joined,
                left,
                skill: rng.random_range(0.7..1.2),
            }
        })
        .collect();

    let root = &a.out;
    write(
        root,
        "content/config.yaml",
        "title: \"Большой отдел продаж\"\nlocale: ru\ncurrency: RUB\nbase_url: \"/\"\ncalendar: { country: ru }\ncustom_metrics:\n  - { key: trial_lessons, label: \"Пробные уроки\", aggregate: sum }\ncompetencies:\n  - { key: product, label: \"Знание продукта\" }\n  - { key: needs, label: \"Выявление потребностей\" }\n  - { key: objections, label: \"Работа с возражениями\" }\n  - { key: closing, label: \"Закрытие сделки\" }\n  - { key: crm, label: \"Дисциплина в CRM\" }\n",
    );
    let mut team = String::from("managers:\n");
    for m in &managers {
        let _ = write!(
            team,
            "  - {{ id: {}, name: \"{}\", joined: {}",
            m.id, m.name, m.joined
        );
        if let Some(l) = m.left {
            let _ = write!(team, ", left: {l}");
        }
        team.push_str(" }\n");
    }
    write(root, "content/team.yaml", &team);
    write(
        root,
        "content/checklist.yaml",
        &format!("head: {{ name: \"Мария Петрова\", started: {} }}\n", start),
    );

    // Weeks (two files for a week split between months) and the months they make.
    let calendar = WorkCalendar::new(Country::Ru, &FIVE_DAY_WEEK, [], []);
    let periods: Vec<Period> = weeks
        .iter()
        .flat_map(|w| calendar.periods_of_week(*w))
        .collect();
    let mut months: Vec<YearMonth> = periods.iter().map(|p| p.month).collect();
    months.sort();
    months.dedup();
    for p in &periods {
        let w = p.week;
        let mut text = format!("week: {w}\n");
        if p.split {
            let _ = writeln!(text, "month: {}", p.month);
        }
        text.push_str("managers:\n");
        for m in managers.iter().filter(|m| m.active_during(p.first, p.last)) {
            let leads: u32 = rng.random_range(30..60);
            let processed = leads - rng.random_range(0..3).min(leads);
            let meetings = (processed as f64 * rng.random_range(0.2..0.35)) as u32;
            let deals = (meetings as f64 * rng.random_range(0.25..0.45) * m.skill) as u32;
            let revenue = deals * rng.random_range(35..70) * 1000;
            let _ = write!(
                text,
                "  {}:\n    leads_received: {leads}\n    leads_processed: {processed}\n    leads_overnight: {}\n    first_response_min: {}\n    calls: {}\n    meetings: {meetings}\n    deals: {deals}\n    revenue: {revenue}\n    trainings: {{ call_reviews: {}, case_reviews: {}, trainings: {}, roleplays: {} }}\n    custom: {{ trial_lessons: {} }}\n",
                m.id,
                rng.random_range(0..3),
                rng.random_range(5..30),
                leads * 4,
                rng.random_range(0..3),
                rng.random_range(0..2),
                rng.random_range(0..2),
                rng.random_range(0..2),
                rng.random_range(3..12)
            );
        }
        write(
            root,
            &format!("content/weeks/{}.yaml", p.file_stem()),
            &text,
        );
    }
    for month in &months {
        let mut text = format!("month: {month}\nmanagers:\n");
        for m in managers
            .iter()
            .filter(|m| m.active_during(month.first_day(), month.last_day()))
        {
            let _ = writeln!(
                text,
                "  {}: {{ revenue: {}, deals: {} }}",
                m.id,
                rng.random_range(20..36) * 50_000,
                rng.random_range(16..28)
            );
        }
        write(root, &format!("content/targets/{month}.yaml"), &text);
        write(
            root,
            &format!("content/months/{month}.md"),
            &format!(
                "---\nmonth: {month}\nexplanations:\n  revenue: {{ reason: \"Сезонность и отпуска\", actions: \"Разбор звонков, акция\", resources: \"Бюджет на трафик\" }}\n  deals: {{ reason: \"Вырос средний чек\", actions: \"Короткие курсы в акции\" }}\n---\nКомментарий РОПа за {month}: выручка, сделки, что меняем в следующем месяце.\n"
            ),
        );
    }

    // A stand-up every working day of the period, every active manager reporting.
    let mut day = start;
    while day <= last.sunday() - Days::new(2) {
        if day.weekday().num_days_from_monday() < 5 {
            let mut text = format!(
                "---\ndate: {day}\nduration_min: {}\nvideo: {}\nreports:\n",
                rng.random_range(12..24),
                rng.random_bool(0.95)
            );
            for m in managers.iter().filter(|m| m.active_on(day)) {
                let _ = write!(
                    text,
                    "  {}:\n    done: \"{} новых лидов в работе, {} звонков, {} консультации\"\n    result: \"{} оплаты на {} ₽\"\n    help: \"{}\"\n    goal: \"Закрыть {} оплаты из тёплых лидов\"\n    how: \"Повторные касания по тем, кто был на вебинаре, и звонки до 14:00\"\n    need: \"\"\n",
                    m.id,
                    rng.random_range(5..12),
                    rng.random_range(25..50),
                    rng.random_range(1..5),
                    rng.random_range(0..3),
                    rng.random_range(0..3) * 49_900,
                    if rng.random_bool(0.1) {
                        "Нужен кейс для корпоративных клиентов"
                    } else {
                        ""
                    },
                    rng.random_range(1..4)
                );
            }
            text.push_str("---\nЦифры дня, прогресс к плану недели, запасной план на случай срыва, короткий мотивирующий итог.\n");
            write(root, &format!("content/standups/{day}.md"), &text);
        }
        day = day + Days::new(1);
    }

    // Development plans and assessment rounds.
    for i in 0..150 {
        let m = &managers[i % managers.len()];
        let opened =
            m.joined.max(start) + Days::new((i as u64 * 7) % span.saturating_sub(40).max(1));
        let opened = opened.min(last.sunday() - Days::new(30));
        let month = YearMonth::of(opened);
        let id = format!("{}-{month}", m.id);
        let path = format!("content/idp/{id}.md");
        if root.join(&path).exists() {
            continue;
        }
        let status = if opened + Days::new(60) < last.sunday() {
            "completed"
        } else {
            "active"
        };
        write(
            root,
            &path,
            &format!(
                "---\nmanager: {}\ntitle: \"Работа с возражениями\"\nopened: {opened}\ndue: {}\nstatus: {status}\nreason: \"Ниже 80 % плана две недели подряд\"\ngoals:\n  - {{ text: \"Конверсия в оплату не ниже 30 %\", metric: conv_meeting_deal, target: 0.3 }}\n  - {{ text: \"Разобрать 10 звонков\", done: false }}\noutcome: \"{}\"\n---\nПлан действий и заметки по встречам.\n",
                m.id,
                opened + Days::new(42),
                if status == "completed" {
                    "Оставили в команде"
                } else {
                    ""
                }
            ),
        );
    }
    for r in 0..12u64 {
        let date = start + Days::new(20 + r * span / 12);
        let mut text = format!("date: {date}\nscale: 5\nscores:\n");
        for m in managers.iter().filter(|m| m.active_on(date)) {
            let mut s = |_: u8| rng.random_range(2..6);
            let _ = writeln!(
                text,
                "  {}: {{ product: {}, needs: {}, objections: {}, closing: {}, crm: {} }}",
                m.id,
                s(0),
                s(1),
                s(2),
                s(3),
                s(4)
            );
        }
        write(root, &format!("content/assessments/{date}.yaml"), &text);
    }
    for (slug, kind, title) in [
        ("standup-format", "standup-rules", "Формат планёрки"),
        ("chat-rules", "chat-rules", "Регламент чатов"),
        (
            "lead-distribution",
            "lead-distribution",
            "Распределение лидов",
        ),
    ] {
        write(
            root,
            &format!("content/pages/{slug}.md"),
            &format!("---\ntitle: \"{title}\"\nkind: {kind}\n---\nПравила.\n"),
        );
    }
    let (files, bytes) = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .fold((0, 0), |(n, b), e| {
            (n + 1, b + e.metadata().map(|m| m.len()).unwrap_or(0))
        });
    println!(
        "wrote {files} files, {:.1} MB, into {}",
        bytes as f64 / 1e6,
        root.display()
    );
}
