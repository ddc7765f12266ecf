//! The authentication message exchanges on the wire: nothing for trust, Postgres' MD5 challenge,
//! and SCRAM-SHA-256 (RFC 5802/7677) with `tls-server-end-point` channel binding, driven by
//! pgwire's SCRAM state machine over packwire's own connection loop.

use pgwire::api::auth::sasl::scram::{ScramSecret, ScramServerAuth};
use pgwire::error::PgWireError;
use pgwire::messages::startup::{Authentication, PasswordMessageFamily};
use pgwire::messages::{PgWireBackendMessage, PgWireFrontendMessage};

use super::users::{User, Verifier};
use super::{FrontDoor, Method};
use crate::errors::{PgError, code};
use crate::tls::ClientStream;
use crate::wire::Wire;

const SCRAM: &str = "SCRAM-SHA-256";
const SCRAM_PLUS: &str = "SCRAM-SHA-256-PLUS";

impl FrontDoor {
    /// Authenticates `user` on `wire`; on success the caller sends AuthenticationOk.
    pub async fn authenticate(&self, wire: &mut Wire<ClientStream>, user: &str) -> Result<(), PgError> {
        let users = self.users();
        let known = users.as_ref().and_then(|users| users.get(user));
        match (self.method, known.map(|u| &u.verifier)) {
            (Method::Trust, _) if users.is_none() || known.is_some() => Ok(()),
            (Method::Trust, _) => {
                Err(PgError::fatal(code::INVALID_AUTHORIZATION, format!("role \"{user}\" does not exist")))
            }
            (Method::Md5, Some(Verifier::Md5(stored))) => self.md5(wire, user, stored).await,
            // An unknown user is challenged like the default (SCRAM) users, as Postgres does, so
            // the challenge does not tell who exists.
            (Method::Md5, None | Some(Verifier::Scram { .. })) | (Method::ScramSha256, _) => {
                self.scram(wire, user, known).await
            }
        }
    }

    /// Postgres' MD5 challenge against a stored `md5(password || user)` (hex).
    async fn md5(&self, wire: &mut Wire<ClientStream>, user: &str, stored: &str) -> Result<(), PgError> {
        let salt = random_bytes::<4>()?;
        wire.send(PgWireBackendMessage::Authentication(Authentication::MD5Password(salt.to_vec())));
        flush(wire).await?;
        let answer = match read(wire).await? {
            PgWireFrontendMessage::PasswordMessageFamily(message) => message.into_password().map_err(malformed)?,
            _ => return Err(malformed("expected a password message")),
        };
        let mut salted = stored.as_bytes().to_vec();
        salted.extend_from_slice(&salt);
        let expected = format!("md5{}", hex(&md5_digest(&salted)));
        if constant_time_eq(expected.as_bytes(), answer.password.as_bytes()) {
            Ok(())
        } else {
            Err(password_failed(user))
        }
    }

    async fn scram(&self, wire: &mut Wire<ClientStream>, user: &str, known: Option<&User>) -> Result<(), PgError> {
        let tls = wire.get_ref().is_tls();
        // On TLS with a usable certificate, channel binding is offered (and a client that could
        // bind but says the server cannot is refused as a downgrade, by pgwire's state machine).
        let (server, mechanisms): (&ScramServerAuth, Vec<String>) = match (&self.scram_tls, tls) {
            (Some(scram), true) => (scram, vec![SCRAM_PLUS.to_string(), SCRAM.to_string()]),
            _ => (&self.scram_plain, vec![SCRAM.to_string()]),
        };
        wire.send(PgWireBackendMessage::Authentication(Authentication::SASL(mechanisms.clone())));
        flush(wire).await?;
        let initial = match read(wire).await? {
            PgWireFrontendMessage::PasswordMessageFamily(PasswordMessageFamily::Raw(body)) => {
                crate::frame::check_sasl_initial_response(&body).map_err(malformed)?;
                PasswordMessageFamily::Raw(body).into_sasl_initial_response().map_err(malformed)?
            }
            _ => return Err(malformed("expected a SASLInitialResponse message")),
        };
        if !mechanisms.contains(&initial.auth_method) {
            return Err(malformed(format!("unsupported SASL mechanism \"{}\"", initial.auth_method)));
        }
        let client_first = initial.data.unwrap_or_default();
        // The mechanism and the GS2 channel-binding flag must agree (RFC 5802 §6).
        let binds = client_first.starts_with(b"p=");
        if binds != (initial.auth_method == SCRAM_PLUS) {
            return Err(malformed("the channel binding flag does not match the SASL mechanism"));
        }
        let secret = match known.map(|u| &u.verifier) {
            Some(Verifier::Scram { iterations, salt, stored_key, server_key }) => ScramSecret::Verifier {
                salt: salt.clone(),
                iterations: *iterations,
                stored_key: stored_key.clone(),
                server_key: server_key.clone(),
            },
            _ => ScramSecret::Verifier {
                salt: self.mock(b"salt", user)[..16].to_vec(),
                iterations: pgwire::api::auth::sasl::scram::SCRAM_ITERATIONS,
                stored_key: self.mock(b"stored", user),
                server_key: self.mock(b"server", user),
            },
        };
        let (server_first, waiting) =
            server.on_client_first_message_with_secret(&client_first, secret).map_err(|e| scram_error(e, user))?;
        wire.send(PgWireBackendMessage::Authentication(Authentication::SASLContinue(server_first.into_bytes().into())));
        flush(wire).await?;
        let response = match read(wire).await? {
            PgWireFrontendMessage::PasswordMessageFamily(message) => message.into_sasl_response().map_err(malformed)?,
            _ => return Err(malformed("expected a SASLResponse message")),
        };
        let server_final = waiting.on_client_final_message(&response.data).map_err(|e| scram_error(e, user))?;
        if !matches!(known.map(|u| &u.verifier), Some(Verifier::Scram { .. })) {
            return Err(password_failed(user));
        }
        wire.send(PgWireBackendMessage::Authentication(Authentication::SASLFinal(server_final.into_bytes().into())));
        Ok(())
    }

