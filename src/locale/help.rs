//! The command line's help in Russian and English: one typed table per
//! locale, so a command or option without its text does not compile.
//! `cli::command` puts them on the clap command; in Russian the defaults
//! and the accepted values are part of the text (clap writes its own
//! annotations in English).

/// The help of the whole command line in one language.
pub struct Help {
    pub about: &'static str,
    /// "Usage", "Commands", "Arguments", "Options": the help's headings.
    pub usage: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    /// `-h, --help`, `-V, --version` and the `help` command.
    pub help: &'static str,
    pub version: &'static str,
    pub help_command: &'static str,
    pub root: &'static str,
    /// `--as-of`, the same for every command that takes it.
    pub as_of: &'static str,
    /// `--audience`, for `build` and `digest`.
    pub audience: &'static str,
    pub build: Build,
    pub check: Check,
    pub serve: Serve,
    pub new: New,
    pub init: Init,
    pub digest: Digest,
    pub import: Import,
    pub schema: Schema,
}

pub struct Build {
    pub about: &'static str,
    pub out: &'static str,
    pub quiet: &'static str,
    pub verbose: &'static str,
    pub encrypt: &'static str,
}

pub struct Check {
    pub about: &'static str,
    pub format: &'static str,
}

pub struct Serve {
    pub about: &'static str,
    pub port: &'static str,
    pub open: &'static str,
}

pub struct New {
    pub about: &'static str,
    pub week: &'static str,
    pub week_arg: &'static str,
    pub standup: &'static str,
    pub standup_arg: &'static str,
    pub idp: &'static str,
    pub idp_arg: &'static str,
    pub targets: &'static str,
    pub targets_arg: &'static str,
    pub assessment: &'static str,
    pub assessment_arg: &'static str,
    pub month: &'static str,
    pub month_arg: &'static str,
    pub one_on_one: &'static str,
    pub one_on_one_arg: &'static str,
}

pub struct Init {
    pub about: &'static str,
    pub dir: &'static str,
    pub empty: &'static str,
}

pub struct Digest {
    pub about: &'static str,
    pub period: &'static str,
    pub format: &'static str,
    pub base_url: &'static str,
    pub redact: &'static str,
}

pub struct Import {
    pub about: &'static str,
    pub file: &'static str,
    pub from: &'static str,
    pub map: &'static str,
    pub dry_run: &'static str,
}

pub struct Schema {
    pub about: &'static str,
    pub out: &'static str,
}

/// The help in `locale`.
pub fn help(locale: crate::content::Locale) -> &'static Help {
    match locale {
        crate::content::Locale::Ru => &RU,
        crate::content::Locale::En => &EN,
    }
}

/// The names of the values options take ("<ДАТА>"), in Russian; English
/// keeps clap's.
pub fn value_name_ru(name: &str) -> Option<&'static str> {
    Some(match name {
        "DIR" => "ПАПКА",
        "DATE" => "ДАТА",
        "WEEK" => "НЕДЕЛЯ",
        "MANAGER" => "МЕНЕДЖЕР",
        "FILE" => "ФАЙЛ",
        "FORMAT" => "ФОРМАТ",
        "MAP.yaml" => "СХЕМА.yaml",
        "PORT" => "ПОРТ",
        "PERIOD" => "ПЕРИОД",
        "AUDIENCE" => "КОМУ",
        "URL" => "АДРЕС",
        "COMMAND" => "КОМАНДА",
        _ => return None,
    })
}

