//! One `content/config.yaml` from arbitrary bytes: never a panic, a hang or a message-less error.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::parse_one::<salespulse::content::Config>("content/config.yaml", data);
});
