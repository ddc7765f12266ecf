//! The statement pipeline (parse → fingerprint → resolve/validate → rewrite for every target)
//! from arbitrary text (`rewrite/src/fuzzing.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    rewrite::fuzzing::pipeline(data);
});
