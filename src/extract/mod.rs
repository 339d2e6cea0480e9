//! Extraction: the mentions of persons, places, organisations, figures and dates in
//! an article's cleaned text.

pub mod aliases;
pub mod article_date;
pub mod dates;
pub mod entities;
pub mod figures;
pub mod gazetteer;
pub mod numbers;
pub mod persons;
pub mod scan;
pub mod sentences;
pub mod tokens;

use crate::model::{Kind, Mention, Value};

/// What extraction finds in one text before the article's date is known.
#[derive(Debug, Default, Clone)]
pub struct Extraction {
    /// Entity and figure mentions, sorted, without overlaps.
    pub mentions: Vec<Mention>,
    /// Temporal expressions, to be resolved once the article's date is known.
    pub temporals: Vec<dates::TemporalExpr>,
    /// Byte ranges of the sentences.
    pub sentences: Vec<std::ops::Range<usize>>,
}

/// The language of a text, as far as its commonest words tell (see [`language`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// French.
    French,
    /// English.
    English,
}

/// The language whose function word `w` is: the cue words as a list, which the keyed
/// lookup the tokenizer uses ([`cue_language_by_key`]) is checked against.
#[cfg(test)]
fn cue_language(w: &str) -> Option<Language> {
    match w {
        // Every cue word has two to four letters: most words are ruled out by their length.
        _ if !(2..=4).contains(&w.len()) => None,
        "le" | "la" | "les" | "des" | "et" | "est" | "une" | "du" | "dans" => Some(Language::French),
        "the" | "and" | "of" | "is" | "to" | "was" | "that" | "with" => Some(Language::English),
        _ => None,
    }
}

/// The bytes of a piece of two to four bytes, zero-padded, as a little-endian number.
const fn cue_key(piece: &[u8]) -> u32 {
    let mut key = 0u32;
    let mut i = 0;
    while i < piece.len() && i < 4 {
        key |= (piece[i] as u32) << (8 * i);
        i += 1;
    }
    key
}

/// [`cue_language`] of the piece whose [`cue_key`] is `key`: one comparison of numbers
/// per cue word rather than of strings.
fn cue_language_by_key(key: u32) -> Option<Language> {
    const LE: u32 = cue_key(b"le");
    const LA: u32 = cue_key(b"la");
    const LES: u32 = cue_key(b"les");
    const DES: u32 = cue_key(b"des");
    const ET: u32 = cue_key(b"et");
    const EST: u32 = cue_key(b"est");
    const UNE: u32 = cue_key(b"une");
    const DU: u32 = cue_key(b"du");
    const DANS: u32 = cue_key(b"dans");
    const THE: u32 = cue_key(b"the");
    const AND: u32 = cue_key(b"and");
    const OF: u32 = cue_key(b"of");
    const IS: u32 = cue_key(b"is");
    const TO: u32 = cue_key(b"to");
    const WAS: u32 = cue_key(b"was");
    const THAT: u32 = cue_key(b"that");
    const WITH: u32 = cue_key(b"with");
    match key {
        LE | LA | LES | DES | ET | EST | UNE | DU | DANS => Some(Language::French),
        THE | AND | OF | IS | TO | WAS | THAT | WITH => Some(Language::English),
        _ => None,
    }
}

/// How many pieces between non-letters [`language`] reads at most.
const MAX_PIECES: usize = 2000;

/// Guesses French or English from function words: the cue words among the first
/// [`MAX_PIECES`] pieces between non-letters. The tokenizer counts them while it
/// tokenizes ([`tokens::LanguageCues`]), so [`extract`] has the answer without reading
/// the text again; this is the same count for a text not otherwise tokenized.
pub fn language(text: &str) -> Language {
    tokens::tokenize_indexed(text).cues.language()
}

/// Finds every mention of `text`: entities linked within the article, figures, and
/// temporal expressions (left for the caller to resolve). Dates win over figures
/// where they overlap ("18 juin": the 18 is a day, not an amount).
pub fn extract(text: &str) -> Extraction {
    extract_all(&[text]).pop().expect("one extraction per text")
}

