//! What one render of a site can lend the next (for `serve`, which rebuilds
//! on every save): charts drawn from the same numbers, and the fingerprints
//! of pages whose view came out the same, so only what changed is drawn and
//! rendered again.
//!
//! Nothing here decides what depends on what: a chart is reused when every
//! input of its drawing is equal, a page when its whole view (the data the
//! template sees) is. Only what the latest render used is kept.

use std::collections::HashMap;
use std::fmt::Debug;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::Mutex;

use serde::Serialize;

use crate::render::charts::Chart;

/// Kept between renders of one site; each render reads the previous
/// generation and fills the next.
#[derive(Default)]
pub struct Reuse {
    /// Drawings by a hash of their inputs.
    charts: Generations<u64, Chart>,
    /// Page fingerprints by path.
    pages: Generations<String, u64>,
    /// Hashes of what a page is made from, by path, for views that say so.
    inputs: Generations<String, u64>,
    /// A hash of every content file but the stand-ups, for this render.
    besides_standups: u64,
}

/// The entries of the previous render, and those of the running one.
struct Generations<K, V> {
    previous: HashMap<K, V>,
    current: Mutex<HashMap<K, V>>,
}

impl<K, V> Default for Generations<K, V> {
    fn default() -> Self {
        Self {
            previous: HashMap::new(),
            current: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Eq + std::hash::Hash + Clone, V: Clone> Generations<K, V> {
    fn get(&self, key: &K) -> Option<V> {
        let found = self.previous.get(key).cloned()?;
        self.put(key.clone(), found.clone());
        Some(found)
    }

    fn put(&self, key: K, value: V) {
        self.current
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key, value);
    }

    fn discard(&mut self) {
        self.current
            .get_mut()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clear();
    }

    fn turn(&mut self) {
        let current = std::mem::take(
            self.current
                .get_mut()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        self.previous = current;
    }
}

impl Reuse {
    /// Remembers, for the render about to start, a hash of every file of
    /// `sources` but the stand-ups: what month, week and stand-up pages
    /// are made from besides their own period or stand-up.
    pub fn files_besides_standups(&mut self, sources: &crate::diagnostic::SourceMap) {
        let mut hasher = hasher();
        for (path, text) in sources.iter() {
            if !path.starts_with("content/standups/") {
                (path, text).hash(&mut hasher);
            }
        }
        self.besides_standups = hasher.finish();
    }

    /// [`Reuse::files_besides_standups`]'s hash.
    pub fn besides_standups(&self) -> u64 {
        self.besides_standups
    }

    /// The chart drawn last time from the same `inputs`, or a new drawing.
    /// `inputs` must hold every argument the drawing depends on.
    pub fn chart(&self, inputs: impl Debug, draw: impl FnOnce() -> Chart) -> Chart {
        let key = debug_hash(&inputs);
        if let Some(chart) = self.charts.get(&key) {
            return chart;
        }
        let chart = draw();
        self.charts.put(key, chart.clone());
        chart
    }

    /// Whether the page at `path` was rendered last time from the same
    /// template and view (its CBOR encoding; `salt` covers what every page shares: strings,
    /// templates, flags); either way, remembers it for the next render.
    pub fn page_unchanged(
        &self,
        salt: u64,
        path: &str,
        template: &str,
        view: &impl Serialize,
    ) -> bool {
        let mut hasher = hasher();
        (salt, path, template).hash(&mut hasher);
        // CBOR, not JSON: strings go through as they are, unescaped (the
        // views hold megabytes of chart SVG and stand-up text). Buffered: the
        // serialiser writes token by token.
        let mut writer = std::io::BufWriter::with_capacity(16 * 1024, HashWriter(&mut hasher));
        let written = ciborium::into_writer(view, &mut writer).is_ok()
            && std::io::Write::flush(&mut writer).is_ok();
        drop(writer);
        if !written {
            // Not fingerprintable: always render it.
            return false;
        }
        let fingerprint = hasher.finish();
        let same = self.pages.previous.get(path) == Some(&fingerprint);
        self.pages.put(path.to_string(), fingerprint);
        same
    }

    /// Whether the page at `path` was rendered last time from the same
    /// `inputs` — a hash of everything its view reads — so that neither its
    /// view nor its fingerprint need computing; either way, remembers them.
    pub fn inputs_unchanged(&self, path: &str, inputs: u64) -> bool {
        self.inputs.put(path.to_string(), inputs);
        let same = self.inputs.previous.get(path) == Some(&inputs);
        // The fingerprint carries over, so the page stays in the site.
        same && self.pages.get(&path.to_string()).is_some()
    }

    /// The pages of the last finished render.
    pub fn pages(&self) -> impl Iterator<Item = &str> {
        self.pages.previous.keys().map(String::as_str)
    }

    /// Ends a render: what it used becomes what the next one may reuse.
    pub fn turn(&mut self) {
        self.charts.turn();
        self.pages.turn();
        self.inputs.turn();
    }

    /// Forgets a render that failed half-way; the one before stays lendable.
    pub fn discard(&mut self) {
        self.charts.discard();
        self.pages.discard();
        self.inputs.discard();
    }
}

/// The hasher of fingerprints: keys fixed, so a run is repeatable; fast on
/// long inputs (a site's views are tens of megabytes).
fn hasher() -> ahash::AHasher {
    ahash::RandomState::with_seeds(0x5a1e, 0x9015e, 0xc4a7, 0xd47a).build_hasher()
}

/// A hash of a value's `Debug` text, written straight into the hasher.
fn debug_hash(value: &impl Debug) -> u64 {
    use std::fmt::Write;
    struct Feed<'a>(&'a mut ahash::AHasher);
    impl Write for Feed<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut hasher = hasher();
    let _ = write!(Feed(&mut hasher), "{value:?}");
    hasher.finish()
}

/// Feeds serialised bytes into a hasher.
struct HashWriter<'a>(&'a mut ahash::AHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A hasher for input keys, with the same fixed keys as fingerprints.
pub fn input_hasher() -> ahash::AHasher {
    hasher()
}

/// A hash of anything hashable, for the salt of page fingerprints.
pub fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = hasher();
    value.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(title: &str) -> Chart {
        Chart {
            svg: format!("<svg>{title}</svg>"),
            title: title.into(),
            summary: String::new(),
        }
    }

    #[test]
    fn a_chart_is_redrawn_only_when_its_inputs_change() {
        let mut reuse = Reuse::default();
        let drawn = std::cell::Cell::new(0);
        let draw = |inputs: (&str, f64)| {
            reuse.chart(inputs, || {
                drawn.set(drawn.get() + 1);
                chart(&format!("{inputs:?}"))
            })
        };
        draw(("a", 1.0));
        draw(("a", 1.0));
        assert_eq!(
            drawn.get(),
            2,
            "the running render does not reuse its own drawings"
        );
        reuse.turn();
        let again = reuse.chart(("a", 1.0), || unreachable!("same inputs"));
        assert_eq!(again.title, "(\"a\", 1.0)");
        let mut changed = false;
        reuse.chart(("a", 1.5), || {
            changed = true;
            chart("new")
        });
        assert!(changed);
        reuse.turn();
        // Only what the last render used is kept.
        let mut redrawn = false;
        reuse.chart(("b", 0.0), || {
            redrawn = true;
            chart("b")
        });
        assert!(redrawn);
    }

    #[test]
    fn a_page_is_unchanged_only_with_the_same_view_template_and_salt() {
        let mut reuse = Reuse::default();
        assert!(!reuse.page_unchanged(1, "a.html", "t.html", &("x", 1)));
        reuse.turn();
        assert!(reuse.page_unchanged(1, "a.html", "t.html", &("x", 1)));
        assert!(!reuse.page_unchanged(1, "b.html", "t.html", &("x", 1)));
        reuse.turn();
        assert!(!reuse.page_unchanged(1, "a.html", "t.html", &("x", 2)));
        reuse.turn();
        assert!(!reuse.page_unchanged(1, "a.html", "u.html", &("x", 2)));
        reuse.turn();
        assert!(!reuse.page_unchanged(2, "a.html", "u.html", &("x", 2)));
    }
}
