//! Recognising the lines of a scraped page that are not article text: site chrome,
//! ads, share and comment widgets, newsletter and legal notices, teasers.
//!
//! The patterns describe how web pages are built (in French and English), not the
//! wording of particular articles.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, packed};
use regex::{Regex, RegexSet};

/// What a line of the page is, as far as its wording tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineRole {
    /// Article text (or at least nothing says otherwise).
    Text,
    /// Chrome to drop where it stands (ads, share buttons, separators, weather).
    Chrome,
    /// Chrome that marks the end of the article: what follows is comments, newsletter
    /// blurbs, related headlines or legal notices.
    End,
    /// A byline: the author's name.
    Byline(String),
    /// A reading-time notice.
    ReadingTime(String),
    /// The header of a list of teasers for other articles.
    TeaserHeader,
}

/// Headers of teaser lists ("À lire aussi", "Read next"): the header and the short
/// headline lines right after it go; a list at the foot ends the article.
const TEASER_HEADERS: &[&str] = &[
    r"(?i)^(?:à lire aussi|a lire aussi|lire aussi|à voir aussi|voir aussi|à lire également|lire également|read next|read more|see also|related|related stories|related articles|la rédaction vous conseille|nos lecteurs ont aussi lu|recommended|recommandé pour vous|you might like|up next|à suivre|sur le même sujet|most read|most popular|les plus lus|les plus populaires|trending|tendances|top stories|à la une|en ce moment|dernières? nouvelles|dernières? infos?|latest news|latest|breaking news)\s*:?$",
];

/// Whole-line patterns of chrome that can stand anywhere on a page.
const CHROME: &[&str] = &[
    // lone separators and bullets
    r"^[-–—_*•·=~#|.+/\\]+$",
    // weather in a site header: "22.2 C", "-3 °F"
    r"^-?\d{1,3}(?:[.,]\d+)?\s*°?\s*[CF]$",
    // app and language banners
    r"(?i)^(?:download|get|install|télécharge[rz]?|installe[rz]?)(?-u:\b).{0,30}(?-u:\b)(?:app|application|appli)(?-u:\b).{0,20}$",
    r"(?i)^(?:read|lire|lisez|voir|view)(?: (?:this|it|cet article|l'article|l’article|la version))? (?:in|en) (?:english|french|spanish|german|arabic|anglais|français|espagnol|allemand|arabe)(?-u:\b).{0,3}$",
    r"(?i)^(?:english|french|version (?:française|anglaise|originale)|english version|original version)$",
    // ads
    r"(?i)^-?\s*(?:advertisement|advertising|publicité|pub|annonce|sponsored(?: content)?|contenu sponsorisé|partenaire|sponsorisé)\s*-?\s*(?:spot_img)?$",
    r"(?i)spot_img|^ad$|^ads$",
    // inline teasers: "Lire aussi : ...", "Read more: ..."
    r"(?i)^(?:à lire aussi|a lire aussi|lire aussi|lire également|à lire également|voir aussi|à voir aussi|read also|see also|read more|also read|related|sur le même sujet)(?-u:\b)",
    r"(?i)^(?:lire la suite|read more|continue reading|continuer la lecture|en savoir plus|learn more|voir plus|see more|show more|afficher plus)\s*[:.…>»]*$",
    // share and social widgets
    r"(?i)^(?:share|partager|partagez|partage)(?: (?:this|cet|l'|l’|sur|on|via|par)\s?.{0,25})?\s*:?$",
    r"(?i)^(?:tweet|tweeter|facebook|twitter|x|linkedin|whatsapp|telegram|email|e-mail|imprimer|print|copier le lien|copy link|envoyer|send|pinterest|reddit|messenger)$",
    r"(?i)^(?:ajouter aux favoris|add to favou?rites|bookmark|sauvegarder|save(?: article)?|enregistrer|s'abonner|offrir cet article|gift (?:this )?article|écouter cet article|listen to (?:this )?article|\d\d:\d\d\s*/\s*\d\d:\d\d)$",
    r"(?i)^(?:suivez-nous|follow us|abonnez-vous à notre chaîne|rejoignez-nous)(?-u:\b).{0,40}$",
    // navigation
    r"(?i)^(?:accueil|home|menu|fermer|close|rechercher|search|se connecter|connexion|log ?in|sign in|s'inscrire|register|mon compte|my account|retour|back|haut de page|back to top|top|skip to (?:main )?content|skip navigation|aller au contenu(?: principal)?|passer au contenu(?: principal)?|aller à la navigation)$",
    r"^[^›>|/]{1,40}(?:\s[›>|/]\s[^›>|/]{1,40}){2,}$",
    // tags, categories, credits
    r"(?i)^(?:tags?|mots[- ]clés|catégories?|categories|rubriques?|thèmes?|topics|sujets?)\s*:",
    r"(?i)^(?:photo|image|illustration|crédit photo|crédits? photos?|photo credit|vidéo|video)\s*:",
    // counts of comments
    r"(?i)^(?:\d+\s*)?(?:commentaires?|comments?|réactions?|réponses?|replies)\s*(?:\(\d+\))?\s*:?$",
    // javascript and embed errors
    r"(?i)javascript (?:is )?(?:disabled|required|désactivé)|activez (?:le )?javascript|giphy app key|please check settings|your browser does not support|votre navigateur ne prend pas en charge",
    // "Dernières nouvelles" style section headers, possibly after a rubric ("Guerre en Ukraine: ...")
    r"(?i)^(?:.{0,40}[:–—-]\s*)?(?:dernières? nouvelles|dernières? infos?|dernière minute|latest news|latest|breaking news|en continu|à la une|top stories|les plus lus|most read|most popular|populaires?|tendances?|trending|doit lire|must read|à ne pas manquer|don't miss|recommandés?(?: pour vous)?|recommended(?: for you)?)\s*:?$",
];