/// [`extract`] of each of `texts`, in order, one step at a time: every text goes through
/// the dates, then every text through the tokenizer, and so on.
///
/// Why in steps: each step reads its own large tables (the gazetteer's automaton, the
/// lazy automata of the date patterns, the word lists), and a core's cache holds one
/// step's tables, not all of them. Taken article by article, the steps push each other's
/// tables out at every article; taken a batch at a time, the same instructions run in
/// about a fifth less time (README, performance). The caller bounds the batch (see
/// [`crate::BATCH`]): what the steps keep between them grows with it.
pub fn extract_all(texts: &[&str]) -> Vec<Extraction> {
    let temporals: Vec<Vec<dates::TemporalExpr>> = texts.iter().map(|text| dates::find(text)).collect();
    // The tokens go straight to the entity rules, text by text: a batch's tokens would
    // not fit in the cache. (The tokenizer also counts the cues of `language(text)`.)
    let (found, decimals): (Vec<Vec<entities::Found>>, Vec<figures::Decimal>) = texts
        .iter()
        .map(|text| {
            let tokens = tokens::tokenize_indexed(text);
            let decimal = match tokens.cues.language() {
                Language::French => figures::Decimal::Comma,
                Language::English => figures::Decimal::Point,
            };
            (entities::find_in(text, &tokens), decimal)
        })
        .unzip();
    let linked: Vec<Vec<aliases::Linked>> = texts.iter().zip(&found).map(|(text, found)| aliases::link(text, found)).collect();
    let figures: Vec<Vec<figures::Figure>> = texts.iter().zip(&decimals).map(|(text, &decimal)| figures::find(text, decimal)).collect();
    texts
        .iter()
        .zip(linked)
        .zip(figures)
        .zip(temporals)
        .map(|(((text, linked), figures), temporals)| assemble(text, linked, figures, temporals))
        .collect()
}

