//! Encryption round trips, tampering, and the page shell.

use super::*;

/// A fixed, non-repeating byte sequence in place of the OS's randomness.
struct Counter(u8);

impl Random for Counter {
    fn fill(&mut self, bytes: &mut [u8]) -> Result<(), EncryptError> {
        for b in bytes {
            self.0 = self.0.wrapping_add(1);
            *b = self.0;
        }
        Ok(())
    }
}

fn password(text: &str) -> Password {
    Password::from_var(Some(text.into())).unwrap()
}

fn templates() -> Templates {
    crate::render::templates::load(&Default::default())
        .0
        .expect("built-ins compile")
}

const PAGE: &str = "<!DOCTYPE html><html lang=\"en\"><head><title>Alice Archer</title>\
    <link rel=\"stylesheet\" href=\"../../style.css\"></head><body><p>$11,000 — Bob is behind</p>\
    <svg><title>Revenue</title></svg></body></html>";

fn site_files() -> Vec<OutputFile> {
    vec![
        OutputFile {
            path: "team/alice/index.html".into(),
            bytes: PAGE.as_bytes().to_vec(),
        },
        OutputFile {
            path: "index.html".into(),
            bytes: b"<p>dashboard</p>".to_vec(),
        },
        OutputFile {
            path: "style.css".into(),
            bytes: b"body{}\n".to_vec(),
        },
        OutputFile {
            path: "data/metrics.json".into(),
            bytes: b"{\"revenue\": 11000}".to_vec(),
        },
        OutputFile {
            path: "data/weekly.csv".into(),
            bytes: b"week,revenue\n".to_vec(),
        },
    ]
}

#[test]
fn the_password_must_be_set_non_empty_and_typeable() {
    assert_eq!(
        Password::from_var(None).unwrap_err(),
        PasswordError::Missing
    );
    assert_eq!(
        Password::from_var(Some("".into())).unwrap_err(),
        PasswordError::Empty
    );
    assert_eq!(
        Password::from_var(Some("secret\n".into())).unwrap_err(),
        PasswordError::ControlCharacter
    );
    assert!(password("short").is_short());
    assert!(!password("корректная лошадь").is_short());
    assert_eq!(format!("{:?}", password("hunter2")), "Password(<hidden>)");
}

#[test]
fn the_key_is_pbkdf2_hmac_sha256_with_600_000_rounds() {
    // The pbkdf2 crate's documented vector; Python's hashlib.pbkdf2_hmac gives the same.
    let key = derive_key(b"password", b"salt");
    let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        hex,
        "669cfe52482116fda1aa2cbe409b2f56c8e4563752b7a28f6eaab614ee005178"
    );
}

#[test]
fn a_sealed_page_decrypts_with_plain_aes_gcm_to_the_original() {
    let templates = templates();
    let out = site(
        site_files(),
        &templates,
        Locale::En,
        &password("correct horse battery staple"),
        &mut Counter(0),
    )
    .unwrap();
    let page = out
        .iter()
        .find(|f| f.path == "team/alice/index.html")
        .unwrap();
    let shell = String::from_utf8(page.bytes.clone()).unwrap();
    assert!(!shell.contains("Alice Archer") && !shell.contains("11,000"));
    assert!(shell.contains("src=\"../../unlock.js\""), "{shell}");
    assert!(shell.contains("href=\"../../style.css\""));
    let sealed = Sealed::from_shell(&shell).unwrap();
    // The salt was the first 16 bytes drawn, the page's nonce came after.
    let salt: Vec<u8> = (1..=16).collect();
    assert_eq!(BASE64_STANDARD.decode(&sealed.salt).unwrap(), salt);
    assert_eq!(sealed.iterations, ITERATIONS);
    // Decrypt with the crates directly, as an independent reader would:
    // the page's path is the associated data.
    let key = derive_key(b"correct horse battery staple", &salt);
    let nonce: [u8; NONCE_LEN] = BASE64_STANDARD
        .decode(&sealed.nonce)
        .unwrap()
        .try_into()
        .unwrap();
    let ciphertext = BASE64_STANDARD.decode(&sealed.ciphertext).unwrap();
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(key));
    let plain = cipher
        .decrypt(
            &Nonce::from(nonce),
            Payload {
                msg: &ciphertext,
                aad: b"team/alice/index.html",
            },
        )
        .unwrap();
    assert_eq!(plain, PAGE.as_bytes());
    assert_eq!(sealed.v, FORMAT);
    // Without it, or with another page's path, nothing opens.
    assert!(
        cipher
            .decrypt(&Nonce::from(nonce), ciphertext.as_slice())
            .is_err()
    );
}

