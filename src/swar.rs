//! Byte tests on eight bytes at once (SWAR, "SIMD within a register"): most of a text is
//! plain ASCII that a search for rarer bytes can pass over a word at a time.
//!
//! Each test takes eight bytes read little-endian as a `u64` and gives a mask with the
//! top bit set in each byte that passes. The sums work on the low seven bits of each
//! byte, which stay below 0x100, so no carry crosses into the next byte.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The bytes of `x` that are ASCII and in `lo..hi` (`lo <= hi <= 0x80`).
#[inline]
pub(crate) fn ascii_in(x: u64, lo: u8, hi: u8) -> u64 {
    let low = x & !HIGH;
    (low + ONES * u64::from(0x80 - lo)) & !(low + ONES * u64::from(0x80 - hi)) & !x & HIGH
}

/// The bytes of `x` from `lo` up, for `lo >= 0x80` (lead bytes of some characters on).
#[inline]
pub(crate) fn at_least(x: u64, lo: u8) -> u64 {
    ((x & !HIGH) + ONES * u64::from(0x80 - (lo - 0x80))) & x & HIGH
}

/// The bytes of `x` equal to `b` (any byte value: the test is exact, with no carry
/// between lanes).
#[inline]
pub(crate) fn equal(x: u64, b: u8) -> u64 {
    let t = x ^ (ONES * u64::from(b));
    !(((t & !HIGH) + !HIGH) | t) & HIGH
}

/// The bytes that `mask` leaves out.
#[inline]
pub(crate) fn not(mask: u64) -> u64 {
    !mask & HIGH
}

/// Whether `mask` holds every byte.
#[inline]
pub(crate) fn all(mask: u64) -> bool {
    mask == HIGH
}

/// The eight bytes of `bytes` from `at` (which must be inside it), the first in the
/// lowest lane; past the end, zero bytes.
#[inline]
pub(crate) fn load(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
        None => {
            let mut padded = [0u8; 8];
            padded[..bytes.len() - at].copy_from_slice(&bytes[at..]);
            u64::from_le_bytes(padded)
        }
    }
}

/// The first position from `from` on whose byte `mask` marks and `confirm` accepts.
/// `mask` sees eight bytes at a time; the last few are padded with zero bytes, whose
/// marks are ignored. `confirm` gets the position of each marked byte, in order.
#[inline]
pub(crate) fn find(bytes: &[u8], from: usize, mask: impl Fn(u64) -> u64, mut confirm: impl FnMut(usize) -> bool) -> Option<usize> {
    let mut at = from;
    while at < bytes.len() {
        let mut hits = mask(load(bytes, at));
        while hits != 0 {
            let hit = at + hits.trailing_zeros() as usize / 8;
            if hit >= bytes.len() {
                return None;
            }
            if confirm(hit) {
                return Some(hit);
            }
            hits &= hits - 1;
        }
        at += 8;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each test against the byte-by-byte answer, for every byte value in every lane.
    #[test]
    fn tests_agree_with_byte_comparisons() {
        let lanes = |b: u8, lane: usize| u64::from_le_bytes(std::array::from_fn(|i| if i == lane { b } else { b'a' }));
        let lane_mask = |lane: usize| 0x80u64 << (8 * lane);
        for b in 0..=255u8 {
            for lane in 0..8 {
                let x = lanes(b, lane);
                let on = |mask: u64| mask & lane_mask(lane) != 0;
                for (lo, hi) in [(0x30, 0x3a), (0x41, 0x5b), (0x61, 0x7b), (0x20, 0x7f), (0x00, 0x80)] {
                    assert_eq!(on(ascii_in(x, lo, hi)), (lo..hi).contains(&b), "{b:#x} in {lo:#x}..{hi:#x}");
                }
                for lo in [0x80, 0xc0, 0xcc, 0xff] {
                    assert_eq!(on(at_least(x, lo)), b >= lo, "{b:#x} >= {lo:#x}");
                }
                for c in [b' ', b'$', 0, 0x7f, b'a', 0x80, 0xc3, 0xe2, 0xff] {
                    assert_eq!(on(equal(x, c)), b == c, "{b:#x} == {c:#x}");
                }
            }
        }
    }

    #[test]
    fn loads_are_padded_with_zeros_past_the_end() {
        let bytes = b"abcdefghij";
        assert_eq!(load(bytes, 0), u64::from_le_bytes(*b"abcdefgh"));
        assert_eq!(load(bytes, 2), u64::from_le_bytes(*b"cdefghij"));
        assert_eq!(load(bytes, 7), u64::from_le_bytes(*b"hij\0\0\0\0\0"));
    }

    #[test]
    fn find_agrees_with_a_byte_by_byte_search() {
        for len in 0..20 {
            for at in 0..len {
                for b in [b'7', b'Z', 0xc3, 0] {
                    let mut bytes = vec![b'x'; len];
                    bytes[at] = b;
                    for from in 0..=len {
                        let digit = |x| ascii_in(x, b'0', b'9' + 1);
                        let expected = (from..len).find(|&i| bytes[i].is_ascii_digit());
                        assert_eq!(find(&bytes, from, digit, |_| true), expected);
                        let nul = (from..len).find(|&i| bytes[i] == 0);
                        assert_eq!(find(&bytes, from, |x| equal(x, 0), |_| true), nul, "{len} {at} {from}");
                    }
                }
            }
        }
    }
}
