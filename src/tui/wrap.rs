//! Wrapping text to a pane's width while keeping byte offsets, so that mention ranges
//! map onto the wrapped lines exactly.
//!
//! Lines are found with textwrap (Unicode line-break opportunities, first fit), but
//! every width is measured the way ratatui draws: grapheme by grapheme, with
//! [`CellWidth`]. A wrapped line is a byte range of the source text, so a mention that
//! crosses a line break is cut exactly at the break, and wide characters (CJK, emoji)
//! and combining accents never make a highlight drift.
//!
//! Wrapping an article is the costly step of a frame, so [`WrapCache`] keeps one wrap
//! per (article, width): a key press never rewraps.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::style::Style;
use textwrap::WordSeparator;
use textwrap::core::Fragment;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use crate::model::Article;

/// The columns one grapheme takes on screen, as ratatui draws it: 0 for graphemes it
/// leaves out (control characters, lone combining marks).
pub fn grapheme_width(grapheme: &str) -> usize {
    if grapheme.contains(char::is_control) { 0 } else { usize::from(grapheme.cell_width()) }
}

/// The columns a string takes on screen, as ratatui draws it.
pub fn display_width(text: &str) -> usize {
    // Most Latin text is made of characters one column wide that never join a neighbour
    // into one grapheme: counting them is several times faster than segmenting.
    if text.chars().all(is_plain) {
        return text.chars().count();
    }
    text.graphemes(true).map(grapheme_width).sum()
}

/// Whether `c` is one column wide and a grapheme on its own whatever surrounds it:
/// printable ASCII, Latin-1 and Latin Extended letters (not the soft hyphen), and the
/// general punctuation (dashes, quotes, ellipsis), but no combining mark, no control,
/// no zero-width or bidi format character.
fn is_plain(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ac}' | '\u{ae}'..='\u{2ff}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}')
}

/// `text` cut to `width` columns, ending with `…` when it was cut.
pub fn truncate(text: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if display_width(text) <= width {
        return text.into();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = grapheme_width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out.into()
}

/// One line of wrapped text: a byte range of the source text and its display width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedLine {
    /// The bytes shown on the line (without the whitespace at the break).
    pub range: Range<usize>,
    /// Its display width in columns.
    pub width: usize,
}

/// A wrappable piece of a hard line: a word (or part of a word too long for a line)
/// and the whitespace after it, as byte offsets in the source text.
#[derive(Debug)]
struct Piece {
    start: usize,
    end: usize,
    width: usize,
    whitespace_width: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.whitespace_width as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Wraps all of `text` to `width` columns (see [`wrap_range`]).
pub fn wrap(text: &str, width: usize) -> Vec<WrappedLine> {
    wrap_range(text, 0..text.len(), width)
}

/// Wraps the bytes `range` of `text` to `width` columns (at least one): each `\n` ends a
/// line, so an empty line separates paragraphs; a word wider than the line is cut
/// between graphemes. Ranges that do not fit `text` are clamped, never a panic.
pub fn wrap_range(text: &str, range: Range<usize>, width: usize) -> Vec<WrappedLine> {
    let width = width.max(1);
    let start = floor_char_boundary(text, range.start.min(text.len()));
    let end = floor_char_boundary(text, range.end.min(text.len())).max(start);
    let mut lines = Vec::new();
    let mut offset = start;
    for hard in text[start..end].split('\n') {
        let hard_start = offset;
        offset += hard.len() + 1;
        let pieces = pieces(hard, hard_start, width);
        if pieces.is_empty() {
            lines.push(WrappedLine { range: hard_start..hard_start, width: 0 });
            continue;
        }
        for line in textwrap::wrap_algorithms::wrap_first_fit(&pieces, &[width as f64]) {
            let (Some(first), Some(last)) = (line.first(), line.last()) else { continue };
            let spaces: usize = line[..line.len() - 1].iter().map(|p| p.whitespace_width).sum();
            let words: usize = line.iter().map(|p| p.width).sum();
            lines.push(WrappedLine { range: first.start..last.end, width: words + spaces });
        }
    }
    lines
}

/// The pieces of one hard line (which starts at byte `base` of the source).
fn pieces(line: &str, base: usize, width: usize) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for word in WordSeparator::UnicodeBreakProperties.find_words(line) {
        // Words are slices of `line`: their offset is the distance between pointers.
        let start = base + (word.word.as_ptr() as usize - line.as_ptr() as usize);
        let whitespace_width = display_width(word.whitespace);
        let word_width = display_width(word.word);
        if word_width <= width {
            pieces.push(Piece { start, end: start + word.word.len(), width: word_width, whitespace_width });
            continue;
        }
        // Too wide for any line: cut it between graphemes into pieces that fit.
        let mut piece = Piece { start, end: start, width: 0, whitespace_width: 0 };
        for (i, g) in word.word.grapheme_indices(true) {
            let w = grapheme_width(g);
            if piece.width > 0 && piece.width + w > width {
                let next = Piece { start: start + i, end: start + i, width: 0, whitespace_width: 0 };
                pieces.push(std::mem::replace(&mut piece, next));
            }
            piece.end = start + i + g.len();
            piece.width += w;
        }
        piece.whitespace_width = whitespace_width;
        pieces.push(piece);
    }
    pieces
}