/// The extraction of one text from what the steps of [`extract_all`] found in it.
fn assemble(text: &str, linked: Vec<aliases::Linked>, figures: Vec<figures::Figure>, temporals: Vec<dates::TemporalExpr>) -> Extraction {
    // One shared string per entity of the article (a corpus holds millions of mentions).
    // (Sized for every mention at once: no rehashing as the map fills.)
    let mut names: rustc_hash::FxHashMap<&str, std::sync::Arc<str>> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(linked.len(), Default::default());
    let mut mentions: Vec<Mention> = linked
        .into_iter()
        .map(|l| {
            let name = names.entry(l.entity).or_insert_with_key(|name| (*name).into()).clone();
            Mention::new(l.kind, l.start, l.end, Some(name))
        })
        .collect();
    let dated = crate::spans::Disjoint::from_sorted(temporals.iter().map(|t| (t.start, t.end)));
    let named = crate::spans::Disjoint::from_sorted(mentions.iter().map(|m| (m.start(), m.end())));
    for f in figures {
        if dated.overlaps(f.start, f.end) || named.overlaps(f.start, f.end) {
            continue;
        }
        mentions.push(Mention::with_value(Kind::Figure, f.start, f.end, Some(Value::Number(f.value)), f.unit));
    }
    mentions.sort_by_key(|m| m.start());
    // Temporal expressions that collide with an entity give way ("Mars" the planet aside,
    // an organisation such as "Groupe du 4 Septembre" keeps its name).
    let taken = crate::spans::Disjoint::from_sorted(mentions.iter().map(|m| (m.start(), m.end())));
    let temporals = temporals.into_iter().filter(|t| !taken.overlaps(t.start, t.end)).collect();
    Extraction { mentions, temporals, sentences: sentences::split(text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (kind, text, entity) of every entity mention.
    fn entities(text: &str) -> Vec<(Kind, String, String)> {
        extract(text)
            .mentions
            .into_iter()
            .filter(|m| m.kind().is_entity())
            .map(|m| (m.kind(), text[m.range()].to_string(), m.entity.map(|e| e.to_string()).unwrap_or_default()))
            .collect()
    }

    fn has(found: &[(Kind, String, String)], kind: Kind, text: &str, entity: &str) -> bool {
        found.iter().any(|(k, t, e)| *k == kind && t == text && e == entity)
    }

    #[test]
    fn french_persons_places_orgs_with_titles_and_elisions() {
        let text = "Le chancelier allemand Olaf Scholz a rencontré mardi à Berlin le président de la Commission européenne. \
                    Selon l’Agence France-Presse (AFP), M. Scholz a aussi parlé avec le porte-parole de l’OTAN, Farah Dahlan.";
        let found = entities(text);
        assert!(has(&found, Kind::Person, "Olaf Scholz", "Olaf Scholz"), "{found:?}");
        assert!(has(&found, Kind::Person, "Scholz", "Olaf Scholz"), "{found:?}");
        assert!(has(&found, Kind::Place, "Berlin", "Berlin"), "{found:?}");
        assert!(found.iter().any(|(k, t, _)| *k == Kind::Org && t == "Agence France-Presse"), "{found:?}");
        let afp = found.iter().find(|(_, t, _)| t == "AFP").expect("AFP");
        let full = found.iter().find(|(_, t, _)| t == "Agence France-Presse").expect("full name");
        assert_eq!(afp.2, full.2, "the acronym links to the full name");
        assert!(has(&found, Kind::Person, "Farah Dahlan", "Farah Dahlan"), "{found:?}");
    }

    #[test]
    fn english_text_and_exonyms_link_across_languages() {
        let text = "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow on Tuesday, the Kremlin said. Putin later flew to North Korea.";
        let found = entities(text);
        assert!(has(&found, Kind::Person, "Vladimir Putin", "Vladimir Putin"), "{found:?}");
        assert!(has(&found, Kind::Person, "Putin", "Vladimir Putin"), "{found:?}");
        assert!(has(&found, Kind::Person, "Xi Jinping", "Xi Jinping"), "{found:?}");
        let moscow = found.iter().find(|(_, t, _)| t == "Moscow").expect("Moscow");
        assert_eq!(moscow.2, crate::extract::gazetteer::gazetteer().entry(crate::extract::gazetteer::gazetteer().lookup("Moscou").unwrap()).canonical);
        assert!(found.iter().any(|(k, t, _)| *k == Kind::Org && t == "Kremlin"), "{found:?}");
        assert!(found.iter().any(|(k, t, _)| *k == Kind::Place && t == "North Korea"), "{found:?}");
    }

    #[test]
    fn two_people_with_one_surname_stay_apart() {
        let text = "Kim Jong Un a reçu sa sœur Kim Yo Jong. Selon Pyongyang, Kim a salué la visite.";
        let found = entities(text);
        let un = found.iter().find(|(_, t, _)| t == "Kim Jong Un").expect("Kim Jong Un");
        let yo = found.iter().find(|(_, t, _)| t == "Kim Yo Jong").expect("Kim Yo Jong");
        assert_ne!(un.2, yo.2);
        // the bare surname goes to the person named most recently before it
        let bare = found.iter().find(|(_, t, _)| t == "Kim").expect("Kim");
        assert_eq!(bare.2, yo.2);
    }

    /// Asserts that `text` holds `surface` as a mention of `kind`.
    fn assert_finds(kind: Kind, text: &str, surface: &str) {
        let found = entities(text);
        assert!(found.iter().any(|(k, t, _)| *k == kind && t == surface), "{text}: {found:?}");
    }

    #[test]
    fn a_surname_with_a_particle_after_a_title_is_the_full_name() {
        let text = "Marine Le Pen a quitté la salle. Cette décision pourrait empêcher Mme Le Pen de se présenter.";
        let found = entities(text);
        assert!(has(&found, Kind::Person, "Le Pen", "Marine Le Pen"), "{found:?}");
        let text = "Bruno Le Maire a présenté le budget. M. Le Maire a défendu ses choix.";
        assert!(has(&entities(text), Kind::Person, "Le Maire", "Bruno Le Maire"));
        let text = "Herman Van Rompuy was there. According to Mr Van Rompuy, the text will pass.";
        assert!(has(&entities(text), Kind::Person, "Van Rompuy", "Herman Van Rompuy"));
        // The last one named before it, when two share it.
        let text = "Jean-Marie Le Pen est mort. Marine Le Pen a parlé. Mme Le Pen a répondu.";
        assert!(has(&entities(text), Kind::Person, "Le Pen", "Marine Le Pen"));
        // Alone, it is a person of its own.
        assert!(has(&entities("Selon Mme Le Pen, le texte passera."), Kind::Person, "Le Pen", "Le Pen"));
    }

    #[test]
    fn spelling_variants_are_one_person() {
        let text = "Le conseiller Iouri Ouchakov a parlé. Plus tard, Iuri Ouchakov a précisé que Kim Jong-un viendrait, et Kim Jong Un est venu.";
        let found = entities(text);
        let a = found.iter().find(|(_, t, _)| t == "Iouri Ouchakov").unwrap();
        let b = found.iter().find(|(_, t, _)| t == "Iuri Ouchakov").unwrap();
        assert_eq!(a.2, b.2);
        let c = found.iter().find(|(_, t, _)| t == "Kim Jong-un").unwrap();
        let d = found.iter().find(|(_, t, _)| t == "Kim Jong Un").unwrap();
        assert_eq!(c.2, d.2);
    }

    #[test]
    fn a_title_inside_a_capitalised_run_opens_the_name() {
        let text = "The talks went on. Later, Treasury Secretary Janet Yellen joined them, and Commerce Secretary Gina Raimondo came too.";
        let found = entities(text);
        assert!(has(&found, Kind::Person, "Janet Yellen", "Janet Yellen"), "{found:?}");
        assert!(has(&found, Kind::Person, "Gina Raimondo", "Gina Raimondo"), "{found:?}");
        assert!(found.iter().all(|(_, t, _)| !t.contains("Secretary")), "{found:?}");
    }

    #[test]
    fn a_role_beyond_a_reporting_verb_names_no_one() {
        let text = "The minister said the Treasury would act on the debt soon, according to the officials of the government.";
        assert!(entities(text).iter().all(|(k, _, _)| *k != Kind::Person), "{:?}", entities(text));
        // With no verb between them, the role still names the person.
        let found = entities("Le ministre Lavrov a ensuite rencontré les délégations des deux pays à Genève.");
        assert!(has(&found, Kind::Person, "Lavrov", "Lavrov"), "{found:?}");
    }

    #[test]
    fn english_organisations_take_for_and_on_but_no_date() {
        let text = "The Office for National Statistics (ONS) and the Council on Foreign Relations agreed. The European Commission on Tuesday said the ONS was right.";
        let found = entities(text);
        for name in ["Office for National Statistics", "Council on Foreign Relations", "European Commission"] {
            assert!(found.iter().any(|(k, t, _)| *k == Kind::Org && t == name), "{name}: {found:?}");
        }
        assert!(found.iter().all(|(_, t, _)| !t.contains("Tuesday")), "{found:?}");
        let ons = found.iter().filter(|(_, t, _)| t == "ONS").map(|(_, _, e)| e.as_str()).collect::<Vec<_>>();
        assert_eq!(ons, ["Office for National Statistics"; 2], "{found:?}");
    }

    #[test]
    fn an_acronym_in_the_plural_is_no_one() {
        let found = entities("The governor, Andrew Bailey, told MPs last week that the NGOs and CEOs were worried about the economy.");
        assert!(found.iter().all(|(_, t, _)| !["MPs", "NGOs", "CEOs"].contains(&t.as_str())), "{found:?}");
        assert!(has(&found, Kind::Person, "Andrew Bailey", "Andrew Bailey"), "{found:?}");
    }

    #[test]
    fn particles_in_a_row_stay_inside_the_name() {
        let text = "La présidente de la Commission, Ursula von der Leyen, a reçu Ludwig van der Berg à Bruxelles.";
        let found = entities(text);
        assert!(has(&found, Kind::Person, "Ursula von der Leyen", "Ursula von der Leyen"), "{found:?}");
        assert!(has(&found, Kind::Person, "Ludwig van der Berg", "Ludwig van der Berg"), "{found:?}");
    }

    #[test]
    fn a_role_held_at_a_firm_names_the_firm() {
        let found = entities("« Le marché reste fragile », a estimé Paule Lenoir, économiste chez Banque Dorval, mardi.");
        assert!(has(&found, Kind::Org, "Banque Dorval", "Banque Dorval"), "{found:?}");
        assert!(has(&found, Kind::Person, "Paule Lenoir", "Paule Lenoir"), "{found:?}");
        let found = entities("Analysts at Hollis Brandt raised their target on the stock.");
        assert!(has(&found, Kind::Org, "Hollis Brandt", "Hollis Brandt"), "{found:?}");
    }

    #[test]
    fn unknown_words_after_a_determiner_and_common_acronyms_are_no_names() {
        let found = entities("Les ventes ont progressé, portées par la Zorvane, a précisé le groupe. The AI boom lifted the GDP figures.");
        assert!(found.iter().all(|(_, t, _)| !["Zorvane", "AI", "GDP"].contains(&t.as_str())), "{found:?}");
        let found = entities("Rep. Alexandria Ocasio-Cortez (D-N.Y.) and Sen. Ted Cruz (R-TX) spoke.");
        assert!(found.iter().all(|(k, _, _)| *k == Kind::Person), "{found:?}");
        // An unknown acronym is still a body.
        assert!(entities("Le syndicat a rencontré la direction de la SNTX hier.").iter().any(|(k, t, _)| *k == Kind::Org && t == "SNTX"));
    }

    #[test]
    fn a_name_ending_in_two_ordinary_words_is_a_thing_named_after_a_person() {
        let found = entities("Astronomers using the James Webb Space Telescope saw it. Martin Luther King spoke, and Joe Black listened.");
        assert!(found.iter().all(|(_, t, _)| !t.contains("Telescope")), "{found:?}");
        assert!(has(&found, Kind::Person, "Martin Luther King", "Martin Luther King"), "{found:?}");
        assert!(has(&found, Kind::Person, "Joe Black", "Joe Black"), "{found:?}");
    }

    #[test]
    fn an_organisation_opening_a_sentence_is_the_organisation() {
        for (text, org) in [("EDF présente un plan pour le nucléaire.", "EDF"), ("Renault a présenté ses résultats annuels.", "Renault")] {
            assert!(entities(text).iter().any(|(k, t, _)| *k == Kind::Org && t == org), "{text}");
        }
        // An ordinary word that a body takes as its name stays the word there.
        assert!(entities("Orange est une couleur vive.").is_empty());
    }

    #[test]
    fn a_kind_of_place_names_the_place() {
        let found = entities("A bus crashed near the town of Kalvorina, police said. La commune de Vernouillet-sur-Brême a réagi.");
        assert!(found.iter().any(|(k, t, _)| *k == Kind::Place && t == "Kalvorina"), "{found:?}");
        assert!(found.iter().any(|(k, t, _)| *k == Kind::Place && t == "Vernouillet-sur-Brême"), "{found:?}");
        // A site's own name, its head capitalised or not, with `de` or without.
        for (text, place) in [
            ("Le match s'est joué au Stade de France devant la foule.", "Stade de France"),
            ("Le train partira de la Gare de Lyon-Perrache vendredi.", "Gare de Lyon-Perrache"),
            ("Les vols de l'aéroport Roissy-Charles-de-Gaulle sont annulés.", "aéroport Roissy-Charles-de-Gaulle"),
            ("Le stade Geoffroy-Guichard était plein.", "stade Geoffroy-Guichard"),
            ("Le Canal de Suez est bloqué.", "Canal de Suez"),
            ("Le match a eu lieu au Parc des Princes samedi.", "Parc des Princes"),
            ("The rocket lifted off from Cape Canaveral on Friday.", "Cape Canaveral"),
        ] {
            assert_finds(Kind::Place, text, place);
        }
    }

    #[test]
    fn an_adjective_that_can_be_a_role_names_no_one() {
        let found = entities("Le PDG a précisé que le premier chantier débuterait en 2026, à Penly, près de Dieppe.");
        assert!(found.iter().all(|(k, t, _)| !(t == "Penly" && *k == Kind::Person)), "{found:?}");
        let found = entities("Le directeur général Luc Rémont et le Premier ministre Gabriel Attal ont parlé.");
        assert!(has(&found, Kind::Person, "Luc Rémont", "Luc Rémont") && has(&found, Kind::Person, "Gabriel Attal", "Gabriel Attal"), "{found:?}");
    }

    #[test]
    fn a_compound_of_given_names_opens_a_name() {
        let found = entities("Jean-Louis Vardier a regretté un manque d'efficacité de son équipe.");
        assert!(has(&found, Kind::Person, "Jean-Louis Vardier", "Jean-Louis Vardier"), "{found:?}");
    }

    #[test]
    fn english_copy_reads_a_french_canonical_as_the_english_name() {
        let gaz = crate::extract::gazetteer::gazetteer();
        let mexico_country = gaz.english_reading(gaz.lookup("Mexico").expect("Mexico"), "Mexico");
        let country = &gaz.entry(mexico_country).canonical;
        let found = entities("Mexico's foreign ministry said on Tuesday that it would not accept the deportations.");
        assert!(has(&found, Kind::Place, "Mexico", country), "{found:?}");
        let found = entities("Le président a atterri à Mexico mardi, où il a été reçu par son homologue.");
        assert!(has(&found, Kind::Place, "Mexico", "Mexico"), "{found:?}");
    }

    #[test]
    fn the_place_of_a_wire_dateline_is_a_place() {
        let gaz = crate::extract::gazetteer::gazetteer();
        let tokyo = &gaz.entry(gaz.lookup("Tokyo").expect("Tokyo")).canonical;
        let found = entities("TOKYO (Reuters) - Amazon Web Services plans to invest more in Japan, the company said on Friday.");
        assert!(has(&found, Kind::Place, "TOKYO", tokyo), "{found:?}");
        // A place the gazetteer does not know, before the agency; a state after a comma.
        let found = entities("WOODSIDE, Calif. (AP) — President Joe Biden and Chinese leader Xi Jinping agreed on Wednesday to talk.");
        assert!(found.iter().any(|(k, t, _)| *k == Kind::Place && t == "WOODSIDE"), "{found:?}");
        let found = entities("Le texte.\nNEW YORK, June 3 (Reuters) - Stocks rose sharply on Wall Street after the jobs report was out.");
        assert!(found.iter().any(|(k, t, _)| *k == Kind::Place && t == "NEW YORK"), "{found:?}");
        // A rubric in capitals before a dash is no place.
        for text in ["VIDÉO - Le président a parlé aux journalistes pendant une heure ce matin.", "INFO LE PARISIEN – Le maire a démissionné hier soir."] {
            assert!(entities(text).iter().all(|(k, _, _)| *k != Kind::Place), "{:?}", entities(text));
        }
    }

    #[test]
    fn a_title_case_headline_does_not_become_names() {
        let text = "Le Gouvernement Annonce Une Nouvelle Réforme Des Retraites Pour Les Jeunes Travailleurs";
        let found = entities(text);
        assert!(found.iter().all(|(k, _, _)| *k != Kind::Person), "{found:?}");
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let text = "Cependant, la réunion a eu lieu. Lorsque le ministre est arrivé, Selon lui tout allait bien. Dans la soirée, rien.";
        assert!(entities(text).is_empty(), "{:?}", entities(text));
    }

    #[test]
    fn english_head_words_after_the_name() {
        for (text, org) in [
            ("A scientist at the Jet Propulsion Laboratory said the probe was safe.", "Jet Propulsion Laboratory"),
            ("The Trades Union Congress passed a motion on Tuesday.", "Trades Union Congress"),
            ("She works at the Natural History Museum in London.", "Natural History Museum"),
            ("The National Highway Traffic Safety Administration opened an inquiry.", "National Highway Traffic Safety Administration"),
        ] {
            assert_finds(Kind::Org, text, org);
        }
        assert!(!entities("Officials of the Trump Administration said so.").iter().any(|(_, t, _)| t == "Trump Administration"));
    }

    #[test]
    fn roman_numerals_and_codes_are_no_acronyms() {
        for (text, word) in [
            ("Le XV de France a perdu samedi.", "XV"),
            ("L'OMS a alerté sur la circulation du variant JN.1 en Europe.", "JN"),
            ("The A-10 jets flew over the base.", "A"),
        ] {
            assert!(!entities(text).iter().any(|(_, t, _)| t == word), "{text}");
        }
        assert!(entities("The CIA and MI6 met.").iter().any(|(k, t, _)| *k == Kind::Org && t == "MI6"));
    }

    #[test]
    fn french_bodies_in_lower_case_before_their_name() {
        for (text, org) in [
            ("Le tribunal correctionnel de Bobigny a condamné le prévenu.", "tribunal correctionnel de Bobigny"),
            ("La cour d'appel de Douai rendra sa décision en mars.", "cour d'appel de Douai"),
            ("Le parquet de Nanterre a ouvert une enquête.", "parquet de Nanterre"),
            ("Selon le ministère de l'Intérieur, la mesure sera levée.", "ministère de l'Intérieur"),
            ("Le conseil départemental de la Gironde a voté le budget.", "conseil départemental de la Gironde"),
            ("La préfecture du Nord a interdit la manifestation.", "préfecture du Nord"),
        ] {
            assert_finds(Kind::Org, text, org);
        }
        // Without a name, or a courtyard: no body.
        for text in ["Le conseil des ministres a adopté le texte.", "Ils ont joué dans la cour de l'Élysée.", "La mairie a fermé."] {
            assert!(!entities(text).iter().any(|(k, t, _)| *k == Kind::Org && t.starts_with(char::is_lowercase)), "{text}");
        }
    }

    #[test]
    fn organisation_patterns() {
        let text = "La Cour pénale internationale, le Conseil de sécurité des Nations unies et la RAND Corporation ont répondu au Conseil de sécurité.";
        let found = entities(text);
        for name in ["Cour pénale internationale", "Conseil de sécurité des Nations unies", "RAND Corporation"] {
            assert!(found.iter().any(|(k, t, _)| *k == Kind::Org && t == name), "{name}: {found:?}");
        }
        let short = found.iter().find(|(_, t, _)| t == "Conseil de sécurité").expect("short form");
        let full = found.iter().find(|(_, t, _)| t == "Conseil de sécurité des Nations unies").unwrap();
        assert_eq!(short.2, full.2);
    }

    #[test]
    fn years_and_day_numbers_are_dates_not_figures() {
        let m = extract("Le 18 juin 2024, il a fourni 10 000 obus, contre 2 000 en 2019.").mentions;
        let figures: Vec<_> = m.iter().filter(|m| m.kind() == Kind::Figure).collect();
        assert_eq!(figures.len(), 2, "{figures:?}");
    }

    #[test]
    fn a_place_inside_the_last_token_does_not_panic() {
        // "VW" is a gazetteer hit starting inside the only token: no token index for it.
        extract("Σ'VW");
    }

    /// [`language`] as first written (one character at a time), kept to check the
    /// faster scan against it.
    fn language_reference(text: &str) -> Language {
        let (fr, en) = cue_counts_reference(text);
        if en > fr { Language::English } else { Language::French }
    }

    /// The (French, English) cue words that [`language_reference`] counts.
    fn cue_counts_reference(text: &str) -> (usize, usize) {
        let (mut fr, mut en) = (0usize, 0usize);
        let mut count = |w: &str| match super::cue_language(w) {
            Some(Language::French) => fr += 1,
            Some(Language::English) => en += 1,
            None => {}
        };
        // The first 2,000 pieces between non-letters (empty ones included), read byte by
        // byte: only non-ASCII characters need decoding.
        let (mut pieces, mut start, mut i) = (0, 0, 0);
        let bytes = text.as_bytes();
        while i < bytes.len() && pieces < 2000 {
            let (letter, len) = if bytes[i].is_ascii() {
                (bytes[i].is_ascii_alphabetic(), 1)
            } else {
                let c = text[i..].chars().next().expect("a character starts here");
                (tokens::is_alphabetic(c), c.len_utf8())
            };
            if !letter {
                count(&text[start..i]);
                pieces += 1;
                start = i + len;
            }
            i += len;
        }
        if pieces < 2000 {
            count(&text[start..]);
        }
        (fr, en)
    }

    /// Checks the cues that the tokenizer counts against the reference.
    fn check_token_cues(text: &str) {
        let cues = tokens::tokenize_indexed(text).cues;
        assert_eq!((cues.french, cues.english), cue_counts_reference(text), "{text:?}");
        assert_eq!(cues.language(), language_reference(text), "{text:?}");
    }

    #[test]
    fn the_language_scan_matches_the_reference() {
        let long_french = "le chat et la souris, ".repeat(300) + &"the cat and the mouse ".repeat(200);
        let long_english = "the cat and the mouse ".repeat(500) + &"le chat ".repeat(900);
        // The cap falls inside a block of ASCII, then at a block's last byte.
        let long_ascii_cap = "of ".repeat(1000) + &"le ".repeat(1001) + "le le le";
        let long_cap_at_end = "x ".repeat(1996) + "abcdthe le le le le";
        for text in [
            "", "le", "the", "le the", "est-ce que the", "l’été et the été", "the 3the 4le le5", "Σthe σle", "日本the日本",
            "LE THE", "the\u{301} le", "le×the÷le éthe the× ×le ÿle", "Àthe ×the ÷the the÷", "le le le the the the the le.",
            "0123456the 1234567le", "abcdefgh the", "abcdefg the", "the and of to", long_ascii_cap.as_str(), long_cap_at_end.as_str(), long_french.as_str(), long_english.as_str(),
        ] {
            assert_eq!(language(text), language_reference(text), "{text:?}");
            check_token_cues(text);
        }
        // Every kind of token: elisions, possessives, hyphens, digits inside words,
        // combining accents, other scripts, spaces that are not ASCII.
        for text in [
            "l’the d'le qu’est jusqu'à the's le-the the-le 3the the3 le2le x²the the\u{301} \u{301}the Σthe the日 the\u{a0}le\u{2009}et",
            "le.the,et;the:le!des?du(the)[la]{et}«le»“the”—du–dans…was-that with's O'the l'été Ωle éle leé ×le le÷ ŒUVRE œle",
            "ÉTÉ et LE the AND 2024 le\nthe\tand\ret\u{b}le\u{c}la", "the", "le", "l’", "'le", "-the", "the-", "x-the-y", "é", "",
        ] {
            check_token_cues(text);
        }
    }

    #[test]
    fn cue_keys_give_the_cue_words_languages() {
        for w in [
            "le", "la", "les", "des", "et", "est", "une", "du", "dans", "the", "and", "of", "is", "to", "was", "that", "with",
            "l", "lez", "de", "dan", "th", "thé", "Le", "THE", "e", "a", "é", "wit", "tha", "ofé", "un",
        ] {
            if (2..=4).contains(&w.len()) {
                assert_eq!(cue_language_by_key(cue_key(w.as_bytes())), cue_language(w), "{w:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_language_scan_matches_the_reference_on_random_texts(text in "(le|la|the|of|est|and|[a-zé日 '’,.0-9-]){0,3000}") {
            proptest::prop_assert_eq!(language(&text), language_reference(&text));
            check_token_cues(&text);
        }

        #[test]
        fn the_tokenizer_counts_the_cues_of_the_reference(text in "(le|la|the|of|est|and|dans|with|l’|d'|qu'|'s|[a-zA-Zé2É×ÿœΣ日 '’,.0-9\n\u{a0}\u{301}-]){0,400}") {
            check_token_cues(&text);
        }
    }
}