/// Whole-line patterns that end the article.
const END: &[&str] = &[
    // comment forms
    r"(?i)^(?:leave a (?:reply|comment)|laisser un commentaire|laissez un commentaire|poster un commentaire|post a comment|add a comment|ajouter un commentaire|réagir|écrire un commentaire|write a comment|join the (?:discussion|conversation))(?-u:\b)",
    r"(?i)(?:connecté|connectez-vous|identifiez-vous|abonnés?|logged in|log in|sign in|subscribers?) .{0,40}(?:pour commenter|pour réagir|to comment|to post a comment)\W*$|please enter your (?:comment|name|email)|votre adresse (?:e-mail|email|mail|de messagerie) ne sera pas publiée|your email address will not be published|les champs obligatoires sont|required fields are marked|enregistrer mon nom|save my name",
    // newsletters and subscriptions
    r"(?i)newsletter|bulletin d'information|bulletin d’information|lettre d'information|lettre d’information|inscrivez-vous|abonnez-vous|subscribe to|sign up for|^sign up to(?-u:\b)|se désabonner|vous désabonner|unsubscribe",
    // legal and captcha
    r"(?i)recaptcha|captcha|tous droits réservés|all rights reserved|^©|^copyright(?-u:\b)|conditions (?:générales )?d['’]utilisation|politique de confidentialité|privacy policy|terms of (?:use|service)|mentions légales|nous utilisons des cookies|we use cookies|accepter les cookies|accept (?:all )?cookies",
    // credits and standards notices at the foot of agency copy
    // (`by(?:\W|$)` is `by\b`, spelt so that the lazy DFA runs on non-ASCII lines: a
    // Unicode `\b` sends the whole set to the slow PikeVM on accented text.)
    r"(?i)^(?:reporting|additional reporting|writing|editing|edited|compiled) by(?:\W|$)|^our standards:|^(?:avec|with) (?:afp|reuters|ap|bloomberg)\s*$",
    // related headlines and pagination teasers
    r"^(?:PREV|NEXT|PRÉCÉDENT|SUIVANT)(?-u:\b)",
    r"(?i)^(?:previous|next) (?:article|post|story)(?-u:\b)|^article (?:précédent|suivant)(?-u:\b)",
    r"(?i)^(?:related topics|more on this (?:story|topic)|more about|around the \w+|top stories|elsewhere on|also in \w+|sur le même (?:sujet|thème)|dans la même rubrique|les articles les plus|nos derniers articles)(?-u:\b).{0,30}$",
    r"(?i)^(?:plus d['’]articles?|more articles|more stories|more from|articles? similaires?|articles? liés|related (?:articles|stories|posts)|dans la même rubrique|vous aimerez aussi|vous pourriez aussi aimer|you may also like|you might also like|à voir aussi|nos articles)(?-u:\b).{0,30}$",
];

