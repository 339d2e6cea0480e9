//! Persons, places and organisations.
//!
//! Evidence comes in three strengths: the gazetteers (known places and bodies),
//! patterns (an organisation's head word with its complements, a place's head word:
//! `Agence centrale de presse coréenne`, `RAND Corporation`, `aéroport de Pyongyang`),
//! and context for the remaining capitalised words (a given name, a title or role
//! before a name, a reporting verb, a place preposition). A capitalised word with no
//! such evidence stays unmarked: a wrong highlight misleads more than a missing one.

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashSet as HashSet};
use std::cell::Cell;
use std::hash::BuildHasher;
use std::sync::LazyLock;

use crate::lexicon::lexicon;
use crate::model::Kind;
use crate::spans::Disjoint;

use super::gazetteer::gazetteer;
use super::tokens::{Token, TokenKind, Tokens, WordFilter, is_all_caps, is_capitalised, tokenize_indexed};

/// A person, place or organisation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset past the end.
    pub end: usize,
    /// Person, place or org.
    pub kind: Kind,
    /// The canonical name a gazetteer gives, if any.
    /// (Borrowed from the gazetteer, loaded once for the whole run.)
    pub canonical: Option<&'static str>,
    /// Only weak evidence (an unknown capitalised word): kept only if it links to a
    /// name found with stronger evidence.
    pub weak: bool,
}

/// Head words of organisation names, French and English, written before their complements.
const ORG_HEADS_BEFORE_LIST: &[&str] = &[
    "Agence", "Conseil", "Institut", "Université", "Ministère", "Organisation", "Parti", "Cour", "Commission",
    "Fondation", "Centre", "Banque", "Assemblée", "Office", "Fonds", "Comité", "Autorité", "Haut-Commissariat", "Tribunal",
    "Parlement", "Armée", "Forces", "Direction", "Association", "Fédération", "Syndicat", "Groupe", "Compagnie", "Société",
    "Union", "Académie", "Observatoire", "École", "Laboratoire", "Mouvement", "Front", "Alliance", "Coalition", "Garde",
    "Service", "Services", "Secrétariat", "Chambre", "Sénat", "Conférence", "Congrès", "Bureau", "Régie", "Caisse",
    "Mutuelle", "Collège", "Lycée", "Hôpital", "Clinique", "Musée", "Théâtre", "Orchestre", "Église", "Ordre", "Brigade",
    "Brigades", "Régiment", "Division", "Corps", "Police", "Gendarmerie", "Haute", "Haut", "Département",
    "Ministry", "Department", "Bank", "University", "Council", "Court", "Agency", "Commission", "Committee", "Institute",
    "Foundation", "Organization", "Organisation", "Office", "Bureau", "Board", "Authority", "Party", "Federation",
    "Association", "Union", "Church", "Order", "House", "Senate", "Assembly", "Fund", "Army", "Navy",
];

/// Head words of organisation names written after the name (`RAND Corporation`).
const ORG_HEADS_AFTER_LIST: &[&str] = &[
    "Corporation", "Corp", "Inc", "Ltd", "Institute", "Institution", "University", "Foundation", "Center", "Centre", "Group",
    "Bank", "Party", "Council", "Agency", "Company", "Association", "Committee", "Commission", "Ministry", "Department",
    "Office", "Organization", "Fund", "Forces", "Times", "Post", "News", "Press", "Journal", "Airlines", "Airways",
    "Motors", "Holdings", "Partners", "Capital", "Technologies", "Industries", "Energy", "Pharmaceuticals", "Media",
    "Network", "Broadcasting", "Club", "Society", "Trust", "Endowment", "Review", "Herald", "Tribune", "Gazette",
    "Guardian", "Telegraph", "Observer", "Express", "Service", "Authority", "Board", "Bureau", "College", "School",
    "Laboratory", "Laboratories", "Observatory", "Museum", "Hospital", "Clinic", "Academy", "Federation", "Alliance",
    "Coalition", "Congress", "League", "Tribunal", "Administration",
];

/// French public bodies written in lower case before the name that makes them one
/// (`ministère de l'Intérieur`, `tribunal correctionnel de Paris`, `cour d'appel de
/// Douai`, `parquet de Marseille`, `mairie de Lyon`): organisations only with a capital
/// after them.
const LOWERCASE_ORG_HEADS_LIST: &[&str] = &["ministère", "préfecture", "mairie", "parquet", "tribunal", "cour", "conseil"];

/// Of [`LOWERCASE_ORG_HEADS_LIST`], the heads that also name a thing (a courtyard, a
/// piece of advice, any court): a body only with a complement or an adjective before
/// the name (`cour d'appel de Paris`, `conseil municipal de Lyon`; not `la cour de
/// l'Élysée`).
const LOWERCASE_ORG_HEADS_NEEDING_A_COMPLEMENT: &[&str] = &["tribunal", "cour", "conseil"];

/// Head words of places that take a name after them (`aéroport de Pyongyang`, `place Kim`).
const PLACE_HEADS_LIST: &[&str] = &[
    "aéroport", "cosmodrome", "région", "province", "oblast", "pont", "port", "base", "île", "îles", "mont", "monts",
    "lac", "fleuve", "rivière", "mer", "golfe", "détroit", "vallée", "désert", "péninsule", "presqu'île", "presqu’île",
    "stade", "district", "canton", "comté", "massif", "plaine", "plateau", "baie", "cap", "canal", "barrage", "centrale",
    "gare", "palais", "quartier", "village", "archipel", "bassin", "forêt", "col",
    // Capitalised in a site's own name: `Stade de France`, `Gare du Nord`, `Canal de Suez`.
    "Stade", "Gare", "Aéroport", "Pont", "Port", "Île", "Lac", "Mont", "Canal", "parc", "Parc",
];

/// Place heads whose name follows directly, without `de` (`place Tiananmen`).
const PLACE_HEADS_DIRECT_LIST: &[&str] =
    &["place", "rue", "avenue", "boulevard", "mont", "lac", "cap", "pont", "île", "quai", "aéroport", "stade", "gare", "Gare", "Aéroport", "Stade", "Mount", "Lake", "Cape"];

/// Place heads written after the name (`Vostochny Cosmodrome`, `Tiananmen Square`).
const PLACE_HEADS_AFTER_LIST: &[&str] = &[
    "Airport", "Square", "Cosmodrome", "Province", "Region", "Peninsula", "Island", "Islands", "Bridge", "Strait", "Sea",
    "Ocean", "River", "Lake", "Mountains", "Valley", "Desert", "Stadium", "Street", "Avenue", "Oblast", "County",
    "District", "Bay", "Gulf", "Canal", "Station", "Palace", "Base",
];

/// Titles and roles that announce a person's name.
const PERSON_CUES_LIST: &[&str] = &[
    "président", "présidente", "ministre", "porte-parole", "secrétaire", "conseiller", "conseillère", "dirigeant",
    "dirigeante", "leader", "chef", "cheffe", "analyste", "expert", "experte", "spécialiste", "chercheur", "chercheuse",
    "professeur", "professeure", "directeur", "directrice", "général", "générale", "amiral", "colonel", "commandant",
    "ambassadeur", "ambassadrice", "sénateur", "sénatrice", "député", "députée", "maire", "juge", "procureur",
    "procureure", "avocat", "avocate", "chancelier", "chancelière", "vice-président", "vice-présidente", "patron",
    "patronne", "pdg", "fondateur", "fondatrice", "roi", "reine", "prince", "princesse", "pape", "émir", "cheikh",
    "ayatollah", "opposant", "opposante", "journaliste", "correspondant", "correspondante", "envoyé", "envoyée",
    "émissaire", "négociateur", "gouverneur", "homologue", "successeur", "prédécesseur", "épouse", "mari", "fils", "fille",
    "père", "mère", "frère", "sœur", "candidat", "candidate", "rival", "rivale", "militant", "militante", "dissident",
    "écrivain", "écrivaine", "auteur", "autrice", "acteur", "actrice", "chanteur", "chanteuse", "joueur", "joueuse",
    "entraîneur", "économiste", "politologue", "historien", "historienne", "médecin", "docteur", "commissaire",
    "président-directeur", "numéro", "vice-premier", "premier", "première", "sous-secrétaire", "préfet", "préfète",
    "président", "president", "minister", "spokesman", "spokeswoman", "spokesperson", "secretary", "adviser", "advisor",
    "leader", "chief", "analyst", "expert", "researcher", "professor", "director", "general", "admiral", "colonel",
    "ambassador", "senator", "representative", "mayor", "judge", "prosecutor", "lawyer", "chancellor", "premier", "ceo",
    "founder", "king", "queen", "prince", "princess", "pope", "governor", "envoy", "counterpart", "candidate", "author",
    "economist", "historian", "doctor", "commander", "chairman", "chairwoman", "head", "lawmaker", "deputy",
];

/// Honorifics written just before a name.
const HONORIFICS_LIST: &[&str] = &["M", "Mme", "MM", "Mmes", "Mlle", "Mr", "Mrs", "Ms", "Dr", "Pr", "Me", "Sir", "Lady", "Lord", "Dame", "Mgr"];

/// Reporting verbs (after the name: `X a déclaré`; before it: `a déclaré X`).
const REPORTING_LIST: &[&str] = &[
    "déclaré", "dit", "affirmé", "indiqué", "ajouté", "souligné", "estimé", "expliqué", "annoncé", "écrit", "averti",
    "assuré", "précisé", "rappelé", "confié", "martelé", "insisté", "répondu", "reconnu", "déploré", "dénoncé", "jugé",
    "prévenu", "lancé", "noté", "observé", "commenté", "tweeté", "déclare", "affirme", "estime", "explique", "souligne",
    "said", "says", "told", "added", "wrote", "warned", "explained", "noted", "argued", "stated", "tweeted", "insisted",
    "acknowledged", "announced", "claimed", "declared",
];

/// Words that introduce an organisation named after them (`l'agence Yonhap`).
const ORG_CUES_LIST: &[&str] = &[
    "agence", "chaîne", "journal", "quotidien", "hebdomadaire", "magazine", "site", "groupe", "société", "entreprise",
    "compagnie", "firme", "banque", "constructeur", "géant", "opérateur", "cabinet", "institut", "think", "tank",
    "radio", "télévision", "média", "médias", "parti", "organisation", "ong", "association", "syndicat", "club", "équipe",
    "agency", "newspaper", "channel", "broadcaster", "company", "firm", "group", "website", "outlet", "party",
    "organisation", "organization", "daily", "network", "bank", "carrier", "maker",
];

/// The roles of [`PERSON_CUES_LIST`] that are also adjectives before a noun.
const ADJECTIVAL_ROLES: &[&str] = &["premier", "première", "général", "générale", "general", "chief", "head", "numéro"];

