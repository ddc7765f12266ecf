//! Decoding one client message from the connection's read buffer, so that no byte sequence can
//! panic a session or make it buffer without bound. Self-contained (pgwire and bytes only): the
//! fuzz target (`fuzz/fuzz_targets/frontend_messages.rs`) compiles this file on its own.

use bytes::BytesMut;
use pgwire::error::PgWireError;
use pgwire::messages::startup::PasswordMessageFamily;
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
            return Err(PgWireError::MessageTooLarge(max_message_bytes, length));
        }
        if length < 4 {
            src.clear();
            return Err(PgWireError::ApiError("a message length below 4".into()));
        }
        if src.len() > length
            && let Err(reason) = check_body(src[0], &src[5..=length])
        {
            src.clear();
            return Err(PgWireError::ApiError(reason.into()));
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

/// Checks the layout of a regular message's body before pgwire decodes it. pgwire 0.42's
/// decoders assume well-formed input and index past the end of short or lying messages (the
/// fuzzer found Bind, Parse, Execute, CopyData and password messages that panic); the panic is
/// caught above, but a message is better refused for what it is. Hand-written because no crate
/// validates Postgres frontend messages without also decoding them.
fn check_body(kind: u8, body: &[u8]) -> Result<(), &'static str> {
    let mut reader = Reader(body);
    match kind {
        b'Q' | b'f' => reader.cstr()?,
        b'P' => {
            reader.cstr()?;
            reader.cstr()?;
            let types = reader.count()?;
            reader.skip(types * 4)?;
        }
        b'B' => {
            reader.cstr()?;
            reader.cstr()?;
            let formats = reader.count()?;
            reader.skip(formats * 2)?;
            for _ in 0..reader.count()? {
                let length = reader.i32()?;
                if length < -1 {
                    return Err("negative parameter length");
                }
                reader.skip(length.max(0) as usize)?;
            }
            let results = reader.count()?;
            reader.skip(results * 2)?;
        }
        b'D' | b'C' => {
            reader.skip(1)?;
            reader.cstr()?;
        }
        b'E' => {
            reader.cstr()?;
            reader.i32()?;
        }
        b'S' | b'H' | b'X' | b'c' => {}
        // CopyData, password and SASL messages are free-form here (the SASL layouts are
        // checked where they are read, in `auth::exchange`).
        _ => return Ok(()),
    }
    if reader.0.is_empty() { Ok(()) } else { Err("trailing bytes after the message") }
}

/// The SASLInitialResponse layout (mechanism, then a length-prefixed or absent initial
/// response), checked before pgwire's decoder reads it.
pub fn check_sasl_initial_response(body: &[u8]) -> Result<(), &'static str> {
    let mut reader = Reader(body);
    reader.cstr()?;
    let length = reader.i32()?;
    if length < -1 {
        return Err("negative SASL data length");
    }
    reader.skip(length.max(0) as usize)?;
    if reader.0.is_empty() { Ok(()) } else { Err("trailing bytes after the message") }
}

/// A cursor over a message body that never reads past its end.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn skip(&mut self, n: usize) -> Result<(), &'static str> {
        if n > self.0.len() {
            return Err("message shorter than its contents say");
        }
        self.0 = &self.0[n..];
        Ok(())
    }

    fn cstr(&mut self) -> Result<(), &'static str> {
        let end = self.0.iter().position(|b| *b == 0).ok_or("unterminated string")?;
        self.skip(end + 1)
    }

    fn i32(&mut self) -> Result<i32, &'static str> {
        let bytes: [u8; 4] = self.0.get(..4).and_then(|b| b.try_into().ok()).ok_or("message too short")?;
        self.skip(4)?;
        Ok(i32::from_be_bytes(bytes))
    }

    /// A non-negative Int16 count.
    fn count(&mut self) -> Result<usize, &'static str> {
        let bytes: [u8; 2] = self.0.get(..2).and_then(|b| b.try_into().ok()).ok_or("message too short")?;
        self.skip(2)?;
        usize::try_from(i16::from_be_bytes(bytes)).map_err(|_| "negative count")
    }
}

/// Feeds `bytes` to [`decode`] as a connection would (the phase advancing past SSL negotiation
/// and the startup packet as those arrive) until it needs more input or refuses it. The first
/// byte picks the starting phase, so fuzzing reaches regular messages directly. A password-family
/// message also goes through the SASLInitialResponse path authentication takes. Returns how
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
            PgWireFrontendMessage::PasswordMessageFamily(PasswordMessageFamily::Raw(body))
                if check_sasl_initial_response(&body).is_ok() =>
            {
                let _ = PasswordMessageFamily::Raw(body).into_sasl_initial_response();
            }
            _ => {}
        }
    }
    decoded
}

#[cfg(test)]
mod tests {
    /// The committed corpus and regressions (every crash or timeout the fuzzer ever found),
    /// replayed, then 20,000 seeded mutants of them: CI's bounded smoke of the fuzz target.
    #[test]
    fn fuzz_corpus_and_mutants_decode_without_panics() {
        // Even a panic that `decode` catches counts: every malformed message must be refused by
        // the layout check, not by pgwire's decoder panicking.
        thread_local!(static PANICKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICKED.with(|p| p.set(true));
            previous(info);
        }));
        let fuzz = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
        let dirs = [fuzz.join("corpus/frontend_messages"), fuzz.join("regressions/frontend_messages")];
        let seeds: Vec<Vec<u8>> = dirs
            .iter()
            .flat_map(|dir| std::fs::read_dir(dir).unwrap())
            .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
            .collect();
        assert!(seeds.len() >= 20, "the corpus has {} inputs", seeds.len());
        let mut decoded = 0;
        let mut panicked = Vec::new();
        for input in seeds.iter().cloned().chain(rewrite::fuzzing::mutants(&seeds, 20_000, 0x5eed)) {
            PANICKED.with(|p| p.set(false));
            decoded += super::decode_all(&input);
            if PANICKED.with(|p| p.get()) {
                panicked.push(input);
            }
        }
        assert!(decoded > seeds.len(), "hardly anything decoded: the smoke would prove nothing");
        assert!(panicked.is_empty(), "pgwire's decoder panicked on: {panicked:?}");
    }

    #[test]
    fn oversized_messages_are_refused_from_their_header() {
        let mut buffer = bytes::BytesMut::from(&b"Q\x7f\xff\xff\xffSELECT"[..]);
        let mut context = super::DecodeContext::default();
        context.awaiting_frontend_ssl = false;
        context.awaiting_frontend_startup = false;
        assert!(matches!(
            super::decode(&mut buffer, &context, 1024),
            Err(super::PgWireError::MessageTooLarge(1024, 0x7fff_ffff))
        ));
        assert!(buffer.is_empty());
    }
}
