//! A site's words: the locale's table with the department's own names for
//! its counted metrics (`labels:` in config.yaml — "Консультации" →
//! "Встречи"), and every word made of those names ("Лид → встреча",
//! "Встреч нужно", "План оплат") made again from them.
//!
//! The words stay `&'static str`, as every view, chart and template takes
//! them: a site's table is made once per distinct `labels:` and kept for
//! the life of the process (a few kilobytes; `serve` makes one more only
//! when the head changes the labels themselves).

use std::sync::{Mutex, PoisonError};

use super::{Forms, Words};
use crate::content::{Label, Labels, Locale};

/// The words of a site in `locale` with its `labels`.
pub fn site_words(locale: Locale, labels: &Labels) -> &'static Words {
    let base = super::words(locale);
    if named_nothing(labels) {
        return base;
    }
    type Made = Vec<((Locale, Labels), &'static Words)>;
    static MADE: Mutex<Made> = Mutex::new(Vec::new());
    let mut made = MADE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, words)) = made
        .iter()
        .find(|((l, ls), _)| *l == locale && ls == labels)
    {
        return words;
    }
    let names = Names::of(base).relabelled(labels);
    let words: &'static Words = Box::leak(Box::new(named(base, locale, &names)));
    made.push(((locale, labels.clone()), words));
    words
}

/// No label, or only blank ones (which keep the interface's word).
fn named_nothing(labels: &Labels) -> bool {
    [
        &labels.leads,
        &labels.calls,
        &labels.meetings,
        &labels.deals,
    ]
    .iter()
    .all(|l| l.as_ref().is_none_or(blank))
}

fn blank(label: &Label) -> bool {
    [&label.name, &label.one, &label.few, &label.many]
        .iter()
        .any(|s| s.trim().is_empty())
}

/// A counted metric's name (a heading) and the forms of its word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Noun {
    name: &'static str,
    forms: Forms,
}

impl Noun {
    fn from_label(label: &Label) -> Self {
        let keep = |s: &str| -> &'static str { Box::leak(s.trim().to_string().into_boxed_str()) };
        Noun {
            name: keep(&label.name),
            forms: Forms::new(keep(&label.one), keep(&label.few), keep(&label.many)),
        }
    }
}

/// The names a site may change.
#[derive(Clone, Copy, Debug)]
struct Names {
    lead: Noun,
    call: Noun,
    meeting: Noun,
    deal: Noun,
}

impl Names {
    fn of(w: &Words) -> Self {
        Names {
            lead: Noun {
                name: w.leads,
                forms: w.lead,
            },
            call: Noun {
                name: w.calls,
                forms: w.call,
            },
            meeting: Noun {
                name: w.meetings,
                forms: w.meeting,
            },
            deal: Noun {
                name: w.deals,
                forms: w.deal,
            },
        }
    }

    fn relabelled(mut self, labels: &Labels) -> Self {
        for (noun, label) in [
            (&mut self.lead, &labels.leads),
            (&mut self.call, &labels.calls),
            (&mut self.meeting, &labels.meetings),
            (&mut self.deal, &labels.deals),
        ] {
            if let Some(label) = label.as_ref().filter(|l| !blank(l)) {
                *noun = Noun::from_label(label);
            }
        }
        self
    }
}