/// An organisation's one-word name at least this frequent in lower case (`total`,
/// `orange`, `apple` are 4.5-5.2) reads as the ordinary word at a sentence start.
const COMMON_ORG_NAME_ZIPF: f32 = 4.5;

/// A word at least this frequent in lower case is an ordinary word of the language
/// (`space`, `telescope`; rare surnames such as `webb`, `luther` fall below).
const ORDINARY_WORD_ZIPF: f32 = 3.0;

/// Acronyms of common nouns, French and English: things, measures, jobs, not bodies.
const COMMON_ACRONYMS: &[&str] = &[
    "AI", "IA", "GDP", "PIB", "CEO", "PDG", "CFO", "COO", "CTO", "DG", "IPO", "VAT", "TVA", "TV", "PC", "EV", "SUV", "DNA",
    "ADN", "HIV", "VIH", "AIDS", "SIDA", "GPS", "USB", "PDF", "FAQ", "SMS", "LGBT", "LGBTQ", "ESG", "ETF", "PME", "TPE",
    "ETI", "SMIC", "CDI", "CDD", "HLM", "IVG", "PMA", "GPA", "SDF", "QG", "HQ", "VIP", "OK", "NB", "UV", "IRM",
    "MRI", "CO2", "GMT", "UTC", "AM", "PM", "KO", "DJ", "BD", "RSA", "APL", "JO", "COVID", "NFT", "API", "GNL", "LNG",
];

/// Kinds of places that name one after `of`/`de` (`the town of`, `la commune de`); the
/// French heads that take their name into the place's (`île de`, `région de`) are
/// [`PLACE_HEADS_LIST`].
const PLACE_NOUNS: &[&str] = &[
    "town", "city", "village", "island", "region", "province", "port", "state", "capital", "suburb", "district", "county",
    "ville", "commune", "localité", "bourg",
];

/// Determiners that go before a noun, not before a person's name.
const DETERMINERS: &[&str] = &["le", "la", "les", "l", "l'", "l’", "un", "une", "ce", "cette", "the", "a", "an", "this"];

/// Words that introduce a place (`à Khasan`, `in Khasan`).
const PLACE_PREPOSITIONS_LIST: &[&str] = &["à", "en", "au", "aux", "vers", "depuis", "près", "in", "near", "from", "to", "at"];

/// Lowercase words that may sit inside a name (`Charles de Gaulle`, `Osama bin Laden`).
pub(crate) const NAME_PARTICLES_LIST: &[&str] = &["de", "du", "des", "van", "von", "der", "den", "bin", "ben", "ibn", "al", "el", "da", "di", "dos", "del", "la", "le", "ter", "ten", "y"];

/// Function words and other lowercase words that never complete an organisation name.
const FUNCTION_WORDS_LIST: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "à", "au", "aux", "en", "pour", "par", "sur",
    "sous", "avec", "sans", "dans", "chez", "entre", "vers", "contre", "selon", "que", "qui", "dont", "où", "ce", "cette",
    "ces", "son", "sa", "ses", "leur", "leurs", "a", "ont", "est", "sont", "était", "sera", "il", "elle", "ils", "elles",
    "on", "the", "of", "and", "or", "a", "an", "in", "on", "at", "to", "for", "with", "by", "from", "is", "was", "has",
    "had", "have", "are", "were", "which", "that", "who", "its", "his", "her", "their", "not", "ne", "pas", "plus",
    "se", "s", "qu", "n", "mais", "donc", "car", "ni", "si", "comme", "lors", "après", "avant", "depuis", "pendant",
];

/// Endings of French and English adjectives that may follow an organisation's head word.
const ADJECTIVE_ENDINGS: &[&str] = &[
    "al", "ale", "aux", "ales", "ique", "iques", "ien", "ienne", "iens", "iennes", "ais", "aise", "aises", "ois", "oise",
    "oises", "ain", "aine", "ains", "aines", "el", "elle", "els", "elles", "aire", "aires", "if", "ive", "ifs", "ives",
    "ée", "ées", "eux", "euse", "uel", "uelle", "unies", "unis", "éen", "éenne", "ère", "ier", "ière", "ste", "stes",
    "an", "ane", "ial", "ional", "ent", "ente", "orien", "esque", "in", "ine", "unies", "unis",
];

/// Nationality and other adjectives in `-e` that the endings above miss.
const ADJECTIVES_IN_E_LIST: &[&str] = &[
    "russe", "belge", "suisse", "arabe", "turque", "grecque", "tchèque", "slovaque", "suprême", "libre", "nationale",
    "centrale", "mondiale", "populaire", "démocratique", "islamique", "autonome", "publique", "unique", "royale",
    "nordique", "baltique", "atlantique", "pacifique", "asiatique", "africaine", "européenne", "fédérale", "générale",
    "supérieure", "extérieure", "intérieure", "militaire", "nucléaire", "civile", "scientifique", "économique",
    "sociale", "commune", "britannique", "serbe", "croate", "slovène", "bosniaque", "albanaise", "kurde", "somalienne",
];

/// A fixed list of words, looked up in constant time; the filter rules out most words
/// (every token of a text is looked up in some list) before the hash lookup.
struct WordSet {
    filter: WordFilter,
    words: HashSet<&'static str>,
}

impl WordSet {
    fn new(words: &[&'static str]) -> Self {
        WordSet { filter: WordFilter::new(words.iter().copied()), words: words.iter().copied().collect() }
    }

    fn contains(&self, w: &&str) -> bool {
        self.filter.may_contain(w) && self.words.contains(*w)
    }

    /// Whether the set holds token `t` of `text`, ruled out by its bytes first.
    fn contains_token(&self, text: &str, t: &Token) -> bool {
        let bytes = text.as_bytes();
        t.end > t.start && self.filter.may_contain_ends(bytes[t.start], bytes[t.end - 1], t.end - t.start) && self.words.contains(t.text(text))
    }
}

static ORG_HEADS_BEFORE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&[ORG_HEADS_BEFORE_LIST, LOWERCASE_ORG_HEADS_LIST].concat()));
static ORG_HEADS_AFTER: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ORG_HEADS_AFTER_LIST));
static PLACE_HEADS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PLACE_HEADS_LIST));
static PLACE_HEADS_DIRECT: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PLACE_HEADS_DIRECT_LIST));
static PLACE_HEADS_AFTER: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PLACE_HEADS_AFTER_LIST));
static PERSON_CUES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PERSON_CUES_LIST));
static HONORIFICS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(HONORIFICS_LIST));
static REPORTING: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(REPORTING_LIST));
static ORG_CUES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ORG_CUES_LIST));
static PLACE_PREPOSITIONS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PLACE_PREPOSITIONS_LIST));
static NAME_PARTICLES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NAME_PARTICLES_LIST));
static FUNCTION_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(FUNCTION_WORDS_LIST));
static ADJECTIVES_IN_E: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ADJECTIVES_IN_E_LIST));
/// Every head word of the organisation and place patterns: most tokens are none, and
/// one lookup tells so before the four pattern rules look at them.
static PATTERN_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        &[ORG_HEADS_BEFORE_LIST, LOWERCASE_ORG_HEADS_LIST, ORG_HEADS_AFTER_LIST, PLACE_HEADS_LIST, PLACE_HEADS_DIRECT_LIST, PLACE_HEADS_AFTER_LIST]
            .concat(),
    )
});
/// The head words that are not capitalised: the only ones a token that is no
/// capitalised word can be (the others are asked once per capitalised word).
static UNCAPITALISED_PATTERN_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    let heads: Vec<&'static str> = PATTERN_HEADS.words.iter().copied().filter(|w| !is_capitalised(w)).collect();
    WordSet::new(&heads)
});

fn is_function_word(w: &str) -> bool {
    contains_lowercase(&FUNCTION_WORDS, w.trim_end_matches(['\'', '’']))
}

fn is_adjective(w: &str) -> bool {
    if !w.chars().next().is_some_and(char::is_lowercase) || is_function_word(w) {
        return false;
    }
    ADJECTIVES_IN_E.contains(&w) || ADJECTIVE_ENDINGS.iter().any(|e| w.ends_with(e) && w.len() >= e.len() + 2)
}

/// `de`, `du`, `des`, `d’`, `de la`, `de l’`, `of`, `of the`: how many tokens it takes.
fn of_connector(text: &str, toks: &[Token], i: usize) -> usize {
    // Whether token `k` is one of `words` in lower case.
    let is = |k: usize, words: &[&str]| toks.get(k).is_some_and(|t| words.iter().any(|w| lowercase_is(t.text(text), w)));
    if is(i, &["de"]) {
        if is(i + 1, &["la", "l'", "l’"]) { 2 } else { 1 }
    } else if is(i, &["du", "des", "d'", "d’"]) {
        1
    } else if is(i, &["of", "for", "on"]) {
        // (`Office for National Statistics`, `Council on Foreign Relations`.)
        if is(i + 1, &["the"]) { 2 } else { 1 }
    } else {
        0
    }
}

fn is_word(t: &Token) -> bool {
    t.kind == TokenKind::Word
}

/// Whether two tokens are separated by nothing but one space (or a no-break space).
fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.end..b.start];
    gap == " " || gap == "\u{a0}" || gap.is_empty() && (a.text(text).ends_with(['\'', '’']))
}

/// What the rules learn of the text being read before they look at its words.
///
/// Each capitalised word of the text gets an id, and what the lexicon says of it is
/// asked once, on first use: an article names the same people and places again and
/// again, and the rules ask about the same token several times.
struct Learned<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// The ids of the capitalised words, found by [`word_hash`] of their text.
    ids: HashTable<u32>,
    /// For each token, the id of its word, or [`NO_WORD`] for a token that is no
    /// capitalised word.
    word_of_token: Vec<u32>,
    /// The words by id.
    words: Vec<&'a str>,
    /// By id: whether the text writes the word with a capital in mid-sentence and never
    /// in lower case: a name, whatever the word lists say (`Poutine`, `Paris` are
    /// frequent lowercase words in corpora that fold case).
    names: Vec<bool>,
    /// By id, the word's facts once asked.
    facts: Vec<Cell<Option<WordFacts>>>,
    /// By id, [`is_month_or_weekday`] once asked.
    month_or_weekday: Vec<Cell<Option<bool>>>,
    /// By id, [`is_title_or_particle`] once asked.
    title_or_particle: Vec<Cell<Option<bool>>>,
    /// By id, whether the word is the head word of an organisation or place pattern
    /// (in [`PATTERN_HEADS`]).
    pattern_head: Vec<bool>,
    /// The indices of the tokens that are capitalised words, in text order: the only
    /// tokens that can open a chunk (most tokens are lowercase words or punctuation).
    capitalised: &'a [u32],
    /// For each token, whether its sentence is a title-case headline
    /// ([`title_case_by_token`] of the text).
    title_case: Vec<bool>,
}

