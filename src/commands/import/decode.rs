//! The export's bytes as text: UTF-8 with or without a BOM, UTF-16 with a
//! BOM (Excel's "Unicode text"), otherwise Windows-1251 (what Russian
//! Excel saves as "CSV"), or the encoding the map file names.

use crate::problem::Csv;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1251};

/// The decoded text (a BOM dropped, CRLF made LF) and the encoding's name.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes `bytes`; `label` (from the map file) forces an encoding.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<Decoded, Csv> {
    let encoding = match label {
        Some(label) => {
            Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| Csv::UnknownEncoding {
                label: label.to_string(),
            })?
        }
        None => sniff(bytes),
    };
    // A BOM wins over the guess and over the label, as browsers do.
    let (text, used, malformed) = encoding.decode(bytes);
    if malformed {
        return Err(Csv::NotText {
            encoding: used.name(),
            named: label.is_some(),
        });
    }
    let mut text = text.into_owned();
    if text.contains('\r') {
        text = text.replace("\r\n", "\n");
    }
    Ok(Decoded {
        text,
        encoding: used.name(),
    })
}

/// UTF-8 (with or without BOM) and UTF-16 with a BOM are certain; any other
/// bytes that are not UTF-8 are taken as Windows-1251.
fn sniff(bytes: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1251
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_with_and_without_bom() {
        let plain = decode("Бюджет;ID\r\n1;2\r\n".as_bytes(), None).unwrap();
        assert_eq!(plain.text, "Бюджет;ID\n1;2\n");
        assert_eq!(plain.encoding, "UTF-8");
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("Бюджет".as_bytes());
        assert_eq!(decode(&with_bom, None).unwrap().text, "Бюджет");
    }

    #[test]
    fn takes_other_bytes_as_windows_1251() {
        let (bytes, _, _) = WINDOWS_1251.encode("Ответственный;Бюджет");
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.text, "Ответственный;Бюджет");
        assert_eq!(decoded.encoding, "windows-1251");
    }

    #[test]
    fn reads_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Сумма\t1".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes, None).unwrap().text, "Сумма\t1");
    }

    #[test]
    fn a_named_encoding_must_fit() {
        let message = |problem: Csv| crate::diagnostic::Diagnostic::error("x", problem).message();
        assert_eq!(
            message(decode(&[0xD1, 0x28], Some("utf-8")).unwrap_err()),
            "the file is not valid UTF-8 text (the encoding named in the map file)"
        );
        assert_eq!(
            message(decode(b"x", Some("klingon")).unwrap_err()),
            "unknown encoding `klingon` in the map file (try utf-8 or windows-1251)"
        );
    }
}
