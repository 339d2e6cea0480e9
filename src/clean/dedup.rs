//! Finding paragraphs that a page repeats: exact copies (after case, spacing and
//! punctuation are folded) and near copies (a block pasted twice with a few words
//! changed). The first occurrence is kept.

use std::collections::VecDeque;
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

use rustc_hash::{FxHashSet, FxHasher};

/// How many earlier paragraphs a paragraph is compared with for near copies:
/// pasted blocks sit close together, and the bound keeps huge files linear.
const NEAR_WINDOW: usize = 16;
/// Near copies need enough words for the overlap to mean something.
const NEAR_MIN_WORDS: usize = 10;
/// Share of word pairs two paragraphs must have in common to be near copies.
const NEAR_JACCARD: f64 = 0.6;

/// Tracks the paragraphs kept so far and tells whether a new one repeats them.
pub struct Dedup {
    /// Keys of the paragraphs seen (already hashes: a plain Fx set is enough).
    exact: FxHashSet<u64>,
    /// Word-pair sets of the last paragraphs, oldest first.
    recent: VecDeque<PairSet>,
    /// The word hashes of the paragraph last read, and their key.
    words: Vec<u64>,
    key: u64,
    /// The pair set being built, its storage reused from one paragraph to the next.
    pairs: PairSet,
    /// An open-addressing table that drops the repeated pairs of a paragraph (0 marks
    /// an empty slot; a pair whose hash is 0 is noted in `PairSet::has_zero`).
    slots: Vec<u64>,
}

/// The distinct word pairs of a paragraph, in no order, with how many fall in each
/// bucket of their hash: two sets can share no more pairs in a bucket than the smaller
/// count, so the counts bound the intersection without reading the pairs.
#[derive(Clone)]
struct PairSet {
    pairs: Vec<u64>,
    buckets: [u8; BUCKETS],
    /// Whether a bucket count passed 255 (the bound is then not used).
    overflow: bool,
}

impl Default for Dedup {
    fn default() -> Dedup {
        // The window fills up in most articles: its room is taken once.
        Dedup {
            exact: FxHashSet::default(),
            recent: VecDeque::with_capacity(NEAR_WINDOW),
            words: Vec::new(),
            key: 0,
            pairs: PairSet::default(),
            slots: Vec::new(),
        }
    }
}

impl Default for PairSet {
    fn default() -> PairSet {
        PairSet { pairs: Vec::new(), buckets: [0; BUCKETS], overflow: false }
    }
}

/// Paragraphs of up to this many words drop their repeated pairs with a bit set
/// ([`PairSet::fill_small`]): with at most 63 pairs in 256 bits, few bits are hit twice.
const SMALL_PARAGRAPH: usize = 64;

/// How many buckets [`PairSet`] counts pairs in.
const BUCKETS: usize = 128;

