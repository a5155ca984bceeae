//! Numbers, money and dates as people of each locale write them
//! (ru: `1 234 567 ₽`, `12,5 %`, `27.11.2026`; en: `$1,234,567`, `12.5%`, `Nov 27, 2026`).

use chrono::{Datelike, NaiveDate};

use crate::calendar::{IsoWeek, YearMonth};
use crate::content::Locale;
use crate::locale::{Forms, Words};

/// Narrow no-break space: the Russian thousands separator.
const NNBSP: char = '\u{202f}';
/// No-break space: between a number and its unit.
const NBSP: char = '\u{a0}';
const MINUS: char = '\u{2212}';

const RU_MONTHS: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const RU_MONTHS_SHORT: [&str; 12] = [
    "янв.",
    "февр.",
    "март",
    "апр.",
    "май",
    "июнь",
    "июль",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];
/// "23–29 нояб." takes the genitive where the month is written in full: май → мая.
const RU_MONTHS_GENITIVE_SHORT: [&str; 12] = [
    "янв.",
    "февр.",
    "марта",
    "апр.",
    "мая",
    "июня",
    "июля",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formats for one site: its locale, currency sign and words (the
/// locale's, with the site's own names for its metrics).
#[derive(Clone)]
pub struct Formatter {
    pub locale: Locale,
    pub currency: String,
    pub words: &'static Words,
}

/// What the formats depend on, short enough to be a drawing's memo key:
/// the words are told apart by the names a site may change.
impl std::fmt::Debug for Formatter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let w = self.words;
        f.debug_struct("Formatter")
            .field("locale", &self.locale)
            .field("currency", &self.currency)
            .field("labels", &[w.lead, w.call, w.meeting, w.deal])
            .field("names", &[w.leads, w.calls, w.meetings, w.deals])
            .finish()
    }
}

impl Formatter {
    /// The locale's own words.
    pub fn new(locale: Locale, currency: &str) -> Self {
        Self {
            locale,
            currency: currency.to_string(),
            words: crate::locale::words(locale),
        }
    }

    /// A site's formats: its locale and currency, and its words with the
    /// names `labels:` gives its metrics.
    pub fn for_config(config: &crate::domain::Config) -> Self {
        Self {
            words: crate::locale::labels::site_words(config.locale, &config.labels),
            ..Self::new(config.locale, config.currency_symbol())
        }
    }

    /// A count and its word, which never part at a line's end: "1 186
    /// лидов", "21 сделка" / "1,186 leads".
    pub fn count(&self, n: u64, forms: Forms) -> String {
        format!(
            "{}{NBSP}{}",
            self.number(n as f64, 0),
            forms.after(self.locale, n)
        )
    }