/// The id of no word (see [`Learned::word_of_token`]).
const NO_WORD: u32 = u32::MAX;

/// What the lexicon and the text say of one word (see [`Learned::facts`]).
#[derive(Clone, Copy)]
struct WordFacts {
    /// [`Lexicon::is_given_name`](crate::lexicon::Lexicon::is_given_name).
    given: bool,
    /// [`Lexicon::zipf`](crate::lexicon::Lexicon::zipf), unless the word is a given
    /// name (the rules then need not know).
    zipf: Option<f32>,
    /// Whether the text writes it as a name (see [`Learned::names`]).
    name: bool,
}

impl WordFacts {
    fn of(w: &str, name: bool) -> Self {
        let lex = lexicon();
        let given = lex.is_given_name(w);
        WordFacts { given, zipf: (!given).then(|| lex.zipf(w)), name }
    }

    /// Whether a capitalised word is an ordinary word that a capital does not make a
    /// name (at the start of a sentence, or in a title-case headline).
    fn is_common(&self) -> bool {
        !(self.given || self.name) && self.zipf.is_some_and(|z| z >= 3.8)
    }

    /// Whether a word is a frequent dictionary word, whatever its capital says (`État`,
    /// `Internet`, `Affaires`): context alone must not make it a name.
    fn is_dictionary(&self) -> bool {
        !self.given && self.zipf.is_some_and(|z| z >= 4.5)
    }
}

impl<'a> Learned<'a> {
    /// What the rules learn of `text`, split into `tokens`: the capitalised words (which
    /// the tokenizer lists) are given ids here.
    fn new(text: &'a str, tokens: &'a Tokens) -> Self {
        let toks = &tokens.list[..];
        let bytes = text.as_bytes();
        let capitalised = &tokens.capitalised[..];
        // About one distinct capitalised word per two or three mentions.
        let mut ids: HashTable<u32> = HashTable::with_capacity(capitalised.len() / 2);
        let mut words: Vec<&'a str> = Vec::with_capacity(capitalised.len() / 2);
        let mut mid_sentence: Vec<bool> = Vec::with_capacity(capitalised.len() / 2);
        let mut pattern_head: Vec<bool> = Vec::with_capacity(capitalised.len() / 2);
        let mut word_of_token = vec![NO_WORD; toks.len()];
        for &k in capitalised {
            let k = k as usize;
            let t = &toks[k];
            let w = &bytes[t.start..t.end];
            let hash = word_hash(bytes, t.start, t.end);
            let id = match ids.find(hash, |&id| words[id as usize].as_bytes() == w) {
                Some(&id) => id,
                None => {
                    let w = t.text(text);
                    let id = u32::try_from(words.len()).expect("fewer words than tokens");
                    words.push(w);
                    mid_sentence.push(false);
                    pattern_head.push(PATTERN_HEADS.contains(&w));
                    ids.insert_unique(hash, id, |&id| word_hash(words[id as usize].as_bytes(), 0, words[id as usize].len()));
                    id
                }
            };
            word_of_token[k] = id;
            mid_sentence[id as usize] |= !t.sentence_start;
        }
        let names = learn_names(text, toks, &words, &mid_sentence);
        let n = words.len();
        Learned {
            text,
            toks,
            ids,
            word_of_token,
            words,
            names,
            facts: vec![Cell::new(None); n],
            month_or_weekday: vec![Cell::new(None); n],
            title_or_particle: vec![Cell::new(None); n],
            pattern_head,
            capitalised,
            title_case: title_case(text, tokens),
        }
    }

    /// The tokens at which the organisation and place patterns may match, in text order:
    /// the capitalised head words, and the head words that are not capitalised (`aéroport
    /// de`, `place`), which take a name one to three tokens after them (past `de`, `de
    /// la`), so that only the tokens just before a capitalised word need be asked.
    fn pattern_head_tokens(&self) -> Vec<usize> {
        let mut heads = Vec::new();
        // The tokens before this one have been looked at.
        let mut looked_at = 0;
        for &c in self.capitalised {
            let c = c as usize;
            // (Up to four tokens before: `cour d'appel de Paris`.)
            for h in looked_at.max(c.saturating_sub(4))..c {
                let t = &self.toks[h];
                if self.word_of_token[h] == NO_WORD && is_word(t) && UNCAPITALISED_PATTERN_HEADS.contains_token(self.text, t) {
                    heads.push(h);
                }
            }
            if self.pattern_head[self.word_of_token[c] as usize] {
                heads.push(c);
            }
            looked_at = c + 1;
        }
        heads
    }

    /// The facts of the word with id `id`.
    #[inline]
    fn facts_of_id(&self, id: u32) -> WordFacts {
        match self.facts[id as usize].get() {
            Some(facts) => facts,
            None => self.learn_facts(id),
        }
    }

    /// Asks the lexicon about the word with id `id`, once (apart from the common path).
    #[inline(never)]
    fn learn_facts(&self, id: u32) -> WordFacts {
        let facts = WordFacts::of(self.words[id as usize], self.names[id as usize]);
        self.facts[id as usize].set(Some(facts));
        facts
    }

    /// The facts of token `k`'s word.
    #[inline]
    fn facts(&self, k: usize) -> WordFacts {
        match self.word_of_token[k] {
            NO_WORD => WordFacts::of(self.toks[k].text(self.text), false),
            id => self.facts_of_id(id),
        }
    }

    /// The facts of a word of the text that may be no token (a gazetteer hit).
    fn facts_of_word(&self, w: &str) -> WordFacts {
        match self.ids.find(word_hash(w.as_bytes(), 0, w.len()), |&id| self.words[id as usize] == w) {
            Some(&id) => self.facts_of_id(id),
            // Not a capitalised word of the text: not written as a name either.
            None => WordFacts::of(w, false),
        }
    }

    /// Whether token `k` is a known given name.
    fn is_given_name(&self, k: usize) -> bool {
        self.facts(k).given
    }

    /// [`is_title_or_particle`] of token `k`.
    fn is_title_or_particle(&self, k: usize) -> bool {
        self.asked_once_per_word(k, &self.title_or_particle, is_title_or_particle)
    }

    /// [`is_month_or_weekday`] of token `k`.
    fn is_month_or_weekday(&self, k: usize) -> bool {
        self.asked_once_per_word(k, &self.month_or_weekday, is_month_or_weekday)
    }

    /// `ask` of token `k`'s word, kept in `answers` (one per word id) after the first time.
    fn asked_once_per_word(&self, k: usize, answers: &[Cell<Option<bool>>], ask: fn(&str) -> bool) -> bool {
        let id = self.word_of_token[k];
        if id == NO_WORD {
            return ask(self.toks[k].text(self.text));
        }
        let cell = &answers[id as usize];
        cell.get().unwrap_or_else(|| {
            let answer = ask(self.words[id as usize]);
            cell.set(Some(answer));
            answer
        })
    }
}

/// By word id, whether the text writes the word as a name (see [`Learned::names`]):
/// `words` are the capitalised words, `mid_sentence` tells which the text writes in
/// mid-sentence.
fn learn_names(text: &str, toks: &[Token], words: &[&str], mid_sentence: &[bool]) -> Vec<bool> {
    let mut names = vec![false; words.len()];
    // The distinct lowercase forms of the words written in mid-sentence, one after the
    // other in one string; each form has an id, found by its text.
    let mut forms = LowercaseForms::with_capacity(words.len());
    // By word id, the id of its lowercase form, for a word written in mid-sentence.
    let mut form_of_word: Vec<Option<u32>> = vec![None; words.len()];
    for (id, w) in words.iter().enumerate().filter(|&(id, _)| mid_sentence[id]) {
        form_of_word[id] = Some(forms.id(w));
    }
    if forms.ends.is_empty() {
        return names;
    }
    // By form id, whether the text writes the form (in lower case, since a word that is
    // no capitalised word is asked).
    let mut written_lowercase = vec![false; forms.ends.len()];
    let filter = WordFilter::new((0..forms.ends.len()).map(|f| forms.form(f)));
    let bytes = text.as_bytes();
    // The words that are not capitalised (no word id), ruled out by their first byte
    // and length first, then by their last byte.
    for t in toks {
        let len = t.end - t.start;
        if t.kind == TokenKind::Word
            && !t.capitalised
            && filter.may_contain_start(bytes[t.start], len)
            && filter.may_contain_ends(bytes[t.start], bytes[t.end - 1], len)
            && let Some(form) = forms.find(t.text(text))
        {
            written_lowercase[form] = true;
        }
    }
    for (name, form) in names.iter_mut().zip(&form_of_word) {
        if let Some(form) = form {
            *name = !written_lowercase[*form as usize];
        }
    }
    names
}

/// The lowercase forms of some words, each stored once and given an id (see [`learn_names`]).
struct LowercaseForms {
    /// The forms, one after the other.
    text: String,
    /// Where each form ends in `text`, by id.
    ends: Vec<usize>,
    /// The ids of the forms, found by the form's text.
    by_text: HashTable<u32>,
}

impl LowercaseForms {
    fn with_capacity(words: usize) -> Self {
        LowercaseForms { text: String::with_capacity(words * 8), ends: Vec::with_capacity(words), by_text: HashTable::with_capacity(words) }
    }

    /// The form with id `f`.
    fn form(&self, f: usize) -> &str {
        form_in(&self.text, &self.ends, f)
    }

    /// The id of `w.to_lowercase()`, given it if it has none yet.
    fn id(&mut self, w: &str) -> u32 {
        let LowercaseForms { text, ends, by_text } = self;
        // Written at the end of the forms, and kept there only if it is new.
        let start = text.len();
        if w.is_ascii() {
            text.push_str(w);
            text[start..].make_ascii_lowercase();
        } else {
            text.push_str(&w.to_lowercase());
        }
        let hash = FxBuildHasher.hash_one(&text[start..]);
        match by_text.find(hash, |&f| form_in(text, ends, f as usize) == &text[start..]) {
            Some(&f) => {
                text.truncate(start);
                f
            }
            None => {
                let f = u32::try_from(ends.len()).expect("fewer forms than words");
                ends.push(text.len());
                by_text.insert_unique(hash, f, |&f| FxBuildHasher.hash_one(form_in(text, ends, f as usize)));
                f
            }
        }
    }

    /// The id of the form `w`, if it is one.
    fn find(&self, w: &str) -> Option<usize> {
        self.by_text.find(FxBuildHasher.hash_one(w), |&f| self.form(f as usize) == w).map(|&f| f as usize)
    }
}

/// The form with id `f` in `text`, whose forms end at `ends`.
fn form_in<'t>(text: &'t str, ends: &[usize], f: usize) -> &'t str {
    &text[if f == 0 { 0 } else { ends[f - 1] }..ends[f]]
}

