//! `build --encrypt`: the rendered site sealed for readers who know a password.
//!
//! One key per build is derived from `SALESPULSE_PASSWORD` by
//! PBKDF2-HMAC-SHA256 over a random salt; every page is encrypted with
//! AES-256-GCM under that key and a fresh random nonce, with the page's
//! path as associated data (so whoever hosts the pages cannot swap them:
//! a page opens only at its own address), and replaced by a
//! small shell (`templates/locked.html`) that carries the salt, the iteration
//! count, the nonce and the ciphertext. In the browser, `unlock.js` (the only
//! script of the site) asks for the password, derives the same key with
//! WebCrypto, opens the page, and keeps the key for the tab so the next page
//! opens without asking. What is published is an allowlist: the shells,
//! `style.css` and `unlock.js`; exports such as `data/` are left out.
//!
//! The cryptography is RustCrypto's (`aes-gcm`, `pbkdf2`, `sha2`); nothing
//! here is hand-written beyond putting the pieces in a documented format
//! (docs/encryption.md). Randomness is injected ([`Random`]) so that tests can
//! fix it; a build uses the operating system's ([`OsRandom`]).

use std::ffi::OsString;
use std::fmt;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::prelude::{BASE64_STANDARD, Engine as _};
use pbkdf2::{Algorithm, Params};
use serde::{Deserialize, Serialize};
use tera::Context;

use crate::content::Locale;
use crate::locale;
use crate::render::OutputFile;
use crate::render::templates::{Templates, error_text};

/// The only place the password comes from: never a flag, never a file.
pub const PASSWORD_VAR: &str = "SALESPULSE_PASSWORD";
/// PBKDF2-HMAC-SHA256 rounds: OWASP's recommendation for this PRF, which is
/// also the `pbkdf2` crate's `Params::RECOMMENDED` that [`SiteKey::derive`] uses.
pub const ITERATIONS: u32 = 600_000;
const _: () = assert!(Params::RECOMMENDED.rounds() == ITERATIONS);
pub const SALT_LEN: usize = 16;
/// The format of the sealed block: 2 binds each page to its path (1, the
/// first, did not).
pub const FORMAT: u32 = 2;
pub const NONCE_LEN: usize = 12;
/// Below this many characters `build` warns: the salt and iteration count
/// are public, so a short password falls to offline guessing.
pub const SHORT_PASSWORD: usize = 12;
/// The decryption script, published at the site root.
pub const SCRIPT_PATH: &str = "unlock.js";
const SCRIPT: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/unlock.js"));
/// The password page's styles, appended to `style.css` in encrypted builds
/// only, so that an unencrypted build's stylesheet stays as it was.
const LOCK_CSS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/locked.css"));
const SHELL_TEMPLATE: &str = "locked.html";

/// The password, as read from [`PASSWORD_VAR`]. Its `Debug` hides it, and
/// nothing in the program prints or writes it.
pub struct Password(String);

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<hidden>)")
    }
}

impl Password {
    /// Reads [`PASSWORD_VAR`]; unset, empty or untypeable is an error.
    pub fn from_env() -> Result<Self, PasswordError> {
        Self::from_var(std::env::var_os(PASSWORD_VAR))
    }

    /// The checks of [`Password::from_env`] on a given value, for tests.
    pub fn from_var(value: Option<OsString>) -> Result<Self, PasswordError> {
        let value = value.ok_or(PasswordError::Missing)?;
        let text = value.into_string().map_err(|_| PasswordError::NotUnicode)?;
        if text.is_empty() {
            return Err(PasswordError::Empty);
        }
        // A browser's password field cannot hold a line break: a secret
        // pasted with a trailing newline would lock everyone out.
        if text.chars().any(char::is_control) {
            return Err(PasswordError::ControlCharacter);
        }
        Ok(Self(text))
    }

    /// True when the password is shorter than [`SHORT_PASSWORD`] characters.
    pub fn is_short(&self) -> bool {
        self.0.chars().count() < SHORT_PASSWORD
    }
}