    /// A number with `decimals` digits after the point, rounded half up
    /// ([`round_half_up`]), and grouped thousands. Four-digit numbers are
    /// grouped too (`4 500` beside `12 500`), so the figures of a column
    /// line up digit under digit and a number reads the same on every page.
    pub fn number(&self, value: f64, decimals: usize) -> String {
        let (group, point) = match self.locale {
            Locale::Ru => (NNBSP, ','),
            Locale::En => (',', '.'),
        };
        let text = fixed(round_half_up(value.abs(), decimals), decimals);
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        // Room for the separators and the unit most callers append.
        let mut out = String::with_capacity(text.len() + 12);
        let negative = value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0');
        if negative {
            out.push(MINUS);
        }
        let digits = int.len();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (digits - i) % 3 == 0 {
                out.push(group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(point);
            out.push_str(frac);
        }
        out
    }

    fn with_currency(&self, mut amount: String) -> String {
        let prefix = matches!(self.currency.as_str(), "$" | "€" | "£" | "¥");
        match (self.locale, prefix) {
            (Locale::En, true) => match amount.strip_prefix(MINUS) {
                Some(rest) => format!("{MINUS}{}{rest}", self.currency),
                None => format!("{}{amount}", self.currency),
            },
            _ => {
                amount.push(NBSP);
                amount.push_str(&self.currency);
                amount
            }
        }
    }

    /// Money in whole units: `1 234 567 ₽`, `$1,234,567`.
    pub fn money(&self, value: f64) -> String {
        self.with_currency(self.number(value, 0))
    }

    /// Money for chart axes and tight places: `1,2 млн ₽`, `850 тыс. ₽`; `$1.2M`, `$850K`.
    pub fn money_compact(&self, value: f64) -> String {
        let abs = value.abs();
        let (scaled, suffix_ru, suffix_en) = if abs >= 1e9 {
            (value / 1e9, "млрд", "B")
        } else if abs >= 1e6 {
            (value / 1e6, "млн", "M")
        } else if abs >= 1e3 {
            (value / 1e3, "тыс.", "K")
        } else {
            return self.money(value);
        };
        let decimals = if scaled.abs() < 10.0 && (scaled * 10.0).round() % 10.0 != 0.0 {
            1
        } else {
            0
        };
        let number = self.number(scaled, decimals);
        match self.locale {
            Locale::Ru => self.with_currency(format!("{number}{NBSP}{suffix_ru}")),
            Locale::En => self.with_currency(format!("{number}{suffix_en}")),
        }
    }

    /// A whole number of things: a plan of deals prorated to a week
    /// (32.8) is shown as the deals it means (33).
    pub fn whole(&self, value: f64) -> String {
        self.number(value, 0)
    }

    /// A fraction as a percentage: 0.125 → `12,5 %` / `12.5%`; 0.225 → `23 %`.
    pub fn percent(&self, fraction: f64, decimals: usize) -> String {
        let mut number = self.number(fraction * 100.0, decimals);
        if self.locale == Locale::Ru {
            number.push(NBSP);
        }
        number.push('%');
        number
    }

    /// A change as a signed percentage: −0.21 → `−21 %` / `−21%`.
    pub fn signed_percent(&self, fraction: f64) -> String {
        let text = self.percent(fraction.abs(), 0);
        if text == self.percent(0.0, 0) {
            text
        } else if fraction < 0.0 {
            format!("−{text}")
        } else {
            format!("+{text}")
        }
    }

    /// A change in percentage points: 0.04 → `4 п.п.` / `4 pp`.
    pub fn points(&self, fraction: f64) -> String {
        let number = self.number(fraction * 100.0, 0);
        match self.locale {
            Locale::Ru => format!("{number}{NBSP}п.п."),
            Locale::En => format!("{number}{NBSP}pp"),
        }
    }

    pub fn date(&self, date: NaiveDate) -> String {
        match self.locale {
            Locale::Ru => date.format("%d.%m.%Y").to_string(),
            Locale::En => format!(
                "{} {}, {}",
                &EN_MONTHS[date.month0() as usize][..3],
                date.day(),
                date.year()
            ),
        }
    }

    /// `ноябрь 2026` / `November 2026`.
    pub fn month(&self, month: YearMonth) -> String {
        let i = month.month() as usize - 1;
        match self.locale {
            Locale::Ru => format!("{} {}", RU_MONTHS[i], month.year()),
            Locale::En => format!("{} {}", EN_MONTHS[i], month.year()),
        }
    }

    /// `нояб. 2026` / `Nov 2026`: a month on a chart axis or in a tight
    /// column (never `нояб. 26`, which reads as 26 November).
    pub fn month_short(&self, month: YearMonth) -> String {
        let i = month.month() as usize - 1;
        let year = month.year();
        match self.locale {
            Locale::Ru => format!("{}{NBSP}{year}", RU_MONTHS_SHORT[i]),
            Locale::En => format!("{}{NBSP}{year}", &EN_MONTHS[i][..3]),
        }
    }

    /// The dates of a week: `23–29 нояб.`, `30 нояб. – 6 дек.`; `Nov 23–29`, `Nov 30 – Dec 6`.
    pub fn week_dates(&self, week: IsoWeek) -> String {
        self.days(week.monday(), week.sunday())
    }

    /// A span of days: `30 нояб.`, `1–6 дек.`, `30 нояб. – 6 дек.`; `Nov 30`, `Dec 1–6`.
    pub fn days(&self, from: NaiveDate, to: NaiveDate) -> String {
        let ru = |d: NaiveDate| RU_MONTHS_GENITIVE_SHORT[d.month0() as usize];
        let en = |d: NaiveDate| &EN_MONTHS[d.month0() as usize][..3];
        if from == to {
            return match self.locale {
                Locale::Ru => format!("{}{NBSP}{}", from.day(), ru(from)),
                Locale::En => format!("{}{NBSP}{}", en(from), from.day()),
            };
        }
        match (self.locale, from.month() == to.month()) {
            (Locale::Ru, true) => format!("{}–{} {}", from.day(), to.day(), ru(to)),
            (Locale::Ru, false) => format!("{} {} – {} {}", from.day(), ru(from), to.day(), ru(to)),
            (Locale::En, true) => format!("{} {}–{}", en(from), from.day(), to.day()),
            (Locale::En, false) => format!("{} {} – {} {}", en(from), from.day(), en(to), to.day()),
        }
    }

    /// `неделя 48 (23–29 нояб.)` / `week 48 (Nov 23–29)`.
    pub fn week(&self, week: IsoWeek) -> String {
        let word = match self.locale {
            Locale::Ru => "неделя",
            Locale::En => "week",
        };
        format!("{word} {} ({})", week.number(), self.week_dates(week))
    }

    /// `неделя 49 (30 нояб.)`: a period by its week and its own days.
    pub fn period(&self, period: crate::calendar::Period) -> String {
        let word = match self.locale {
            Locale::Ru => "неделя",
            Locale::En => "week",
        };
        format!(
            "{word} {} ({})",
            period.week.number(),
            self.days(period.first, period.last)
        )
    }

    /// `нед. 48` / `wk 48`: a week on a chart axis or in a tight column.
    pub fn week_short(&self, week: IsoWeek) -> String {
        match self.locale {
            Locale::Ru => format!("нед.{NBSP}{}", week.number()),
            Locale::En => format!("wk{NBSP}{}", week.number()),
        }
    }
}

/// `value` rounded to `decimals` places, halves away from zero (22.5 → 23,
/// −22.5 → −23), as people round — not to the nearest even digit, and not
/// spoilt by binary fractions: 0.285 × 100 is 28.499999999999996 in
/// floating point, and still rounds to 29. The one rounding of every figure
/// shown (the formats below, the deals a shortfall means).
pub fn round_half_up(value: f64, decimals: usize) -> f64 {
    if !value.is_finite() {
        return value;
    }
    let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(i32::MAX));
    let scaled = value.abs() * scale;
    let floor = scaled.floor();
    // A half within a few units in the last place of `scaled` (what the
    // multiplication above and the decimal-to-binary conversion of the
    // input can lose) is a half.
    let slack = (scaled * f64::EPSILON * 8.0).min(1e-6);
    let whole = if (scaled - floor - 0.5).abs() <= slack {
        floor + 1.0
    } else {
        scaled.round()
    };
    (whole / scale).copysign(value)
}