/// A hash of the word `bytes[start..end]` for [`Learned::ids`], from its first and last
/// eight bytes and its length: read from the text at once, where most words are shorter
/// than eight bytes. (It depends on the word's bytes only, not on where it is.)
fn word_hash(bytes: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    if len == 0 {
        return 0;
    }
    let head = crate::swar::load(bytes, start) & if len >= 8 { u64::MAX } else { (1 << (8 * len)) - 1 };
    let tail = if len > 8 { crate::swar::load(bytes, end - 8) } else { 0 };
    // A multiplicative mix, whose high bits (which the table's index bits also take,
    // rotated down) depend on every byte.
    ((head ^ tail.rotate_left(29)).wrapping_add(len as u64)).wrapping_mul(0xf135_7aea_2e62_a9c5).rotate_left(26)
}

/// Whether `set` holds `w` written in lower case; no copy is made of a word that has
/// no capital.
fn contains_lowercase(set: &WordSet, w: &str) -> bool {
    if let Some(&first) = w.as_bytes().first()
        && w.is_ascii()
    {
        // ASCII: lowering keeps the length, so the filter can rule the word out first.
        let last = *w.as_bytes().last().expect("non-empty");
        if !set.filter.may_contain_ends(first.to_ascii_lowercase(), last.to_ascii_lowercase(), w.len()) {
            return false;
        }
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return set.contains(&w);
        }
    }
    if w.chars().any(char::is_uppercase) { crate::lexicon::with_lowercase(w, |lower| set.contains(&lower)) } else { set.contains(&w) }
}

/// Whether `w.to_lowercase()` is `lower`, without making the copy.
///
/// Character by character lowering differs from `str::to_lowercase` only for a capital
/// sigma (final or not), which no `lower` asked for here holds.
fn lowercase_is(w: &str, lower: &str) -> bool {
    debug_assert!(!lower.contains(['σ', 'ς']));
    if w.is_ascii() { w.eq_ignore_ascii_case(lower) } else { w.chars().flat_map(char::to_lowercase).eq(lower.chars()) }
}

/// [`WordFacts::is_common`] of token `k`.
fn is_common_word(cx: &Learned, k: usize) -> bool {
    cx.facts(k).is_common()
}

/// [`WordFacts::is_dictionary`] of token `k`.
fn is_dictionary_word(cx: &Learned, k: usize) -> bool {
    cx.facts(k).is_dictionary()
}

/// Whether most words of the sentence around token `i` are capitalised: a headline in
/// title case, where capitals say nothing about names.
fn in_title_case(cx: &Learned, i: usize) -> bool {
    cx.title_case.get(i).copied().unwrap_or(false)
}

/// Whether a sentence with `long_words` words of four characters or more, of which
/// `capitalised` are capitalised, is a title-case headline.
fn is_title_case(long_words: usize, capitalised: usize) -> bool {
    long_words >= 4 && capitalised * 10 >= long_words * 8
}

/// For each token, whether its sentence is a title-case headline: [`title_case_by_token`],
/// with the words counted only in the sentences that hold four capitalised words or
/// more (a headline needs four long capitalised words: most sentences have fewer).
fn title_case(text: &str, tokens: &Tokens) -> Vec<bool> {
    let toks = &tokens.list;
    let bytes = text.as_bytes();
    let mut out = vec![false; toks.len()];
    // The sentences as [`title_case_by_token`] parts them: the first opens at the first
    // token, whether or not that opens a sentence.
    let starts = &tokens.sentence_starts;
    let first_start = if starts.first() == Some(&0) { 1 } else { 0 };
    let bounds = std::iter::once(0).chain(starts[first_start..].iter().map(|&k| k as usize)).chain(std::iter::once(toks.len()));
    // The capitalised words not counted yet.
    let mut capitalised = &tokens.capitalised[..];
    let mut start = 0;
    for end in bounds.skip(1) {
        let in_sentence = capitalised.partition_point(|&k| (k as usize) < end);
        let enough = in_sentence >= 4;
        capitalised = &capitalised[in_sentence..];
        if enough {
            // A headline has at most one long lowercase word for four capitalised ones:
            // the count stops once the sentence has more.
            let (mut words, mut long_capitalised) = (0, 0);
            for t in toks[start..end].iter().filter(|t| is_word(t)) {
                let w = &bytes[t.start..t.end];
                // Four characters or more: four ASCII bytes first, else count them.
                if w.len() >= 4 && (w[..4].is_ascii() || t.text(text).chars().nth(3).is_some()) {
                    words += 1;
                    long_capitalised += usize::from(t.capitalised);
                    if (words - long_capitalised) * 4 > in_sentence {
                        break;
                    }
                }
            }
            if is_title_case(words, long_capitalised) {
                out[start..end].fill(true);
            }
        }
        start = end;
    }
    out
}

/// For each token, whether its sentence is a title-case headline (as first written;
/// [`title_case`] counts the words of fewer sentences).
#[cfg(test)]
fn title_case_by_token(text: &str, toks: &[Token]) -> Vec<bool> {
    let bytes = text.as_bytes();
    let mut out = vec![false; toks.len()];
    // The sentence being counted: its first token, its words of four characters or
    // more, and how many of those are capitalised.
    let (mut start, mut words, mut capitalised) = (0usize, 0usize, 0usize);
    for (i, t) in toks.iter().enumerate() {
        if t.sentence_start && i > start {
            out[start..i].fill(words >= 4 && capitalised * 10 >= words * 8);
            (start, words, capitalised) = (i, 0, 0);
        }
        if !is_word(t) {
            continue;
        }
        let w = &bytes[t.start..t.end];
        // Four characters or more: four ASCII bytes first, else count them.
        let long = w.len() >= 4 && (w[..4].is_ascii() || t.text(text).chars().nth(3).is_some());
        if long {
            words += 1;
            let first = w[0];
            capitalised += usize::from(if first.is_ascii() { first.is_ascii_uppercase() } else { is_capitalised(t.text(text)) });
        }
    }
    out[start..].fill(words >= 4 && capitalised * 10 >= words * 8);
    out
}

/// Finds persons, places and organisations in `text`.
pub fn find(text: &str) -> Vec<Found> {
    find_in(text, &tokenize_indexed(text))
}

/// [`find`] in a text already split into `tokens` (by [`tokenize_indexed`]).
pub fn find_in(text: &str, tokens: &Tokens) -> Vec<Found> {
    let toks = &tokens.list[..];
    let cx = Learned::new(text, tokens);
    // About one candidate per ten tokens of news text.
    let mut candidates: Vec<(Found, u8)> = Vec::with_capacity(toks.len() / 10);
    let gaz = gazetteer();

    // 1. Gazetteer names.
    let english = tokens.cues.language() == super::Language::English;
    for hit in gaz.find_in(text, toks) {
        let surface = &text[hit.start..hit.end];
        let tok = hit.token;
        let at_sentence_start = toks.get(tok).is_some_and(|t| t.sentence_start);
        let single_word = !surface.bytes().any(|b| b == b' ' || b == b'-');
        if single_word && !is_capitalised(surface) {
            continue;
        }
        let entry = gaz.entry(if english { gaz.english_reading(hit.entry, surface) } else { hit.entry });
        // A city inside a longer unknown name ("Real Madrid", "Paris Saint-Germain") is
        // not the city.
        if single_word && entry.category == "city" && next_to_unknown_capital(&cx, text, &toks, tok, hit.end) {
            continue;
        }
        // A common word with a capital at a sentence start or in a headline is that word,
        // unless it opens a dateline ("Paris – Le président ...") or is a major place.
        // (The word's facts asked only then.)
        let common_word_by_its_capital = || {
            let facts = cx.facts_of_word(surface);
            let dateline = at_sentence_start
                && text[hit.end..].starts_with([' ', '\u{a0}'])
                && text[hit.end..].trim_start().starts_with(['–', '—', '-', '(']);
            let zipf = || facts.zipf.unwrap_or_else(|| lexicon().zipf(surface));
            let major = entry.is_major_place() && zipf() < 6.0;
            // The word lists count names too (`edf`, `renault`): an organisation of the
            // gazetteer in capitals, or less frequent than the commonest words, is the
            // organisation ("EDF a présenté", "Renault a annoncé").
            let org = entry.kind == Kind::Org && (is_all_caps_word(surface) || zipf() < COMMON_ORG_NAME_ZIPF);
            facts.is_common() && !dateline && !major && !org
        };
        if single_word && (at_sentence_start || in_title_case(&cx, tok)) && common_word_by_its_capital() {
            continue;
        }
        candidates.push((Found { start: hit.start, end: hit.end, kind: entry.kind, canonical: Some(entry.canonical.as_str()), weak: false }, 4));
    }

    // 1b. Wire-copy datelines: the place in capitals that opens a paragraph.
    for (start, end, canonical) in datelines(text) {
        candidates.push((Found { start, end, kind: Kind::Place, canonical, weak: false }, 4));
    }

    // 2. Organisation and place patterns, tried only at their head words.
    for i in cx.pattern_head_tokens() {
        if let Some(end) = org_before(text, &toks, i) {
            candidates.push((Found { start: toks[i].start, end, kind: Kind::Org, canonical: None, weak: false }, 3));
        }
        if let Some(start) = org_after(&cx, text, &toks, i) {
            candidates.push((Found { start, end: toks[i].end, kind: Kind::Org, canonical: None, weak: false }, 3));
        }
        if let Some(end) = place_before(text, &toks, i) {
            candidates.push((Found { start: toks[i].start, end, kind: Kind::Place, canonical: None, weak: false }, 3));
        }
        if let Some(start) = place_after(&cx, text, &toks, i) {
            candidates.push((Found { start, end: toks[i].end, kind: Kind::Place, canonical: None, weak: false }, 3));
        }
    }

    // 3. Capitalised chunks: persons by given name or context.
    let known_places_orgs: Vec<(usize, usize)> = candidates.iter().map(|(f, _)| (f.start, f.end)).collect();
    for (start, end, kind, strength) in chunks(&cx, text, &toks, &known_places_orgs) {
        candidates.push((Found { start, end, kind, canonical: None, weak: strength == 0 }, strength));
    }

    select(&candidates)
}

/// A wire-copy dateline that opens a line: a name in capitals (`TOKYO`, `NEW YORK`,
/// `SAINT-PÉTERSBOURG`), maybe a state or a day after a comma, maybe the agency in
/// brackets, then a dash: `TOKYO (Reuters) - `, `WOODSIDE, Calif. (AP) — `,
/// `PARIS, 14 mars (Reuters) - `, `MOSCOU - `.
static DATELINE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^(\p{Lu}[\p{Lu}'’.]*(?:[ -]\p{Lu}[\p{Lu}'’.]*){0,3})(?:,[^()\n—–]{1,30}?)?( ?\(\p{Lu}[\p{L}. &-]{0,30}\))? ?[—–-]\s")
        .expect("dateline pattern")
});