/// The end markers that can be long lines (a newsletter or legal blurb).
const LONG_END: &[&str] = &[
    r"(?i)newsletter|bulletin d'information|bulletin d’information|se désabonner|vous désabonner|unsubscribe|recaptcha|tous droits réservés|all rights reserved|politique de confidentialité|privacy policy|nous utilisons des cookies|we use cookies",
];

/// Pieces of the long end markers: each marker holds one, so a line without any cannot
/// be a marker, and the set (slow on long lines of French, where its case-folded
/// prefixes "tou", "vou", "pri"... start every other word) need not run.
///
/// The pieces are made of ASCII lowercase letters but `s` and `k`, and spaces: `(?i)`
/// matches such a letter in either case and as nothing else (only `ſ` and the Kelvin
/// sign fold to ASCII letters, to `s` and `k`; a test checks it), so a search of the
/// line in ASCII lowercase finds them in every line the set matches.
const LONG_END_PIECES: &[&str] =
    &["letter", "information", "abonner", "cribe", "captcha", "droit", "right", "confidential", "privacy", "utili", "we u"];

static LONG_END_PREFILTER: LazyLock<PieceFinder> = LazyLock::new(|| PieceFinder::new(LONG_END_PIECES));

/// Finds any of a few pieces in a line (here, in ASCII lowercase).
///
/// The pieces are searched case-sensitively in a lowercase copy of the line rather than
/// with `ascii_case_insensitive`: with that option the automaton has no prefilter and
/// steps through the line byte by byte, where exact pieces get the vectorised packed
/// searcher (Teddy). The automaton stays for the machines that lack the vector
/// instructions.
pub(super) struct PieceFinder {
    packed: Option<packed::Searcher>,
    automaton: AhoCorasick,
}

impl PieceFinder {
    pub(super) fn new(pieces: &[&str]) -> PieceFinder {
        let mut packed = packed::Config::new().builder();
        packed.extend(pieces);
        PieceFinder { packed: packed.build(), automaton: AhoCorasick::new(pieces).expect("marker pieces") }
    }

    /// Whether `folded` (a line in ASCII lowercase, for the marker pieces) holds one
    /// of the pieces.
    pub(super) fn is_in(&self, folded: &[u8]) -> bool {
        match &self.packed {
            Some(searcher) => searcher.find(folded).is_some(),
            None => self.automaton.is_match(folded),
        }
    }
}
/// Pieces of the end markers ([`END`]), one for each alternative of each pattern: a
/// line without any cannot be a marker, and the set (whose own prefilter keeps firing
/// on the case-folded prefixes of common words) need not run.
///
/// The pieces are ASCII lowercase, searched in the line in ASCII lowercase (as
/// [`LONG_END_PREFILTER`]): `(?i)` matches an ASCII letter in either case and, outside
/// ASCII, only `ſ` (as `s`) and the Kelvin sign (as `k`) (a test checks it); those two
/// are [`END_CHARACTERS`], so a line holding one always goes to the set.
const END_PIECES: &[&str] = &[
    // comment forms
    "comment", "leave a ", "agir", "join the ",
    "please enter your", "votre adresse", "your email address", "champs obligatoires", "required fields",
    "enregistrer mon nom", "save my name",
    // newsletters and subscriptions
    "newsletter", "information", "inscrivez-vous", "abonnez-vous", "subscribe", "sign up for", "sign up to", "sabonner",
    // legal and captcha
    "captcha", "droits", "rights reserved", "copyright", "utilisation", "confidentialit", "privacy policy",
    "terms of ", "mentions l", "utilisons", "we use cookies", "accept",
    // credits
    "reporting by", "writing by", "editing by", "edited by", "compiled by", "our standards:", "avec ", "with ",
    // pagination and related headlines
    "prev", "next", "dent", "suivant", "previous ", "article", "related", "more on this", "more about", "around the ",
    "top stories", "elsewhere on", "also in ", "sur le m", "rubrique", "more stories", "more from", "vous aimerez aussi",
    "vous pourriez aussi aimer", "also like", "voir aussi",
];