impl PairSet {
    /// Fills the set with the pairs of neighbouring `words`, each once.
    fn fill(&mut self, words: &[u64], slots: &mut Vec<u64>) {
        self.pairs.clear();
        self.pairs.reserve(words.len());
        self.buckets = [0; BUCKETS];
        self.overflow = false;
        if words.len() <= SMALL_PARAGRAPH {
            self.fill_small(words);
            return;
        }
        // A table at least twice as large as the pairs keeps the probe runs short.
        let size = (2 * words.len()).next_power_of_two().max(16);
        slots.clear();
        slots.resize(size, 0);
        let shift = 64 - size.trailing_zeros();
        let mut has_zero = false;
        for w in words.windows(2) {
            let pair = w[0].rotate_left(17) ^ w[1];
            if pair == 0 {
                if has_zero {
                    continue;
                }
                has_zero = true;
            } else {
                let mut slot = (pair.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize;
                let new = loop {
                    match slots[slot] {
                        0 => {
                            slots[slot] = pair;
                            break true;
                        }
                        seen if seen == pair => break false,
                        _ => slot = (slot + 1) & (size - 1),
                    }
                };
                if !new {
                    continue;
                }
            }
            self.push(pair);
        }
    }

    /// [`PairSet::fill`] for a paragraph of at most [`SMALL_PARAGRAPH`] words, with a
    /// bit set of 256 bits in place of the table: a pair whose bit is not set yet is
    /// new (most pairs), and only a pair whose bit is taken is looked for among the
    /// pairs kept. No table to clear, and one test for most pairs.
    fn fill_small(&mut self, words: &[u64]) {
        let mut seen = [0u64; 4];
        for w in words.windows(2) {
            let pair = w[0].rotate_left(17) ^ w[1];
            let bit = (pair.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize;
            let (slot, mask) = (bit / 64, 1u64 << (bit % 64));
            if seen[slot] & mask == 0 {
                seen[slot] |= mask;
            } else if self.pairs.contains(&pair) {
                continue;
            }
            self.push(pair);
        }
    }

    fn push(&mut self, pair: u64) {
        self.pairs.push(pair);
        let bucket = &mut self.buckets[bucket_of(pair)];
        match bucket.checked_add(1) {
            Some(count) => *bucket = count,
            None => self.overflow = true,
        }
    }
}

/// The bucket of a pair hash in [`PairSet::buckets`].
fn bucket_of(pair: u64) -> usize {
    (pair.wrapping_mul(0xff51_afd7_ed55_8ccd) >> 57) as usize % BUCKETS
}

impl Dedup {
    /// Returns true if `paragraph` repeats one seen before; otherwise records it.
    pub fn is_repeat(&mut self, paragraph: &str) -> bool {
        self.read(paragraph);
        self.last_read_is_repeat()
    }

    /// Reads the words of `paragraph` for [`Dedup::last_read_is_repeat`] and returns its
    /// [`text_key`]: a caller that needs both hashes the words once.
    pub fn read(&mut self, paragraph: &str) -> u64 {
        word_hashes(paragraph, &mut self.words);
        self.key = key_of(&self.words);
        self.key
    }

    /// Returns true if the paragraph last given to [`Dedup::read`] repeats one seen
    /// before; otherwise records it.
    pub fn last_read_is_repeat(&mut self) -> bool {
        let words = &self.words;
        if words.is_empty() {
            return false;
        }
        if !self.exact.insert(self.key) {
            return true;
        }
        if words.len() >= NEAR_MIN_WORDS {
            self.pairs.fill(words, &mut self.slots);
            if self.recent.iter().any(|seen| near_copies(seen, &self.pairs)) {
                return true;
            }
            // The set joins the window; the one it pushes out lends its buffer to the next.
            let spare = if self.recent.len() == NEAR_WINDOW { self.recent.pop_front().unwrap_or_default() } else { PairSet::default() };
            self.recent.push_back(std::mem::replace(&mut self.pairs, spare));
        }
        false
    }
}

/// A key that two texts share when they have the same words (case, spacing and
/// punctuation folded).
pub fn text_key(text: &str) -> u64 {
    let mut words = Vec::new();
    word_hashes(text, &mut words);
    key_of(&words)
}

/// The key of a list of word hashes (the hash of the list, length included). Fx, not
/// SipHash: the word hashes are already well mixed, and the keys never leave the process.
fn key_of(words: &[u64]) -> u64 {
    let mut h = FxHasher::default();
    words.hash(&mut h);
    h.finish()
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(h: u64, c: char) -> u64 {
    (h ^ c as u64).wrapping_mul(0x100_0000_01b3)
}

/// What an ASCII byte is to a word: its lowercase form when it is a letter or a
/// digit, 0 when it separates words. Non-ASCII bytes map to [`NOT_ASCII`].
static WORD_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        t[b] = if x >= 0x80 {
            NOT_ASCII
        } else if x.is_ascii_alphanumeric() {
            x.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    t
};
const NOT_ASCII: u8 = 0xff;

/// FNV-1a hashes of the lowercase words, punctuation dropped (a cheap hash: these
/// keys never leave the process), written to `out`.
///
/// A word is a run of alphanumeric characters; each character is hashed as its
/// lowercase form. ASCII bytes are read one by one: only other characters are decoded.
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    out.clear();
    // A word takes two bytes or more with its separator: room for all of them at once.
    out.reserve(text.len().div_ceil(2));
    let bytes = text.as_bytes();
    let (mut h, mut in_word) = (FNV_OFFSET, false);
    let mut i = 0;
    while i < bytes.len() {
        let t = WORD_BYTE[bytes[i] as usize];
        if t == 0 {
            i += 1;
            if in_word {
                out.push(h);
                (h, in_word) = (FNV_OFFSET, false);
            }
        } else if t != NOT_ASCII {
            // An ASCII letter or digit, and the rest of the ASCII run in a tight loop:
            // most words are all ASCII, and the loop tests one range per byte.
            h = fnv_byte(h, t);
            i += 1;
            in_word = true;
            while let Some(&b) = bytes.get(i) {
                let t = WORD_BYTE[b as usize];
                if t.wrapping_sub(1) >= NOT_ASCII - 1 {
                    break; // 0 (a separator) or NOT_ASCII
                }
                h = fnv_byte(h, t);
                i += 1;
            }
        } else {
            // A two-byte character (accented Latin, Greek, Cyrillic) is looked up in a
            // table; the others are decoded and folded by the standard library.
            let two_byte = (bytes[i] < 0xe0).then(|| two_byte_word_char(bytes[i], bytes[i + 1]));
            let folded = match two_byte {
                Some(WordChar::Lower(lower)) => {
                    i += 2;
                    Some(fnv(h, lower))
                }
                Some(WordChar::Separator) => {
                    i += 2;
                    None
                }
                Some(WordChar::Other) | None => {
                    let c = text[i..].chars().next().expect("a character starts here");
                    i += c.len_utf8();
                    is_alphanumeric(c).then(|| c.to_lowercase().fold(h, fnv))
                }
            };
            if let Some(folded) = folded {
                (h, in_word) = (folded, true);
            } else if in_word {
                out.push(h);
                (h, in_word) = (FNV_OFFSET, false);
            }
        }
    }
    if in_word {
        out.push(h);
    }
}

/// What a character is to a word, for the two-byte characters (U+0080 to U+07FF).
#[derive(Clone, Copy, PartialEq, Debug)]
enum WordChar {
    /// A letter or digit whose lowercase form is this one character.
    Lower(char),
    /// Neither a letter nor a digit.
    Separator,
    /// A letter or digit whose lowercase form is several characters (`İ`).
    Other,
}

/// [`WordChar`] of each two-byte character, from U+0080: the standard library looks
/// the lowercase form up in a slower table.
static TWO_BYTE_WORD_CHARS: LazyLock<Vec<WordChar>> = LazyLock::new(|| {
    (0x80..0x800)
        .map(|code| {
            let c = char::from_u32(code).expect("no surrogates below U+0800");
            let mut lower = c.to_lowercase();
            match (c.is_alphanumeric(), lower.next(), lower.next()) {
                (false, _, _) => WordChar::Separator,
                (true, Some(l), None) => WordChar::Lower(l),
                _ => WordChar::Other,
            }
        })
        .collect()
});

/// The [`WordChar`] of the two-byte character that starts with `lead` (0xC2 to 0xDF)
/// and goes on with `next`.
#[inline]
fn two_byte_word_char(lead: u8, next: u8) -> WordChar {
    let code = (usize::from(lead & 0x1f) << 6) | usize::from(next & 0x3f);
    TWO_BYTE_WORD_CHARS[code - 0x80]
}

/// [`fnv`] of an ASCII character given as its byte.
#[inline]
fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
}

/// Characters below this have [`char::is_alphanumeric`] in [`ALPHANUMERIC`]: the
/// letters and punctuation of European text.
const ALPHANUMERIC_TABLE_END: u32 = 0x3000;

/// [`char::is_alphanumeric`] of each character below [`ALPHANUMERIC_TABLE_END`], one bit
/// each: the standard library looks non-ASCII characters up in a slower table.
static ALPHANUMERIC: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; ALPHANUMERIC_TABLE_END as usize / 64];
    for c in (0..ALPHANUMERIC_TABLE_END).filter_map(char::from_u32).filter(|c| c.is_alphanumeric()) {
        bits[c as usize / 64] |= 1 << (c as usize % 64);
    }
    bits
});

