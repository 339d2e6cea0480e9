//! The reader pane: the open article's title, byline and text, wrapped to the pane,
//! mentions highlighted by kind, search matches, the current mention in reverse video,
//! and where the view stands in the text.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::app::{App, Pane};
use super::articles::pane_block;
use super::layout::Screen;
use super::theme::kind_index;
use super::wrap::{Highlight, Row, WrappedArticle, draw_runs, styled_runs};
use crate::model::{Article, DateSource};

/// The line under an article's title: its date and where it came from, the byline,
/// the reading time, the source.
pub fn byline(article: &Article) -> String {
    let mut parts = Vec::new();
    match (&article.date, &article.date_source) {
        (None, _) => parts.push("date unknown".to_string()),
        (Some(d), DateSource::Text) => parts.push(format!("{d} (inferred from the text)")),
        (Some(d), DateSource::Anchored { from, reason }) => parts.push(format!("{d} (anchored on {from}: {reason})")),
        (Some(d), _) => parts.push(d.to_string()),
    }
    if let Some(author) = &article.meta.author {
        parts.push(format!("by {author}"));
    }
    if let Some(time) = &article.meta.reading_time {
        parts.push(format!("{time} read"));
    }
    parts.push(article.source.clone());
    parts.join(" · ")
}

/// Draws the reader pane.
pub fn render(app: &App, screen: &Screen, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.focus == Pane::Reader;
    let text_area = screen.reader_text;
    let Some(open) = app.open else {
        pane_block(theme, Line::from(" Reader "), focused).render(screen.reader, buf);
        let note = if app.progress.is_some() { "Loading the articles…" } else { "No article to show." };
        let row = Rect::new(text_area.x, text_area.y + text_area.height / 3, text_area.width, text_area.height.min(1));
        Paragraph::new(note).alignment(Alignment::Center).style(theme.dim).render(row, buf);
        return;
    };
    let article = &app.articles[open];
    let wrapped = match app.wraps.peek(open, text_area.width.max(1)) {
        Some(w) => Arc::clone(w),
        None => Arc::new(WrappedArticle::new(article, text_area.width.max(1))),
    };
    let rows = usize::from(text_area.height);
    let total = wrapped.rows();
    let title = format!(" Article {}/{} ", open + 1, app.articles.len());
    pane_block(theme, Line::from(title), focused)
        .title_bottom(Line::from(position_label(app.scroll, rows, total)).right_aligned())
        .render(screen.reader, buf);

    let highlights = Highlights::new(app, article, &wrapped, app.scroll..app.scroll + rows);
    for r in 0..rows {
        let y = text_area.y + r as u16;
        match wrapped.row(app.scroll + r) {
            None | Some(Row::Blank) => {}
            Some(Row::Title(line)) => {
                draw_runs(buf, text_area.x, y, text_area.width, &article.title, &[(line.range.clone(), theme.title)]);
            }
            Some(Row::Byline(line)) => {
                draw_runs(buf, text_area.x, y, text_area.width, &wrapped.byline, &[(line.range.clone(), theme.dim)]);
            }
            Some(Row::Body(line)) => {
                let layers: [&[Highlight]; 3] = [&highlights.mentions, &highlights.matches, &highlights.current];
                let runs = styled_runs(&article.text, &line.range, Style::new(), &layers);
                draw_runs(buf, text_area.x, y, text_area.width, &article.text, &runs);
            }
        }
    }
    if total > rows {
        let mut state = ScrollbarState::new(total.saturating_sub(rows) + 1).position(app.scroll).viewport_content_length(rows);
        let bar_area = screen.reader.inner(Margin { horizontal: 0, vertical: 1 });
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(if focused { theme.focused_border } else { theme.border })
            .render(bar_area, buf, &mut state);
    }
}

/// Where the view stands, like less: `Top`, `End`, `All`, or a percentage, and the rows.
pub fn position_label(scroll: usize, rows: usize, total: usize) -> String {
    let last = (scroll + rows).min(total);
    let place = if total <= rows {
        "All".to_string()
    } else if scroll == 0 {
        "Top".to_string()
    } else if last >= total {
        "End".to_string()
    } else {
        format!("{}%", last * 100 / total.max(1))
    };
    format!(" {place} · {}-{last}/{total} ", (scroll + 1).min(total))
}

/// The highlight layers of the rows in view: mentions of the shown kinds, search
/// matches, and the current mention or match on top.
struct Highlights {
    mentions: Vec<Highlight>,
    matches: Vec<Highlight>,
    current: Vec<Highlight>,
}

impl Highlights {
    fn new(app: &App, article: &Article, wrapped: &WrappedArticle, rows: std::ops::Range<usize>) -> Highlights {
        let theme = &app.theme;
        let open = app.open.unwrap_or(0);
        // Only what the rows in view can show: the bytes from the first to the last body row.
        let body: Vec<_> = rows.filter_map(|r| wrapped.body_range(r)).collect();
        let (start, end) = match (body.first(), body.last()) {
            (Some(first), Some(last)) => (first.start, last.end),
            _ => (0, 0),
        };
        let first = article.mentions.partition_point(|m| m.end() <= start);
        let mentions = article.mentions[first..]
            .iter()
            .take_while(|m| m.start() < end)
            .filter(|m| !app.hidden[kind_index(m.kind())])
            .map(|m| Highlight { range: m.range(), style: theme.kind(m.kind()) })
            .collect();
        let mut matches = Vec::new();
        let mut current = Vec::new();
        if let Some(search) = &app.search {
            let found = search.in_article(open);
            let first = found.partition_point(|r| r.end <= start);
            matches = found[first..]
                .iter()
                .take_while(|r| r.start < end)
                .map(|r| Highlight { range: r.clone(), style: theme.search })
                .collect();
            if let Some((a, m)) = search.current
                && a == open
                && let Some(r) = found.get(m)
            {
                current.push(Highlight { range: r.clone(), style: theme.current });
            }
        }
        if let Some(m) = app.mention.and_then(|m| article.mentions.get(m)) {
            current.push(Highlight { range: m.range(), style: theme.current });
            current.sort_by_key(|h| h.range.start);
        }
        Highlights { mentions, matches, current }
    }
}
