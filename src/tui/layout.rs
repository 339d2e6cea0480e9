//! Where each pane goes for a given terminal size. Both the drawing code and the app
//! state (paging, mouse clicks) ask this one place, so they always agree.

use ratatui::layout::Rect;

/// The narrowest terminal the reader draws in; below it shows "terminal too small".
pub const MIN_WIDTH: u16 = 60;
/// The lowest terminal the reader draws in.
pub const MIN_HEIGHT: u16 = 12;
/// Rows of the status bar.
pub const STATUS_ROWS: u16 = 2;
/// Rows of one article in the articles pane (title; date, counts, source).
pub const ARTICLE_ROWS: u16 = 2;
/// Rows of one event in the timeline (value and article; two rows of its sentence).
pub const EVENT_ROWS: u16 = 3;

/// The areas of a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// The whole terminal.
    pub area: Rect,
    /// The articles pane, border included.
    pub articles: Rect,
    /// Inside its border.
    pub articles_inner: Rect,
    /// The reader pane, border included.
    pub reader: Rect,
    /// Where the text goes (inside the border, one column of margin on each side).
    pub reader_text: Rect,
    /// The timeline sidebar, border included.
    pub timeline: Rect,
    /// Inside its border.
    pub timeline_inner: Rect,
    /// The status bar.
    pub status: Rect,
}

/// The screen for a terminal of `area`, or `None` when it is too small to draw.
pub fn screen(area: Rect) -> Option<Screen> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let main_height = area.height - STATUS_ROWS;
    let articles_width = (area.width * 22 / 100).clamp(21, 40);
    let timeline_width = (area.width * 24 / 100).clamp(19, 44);
    let reader_width = area.width - articles_width - timeline_width;
    let articles = Rect::new(area.x, area.y, articles_width, main_height);
    let reader = Rect::new(articles.right(), area.y, reader_width, main_height);
    let timeline = Rect::new(reader.right(), area.y, timeline_width, main_height);
    let reader_inner = inner(reader);
    Some(Screen {
        area,
        articles,
        articles_inner: inner(articles),
        reader,
        reader_text: Rect::new(reader_inner.x + 1, reader_inner.y, reader_inner.width.saturating_sub(2), reader_inner.height),
        timeline,
        timeline_inner: inner(timeline),
        status: Rect::new(area.x, area.y + main_height, area.width, STATUS_ROWS),
    })
}

/// Inside a one-cell border.
pub fn inner(r: Rect) -> Rect {
    Rect::new(r.x.saturating_add(1), r.y.saturating_add(1), r.width.saturating_sub(2), r.height.saturating_sub(2))
}

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height)
}

/// The entities panel for `items` entities, border included: as tall as the list
/// (at least eight rows), at most the screen less two rows above and below.
pub fn entities_popup(area: Rect, items: usize) -> Rect {
    let wanted = u16::try_from(items + 3).unwrap_or(u16::MAX).max(8);
    centred(area, 72.min(area.width.saturating_sub(4)), wanted.min(area.height.saturating_sub(4)))
}

/// Rows of entities the panel shows (inside the border, under the column header).
pub fn entities_rows(area: Rect, items: usize) -> usize {
    usize::from(entities_popup(area, items).height.saturating_sub(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen() {
        for (w, h) in [(60, 12), (80, 24), (120, 40), (160, 45), (500, 200)] {
            let s = screen(Rect::new(0, 0, w, h)).unwrap();
            assert_eq!(s.articles.width + s.reader.width + s.timeline.width, w);
            assert_eq!(s.timeline.right(), w);
            assert_eq!(s.status.bottom(), h);
            assert!(s.reader_text.width >= 16, "{w}x{h}");
        }
        assert!(screen(Rect::new(0, 0, 59, 40)).is_none());
        assert!(screen(Rect::new(0, 0, 100, 11)).is_none());
        assert_eq!(entities_popup(Rect::new(0, 0, 0, 0), 5), Rect::new(0, 0, 0, 0));
        assert_eq!(entities_popup(Rect::new(0, 0, 120, 40), 5).height, 8);
        assert_eq!(entities_rows(Rect::new(0, 0, 120, 40), 500), 33);
    }
}
