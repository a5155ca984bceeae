//! The comments scaffolds explain themselves with, in the site's language:
//! a file the head opens for the first time says what each field means,
//! in the words a sales head uses (shared/GLOSSARY.md). Field names stay as
//! the files spell them.

use crate::content::Locale;

/// One text in both languages.
pub(super) struct Both {
    pub ru: &'static str,
    pub en: &'static str,
}

impl Both {
    pub fn get(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Ru => self.ru,
            Locale::En => self.en,
        }
    }
}

pub(super) const WEEK_FIELDS: Both = Both {
    ru: "\
# Цифры каждого менеджера за эти дни:
#   leads_received  — новые лиды и заявки;
#   leads_processed — из них обработано: связались, квалифицировали (может быть больше новых — добор хвостов);
#   leads_overnight — сумма по дням: сколько лидов осталось необработанными на конец дня (цель — 0);
#   calls — звонки; meetings — проведённые консультации и демо; deals — сделки (оплаты); revenue — выручка.
# Необязательные строки закомментированы — уберите «# », чтобы заполнить:
#   first_response_min — медиана минут до первого касания; trainings — разборы звонков и кейсов, тренинги, ролёвки;
#   custom — свои метрики из config.yaml; note — заметка к неделе.
",
    en: "\
# Each manager's numbers for these days:
#   leads_received  — new leads and applications;
#   leads_processed — of them, contacted or qualified (may exceed new leads: backlog);
#   leads_overnight — summed over the days: leads left unprocessed at the end of a day (goal: 0);
#   calls; meetings — consultations and demos held; deals — won (paid); revenue.
# Optional lines are commented out — remove the \"# \" to fill one in:
#   first_response_min — median minutes to first contact; trainings — call and case reviews, trainings, role-plays;
#   custom — your own metrics from config.yaml; note — a note on the week.
",
};

pub(super) const STANDUP_ANSWERS: Both = Both {
    ru: "\
# Каждый менеджер отвечает на шесть вопросов:
#   вчера:   done — что сделал, result — какой результат получил, help — какая помощь нужна;
#   сегодня: goal — цель на сегодня, how — как достигну, need — что нужно от руководителя или команды.
# help и need можно оставить пустыми; заполненные попадают в список запросов на помощь.
",
    en: "\
# Each manager answers six questions:
#   yesterday: done — what I did, result — what result I got, help — what help I need;
#   today:     goal — my goal today, how — how I will reach it, need — what I need from the head or the team.
# help and need may stay empty; the ones filled in become open requests.
",
};

pub(super) const STANDUP_OPTIONAL: Both = Both {
    ru: "\
# duration_min: 15                        # сколько минут шла планёрка
# absent: { manager-id: \"больничный\" }    # кто отсутствовал и почему
",
    en: "\
# duration_min: 15                        # how many minutes the stand-up took
# absent: { manager-id: \"sick leave\" }    # who was away, and why
",
};

pub(super) const VIDEO: Both = Both {
    ru: "# false — если планёрка прошла без видео",
    en: "# false if the stand-up was held without video",
};

pub(super) const OPEN_REQUESTS: Both = Both {
    ru: "# Открытые запросы на помощь; закрытые на этой планёрке перечислите в resolved:\n#   resolved: [id, …]  или  - { id: …, by: head, note: \"как решили\" }\n",
    en: "# Open requests; list those resolved at this stand-up under resolved:\n#   resolved: [id, …]  or  - { id: …, by: head, note: \"how it was resolved\" }\n",
};

pub(super) const TARGETS_HEAD: Both = Both {
    ru: "# План продаж на {month}: выручка (revenue) и сделки (deals) на каждого менеджера.\n",
    en: "# The sales plan for {month}: revenue and deals (won) per manager.\n",
};

pub(super) const TARGETS_FROM: Both = Both {
    ru: "# Стартовые цифры — план за {month}: поправьте под этот месяц.\n",
    en: "# The starting figures are the plan for {month}: adjust them to this month.\n",
};

pub(super) const TARGETS_NONE: Both = Both {
    ru: "# Плана на прошлый месяц нет: впишите цифры, например { revenue: 600000, deals: 12 }.\n",
    en: "# There is no plan for last month: write the figures, e.g. { revenue: 600000, deals: 12 }.\n",
};

