//! Shared by the per-kind targets: decode bytes as the loader does, parse one
//! file of kind `T`, and render any diagnostic in all three formats (the
//! snippet renderer must survive every position a parser reports).

use salespulse::content::{decode, yaml};
use salespulse::diagnostic::{self, SourceMap};

pub fn parse_one<T: serde::de::DeserializeOwned>(path: &str, data: &[u8]) {
    let text = match decode(path, data.to_vec()) {
        Ok(text) => text,
        Err(failure) => {
            let (d, lossy) = *failure;
            render(path, &lossy, d);
            return;
        }
    };
    if let Err(d) = yaml::parse::<T>(path, &text, 0) {
        assert!(!d.message.is_empty());
        render(path, &text, d);
    }
}

fn render(path: &str, text: &str, d: diagnostic::Diagnostic) {
    let mut sources = SourceMap::default();
    sources.insert(path, text);
    let ds = [d];
    let human = diagnostic::render_human(&ds, &sources, false);
    assert!(human.contains(path));
    let _ = diagnostic::render_human(&ds, &sources, true);
    let json = diagnostic::render_json(&ds);
    assert!(json.starts_with('['));
    let _ = diagnostic::render_github(&ds);
}
