//! Cheap tests of a whole text that the extractors share.

/// Whether `text` holds `ſ` (U+017F, which a case-insensitive pattern matches with an
/// `s`) or the Kelvin sign (U+212A, with a `k`): the only characters beyond ASCII that
/// match ASCII letters. One pass for the last bytes of both (0xBF, 0x84 as the middle
/// byte of the Kelvin sign), rare in French and English, each then checked.
pub fn holds_case_folds_to_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0xBF, 0x84, bytes).any(|i| match bytes[i] {
        // ſ is C5 BF.
        0xBF => i > 0 && bytes[i - 1] == 0xC5,
        // K is E2 84 AA.
        _ => i > 0 && bytes[i - 1] == 0xE2 && bytes.get(i + 1) == Some(&0xAA),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_case_fold_check_finds_both_characters_and_nothing_else() {
        for text in [
            "", "s", "ſ", "aſb", "\u{212A}", "x\u{212A}y", "ÿ ¿ Ą ф œ Ŀ ſ", "€ „ … ‰", "\u{2184}", "\u{2104}", "\u{17F}\u{212A}",
            "Ŀ\u{2184}", "ſſſ", "éèàçôœ’«»—", "日本語", "\u{1C000}\u{10BF}",
        ] {
            assert_eq!(holds_case_folds_to_ascii(text), text.contains(['ſ', '\u{212A}']), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_case_fold_check_matches_a_character_search(text in "(ſ|\u{212A}|Ŀ|ÿ|¿|Ą|ф|\u{2184}|\u{2104}|é|a|.){0,20}") {
            proptest::prop_assert_eq!(holds_case_folds_to_ascii(&text), text.contains(['ſ', '\u{212A}']));
        }
    }
}