/// `base` with the names and every word made of them.
fn named(base: &Words, locale: Locale, n: &Names) -> Words {
    let say = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
    let cap = |s: &str| crate::render::view::capitalised(s);
    let low = |s: &str| lower_first(s);
    let (lead, meeting, deal) = (n.lead, n.meeting, n.deal);
    let mut w = Words {
        leads: lead.name,
        calls: n.call.name,
        meetings: meeting.name,
        deals: deal.name,
        lead: lead.forms,
        call: n.call.forms,
        meeting: meeting.forms,
        deal: deal.forms,
        chart_funnel: say(format!(
            "{} → {} → {}",
            lead.name,
            low(meeting.name),
            low(deal.name)
        )),
        conv_lead_meeting: say(format!("{} → {}", cap(lead.forms.one), meeting.forms.one)),
        conv_meeting_deal: say(format!("{} → {}", cap(meeting.forms.one), deal.forms.one)),
        conv_lead_deal: say(format!("{} → {}", cap(lead.forms.one), deal.forms.one)),
        ..base.clone()
    };
    match locale {
        Locale::Ru => {
            w.leads_received = say(format!("{} получены", lead.name));
            w.processing_rate = say(format!("Обработка {}", lead.forms.many));
            w.lead_processing = w.processing_rate;
            w.chart_leads = say(format!("{} по менеджерам", lead.name));
            w.leads_needed = say(format!("{} нужно", cap(lead.forms.many)));
            w.meetings_needed = say(format!("{} нужно", cap(meeting.forms.many)));
            w.deals_needed = say(format!("{} нужно", cap(deal.forms.many)));
            w.plan_deals = say(format!("План {}", deal.forms.many));
            w.attainment_deals = say(format!("Выполнение плана {}", deal.forms.many));
        }
        Locale::En => {
            w.leads_received = say(format!("{} received", lead.name));
            w.processing_rate = say(format!("{} processing", cap(lead.forms.one)));
            w.lead_processing = w.processing_rate;
            w.chart_leads = say(format!("{} by manager", lead.name));
            w.leads_needed = say(format!("{} needed", lead.name));
            w.meetings_needed = say(format!("{} needed", meeting.name));
            w.deals_needed = say(format!("{} needed", deal.name));
            w.plan_deals = say(format!("{} plan", deal.name));
            w.attainment_deals = say(format!("{} attainment", deal.name));
        }
    }
    w
}

/// "Консультации" → "консультации" inside a sentence; an acronym or a name
/// with a capital inside ("CRM-заявки", "ИПР") stays as written.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(name: &str, one: &str, few: &str, many: &str) -> Option<Label> {
        Some(Label {
            name: name.into(),
            one: one.into(),
            few: few.into(),
            many: many.into(),
        })
    }

    /// The words made of the names are the tables' own words when nothing
    /// is renamed: one way of making them, so the two cannot drift apart.
    #[test]
    fn the_tables_are_their_names_applied() {
        for locale in [Locale::Ru, Locale::En] {
            let base = super::super::words(locale);
            assert_eq!(&named(base, locale, &Names::of(base)), base, "{locale:?}");
        }
    }

    #[test]
    fn a_renamed_metric_is_renamed_in_every_word_made_of_it() {
        let labels = Labels {
            meetings: label("Встречи", "встреча", "встречи", "встреч"),
            deals: label("Оплаты", "оплата", "оплаты", "оплат"),
            ..Labels::default()
        };
        let w = site_words(Locale::Ru, &labels);
        assert_eq!(w.meetings, "Встречи");
        assert_eq!(w.conv_lead_meeting, "Лид → встреча");
        assert_eq!(w.conv_meeting_deal, "Встреча → оплата");
        assert_eq!(w.meetings_needed, "Встреч нужно");
        assert_eq!(w.chart_funnel, "Лиды → встречи → оплаты");
        assert_eq!(w.plan_deals, "План оплат");
        assert_eq!(w.deal.after(Locale::Ru, 21), "оплата");
        // The same labels give the same table, made once.
        assert!(std::ptr::eq(w, site_words(Locale::Ru, &labels)));
        // Blank labels keep the interface's words.
        let blank = Labels {
            calls: label(" ", "", "", ""),
            ..Labels::default()
        };
        assert!(std::ptr::eq(
            site_words(Locale::Ru, &blank),
            super::super::words(Locale::Ru)
        ));
        let en = Labels {
            meetings: label("Demos", "demo", "demos", "demos"),
            ..Labels::default()
        };
        let w = site_words(Locale::En, &en);
        assert_eq!(w.conv_meeting_deal, "Demo → deal");
        assert_eq!(w.chart_funnel, "Leads → demos → deals");
        assert_eq!(w.meetings_needed, "Demos needed");
    }

    #[test]
    fn lowering_keeps_acronyms() {
        assert_eq!(lower_first("Встречи"), "встречи");
        assert_eq!(lower_first("CRM-заявки"), "CRM-заявки");
        assert_eq!(lower_first("ИПР"), "ИПР");
        assert_eq!(lower_first("Демо"), "демо");
    }
}
