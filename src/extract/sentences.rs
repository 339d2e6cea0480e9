//! Sentence boundaries in French and English news text, aware of abbreviations
//! (`M.`, `Mme`, `Dr.`, `U.S.`), initials and decimal numbers.

use std::ops::Range;

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "st", "ste", "mr", "mrs", "ms", "prof", "gen", "gén",
    "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "jr", "sr", "no", "n°", "vol", "p", "pp", "art", "cf", "etc",
    "vs", "env", "av", "apr", "j.-c", "ca", "inc", "ltd", "co", "corp", "dept", "fig", "approx", "min", "max",
];

/// Byte ranges of the sentences of `text` (paragraph breaks always end a sentence).
pub fn split(text: &str) -> Vec<Range<usize>> {
    // About one sentence per hundred bytes of news text: room for most articles' at once.
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    let mut start = 0usize;
    let bytes = text.as_bytes();
    let mut candidates = Candidates::new(bytes);
    let mut i = 0usize;
    loop {
        i = candidates.next_from(i);
        if i >= bytes.len() {
            break;
        }
        let b = bytes[i];
        if b == b'\n' {
            push(text, &mut out, start, i);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') && ends_sentence(text, i) {
            let end = i + 1 + closing_len(&text[i + 1..]);
            push(text, &mut out, start, end);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push(text, &mut out, start, text.len());
    out
}

/// The bytes where a sentence may end: line breaks, and `.`, `!`, `?`. Each kind is
/// found with `memchr` and kept until passed, so the text is read once however the
/// two kinds alternate.
struct Candidates<'a> {
    bytes: &'a [u8],
    /// The first `.`, `!` or `?` at or after the last position asked for, or the end.
    mark: Option<usize>,
    /// The first line break at or after the last position asked for, or the end.
    line_break: Option<usize>,
}

impl<'a> Candidates<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Candidates { bytes, mark: None, line_break: None }
    }

    /// The first byte at or after `from` that is a line break or may end a sentence
    /// (`.`, `!`, `?`), or `bytes.len()`. `from` must not go back between calls.
    fn next_from(&mut self, from: usize) -> usize {
        let bytes = self.bytes;
        let rest = bytes.get(from..).unwrap_or_default();
        let found = |k: Option<usize>| k.map_or(bytes.len(), |k| from + k);
        let mark = match self.mark {
            Some(m) if m >= from => m,
            _ => found(memchr::memchr3(b'.', b'!', b'?', rest)),
        };
        let line_break = match self.line_break {
            Some(b) if b >= from => b,
            _ => found(memchr::memchr(b'\n', rest)),
        };
        self.mark = Some(mark);
        self.line_break = Some(line_break);
        mark.min(line_break)
    }
}

fn push(text: &str, out: &mut Vec<Range<usize>>, start: usize, end: usize) {
    let s = &text[start..end];
    // Most sentences start and end with ASCII that is no space: nothing to trim.
    if let (Some(first), Some(last)) = (s.as_bytes().first(), s.as_bytes().last())
        && first.is_ascii_graphic()
        && last.is_ascii_graphic()
    {
        out.push(start..end);
        return;
    }
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if start + lead < end - trail {
        out.push(start + lead..end - trail);
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, '»' | '"' | '”' | ')' | '’' | '\'' | '.' | '!' | '?')
}

/// Length of the closing quotes and brackets (with the spaces before them) that
/// belong to the sentence that just ended.
fn closing_len(after: &str) -> usize {
    // Most often a space and a letter follow, or another ASCII byte that closes nothing.
    let opens_nothing = |b: u8| b.is_ascii() && b != b' ' && !is_closing(char::from(b));
    if after.as_bytes().first().is_none_or(|&b| opens_nothing(b)) {
        return 0;
    }
    let mut len = 0;
    loop {
        let rest = &after[len..];
        let spaces = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
        match rest[spaces..].chars().next() {
            Some(c) if is_closing(c) => len += spaces + c.len_utf8(),
            _ => return len,
        }
    }
}

/// Whether the punctuation at byte `i` ends a sentence: followed by a space and a
/// capital, quote or digit, and not closing an abbreviation or an initial.
fn ends_sentence(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let closing = closing_len(after);
    let rest = &after[closing..];
    let next_text = rest.trim_start();
    if next_text.is_empty() {
        return true;
    }
    if next_text.len() == rest.len() {
        return false; // no space: "3.5", "U.S.", "site.com"
    }
    let next = next_text.chars().next().unwrap_or(' ');
    if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '«' | '"' | '“' | '(' | '—' | '–' | '-' | '•')) {
        return false;
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    let word = &text[word_start_before(text, i)..i];
    // An initial ("J. Smith") or an abbreviation ("M. Kim", "U.S. officials"); lower-case
    // keeps every '.' and makes none.
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    !(initial || word.contains('.') || is_abbreviation(word))
}