/// The pieces of the end markers that are single non-ASCII characters: `©` (legal), and
/// the two characters that `(?i)` folds to ASCII letters. They are searched apart from
/// [`END_PIECES`]: the packed searcher compares as many leading bytes of each piece as
/// the shortest piece has, and two bytes would let through most lines.
const END_CHARACTERS: &[&str] = &["\u{a9}", "\u{17f}", "\u{212a}"];

static END_PREFILTER: LazyLock<PieceFinder> = LazyLock::new(|| PieceFinder::new(END_PIECES));
static END_CHARACTER_PREFILTER: LazyLock<PieceFinder> = LazyLock::new(|| PieceFinder::new(END_CHARACTERS));
static TEASER_SET: LazyLock<RegexSet> = LazyLock::new(|| RegexSet::new(TEASER_HEADERS).expect("teaser headers"));
static LONG_END_SET: LazyLock<RegexSet> = LazyLock::new(|| RegexSet::new(LONG_END).expect("long end patterns"));
static CHROME_SET: LazyLock<RegexSet> = LazyLock::new(|| RegexSet::new(CHROME).expect("chrome patterns"));
static END_SET: LazyLock<RegexSet> = LazyLock::new(|| RegexSet::new(END).expect("end patterns"));
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[Pp]ar|[Bb]y|BY|PAR|[Tt]exte|[Pp]ropos recueillis par|[Ww]ritten by|[Éé]crit par)\s*:?\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:de |van |von |da |del |le |la )?\p{Lu}[\p{L}'’.-]*){0,3})(?:\s*(?:,|et|and|avec|with|pour|for|[-–—|])\s*.{0,60})?$",
    )
    .expect("byline pattern")
});
static READING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:temps|durée) de lecture|reading time|lecture|read time)\s*:?\s*(.{1,30})$|^(\d+\s*min(?:utes?)?)\.?\s*(?:de lecture|read|to read)$",
    )
    .expect("reading time pattern")
});

/// Lines longer than this (in bytes) are prose: chrome is short.
const CHROME_MAX_LINE: usize = 600;

/// `line` in ASCII lowercase (other characters as they are), written to `buf`.
fn ascii_lowercase<'a>(line: &str, buf: &'a mut [u8; CHROME_MAX_LINE]) -> &'a [u8] {
    let folded = &mut buf[..line.len()];
    folded.copy_from_slice(line.as_bytes());
    folded.make_ascii_lowercase();
    folded
}

/// Whether `line` can match [`READING_TIME`] or [`BYLINE`], from its first bytes: their
/// alternatives start with a digit (`\d` takes in non-ASCII digits), `É`/`é`, `by`, or
/// one of [`BYLINE_OR_READING_TIME_STARTS`], in either case (the letters of these
/// starts fold from no other character). Most lines start otherwise ("Le", "La",
/// "Pour"...), and skip the two searches with captures.
fn may_be_byline_or_reading_time(line: &str) -> bool {
    let bytes = line.as_bytes();
    let Some(&first) = bytes.first() else { return false };
    if !first.is_ascii() || first.is_ascii_digit() {
        return true;
    }
    let lower = |i: usize| bytes.get(i).map_or(0, u8::to_ascii_lowercase);
    let start = [lower(0), lower(1), lower(2)];
    &start[..2] == b"by" || BYLINE_OR_READING_TIME_STARTS.contains(&start)
}

/// The most characters an alternative of [`TEASER_HEADERS`] has ("la rédaction vous
/// conseille": 27).
const TEASER_MAX_CHARS: usize = 28;

/// Whether `line` can match [`TEASER_HEADERS`]: what is left once its `\s*:?` end is taken
/// off is one alternative, of at most [`TEASER_MAX_CHARS`] characters (`(?i)` matches a
/// character of the pattern with one character of the line). Most short lines are
/// longer, and skip the set.
fn may_be_teaser_header(line: &str) -> bool {
    let core = line.strip_suffix(':').unwrap_or(line).trim_end();
    core.len() <= TEASER_MAX_CHARS || core.chars().count() <= TEASER_MAX_CHARS
}

/// The first three letters of the alternatives of [`READING_TIME`] and [`BYLINE`] that
/// start with an ASCII letter, but `by`.
const BYLINE_OR_READING_TIME_STARTS: &[[u8; 3]] = &[*b"tem", *b"dur", *b"rea", *b"lec", *b"par", *b"tex", *b"pro", *b"wri"];