/// Why `--encrypt` has no password to work with.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error(
        "`--encrypt` takes the password from the environment variable {PASSWORD_VAR}, which is not set"
    )]
    Missing,
    #[error("the environment variable {PASSWORD_VAR} is empty; `--encrypt` needs a password")]
    Empty,
    #[error("the environment variable {PASSWORD_VAR} is not valid UTF-8")]
    NotUnicode,
    #[error(
        "the environment variable {PASSWORD_VAR} contains a line break or another control character, which cannot be typed into a password field"
    )]
    ControlCharacter,
}

/// Why an encrypted build did not come out.
#[derive(Debug, thiserror::Error)]
pub enum EncryptError {
    #[error("the operating system gave no random bytes: {0}")]
    Random(String),
    #[error("cannot render the password page for {path} with template {SHELL_TEMPLATE}: {message}")]
    Shell { path: String, message: String },
    #[error("AES-GCM could not encrypt {0}")]
    Cipher(String),
}

/// Where salts and nonces come from.
pub trait Random {
    fn fill(&mut self, bytes: &mut [u8]) -> Result<(), EncryptError>;
}

/// The operating system's randomness (`getrandom`): what a build uses.
pub struct OsRandom;

impl Random for OsRandom {
    fn fill(&mut self, bytes: &mut [u8]) -> Result<(), EncryptError> {
        getrandom::fill(bytes).map_err(|e| EncryptError::Random(e.to_string()))
    }
}

/// The key of one build: derived once, it opens every page of that build.
pub struct SiteKey {
    salt: [u8; SALT_LEN],
    cipher: Aes256Gcm,
}

impl SiteKey {
    /// PBKDF2-HMAC-SHA256 of the password over `salt`, [`ITERATIONS`] rounds,
    /// 32 bytes: an AES-256 key.
    pub fn derive(password: &Password, salt: [u8; SALT_LEN]) -> Self {
        Self {
            salt,
            cipher: Aes256Gcm::new(&Key::<Aes256Gcm>::from(derive_key(
                password.0.as_bytes(),
                &salt,
            ))),
        }
    }

    /// The key a reader derives for a sealed page: its salt, this password.
    /// `None` if the block is not of this format.
    pub fn for_sealed(password: &Password, sealed: &Sealed) -> Option<Self> {
        if sealed.v != FORMAT || sealed.iterations != ITERATIONS {
            return None;
        }
        let salt = BASE64_STANDARD.decode(&sealed.salt).ok()?.try_into().ok()?;
        Some(Self::derive(password, salt))
    }

    /// Encrypts the page at `path` (relative to the site root, as
    /// `team/anna/index.html`) under a fresh nonce from `random`, with the
    /// path as associated data.
    pub fn seal(
        &self,
        path: &str,
        plaintext: &[u8],
        random: &mut dyn Random,
    ) -> Result<Sealed, EncryptError> {
        let mut nonce = [0u8; NONCE_LEN];
        random.fill(&mut nonce)?;
        let payload = Payload {
            msg: plaintext,
            aad: path.as_bytes(),
        };
        let ciphertext = self
            .cipher
            .encrypt(&Nonce::from(nonce), payload)
            .map_err(|_| EncryptError::Cipher(path.to_string()))?;
        Ok(Sealed {
            v: FORMAT,
            kdf: "PBKDF2-HMAC-SHA256".into(),
            iterations: ITERATIONS,
            salt: BASE64_STANDARD.encode(self.salt),
            cipher: "AES-256-GCM".into(),
            nonce: BASE64_STANDARD.encode(nonce),
            ciphertext: BASE64_STANDARD.encode(ciphertext),
        })
    }

    /// Decrypts the sealed page found at `path`; `None` if it is not a page
    /// of this build sealed for that path (wrong key, tampered with, or
    /// moved from another address). The browser does the same in `unlock.js`.
    pub fn open(&self, sealed: &Sealed, path: &str) -> Option<Vec<u8>> {
        let nonce: [u8; NONCE_LEN] = BASE64_STANDARD
            .decode(&sealed.nonce)
            .ok()?
            .try_into()
            .ok()?;
        let ciphertext = BASE64_STANDARD.decode(&sealed.ciphertext).ok()?;
        let payload = Payload {
            msg: ciphertext.as_slice(),
            aad: path.as_bytes(),
        };
        self.cipher.decrypt(&Nonce::from(nonce), payload).ok()
    }
}