fn floor_char_boundary(text: &str, mut pos: usize) -> usize {
    while pos > 0 && !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// Moves `pos` into `bounds` and onto the next grapheme boundary of `text`, so that a
/// highlight never splits a character or a base letter from its accent.
pub fn snap_to_grapheme(text: &str, pos: usize, bounds: &Range<usize>) -> usize {
    let mut pos = pos.clamp(bounds.start, bounds.end.max(bounds.start)).min(text.len());
    while !text.is_char_boundary(pos) {
        pos += 1;
    }
    let mut cursor = GraphemeCursor::new(pos, text.len(), true);
    if let Ok(false) = cursor.is_boundary(text, 0)
        && let Ok(Some(next)) = cursor.next_boundary(text, 0)
    {
        pos = next;
    }
    pos.min(bounds.end.max(bounds.start))
}

/// A styled byte range of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    /// The bytes.
    pub range: Range<usize>,
    /// The style laid over them.
    pub style: Style,
}

/// Cuts the bytes `line` of `text` into runs of one style: `base`, patched by the
/// highlights of each layer in turn (later layers on top). Each layer is sorted by start;
/// highlights may overlap, within a layer and across layers. Boundaries are snapped to graphemes.
pub fn styled_runs(text: &str, line: &Range<usize>, base: Style, layers: &[&[Highlight]]) -> Vec<(Range<usize>, Style)> {
    let mut cuts = vec![line.start, line.end];
    // The highlights of a layer that overlap the line. A linear scan: layers hold the
    // highlights of the rows in view only, and may nest (a match inside a mention).
    fn overlapping<'a>(layer: &'a [Highlight], line: &Range<usize>) -> impl Iterator<Item = &'a Highlight> {
        let (start, end) = (line.start, line.end);
        layer.iter().take_while(move |h| h.range.start < end).filter(move |h| h.range.end > start && h.range.start < h.range.end)
    }
    for layer in layers {
        for h in overlapping(layer, line) {
            cuts.push(snap_to_grapheme(text, h.range.start, line));
            cuts.push(snap_to_grapheme(text, h.range.end, line));
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut runs: Vec<(Range<usize>, Style)> = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let mut style = base;
        for layer in layers {
            for h in overlapping(layer, line) {
                if h.range.start < end && start < h.range.end {
                    style = style.patch(h.style);
                }
            }
        }
        match runs.last_mut() {
            Some((last, last_style)) if *last_style == style && last.end == start => last.end = end,
            _ => runs.push((start..end, style)),
        }
    }
    runs
}

/// Draws runs of `text` on row `y` from column `x`, within `max_width` columns; returns
/// the column after the last one drawn. Nothing is drawn outside the buffer.
pub fn draw_runs(buf: &mut Buffer, x: u16, y: u16, max_width: u16, text: &str, runs: &[(Range<usize>, Style)]) -> u16 {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() || x < area.left() {
        return x;
    }
    let right = x.saturating_add(max_width).min(area.right());
    let mut col = x;
    for (range, style) in runs {
        if col >= right {
            break;
        }
        let Some(part) = text.get(range.clone()) else { continue };
        col = buf.set_stringn(col, y, part, usize::from(right - col), *style).0;
    }
    col
}