fn is_alphanumeric(c: char) -> bool {
    match ALPHANUMERIC.get(c as usize / 64) {
        Some(word) => word >> (c as usize % 64) & 1 == 1,
        None => c.is_alphanumeric(),
    }
}

/// Whether two pair sets have a Jaccard similarity of at least [`NEAR_JACCARD`].
fn near_copies(a: &PairSet, b: &PairSet) -> bool {
    let Some(need) = intersection_needed(a.pairs.len(), b.pairs.len()) else { return false };
    // Most pairs of paragraphs share next to nothing: the bucket counts tell so without
    // reading the pairs.
    if !a.overflow && !b.overflow {
        // (At most 128 × 255 in all: a u16 holds the sum, and the loop runs on vectors.)
        let bound: u16 = a.buckets.iter().zip(&b.buckets).map(|(&x, &y)| u16::from(x.min(y))).sum();
        if usize::from(bound) < need {
            return false;
        }
    }
    let sorted = |set: &PairSet| {
        let mut pairs = set.pairs.clone();
        pairs.sort_unstable();
        pairs
    };
    sorted_intersection_reaches(&sorted(a), &sorted(b), need)
}

/// The least intersection two sets of these sizes need to have a Jaccard similarity of
/// at least [`NEAR_JACCARD`], or `None` when no intersection is enough.
fn intersection_needed(a: usize, b: usize) -> Option<usize> {
    // J ≥ t implies |small| ≥ t·|large|: sets of very different sizes are skipped.
    let (small, large) = if a < b { (a, b) } else { (b, a) };
    if (small as f64) < NEAR_JACCARD * large as f64 {
        return None;
    }
    // The similarity k / (|a| + |b| − k) grows with the intersection size k, so the
    // test is k ≥ `need`, the least k that passes: k / (total − k) ≥ 3/5 is 8k ≥ 3·total.
    // (The float division that the threshold stands for agrees: a quotient below 3/5
    // falls short of it by far more than a rounding error.)
    let total = a + b;
    let need = (3 * total).div_ceil(8);
    (need <= small && need < total).then_some(need)
}

