//! Highlights stay exact when text is wrapped: at every width, each mention's cells on
//! screen spell the mention, cut only at line breaks, with wide characters (CJK, emoji)
//! and combining accents.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use unicode_segmentation::UnicodeSegmentation;
use vigie::tui::fixture;
use vigie::tui::wrap::{Highlight, display_width, draw_runs, styled_runs, wrap};

/// A style that names mention `i`.
fn tag(i: usize) -> Style {
    Style::new().bg(Color::Indexed(i as u8))
}

fn check(text: &str, ranges: &[std::ops::Range<usize>], width: usize) {
    let highlights: Vec<Highlight> = ranges.iter().enumerate().map(|(i, r)| Highlight { range: r.clone(), style: tag(i) }).collect();
    let lines = wrap(text, width);
    let mut buf = Buffer::empty(Rect::new(0, 0, width.max(2) as u16 + 2, lines.len() as u16));
    let mut drawn = vec![String::new(); ranges.len()];
    for (y, line) in lines.iter().enumerate() {
        assert!(line.width <= width || text[line.range.clone()].graphemes(true).count() == 1, "line wider than {width}");
        let runs = styled_runs(text, &line.range, Style::new(), &[&highlights]);
        // The runs cover the line exactly, in order.
        if !line.range.is_empty() {
            assert_eq!(runs.first().map(|r| r.0.start), Some(line.range.start));
            assert_eq!(runs.last().map(|r| r.0.end), Some(line.range.end));
        }
        for pair in runs.windows(2) {
            assert_eq!(pair[0].0.end, pair[1].0.start);
        }
        let room = buf.area.width;
        let end = draw_runs(&mut buf, 0, y as u16, room, text, &runs);
        assert_eq!(usize::from(end), line.width, "drawn width of {:?}", &text[line.range.clone()]);
        // Read the screen back: each cell's symbol goes to the mention its style names.
        for x in 0..end {
            let cell = &buf[(x, y as u16)];
            if let Color::Indexed(i) = cell.bg {
                drawn[usize::from(i)].push_str(cell.symbol());
            }
        }
    }
    for (i, range) in ranges.iter().enumerate() {
        // On screen, a mention loses only the spaces at its line breaks.
        let expected: String = text[range.clone()].split_whitespace().collect();
        let seen: String = drawn[i].split_whitespace().collect();
        assert_eq!(seen, expected, "mention {i} at width {width}");
    }
}

#[test]
fn fixture_mentions_are_drawn_exactly_at_every_width() {
    for article in fixture::articles() {
        let ranges: Vec<_> = article.mentions.iter().map(|m| m.range()).collect();
        for width in 2..=70 {
            check(&article.text, &ranges, width);
        }
    }
}

#[test]
fn mentions_of_wide_and_combining_text_are_drawn_exactly() {
    let text = "Le 東京都知事 a reçu 👩‍👩‍👧 la de\u{301}le\u{301}gation de Gene\u{300}ve: 「ジュネーブで合意」 Anticonstitutionnellement";
    let find = |s: &str| {
        let start = text.find(s).unwrap();
        start..start + s.len()
    };
    let ranges = [
        find("東京都知事"),
        find("👩‍👩‍👧"),
        find("de\u{301}le\u{301}gation de Gene\u{300}ve"),
        find("ジュネーブで合意"),
        find("constitution"),
    ];
    for width in 2..=40 {
        check(text, &ranges, width);
    }
    assert_eq!(display_width("de\u{301}le\u{301}gation"), 10);
}
