//! Removal of everything in a scraped text that could act on a terminal or hide text.
//!
//! Every string that reaches the screen or the export passes through [`sanitize`]:
//! a hostile file must not be able to move the cursor, set the window title, write the
//! clipboard (OSC 52), plant hyperlinks (OSC 8) or reorder text with bidi overrides.

/// Returns `text` without terminal escape sequences, C0/C1 control characters (other
/// than newline and tab; tab becomes a space), bidi embeddings/overrides/isolates and
/// invisible zero-width characters.
///
/// ```
/// use vigie::sanitize::sanitize;
/// assert_eq!(sanitize("a \u{1b}[31mred\u{1b}[0m word\u{202e}"), "a red word");
/// assert_eq!(sanitize("link: \u{1b}]8;;http://x\u{7}text\u{1b}]8;;\u{7}"), "link: text");
/// ```
pub fn sanitize(text: &str) -> String {
    sanitize_cow(text).into_owned()
}

/// [`sanitize`], without a copy of `text` when nothing in it needs work (most texts).
pub(crate) fn sanitize_cow(text: &str) -> Cow<'_, str> {
    if !any_needs_work(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(sanitize_all(text))
}

/// [`sanitize`] of a text that needs work.
fn sanitize_all(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                if skip_escape(&mut chars) {
                    out.push('\n');
                }
            }
            // 8-bit CSI, OSC, DCS, SOS, PM, APC: the same sequences without ESC.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                if skip_string(&mut chars) {
                    out.push('\n');
                }
            }
            '\t' => out.push(' '),
            '\n' => out.push('\n'),
            c if is_removed(c) => {}
            c => out.push(c),
        }
    }
    out
}

use std::borrow::Cow;

/// Whether any character of `text` is one that [`sanitize`] changes.
///
/// Equivalent to `text.chars().any(needs_work)`, but reads bytes: an ASCII byte needs
/// work only if it is a control other than newline, and the other characters that
/// need work all start with one of four lead bytes (C2 for C1 controls, D8 for the
/// Arabic letter mark, E2 for the zero-width and bidi marks, EF for BOM and the
/// interlinear annotations). Only characters with those leads are decoded.
fn any_needs_work(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = find_suspect(&bytes[from..]) {
        let at = from + found;
        let needs = match bytes[at] {
            b if b < 0x80 => true,
            // General punctuation (`’`, dashes, quotes: every few words of French), told
            // from its bytes.
            0xe2 => removed_after_e2(bytes[at + 1], bytes[at + 2]),
            _ => text[at..].chars().next().is_some_and(needs_work),
        };
        if needs {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Whether the character of three bytes `E2 second third` (U+2000 to U+2FFF) is one
/// that [`sanitize`] removes: the zero-width and bidi marks.
fn removed_after_e2(second: u8, third: u8) -> bool {
    matches!((second, third), (0x80, 0x8b..=0x8f | 0xaa..=0xae) | (0x81, 0xa0..=0xa4 | 0xa6..=0xa9))
}

/// The index of the first byte of `bytes` that is [`SUSPECT`]. Eight bytes of printable
/// ASCII (most of a text) are passed over at once.
fn find_suspect(bytes: &[u8]) -> Option<usize> {
    use crate::swar::{ascii_in, not};
    crate::swar::find(bytes, 0, |x| not(ascii_in(x, 0x20, 0x7f)), |at| SUSPECT[usize::from(bytes[at])])
}

/// The bytes [`any_needs_work`] stops at: ASCII controls but newline, and four lead bytes.
static SUSPECT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != b'\n' as usize;
        b += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xd8] = true;
    t[0xe2] = true;
    t[0xef] = true;
    t
};

fn needs_work(c: char) -> bool {
    c == '\t' || (c != '\n' && is_removed(c))
}

/// Characters dropped outright.
fn is_removed(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}'..='\u{200f}' // zero-width space, non-joiner, joiner, LRM, RLM
            | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{061c}' // Arabic letter mark
            | '\u{feff}' // BOM / zero-width no-break space
            | '\u{fff9}'..='\u{fffb}' // interlinear annotations
        )
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After an ESC: consume the rest of the sequence, whatever its type. Returns true
/// when a line end cut the sequence short (the line end is kept).
fn skip_escape(chars: &mut Chars) -> bool {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        // OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (ESC \).
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            return skip_string(chars);
        }
        // Intermediate bytes then one final byte (e.g. ESC ( B).
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            for c in chars.by_ref() {
                if !('\u{20}'..='\u{2f}').contains(&c) {
                    break;
                }
            }
        }
        // Two-character sequence (ESC c, ESC 7 ...).
        Some(c) if ('\u{30}'..='\u{7e}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
    false
}

