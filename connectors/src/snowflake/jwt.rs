//! Key-pair authentication: the JWT Snowflake accepts in place of a password. It is signed
//! (RS256) with the user's RSA private key and names the key by the SHA-256 fingerprint of its
//! public half, as registered with `ALTER USER … SET RSA_PUBLIC_KEY`.
//!
//! Signing is `jsonwebtoken`'s (on ring). The fingerprint needs the public key as DER
//! `SubjectPublicKeyInfo`; ring gives the bare PKCS#1 key, so [`spki_der`] wraps it — a fixed
//! prefix and two length fields, which is smaller than a second crypto library.

use base64::Engine;
use ring::signature::KeyPair;
use serde::Serialize;

/// How long a token is valid; Snowflake accepts at most an hour.
const LIFETIME_SECS: u64 = 59 * 60;

/// A private key ready to sign login tokens for one user of one account.
pub struct KeyPairAuth {
    key: jsonwebtoken::EncodingKey,
    /// `ACCOUNT.USER`, upper case (the `sub` claim).
    subject: String,
    /// `SHA256:` and the base64 fingerprint of the public key.
    fingerprint: String,
}

#[derive(Serialize)]
struct Claims<'a> {
    iss: &'a str,
    sub: &'a str,
    iat: u64,
    exp: u64,
}

impl KeyPairAuth {
    /// Reads an unencrypted PKCS#8 PEM private key for `user` of `account`. The error never
    /// contains key material.
    pub fn new(pem: &str, account: &str, user: &str) -> Result<KeyPairAuth, String> {
        let der = match rustls_pemfile::private_key(&mut pem.as_bytes()) {
            Ok(Some(rustls::pki_types::PrivateKeyDer::Pkcs8(der))) => der,
            Ok(Some(_)) => return Err("the private key must be PKCS#8 (BEGIN PRIVATE KEY)".into()),
            _ => return Err("the private key is not a PEM private key (encrypted keys are not supported)".into()),
        };
        let pair = ring::signature::RsaKeyPair::from_pkcs8(der.secret_pkcs8_der())
            .map_err(|_| "the private key is not an RSA key".to_string())?;
        let digest = ring::digest::digest(&ring::digest::SHA256, &spki_der(pair.public_key().as_ref()));
        let fingerprint = format!("SHA256:{}", base64::engine::general_purpose::STANDARD.encode(digest.as_ref()));
        let key = jsonwebtoken::EncodingKey::from_rsa_pem(pem.as_bytes())
            .map_err(|_| "the private key cannot sign RS256 tokens".to_string())?;
        Ok(KeyPairAuth { key, subject: format!("{}.{}", account_locator(account), user.to_uppercase()), fingerprint })
    }

    /// A token valid from `now` (seconds since the epoch) for [`LIFETIME_SECS`].
    pub fn token(&self, now: u64) -> Result<String, String> {
        let issuer = format!("{}.{}", self.subject, self.fingerprint);
        let claims = Claims { iss: &issuer, sub: &self.subject, iat: now, exp: now + LIFETIME_SECS };
        jsonwebtoken::encode(&jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256), &claims, &self.key)
            .map_err(|e| format!("signing the login token failed: {e}"))
    }
}

/// The account part of the claims: upper case, without the region or cloud suffix
/// (`xy12345.eu-west-1.aws` → `XY12345`).
pub fn account_locator(account: &str) -> String {
    account.split('.').next().unwrap_or(account).to_uppercase()
}

/// DER `SubjectPublicKeyInfo` of an RSA public key given as PKCS#1 `RSAPublicKey` DER.
fn spki_der(pkcs1: &[u8]) -> Vec<u8> {
    // AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }
    const RSA_ALGORITHM: &[u8] =
        &[0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
    let mut bit_string = vec![0x00]; // no unused bits
    bit_string.extend_from_slice(pkcs1);
    let mut body = RSA_ALGORITHM.to_vec();
    push_tlv(&mut body, 0x03, &bit_string);
    let mut out = Vec::with_capacity(body.len() + 4);
    push_tlv(&mut out, 0x30, &body);
    out
}

/// Appends a DER tag, its definite length and the content.
fn push_tlv(out: &mut Vec<u8>, tag: u8, content: &[u8]) {
    out.push(tag);
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len.to_be_bytes().into_iter().skip_while(|b| *b == 0).collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend_from_slice(&bytes);
    }
    out.extend_from_slice(content);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key made for this test with `openssl genpkey -algorithm RSA`; its fingerprint below
    /// was computed by openssl (`openssl pkey -pubout -outform DER | openssl dgst -sha256`).
    const KEY: &str = include_str!("test_key.p8");
    const OPENSSL_FINGERPRINT: &str = "SHA256:oIiH9HFdybTia+jvqtteZwOgu8NEuj1h34NsA1sXidg=";

    #[test]
    fn fingerprint_matches_openssl() {
        let auth = KeyPairAuth::new(KEY, "xy12345.eu-west-1", "app_user").unwrap();
        assert_eq!(auth.fingerprint, OPENSSL_FINGERPRINT);
        assert_eq!(auth.subject, "XY12345.APP_USER");
    }

    #[test]
    fn token_has_snowflakes_claims_and_a_valid_signature() {
        let auth = KeyPairAuth::new(KEY, "xy12345", "app").unwrap();
        let token = auth.token(1_700_000_000).unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let decode = |part: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(part).unwrap();
        let header: serde_json::Value = serde_json::from_slice(&decode(parts[0])).unwrap();
        assert_eq!(header["alg"], "RS256");
        let claims: serde_json::Value = serde_json::from_slice(&decode(parts[1])).unwrap();
        assert_eq!(claims["iss"], format!("XY12345.APP.{OPENSSL_FINGERPRINT}"));
        assert_eq!(claims["sub"], "XY12345.APP");
        assert_eq!(claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap(), LIFETIME_SECS);
        // The signature verifies with the public key, and not once the claims are changed.
        let der = match rustls_pemfile::private_key(&mut KEY.as_bytes()).unwrap().unwrap() {
            rustls::pki_types::PrivateKeyDer::Pkcs8(der) => der,
            _ => unreachable!(),
        };
        let pair = ring::signature::RsaKeyPair::from_pkcs8(der.secret_pkcs8_der()).unwrap();
        let public = ring::signature::UnparsedPublicKey::new(
            &ring::signature::RSA_PKCS1_2048_8192_SHA256,
            pair.public_key().as_ref().to_vec(),
        );
        let signed = format!("{}.{}", parts[0], parts[1]);
        assert!(public.verify(signed.as_bytes(), &decode(parts[2])).is_ok());
        let forged = format!("{}.{}", parts[0], parts[0]);
        assert!(public.verify(forged.as_bytes(), &decode(parts[2])).is_err());
    }

    #[test]
    fn other_keys_are_refused_without_echoing_them() {
        let err = KeyPairAuth::new("not a key", "a", "u").err().unwrap();
        assert!(err.contains("not a PEM private key"));
        let ec = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";
        assert!(!KeyPairAuth::new(ec, "a", "u").err().unwrap().contains("MIG"));
    }
}
