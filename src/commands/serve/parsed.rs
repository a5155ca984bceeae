//! Serve's rule for parsing: a file whose bytes are the same as at the last
//! build is not parsed again. A build parses everything (content/ keeps no
//! cache); this is the only place that keeps parsed files between runs.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::content::{self, Parsed, ReadFile};

/// Files parsed by the last build, by path, with the bytes they were
/// parsed from.
#[derive(Default)]
pub struct ParseCache {
    files: HashMap<String, Kept>,
}

/// A file's bytes and what parsing them gave.
type Kept = (Vec<u8>, Parsed);

impl ParseCache {
    /// Each file parsed, or taken from the last build where its bytes are
    /// the same; what this build parsed is kept for the next. Unreadable
    /// files are reported again each time, with nothing to keep.
    pub fn parse(&mut self, files: Vec<ReadFile>) -> Vec<Parsed> {
        let mut old = std::mem::take(&mut self.files);
        let paired: Vec<_> = files
            .into_iter()
            .map(|(path, bytes)| {
                let before = old.remove(&path);
                (path, bytes, before)
            })
            .collect();
        // Copies for the cache are made here, side by side: one of a big
        // department's parsed files takes tens of milliseconds on one core.
        let done: Vec<(Parsed, Option<Kept>)> = paired
            .into_par_iter()
            .map(|(path, bytes, before)| match (bytes, before) {
                (Some(bytes), Some((was, parsed))) if bytes == was => {
                    (parsed.clone(), Some((was, parsed)))
                }
                (Some(bytes), _) => {
                    let parsed = content::parse_file(path, Some(bytes.clone()));
                    (parsed.clone(), Some((bytes, parsed)))
                }
                (None, _) => (content::parse_file(path, None), None),
            })
            .collect();
        let mut parsed = Vec::with_capacity(done.len());
        for (file, kept) in done {
            if let Some(kept) = kept {
                self.files.insert(file.path().to_string(), kept);
            }
            parsed.push(file);
        }
        parsed
    }
}