/// The role of one trimmed line, from its wording alone.
pub fn classify(line: &str) -> LineRole {
    if line.len() > CHROME_MAX_LINE {
        return LineRole::Text; // chrome is short; a long line is prose even if it says "cookies"
    }
    let mut buf = [0u8; CHROME_MAX_LINE];
    if line.len() > 160 {
        // Long lines: only the notices that run long (newsletter, legal, captcha).
        let end = LONG_END_PREFILTER.is_in(ascii_lowercase(line, &mut buf)) && LONG_END_SET.is_match(line);
        return if end { LineRole::End } else { LineRole::Text };
    }
    if may_be_byline_or_reading_time(line) {
        if let Some(c) = READING_TIME.captures(line) {
            let time = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str()).trim();
            return LineRole::ReadingTime(time.to_string());
        }
        if let Some(c) = BYLINE.captures(line) {
            return LineRole::Byline(c[1].trim_end_matches(['.', ',']).to_string());
        }
    }
    if may_be_teaser_header(line) && TEASER_SET.is_match(line) {
        return LineRole::TeaserHeader;
    }
    let folded = ascii_lowercase(line, &mut buf);
    if (END_PREFILTER.is_in(folded) || END_CHARACTER_PREFILTER.is_in(folded)) && END_SET.is_match(line) {
        return LineRole::End;
    }
    if CHROME_SET.is_match(line) {
        return LineRole::Chrome;
    }
    LineRole::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(s: &str) -> LineRole {
        classify(s)
    }

    #[test]
    fn site_header_chrome() {
        for s in ["18.5 C", "-3 °F", "Download the App", "Télécharger l'application", "Read in English", "Lire en anglais", "spot_img", "- Advertisement -", "Publicité", "-", "***"] {
            assert_eq!(role(s), LineRole::Chrome, "{s}");
        }
    }

    #[test]
    fn widgets_and_teaser_headers() {
        for s in ["Partager cet article", "Share this story", "Commentaires (3)", "12 comments", "Lire aussi : Le gouvernement présente son budget", "Read more: Markets fall again", "Économie : Dernières nouvelles", "Accueil › Monde › Europe", "Lire la suite :", "Skip to main content", "Aller au contenu principal"] {
            assert_eq!(role(s), LineRole::Chrome, "{s}");
        }
    }

    #[test]
    fn teaser_list_headers() {
        for s in ["Trending", "Most Read", "À lire aussi", "La rédaction vous conseille", "Read Next"] {
            assert_eq!(role(s), LineRole::TeaserHeader, "{s}");
        }
    }

    #[test]
    fn end_markers() {
        for s in ["Laisser un commentaire", "LEAVE A REPLY", "Please enter your name here", "Votre adresse e-mail ne sera pas publiée.", "Inscrivez-vous à notre newsletter", "© 2024 Le Journal. Tous droits réservés", "All rights reserved.", "NEXT Une autre histoire sans rapport", "PREV Un ancien titre", "Plus d'articles", "You may also like", "This site is protected by reCAPTCHA and the Google Privacy Policy"] {
            assert_eq!(role(s), LineRole::End, "{s}");
        }
    }

    #[test]
    fn every_end_marker_passes_the_prefilter() {
        // One line per alternative of each pattern of END.
        for s in [
            "Leave a reply", "leave a comment", "Laisser un commentaire", "LAISSEZ UN COMMENTAIRE", "Poster un commentaire", "Post a comment",
            "Add a comment", "Ajouter un commentaire", "Réagir", "RÉAGIR", "Écrire un commentaire", "Write a comment", "Join the discussion",
            "Join the conversation", "Please enter your comment!", "please enter your name", "Please enter your email",
            "Votre adresse e-mail ne sera pas publiée", "votre adresse email ne sera pas publiée", "Votre adresse mail ne sera pas publiée",
            "Votre adresse de messagerie ne sera pas publiée", "Your email address will not be published", "Les champs obligatoires sont indiqués",
            "Required fields are marked *", "Enregistrer mon nom", "Save my name, email", "Vous devez être connecté pour commenter",
            "Connectez-vous pour réagir", "You must be logged in to post a comment.", "Log in to comment", "Sign up to Business Today", "Our NEWSLETTER", "bulletin d'information",
            "Bulletin d’information", "lettre d'information", "Lettre d’information", "Inscrivez-vous", "ABONNEZ-VOUS", "Subscribe to our",
            "Sign up for", "Se désabonner", "vous désabonner", "Unsubscribe", "reCAPTCHA", "captcha", "Tous droits réservés",
            "All Rights Reserved", "© 2024", "Copyright 2024", "Conditions générales d'utilisation", "conditions d’utilisation",
            "Politique de confidentialité", "Privacy Policy", "Terms of use", "Terms of Service", "Mentions légales",
            "Nous utilisons des cookies", "We use cookies", "Accepter les cookies", "Accept all cookies", "accept cookies",
            "Reporting by Jane Doe", "Additional reporting by X", "Writing by X", "Editing by X", "Edited by X", "Compiled by X",
            "Reporting by", "Our Standards: The Thomson", "avec AFP", "With Reuters", "Avec AP", "with Bloomberg", "PREV x", "NEXT x",
            "PRÉCÉDENT x", "SUIVANT x", "Previous article", "Next post", "next story", "Article précédent", "Article suivant",
            "Related topics", "More on this story", "More on this topic", "More about", "Around the world", "Top stories",
            "Elsewhere on BBC", "Also in Business", "Sur le même sujet", "Sur le même thème", "Dans la même rubrique",
            "Les articles les plus lus", "Nos derniers articles", "Plus d'articles", "Plus d’article", "More articles", "More stories",
            "More from", "Article similaire", "Articles similaires", "Articles liés", "Article liés", "Related articles",
            "Related stories", "Related posts", "Vous aimerez aussi", "Vous pourriez aussi aimer", "You may also like",
            "You might also like", "À voir aussi", "Nos articles", "we uſe cookies", "\u{212a}ept",
        ] {
            assert!(END_SET.is_match(s) || s.contains('\u{212a}'), "{s}");
            let folded = s.to_ascii_lowercase();
            assert!(END_PREFILTER.is_in(folded.as_bytes()) || END_CHARACTER_PREFILTER.is_in(folded.as_bytes()), "{s}");
        }
    }

    #[test]
    fn the_pieces_are_in_ascii_lowercase() {
        // They are searched case-sensitively in the line in ASCII lowercase.
        for piece in END_PIECES.iter().chain(LONG_END_PIECES).chain(END_CHARACTERS) {
            assert_eq!(piece.to_ascii_lowercase(), *piece);
        }
        let mut buf = [0; CHROME_MAX_LINE];
        assert_eq!(ascii_lowercase("NEWS Letter ÉTÉ ſ", &mut buf), "news letter ÉtÉ ſ".as_bytes());
    }

    #[test]
    fn only_two_other_characters_fold_to_ascii_letters() {
        let letters = Regex::new(r"(?i)[a-z]").unwrap();
        let mut buf = [0; 4];
        for c in (0x80..=0x10_ffff).filter_map(char::from_u32) {
            assert_eq!(letters.is_match(c.encode_utf8(&mut buf)), c == 'ſ' || c == '\u{212a}', "{c:?}");
        }
    }

    #[test]
    fn bylines_and_reading_times_pass_the_first_byte_test() {
        let lines = [
            "Par Marie Dupont", "par Marie Dupont", "PAR MARIE", "By John Smith", "by John", "BY JOHN", "Texte : Anne Lévy",
            "texte Anne", "Propos recueillis par Anne Lévy", "propos recueillis par Anne", "Written by Ann Lee", "written by Ann",
            "Écrit par Jean Roux", "écrit par Jean", "Temps de lecture : 4 min", "TEMPS DE LECTURE 4", "Durée de lecture : 3",
            "durée de lecture 3", "Reading time: 5", "reading time 5", "Lecture : 2 min", "LECTURE 2", "Read time: 4",
            "read time 4", "5 min read", "5 minutes to read", "12 min de lecture", "١٢ min read",
        ];
        let matches = |s: &str| READING_TIME.is_match(s) || BYLINE.is_match(s);
        for line in lines {
            assert!(matches(line) && may_be_byline_or_reading_time(line), "{line}");
            // The same line with any other first character.
            let rest = &line[line.chars().next().map_or(0, char::len_utf8)..];
            for c in (0..0x250).filter_map(char::from_u32).chain(['ſ', '\u{212a}', '١', '٢']) {
                let other = format!("{c}{rest}");
                assert!(!matches(&other) || may_be_byline_or_reading_time(&other), "{other}");
                // The same line with any other second or third character.
                for at in [1, 2] {
                    let mut chars: Vec<char> = line.chars().collect();
                    if at < chars.len() {
                        chars[at] = c;
                        let other: String = chars.into_iter().collect();
                        assert!(!matches(&other) || may_be_byline_or_reading_time(&other), "{other}");
                    }
                }
            }
        }
    }

    #[test]
    fn teaser_headers_are_no_longer_than_the_gate() {
        let pattern = TEASER_HEADERS[0];
        let alternatives = pattern.strip_prefix("(?i)^(?:").and_then(|p| p.strip_suffix(")\\s*:?$")).expect("the pattern's frame");
        for alternative in alternatives.split('|') {
            // `?` makes the letter before it optional: the longest form has it.
            let longest = alternative.replace('?', "");
            assert!(longest.chars().count() <= TEASER_MAX_CHARS, "{alternative}");
            for line in [longest.clone(), longest.to_uppercase(), format!("{longest} :"), format!("{longest}\u{a0}\u{2003}:"), format!("{longest}  ")] {
                assert!(TEASER_SET.is_match(&line) && may_be_teaser_header(&line), "{line:?}");
            }
        }
        for line in ["Lire aussi : le budget", "Les plus lus de la semaine dernière et de ce mois"] {
            assert!(!TEASER_SET.is_match(line), "{line}");
        }
        assert!(!may_be_teaser_header("Les plus lus de la semaine dernière et de ce mois"));
        assert!(may_be_teaser_header("Related:") && may_be_teaser_header("À lire aussi  :"));
    }

    #[test]
    fn bylines_and_reading_time() {
        assert_eq!(role("Par Marie Dupont"), LineRole::Byline("Marie Dupont".into()));
        assert_eq!(role("By John Smith and Jane Doe"), LineRole::Byline("John Smith".into()));
        assert_eq!(role("Temps de lecture : 4 min"), LineRole::ReadingTime("4 min".into()));
        assert_eq!(role("5 min read"), LineRole::ReadingTime("5 min".into()));
    }

    #[test]
    fn every_long_end_marker_holds_a_piece() {
        for pattern in LONG_END {
            for marker in pattern.trim_start_matches("(?i)").split('|') {
                assert!(LONG_END_PIECES.iter().any(|p| marker.contains(p)), "{marker}");
            }
        }
        for piece in LONG_END_PIECES {
            assert!(piece.bytes().all(|b| b == b' ' || b.is_ascii_lowercase() && b != b's' && b != b'k'), "{piece}");
        }
    }

    #[test]
    fn no_other_character_folds_to_the_letters_of_the_pieces() {
        // The prefilter of the long end markers searches ASCII case-insensitively.
        let letters = Regex::new(r"(?i)[a-jl-rt-z]").unwrap();
        let mut buf = [0; 4];
        for c in (0x80..=0x10_ffff).filter_map(char::from_u32) {
            assert!(!letters.is_match(c.encode_utf8(&mut buf)), "{c:?}");
        }
    }

    #[test]
    fn long_lines_are_end_markers_only_by_the_long_patterns() {
        let filler = "Le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine, ";
        let long = |s: &str| format!("{filler}{filler}{s}");
        assert_eq!(role(&long("inscrivez-vous à notre NEWSLETTER.")), LineRole::End);
        assert_eq!(role(&long("Tous Droits Réservés.")), LineRole::End);
        assert_eq!(role(&long("this site uses recaptcha.")), LineRole::End);
        assert_eq!(role(&long("we uſe cookies.")), LineRole::End);
        assert_eq!(role(&long("et le droit de vote des étrangers.")), LineRole::Text);
    }

    #[test]
    fn prose_is_text() {
        for s in [
            "The company did not immediately respond to a request to comment.",
            "Le ministre n'était pas disponible pour commenter.",
            "Le ministre a annoncé une réforme des retraites mardi.",
            "Next year, the company plans to open a new factory.",
            "Par ailleurs, le gouvernement a présenté son budget.",
            "The president said the talks would continue.",
            "Paris",
        ] {
            assert_eq!(role(s), LineRole::Text, "{s}");
        }
    }
}