/// Control sequence: parameter and intermediate bytes, then one final byte.
fn skip_csi(chars: &mut Chars) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) || !('\u{20}'..='\u{3f}').contains(&c) {
            break;
        }
    }
}

/// A control string, ended by BEL, ST (ESC \ or U+009C), or a line end (so a broken
/// sequence cannot swallow the whole file).
fn skip_string(chars: &mut Chars) -> bool {
    while let Some(c) = chars.next() {
        match c {
            '\n' => return true,
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                    break;
                }
                // An ESC that is not ST aborts the string and starts a new sequence, as
                // terminals read it: that sequence must go too, not be left as text. A
                // new string is skipped by this loop rather than by recursion, so that a
                // file of "ESC ] ESC ] ..." cannot exhaust the stack.
                if matches!(chars.peek(), Some(']' | 'P' | 'X' | '^' | '_')) {
                    chars.next();
                    continue;
                }
                return skip_escape(chars);
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn plain_text_is_unchanged() {
        assert_eq!(sanitize("Le président a déclaré.\nSecond"), "Le président a déclaré.\nSecond");
    }

    #[test]
    fn csi_and_osc_sequences_are_removed() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize("x\u{1b}]8;;http://evil\u{7}link\u{1b}]8;;\u{7}y"), "xlinky");
        assert_eq!(sanitize("x\u{1b}]52;c;SGVsbG8=\u{1b}\\y"), "xy");
        assert_eq!(sanitize("x\u{9b}2Jy"), "xy");
    }

    #[test]
    fn controls_bidi_and_invisibles_are_removed() {
        assert_eq!(sanitize("a\u{0}b\u{7}c\u{85}d"), "abcd");
        assert_eq!(sanitize("abc\u{202e}fed\u{2066}x\u{2069}"), "abcfedx");
        assert_eq!(sanitize("hid\u{200b}den\u{200d}"), "hidden");
        assert_eq!(sanitize("a\tb"), "a b");
    }

    #[test]
    fn an_escape_inside_a_string_starts_a_new_sequence() {
        assert_eq!(sanitize("a\u{1b}]0;one\u{1b}]0;two\nb"), "a\nb");
        assert_eq!(sanitize("a\u{1b}]0;t\u{1b}[31mb"), "ab");
        assert_eq!(sanitize(&format!("a{}\nb", "\u{1b}]".repeat(1_000_000))), "a\nb");
    }

    #[test]
    fn the_byte_scan_finds_every_character_to_remove() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let text = format!("ab{c}é");
            assert_eq!(super::any_needs_work(&text), text.chars().any(super::needs_work), "{c:?}");
        }
    }

    #[test]
    fn suspect_bytes_are_found_eight_at_a_time_as_one_by_one() {
        for len in 0..20 {
            for b in 0..=255u8 {
                for at in 0..len {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    let one_by_one = |bytes: &[u8]| bytes.iter().position(|&b| super::SUSPECT[b as usize]);
                    assert_eq!(super::find_suspect(&bytes), one_by_one(&bytes), "{b:#x} at {at} of {len}");
                    bytes.fill(b);
                    assert_eq!(super::find_suspect(&bytes), one_by_one(&bytes), "{b:#x} all {len}");
                }
            }
        }
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(sanitize("a\u{1b}]0;title\nkept"), "a\nkept");
    }
}
