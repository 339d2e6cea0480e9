//! Property tests: on random text, arbitrary Unicode and news-like word soup with
//! hostile characters mixed in, the pipeline never panics, offsets stay on char
//! boundaries and in order, the export round-trips, no control or invisible character
//! survives cleaning, and cleaning is idempotent on its own output.

#[path = "support/invariants.rs"]
mod invariants;

use proptest::prelude::*;

/// Cases per property: enough to reach the odd corners on every run, few enough that
/// the whole file stays fast in a debug build.
const CASES: u32 = 256;

/// A headline the cleaner cannot mistake for anything else.
const HEADLINE: &str = "Le conseil municipal adopte le budget des écoles";

const WORDS: &[&str] = &[
    "le", "la", "les", "des", "et", "est", "une", "du", "dans", "a", "annoncé", "président", "ministre", "selon",
    "l’", "d’", "qu’il", "the", "and", "of", "is", "to", "was", "said", "president", "on", "in", "at", "by",
    "millions", "milliards", "euros", "dollars", "%", "pour cent", "ans", "hier", "demain", "aujourd’hui",
    "yesterday", "tomorrow", "last", "next", "week", "semaine", "prochain", "dernier", "mois", "année", "year",
    "M.", "Mme", "Dr.", "U.S.", "St.", "etc.", "Publié le", "Mis à jour le", "Par", "By", "Lire aussi",
    "Partager", "Share", "Commentaires", "Newsletter", "©", "AFP", "Reuters",
];
const NAMES: &[&str] = &[
    "Emmanuel Macron", "Macron", "Olaf Scholz", "Kim Jong Un", "Kim", "Paris", "Lyon", "Berlin", "Moscou",
    "Moscow", "Kiev", "Kyiv", "Washington", "Union européenne", "Nations unies", "OTAN", "NATO", "Conseil de sécurité",
    "Agence France-Presse", "Groupe du 4 Septembre", "Jean-Pierre", "Éric", "Zoë", "Mars", "Mai", "Juin", "Élysée",
];
const MONTHS_DAYS: &[&str] = &[
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre", "January", "February", "March", "May", "June", "August", "December", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche", "Monday", "Tuesday", "Sunday", "1er", "XXe siècle",
];
const PUNCT: &[&str] = &[
    ".", ",", ";", ":", "!", "?", "«", "»", "« ", " »", "’", "'", "“", "”", "\"", "–", "—", "-", "(", ")", "[", "]",
    "…", "/", "#", "##", "**", "__", "*", "•", "·", "|", ">", "](", "![", "\u{a0}", "\u{202f}", " ", "  ", "\t",
];
const HOSTILE: &[&str] = &[
    "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\u{0}", "\u{7}", "\u{8}", "\u{b}", "\u{c}", "\u{1b}", "\u{7f}",
    "\u{85}", "\u{9b}", "\u{9d}", "\u{90}", "\u{9c}", "\u{1b}[31m", "\u{1b}[0m", "\u{1b}[2J", "\u{1b}]0;title\u{7}",
    "\u{1b}]8;;http://evil.example\u{1b}\\", "\u{1b}]52;c;SGVsbG8=\u{7}", "\u{1b}P1$r\u{1b}\\", "\u{1b}]0;",
    "\u{1b}[", "\u{9b}2J", "\u{202e}", "\u{202a}", "\u{2066}", "\u{2069}", "\u{200b}", "\u{200d}", "\u{200f}",
    "\u{feff}", "\u{301}", "\u{308}", "e\u{301}", "\u{2028}", "\u{2029}", "😀", "👩‍👩‍👧", "🇫🇷", "北京", "習近平",
    "ﬁ", "Ⅻ", "٣", "\u{fffd}",
];

/// A digit group with separators as news text writes them: `10 000`, `10\u{a0}000`,
/// `4,8`, `1,000,000`, `3.5`, `2024`, `18/06/2024`, `10h30`.
fn figure() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..100_000).prop_map(|n| n.to_string()),
        (1u32..1000, 0u32..1000, prop::sample::select(vec![" ", "\u{a0}", "\u{202f}", ",", ".", "'"]))
            .prop_map(|(a, b, sep)| format!("{a}{sep}{b:03}")),
        (1u32..1000, 0u32..1000, 0u32..1000).prop_map(|(a, b, c)| format!("{a},{b:03},{c:03}")),
        (0u32..100, 0u32..10).prop_map(|(a, b)| format!("{a},{b}")),
        (0u32..100, 0u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        (1u32..32, 1u32..13, 1900u32..2100).prop_map(|(d, m, y)| format!("{d}/{m:02}/{y}")),
        (1800u32..2200).prop_map(|y| y.to_string()),
        (0u32..24, 0u32..60).prop_map(|(h, m)| format!("{h}h{m:02}")),
        "[0-9]{1,25}",
    ]
}