pub static RU: Help = Help {
    about: "Отчёты отдела продаж из файлов YAML и Markdown в git: проверка, сайт, сводка",
    usage: "Как запускать",
    commands: "Команды",
    arguments: "Аргументы",
    options: "Параметры",
    help: "Показать эту справку",
    version: "Показать версию",
    help_command: "Показать справку по команде",
    root: "Папка сайта: в ней content/, templates/ (если есть) и output/ [по умолчанию: текущая папка]",
    as_of: "День, на который считать отчёт: он решает, какой месяц текущий (ГГГГ-ММ-ДД) [по умолчанию: SOURCE_DATE_EPOCH, иначе сегодня]",
    audience: "Для кого: owner — всё (по умолчанию), team — без того, что только для собственника (ИПР, пояснения РОПа, 1:1, точки контроля)",
    build: Build {
        about: "Проверить файлы и собрать весь сайт (если что-то не так, прежний сайт остаётся как был)",
        out: "Куда записать сайт, путь от текущей папки [по умолчанию: output/ в папке сайта]",
        quiet: "Печатать только ошибки",
        verbose: "Печатать ещё и время каждого этапа",
        encrypt: "Зашифровать каждую страницу паролем из переменной окружения SALESPULSE_PASSWORD: читатели вводят его раз за вкладку; data/ не публикуется (docs/encryption.md)",
    },
    check: Check {
        about: "Проверить все файлы: напечатать каждую ошибку и предупреждение, потом тревоги отдела",
        format: "Как печатать: human — с строкой файла и подсказкой (по умолчанию), json — для программ, github — пометки в GitHub Actions",
    },
    serve: Serve {
        about: "Показать сайт на 127.0.0.1, пересобирать при каждом сохранении и обновлять страницу в браузере",
        port: "Порт (0 — любой свободный) [по умолчанию: 8000]",
        open: "Открыть сайт в браузере",
    },
    new: New {
        about: "Создать заготовку файла для всех работающих менеджеров (существующий файл не перезаписывается)",
        week: "content/weeks/НЕДЕЛЯ.yaml — цифры недели, все поля по нулям",
        week_arg: "Неделя, например 2026-W49 [по умолчанию: следующая за последним файлом недели]",
        standup: "content/standups/ДАТА.md — планёрка с пустыми ответами",
        standup_arg: "День планёрки, ГГГГ-ММ-ДД [по умолчанию: --as-of, иначе сегодня]",
        idp: "content/idp/МЕНЕДЖЕР-ГГГГ-ММ.md — ИПР с последним выполнением плана как причиной",
        idp_arg: "Менеджер, как он записан в content/team.yaml (например, petr-sidorov)",
        targets: "content/targets/МЕСЯЦ.yaml — план месяца, за основу взят план прошлого",
        targets_arg: "Месяц, например 2026-12 [по умолчанию: следующий за последним планом]",
        assessment: "content/assessments/ДАТА.yaml — оценка всех работающих менеджеров по всем компетенциям",
        assessment_arg: "День оценки, ГГГГ-ММ-ДД [по умолчанию: --as-of, иначе сегодня]",
        month: "content/months/МЕСЯЦ.md — заметка собственнику со списком отстающих показателей",
        month_arg: "Месяц, например 2026-11 [по умолчанию: месяц --as-of]",
        one_on_one: "content/one-on-ones/ДАТА-МЕНЕДЖЕР.md — запись встречи один на один",
        one_on_one_arg: "День встречи, ГГГГ-ММ-ДД [по умолчанию: --as-of, иначе сегодня]",
    },
    init: Init {
        about: "Создать новый сайт в ПАПКЕ: демо-отдел (или --empty), .gitignore, README, публикация на GitHub Pages",
        dir: "Новая или пустая папка",
        empty: "Один менеджер и одна неделя вместо демо-отдела",
    },
    digest: Digest {
        about: "Напечатать короткую сводку для собственника или команды: выполнение месяца, изменения, кто отстаёт, новые тревоги, ссылка",
        period: "За что: day — последняя планёрка, week — последняя неделя с данными (по умолчанию), month — текущий месяц",
        format: "Как написать: text (по умолчанию), markdown, html — для письма, telegram — HTML для Telegram",
        base_url: "Адрес опубликованного сайта для ссылок [по умолчанию: base_url из config.yaml, если он полный]",
        redact: "Только «отчёт обновлён», без цифр и имён (сводка зашифрованного сайта в открытый канал)",
    },
    import: Import {
        about: "Перенести выгрузку сделок из CRM (CSV) в файлы недель content/weeks/",
        file: "Выгрузка, как её сохранила CRM",
        from: "Из какой CRM: amocrm, bitrix24, hubspot, pipedrive, salesforce или generic — любой CSV со схемой колонок в --map [по умолчанию: узнаётся по строке заголовков]",
        map: "Схема колонок: какая колонка что значит (для generic) или поправки к колонкам CRM",
        dry_run: "Только показать, что изменится (было → станет), ничего не записывать",
    },
    schema: Schema {
        about: "Записать JSON-схемы всех видов файлов: редактор подскажет ключи и подчеркнёт ошибки",
        out: "Папка для схем, путь от папки сайта [по умолчанию: schemas/]",
    },
};

