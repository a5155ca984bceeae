//! A large synthetic amoCRM deals export for the import benchmark,
//! deterministic by seed, with a site whose team matches its users:
//! `cargo run --release --example gen_export -- --rows 100000 --out DIR [--seed N]`
//! writes `DIR/content/{config,team}.yaml` and `DIR/export.csv` (Russian
//! headers, `;`, Windows-1251 as Russian Excel saves it, every day of 2026).

use std::fs;
use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const NAMES: [&str; 20] = [
    "Анна Иванова",
    "Пётр Сидоров",
    "Ольга Морозова",
    "Елена Смирнова",
    "Дмитрий Кузнецов",
    "Кирилл Новиков",
    "Мария Петрова",
    "Сергей Волков",
    "Наталья Соколова",
    "Алексей Попов",
    "Ирина Лебедева",
    "Андрей Козлов",
    "Татьяна Новикова",
    "Михаил Морозов",
    "Юлия Павлова",
    "Николай Семёнов",
    "Екатерина Голубева",
    "Владимир Виноградов",
    "Светлана Богданова",
    "Артём Воробьёв",
];

fn main() {
    let mut rows = 100_000usize;
    let mut out = PathBuf::from("import-bench");
    let mut seed = 7u64;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--rows" => rows = value.parse().expect("--rows N"),
            "--out" => out = PathBuf::from(value),
            "--seed" => seed = value.parse().expect("--seed N"),
            other => panic!("unknown flag {other}"),
        }
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    fs::create_dir_all(out.join("content/weeks")).expect("create the site");
    fs::write(
        out.join("content/config.yaml"),
        "title: \"Import benchmark\"\nlocale: ru\ncurrency: RUB\ncalendar: { country: ru }\n",
    )
    .expect("write config.yaml");
    let mut team = String::from("managers:\n");
    for (i, name) in NAMES.iter().enumerate() {
        team.push_str(&format!(
            "  - {{ id: m{i:02}, name: \"{name}\", joined: 2025-01-13 }}\n"
        ));
    }
    fs::write(out.join("content/team.yaml"), team).expect("write team.yaml");
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut csv = String::from(
        "ID;Название сделки;Бюджет;Ответственный;Дата создания;Дата закрытия;Этап сделки;Воронка\n",
    );
    for id in 0..rows {
        let created = start + Days::new(rng.random_range(0..360));
        let stage = match rng.random_range(0..100) {
            0..35 => "Успешно реализовано",
            35..60 => "Закрыто и не реализовано",
            _ => "Переговоры",
        };
        let closed = if stage == "Переговоры" {
            "не закрыта".to_string()
        } else {
            (created + Days::new(rng.random_range(0..21)))
                .format("%d.%m.%Y 14:05")
                .to_string()
        };
        let rubles: u64 = rng.random_range(5_000..2_000_000);
        let amount = group(rubles) + if rng.random_bool(0.2) { ",50" } else { "" };
        csv.push_str(&format!(
            "{};\"Сделка {id}\";{amount};{};{};{closed};{stage};Продажи\n",
            100_000 + id,
            NAMES[rng.random_range(0..NAMES.len())],
            created.format("%d.%m.%Y 10:30"),
        ));
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&csv);
    fs::write(out.join("export.csv"), bytes).expect("write export.csv");
    eprintln!("wrote {rows} rows to {}", out.join("export.csv").display());
}

/// `1 234 567`, as Russian CRMs write amounts.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}