/// Whether two sorted, deduplicated sets share at least `need` elements.
fn sorted_intersection_reaches(a: &[u64], b: &[u64], need: usize) -> bool {
    // Merge the sorted sets, and stop as soon as what is left cannot bring the
    // intersection up to `need`.
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        if inter + (a.len() - i).min(b.len() - j) < need {
            return false;
        }
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter >= need
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_copy_with_other_spacing_is_a_repeat() {
        let mut d = Dedup::default();
        assert!(!d.is_repeat("Le conseil municipal a voté le budget."));
        assert!(d.is_repeat("Le  conseil municipal a voté le budget"));
        assert!(!d.is_repeat("Un autre paragraphe."));
    }

    #[test]
    fn the_alphanumeric_table_agrees_with_the_standard_library() {
        for c in (0..0x4000).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn word_hashes_fold_case_and_drop_punctuation() {
        let hashes = |t: &str| {
            let mut out = Vec::new();
            word_hashes(t, &mut out);
            out
        };
        // The reference: split on non-alphanumeric characters, FNV-1a of the lowercase.
        let reference = |t: &str| -> Vec<u64> {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().flat_map(char::to_lowercase).fold(FNV_OFFSET, fnv))
                .collect()
        };
        let every_two_byte_char: String = (0x80..0x800).filter_map(char::from_u32).flat_map(|c| [c, 'a', c, ' ']).collect();
        for t in ["", "  ", "Le Conseil, l’État et ÉTÉ 2024 — İstanbul ΣΑΣ straße x", "a", "-a-b-", "ǅemal Ⅻ ١٢٣", "é", "aé", "éa", "«x»", &every_two_byte_char] {
            assert_eq!(hashes(t), reference(t), "{t}");
        }
        assert_eq!(hashes("Été à PARIS"), hashes("été, à paris!"));
    }

    #[test]
    fn pair_sets_and_their_bound_agree_with_sorted_sets() {
        // The plain form: sorted, deduplicated pairs, and the Jaccard similarity itself.
        let plain_pairs = |words: &[u64]| {
            let mut pairs: Vec<u64> = words.windows(2).map(|w| w[0].rotate_left(17) ^ w[1]).collect();
            pairs.sort_unstable();
            pairs.dedup();
            pairs
        };
        let jaccard = |a: &[u64], b: &[u64]| {
            let inter = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
            inter as f64 / (a.len() + b.len() - inter) as f64 >= NEAR_JACCARD
        };
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut slots = Vec::new();
        let mut pair_set = |words: &[u64]| {
            let mut set = PairSet::default();
            set.fill(words, &mut slots);
            set
        };
        for round in 0..3000 {
            // Small vocabularies repeat pairs; word 0 and a pair hash of 0 come up too.
            // Paragraphs short and long take the two ways of dropping repeated pairs.
            let vocabulary = [3, 8, 40, 1000][round % 4];
            let len = 10 + next([120, 60][round / 4 % 2]) as usize;
            let a: Vec<u64> = (0..len).map(|_| next(vocabulary)).collect();
            let mut b = a.clone();
            for _ in 0..next(len as u64 / 2 + 1) {
                let at = next(b.len() as u64) as usize;
                b[at] = next(vocabulary);
            }
            if round % 5 == 0 {
                b.truncate(10 + next(len as u64 - 9) as usize);
            }
            let (set_a, set_b) = (pair_set(&a), pair_set(&b));
            let (plain_a, plain_b) = (plain_pairs(&a), plain_pairs(&b));
            let mut sorted_a = set_a.pairs.clone();
            sorted_a.sort_unstable();
            assert_eq!(sorted_a, plain_a);
            assert_eq!(near_copies(&set_a, &set_b), jaccard(&plain_a, &plain_b), "{a:?} {b:?}");
        }
        let zero = pair_set(&[0, 0, 0, 5, 5 << 17, 0, 0]);
        assert_eq!(zero.pairs.iter().filter(|&&p| p == 0).count(), 1);
        let long: Vec<u64> = (0..200).map(|i| i % 7).chain([0; 100]).collect();
        let zero = pair_set(&long);
        assert_eq!(zero.pairs.iter().filter(|&&p| p == 0).count(), 1);
    }

    #[test]
    fn the_intersection_needed_is_the_least_that_passes_the_float_test() {
        for a in 0..300 {
            for b in 0..300 {
                let (small, large) = (a.min(b), a.max(b));
                let expected = ((small as f64) >= NEAR_JACCARD * large as f64)
                    .then(|| (0..=small).find(|&k| a + b > k && k as f64 / (a + b - k) as f64 >= NEAR_JACCARD))
                    .flatten();
                assert_eq!(intersection_needed(a, b), expected, "{a} {b}");
            }
        }
    }

    #[test]
    fn near_copy_is_a_repeat() {
        let mut d = Dedup::default();
        let first = "According to the analysts, the make-up of the delegation, which included senior officers of the army and of the arms industry, shows the focus is on cooperation in the field of defence.";
        let second = "According to the analysts, the make-up of the team, which included senior officers of the army and of the arms industry, shows the focus is on cooperation with the defence industry.";
        assert!(!d.is_repeat(first));
        assert!(d.is_repeat(second));
    }

    #[test]
    fn different_paragraphs_on_one_topic_are_kept() {
        let mut d = Dedup::default();
        assert!(!d.is_repeat("The minister said on Monday that the government would present its budget to parliament next week."));
        assert!(!d.is_repeat("The opposition said on Tuesday that it would vote against the budget when it comes to parliament."));
    }
}
