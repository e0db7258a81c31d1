//! Who may call the interactions endpoint: Discord's Ed25519 signature over timestamp + body
//! (serenity's `interactions_endpoint::Verifier`), and a timestamp within [`MAX_SKEW`] of now, so
//! a recorded request cannot be replayed later.

use jiff::Timestamp;
use serenity::interactions_endpoint::Verifier;

/// How far a request's `X-Signature-Timestamp` may be from the bot's clock.
pub const MAX_SKEW_SECONDS: i64 = 5 * 60;

/// The environment variable holding the application's public key (hex, from the developer portal).
pub const PUBLIC_KEY_VAR: &str = "DISCORD_PUBLIC_KEY";

/// Why a request was refused (all answered 401; the reason goes to the log only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Rejected {
    #[error("no X-Signature-Ed25519 or X-Signature-Timestamp header")]
    MissingHeaders,
    #[error("the signature does not match the body")]
    BadSignature,
    #[error("the timestamp is not a number of seconds")]
    BadTimestamp,
    #[error("the timestamp is more than 5 minutes from now (a replay?)")]
    Stale,
}

/// The public key could not be used.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{PUBLIC_KEY_VAR} is not set: export it (the application's public key, hex, from the developer portal)")]
    Missing,
    #[error("{PUBLIC_KEY_VAR} must be 64 hex digits")]
    NotHex,
    #[error("{PUBLIC_KEY_VAR} is not a valid Ed25519 public key")]
    Invalid,
}

/// Checks requests against one application's public key.
#[derive(Clone)]
pub struct RequestVerifier(Verifier);

impl std::fmt::Debug for RequestVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RequestVerifier")
    }
}

impl RequestVerifier {
    /// From the key as the developer portal shows it (64 hex digits).
    pub fn from_hex(hex: &str) -> Result<RequestVerifier, KeyError> {
        let hex = hex.trim();
        if hex.len() != 64 || !hex.is_ascii() {
            return Err(KeyError::NotHex);
        }
        let mut key = [0u8; 32];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).map_err(|_| KeyError::NotHex)?;
        }
        Verifier::try_new(key)
            .map(RequestVerifier)
            .map_err(|_| KeyError::Invalid)
    }

    /// From [`PUBLIC_KEY_VAR`].
    pub fn from_env() -> Result<RequestVerifier, KeyError> {
        let hex = std::env::var(PUBLIC_KEY_VAR).map_err(|_| KeyError::Missing)?;
        RequestVerifier::from_hex(&hex)
    }

    /// Whether a request with these headers and body is Discord's, sent within
    /// [`MAX_SKEW_SECONDS`] of `now`.
    pub fn check(
        &self,
        signature: Option<&str>,
        timestamp: Option<&str>,
        body: &[u8],
        now: Timestamp,
    ) -> Result<(), Rejected> {
        let (Some(signature), Some(timestamp)) = (signature, timestamp) else {
            return Err(Rejected::MissingHeaders);
        };
        self.0
            .verify(signature, timestamp, body)
            .map_err(|()| Rejected::BadSignature)?;
        let sent: i64 = timestamp.parse().map_err(|_| Rejected::BadTimestamp)?;
        if (now.as_second() - sent).abs() > MAX_SKEW_SECONDS {
            return Err(Rejected::Stale);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 8032, section 7.1, test 2: a one-byte message.
    const PUBLIC: &str = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    const SIGNATURE: &str = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da\
                             085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(seconds).unwrap()
    }

    /// The RFC's message is the single byte 0x72 ("r"): split as timestamp "" + body "r" it
    /// cannot carry a timestamp, so the signature is checked on its own first.
    #[test]
    fn the_rfc_vector_verifies_and_a_changed_byte_does_not() {
        let verifier = RequestVerifier::from_hex(PUBLIC).unwrap();
        assert!(verifier.0.verify(SIGNATURE, "", b"r").is_ok());
        assert!(verifier.0.verify(SIGNATURE, "", b"s").is_err());
        assert_eq!(
            verifier.check(Some(SIGNATURE), Some(""), b"s", at(0)),
            Err(Rejected::BadSignature)
        );
        assert_eq!(
            verifier.check(Some(SIGNATURE), Some(""), b"r", at(0)),
            Err(Rejected::BadTimestamp)
        );
    }

    #[test]
    fn missing_headers_and_bad_keys_are_refused() {
        let verifier = RequestVerifier::from_hex(PUBLIC).unwrap();
        assert_eq!(
            verifier.check(None, Some("1"), b"{}", at(1)),
            Err(Rejected::MissingHeaders)
        );
        assert_eq!(
            verifier.check(Some(SIGNATURE), None, b"{}", at(1)),
            Err(Rejected::MissingHeaders)
        );
        assert_eq!(
            verifier.check(Some("zz"), Some("1"), b"{}", at(1)),
            Err(Rejected::BadSignature)
        );
        assert!(matches!(
            RequestVerifier::from_hex("abc"),
            Err(KeyError::NotHex)
        ));
        assert!(matches!(
            RequestVerifier::from_hex(&"zz".repeat(32)),
            Err(KeyError::NotHex)
        ));
        assert!(matches!(
            RequestVerifier::from_hex(&"é".repeat(32)),
            Err(KeyError::NotHex)
        ));
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// A request signed as Discord signs it: over the timestamp's digits followed by the body.
    #[test]
    fn a_signed_request_passes_within_five_minutes_and_is_stale_after() {
        use ed25519_dalek::{Signer, SigningKey};
        let key = SigningKey::from_bytes(&[7; 32]);
        let verifier = RequestVerifier::from_hex(&hex(key.verifying_key().as_bytes())).unwrap();
        let (sent, body) = (1_800_000_000_i64, br#"{"type":1}"#);
        let signed = [sent.to_string().as_bytes(), body].concat();
        let signature = hex(&key.sign(&signed).to_bytes());
        let ts = sent.to_string();
        let check =
            |body: &[u8], now: i64| verifier.check(Some(&signature), Some(&ts), body, at(now));
        assert_eq!(check(body, sent), Ok(()));
        assert_eq!(check(body, sent + MAX_SKEW_SECONDS), Ok(()));
        assert_eq!(
            check(body, sent - MAX_SKEW_SECONDS),
            Ok(()),
            "a clock a little behind"
        );
        assert_eq!(
            check(body, sent + MAX_SKEW_SECONDS + 1),
            Err(Rejected::Stale)
        );
        assert_eq!(
            check(body, sent - MAX_SKEW_SECONDS - 1),
            Err(Rejected::Stale)
        );
        assert_eq!(check(br#"{"type":2}"#, sent), Err(Rejected::BadSignature));
        let other_time = (sent + 1).to_string();
        assert_eq!(
            verifier.check(Some(&signature), Some(&other_time), body, at(sent)),
            Err(Rejected::BadSignature),
            "the timestamp is signed too"
        );
    }
}