#[test]
fn only_shells_the_stylesheet_and_the_script_are_published() {
    let templates = templates();
    let key = SiteKey::derive(&password("pw"), [7; SALT_LEN]);
    let out = seal_site(site_files(), &templates, Locale::Ru, &key, &mut Counter(0)).unwrap();
    let paths: Vec<&str> = out.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "index.html",
            "style.css",
            "team/alice/index.html",
            "unlock.js"
        ]
    );
    let css = String::from_utf8(out[1].bytes.clone()).unwrap();
    assert!(css.starts_with("body{}\n") && css.contains(".lock"));
    let shell = String::from_utf8(out[0].bytes.clone()).unwrap();
    assert!(shell.contains("<html lang=\"ru\">"));
    assert!(shell.contains("src=\"unlock.js\""));
    assert!(shell.contains("script-src 'self'"));
    assert!(shell.contains(locale::words(Locale::Ru).lock_wrong));
}

#[test]
fn nonces_differ_per_page_and_a_wrong_key_opens_nothing() {
    let templates = templates();
    let key = SiteKey::derive(&password("pw"), [7; SALT_LEN]);
    let out = seal_site(site_files(), &templates, Locale::En, &key, &mut Counter(0)).unwrap();
    let sealed: Vec<Sealed> = out
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| Sealed::from_shell(std::str::from_utf8(&f.bytes).unwrap()).unwrap())
        .collect();
    assert_ne!(sealed[0].nonce, sealed[1].nonce);
    assert_eq!(
        key.open(&sealed[0], "index.html").unwrap(),
        b"<p>dashboard</p>"
    );
    let other = SiteKey::derive(&password("Pw"), [7; SALT_LEN]);
    assert_eq!(other.open(&sealed[0], "index.html"), None);
}

#[test]
fn unlock_js_expects_the_format_and_iterations_written_here() {
    assert!(SCRIPT.contains(&format!("var FORMAT = {FORMAT};")));
    assert!(SCRIPT.contains(&format!("var MIN_ITERATIONS = {ITERATIONS};")));
    // It refuses a block asking for fewer rounds before deriving anything.
    let check = SCRIPT
        .find("!(sealed.iterations >= MIN_ITERATIONS)")
        .unwrap();
    assert!(check < SCRIPT.find("form.addEventListener(\"submit\"").unwrap());
    assert!(SCRIPT.contains("additionalData: new TextEncoder().encode(path)"));
}

#[test]
fn a_page_opens_only_at_its_own_path() {
    let templates = templates();
    let key = SiteKey::derive(&password("pw"), [7; SALT_LEN]);
    let out = seal_site(site_files(), &templates, Locale::En, &key, &mut Counter(0)).unwrap();
    let block = |path: &str| {
        let file = out.iter().find(|f| f.path == path).unwrap();
        Sealed::from_shell(std::str::from_utf8(&file.bytes).unwrap()).unwrap()
    };
    let (home, alice) = (block("index.html"), block("team/alice/index.html"));
    assert!(key.open(&alice, "team/alice/index.html").is_some());
    // Swapped by whoever hosts the pages: neither opens in the other's place.
    assert_eq!(key.open(&alice, "index.html"), None);
    assert_eq!(key.open(&home, "team/alice/index.html"), None);
    assert_eq!(key.open(&alice, "team/bob/index.html"), None);
}

#[test]
fn the_same_randomness_gives_the_same_bytes_and_other_randomness_other_bytes() {
    let templates = templates();
    let key = SiteKey::derive(&password("pw"), [7; SALT_LEN]);
    let build = |start| {
        seal_site(
            site_files(),
            &templates,
            Locale::En,
            &key,
            &mut Counter(start),
        )
        .unwrap()
    };
    assert_eq!(build(0), build(0));
    assert_ne!(build(0), build(100));
}
