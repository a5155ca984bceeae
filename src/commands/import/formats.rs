//! The CRMs whose deal exports import reads without a map: their column
//! names (as their exports write them, in each language they offer) and
//! the stage values that mean "won".

use std::fmt;

use super::values::SlashDates;

/// Where an export comes from (`--from`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// amoCRM / Kommo deals export (Russian or English headers).
    Amocrm,
    /// Bitrix24 deals export (`;`, every cell quoted; one row per product).
    Bitrix24,
    /// HubSpot deals export.
    Hubspot,
    /// Pipedrive deals export.
    Pipedrive,
    /// Salesforce opportunities report export.
    Salesforce,
    /// Any CSV, with the columns named in a map file (`--map`).
    Generic,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::Amocrm => "amoCRM/Kommo",
            Source::Bitrix24 => "Bitrix24",
            Source::Hubspot => "HubSpot",
            Source::Pipedrive => "Pipedrive",
            Source::Salesforce => "Salesforce",
            Source::Generic => "generic CSV",
        })
    }
}

/// What a column means to import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// The deal's id: rows with the same id are one deal (Bitrix24's product rows).
    Id,
    /// The CRM user responsible for the deal.
    Manager,
    /// When the deal (lead) was created: `leads_received`.
    Created,
    /// When it was closed: a won deal counts in `deals` and `revenue` then.
    Closed,
    Amount,
    /// The stage (or status) whose value says whether the deal is won.
    Stage,
    /// When a meeting was held: `meetings` (only through a map file).
    Meeting,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Id,
        Role::Manager,
        Role::Created,
        Role::Closed,
        Role::Amount,
        Role::Stage,
        Role::Meeting,
    ];

    /// The key of the role in a map file's `columns`.
    pub fn key(self) -> &'static str {
        match self {
            Role::Id => "id",
            Role::Manager => "manager",
            Role::Created => "created",
            Role::Closed => "closed",
            Role::Amount => "amount",
            Role::Stage => "stage",
            Role::Meeting => "meeting",
        }
    }

    /// Roles every import needs.
    pub fn required(self) -> bool {
        matches!(
            self,
            Role::Manager | Role::Created | Role::Closed | Role::Amount | Role::Stage
        )
    }
}

/// A CRM's export: the names each role's column goes by, and what "won" reads as.
#[derive(Debug)]
pub struct Spec {
    pub source: Source,
    pub columns: &'static [(Role, &'static [&'static str])],
    pub won: &'static [&'static str],
    pub slash_dates: SlashDates,
}

pub const AMOCRM: Spec = Spec {
    source: Source::Amocrm,
    columns: &[
        (Role::Id, &["ID"]),
        (
            Role::Manager,
            &[
                "Ответственный",
                "Responsible user",
                "Responsible",
                "Lead owner",
            ],
        ),
        (
            Role::Created,
            &["Дата создания", "Date created", "Created date", "Created"],
        ),
        (
            Role::Closed,
            &[
                "Дата закрытия",
                "Date closed",
                "Closed date",
                "Closing date",
                "Closed",
            ],
        ),
        (Role::Amount, &["Бюджет", "Budget", "Sale"]),
        (
            Role::Stage,
            &[
                "Этап сделки",
                "Этап",
                "Lead stage",
                "Deal stage",
                "Stage",
                "Status",
            ],
        ),
    ],
    won: &[
        "Успешно реализовано",
        "Closed - won",
        "Closed won",
        "Successfully realized",
    ],
    slash_dates: SlashDates::Dmy,
};

pub const BITRIX24: Spec = Spec {
    source: Source::Bitrix24,
    columns: &[
        (Role::Id, &["ID"]),
        (
            Role::Manager,
            &["Ответственный", "Responsible person", "Responsible"],
        ),
        (Role::Created, &["Дата создания", "Created", "Date created"]),
        (
            Role::Closed,
            &[
                "Предполагаемая дата закрытия",
                "Expected close date",
                "Estimated close date",
            ],
        ),
        (Role::Amount, &["Сумма", "Amount", "Total"]),
        (Role::Stage, &["Стадия сделки", "Deal stage", "Stage"]),
    ],
    won: &["Сделка успешна", "Успешно", "Deal won", "Won"],
    slash_dates: SlashDates::Dmy,
};

pub const HUBSPOT: Spec = Spec {
    source: Source::Hubspot,
    columns: &[
        (Role::Id, &["Record ID", "Deal ID"]),
        (Role::Manager, &["Deal owner", "Deal Owner"]),
        (Role::Created, &["Create Date", "Create date"]),
        (Role::Closed, &["Close Date", "Close date"]),
        (Role::Amount, &["Amount"]),
        (Role::Stage, &["Deal Stage", "Deal stage"]),
    ],
    won: &["Closed Won", "closedwon"],
    slash_dates: SlashDates::Mdy,
};

