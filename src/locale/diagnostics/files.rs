//! The words of problems with files themselves.

use super::Text;
use crate::content::Locale;
use crate::locale::plural_ru;
use crate::problem::Files;

const LAYOUT_EN: &str = "content/ holds config.yaml, team.yaml, checklist.yaml, \
                         targets/YYYY-MM.yaml, weeks/YYYY-Www.yaml, assessments/YYYY-MM-DD.yaml, \
                         standups/YYYY-MM-DD.md, idp/*.md, months/YYYY-MM.md, pages/*.md and \
                         one-on-ones/*.md (see the README)";
const LAYOUT_RU: &str = "в `content/` читаются только `config.yaml`, `team.yaml`, `checklist.yaml`, \
                         `targets/ГГГГ-ММ.yaml`, `weeks/ГГГГ-Wнн.yaml`, `assessments/ГГГГ-ММ-ДД.yaml`, \
                         `standups/ГГГГ-ММ-ДД.md`, `idp/*.md`, `months/ГГГГ-ММ.md`, `pages/*.md` и \
                         `one-on-ones/*.md` (подробнее в README)";

pub(super) fn text(p: &Files, l: Locale) -> Text {
    match l {
        Locale::En => en(p),
        Locale::Ru => ru(p),
    }
}

fn en(p: &Files) -> Text {
    match p {
        Files::Missing { team: false } => Text::new("missing file")
            .hint("create content/config.yaml with at least `title:` (see the README)"),
        Files::Missing { team: true } => Text::new("missing file")
            .hint("create content/team.yaml listing the managers (see the README)"),
        Files::NoContentFolder { root } => Text::new(format!("no content/ directory in {root}"))
            .hint("run salespulse in the site's folder, or pass --root DIR"),
        Files::TooMany { count, limit } => Text::new(format!(
            "content/ holds {count} content files; the limit is {limit}; refusing to read them"
        ))
        .hint("a department's content is a few thousand files at most: look for a script that wrote files in a loop, or move old years to a folder outside content/"),
        Files::TooLarge { megabytes, limit } => Text::new(format!(
            "the file is too large ({megabytes} MB; the limit is {limit} MB); refusing to read it"
        ))
        .hint("a content file holds one week, day or month; split or trim it"),
        Files::NotRegular { refused: true } => {
            Text::new("not a regular file; refusing to read it").hint("content/ holds only text files")
        }
        Files::NotRegular { refused: false } => {
            Text::new("not a regular file; ignored").hint("content/ holds only text files")
        }
        Files::CannotRead { reason } => Text::new(format!("cannot read: {reason}")),
        Files::SymlinkedFolder => Text::new("symlinked folder is not followed")
            .hint("move the files into content/ instead of linking them"),
        Files::SymlinkOutside => Text::new("symlink points outside content/; refusing to read it")
            .hint("copy the file into content/ instead of linking to it"),
        Files::BrokenSymlink => Text::new("broken symlink"),
        Files::Unread { rename_to } => {
            let t = Text::new("this file is not read: its content is left out of the site");
            match rename_to {
                Some(name) => t.hint(format!("rename it to content/{name}")),
                None => t.hint(format!("move it out of content/; {LAYOUT_EN}")),
            }
        }
        Files::ManyUnread { count, shown } => Text::new(format!(
            "{count} files in content/ are not read; the first {shown} are listed"
        ))
        .hint(LAYOUT_EN),
        Files::Exists => Text::new("the file already exists; not overwriting it")
            .hint("edit it, or remove it first if you want a fresh one"),
        Files::CannotWrite { reason } => Text::new(format!("cannot write: {reason}")),
        Files::TemplateIgnored => Text::new("unexpected file is ignored")
            .hint("templates/ may override the built-in *.html templates and style.css"),
        Files::TemplateBroken { detail } => Text::new(format!("template error: {detail}"))
            .hint("a site template must keep every block the built-in pages use"),
    }
}

