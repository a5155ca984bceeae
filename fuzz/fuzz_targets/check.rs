//! A whole site in memory: the input is split at NUL bytes into config.yaml,
//! team.yaml, two targets, two week files and one file of every practice
//! kind; then load, validate, and for a clean site analytics, exports and
//! every page for both audiences, as `build` would.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use salespulse::audience::Audience;
use salespulse::render::Exports;
use salespulse::analytics;
use salespulse::content;
use salespulse::diagnostic;
use salespulse::render::export;
use salespulse::render;
use salespulse::render::templates;
use salespulse::validate;

const PATHS: [&str; 13] = [
    "content/config.yaml",
    "content/team.yaml",
    "content/targets/2026-10.yaml",
    "content/targets/2026-11.yaml",
    "content/weeks/2026-W47.yaml",
    "content/weeks/2026-W48.yaml",
    "content/standups/2026-11-23.md",
    "content/idp/anna-ivanova-2026-11.md",
    "content/months/2026-11.md",
    "content/assessments/2026-11-10.yaml",
    "content/one-on-ones/2026-11-20-anna-ivanova.md",
    "content/pages/rules.md",
    "content/checklist.yaml",
];

fn builtin() -> &'static templates::Templates {
    static T: OnceLock<templates::Templates> = OnceLock::new();
    T.get_or_init(|| {
        templates::load(&Default::default())
            .0
            .expect("built-in templates")
    })
}

fuzz_target!(|data: &[u8]| {
    let files: Vec<(String, Vec<u8>)> = data
        .split(|b| *b == 0)
        .zip(PATHS)
        .map(|(bytes, path)| (path.to_string(), bytes.to_vec()))
        .collect();
    let (content, mut diagnostics) = content::load_from_memory(files);
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    diagnostics.extend(validate::check(&content, as_of));
    diagnostic::sort(&mut diagnostics);
    let _ = diagnostic::render_human(&diagnostics, &content.sources, false);
    let _ = diagnostic::render_json(&diagnostics);
    if diagnostics.iter().any(diagnostic::Diagnostic::is_error) {
        return;
    }
    // Checked: the department as analytics and render read it.
    let content = salespulse::domain::Department::of(&content);
    let a = analytics::compute(&content, as_of);
    let json = export::metrics_json(&content, &a);
    assert!(!json.is_empty());
    let _ = export::weekly_csv(&content, &a);
    let files = render::site(builtin(), &content, &a, Audience::Owner, Exports::Published)
        .expect("built-in templates render");
    assert!(files.iter().all(|f| !f.path.contains("..")));
    let team = salespulse::audience::for_team(&content);
    let mut ta = analytics::compute(&team, as_of);
    salespulse::audience::restrict(&mut ta);
    render::site(builtin(), &team, &ta, Audience::Team, Exports::Published).expect("team site renders");
});