/// Whether `c` belongs to the word before a period, as [`ends_sentence`] reads it back:
/// letters, digits, `.`, `-`, `°`.
fn in_word_before_period(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '-' || c == '°'
}

/// The start of the run of [`in_word_before_period`] characters that ends at byte `i`,
/// read back byte by byte over ASCII (most words), decoding only the other characters.
fn word_start_before(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut k = i;
    while let Some(&b) = k.checked_sub(1).and_then(|last| bytes.get(last)) {
        if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || b == b'.' || b == b'-') {
                break;
            }
            k -= 1;
        } else {
            let c = text[..k].chars().next_back().expect("a character ends here");
            if !in_word_before_period(c) {
                break;
            }
            k -= c.len_utf8();
        }
    }
    k
}

/// The (first byte, length) pairs of [`ABBREVIATIONS`], as a [`super::tokens::WordFilter`]:
/// most words before a period are no abbreviation, and are ruled out without comparing
/// them with each abbreviation.
static ABBREVIATION_FILTER: std::sync::LazyLock<super::tokens::WordFilter> =
    std::sync::LazyLock::new(|| super::tokens::WordFilter::new(ABBREVIATIONS.iter().copied()));

/// The byte length of the longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > longest {
            longest = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

/// Whether `word`, in any case, is one of [`ABBREVIATIONS`].
fn is_abbreviation(word: &str) -> bool {
    // Lower-casing keeps or adds characters, each of a byte at least: a word of more
    // characters than the longest abbreviation has bytes is none (most words).
    if word.len() > LONGEST_ABBREVIATION && (word.is_ascii() || word.chars().nth(LONGEST_ABBREVIATION).is_some()) {
        return false;
    }
    let mut buf = [0u8; 16];
    match super::dates::lowercase_into(word, &mut buf) {
        Some(lower) => ABBREVIATION_FILTER.may_contain(lower) && ABBREVIATIONS.contains(&lower),
        // Longer than any abbreviation once lower-cased, or holding a capital sigma.
        None => ABBREVIATIONS.contains(&word.to_lowercase().as_str()),
    }
}

/// The sentence that holds byte `start`, as a byte range.
pub fn around(sentences: &[Range<usize>], start: usize) -> Range<usize> {
    let i = sentences.partition_point(|s| s.end <= start);
    sentences.get(i).cloned().unwrap_or(start..start)
}

/// The sentences that hold all of `start..end`, as one byte range: a mention can
/// straddle a boundary the splitter saw ("janv. 2024", where "janv." looked like the
/// end of a sentence), and its sentence must still hold it whole.
pub fn holding(sentences: &[Range<usize>], start: usize, end: usize) -> Range<usize> {
    let first = around(sentences, start);
    let last = sentences.partition_point(|s| s.start < end).checked_sub(1).and_then(|i| sentences.get(i));
    first.start.min(start)..last.map_or(end, |s| s.end).max(first.end).max(end)
}

#[cfg(test)]
mod tests {
    use super::split;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn candidates_are_the_first_break_or_end_mark() {
        let texts = [
            "", ".", "a", "\n", "abc\ndef", "Il a dit. Puis? Non! Fin", "a\n\nb.\n.c\n?!\nd", &"x".repeat(100),
            &format!("{}!{}", "é".repeat(40), "y".repeat(33)), &"ligne\n".repeat(20), &"Phrase. ".repeat(20),
        ];
        for text in texts {
            let bytes = text.as_bytes();
            let expected = |from: usize| (from..bytes.len()).find(|&i| matches!(bytes[i], b'\n' | b'.' | b'!' | b'?')).unwrap_or(bytes.len());
            // Asked afresh at each position, and by one finder at every position in turn.
            let mut walking = super::Candidates::new(bytes);
            for from in 0..=bytes.len() + 1 {
                assert_eq!(super::Candidates::new(bytes).next_from(from), expected(from), "{text:?} {from}");
                assert_eq!(walking.next_from(from), expected(from), "{text:?} {from}");
            }
            // And by one finder that skips ahead, as `split` does past a sentence's end.
            for step in 2..5 {
                let mut skipping = super::Candidates::new(bytes);
                for from in (0..=bytes.len()).step_by(step) {
                    assert_eq!(skipping.next_from(from), expected(from), "{text:?} {from} {step}");
                }
            }
        }
    }

