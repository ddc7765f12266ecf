//! Decoding one client message from the connection's read buffer, so that no byte sequence can
//! panic a session or make it buffer without bound. Self-contained (pgwire and bytes only): the
//! fuzz target (`fuzz/fuzz_targets/frontend_messages.rs`) compiles this file on its own.

use bytes::BytesMut;
use pgwire::error::PgWireError;
use pgwire::messages::{DecodeContext, PgWireFrontendMessage, SslNegotiationMetaMessage};

/// The next whole message in `src` for the phase `context` describes (`None`: need more bytes).
/// A regular message longer than `max_message_bytes` is refused from its header, before its
/// body is buffered.
pub fn decode(
    src: &mut BytesMut,
    context: &DecodeContext,
    max_message_bytes: usize,
) -> Result<Option<PgWireFrontendMessage>, PgWireError> {
    if !context.awaiting_frontend_startup && src.len() >= 5 {
        let length = u32::from_be_bytes([src[1], src[2], src[3], src[4]]) as usize;
        if length > max_message_bytes {
            src.clear();
            return Err(PgWireError::MessageTooLarge(length, max_message_bytes));
        }
    }
    // pgwire's decoders index into the buffer; a message whose lengths lie must become a
    // protocol error, not a panic that ends the task.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| PgWireFrontendMessage::decode(src, context))) {
        Ok(result) => result,
        Err(_) => {
            src.clear();
            Err(PgWireError::InvalidStartupMessage)
        }
    }
}

/// Feeds `bytes` to [`decode`] as a connection would (the phase advancing past SSL negotiation
/// and the startup packet as those arrive) until it needs more input or refuses it. The first
/// byte picks the starting phase, so fuzzing reaches regular messages directly. Returns how
/// many messages decoded. Used by the fuzz target and the corpus replay test.
pub fn decode_all(bytes: &[u8]) -> usize {
    let Some((&phase, rest)) = bytes.split_first() else { return 0 };
    let mut context = DecodeContext::default();
    if phase & 1 == 1 {
        context.awaiting_frontend_ssl = false;
        context.awaiting_frontend_startup = false;
    }
    let mut buffer = BytesMut::from(rest);
    let mut decoded = 0;
    while let Ok(Some(message)) = decode(&mut buffer, &context, 1 << 20) {
        decoded += 1;
        match message {
            PgWireFrontendMessage::SslNegotiation(SslNegotiationMetaMessage::None) => {
                context.awaiting_frontend_ssl = false;
            }
            PgWireFrontendMessage::Startup(_) => context.awaiting_frontend_startup = false,
            _ => {}
        }
    }
    decoded
}

#[cfg(test)]
mod tests {
    /// The committed fuzzing corpus replayed on every test run: CI's bounded smoke of the fuzz
    /// target (any crash the fuzzer ever found is kept there as a regression case).
    #[test]
    fn fuzz_corpus_replays_without_panics() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/frontend_messages");
        let mut files = 0;
        let mut decoded = 0;
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            decoded += super::decode_all(&std::fs::read(entry.unwrap().path()).unwrap());
            files += 1;
        }
        assert!(files >= 20, "the corpus has {files} inputs");
        assert!(decoded > 0, "nothing in the corpus decoded: the replay would prove nothing");
    }

    #[test]
    fn oversized_messages_are_refused_from_their_header() {
        let mut buffer = bytes::BytesMut::from(&b"Q\x7f\xff\xff\xffSELECT"[..]);
        let mut context = super::DecodeContext::default();
        context.awaiting_frontend_ssl = false;
        context.awaiting_frontend_startup = false;
        assert!(matches!(
            super::decode(&mut buffer, &context, 1024),
            Err(super::PgWireError::MessageTooLarge(0x7fff_ffff, 1024))
        ));
        assert!(buffer.is_empty());
    }
}
