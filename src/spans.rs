//! Byte spans of a text and overlap tests in logarithmic time, so that no step of the
//! pipeline turns quadratic on a huge article (a 2 MB single line).

use std::collections::BTreeMap;

/// Sorted, pairwise disjoint spans.
#[derive(Debug, Default, Clone)]
pub struct Disjoint(Vec<(usize, usize)>);

impl Disjoint {
    /// Spans that are already sorted by start and do not overlap.
    pub fn from_sorted(spans: impl IntoIterator<Item = (usize, usize)>) -> Self {
        Disjoint(spans.into_iter().collect())
    }

    /// The union of any spans, merged into disjoint ones.
    pub fn union(mut spans: Vec<(usize, usize)>) -> Self {
        spans.sort_unstable();
        Disjoint::union_of_sorted(&spans)
    }

    /// The union of spans sorted by start (they may overlap), merged into disjoint ones.
    pub fn union_of_sorted(spans: &[(usize, usize)]) -> Self {
        let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for &(s, e) in spans {
            match out.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => out.push((s, e)),
            }
        }
        Disjoint(out)
    }

    /// The spans, sorted and disjoint.
    pub fn spans(&self) -> &[(usize, usize)] {
        &self.0
    }

    /// Whether `start..end` overlaps one of the spans.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        let i = self.0.partition_point(|sp| sp.1 <= start);
        self.0.get(i).is_some_and(|sp| sp.0 < end)
    }

    /// Whether `start..end` lies inside one of the spans.
    pub fn contains(&self, start: usize, end: usize) -> bool {
        let i = self.0.partition_point(|sp| sp.1 < end);
        self.0.get(i).is_some_and(|sp| sp.0 <= start && end <= sp.1)
    }
}

/// A growing set of disjoint spans.
#[derive(Debug, Default, Clone)]
pub struct SpanSet(BTreeMap<usize, usize>);

impl SpanSet {
    /// Whether `start..end` overlaps a span of the set.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        // Disjoint spans: only the last one starting before `end` can reach past `start`.
        self.0.range(..end).next_back().is_some_and(|(_, &e)| e > start)
    }

    /// Adds a span (the caller checked that it overlaps none).
    pub fn insert(&mut self, start: usize, end: usize) {
        self.0.insert(start, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_containment() {
        let d = Disjoint::union(vec![(10, 20), (15, 25), (30, 40)]);
        assert!(d.overlaps(24, 26) && !d.overlaps(25, 30) && d.overlaps(0, 11));
        assert!(d.contains(12, 25) && !d.contains(20, 31) && d.contains(30, 40));
        let mut s = SpanSet::default();
        s.insert(10, 20);
        s.insert(30, 40);
        assert!(s.overlaps(19, 21) && !s.overlaps(20, 30) && s.overlaps(35, 36));
    }
}