pub static EN: Help = Help {
    about: "Reports for a sales department, from YAML and Markdown in git",
    usage: "Usage",
    commands: "Commands",
    arguments: "Arguments",
    options: "Options",
    help: "Print help",
    version: "Print version",
    help_command: "Print this message or the help of the given subcommand(s)",
    root: "The site folder: holds content/, optional templates/, receives output/",
    as_of: "The day the report is for: it decides the current month (YYYY-MM-DD) [default: SOURCE_DATE_EPOCH, else today]",
    audience: "Who the site is for: `team` leaves out what is for the owner only",
    build: Build {
        about: "Check the content, then write the whole site (the previous output stays if anything fails)",
        out: "Where to write the site [default: ROOT/output]",
        quiet: "Print only errors",
        verbose: "Also print the time of each stage",
        encrypt: "Encrypt every page with the password in the environment variable SALESPULSE_PASSWORD; readers type it once per browser tab. data/ is left out. See docs/encryption.md",
    },
    check: Check {
        about: "Load and validate everything; print every problem and the alerts",
        format: "How to print the problems",
    },
    serve: Serve {
        about: "Serve the site on 127.0.0.1, rebuild on every change, reload the browser",
        port: "Port to listen on (0: any free port)",
        open: "Open the site in the default browser",
    },
    new: New {
        about: "Write a pre-filled file for every active manager (never over an existing one)",
        week: "content/weeks/WEEK.yaml, every field at 0",
        week_arg: "The week, e.g. 2026-W49 [default: the week after the latest week file]",
        standup: "content/standups/DATE.md with empty answers",
        standup_arg: "The stand-up's day, YYYY-MM-DD [default: --as-of, else today]",
        idp: "content/idp/MANAGER-YYYY-MM.md with the manager's latest attainment as its reason",
        idp_arg: "The manager's id in content/team.yaml (e.g. petr-sidorov)",
        targets: "content/targets/MONTH.yaml, last month's plan as the starting figures",
        targets_arg: "The month, e.g. 2026-12 [default: the month after the latest plan]",
        assessment: "content/assessments/DATE.yaml: every active manager, every competency",
        assessment_arg: "The day of the assessment, YYYY-MM-DD [default: --as-of, else today]",
        month: "content/months/MONTH.md with the lagging metrics listed to explain",
        month_arg: "The month, e.g. 2026-11 [default: the month of --as-of]",
        one_on_one: "content/one-on-ones/DATE-MANAGER.md, a one-on-one's record",
        one_on_one_arg: "The day of the meeting, YYYY-MM-DD [default: --as-of, else today]",
    },
    init: Init {
        about: "Create a new site in DIR: the demo content (or --empty), .gitignore, README, Pages workflow",
        dir: "A new or empty folder",
        empty: "One manager and one week instead of the demo department",
    },
    digest: Digest {
        about: "Print a short summary for the owner or the team (the month's verdict, changes, who lags, new alerts, a link) in the site's language",
        period: "What it looks back on: the latest stand-up, week or month",
        format: "How to write it",
        base_url: "The published site's address, for links [default: base_url when it is absolute]",
        redact: "Say only that the report was updated, with no figures or names (for an encrypted site's digest in a public channel)",
    },
    import: Import {
        about: "Read a CRM deals export (CSV) into the period files under content/weeks/",
        file: "The export, as the CRM saved it",
        from: "The CRM it comes from [default: recognised from the header row]",
        map: "Which column means what (a generic CSV), or changes to a CRM's columns",
        dry_run: "Print what would change, old → new; write nothing",
    },
    schema: Schema {
        about: "Write a JSON Schema per content file kind, for editor completion",
        out: "The folder for the schemas, relative to the site folder",
    },
};