/// The places of the datelines of `text` ([`DATELINE`]): `(start, end, canonical)`, the
/// canonical name when the gazetteer knows the place. A name in capitals before a dash
/// alone must be a place of the gazetteer: French pages open paragraphs with rubrics in
/// capitals too (`VIDÉO - `, `INFO LE PARISIEN - `); before an agency's name, it is the
/// dateline's place whatever the gazetteer says.
fn datelines(text: &str) -> Vec<(usize, usize, Option<&'static str>)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let line_starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
    for start in line_starts {
        // Two capitals open the line: most lines open with one.
        let two_capitals = match bytes.get(start..start + 2) {
            Some([a, b]) if a.is_ascii() && b.is_ascii() => a.is_ascii_uppercase() && b.is_ascii_uppercase(),
            Some(_) => text[start..].chars().take(2).filter(|c| c.is_uppercase()).count() == 2,
            None => false,
        };
        if !two_capitals {
            continue;
        }
        let line = &text[start..text.floor_char_boundary((start + 160).min(text.len()))];
        let Some(c) = DATELINE.captures(line) else { continue };
        let name = c.get(1).expect("the name");
        if name.as_str().chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        let gaz = gazetteer();
        let place = title_case_name(name.as_str())
            .iter()
            .find_map(|n| gaz.lookup(n).map(|i| gaz.entry(i)).filter(|e| e.kind == Kind::Place));
        if place.is_some() || c.get(2).is_some() {
            found.push((start + name.start(), start + name.end(), place.map(|e| e.canonical.as_str())));
        }
    }
    found
}

/// A name in capitals as the gazetteer may write it: each word capitalised (`New
/// York`, `Saint-Pétersbourg`), then with its particles in lower case (`Rio de
/// Janeiro`).
fn title_case_name(name: &str) -> [String; 2] {
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect::<String>()).unwrap_or_default()
    };
    let mut every = String::with_capacity(name.len());
    let mut particles = String::with_capacity(name.len());
    for (k, word) in name.split_inclusive([' ', '-']).enumerate() {
        let (w, sep) = word.split_at(word.trim_end_matches([' ', '-']).len());
        let cap = capitalised(w);
        every.push_str(&cap);
        let lower = w.to_lowercase();
        particles.push_str(if k > 0 && NAME_PARTICLES.contains(&lower.as_str()) { &lower } else { &cap });
        every.push_str(sep);
        particles.push_str(sep);
    }
    [every, particles]
}

/// Whether the word at token `tok` (ending at byte `end`) touches another capitalised
/// word that is not at a sentence start: `Real Madrid`, `Paris Saint-Germain`.
fn next_to_unknown_capital(cx: &Learned, text: &str, toks: &[Token], tok: usize, end: usize) -> bool {
    let capital_word = |k: usize| {
        let t = &toks[k];
        let w = t.text(text);
        is_word(t) && is_capitalised(w) && !is_function_word(w) && !is_dictionary_word(cx, k)
    };
    let after = (tok..toks.len()).find(|&k| toks[k].start >= end);
    let next = after.is_some_and(|k| text[end..toks[k].start] == *" " && capital_word(k) && gazetteer().lookup(toks[k].text(text)).is_none());
    let prev = tok > 0
        && toks.get(tok).is_some_and(|t| !t.sentence_start && text[toks[tok - 1].end..t.start] == *" ")
        && capital_word(tok - 1)
        && !toks[tok - 1].sentence_start
        && gazetteer().lookup(toks[tok - 1].text(text)).is_none()
        && !cx.is_given_name(tok - 1);
    next || prev
}

/// Keeps the longest, then strongest, candidates that do not overlap.
fn select(candidates: &[(Found, u8)]) -> Vec<Found> {
    // The order in which candidates claim their span, as a stable sort on (longest,
    // strongest, first) would give it: the index breaks ties, so an unstable sort of
    // small keys (rather than of the candidates) gives the same order.
    let order = claim_order(candidates);
    // The rank of each kept candidate.
    let mut rank_of: Vec<Option<usize>> = vec![None; candidates.len()];
    let mut taken = Claimed::new(candidates);
    for (rank, &(start, i)) in order.iter().enumerate() {
        let end = candidates[i].0.end;
        if taken.overlaps(start, end) {
            continue;
        }
        taken.insert(start, end);
        rank_of[i] = Some(rank);
    }
    // The kept candidates by (start, rank): a stable sort by start of the kept ones.
    // Listed in the order of the candidates, which come in a few runs sorted by start
    // (gazetteer hits, patterns, chunks): the sort merges the runs.
    let mut kept: Vec<(usize, usize, usize)> =
        rank_of.iter().enumerate().filter_map(|(i, rank)| rank.map(|rank| (candidates[i].0.start, rank, i))).collect();
    kept.sort();
    // (A copy of each kept candidate: its fields are plain values and borrowed names.)
    kept.into_iter().map(|(_, _, i)| candidates[i].0.clone()).collect()
}

/// The (start, index) of the candidates in the order they claim their span: by
/// (longest, strongest, first, index).
fn claim_order(candidates: &[(Found, u8)]) -> Vec<(usize, usize)> {
    // The four keys packed in one number, compared at once, when they fit: a length
    // below 2^32, a start below 2^48, an index below 2^40.
    let fits = candidates.len() < 1 << 40 && candidates.iter().all(|(f, _)| f.end - f.start < 1 << 32 && f.start < 1 << 48);
    if fits {
        let mut keys: Vec<u128> = candidates
            .iter()
            .enumerate()
            .map(|(i, (f, strength))| {
                let longest = u128::from(u32::MAX) - (f.end - f.start) as u128;
                let strongest = u128::from(u8::MAX - strength);
                longest << 96 | strongest << 88 | (f.start as u128) << 40 | i as u128
            })
            .collect();
        keys.sort_unstable();
        keys.into_iter().map(|k| ((k >> 40) as usize & ((1 << 48) - 1), k as usize & ((1 << 40) - 1))).collect()
    } else {
        let mut order: Vec<(std::cmp::Reverse<usize>, std::cmp::Reverse<u8>, usize, usize)> =
            candidates.iter().enumerate().map(|(i, (f, strength))| (std::cmp::Reverse(f.end - f.start), std::cmp::Reverse(*strength), f.start, i)).collect();
        order.sort_unstable();
        order.into_iter().map(|(_, _, start, i)| (start, i)).collect()
    }
}

/// The spans that [`select`] has kept so far.
enum Claimed {
    /// One bit per byte of the text, set where a kept span lies: two spans that are not
    /// empty overlap when they share a byte.
    Bytes(Vec<u64>),
    /// The spans themselves, where some candidate is empty: an empty span overlaps a
    /// span that holds it strictly inside, which no byte tells.
    Spans(crate::spans::SpanSet),
}

impl Claimed {
    fn new(candidates: &[(Found, u8)]) -> Self {
        if candidates.iter().any(|(f, _)| f.start >= f.end) {
            return Claimed::Spans(crate::spans::SpanSet::default());
        }
        let end = candidates.iter().map(|(f, _)| f.end).max().unwrap_or(0);
        Claimed::Bytes(vec![0; end / 64 + 1])
    }

    /// The words of the bit map that `start..end` (not empty) covers, each with the
    /// mask of its bits that the span covers.
    fn words(start: usize, end: usize) -> impl Iterator<Item = (usize, u64)> {
        let (first, last) = (start / 64, (end - 1) / 64);
        (first..=last).map(move |w| {
            let lo = if w == first { start % 64 } else { 0 };
            let hi = if w == last { (end - 1) % 64 } else { 63 };
            (w, (u64::MAX >> (63 - hi)) & (u64::MAX << lo))
        })
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        match self {
            Claimed::Bytes(bits) => Self::words(start, end).any(|(w, mask)| bits[w] & mask != 0),
            Claimed::Spans(spans) => spans.overlaps(start, end),
        }
    }

    fn insert(&mut self, start: usize, end: usize) {
        match self {
            Claimed::Bytes(bits) => Self::words(start, end).for_each(|(w, mask)| bits[w] |= mask),
            Claimed::Spans(spans) => spans.insert(start, end),
        }
    }
}

/// `Agence France-Presse`, `Conseil national de sécurité`, `Cour pénale internationale`,
/// `Conseil de sécurité des Nations unies`: a head word and its complements.
fn org_before(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let head = toks[i].text(text);
    if !ORG_HEADS_BEFORE.contains(&head) {
        return None;
    }
    let lowercase_head = head.starts_with(char::is_lowercase);
    let needs_complement = lowercase_head && LOWERCASE_ORG_HEADS_NEEDING_A_COMPLEMENT.contains(&head);
    let mut j = i + 1;
    let mut end = None;
    let mut named = false; // a capitalised name closes the complements
    let mut steps = 0;
    while j < toks.len() && steps < 8 && adjacent(text, &toks[j - 1], &toks[j]) {
        steps += 1;
        let w = toks[j].text(text);
        if named {
            break;
        }
        if steps == 1 && is_word(&toks[j]) && is_capitalised(w) && !is_function_word(w) {
            if lowercase_head {
                return None; // `la mairie Martin`: no body
            }
            // The name itself, right after the head: `Agence France-Presse`, `Institut Hudson`.
            end = Some(toks[j].end);
            named = true;
            j += 1;
            // an adjective may close it: `Nations unies`
            while j < toks.len() && adjacent(text, &toks[j - 1], &toks[j]) && is_adjective(toks[j].text(text)) {
                end = Some(toks[j].end);
                j += 1;
            }
            continue;
        }
        if is_adjective(w) {
            end = Some(toks[j].end);
            j += 1;
            continue;
        }
        let of = of_connector(text, toks, j);
        if of > 0 {
            let k = j + of;
            let Some(next) = toks.get(k) else { break };
            if !adjacent(text, &toks[k - 1], next) && !toks[k - 1].text(text).ends_with(['\'', '’']) {
                break;
            }
            let nw = next.text(text);
            // (Not a date: `the Commission on Tuesday said`.)
            if is_word(next) && is_capitalised(nw) && !is_function_word(nw) && !is_month_or_weekday(nw) {
                if needs_complement && steps == 1 {
                    return None;
                }
                end = Some(next.end);
                named = true;
                j = k + 1;
                while j < toks.len() && adjacent(text, &toks[j - 1], &toks[j]) && (is_adjective(toks[j].text(text)) || is_capitalised(toks[j].text(text)) && is_word(&toks[j])) {
                    end = Some(toks[j].end);
                    j += 1;
                }
                continue;
            }
            // `de sécurité`, `de presse`: a lowercase noun complement.
            if is_word(next) && nw.chars().next().is_some_and(char::is_lowercase) && !is_function_word(nw) && nw.chars().count() > 2 {
                end = Some(next.end);
                j = k + 1;
                continue;
            }
        }
        break;
    }
    let end = end?;
    // A head at the start of a sentence followed by lowercase words only is too weak.
    let span = &text[toks[i].start..end];
    let has_capital_after_head = span[head.len()..].chars().any(char::is_uppercase);
    if (toks[i].sentence_start || lowercase_head) && !has_capital_after_head {
        return None;
    }
    Some(end)
}

