//! The timeline sidebar: the open article's dated events in order, or (`t`) every
//! article's, each marked with its article. An event is three rows: its value (and
//! article), then two rows of its sentence around the date.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;

use super::action::Scope;
use super::app::{App, Pane};
use super::articles::pane_block;
use super::layout::{EVENT_ROWS, Screen};
use super::wrap::{Highlight, display_width, draw_runs, grapheme_width, styled_runs, truncate, wrap_range};
use crate::model::{Article, Kind};
use crate::timeline::CorpusEvent;

/// Draws the timeline sidebar.
pub fn render(app: &App, screen: &Screen, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.focus == Pane::Timeline;
    let len = app.timeline_len();
    let (title, hint) = match app.timeline_scope {
        Scope::Article => (format!(" Timeline ({len}) "), " t: corpus "),
        Scope::Corpus if screen.timeline.width >= 26 => (format!(" Corpus timeline ({len}) "), " t: article "),
        Scope::Corpus => (format!(" Corpus ({len}) "), " t: article "),
    };
    pane_block(theme, Line::from(title), focused)
        .title_bottom(Line::from(hint).right_aligned())
        .render(screen.timeline, buf);
    let inner = screen.timeline_inner;
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    if len == 0 {
        let note = match (app.open, app.timeline_scope) {
            (None, _) => "",
            (Some(_), Scope::Article) => "No dated event in this article.",
            (Some(_), Scope::Corpus) => "No dated event in the corpus.",
        };
        for (i, line) in wrap_range(note, 0..note.len(), usize::from(inner.width)).iter().enumerate().take(usize::from(inner.height)) {
            draw_runs(buf, inner.x, inner.y + i as u16, inner.width, note, &[(line.range.clone(), theme.dim)]);
        }
        return;
    }
    let rows = usize::from(inner.height / EVENT_ROWS);
    let end = (app.timeline.offset + rows).min(len);
    for (slot, i) in (app.timeline.offset..end).enumerate() {
        let Some(item) = app.timeline_item(i) else { continue };
        let area = Rect::new(inner.x, inner.y + slot as u16 * EVENT_ROWS, inner.width, EVENT_ROWS);
        render_event(app, i, item, area, focused, buf);
    }
}

fn render_event(app: &App, i: usize, item: CorpusEvent, area: Rect, focused: bool, buf: &mut Buffer) {
    let theme = &app.theme;
    let article = &app.articles[item.article];
    let Some(event) = article.timeline.get(item.event) else { return };
    let is_cursor = i == app.timeline.cursor;
    let row_style = match (is_cursor, focused) {
        (true, true) => theme.cursor,
        (true, false) => theme.cursor_unfocused,
        _ => Style::new(),
    };
    let width = usize::from(area.width);
    // Row 1: a mark when the event holds the current mention, the value, the article.
    let is_current = Some(item.article) == app.open && app.mention == Some(event.mention);
    if is_cursor {
        buf.set_style(Rect::new(area.x, area.y, area.width, 1), row_style);
    }
    let mark = if is_current { "● " } else { "  " };
    let mut x = buf.set_stringn(area.x, area.y, mark, 2, theme.marker.patch(row_style)).0;
    x = buf.set_stringn(x, area.y, &event.value, width.saturating_sub(2), theme.kind(Kind::Date).patch(row_style)).0;
    if app.timeline_scope == Scope::Corpus {
        let room = usize::from(area.right().saturating_sub(x + 1));
        let label = format!("#{} {}", item.article + 1, article.title);
        buf.set_stringn(x + 1, area.y, truncate(&label, room), room, theme.dim.patch(row_style));
    }
    // Rows 2 and 3: the sentence around the date.
    let text_width = width.saturating_sub(2);
    if text_width < 2 {
        return;
    }
    let mention = article.mentions.get(event.mention).map(|m| m.range());
    let (range, cut_before) = excerpt(article, event.sentence.clone(), mention.clone(), text_width);
    // A cut start is shown with a leading ellipsis, which takes a column.
    let wrap_width = if cut_before { text_width - 1 } else { text_width };
    let lines = wrap_range(&article.text, range.clone(), wrap_width);
    let highlights: Vec<Highlight> = mention.into_iter().map(|r| Highlight { range: r, style: theme.kind(Kind::Date) }).collect();
    for (row, line) in lines.iter().take(usize::from(EVENT_ROWS - 1)).enumerate() {
        let y = area.y + 1 + row as u16;
        let mut x = area.x + 2;
        let room = wrap_width as u16;
        if row == 0 && cut_before {
            x = buf.set_stringn(x, y, "…", 1, theme.dim).0;
        }
        let more = row + 1 == usize::from(EVENT_ROWS - 1) && lines.len() > row + 1;
        let mut range = line.range.clone();
        if more {
            // The sentence goes on: end the last row with an ellipsis.
            range.end = cut_to_width(&article.text, range.clone(), usize::from(room) - 1);
        }
        let runs = styled_runs(&article.text, &range, theme.dim, &[&highlights]);
        let end = draw_runs(buf, x, y, room, &article.text, &runs);
        if more {
            buf.set_stringn(end, y, "…", 1, theme.dim);
        }
    }
}

/// The part of `sentence` to show in two rows of `width`: all of it when it fits,
/// else from a little before the date. The flag says whether the start was cut.
fn excerpt(article: &Article, sentence: Range<usize>, mention: Option<Range<usize>>, width: usize) -> (Range<usize>, bool) {
    let text = &article.text;
    let Some(s) = text.get(sentence.clone()) else { return (0..0, false) };
    let Some(mention) = mention else { return (sentence, false) };
    if display_width(s) < 2 * width {
        return (sentence, false);
    }
    let offset = mention.start.saturating_sub(sentence.start);
    let Some(before) = s.get(..offset) else { return (sentence, false) };
    // Enough context before the date to read it (half a row at least), and all
    // the room that the rest of the sentence leaves in the two rows.
    let after = s.get(offset..).map_or(0, display_width);
    let budget = (width / 2).max((2 * width).saturating_sub(after + 2));
    let mut used = 0;
    let mut start = offset;
    for (i, g) in before.grapheme_indices(true).rev() {
        used += grapheme_width(g);
        if used > budget {
            break;
        }
        start = i;
    }
    if start == 0 || used <= budget {
        return (sentence, false);
    }
    // Start at a word.
    if let Some(space) = s[start..offset].find(' ') {
        start += space + 1;
    }
    (sentence.start + start..sentence.end, true)
}

/// The end of the longest start of `range` that fits in `width` columns.
fn cut_to_width(text: &str, range: Range<usize>, width: usize) -> usize {
    let Some(s) = text.get(range.clone()) else { return range.start };
    let mut used = 0;
    for (i, g) in s.grapheme_indices(true) {
        used += grapheme_width(g);
        if used > width {
            return range.start + i;
        }
    }
    range.end
}
