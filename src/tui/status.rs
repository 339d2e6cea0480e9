//! The status bar: the legend of the highlights and the current mention on the first
//! row; the search prompt, a message, the loading progress or key hints on the second.
//! Also the "terminal too small" screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::App;
use super::layout::{MIN_HEIGHT, MIN_WIDTH, Screen};
use super::theme::kind_label;
use super::wrap::{display_width, truncate};
use crate::model::{Kind, Value};

/// Draws the status bar.
pub fn render(app: &App, screen: &Screen, buf: &mut Buffer) {
    let area = screen.status;
    if area.height == 0 {
        return;
    }
    let theme = &app.theme;
    // Row 1, left: the legend, each kind in its own highlight (struck out when hidden).
    let mut x = area.x;
    let right = area.right();
    for (i, kind) in Kind::ALL.into_iter().enumerate() {
        let style = if app.is_hidden(kind) { theme.hidden } else { theme.kind(kind) };
        x = buf.set_stringn(x, area.y, format!("{} ", i + 1), usize::from(right - x), theme.key).0;
        x = buf.set_stringn(x, area.y, kind_label(kind), usize::from(right - x), style).0;
        x = buf.set_stringn(x, area.y, "  ", usize::from(right - x), Style::new()).0;
    }
    // Row 1, right: where the reader stands.
    let info = current_info(app);
    let room = usize::from(right.saturating_sub(x + 1));
    if !info.is_empty() && room > 8 {
        let info = truncate(&info, room);
        let start = right - display_width(&info) as u16;
        buf.set_stringn(start, area.y, &info, room, theme.title);
    }
    if area.height < 2 {
        return;
    }
    let y = area.y + 1;
    let width = usize::from(area.width);
    if let Some(search) = app.search.as_ref().filter(|s| s.editing) {
        let prompt = format!("/{}", search.query);
        // Show the end of a query longer than the bar.
        let shown = tail(&prompt, width.saturating_sub(1));
        let end = buf.set_stringn(area.x, y, shown, width, Style::new()).0;
        if end < right {
            buf.set_stringn(end, y, "█", 1, theme.dim);
        }
        return;
    }
    if let Some(message) = &app.message {
        let style = if message.warning { theme.warning } else { Style::new() };
        buf.set_stringn(area.x, y, truncate(&message.text, width), width, style);
        return;
    }
    if let Some(p) = app.progress {
        let text = match p.total {
            Some(total) => format!("Loading: {}/{total} articles analysed…", p.received),
            None => "Loading: reading the files…".to_string(),
        };
        buf.set_stringn(area.x, y, truncate(&text, width), width, theme.dim);
        return;
    }
    let hints = [
        ("?", "help"),
        ("q", "quit"),
        ("Tab", "pane"),
        ("n/N", "mention"),
        ("]/[", "same entity"),
        ("/", "search"),
        ("t", "timeline"),
        ("e/E", "entities"),
        ("1-5", "kinds"),
    ];
    let mut x = area.x;
    for (key, what) in hints {
        let needed = (display_width(key) + display_width(what) + 3) as u16;
        if x + needed > right {
            break;
        }
        x = buf.set_stringn(x, y, key, usize::from(right - x), theme.key).0;
        x = buf.set_stringn(x, y, format!(" {what}   "), usize::from(right - x), theme.dim).0;
    }
}

/// The end of `text` that fits in `width` columns.
fn tail(text: &str, width: usize) -> &str {
    let mut start = text.len();
    let mut used = 0;
    for (i, c) in text.char_indices().rev() {
        used += display_width(c.encode_utf8(&mut [0; 4]));
        if used > width {
            break;
        }
        start = i;
    }
    &text[start..]
}

/// The current match or mention, in words: kind, entity, n of m.
fn current_info(app: &App) -> String {
    let Some(open) = app.open else { return String::new() };
    if let Some(search) = app.search.as_ref().filter(|s| !s.editing)
        && let Some((a, m)) = search.current
    {
        let before: usize = (0..a).map(|i| search.in_article(i).len()).sum();
        return format!("“{}” {}/{}", search.query, before + m + 1, search.total());
    }
    let article = &app.articles[open];
    let Some((i, mention)) = app.mention.and_then(|i| Some((i, article.mentions.get(i)?))) else {
        let shown = article.mentions.iter().filter(|m| !app.is_hidden(m.kind())).count();
        return if shown == 0 { String::new() } else { format!("{shown} mentions · n: next") };
    };
    let kind = kind_label(mention.kind());
    if let Some(id) = app.index.entity_of(article, mention) {
        let entity = app.index.entity(id);
        let at = crate::index::Occurrence::new(open, i);
        let n = app.index.position(id, at).map_or(0, |p| p + 1);
        return format!("{kind}: {} ({n}/{} in corpus)", entity.name, entity.occurrences.len());
    }
    let text = article.text.get(mention.range()).unwrap_or("");
    let what = match mention.value() {
        Some(Value::Date(v)) => format!("{text} → {v}"),
        Some(Value::Number(n)) => match mention.unit() {
            Some(unit) => format!("{text} → {n} {unit}"),
            None => format!("{text} → {n}"),
        },
        None => text.to_string(),
    };
    let same_kind: Vec<usize> = (0..article.mentions.len()).filter(|&j| article.mentions[j].kind() == mention.kind()).collect();
    let n = same_kind.iter().position(|&j| j == i).map_or(0, |p| p + 1);
    format!("{kind}: {what} ({n}/{} in article)", same_kind.len())
}

/// Draws "terminal too small" in place of the reader.
pub fn render_too_small(area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let lines = vec![
        Line::from(Span::raw("terminal too small")),
        Line::from(format!("{}×{}: the reader needs {MIN_WIDTH}×{MIN_HEIGHT}", area.width, area.height)),
    ];
    let top = area.height.saturating_sub(2) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    Paragraph::new(lines).alignment(Alignment::Center).wrap(Wrap { trim: true }).render(rect, buf);
}