/// `RAND Corporation`, `Hudson Institute`: capitalised names before an English head word.
fn org_after(cx: &Learned, text: &str, toks: &[Token], i: usize) -> Option<usize> {
    if !ORG_HEADS_AFTER.contains(&toks[i].text(text)) || i == 0 {
        return None;
    }
    let mut k = i;
    while k > 0 && adjacent(text, &toks[k - 1], &toks[k]) && is_word(&toks[k - 1]) && is_capitalised(toks[k - 1].text(text)) {
        k -= 1;
    }
    // Skip a sentence-initial common word: "The", "Le".
    while k < i && (is_function_word(toks[k].text(text)) || toks[k].sentence_start && is_common_word(cx, k)) {
        k += 1;
    }
    // `the Trump Administration` is a president's government: an agency's name has more
    // words (`National Highway Traffic Safety Administration`).
    if toks[i].text(text) == "Administration" && i - k < 2 {
        return None;
    }
    (k < i).then(|| toks[k].start)
}

/// `aéroport de Pyongyang`, `cosmodrome de Vostochny`, `région de l’Amour`, `place Kim`.
fn place_before(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let head = toks[i].text(text);
    let direct = PLACE_HEADS_DIRECT.contains(&head);
    if !PLACE_HEADS.contains(&head) && !direct {
        return None;
    }
    let of = of_connector(text, toks, i + 1);
    let k = if of > 0 { i + 1 + of } else if direct { i + 1 } else { return None };
    let next = toks.get(k)?;
    let nw = next.text(text);
    if !(is_word(next) && is_capitalised(nw)) || is_function_word(nw) {
        return None;
    }
    // "la place de la Russie dans le monde": only the direct form for `place`.
    if of > 0 && head == "place" {
        return None;
    }
    let mut end = next.end;
    let mut j = k + 1;
    while j < toks.len() && adjacent(text, &toks[j - 1], &toks[j]) && is_word(&toks[j]) && is_capitalised(toks[j].text(text)) {
        end = toks[j].end;
        j += 1;
    }
    Some(end)
}

/// `Vostochny Cosmodrome`, `Tiananmen Square`.
fn place_after(cx: &Learned, text: &str, toks: &[Token], i: usize) -> Option<usize> {
    if !PLACE_HEADS_AFTER.contains(&toks[i].text(text)) || i == 0 {
        return None;
    }
    let prev = &toks[i - 1];
    let pw = prev.text(text);
    if !(adjacent(text, prev, &toks[i]) && is_word(prev) && is_capitalised(pw)) || is_common_word(cx, i - 1) {
        return None;
    }
    let mut k = i - 1;
    while k > 0 && adjacent(text, &toks[k - 1], &toks[k]) && is_word(&toks[k - 1]) && is_capitalised(toks[k - 1].text(text)) && !is_common_word(cx, k - 1) {
        k -= 1;
    }
    Some(toks[k].start)
}

/// Capitalised chunks outside the gazetteer and pattern matches, classified by context.
fn chunks(cx: &Learned, text: &str, toks: &[Token], known: &[(usize, usize)]) -> Vec<(usize, usize, Kind, u8)> {
    // About one chunk per thirty tokens of news text.
    let mut out = Vec::with_capacity(toks.len() / 30);
    let known = KnownSpans::new(known);
    // The token indices of the chunk being gathered (one buffer for all chunks).
    let mut parts: Vec<usize> = Vec::new();
    // The first token that no chunk has gathered yet.
    let mut i = 0;
    // Only a capitalised word opens a chunk.
    for &opening in cx.capitalised {
        if (opening as usize) < i {
            continue;
        }
        i = opening as usize;
        let w = toks[i].text(text);
        // A chunk stops at a known name, unless that name is a single word that may also
        // be part of a person's name ("Vladimir", "Austin" are cities too). (Asked of
        // tokens in text order.)
        let inside_known = |k: usize, extends_person: bool| {
            let t = &toks[k];
            known.holds_token(t.start, t.end, || extends_person || cx.is_given_name(k))
        };
        if w.len() > 5 && is_all_caps_word(w) && w.chars().count() > 5 || inside_known(i, false) {
            i += 1;
            continue;
        }
        // Gather the chunk: capitalised words, with particles between them.
        parts.clear();
        parts.push(i);
        let opens_with_given_name = cx.is_given_name(i);
        let mut j = i + 1;
        while j < toks.len() && adjacent(text, &toks[j - 1], &toks[j]) {
            let wj = toks[j].text(text);
            if inside_known(j, opens_with_given_name) {
                break;
            }
            // A capitalised word, or a particle between the capitalised words of a name
            // that opens with a given name (`Charles de Gaulle`).
            let capitalised = is_word(&toks[j]) && is_capitalised(wj);
            // (Two particles may come in a row: `Ursula von der Leyen`, `Mohammed bin Abdul`.)
            let capitalised_after = |k: usize| toks.get(k + 1).is_some_and(|n| adjacent(text, &toks[k], n) && is_word(n) && is_capitalised(n.text(text)));
            let particle_after = |k: usize| toks.get(k + 1).is_some_and(|n| adjacent(text, &toks[k], n) && NAME_PARTICLES.contains(&n.text(text)));
            let particle = NAME_PARTICLES.contains(&wj)
                && (capitalised_after(j) || particle_after(j) && capitalised_after(j + 1))
                && !parts.is_empty()
                && cx.is_given_name(parts[0]);
            if capitalised || particle {
                parts.push(j);
                j += 1;
            } else {
                break;
            }
        }
        i = j;
        // Drop leading words that are ordinary words or titles: "Selon Michael Madden",
        // "Défense Shin Wonsik", "Président Vladimir Poutine".
        let mut first = 0;
        while first < parts.len() {
            let k = parts[first];
            let tok = &toks[k];
            let word = tok.text(text);
            // Leading dictionary words ("Russian President Vladimir Putin", "Défense Shin
            // Wonsik") are not part of the name, even when capitalised throughout the text.
            let leading_adjective = first + 1 < parts.len() && is_dictionary_word(cx, k);
            let weak = is_common_word(cx, k) && !cx.is_given_name(k) || leading_adjective || cx.is_title_or_particle(k);
            let cardinal = matches!(word, "Nord" | "Sud" | "North" | "South");
            // A capitalised particle after a title opens the surname: `Mme Le Pen`,
            // `Mr Van Rompuy`, and `M. Le Maire` (whose point leaves the title out of the chunk).
            let after_title = if first > 0 {
                HONORIFICS.contains(&toks[parts[first - 1]].text(text))
            } else {
                k >= 2 && toks[k - 1].text(text) == "." && HONORIFICS.contains(&toks[k - 2].text(text))
            };
            let surname_particle =
                after_title && first + 1 < parts.len() && is_capitalised(word) && NAME_PARTICLES.contains(&word.to_lowercase().as_str());
            if surname_particle {
                break;
            }
            if weak && first + 1 < parts.len() || weak && !cardinal && (tok.sentence_start || is_common_word(cx, k)) && first + 1 == parts.len() {
                first += 1;
            } else {
                break;
            }
        }
        // A title inside the chunk, before a given name, opens the name: "Treasury
        // Secretary Janet Yellen", "Attorney General Merrick Garland". (A title that
        // leads the chunk went above.)
        if let Some(title) = (first + 1..parts.len().saturating_sub(1))
            .rev()
            .find(|&t| contains_lowercase(&PERSON_CUES, toks[parts[t]].text(text)) && cx.is_given_name(parts[t + 1]))
        {
            first = title + 1;
        }
        if first == parts.len() {
            continue;
        }
        let parts = &parts[first..];
        // "M." or an initial left alone is no name.
        if parts.len() == 1 && (HONORIFICS.contains(&toks[parts[0]].text(text)) || toks[parts[0]].text(text).chars().count() == 1) {
            continue;
        }
        let start = toks[parts[0]].start;
        let end = toks[*parts.last().expect("non-empty chunk")].end;
        if known.contains(start, end) {
            continue; // already a place or an organisation
        }
        if let Some((kind, strength)) = classify_chunk(cx, text, toks, parts) {
            out.push((start, end, kind, strength));
        }
    }
    out
}

/// The spans of the names already found, asked about by [`chunks`].
struct KnownSpans {
    /// Their union.
    merged: Disjoint,
    /// The spans themselves, sorted: searched for a span exactly.
    exact: Vec<(usize, usize)>,
    /// Where the last token asked about stands in `merged` and in `exact`: tokens are
    /// asked about in text order, so each search goes on from the last.
    merged_at: Cell<usize>,
    exact_at: Cell<usize>,
}

impl KnownSpans {
    fn new(spans: &[(usize, usize)]) -> Self {
        let mut exact = spans.to_vec();
        // (A stable sort: the spans come in a few sorted runs, which it merges.)
        exact.sort();
        let merged = Disjoint::union_of_sorted(&exact);
        KnownSpans { merged, exact, merged_at: Cell::new(0), exact_at: Cell::new(0) }
    }

    /// Whether `start..end` lies inside one of the spans.
    fn contains(&self, start: usize, end: usize) -> bool {
        self.merged.contains(start, end)
    }

    /// Whether the token `start..end` lies inside a known span, unless it is one of the
    /// spans exactly and `exempt` says so. Tokens must be asked about in text order.
    fn holds_token(&self, start: usize, end: usize, exempt: impl FnOnce() -> bool) -> bool {
        // The first merged span that does not end before `end` (a partition point, found
        // from the last one: `end` only grows).
        let merged = self.merged.spans();
        let mut i = self.merged_at.get();
        while merged.get(i).is_some_and(|sp| sp.1 < end) {
            i += 1;
        }
        self.merged_at.set(i);
        if !merged.get(i).is_some_and(|sp| sp.0 <= start && end <= sp.1) {
            return false;
        }
        // The first span not below `start..end` (`start` only grows).
        let mut k = self.exact_at.get();
        while self.exact.get(k).is_some_and(|&sp| sp < (start, end)) {
            k += 1;
        }
        self.exact_at.set(k);
        !(self.exact.get(k) == Some(&(start, end)) && exempt())
    }
}

