//! The articles pane: one article per two rows (title; date, counts, source), the open
//! article marked, the cursor shown.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

use super::app::{App, Pane};
use super::layout::{ARTICLE_ROWS, Screen};
use super::theme::Theme;
use super::wrap::{display_width, truncate};
use crate::model::Kind;

/// The block around a pane: its title, and a border that shows the focus.
pub(super) fn pane_block<'a>(theme: &Theme, title: Line<'a>, focused: bool) -> Block<'a> {
    let (style, kind) = if focused {
        (theme.focused_border, if theme.no_color { BorderType::Thick } else { BorderType::Plain })
    } else {
        (theme.border, BorderType::Plain)
    };
    Block::bordered().border_type(kind).border_style(style).title(title)
}

/// Draws the articles pane.
pub fn render(app: &App, screen: &Screen, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.focus == Pane::Articles;
    let title = match app.progress {
        Some(p) => match p.total {
            Some(total) => format!(" Articles {}/{total} … ", p.received),
            None => " Articles … ".to_string(),
        },
        None => format!(" Articles ({}) ", app.articles.len()),
    };
    pane_block(theme, Line::from(title), focused).render(screen.articles, buf);
    let inner = screen.articles_inner;
    if inner.width < 3 || inner.height == 0 {
        return;
    }
    let rows = usize::from(inner.height / ARTICLE_ROWS);
    let end = (app.list.offset + rows).min(app.articles.len());
    for (slot, i) in (app.list.offset..end).enumerate() {
        let y = inner.y + slot as u16 * ARTICLE_ROWS;
        render_item(app, i, Rect::new(inner.x, y, inner.width, ARTICLE_ROWS), focused, buf);
    }
}

fn render_item(app: &App, i: usize, area: Rect, focused: bool, buf: &mut Buffer) {
    let theme = &app.theme;
    let article = &app.articles[i];
    let counts = app.counts[i];
    let width = usize::from(area.width);
    let is_cursor = i == app.list.cursor;
    let row_style = match (is_cursor, focused) {
        (true, true) => theme.cursor,
        (true, false) => theme.cursor_unfocused,
        _ => Style::new(),
    };
    // Row 1: the mark of the open article, then the title.
    let (mark, mark_style) = if Some(i) == app.open { ("▶ ", theme.marker) } else { ("  ", Style::new()) };
    if is_cursor {
        buf.set_style(Rect::new(area.x, area.y, area.width, 1), row_style);
    }
    buf.set_stringn(area.x, area.y, mark, 2, mark_style.patch(row_style));
    let title = if article.title.trim().is_empty() { article.id.as_str() } else { article.title.as_str() };
    buf.set_stringn(area.x + 2, area.y, truncate(title, width.saturating_sub(2)), width, theme.title.patch(row_style));
    if area.height < 2 {
        return;
    }
    // Row 2: date, counts by kind, source.
    let y = area.y + 1;
    // Under the title when there is room; from the edge in a narrow pane, so that the
    // date and the counts still fit.
    let mut x = if width >= 23 { area.x + 2 } else { area.x };
    let right = area.right();
    let date = article.date.map_or_else(|| "no date   ".to_string(), |d| d.format("%Y-%m-%d").to_string());
    x = buf.set_stringn(x, y, &date, usize::from(right.saturating_sub(x)), theme.dim).0;
    for (kind, n, letter) in [(Kind::Person, counts.persons, 'p'), (Kind::Place, counts.places, 'l'), (Kind::Figure, counts.figures, 'f')] {
        if n == 0 || x + 2 >= right {
            continue;
        }
        x = buf.set_stringn(x, y, " ", 1, Style::new()).0;
        let chip = format!("{n}{letter}");
        x = buf.set_stringn(x, y, &chip, usize::from(right - x), theme.kind(kind)).0;
    }
    let source = article.source.rsplit(['/', '\\']).next().unwrap_or(&article.source);
    let room = usize::from(right.saturating_sub(x)).saturating_sub(1);
    if room >= 4 && display_width(source) > 0 {
        buf.set_stringn(x + 1, y, truncate(source, room), room, theme.dim);
    }
}