pub const PIPEDRIVE: Spec = Spec {
    source: Source::Pipedrive,
    columns: &[
        (Role::Id, &["Deal - ID", "ID"]),
        (Role::Manager, &["Deal - Owner", "Owner"]),
        (Role::Created, &["Deal - Deal created", "Deal created"]),
        (Role::Closed, &["Deal - Won time", "Won time"]),
        (Role::Amount, &["Deal - Value", "Value"]),
        (Role::Stage, &["Deal - Status", "Status"]),
    ],
    won: &["won"],
    slash_dates: SlashDates::Mdy,
};

pub const SALESFORCE: Spec = Spec {
    source: Source::Salesforce,
    columns: &[
        (Role::Id, &["Opportunity ID", "Opportunity Id"]),
        (Role::Manager, &["Opportunity Owner"]),
        (Role::Created, &["Created Date"]),
        (Role::Closed, &["Close Date"]),
        (Role::Amount, &["Amount"]),
        (Role::Stage, &["Stage"]),
    ],
    won: &["Closed Won"],
    slash_dates: SlashDates::Mdy,
};

/// A generic CSV knows no column: the map file names them all.
pub const GENERIC: Spec = Spec {
    source: Source::Generic,
    columns: &[],
    won: &[],
    slash_dates: SlashDates::Dmy,
};

/// The known CRMs, in the order detection tries them.
pub const KNOWN: [&Spec; 5] = [&AMOCRM, &BITRIX24, &HUBSPOT, &PIPEDRIVE, &SALESFORCE];

pub fn spec(source: Source) -> &'static Spec {
    match source {
        Source::Amocrm => &AMOCRM,
        Source::Bitrix24 => &BITRIX24,
        Source::Hubspot => &HUBSPOT,
        Source::Pipedrive => &PIPEDRIVE,
        Source::Salesforce => &SALESFORCE,
        Source::Generic => &GENERIC,
    }
}

/// Header names compare without case and with runs of spaces as one.
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

impl Spec {
    /// The column of `role` among `headers`, by the names this CRM uses.
    pub fn find(&self, role: Role, headers: &[String]) -> Option<usize> {
        let names = self.columns.iter().find(|(r, _)| *r == role)?.1;
        names
            .iter()
            .find_map(|name| headers.iter().position(|h| same_name(h, name)))
    }

    /// Whether every column this CRM's import needs is among `headers`.
    fn matches(&self, headers: &[String]) -> bool {
        !self.columns.is_empty()
            && Role::ALL
                .iter()
                .filter(|r| r.required())
                .all(|r| self.find(*r, headers).is_some())
    }
}

/// The CRM whose export has these headers, if exactly one fits.
pub fn detect(headers: &[String]) -> Option<&'static Spec> {
    let mut fitting = KNOWN.iter().filter(|s| s.matches(headers));
    let first = fitting.next()?;
    fitting.next().is_none().then_some(*first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn detects_each_crm_by_its_headers() {
        let cases = [
            (
                h(&[
                    "ID",
                    "Название сделки",
                    "Бюджет",
                    "Ответственный",
                    "Дата создания",
                    "Дата закрытия",
                    "Этап сделки",
                ]),
                Source::Amocrm,
            ),
            (
                h(&[
                    "ID",
                    "Deal name",
                    "Budget",
                    "Responsible user",
                    "Date created",
                    "Date closed",
                    "Stage",
                ]),
                Source::Amocrm,
            ),
            (
                h(&[
                    "ID",
                    "Название",
                    "Стадия сделки",
                    "Сумма",
                    "Ответственный",
                    "Дата создания",
                    "Предполагаемая дата закрытия",
                    "Сделка закрыта",
                ]),
                Source::Bitrix24,
            ),
            (
                h(&[
                    "Record ID",
                    "Deal Name",
                    "Deal Stage",
                    "Amount",
                    "Close Date",
                    "Create Date",
                    "Deal owner",
                ]),
                Source::Hubspot,
            ),
            (
                h(&[
                    "Deal - ID",
                    "Deal - Title",
                    "Deal - Value",
                    "Deal - Owner",
                    "Deal - Status",
                    "Deal - Deal created",
                    "Deal - Won time",
                ]),
                Source::Pipedrive,
            ),
            (
                h(&[
                    "Opportunity Owner",
                    "Opportunity Name",
                    "Stage",
                    "Amount",
                    "Close Date",
                    "Created Date",
                ]),
                Source::Salesforce,
            ),
        ];
        for (headers, source) in cases {
            assert_eq!(
                detect(&headers).map(|s| s.source),
                Some(source),
                "{headers:?}"
            );
        }
        assert!(detect(&h(&["agent", "stage", "close_value"])).is_none());
    }

    #[test]
    fn names_compare_loosely() {
        assert!(same_name("Deal  owner", "deal owner"));
        assert!(!same_name("Deal owner", "Deal"));
    }
}
