//! What the user asks for, independent of the key or mouse gesture that asked it.

use crate::model::Kind;

/// Whether a panel shows the open article or the whole corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The open article.
    Article,
    /// Every article.
    Corpus,
}

/// One thing to do; [`crate::tui::App::handle`] does it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Move the cursor (or scroll the text) one step up.
    Up,
    /// Move the cursor (or scroll the text) one step down.
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// To the first item, the top of the text.
    Top,
    /// To the last item, the end of the text.
    Bottom,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Open the article or event under the cursor, or the entity in the panel.
    Open,
    /// The next mention of a shown kind (the next match while a search is active).
    NextMention,
    /// The previous mention of a shown kind (the previous match while a search is active).
    PrevMention,
    /// The next mention of the current mention's entity, across articles.
    NextSameEntity,
    /// The previous mention of the current mention's entity, across articles.
    PrevSameEntity,
    /// Show or hide the highlights of one kind.
    ToggleKind(Kind),
    /// Switch the timeline between the article's and the corpus's.
    ToggleTimeline,
    /// Start typing a search.
    StartSearch,
    /// A character typed into the search.
    SearchInput(char),
    /// Erase the last character of the search.
    SearchBackspace,
    /// Run the typed search.
    SearchSubmit,
    /// Close the panel or the help; cancel or clear the search.
    Escape,
    /// Open or close the help.
    Help,
    /// Open or close the entities panel.
    Entities(Scope),
    /// Leave the reader (`q`); closes the help or the panel first when one is open.
    Quit,
    /// Leave the reader at once, whatever is open (Ctrl-C).
    Interrupt,
    /// The terminal now has this size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// A click at a cell.
    Click {
        /// Column of the cell.
        column: u16,
        /// Row of the cell.
        row: u16,
    },
    /// The wheel turned over a cell: positive is down.
    Scroll {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
        /// Lines to scroll.
        lines: i16,
    },
}
