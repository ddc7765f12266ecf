//! Every frontend message the server decodes — SSLRequest/GSSENCRequest/CancelRequest, the
//! startup packet and every regular message — from arbitrary bytes, through the very decoder a
//! session uses (`proxy/src/frame.rs`, compiled here on its own so this target builds without
//! the server's engine).
#![no_main]

#[path = "../../proxy/src/frame.rs"]
mod frame;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    frame::decode_all(data);
});