    /// [`super::push`] and [`super::closing_len`] as first written, without their
    /// shortcuts.
    fn push_reference(text: &str, out: &mut Vec<std::ops::Range<usize>>, start: usize, end: usize) {
        let s = &text[start..end];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if start + lead < end - trail {
            out.push(start + lead..end - trail);
        }
    }

    fn closing_len_reference(after: &str) -> usize {
        let mut len = 0;
        loop {
            let rest = &after[len..];
            let spaces = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
            match rest[spaces..].chars().next() {
                Some(c) if super::is_closing(c) => len += spaces + c.len_utf8(),
                _ => return len,
            }
        }
    }

    #[test]
    fn the_shortcuts_change_nothing() {
        let texts = [
            "", " ", "a", "ab", " a", "a ", "\ta.\n", "« Oui »", "x\u{a0}", "\u{a0}x", "Fin.", ".", "!?", "»", " » ) \" ’ ' x",
            "\u{202f}» suite", "\u{a0}\u{a0}\"", ") . x", "é", "\u{7f}a\u{7f}", "\u{1}b", "~", "   ", "Il dit. « Non ! » Puis.",
        ];
        for text in texts {
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(super::closing_len(&text[start..]), closing_len_reference(&text[start..]), "{text:?} {start}");
                for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                    let (mut fast, mut slow) = (Vec::new(), Vec::new());
                    super::push(text, &mut fast, start, end);
                    push_reference(text, &mut slow, start, end);
                    assert_eq!(fast, slow, "{text:?} {start}..{end}");
                }
            }
        }
    }

    #[test]
    fn the_word_before_a_period_is_read_back_as_by_characters() {
        // (As first written: the characters before `i`, decoded from the end.)
        let reference = |text: &str, i: usize| {
            text[..i].char_indices().rev().find(|&(_, c)| !super::in_word_before_period(c)).map_or(0, |(k, c)| k + c.len_utf8())
        };
        let pieces = ["a", "Z", "9", ".", "-", "°", "é", "É", "’", "\u{a0}", "日", "Ⅻ", "\u{301}", "×", "'", "_", "n°", "\n"];
        for text in crate::clean::random_texts(3000, 16, &pieces, 2, &["x", " ", "."]) {
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(super::word_start_before(&text, i), reference(&text, i), "{text:?} {i}");
            }
        }
    }

    #[test]
    fn abbreviations_in_any_case_and_longer_words() {
        for (word, expected) in [
            ("M", true), ("Mme", true), ("APPROX", true), ("approx", true), ("approxi", false), ("J.-C", true), ("N°", true),
            ("\u{212a}", false), ("\u{212a}\u{212a}\u{212a}\u{212a}\u{212a}\u{212a}\u{212a}", false), ("Ms", true), ("ÉTATS", false), ("", false),
            ("Gén", true), ("GÉN", true), ("Etc", true), ("ETCx", false), ("Xm", false), ("Mx", false), ("n°", true), ("N°X", false),
        ] {
            assert_eq!(super::is_abbreviation(word), expected, "{word:?}");
            assert_eq!(super::ABBREVIATIONS.contains(&word.to_lowercase().as_str()), expected, "{word:?}");
        }
        // Every abbreviation passes the filter, in any case.
        for a in super::ABBREVIATIONS {
            assert!(super::is_abbreviation(a) && super::is_abbreviation(&a.to_uppercase()), "{a:?}");
        }
    }

    #[test]
    fn french_abbreviations_do_not_split() {
        assert_eq!(
            sentences("M. Kim est arrivé. Mme Martin a parlé avec le Dr. Roux. Il a 3.5 ans."),
            ["M. Kim est arrivé.", "Mme Martin a parlé avec le Dr. Roux.", "Il a 3.5 ans."]
        );
    }

    #[test]
    fn a_mention_across_a_sentence_end_is_held_by_both_sentences() {
        let text = "Par jan. 2024 avaient. Puis rien.";
        let ranges = split(text);
        let start = text.find("jan.").unwrap();
        let end = start + "jan. 2024".len();
        let held = super::holding(&ranges, start, end);
        assert!(held.start <= start && end <= held.end, "{held:?} of {ranges:?}");
        assert_eq!(super::holding(&ranges, 0, 3), ranges[0]);
    }

    #[test]
    fn english_initials_and_quotes() {
        assert_eq!(
            sentences("U.S. officials met J. Smith. « C'est fini. » Then they left!\nNew paragraph"),
            ["U.S. officials met J. Smith.", "« C'est fini. »", "Then they left!", "New paragraph"]
        );
    }
}