/// One token of news-like soup.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(String::from),
        3 => prop::sample::select(NAMES).prop_map(String::from),
        2 => "[A-ZÉÈ][a-zéèêàçô]{1,10}",
        2 => prop::sample::select(MONTHS_DAYS).prop_map(String::from),
        3 => figure(),
        3 => prop::sample::select(PUNCT).prop_map(String::from),
        2 => prop::sample::select(HOSTILE).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// News-like text: tokens joined by a space or nothing (glued words are common in
/// scraped pages).
fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec((token(), prop::sample::select(vec![" ", " ", " ", ""])), 0..120)
        .prop_map(|parts| parts.into_iter().map(|(t, sep)| t + sep).collect())
}

/// Either kind of random text.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![1 => any::<String>(), 3 => soup()]
}

proptest! {
    #![proptest_config(ProptestConfig {
        // PROPTEST_CASES asks for a longer search.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(CASES),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// One article: no panic, valid offsets, valid timeline, clean text, exact export.
    #[test]
    fn one_article_keeps_every_invariant(t in text()) {
        invariants::check_texts(&[t]);
    }

    /// Several articles together (cross-article linking and date anchoring).
    #[test]
    fn a_small_corpus_keeps_every_invariant(ts in prop::collection::vec(soup(), 1..4)) {
        invariants::check_texts(&ts);
    }

    /// Raw bytes through decoding (BOMs, UTF-16, invalid UTF-8) and the whole pipeline.
    #[test]
    fn decoded_bytes_keep_every_invariant(
        prefix in prop::sample::select(vec![&b""[..], b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]),
        body in prop_oneof![prop::collection::vec(any::<u8>(), 0..400), soup().prop_map(String::into_bytes)],
    ) {
        let mut bytes = prefix.to_vec();
        bytes.extend_from_slice(&body);
        invariants::check_bytes(&bytes);
    }

    /// Extraction straight on uncleaned text: offsets on boundaries, sorted, disjoint.
    #[test]
    fn extraction_on_raw_text_gives_valid_offsets(t in text()) {
        let found = vigie::extract::extract(&t);
        for m in &found.mentions {
            prop_assert!(m.start() < m.end() && m.end() <= t.len());
            prop_assert!(t.is_char_boundary(m.start()) && t.is_char_boundary(m.end()));
        }
        for w in found.mentions.windows(2) {
            prop_assert!(w[0].end() <= w[1].start(), "overlap: {:?} {:?}", w[0], w[1]);
        }
        for s in &found.sentences {
            prop_assert!(s.start <= s.end && t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        }
    }

    /// Cleaning its own output (the headline, then the paragraphs) changes nothing.
    ///
    /// The page starts with a clear headline: without one the cleaner takes the title
    /// from the body's first sentence, unrepaired, and the rebuilt page then carries
    /// that sentence twice (once glue-repaired), which legitimately changes the body.
    #[test]
    fn cleaning_is_idempotent(t in text()) {
        let page = format!("{HEADLINE}\n\n{t}");
        let once = vigie::clean::clean(&page);
        prop_assert_eq!(&once.title, HEADLINE);
        let rebuilt = format!("{}\n\n{}", once.title, once.paragraphs.join("\n\n"));
        let again = vigie::clean::clean(&rebuilt);
        prop_assert_eq!(&again.paragraphs, &once.paragraphs, "rebuilt page: {:?}", rebuilt);
    }
}

/// Random pages on which cleaning once and twice differed: a digit of another script
/// glued to a word, on a line that another seam opened to repair; a word glued between
/// two stops; a repair that brings out another; a markdown link cut by a hard wrap;
/// capitals that a dateline split would split again.
#[test]
fn cleaning_is_idempotent_on_pages_proptest_found() {
    for t in [
        "A ٣septembre est said le Aaàçôô \u{301} le Conseil de sécurité \r\n janvier 0h00 ", "etc.janvier!the ",
        "Groupe du 4 SeptembreMars!les ",
        "janvier le les janvier [ Emmanuel Macron le le le le le \r\n le ]( ) ",
        "AFPOTANOTAN Emmanuel Macron le le le le le le le le le le le le Emmanuel Macron le ",
    ] {
        let page = format!("{HEADLINE}\n\n{t}");
        let once = vigie::clean::clean(&page);
        let rebuilt = format!("{}\n\n{}", once.title, once.paragraphs.join("\n\n"));
        let again = vigie::clean::clean(&rebuilt);
        assert_eq!(again.paragraphs, once.paragraphs, "rebuilt page: {rebuilt:?}");
    }
}