pub(super) const TARGETS_NEW: Both = Both {
    ru: "# в плане прошлого месяца не было: впишите revenue и deals",
    en: "# not in last month's plan: write revenue and deals",
};

pub(super) const TARGETS_TEAM: Both = Both {
    ru: "# team: { revenue: 0, deals: 0 }   # необязательно: план отдела, если он не сумма планов менеджеров\n",
    en: "# team: { revenue: 0, deals: 0 }   # optional: the team's plan, when it is not the managers' sum\n",
};

pub(super) const ASSESSMENT_HEAD: Both = Both {
    ru: "# Оценка компетенций {date}: каждому менеджеру — балл от 1 до {scale} по каждой компетенции.\n# Пустой балл — ещё не оценён (check напомнит). В комментарии — прошлая оценка.\n",
    en: "# Competency assessment of {date}: a score from 1 to {scale} for each manager and competency.\n# An empty score is not given yet (check reminds you). The comment shows the previous score.\n",
};

pub(super) const ASSESSMENT_NOTES: Both = Both {
    ru: "# notes:                      # необязательно: комментарий к оценке\n#   manager-id: \"сильная презентация, теряет клиентов на возражении «дорого»\"\n",
    en: "# notes:                      # optional: a comment on the assessment\n#   manager-id: \"strong presentation, loses clients on the price objection\"\n",
};

pub(super) const PREVIOUSLY: Both = Both {
    ru: "в прошлый раз",
    en: "last time",
};

pub(super) const MONTH_HEAD: Both = Both {
    ru: "# Слово РОПа собственнику за {month}. По каждой отстающей метрике:\n#   reason — почему отстаём, actions — что делаем, resources — какие ресурсы нужны от собственника.\n",
    en: "# The head's word to the owner for {month}. For each lagging metric:\n#   reason — why it lags, actions — what is being done, resources — what is asked of the owner.\n",
};

pub(super) const MONTH_LAGGING: Both = Both {
    ru: "# На {date} отстают от плана: {list}.\n",
    en: "# As of {date}, lagging behind the plan: {list}.\n",
};

pub(super) const MONTH_ON_PLAN: Both = Both {
    ru: "# На {date} ничего не отстаёт от плана; если отстанет — добавьте explanations: revenue: { reason: \"…\" }.\n",
    en: "# As of {date} nothing lags behind the plan; if it does, add explanations: revenue: { reason: \"…\" }.\n",
};

/// The two plan metrics in a month note's comment, before their pace.
pub(super) const PACE_REVENUE: Both = Both {
    ru: "выручка (темп {pace})",
    en: "revenue (pace {pace})",
};
pub(super) const PACE_DEALS: Both = Both {
    ru: "сделки (темп {pace})",
    en: "deals (pace {pace})",
};

pub(super) const MONTH_BODY: Both = Both {
    ru: "Итоги месяца для собственника: что получилось, что нет, что делаем дальше.\n",
    en: "The month for the owner: what worked, what did not, what comes next.\n",
};

pub(super) const ONE_ON_ONE: Both = Both {
    ru: "\
# Индивидуальная встреча (1:1). Необязательные строки — уберите «# », чтобы заполнить:
# topic: \"…\"        # тема разговора
# mood: neutral     # настроение: good | neutral | tense
# audience: team    # по умолчанию заметки видит только собственник; team — и команда
",
    en: "\
# A one-to-one talk. Optional lines — remove the \"# \" to fill one in:
# topic: \"…\"        # what it was about
# mood: neutral     # good | neutral | tense
# audience: team    # notes are for the owner only by default; team shows them to the team too
",
};

pub(super) const ONE_ON_ONE_BODY: Both = Both {
    ru: "Что обсудили, о чём договорились, к какому сроку.\n",
    en: "What was said, what was agreed, by when.\n",
};

pub(super) const IDP_HELP: Both = Both {
    ru: "# ИПР: status — active | completed | extended | cancelled. Цель с metric и target измеряется по неделям,\n# начиная со следующей после opened; target — доля (0.35 — это 35 %). outcome — итог, когда план закрыт.\n",
    en: "# A development plan: status is active | completed | extended | cancelled. A goal with metric and target is\n# measured week by week from the week after opened; target is a fraction (0.35 is 35%). outcome: the result once closed.\n",
};