/// `format!("{:.*}", decimals, value)` for a non-negative value, without
/// the exact-decimal float machinery when the value is a whole number (most
/// counts and amounts are): same text, a fraction of the time.
fn fixed(value: f64, decimals: usize) -> String {
    // Below 2^53 every whole f64 is exactly a u64.
    if value.fract() == 0.0 && value < 9_007_199_254_740_992.0 {
        let mut text = (value as u64).to_string();
        if decimals > 0 {
            text.push('.');
            text.extend(std::iter::repeat_n('0', decimals));
        }
        text
    } else {
        format!("{value:.decimals$}")
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn fixed_matches_the_standard_formatting() {
        for value in [
            0.0, 1.0, 7.0, 12.5, 0.125, 2.5, 3.5, 999.999, 1234567.0, 1e15, 9.1e15, 1e300, 0.1,
        ] {
            for decimals in 0..4 {
                assert_eq!(
                    fixed(value, decimals),
                    format!("{value:.decimals$}"),
                    "{value} with {decimals}"
                );
            }
        }
    }

    use super::*;

    fn ru() -> Formatter {
        Formatter::new(Locale::Ru, "₽")
    }

    fn en() -> Formatter {
        Formatter::new(Locale::En, "$")
    }

    #[test]
    fn money_per_locale() {
        assert_eq!(ru().money(1_234_567.4), "1\u{202f}234\u{202f}567\u{a0}₽");
        assert_eq!(en().money(1_234_567.4), "$1,234,567");
        assert_eq!(en().money(-1500.0), "\u{2212}$1,500");
        // Four digits are grouped too, so a column lines up.
        assert_eq!(ru().money(4500.0), "4\u{202f}500\u{a0}₽");
        assert_eq!(ru().number(999.0, 0), "999");
        assert_eq!(en().money(4500.0), "$4,500");
    }

    #[test]
    fn rounding_is_half_up_on_every_boundary() {
        for (value, decimals, expected) in [
            (0.0, 0, 0.0),
            (0.5, 0, 1.0),
            (1.5, 0, 2.0),
            (2.5, 0, 3.0),
            (22.5, 0, 23.0),
            (22.49, 0, 22.0),
            (-22.5, 0, -23.0),
            (0.125, 2, 0.13),
            (12.25, 1, 12.3),
            (28.499999999999996, 0, 29.0), // 0.285 × 100
            (1e15, 0, 1e15),
            (1e15 + 0.25, 0, 1e15),
        ] {
            assert_eq!(
                round_half_up(value, decimals),
                expected,
                "{value} to {decimals}"
            );
        }
        // Percentages: 22.5 % is 23 %, whatever binary fraction holds it.
        assert_eq!(ru().percent(0.225, 0), "23\u{a0}%");
        assert_eq!(ru().percent(0.285, 0), "29\u{a0}%");
        assert_eq!(ru().percent(57.0 / 200.0, 0), "29\u{a0}%");
        assert_eq!(en().percent(0.0125, 1), "1.3%");
        assert_eq!(en().percent(0.005, 0), "1%");
        assert_eq!(en().percent(0.0049, 0), "0%");
        // Plans of deals are whole deals.
        assert_eq!(ru().whole(32.8), "33");
        assert_eq!(ru().whole(32.5), "33");
        assert_eq!(ru().whole(32.4), "32");
    }

    #[test]
    fn compact_money_for_axes() {
        assert_eq!(ru().money_compact(1_200_000.0), "1,2\u{a0}млн\u{a0}₽");
        assert_eq!(ru().money_compact(850_000.0), "850\u{a0}тыс.\u{a0}₽");
        assert_eq!(en().money_compact(1_200_000.0), "$1.2M");
        assert_eq!(en().money_compact(850_000.0), "$850K");
        assert_eq!(en().money_compact(2_000_000.0), "$2M");
    }

    #[test]
    fn percents_and_points() {
        assert_eq!(ru().percent(0.125, 1), "12,5\u{a0}%");
        assert_eq!(en().percent(0.125, 1), "12.5%");
        assert_eq!(ru().percent(-0.04, 0), "\u{2212}4\u{a0}%");
        assert_eq!(ru().points(0.04), "4\u{a0}п.п.");
        assert_eq!(
            ru().percent(-0.001, 0),
            "0\u{a0}%",
            "no minus on a rounded zero"
        );
    }

    #[test]
    fn dates_months_weeks() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(ru().date(d), "27.11.2026");
        assert_eq!(en().date(d), "Nov 27, 2026");
        let m = YearMonth::parse("2026-11").unwrap();
        assert_eq!(ru().month(m), "ноябрь 2026");
        assert_eq!(en().month(m), "November 2026");
        let w = IsoWeek::parse("2026-W48").unwrap();
        assert_eq!(ru().week(w), "неделя 48 (23–29 нояб.)");
        assert_eq!(en().week(w), "week 48 (Nov 23–29)");
        let w = IsoWeek::parse("2026-W49").unwrap();
        assert_eq!(ru().week_dates(w), "30 нояб. – 6 дек.");
        assert_eq!(en().week_dates(w), "Nov 30 – Dec 6");
    }
}