    /// Deterministic per-user bytes from the process secret: a mock verifier part.
    fn mock(&self, purpose: &[u8], user: &str) -> Vec<u8> {
        let mut context = ring::hmac::Context::with_key(&self.mock_key);
        context.update(purpose);
        context.update(&[0]);
        context.update(user.as_bytes());
        context.sign().as_ref().to_vec()
    }
}

async fn read(wire: &mut Wire<ClientStream>) -> Result<PgWireFrontendMessage, PgError> {
    wire.read()
        .await?
        .ok_or_else(|| PgError::fatal(code::CONNECTION_FAILURE, "the client went away during authentication"))
}

async fn flush(wire: &mut Wire<ClientStream>) -> Result<(), PgError> {
    wire.flush().await.map_err(|e| PgError::fatal(code::CONNECTION_FAILURE, e.to_string()))
}

fn password_failed(user: &str) -> PgError {
    PgError::fatal(code::INVALID_PASSWORD, format!("password authentication failed for user \"{user}\""))
}

fn malformed(error: impl std::fmt::Display) -> PgError {
    PgError::fatal(code::PROTOCOL_VIOLATION, format!("malformed authentication message: {error}"))
}

fn scram_error(error: PgWireError, user: &str) -> PgError {
    match error {
        PgWireError::InvalidPassword(_) => password_failed(user),
        other => malformed(other),
    }
}

fn random_bytes<const N: usize>() -> Result<[u8; N], PgError> {
    let mut bytes = [0u8; N];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes)
        .map_err(|_| PgError::fatal(code::INTERNAL_ERROR, "cannot draw random bytes"))?;
    Ok(bytes)
}

fn md5_digest(bytes: &[u8]) -> [u8; 16] {
    use md5::Digest;
    md5::Md5::digest(bytes).into()
}

/// Lower-case hex, as Postgres writes MD5 hashes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Postgres' stored MD5 verifier for a password: `md5` + hex(md5(password || user)).
pub fn md5_verifier(password: &str, user: &str) -> String {
    format!("md5{}", hex(&md5_digest(format!("{password}{user}").as_bytes())))
}

/// Compares without an early exit, so the time taken does not tell how much of a guess matched.
/// (ring's constant-time comparison is deprecated; this is the whole of it.)
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A `SCRAM-SHA-256$…` verifier for a new password (random salt, 4096 iterations, SASLprep).
pub fn scram_verifier(password: &str) -> String {
    postgres_protocol::password::scram_sha_256(password.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md5_verifier_matches_postgres() {
        // SELECT 'md5' || md5('secret' || 'alice') in Postgres.
        assert_eq!(md5_verifier("secret", "alice"), format!("md5{}", hex(&md5_digest(b"secretalice"))));
        assert_eq!(hex(&md5_digest(b"")), "d41d8cd98f00b204e9800998ecf8427e");
        assert!(
            constant_time_eq(b"abc", b"abc") && !constant_time_eq(b"abc", b"abd") && !constant_time_eq(b"a", b"ab")
        );
    }
}
