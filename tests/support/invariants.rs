//! Invariants every analysed article must satisfy, whatever its input: shared by the
//! property tests, the hostile-input tests, the fuzz regressions and the fuzz target
//! (which includes this file by path), so that all of them check the same contract.

#![allow(dead_code)]

use vigie::model::Article;

/// Characters that must never reach the title or the text: every control character
/// but the newline (C0, DEL, C1, ESC among them), bidi embeddings, overrides and
/// isolates, and zero-width characters, since any of them can act on a terminal or
/// hide text from the reader.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || ('\u{200b}'..='\u{200f}').contains(&c)
}

/// The first forbidden character of `s`, with its byte offset.
pub fn first_forbidden(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|&(_, c)| is_forbidden(c))
}

/// Checks offsets, ordering, timeline and sanitisation of one article; panics with a
/// description of the first broken invariant.
pub fn check_article(a: &Article) {
    let text = &a.text;
    for (i, m) in a.mentions.iter().enumerate() {
        assert!(m.start() < m.end(), "mention {i} is empty or reversed: {}..{}", m.start(), m.end());
        assert!(m.end() <= text.len(), "mention {i} ends past the text: {} > {}", m.end(), text.len());
        assert!(
            text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()),
            "mention {i} ({}..{}) is not on char boundaries",
            m.start(),
            m.end()
        );
    }
    for (i, m) in a.mentions.iter().enumerate() {
        // Paragraphs are separate units: a mention straddling a break is a wrong match.
        assert!(!text[m.range()].contains('\n'), "mention {i} {:?} spans a line break", &text[m.range()]);
    }
    for (i, pair) in a.mentions.windows(2).enumerate() {
        assert!(
            pair[0].end() <= pair[1].start(),
            "mentions {i} ({}..{}) and {} ({}..{}) are unsorted or overlap",
            pair[0].start(),
            pair[0].end(),
            i + 1,
            pair[1].start(),
            pair[1].end()
        );
    }
    for (i, e) in a.timeline.iter().enumerate() {
        let m = a.mentions.get(e.mention).unwrap_or_else(|| panic!("event {i} points at no mention ({})", e.mention));
        let s = &e.sentence;
        assert!(s.start <= s.end && s.end <= text.len(), "event {i}: sentence {s:?} outside the text");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "event {i}: sentence {s:?} is not on char boundaries"
        );
        assert!(
            s.start <= m.start() && m.end() <= s.end,
            "event {i}: sentence {s:?} does not hold its mention {}..{}",
            m.start(),
            m.end()
        );
    }
    for (what, s) in [("title", &a.title), ("text", &a.text)] {
        if let Some((at, c)) = first_forbidden(s) {
            panic!("{what} holds {:?} (U+{:04X}) at byte {at}", c, c as u32);
        }
    }
    for (what, s) in [("author", &a.meta.author), ("reading time", &a.meta.reading_time)] {
        if let Some((at, c)) = s.as_deref().and_then(first_forbidden) {
            panic!("{what} holds U+{:04X} at byte {at}", c as u32);
        }
    }
}

/// Exports `articles`, parses the JSON back, and checks that every mention's and
/// event's code-point offsets select its text in the exported text, and that no
/// forbidden character is in the exported strings. Returns the JSON bytes.
pub fn check_export(articles: &[Article]) -> Vec<u8> {
    let mut out = Vec::new();
    vigie::export::write_json(&mut out, articles, false).expect("export writes");
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("export is JSON");
    let exported = doc["articles"].as_array().expect("articles array");
    assert_eq!(exported.len(), articles.len());
    for (a, j) in articles.iter().zip(exported) {
        let text = j["text"].as_str().expect("text");
        assert_eq!(text, a.text, "exported text differs");
        let chars: Vec<char> = text.chars().collect();
        let slice = |v: &serde_json::Value| -> String {
            let start = v["start"].as_u64().expect("start") as usize;
            let end = v["end"].as_u64().expect("end") as usize;
            assert!(start < end && end <= chars.len(), "code-point range {start}..{end} outside {} chars", chars.len());
            chars[start..end].iter().collect()
        };
        let mentions = j["mentions"].as_array().expect("mentions");
        assert_eq!(mentions.len(), a.mentions.len());
        for (m, jm) in a.mentions.iter().zip(mentions) {
            let shown = jm["text"].as_str().expect("mention text");
            assert_eq!(shown, &a.text[m.range()]);
            assert_eq!(slice(jm), shown, "code-point offsets do not select the mention text");
        }
        let events = j["timeline"].as_array().expect("timeline");
        assert_eq!(events.len(), a.timeline.len());
        for je in events {
            let shown = je["text"].as_str().expect("event text");
            assert_eq!(slice(je), shown, "code-point offsets do not select the event text");
            let sentence = je["sentence"].as_str().expect("sentence");
            assert!(sentence.contains(shown), "event sentence {sentence:?} lacks {shown:?}");
        }
        for key in ["id", "source", "title", "text", "author", "reading_time"] {
            if let Some((at, c)) = j[key].as_str().and_then(first_forbidden) {
                panic!("exported {key} holds U+{:04X} at byte {at}", c as u32);
            }
        }
    }
    out
}

/// Runs the whole pipeline on decoded texts (one document each) and checks every
/// invariant: the analysis, each article, and the export.
pub fn check_texts(texts: &[String]) -> Vec<Article> {
    let docs: Vec<vigie::corpus::Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| vigie::corpus::Document {
            id: format!("doc{i}"),
            source: format!("doc{i}.txt"),
            text: t.clone(),
            warnings: Vec::new(),
        })
        .collect();
    let articles = vigie::analyse(&docs);
    assert_eq!(articles.len(), docs.len());
    for a in &articles {
        check_article(a);
    }
    check_export(&articles);
    articles
}

/// The fuzz target's pipeline on raw bytes: split into documents at `\0\0` (so one
/// input can exercise cross-article linking), decode each, clean it and extract
/// mentions from the raw text directly (as a caller of the library may), then analyse
/// the documents together (cleaning and extracting again) and export them, checking
/// every invariant.
pub fn check_bytes(bytes: &[u8]) {
    let mut texts = Vec::new();
    for part in split_documents(bytes) {
        if let vigie::corpus::Decoded::Text(text, _) = vigie::corpus::decode(part) {
            let cleaned = vigie::clean::clean(&text);
            for p in &cleaned.paragraphs {
                assert!(first_forbidden(p).is_none(), "paragraph {p:?} keeps a forbidden character");
            }
            // Extraction on uncleaned text (controls, `\r`, tabs) must hold up too.
            let raw = vigie::extract::extract(&text);
            for m in &raw.mentions {
                assert!(m.start() < m.end() && text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
            }
            texts.push(text);
        }
    }
    check_texts(&texts);
}

/// Splits fuzz input into the documents it stands for (at most 4).
pub fn split_documents(bytes: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = bytes;
    while parts.len() < 3 {
        match rest.windows(2).position(|w| w == [0, 0]) {
            Some(at) => {
                parts.push(&rest[..at]);
                rest = &rest[at + 2..];
            }
            None => break,
        }
    }
    parts.push(rest);
    parts
}