/// The kind of a capitalised chunk, from its words and its context.
fn classify_chunk(cx: &Learned, text: &str, toks: &[Token], parts: &[usize]) -> Option<(Kind, u8)> {
    let first = &toks[parts[0]];
    let n_words = parts.len();
    let first_word = first.text(text);
    if parts.iter().any(|&k| cx.is_month_or_weekday(k)) {
        return None;
    }
    // Each piece of evidence is asked only when a rule needs it, in the order of the rules.
    let honorific = parts[0] >= 2
        && toks[parts[0] - 1].text(text) == "."
        && HONORIFICS.contains(&toks[parts[0] - 2].text(text))
        || parts[0] >= 1 && HONORIFICS.contains(&toks[parts[0] - 1].text(text));
    if honorific {
        return Some((Kind::Person, 3));
    }
    let before = context_before(text, toks, parts[0]);
    let before = before.words();
    let given = cx.is_given_name(parts[0]) && n_words >= 2;
    let org_cue = || before.iter().take(3).any(|w| contains_lowercase(&ORG_CUES, w));
    if !given && org_cue() && parts.iter().all(|&k| !is_common_word(cx, k) && !is_dictionary_word(cx, k)) {
        return Some((Kind::Org, 1));
    }
    // "l'analyste chez Oddo BHF", "analysts at Morgan Stanley": a role, then where it is held.
    let employer = || {
        before.len() >= 2
            && (lowercase_is(before[0], "chez") || lowercase_is(before[0], "at"))
            && (contains_lowercase(&PERSON_CUES, before[1]) || before[1].strip_suffix('s').is_some_and(|w| contains_lowercase(&PERSON_CUES, &w)))
    };
    // (Even when the name opens with a given name: a role is held at a firm, not at a person's.)
    if employer() && parts.iter().all(|&k| !is_common_word(cx, k)) {
        return Some((Kind::Org, 1));
    }
    // "the town of Kalamata", "la commune de Blendecques": a kind of place names the place.
    let place_noun_before = || {
        before.len() >= 2
            && ["of", "de", "d", "d'", "d’"].iter().any(|c| lowercase_is(before[0], c))
            && PLACE_NOUNS.iter().any(|n| lowercase_is(before[1], n))
    };
    if !given && n_words <= 3 && place_noun_before() {
        return Some((Kind::Place, 1));
    }
    let org_apposition = || apposition_after(text, toks, *parts.last().expect("non-empty"), &ORG_CUES);
    if !given && org_apposition() && parts.iter().any(|&k| !is_dictionary_word(cx, k)) {
        return Some((Kind::Org, 1));
    }
    let headline = in_title_case(cx, parts[0]);
    // (An acronym is one in a headline too; and a short sentence full of names reads as
    // one: "The Office for National Statistics (ONS) and the Commission agreed.")
    let acronym = n_words == 1 && is_all_caps_word(first_word) && first_word.chars().count() <= 5;
    if headline && !given && !acronym {
        return None;
    }
    // "James Webb Space Telescope", "Jean Moulin Lycée Prize": a name ending in two
    // ordinary words names a thing after a person, not the person.
    let named_after = || {
        n_words >= 3
            && parts[parts.len() - 2..].iter().all(|&k| {
                // (Short words are syllables of names as often: `Kim Jong Un`, `van der Berg`.)
                let facts = cx.facts(k);
                toks[k].end - toks[k].start >= 4 && !facts.given && facts.zipf.is_some_and(|z| z >= ORDINARY_WORD_ZIPF)
            })
    };
    if given && n_words <= 4 && !named_after() {
        return Some((Kind::Person, 2));
    }
    // A role names the chunk when no reporting verb stands between them: in "the
    // minister said the Treasury", the minister is not the Treasury.
    // (The nearest role first: most chunks have none, and then no verb is looked for.)
    // (`premier`, `général` are roles before a name or another role word, adjectives
    // before a noun: `le premier chantier`.)
    let is_role = |r: usize| {
        contains_lowercase(&PERSON_CUES, before[r])
            && (!ADJECTIVAL_ROLES.iter().any(|a| lowercase_is(before[r], a))
                || r == 0
                || is_capitalised(before[r - 1])
                || contains_lowercase(&PERSON_CUES, before[r - 1]))
    };
    let role = || (0..before.len()).find(|&r| is_role(r)).is_some_and(|r| !before[..r].iter().any(|w| REPORTING.contains(w)));
    let reporting = || reporting_near(text, toks, parts);
    if (2..=4).contains(&n_words) && parts.iter().all(|&k| !is_common_word(cx, k) && !is_dictionary_word(cx, k)) && (role() || reporting()) {
        return Some((Kind::Person, 1));
    }
    if n_words == 1 {
        let w = first_word;
        let k = parts[0];
        // "le Nord", "du Sud": a region or a country's short name, linked later.
        if matches!(w, "Nord" | "Sud" | "North" | "South") {
            let article = toks[..parts[0]].iter().rev().find(|t| is_word(t)).map(|t| t.text(text));
            if article.is_some_and(|a| ["le", "du", "au", "the"].iter().any(|l| lowercase_is(a, l))) {
                return Some((Kind::Place, 0));
            }
        }
        if is_common_word(cx, k) && (first.sentence_start || headline) {
            return None;
        }
        // A determiner does not go before a person's name (`la Sandero`, `the Hermes`),
        // and an unknown word after one is too little to tell what it names.
        let determiner = |d: &Token| is_word(d) && adjacent(text, d, &toks[k]) && DETERMINERS.iter().any(|l| lowercase_is(d.text(text), l));
        if !acronym && k > 0 && determiner(&toks[k - 1]) {
            return None;
        }
        if acronym {
            // Acronyms of common nouns name no body: `AI`, `PIB`, `CEO`. Nor does a US
            // lawmaker's party and state: `(D-N.Y.)`, `R-Texas`.
            let party_and_state = matches!(w.as_bytes(), [b'D' | b'R' | b'I', b'-', c, ..] if c.is_ascii_uppercase());
            // Nor a Roman numeral (`le XV de France`, `Louis XIV`), nor a code with a
            // number after a point or hyphen (`le variant JN.1`, `BA.2`, `A-10`).
            let roman = w.len() >= 2 && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'));
            let after = text[toks[k].end..].as_bytes();
            let code = matches!(after, [b'.' | b'-', d, ..] if d.is_ascii_digit());
            if COMMON_ACRONYMS.contains(&w) || party_and_state || roman || code {
                return None;
            }
            return Some((Kind::Org, 1));
        }
        // An acronym in the plural names a kind of people or things, not one of them:
        // "told MPs", "des ONGs", "CEOs".
        if let Some(stem) = w.strip_suffix('s')
            && stem.len() >= 2
            && stem.bytes().all(|b| b.is_ascii_uppercase())
        {
            return None;
        }
        if !is_common_word(cx, k) && !is_dictionary_word(cx, k) && (role() || reporting()) {
            return Some((Kind::Person, 1));
        }
        if before.first().is_some_and(|p| contains_lowercase(&PLACE_PREPOSITIONS, p)) && !first.sentence_start && !is_common_word(cx, k) && !is_dictionary_word(cx, k) {
            return Some((Kind::Place, 1));
        }
        // Unknown single word: a surname seen in full elsewhere gets linked later.
        return Some((Kind::Person, 0));
    }
    None
}

/// [`is_all_caps`], answered at once for a word whose second byte is a lowercase ASCII
/// letter (most capitalised words): that letter is a character of its own, and not a
/// capital.
fn is_all_caps_word(w: &str) -> bool {
    if w.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    is_all_caps(w)
}

/// `X, un site Internet`, `X, une agence`: an apposition naming what X is.
fn apposition_after(text: &str, toks: &[Token], last: usize, cues: &WordSet) -> bool {
    let mut next = toks[last + 1..].iter().take(3).map(|t| t.text(text));
    next.next() == Some(",")
        && next.next().is_some_and(|d| ["un", "une", "le", "la", "l'", "l’", "a", "an", "the"].iter().any(|l| lowercase_is(d, l)))
        && next.next().is_some_and(|w| contains_lowercase(cues, w))
}

/// Whether a word that leads a chunk is no part of the name whatever the rest says: an
/// initial or single letter, a title or role (`Président`), an honorific (`M`), a
/// particle (`de`).
fn is_title_or_particle(w: &str) -> bool {
    w.chars().count() == 1 || contains_lowercase(&PERSON_CUES, w) || HONORIFICS.contains(&w) || NAME_PARTICLES.contains(&w)
}

fn is_month_or_weekday(w: &str) -> bool {
    // Every month and weekday name, French or English, starts with one of these pairs of
    // letters (in lower case): most words are ruled out by their first two bytes.
    if let [first, second, ..] = *w.as_bytes()
        && first.is_ascii()
        && second.is_ascii()
        && !matches!(
            &[first.to_ascii_lowercase(), second.to_ascii_lowercase()],
            b"ja" | b"fe" | b"ma" | b"av" | b"ap" | b"ju" | b"ao" | b"au" | b"se" | b"oc" | b"no" | b"de" | b"lu" | b"me"
                | b"je" | b"ve" | b"sa" | b"di" | b"mo" | b"tu" | b"we" | b"th" | b"fr" | b"su"
        )
    {
        return false;
    }
    super::dates::is_month_name(w) || super::dates::weekday_of(w).is_some()
}

/// Up to eight words before a token, nearest first (see [`context_before`]).
struct ContextBefore<'a> {
    words: [&'a str; 8],
    len: usize,
}

impl<'a> ContextBefore<'a> {
    fn words(&self) -> &[&'a str] {
        &self.words[..self.len]
    }
}

/// Up to eight words before token `i`, nearest first, crossing at most one comma
/// (apposition: `le porte-parole du Kremlin, Dmitri Peskov`).
fn context_before<'a>(text: &'a str, toks: &[Token], i: usize) -> ContextBefore<'a> {
    let mut out = ContextBefore { words: [""; 8], len: 0 };
    let mut commas = 0;
    let mut k = i;
    while k > 0 && out.len < 8 {
        k -= 1;
        let w = toks[k].text(text);
        match toks[k].kind {
            TokenKind::Punct if w == "," => {
                commas += 1;
                if commas > 1 {
                    break;
                }
            }
            TokenKind::Punct if matches!(w, "'" | "’" | "-") => {}
            TokenKind::Punct => break,
            _ => {
                out.words[out.len] = w;
                out.len += 1;
            }
        }
    }
    out
}