/// An article wrapped to one width: its title, the line under it and its body.
#[derive(Debug, Clone)]
pub struct WrappedArticle {
    /// The width it is wrapped to.
    pub width: u16,
    /// The title's lines (ranges in [`Article::title`]).
    pub title: Vec<WrappedLine>,
    /// Date, byline and source, shown under the title.
    pub byline: String,
    /// The byline's lines (ranges in [`WrappedArticle::byline`]).
    pub byline_lines: Vec<WrappedLine>,
    /// The body's lines (ranges in [`Article::text`]).
    pub body: Vec<WrappedLine>,
    /// For each mention, the body line where it starts.
    pub mention_lines: Vec<usize>,
}

/// What one row of a wrapped article shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row<'a> {
    /// A line of the title.
    Title(&'a WrappedLine),
    /// A line of the byline.
    Byline(&'a WrappedLine),
    /// The gap between the header and the body, and between paragraphs.
    Blank,
    /// A line of the body.
    Body(&'a WrappedLine),
}

impl WrappedArticle {
    /// Wraps `article` to `width` columns.
    pub fn new(article: &Article, width: u16) -> Self {
        let columns = usize::from(width);
        let byline = super::reader::byline(article);
        let body = wrap(&article.text, columns);
        let mut mention_lines = Vec::with_capacity(article.mentions.len());
        let mut line = 0;
        for m in &article.mentions {
            // Mentions are sorted: the line of each start is found by walking forward.
            while line + 1 < body.len() && body[line + 1].range.start <= m.start() {
                line += 1;
            }
            mention_lines.push(line);
        }
        WrappedArticle {
            width,
            title: wrap(&article.title, columns),
            byline_lines: wrap(&byline, columns),
            byline,
            body,
            mention_lines,
        }
    }

    /// Rows before the body: the title, the byline and a blank row.
    pub fn header_rows(&self) -> usize {
        self.title.len() + self.byline_lines.len() + 1
    }

    /// All the rows.
    pub fn rows(&self) -> usize {
        self.header_rows() + self.body.len()
    }

    /// What row `i` shows (`None` past the end).
    pub fn row(&self, i: usize) -> Option<Row<'_>> {
        let titles = self.title.len();
        let bylines = titles + self.byline_lines.len();
        Some(match i {
            i if i < titles => Row::Title(&self.title[i]),
            i if i < bylines => Row::Byline(&self.byline_lines[i - titles]),
            i if i == bylines => Row::Blank,
            i => {
                let line = self.body.get(i - bylines - 1)?;
                if line.range.is_empty() { Row::Blank } else { Row::Body(line) }
            }
        })
    }

    /// The row where mention `i` starts.
    pub fn mention_row(&self, i: usize) -> Option<usize> {
        self.mention_lines.get(i).map(|line| self.header_rows() + line)
    }

    /// The row that shows byte `pos` of the body.
    pub fn row_of_byte(&self, pos: usize) -> usize {
        let line = self.body.partition_point(|l| l.range.start <= pos).saturating_sub(1);
        self.header_rows() + line
    }

    /// The body byte range shown on row `i`, if it is a body row.
    pub fn body_range(&self, i: usize) -> Option<Range<usize>> {
        match self.row(i)? {
            Row::Body(line) => Some(line.range.clone()),
            _ => None,
        }
    }
}

/// Wrapped articles for the current width, so that a key press never rewraps.
#[derive(Debug, Default)]
pub struct WrapCache {
    width: u16,
    articles: HashMap<usize, Arc<WrappedArticle>>,
}

impl WrapCache {
    /// Article number `index` wrapped to `width`, wrapped now if it is not cached. A new
    /// width empties the cache: after a resize, the old wraps will not be shown again.
    pub fn get(&mut self, index: usize, article: &Article, width: u16) -> Arc<WrappedArticle> {
        if width != self.width {
            self.articles.clear();
            self.width = width;
        }
        Arc::clone(self.articles.entry(index).or_insert_with(|| Arc::new(WrappedArticle::new(article, width))))
    }

    /// Article number `index` wrapped to `width`, if it is cached.
    pub fn peek(&self, index: usize, width: u16) -> Option<&Arc<WrappedArticle>> {
        if width != self.width { None } else { self.articles.get(&index) }
    }

    /// Forgets every wrap (the articles changed).
    pub fn clear(&mut self) {
        self.articles.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    fn shown<'a>(text: &'a str, lines: &[WrappedLine]) -> Vec<&'a str> {
        lines.iter().map(|l| &text[l.range.clone()]).collect()
    }

    #[test]
    fn wraps_words_and_keeps_paragraphs_apart() {
        let text = "Le président russe a félicité la Corée du Nord.\n\nDeuxième paragraphe.";
        let lines = wrap(text, 20);
        assert_eq!(shown(text, &lines), ["Le président russe a", "félicité la Corée du", "Nord.", "", "Deuxième paragraphe."]);
        assert!(lines.iter().all(|l| l.width <= 20));
        assert_eq!(lines[0].width, 20);
    }

    #[test]
    fn measures_wide_and_combining_characters_as_drawn() {
        let text = "東京と大阪 e\u{301}te\u{301} 👩‍👩‍👧 ok";
        for width in 1..12 {
            for line in wrap(text, width) {
                assert_eq!(line.width, display_width(&text[line.range.clone()]));
                // A line holds more than its width only when one grapheme is wider than it.
                assert!(line.width <= width || text[line.range.clone()].graphemes(true).count() == 1, "{width}: {line:?}");
            }
        }
        assert_eq!(display_width("東京"), 4);
        assert_eq!(display_width("e\u{301}te\u{301}"), 3);
        // An accent is never cut from its letter, even in a word longer than the line.
        let lines = wrap("e\u{301}e\u{301}e\u{301}", 2);
        assert_eq!(shown("e\u{301}e\u{301}e\u{301}", &lines), ["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn plain_characters_are_one_column_and_one_grapheme() {
        let plain = (0..=0x2060u32).filter_map(char::from_u32).filter(|&c| is_plain(c));
        for c in plain {
            let alone = c.to_string();
            assert_eq!(alone.graphemes(true).map(grapheme_width).sum::<usize>(), 1, "{c:?}");
            for other in ['a', 'é', c, '\u{2019}'] {
                assert_eq!(format!("{c}{other}").graphemes(true).count(), 2, "{c:?} {other:?}");
            }
        }
        assert_eq!(display_width("« C’est — déjà… »"), 17);
        assert_eq!(display_width("e\u{301}"), 1, "a combining accent takes the slow path");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in ["", "\n", " ", "   \n\n  ", "a\u{0}b\u{7}c", "\u{301}", "x\r\ny"] {
            for width in 0..4 {
                let _ = wrap(text, width);
            }
        }
        assert!(wrap_range("abc", 2..99, 5).len() == 1);
        assert!(wrap_range("é", 1..2, 5).len() == 1);
    }

    #[test]
    fn runs_split_highlights_at_line_ends() {
        let text = "un Emmanuel Macron ici";
        let hl = [Highlight { range: 3..18, style: Style::new().fg(Color::Red) }];
        let current = [Highlight { range: 12..18, style: Style::new().add_modifier(Modifier::REVERSED) }];
        let lines = wrap(text, 11);
        assert_eq!(shown(text, &lines), ["un Emmanuel", "Macron ici"]);
        let first = styled_runs(text, &lines[0].range, Style::new(), &[&hl, &current]);
        assert_eq!(first.iter().map(|(r, _)| &text[r.clone()]).collect::<Vec<_>>(), ["un ", "Emmanuel"]);
        let second = styled_runs(text, &lines[1].range, Style::new(), &[&hl, &current]);
        assert_eq!(second[0], (12..18, Style::new().fg(Color::Red).add_modifier(Modifier::REVERSED)));
        assert_eq!(second[1].1, Style::new());
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Poutine", 10), "Poutine");
        assert_eq!(truncate("Poutine", 5), "Pout…");
        assert_eq!(truncate("東京大阪", 5), "東京…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn snapping_keeps_accents_with_their_letters() {
        let text = "Cafe\u{301} noir";
        // A highlight ending between the e and its accent takes the accent along.
        assert_eq!(snap_to_grapheme(text, 4, &(0..text.len())), 6);
        // A position inside a multi-byte character moves to its end.
        assert_eq!(snap_to_grapheme("é", 1, &(0..2)), 2);
        assert_eq!(snap_to_grapheme("abc", 10, &(0..2)), 2);
    }
}
