//! Turning a file's bytes into text: BOMs, UTF-16, invalid UTF-8, binary data.

/// The outcome of decoding one file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Text, with the warnings met on the way (lossy decoding).
    Text(String, Vec<String>),
    /// The bytes are not text (NUL bytes, mostly control characters).
    Binary,
}

/// Decodes bytes as UTF-8 (with or without BOM) or UTF-16 (with BOM); invalid UTF-8
/// sequences become U+FFFD with a warning; `\r\n` and lone `\r` become `\n`.
pub fn decode(bytes: &[u8]) -> Decoded {
    decode_owned(bytes.to_vec())
}

/// [`decode`], reusing the buffer of valid UTF-8 for the text instead of copying it.
pub fn decode_owned(mut bytes: Vec<u8>) -> Decoded {
    let mut warnings = Vec::new();
    let text = if bytes.starts_with(&[0xef, 0xbb, 0xbf]) {
        bytes.drain(..3);
        utf8_lossy(bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        utf16(rest, u16::from_be_bytes, &mut warnings)
    } else {
        if looks_binary(&bytes) {
            return Decoded::Binary;
        }
        utf8_lossy(bytes, &mut warnings)
    };
    Decoded::Text(normalize_newlines(text), warnings)
}

/// Binary data: NUL bytes, or a high share of control bytes, in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    // Written without branches, and counted in bytes over runs of 255, so that the
    // compiler counts sixteen bytes or more per instruction.
    let control = |b: u8| u8::from((b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0c) & (b != 0x1b));
    let controls: usize = head.chunks(255).map(|run| usize::from(run.iter().fold(0u8, |n, &b| n + control(b)))).sum();
    !head.is_empty() && controls * 10 > head.len()
}

fn utf8_lossy(bytes: Vec<u8>, warnings: &mut Vec<String>) -> String {
    // Checked sixteen or more bytes at a time: the standard check leaves its fast path
    // at every accented letter, and took a few percent of the analysis of a French corpus.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `bytes` was just checked to be valid UTF-8.
        return unsafe { String::from_utf8_unchecked(bytes) };
    }
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let s = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let bad = s.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
            warnings.push(format!("invalid UTF-8: {bad} byte sequence(s) replaced"));
            s
        }
    }
}

fn utf16(bytes: &[u8], to_u16: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    let units = bytes.chunks_exact(2).map(|c| to_u16([c[0], c[1]]));
    let mut bad = 0usize;
    let s: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bad > 0 || bytes.len() % 2 == 1 {
        warnings.push(format!("invalid UTF-16: {bad} unit(s) replaced"));
    }
    s
}

fn normalize_newlines(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(d: Decoded) -> (String, Vec<String>) {
        match d {
            Decoded::Text(t, w) => (t, w),
            Decoded::Binary => panic!("decoded as binary"),
        }
    }

    #[test]
    fn utf8_bom_and_crlf() {
        let (t, w) = text(decode(b"\xef\xbb\xbfTitre\r\nCorps\r\n"));
        assert_eq!(t, "Titre\nCorps\n");
        assert!(w.is_empty());
    }

    #[test]
    fn invalid_utf8_is_lossy_with_warning() {
        let (t, w) = text(decode(b"caf\xe9 noir"));
        assert_eq!(t, "caf\u{fffd} noir");
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn fast_utf8_check_agrees_with_the_standard_one() {
        let pieces: &[&[u8]] = &[b"\xc3", b"\xa9", b"\xe2\x80", b"\x99", b"\xf0\x9f\x98\x80", b"\xed\xa0\x80", b"\xc0\xaf", b"\xff", b"\x80"];
        let filler: &[&[u8]] = &[b"abcdefghijklmnopqrstuvwxyz ", "été à Paris ".as_bytes(), b"\n"];
        for bytes in crate::clean::random_bytes(3000, 6, pieces, 3, filler) {
            let expected = String::from_utf8_lossy(&bytes).into_owned();
            let mut warnings = Vec::new();
            assert_eq!(utf8_lossy(bytes.clone(), &mut warnings), expected, "{bytes:?}");
            assert_eq!(warnings.is_empty(), std::str::from_utf8(&bytes).is_ok());
        }
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Été à Paris".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(text(decode(&bytes)).0, "Été à Paris");
    }

    #[test]
    fn control_bytes_are_counted_as_first_written() {
        let first_written = |head: &[u8]| {
            let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
            head.contains(&0) || !head.is_empty() && controls * 10 > head.len()
        };
        for b in 0..=255u8 {
            for len in [1, 9, 10, 11, 100] {
                let mut head = vec![b'a'; len];
                head[len / 2] = b;
                assert_eq!(looks_binary(&head), first_written(&head), "{b:#x} in {len}");
                let all = vec![b; len];
                assert_eq!(looks_binary(&all), first_written(&all), "{b:#x} x {len}");
            }
        }
    }

    #[test]
    fn binary_is_detected() {
        assert_eq!(decode(b"\x7fELF\x02\x01\x01\x00\x00\x00"), Decoded::Binary);
        assert_eq!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, 65, 66]), Decoded::Binary);
    }
}