/// A reporting verb right after the chunk (`X a déclaré`, `X said`) or right before it
/// (`a déclaré X`, `said X`).
fn reporting_near(text: &str, toks: &[Token], parts: &[usize]) -> bool {
    let last = *parts.last().expect("non-empty");
    // Right after the name, past an optional comma and one auxiliary: "X a déclaré", "X, said".
    let mut after = toks[last + 1..].iter().map(|t| t.text(text)).filter(|w| *w != ",");
    let auxiliary = |w: &str| matches!(w, "a" | "avait" | "aurait" | "has" | "had" | "was" | "also" | "aussi" | "encore");
    let verb_after = match (after.next(), after.next()) {
        (Some(first), _) if REPORTING.contains(&first) => true,
        (Some(aux), Some(verb)) => auxiliary(aux) && REPORTING.contains(&verb),
        _ => false,
    };
    verb_after || toks[..parts[0]].iter().rev().find(|t| is_word(t)).is_some_and(|t| REPORTING.contains(&t.text(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`select`] as first written (a stable sort of the candidates themselves).
    fn select_reference(mut candidates: Vec<(Found, u8)>) -> Vec<Found> {
        candidates.sort_by(|(a, sa), (b, sb)| {
            let la = a.end - a.start;
            let lb = b.end - b.start;
            lb.cmp(&la).then(sb.cmp(sa)).then(a.start.cmp(&b.start))
        });
        let mut kept: Vec<Found> = Vec::new();
        let mut taken = crate::spans::SpanSet::default();
        for (c, _) in candidates {
            if taken.overlaps(c.start, c.end) {
                continue;
            }
            taken.insert(c.start, c.end);
            kept.push(c);
        }
        kept.sort_by_key(|f| f.start);
        kept
    }

    #[test]
    fn lowercase_comparison_is_lowering_first() {
        for w in ["", "de", "De", "DE", "dé", "Dé", "L’", "l’", "L'", "D’", "ΣΑ", "σα", "İ", "\u{212A}", "The", "tHe", "theé", "Ça"] {
            for lower in ["de", "la", "l'", "l’", "d’", "the", "of", "k", "i\u{307}", "ça"] {
                assert_eq!(lowercase_is(w, lower), w.to_lowercase() == lower, "{w:?} {lower:?}");
            }
        }
    }

    #[test]
    fn lowercase_lookups_match_lowering_first() {
        for w in ["", "Président", "président", "PRÉSIDENT", "Chef", "chef", "CHEF", "cHeF", "Agence", "AGENCY", "X", "ministre", "İ", "Ça", "the"] {
            for set in [&*PERSON_CUES, &*ORG_CUES, &*PLACE_PREPOSITIONS, &*FUNCTION_WORDS] {
                assert_eq!(contains_lowercase(set, w), set.words.contains(w.to_lowercase().as_str()), "{w:?}");
            }
        }
    }

    /// Texts with headlines, names, places and odd tokens, for the equivalence tests.
    const SAMPLE_TEXTS: &[&str] = &[
        "Vladimir Poutine Rencontre Kim Jong Un À Pyongyang\n\nLe président russe Vladimir Poutine est arrivé à Pyongyang. Selon l’Agence France-Presse, Poutine a déclaré que la Russie soutient la Corée du Nord.",
        "RAND Corporation analyst Bruce Bennett said the Korean Peninsula Is Tense. M. Macron et Mme Borne à Paris, près de la place Tiananmen; l'aéroport de Pyongyang.",
        "Élysée ÉTAT État Île-de-France. İstanbul est grande. OTAN, ONU : l’ONU (Organisation des Nations unies) et le Conseil de sécurité des Nations unies.",
        "",
        "a",
        "Le Nord et le Sud. The Times Says Many Things About Nothing Today. Lundi, Mars, Mai: le mois de mai.",
    ];

    #[test]
    fn names_in_capitals_are_looked_up_as_the_gazetteer_writes_them() {
        assert_eq!(title_case_name("RIO DE JANEIRO"), ["Rio De Janeiro", "Rio de Janeiro"]);
        assert_eq!(title_case_name("SAINT-PÉTERSBOURG"), ["Saint-Pétersbourg", "Saint-Pétersbourg"]);
        assert_eq!(title_case_name("NEW YORK"), ["New York", "New York"]);
        assert_eq!(title_case_name("Ł"), ["Ł", "Ł"]);
    }

    #[test]
    fn all_caps_at_once_is_all_caps() {
        for w in ["", "A", "AB", "Ab", "aB", "ÉTAT", "État", "ÉtAT", "A1", "A-B", "A'b", "Σa", "İSTANBUL", "NATO", "Nato", "nATO", "ǅA"] {
            assert_eq!(is_all_caps_word(w), is_all_caps(w), "{w:?}");
        }
    }

    #[test]
    fn capitalised_words_have_one_id_per_spelling() {
        let long = "Vladimir Poutine, Poutine, Vladimirovitch Poutine, POUTINE, Poutines, Poutin, Constantinople-sur-Mer, Constantinople-sur-Mer, Constantinople-sur-Meri, Île, Îles, Île";
        for text in SAMPLE_TEXTS.iter().chain([&long]) {
            let tokens = tokenize_indexed(text);
            let toks = &tokens.list;
            let cx = Learned::new(text, &tokens);
            for (a, ta) in toks.iter().enumerate() {
                let capitalised = is_word(ta) && is_capitalised(ta.text(text));
                assert_eq!(cx.word_of_token[a] != NO_WORD, capitalised, "{:?}", ta.text(text));
                if !capitalised {
                    continue;
                }
                assert_eq!(cx.words[cx.word_of_token[a] as usize], ta.text(text));
                let by_text = cx.ids.find(word_hash(ta.text(text).as_bytes(), 0, ta.end - ta.start), |&id| cx.words[id as usize] == ta.text(text));
                assert_eq!(by_text, Some(&cx.word_of_token[a]));
                for (b, tb) in toks.iter().enumerate().filter(|(b, _)| cx.word_of_token[*b] != NO_WORD) {
                    assert_eq!(cx.word_of_token[a] == cx.word_of_token[b], ta.text(text) == tb.text(text));
                }
            }
        }
    }

    #[test]
    fn title_case_in_one_pass_is_title_case_by_token() {
        for text in SAMPLE_TEXTS {
            let tokens = tokenize_indexed(text);
            assert_eq!(Learned::new(text, &tokens).title_case, title_case_by_token(text, &tokens.list), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn title_case_of_the_sentences_with_four_capitals_is_title_case_by_token(
            text in "((Le|Grand|petit|Maison|Élysée|été|Chef|Nord|Île|Four|five|SIX|A|de|12|M)[ .,!?\n]{1,2}){0,40}"
        ) {
            let tokens = tokenize_indexed(&text);
            proptest::prop_assert_eq!(title_case(&text, &tokens), title_case_by_token(&text, &tokens.list));
        }
    }

    #[test]
    fn patterns_are_tried_at_the_heads_where_they_can_match() {
        for text in SAMPLE_TEXTS {
            let tokens = tokenize_indexed(text);
            let toks = &tokens.list;
            let cx = Learned::new(text, &tokens);
            // The heads that a capitalised word follows within four tokens (or is one).
            let capitalised = |k: usize| toks.get(k).is_some_and(|t| is_word(t) && is_capitalised(t.text(text)));
            let heads: Vec<usize> = (0..toks.len())
                .filter(|&k| is_word(&toks[k]) && PATTERN_HEADS.contains(&toks[k].text(text)))
                .filter(|&k| (k..=k + 4).any(capitalised))
                .collect();
            assert_eq!(cx.pattern_head_tokens(), heads, "{text:?}");
        }
        // Only the place heads that take a name after them (and the lowercase bodies,
        // which need one) are not capitalised: no other rule can match at a head that no
        // capitalised word follows.
        for w in [ORG_HEADS_BEFORE_LIST, ORG_HEADS_AFTER_LIST, PLACE_HEADS_AFTER_LIST].concat() {
            assert!(is_capitalised(w), "{w:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn known_spans_asked_in_text_order_match_the_searches(
            spans in proptest::collection::vec((0usize..60, 0usize..8), 0..12),
            tokens in proptest::collection::vec((0usize..3, 1usize..5), 0..20),
            exempt in proptest::bool::ANY,
        ) {
            let spans: Vec<(usize, usize)> = spans.iter().map(|&(s, len)| (s, s + len)).collect();
            let known = KnownSpans::new(&spans);
            let mut exact = spans.clone();
            exact.sort_unstable();
            let merged = crate::spans::Disjoint::union(exact.clone());
            // Tokens in text order: each after a gap from the last.
            let mut at = 0;
            for &(gap, len) in &tokens {
                let (start, end) = (at + gap, at + gap + len);
                at = end;
                let expected = merged.contains(start, end) && !(exact.binary_search(&(start, end)).is_ok() && exempt);
                proptest::prop_assert_eq!(known.holds_token(start, end, || exempt), expected);
                proptest::prop_assert_eq!(known.contains(start, end), merged.contains(start, end));
            }
        }
    }

    #[test]
    fn months_and_weekdays_are_ruled_out_by_their_first_letters_only_when_none_starts_so() {
        let names = [
            "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre", "octobre",
            "novembre", "décembre", "decembre", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
            "dimanche", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        ];
        for name in names {
            for w in [name.to_string(), name.to_uppercase(), format!("{}{}", name[..1].to_uppercase(), &name[1..])] {
                assert!(is_month_or_weekday(&w), "{w:?}");
            }
        }
        for w in ["Poutine", "Kim", "", "É", "Mardi-Gras", "Paris", "Zelensky"] {
            assert_eq!(is_month_or_weekday(w), super::super::dates::is_month_name(w) || super::super::dates::weekday_of(w).is_some(), "{w:?}");
        }
    }

    /// A distinct name for candidate `i`, so that the selections compared tell candidates
    /// apart (leaked: a few short strings per test case).
    fn candidate_name(i: usize) -> &'static str {
        Box::leak(i.to_string().into_boxed_str())
    }

    proptest::proptest! {
        #[test]
        fn selection_of_spans_not_empty_matches_the_reference(spans in proptest::collection::vec((0usize..200, 1usize..80, 0u8..5), 0..30)) {
            let candidates: Vec<(Found, u8)> = spans
                .iter()
                .enumerate()
                .map(|(i, &(start, len, strength))| {
                    let kind = [Kind::Person, Kind::Place, Kind::Org][i % 3];
                    (Found { start, end: start + len, kind, canonical: Some(candidate_name(i)), weak: false }, strength)
                })
                .collect();
            proptest::prop_assert_eq!(select(&candidates), select_reference(candidates));
        }

        #[test]
        fn selection_matches_the_reference(spans in proptest::collection::vec((0usize..40, 0usize..6, 0u8..5, proptest::bool::ANY), 0..30)) {
            let candidates: Vec<(Found, u8)> = spans
                .iter()
                .enumerate()
                .map(|(i, &(start, len, strength, weak))| {
                    let kind = [Kind::Person, Kind::Place, Kind::Org][i % 3];
                    (Found { start, end: start + len, kind, canonical: Some(candidate_name(i)), weak }, strength)
                })
                .collect();
            proptest::prop_assert_eq!(select(&candidates), select_reference(candidates));
        }
    }
}