/// The raw 32-byte key, as WebCrypto's `deriveKey` makes it from the same inputs.
pub fn derive_key(password: &[u8], salt: &[u8]) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac_with_params(
        password,
        salt,
        Algorithm::Pbkdf2Sha256,
        Params::RECOMMENDED,
        &mut key,
    );
    key
}

/// What a shell carries, as the JSON of its `<script type="application/json"
/// id="sealed">` block: binary fields in standard base64, the GCM tag at the
/// end of `ciphertext` (as WebCrypto expects it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    /// Format version, for a reader of old builds.
    pub v: u32,
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub cipher: String,
    pub nonce: String,
    pub ciphertext: String,
}

impl Sealed {
    /// The sealed block of a shell page, if it has one.
    pub fn from_shell(html: &str) -> Option<Self> {
        let start = html.find(SEALED_OPEN)? + SEALED_OPEN.len();
        let end = start + html[start..].find("</script>")?;
        serde_json::from_str(&html[start..end]).ok()
    }
}

/// How the shell template opens its data block; [`Sealed::from_shell`] finds it by this.
const SEALED_OPEN: &str = "<script type=\"application/json\" id=\"sealed\">";

/// What `locked.html` sees besides the interface strings `t`.
#[derive(Serialize)]
struct ShellView<'a> {
    lang: &'static str,
    /// Relative prefix to the site root ("", "../", …), for `style.css` and `unlock.js`.
    root: String,
    /// The [`Sealed`] JSON; only base64 and digits, so safe between `<script>` tags.
    sealed: &'a str,
}

/// Seals a rendered site: each `.html` page becomes its shell, `style.css`
/// gains the password page's styles, `unlock.js` is added, and every other
/// file (exports such as `data/metrics.json`) is left out.
pub fn site(
    files: Vec<OutputFile>,
    templates: &Templates,
    locale: Locale,
    password: &Password,
    random: &mut dyn Random,
) -> Result<Vec<OutputFile>, EncryptError> {
    let mut salt = [0u8; SALT_LEN];
    random.fill(&mut salt)?;
    let key = SiteKey::derive(password, salt);
    seal_site(files, templates, locale, &key, random)
}

/// [`site`] with the key given: the part that does not depend on the password.
pub fn seal_site(
    files: Vec<OutputFile>,
    templates: &Templates,
    locale: Locale,
    key: &SiteKey,
    random: &mut dyn Random,
) -> Result<Vec<OutputFile>, EncryptError> {
    let strings = locale::words(locale);
    let lang = locale::lang(locale);
    let mut sealed_site = Vec::with_capacity(files.len() + 1);
    for file in files {
        if file.path.ends_with(".html") {
            let sealed = key.seal(&file.path, &file.bytes, random)?;
            let json = serde_json::to_string(&sealed).expect("a Sealed serialises");
            let mut context = Context::new();
            context.insert("t", &strings);
            context.insert(
                "lock",
                &ShellView {
                    lang,
                    root: "../".repeat(file.path.matches('/').count()),
                    sealed: &json,
                },
            );
            let html = templates
                .tera
                .render(SHELL_TEMPLATE, &context)
                .map_err(|e| EncryptError::Shell {
                    path: file.path.clone(),
                    message: error_text(&e),
                })?;
            sealed_site.push(OutputFile {
                path: file.path,
                bytes: html.into_bytes(),
            });
        } else if file.path == "style.css" {
            let mut bytes = file.bytes;
            bytes.extend_from_slice(LOCK_CSS.as_bytes());
            sealed_site.push(OutputFile {
                path: file.path,
                bytes,
            });
        }
        // Anything else carries content in the clear: left out.
    }
    sealed_site.push(OutputFile {
        path: SCRIPT_PATH.into(),
        bytes: SCRIPT.as_bytes().to_vec(),
    });
    sealed_site.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(sealed_site)
}

#[cfg(test)]
mod tests;
