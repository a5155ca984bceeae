//! Problems of the files themselves: missing, unread, too large, links.

/// A problem with a file (or with `content/` as a whole) before its text is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Files {
    /// config.yaml or team.yaml is not there; `team` says which.
    Missing {
        team: bool,
    },
    NoContentFolder {
        root: String,
    },
    TooMany {
        count: usize,
        limit: usize,
    },
    TooLarge {
        megabytes: String,
        limit: u64,
    },
    /// A pipe or device; `refused` when it was named as content, else ignored.
    NotRegular {
        refused: bool,
    },
    /// The system's own reason, as it gives it.
    CannotRead {
        reason: String,
    },
    SymlinkedFolder,
    SymlinkOutside,
    BrokenSymlink,
    /// A file no kind reads; the name it was probably meant to have.
    Unread {
        rename_to: Option<String>,
    },
    /// More unread files than are listed one by one.
    ManyUnread {
        count: usize,
        shown: usize,
    },
    /// `new` would overwrite a file.
    Exists,
    /// `new` could not write; the system's own reason.
    CannotWrite {
        reason: String,
    },
    /// A file in the site's templates/ that overrides nothing.
    TemplateIgnored,
    /// A site template Tera cannot compile; Tera's own words.
    TemplateBroken {
        detail: String,
    },
}

impl Files {
    pub fn code(&self) -> &'static str {
        match self {
            Files::Missing { .. } => "missing-file",
            Files::NoContentFolder { .. } => "no-content-folder",
            Files::TooMany { .. } => "too-many-files",
            Files::TooLarge { .. } => "file-too-large",
            Files::NotRegular { .. } => "not-a-regular-file",
            Files::CannotRead { .. } => "cannot-read",
            Files::SymlinkedFolder => "symlinked-folder",
            Files::SymlinkOutside => "symlink-outside",
            Files::BrokenSymlink => "broken-symlink",
            Files::Unread { .. } => "unread-file",
            Files::ManyUnread { .. } => "unread-files",
            Files::Exists => "file-exists",
            Files::CannotWrite { .. } => "cannot-write",
            Files::TemplateIgnored => "template-ignored",
            Files::TemplateBroken { .. } => "template-error",
        }
    }

    #[cfg(test)]
    pub fn samples() -> Vec<Files> {
        vec![
            Files::Missing { team: true },
            Files::Missing { team: false },
            Files::NoContentFolder {
                root: "site".into(),
            },
            Files::TooMany {
                count: 10003,
                limit: 10000,
            },
            Files::TooLarge {
                megabytes: "60.0".into(),
                limit: 4,
            },
            Files::NotRegular { refused: true },
            Files::NotRegular { refused: false },
            Files::CannotRead {
                reason: "Permission denied (os error 13)".into(),
            },
            Files::SymlinkedFolder,
            Files::SymlinkOutside,
            Files::BrokenSymlink,
            Files::Unread {
                rename_to: Some("weeks/2026-W47.yaml".into()),
            },
            Files::Unread { rename_to: None },
            Files::ManyUnread {
                count: 12,
                shown: 5,
            },
            Files::Exists,
            Files::CannotWrite {
                reason: "Permission denied (os error 13)".into(),
            },
            Files::TemplateIgnored,
            Files::TemplateBroken {
                detail: "error: Unexpected end of input\n --> base.html:7:1".into(),
            },
        ]
    }
}