/// Tera's error on one line: its first line and where it points
/// ("error: Unexpected end of input (base.html:7:1)").
fn one_line(detail: &str) -> String {
    let first = detail.lines().next().unwrap_or_default().trim();
    match detail.lines().find_map(|l| l.trim().strip_prefix("-->")) {
        Some(at) => format!("{first} ({})", at.trim()),
        None => first.to_string(),
    }
}

fn files_ru(n: usize) -> String {
    format!("{n} {}", plural_ru(n as u64, "файл", "файла", "файлов"))
}

fn ru(p: &Files) -> Text {
    match p {
        Files::Missing { team: false } => Text::new("нет файла настроек сайта")
            .hint("создайте `content/config.yaml`, в нём как минимум строка `title:` с названием сайта (пример есть в README)"),
        Files::Missing { team: true } => Text::new("нет файла со списком команды")
            .hint("создайте `content/team.yaml` со списком менеджеров (пример есть в README)"),
        Files::NoContentFolder { root } => Text::new(format!("в папке `{root}` нет папки `content/`"))
            .hint("запускайте `salespulse` в папке сайта или укажите её: `--root ПАПКА`"),
        Files::TooMany { count, limit } => Text::new(format!(
            "в `content/` {}, а можно не больше {limit}; файлы не прочитаны",
            files_ru(*count)
        ))
        .hint("у отдела продаж файлов бывает самое большее несколько тысяч: поищите программу, которая создавала файлы в цикле, или перенесите старые годы в папку вне `content/`"),
        Files::TooLarge { megabytes, limit } => Text::new(format!(
            "файл слишком большой ({} МБ, а можно не больше {limit} МБ); он не прочитан",
            megabytes.replace('.', ",")
        ))
        .hint("в одном файле — одна неделя, один день или один месяц; разделите или сократите его"),
        Files::NotRegular { refused: true } => Text::new("это не обычный файл; он не прочитан")
            .hint("в `content/` лежат только текстовые файлы"),
        Files::NotRegular { refused: false } => Text::new("это не обычный файл; он пропущен")
            .hint("в `content/` лежат только текстовые файлы"),
        Files::CannotRead { reason } => Text::new("файл не удалось прочитать")
            .hint(format!("проверьте права на файл; система ответила: `{reason}`")),
        Files::SymlinkedFolder => Text::new("папка-ссылка не читается")
            .hint("перенесите файлы в `content/`, а не ссылайтесь на них"),
        Files::SymlinkOutside => Text::new("ссылка ведёт за пределы `content/`; файл не прочитан")
            .hint("скопируйте файл в `content/`, а не ссылайтесь на него"),
        Files::BrokenSymlink => Text::new("ссылка ведёт на файл, которого нет")
            .hint("удалите ссылку или положите на её место сам файл"),
        Files::Unread { rename_to } => {
            let t = Text::new("этот файл не читается: его данных не будет на сайте");
            match rename_to {
                Some(name) => t.hint(format!("переименуйте его в `content/{name}`")),
                None => t.hint(format!("уберите его из `content/`; {LAYOUT_RU}")),
            }
        }
        Files::ManyUnread { count, shown } => Text::new(format!(
            "в `content/` не читаются {}; показаны первые {shown}",
            files_ru(*count)
        ))
        .hint(LAYOUT_RU),
        Files::Exists => Text::new("такой файл уже есть; он не перезаписан")
            .hint("допишите его или удалите, если нужен новый"),
        Files::CannotWrite { reason } => Text::new("файл не удалось записать")
            .hint(format!("проверьте права на папку; система ответила: `{reason}`")),
        Files::TemplateIgnored => {
            Text::new("этот файл в `templates/` ничего не заменяет и не читается").hint(
                "в `templates/` кладут свои версии встроенных шаблонов `*.html` и `style.css`",
            )
        }
        Files::TemplateBroken { detail } => {
            Text::new("свой шаблон сайта не собирается").hint(format!(
                "в нём должны остаться все блоки встроенных страниц (`title`, `content`); шаблонизатор ответил: `{}`",
                one_line(detail)
            ))
        }
    }
}
