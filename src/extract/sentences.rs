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
    let mut out = Vec::new();
    let mut start = 0usize;
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
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

fn push(text: &str, out: &mut Vec<Range<usize>>, start: usize, end: usize) {
    let s = &text[start..end];
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
    let word: String = text[..i]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '-' || *c == '°')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    // An initial ("J. Smith") or an abbreviation ("M. Kim", "U.S. officials").
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !(initial || ABBREVIATIONS.contains(&lower.as_str()) || lower.contains('.'))
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
