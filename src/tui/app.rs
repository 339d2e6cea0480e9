//! The reader's state and everything the keys do to it. Pure: no terminal, no clock,
//! no threads, so that tests can drive it with key sequences and check the result.

use std::ops::Range;
use std::sync::Arc;

use crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::{Position, Rect};
use regex::{Regex, RegexBuilder};

use super::action::{Action, Scope};
use super::keys::{self, KeyMode};
use super::layout::{self, ARTICLE_ROWS, EVENT_ROWS, Screen};
use super::theme::{Theme, kind_index, kind_label};
use super::wrap::{WrapCache, WrappedArticle, grapheme_width};
use crate::index::{EntityId, EntityIndex, Occurrence};
use crate::extract::persons::CorpusPersons;
use crate::model::{Article, Kind, NamePool};
use crate::timeline::{CorpusEvent, corpus_events};
use crate::extract::Extraction;
use crate::{Corpus, LoadEvent};

/// The panes that take the focus, in `Tab` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The list of articles (left).
    Articles,
    /// The text of the open article (centre).
    Reader,
    /// The timeline sidebar (right).
    Timeline,
}

impl Pane {
    fn next(self) -> Pane {
        match self {
            Pane::Articles => Pane::Reader,
            Pane::Reader => Pane::Timeline,
            Pane::Timeline => Pane::Articles,
        }
    }

    fn prev(self) -> Pane {
        self.next().next()
    }
}

/// A cursor in a list and the first item shown, kept so that the cursor stays in view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListView {
    /// The item under the cursor.
    pub cursor: usize,
    /// The first item shown.
    pub offset: usize,
}

impl ListView {
    /// Moves the cursor by `delta` within `len` items.
    fn move_by(&mut self, delta: isize, len: usize) {
        self.cursor = self.cursor.saturating_add_signed(delta).min(len.saturating_sub(1));
    }

    /// Keeps the cursor in a view of `rows` items, and the view within `len` items.
    fn fit(&mut self, rows: usize, len: usize) {
        let rows = rows.max(1);
        self.cursor = self.cursor.min(len.saturating_sub(1));
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + rows {
            self.offset = self.cursor + 1 - rows;
        }
        self.offset = self.offset.min(len.saturating_sub(rows));
    }
}

/// The entities panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitiesPanel {
    /// The open article's entities, or the corpus's.
    pub scope: Scope,
    /// The entities and their mention counts, most mentioned first.
    pub items: Vec<(EntityId, usize)>,
    /// Cursor and scroll.
    pub view: ListView,
}

/// What is drawn over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing.
    None,
    /// The list of keys.
    Help,
    /// The entities panel.
    Entities(EntitiesPanel),
}

/// A search: the typed text and its matches in every article.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The text searched for (case-insensitive, taken literally).
    pub query: String,
    /// Whether the user is still typing it.
    pub editing: bool,
    /// The matches of each article (byte ranges of its text); while typing, only the
    /// open article's are found.
    pub matches: Vec<Vec<Range<usize>>>,
    /// The current match: (article, index among its matches).
    pub current: Option<(usize, usize)>,
    /// The query compiled, once per query rather than once per article.
    pattern: Option<Regex>,
}

impl Search {
    /// The matches of the query in `text`.
    fn find(&mut self, text: &str) -> Vec<Range<usize>> {
        if self.pattern.as_ref().is_none_or(|p| p.as_str() != pattern_source(&self.query)) {
            self.pattern = search_pattern(&self.query);
        }
        match &self.pattern {
            Some(re) => re.find_iter(text).map(|m| m.range()).filter(|r| !r.is_empty()).collect(),
            None => Vec::new(),
        }
    }

    /// The matches in one article.
    pub fn in_article(&self, article: usize) -> &[Range<usize>] {
        self.matches.get(article).map_or(&[], Vec::as_slice)
    }

    /// How many matches in all.
    pub fn total(&self) -> usize {
        self.matches.iter().map(Vec::len).sum()
    }
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// What it says.
    pub text: String,
    /// Whether it reports a problem.
    pub warning: bool,
}

/// How far the corpus has loaded, while it loads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Documents to analyse, once known.
    pub total: Option<usize>,
    /// Articles received.
    pub received: usize,
}

/// What the articles pane shows of one article, counted once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Person mentions.
    pub persons: usize,
    /// Place mentions.
    pub places: usize,
    /// Organisation mentions.
    pub orgs: usize,
    /// Figure mentions.
    pub figures: usize,
}

impl Counts {
    fn of(article: &Article) -> Counts {
        let mut c = Counts::default();
        for m in &article.mentions {
            match m.kind() {
                Kind::Person => c.persons += 1,
                Kind::Place => c.places += 1,
                Kind::Org => c.orgs += 1,
                Kind::Figure => c.figures += 1,
                Kind::Date => {}
            }
        }
        c
    }
}

/// Where the reader stood in an article, restored when the article is opened again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Place {
    scroll: usize,
    mention: Option<usize>,
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    pub(super) articles: Vec<Article>,
    /// What extraction found in each article received while loading, kept for the
    /// corpus-wide steps at the end of loading, then dropped.
    extractions: Vec<Extraction>,
    /// Entity names shared across the articles received so far (see [`NamePool`]).
    names: NamePool,
    /// The full names of the persons of the articles received so far, gathered for
    /// settling while the rest load.
    persons: CorpusPersons,
    pub(super) counts: Vec<Counts>,
    pub(super) index: EntityIndex,
    /// How many of the articles, from the first, `index` holds. While loading, articles
    /// are indexed only when something reads the index (a jump, the entities panel, the
    /// status line of a selected mention): a load the user only watches leaves the main
    /// thread's core to the analysis.
    indexed: usize,
    pub(super) corpus_events: Vec<CorpusEvent>,
    corpus_events_stale: bool,
    places: Vec<Option<Place>>,
    pub(super) theme: Theme,
    pub(super) size: Rect,
    pub(super) focus: Pane,
    pub(super) list: ListView,
    pub(super) open: Option<usize>,
    pub(super) scroll: usize,
    pub(super) mention: Option<usize>,
    pub(super) timeline_scope: Scope,
    pub(super) timeline: ListView,
    pub(super) hidden: [bool; 5],
    pub(super) search: Option<Search>,
    pub(super) overlay: Overlay,
    pub(super) message: Option<Message>,
    pub(super) progress: Option<Progress>,
    pub(super) warnings: Vec<String>,
    pub(super) skipped: usize,
    pub(super) wraps: WrapCache,
    nothing_to_read: bool,
    /// Whether a frame was drawn: loading news is only worth a message once the
    /// reader is on screen.
    drawn: bool,
    quit: bool,
}

impl App {
    /// A reader on a loaded corpus (the first article open, the list focused).
    pub fn new(corpus: Corpus, theme: Theme) -> App {
        let mut app = App::loading(theme);
        app.progress = None;
        app.finish(corpus);
        app
    }

    /// A reader waiting for the corpus: feed it [`LoadEvent`]s with [`App::on_load`].
    pub fn loading(theme: Theme) -> App {
        App {
            articles: Vec::new(),
            extractions: Vec::new(),
            names: NamePool::default(),
            persons: CorpusPersons::default(),
            counts: Vec::new(),
            index: EntityIndex::default(),
            indexed: 0,
            corpus_events: Vec::new(),
            corpus_events_stale: false,
            places: Vec::new(),
            theme,
            size: Rect::default(),
            focus: Pane::Articles,
            list: ListView::default(),
            open: None,
            scroll: 0,
            mention: None,
            timeline_scope: Scope::Article,
            timeline: ListView::default(),
            hidden: [false; 5],
            search: None,
            overlay: Overlay::None,
            message: None,
            progress: Some(Progress::default()),
            warnings: Vec::new(),
            skipped: 0,
            wraps: WrapCache::default(),
            nothing_to_read: false,
            drawn: false,
            quit: false,
        }
    }

    // ----- what tests and the event loop read -----

    /// The articles, in corpus order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The entity index of the articles (while loading, of those received until the last
    /// key or frame that read it).
    pub fn index(&self) -> &EntityIndex {
        &self.index
    }

    /// Indexes the articles received since the index was last read.
    fn catch_up_index(&mut self) {
        for article in &self.articles[self.indexed.min(self.articles.len())..] {
            self.index.push(article);
        }
        self.indexed = self.articles.len();
    }

    /// The article shown in the reader.
    pub fn open_article(&self) -> Option<usize> {
        self.open
    }

    /// The article under the cursor of the articles pane.
    pub fn list_cursor(&self) -> usize {
        self.list.cursor
    }

    /// The event under the cursor of the timeline.
    pub fn timeline_cursor(&self) -> usize {
        self.timeline.cursor
    }

    /// Whether the timeline shows the open article or the corpus.
    pub fn timeline_scope(&self) -> Scope {
        self.timeline_scope
    }

    /// The current mention of the open article (index in its mentions).
    pub fn current_mention(&self) -> Option<usize> {
        self.mention
    }

    /// The first row of the open article shown in the reader.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The pane with the focus.
    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// What is drawn over the panes.
    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    /// The search, while one is typed or active.
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// The status bar's message.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// Whether a kind's highlights are hidden.
    pub fn is_hidden(&self, kind: Kind) -> bool {
        self.hidden[kind_index(kind)]
    }

    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether loading finished without a single article.
    pub fn nothing_to_read(&self) -> bool {
        self.nothing_to_read
    }

    /// Whether the corpus is still loading.
    pub fn is_loading(&self) -> bool {
        self.progress.is_some()
    }

    /// Problems met while loading, and files skipped for their extension.
    pub fn load_report(&self) -> (&[String], usize) {
        (&self.warnings, self.skipped)
    }

    /// How keys are read now.
    pub fn key_mode(&self) -> KeyMode {
        match &self.search {
            Some(s) if s.editing => KeyMode::Search,
            _ => KeyMode::Normal,
        }
    }

    /// The screen layout for the current size (`None`: too small).
    pub fn screen(&self) -> Option<Screen> {
        layout::screen(self.size)
    }

    // ----- input -----

    /// Does what a key asks (through the key map).
    pub fn on_key(&mut self, key: KeyEvent) {
        if let Some(action) = keys::action_for_key(key, self.key_mode()) {
            self.handle(action);
        }
    }

    /// Does what a mouse gesture asks.
    pub fn on_mouse(&mut self, event: MouseEvent) {
        if let Some(action) = keys::action_for_mouse(event) {
            self.handle(action);
        }
    }

    /// Does one action.
    pub fn handle(&mut self, action: Action) {
        // Like less: a message stays until the next key.
        if !matches!(action, Action::Resize { .. } | Action::Scroll { .. }) {
            self.message = None;
        }
        match action {
            Action::Interrupt => self.quit = true,
            Action::Quit if matches!(self.overlay, Overlay::None) => self.quit = true,
            Action::Resize { width, height } => self.resize(width, height),
            Action::Click { column, row } => self.click(column, row),
            Action::Scroll { column, row, lines } => self.wheel(column, row, lines),
            action if !matches!(self.overlay, Overlay::None) => self.handle_overlay(action),
            Action::SearchInput(c) => self.search_input(Some(c)),
            Action::SearchBackspace => self.search_input(None),
            Action::SearchSubmit => self.search_submit(),
            Action::Escape => self.escape(),
            Action::Help => self.overlay = Overlay::Help,
            Action::Entities(scope) => self.open_entities(scope),
            Action::StartSearch => {
                self.search = Some(Search { editing: true, ..Search::default() });
            }
            Action::NextPane => self.focus = self.focus.next(),
            Action::PrevPane => self.focus = self.focus.prev(),
            Action::ToggleTimeline => self.toggle_timeline(),
            Action::ToggleKind(kind) => self.toggle_kind(kind),
            Action::NextMention | Action::PrevMention => {
                let forward = action == Action::NextMention;
                if self.search.as_ref().is_some_and(|s| !s.matches.is_empty()) {
                    self.step_match(forward);
                } else {
                    self.step_mention(forward);
                }
            }
            Action::NextSameEntity => self.step_entity(true),
            Action::PrevSameEntity => self.step_entity(false),
            Action::Open => self.open_under_cursor(),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_page(-1),
            Action::PageDown => self.move_page(1),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Quit => {}
        }
        self.prepare();
    }

    /// Takes in what the loader reports.
    pub fn on_load(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Total(total) => {
                self.progress.get_or_insert_with(Progress::default).total = Some(total);
                // Room for every article at once: growing by doubling would leave up to
                // half of each list spare, and copy it, at the peak of a large load.
                let more = total.saturating_sub(self.articles.len());
                self.articles.reserve_exact(more);
                self.extractions.reserve_exact(more);
                self.counts.reserve_exact(more);
                self.places.reserve_exact(more);
            }
            LoadEvent::Warning(warning) => {
                self.message = Some(Message { text: warning.clone(), warning: true });
                self.warnings.push(warning);
            }
            LoadEvent::Article(analysed) => {
                if let Some(p) = self.progress.as_mut() {
                    p.received += 1;
                }
                let (mut article, extraction) = *analysed;
                self.names.share(&mut article);
                self.persons.add(&article);
                self.extractions.push(extraction);
                self.push_article(article);
            }
            LoadEvent::Done { warnings, skipped } => {
                // Settling renames entities, so the index built while loading is stale:
                // it goes before settling's own working memory comes. The names shared
                // while loading stay shared, and those settling gives are shared by
                // every mention that takes them.
                self.index = EntityIndex::default();
                self.indexed = 0;
                self.names = NamePool::default();
                let mut articles = std::mem::take(&mut self.articles);
                let extractions = std::mem::take(&mut self.extractions);
                let persons = std::mem::take(&mut self.persons);
                crate::settle_gathered(&mut articles, &extractions, persons);
                drop(extractions);
                self.finish(Corpus { articles, warnings, skipped });
            }
            LoadEvent::Finished(corpus) => {
                self.extractions = Vec::new();
                self.persons = CorpusPersons::default();
                self.finish(corpus);
            }
        }
    }

    /// Brings derived state up to date after changes: the open article's wrap at the
    /// current width, the corpus timeline, the lists' scroll. Cheap when nothing changed.
    pub fn prepare(&mut self) {
        // The status line of a selected mention and the entities panel read the index.
        if self.mention.is_some() || matches!(self.overlay, Overlay::Entities(_)) {
            self.catch_up_index();
        }
        if let Some(w) = self.wrapped() {
            self.scroll = self.scroll.min(w.rows().saturating_sub(self.reader_rows()));
        }
        if self.corpus_events_stale && self.timeline_scope == Scope::Corpus {
            self.corpus_events = corpus_events(&self.articles);
            self.corpus_events_stale = false;
        }
        let rows = self.list_rows();
        self.list.fit(rows, self.articles.len());
        let (rows, len) = (self.timeline_rows(), self.timeline_len());
        self.timeline.fit(rows, len);
        let size = self.size;
        if let Overlay::Entities(panel) = &mut self.overlay {
            let rows = layout::entities_rows(size, panel.items.len());
            panel.view.fit(rows, panel.items.len());
        }
    }

    /// Sets the terminal size when it differs, then [`App::prepare`]s: called before
    /// each frame.
    pub fn prepare_for(&mut self, area: Rect) {
        self.drawn = true;
        if area != self.size {
            self.resize(area.width, area.height);
        }
        self.prepare();
    }

    // ----- loading -----

    fn push_article(&mut self, article: Article) {
        self.counts.push(Counts::of(&article));
        self.places.push(None);
        if let Some(search) = self.search.as_mut().filter(|s| !s.editing) {
            let found = search.find(&article.text);
            search.matches.resize(self.articles.len(), Vec::new());
            search.matches.push(found);
        }
        self.articles.push(article);
        self.corpus_events_stale = true;
        if self.open.is_none() {
            self.open_article_at(0);
        }
    }

    fn finish(&mut self, corpus: Corpus) {
        let Corpus { articles, warnings, skipped } = corpus;
        // The old index goes first: two at once would be the peak of a large load.
        self.index = EntityIndex::default();
        // The user waits for both: one core counts while the other indexes.
        (self.counts, self.index) = rayon::join(|| articles.iter().map(Counts::of).collect(), || EntityIndex::build(&articles));
        self.indexed = articles.len();
        self.places.resize(articles.len(), None);
        self.articles = articles;
        self.corpus_events_stale = true;
        self.wraps.clear();
        self.progress = None;
        self.warnings = warnings;
        self.skipped = skipped;
        self.nothing_to_read = self.articles.is_empty();
        match self.open {
            Some(i) if i < self.articles.len() => {
                let count = self.articles[i].mentions.len();
                self.mention = self.mention.filter(|&m| m < count);
            }
            _ => {
                self.open = None;
                if !self.articles.is_empty() {
                    self.open_article_at(0);
                }
            }
        }
        if let Some(search) = self.search.as_mut().filter(|s| !s.editing) {
            search.matches = self.articles.iter().map(|a| search.find(&a.text)).collect();
            search.current = None;
        }
        if let Some(first) = self.warnings.first() {
            let more = self.warnings.len() - 1;
            let text = if more == 0 { first.clone() } else { format!("{first} (and {more} more problem(s))") };
            self.message = Some(Message { text, warning: true });
        } else if self.drawn {
            self.message = Some(Message { text: format!("{} articles loaded", self.articles.len()), warning: false });
        }
        self.prepare();
    }

    // ----- sizes -----

    fn resize(&mut self, width: u16, height: u16) {
        // Keep the same text at the top of the reader across the rewrap.
        let anchor = self.wrapped().and_then(|w| w.body_range(self.scroll)).map(|r| r.start);
        self.size = Rect::new(0, 0, width, height);
        if let (Some(byte), Some(w)) = (anchor, self.wrapped()) {
            self.scroll = w.row_of_byte(byte);
        }
        if let Some(row) = self.mention_row() {
            self.reveal(row);
        }
    }

    /// Rows of text the reader shows.
    pub fn reader_rows(&self) -> usize {
        self.screen().map_or(1, |s| usize::from(s.reader_text.height).max(1))
    }

    fn reader_width(&self) -> u16 {
        self.screen().map_or(1, |s| s.reader_text.width.max(1))
    }

    fn list_rows(&self) -> usize {
        self.screen().map_or(1, |s| usize::from(s.articles_inner.height / ARTICLE_ROWS).max(1))
    }

    fn timeline_rows(&self) -> usize {
        self.screen().map_or(1, |s| usize::from(s.timeline_inner.height / EVENT_ROWS).max(1))
    }

    /// Events in the timeline as it is shown.
    pub fn timeline_len(&self) -> usize {
        match self.timeline_scope {
            Scope::Article => self.open.map_or(0, |a| self.articles[a].timeline.len()),
            Scope::Corpus => self.corpus_events.len(),
        }
    }

    /// The (article, event) of timeline item `i`.
    pub fn timeline_item(&self, i: usize) -> Option<CorpusEvent> {
        match self.timeline_scope {
            Scope::Article => {
                let article = self.open?;
                (i < self.articles[article].timeline.len()).then_some(CorpusEvent { article, event: i })
            }
            Scope::Corpus => self.corpus_events.get(i).copied(),
        }
    }

    /// The open article wrapped to the reader's width (wrapped now if not cached).
    pub fn wrapped(&mut self) -> Option<Arc<WrappedArticle>> {
        let open = self.open?;
        // Too small to draw: no width worth wrapping to.
        self.screen()?;
        let width = self.reader_width();
        Some(self.wraps.get(open, &self.articles[open], width))
    }

    fn mention_row(&mut self) -> Option<usize> {
        let m = self.mention?;
        self.wrapped()?.mention_row(m)
    }

    /// Scrolls so that `row` is in view, a third of the way down if it was out of view.
    fn reveal(&mut self, row: usize) {
        let rows = self.reader_rows();
        if row < self.scroll || row >= self.scroll + rows {
            self.scroll = row.saturating_sub(rows / 3);
        }
        if let Some(w) = self.wrapped() {
            self.scroll = self.scroll.min(w.rows().saturating_sub(rows));
        }
    }

    // ----- moving -----

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::Articles => self.list.move_by(delta, self.articles.len()),
            Pane::Timeline => {
                let len = self.timeline_len();
                self.timeline.move_by(delta, len);
            }
            Pane::Reader => self.scroll_by(delta),
        }
    }

    fn move_page(&mut self, pages: isize) {
        let rows = match self.focus {
            Pane::Articles => self.list_rows(),
            Pane::Timeline => self.timeline_rows(),
            // Like less and vim: a page keeps two lines of context.
            Pane::Reader => self.reader_rows().saturating_sub(2).max(1),
        };
        self.move_by(pages * rows as isize);
    }

    fn scroll_by(&mut self, delta: isize) {
        let Some(w) = self.wrapped() else { return };
        let max = w.rows().saturating_sub(self.reader_rows());
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    fn open_under_cursor(&mut self) {
        match self.focus {
            Pane::Articles => {
                if self.list.cursor < self.articles.len() {
                    self.open_article_at(self.list.cursor);
                    self.focus = Pane::Reader;
                }
            }
            Pane::Timeline => self.open_event(self.timeline.cursor),
            // Like less: Enter scrolls one line.
            Pane::Reader => self.scroll_by(1),
        }
    }

    /// Opens article `i` where the reader last left it.
    fn open_article_at(&mut self, i: usize) {
        if i >= self.articles.len() {
            return;
        }
        if let Some(old) = self.open {
            if old == i {
                self.list.cursor = i;
                return;
            }
            if let Some(place) = self.places.get_mut(old) {
                *place = Some(Place { scroll: self.scroll, mention: self.mention });
            }
        }
        let place = self.places.get(i).copied().flatten().unwrap_or_default();
        self.open = Some(i);
        self.scroll = place.scroll;
        // The articles may have been replaced since (the load finished): check.
        self.mention = place.mention.filter(|&m| m < self.articles[i].mentions.len());
        self.list.cursor = i;
        if self.timeline_scope == Scope::Article {
            self.timeline = ListView::default();
        }
    }

    /// Opens `occ`'s article and makes its mention the current one.
    fn go_to(&mut self, occ: Occurrence) {
        self.open_article_at(occ.article());
        self.mention = Some(occ.mention());
        if let Some(row) = self.mention_row() {
            self.reveal(row);
        }
    }

    fn open_event(&mut self, i: usize) {
        let Some(item) = self.timeline_item(i) else { return };
        let Some(event) = self.articles[item.article].timeline.get(item.event) else { return };
        let mention = event.mention;
        self.timeline.cursor = i;
        if mention < self.articles[item.article].mentions.len() {
            self.go_to(Occurrence::new(item.article, mention));
        } else {
            self.open_article_at(item.article);
        }
    }

    fn toggle_timeline(&mut self) {
        self.focus = Pane::Timeline;
        match self.timeline_scope {
            Scope::Article => {
                self.timeline_scope = Scope::Corpus;
                if self.corpus_events_stale {
                    self.corpus_events = corpus_events(&self.articles);
                    self.corpus_events_stale = false;
                }
                // Start on the open article's first event.
                let open = self.open;
                self.timeline.cursor = self.corpus_events.iter().position(|e| Some(e.article) == open).unwrap_or(0);
            }
            Scope::Corpus => {
                self.timeline_scope = Scope::Article;
                self.timeline = ListView::default();
            }
        }
    }

    // ----- mentions -----

    fn toggle_kind(&mut self, kind: Kind) {
        let i = kind_index(kind);
        self.hidden[i] = !self.hidden[i];
        let state = if self.hidden[i] { "hidden" } else { "shown" };
        self.message = Some(Message { text: format!("{}s {state}", kind_label(kind)), warning: false });
        if self.hidden[i] {
            let open = self.open;
            let current_kind = self.mention.zip(open).and_then(|(m, a)| Some(self.articles[a].mentions.get(m)?.kind()));
            if current_kind == Some(kind) {
                self.mention = None;
            }
        }
    }

    /// The rows in view: `scroll..scroll + rows`.
    fn view_rows(&self) -> Range<usize> {
        self.scroll..self.scroll + self.reader_rows()
    }

    fn step_mention(&mut self, forward: bool) {
        let (Some(open), Some(w)) = (self.open, self.wrapped()) else { return };
        let article = &self.articles[open];
        let shown = |i: &usize| !self.hidden[kind_index(article.mentions[*i].kind())];
        if !(0..article.mentions.len()).any(|i| shown(&i)) {
            let text = if article.mentions.is_empty() { "no mentions in this article" } else { "every kind of mention is hidden" };
            self.message = Some(Message { text: text.into(), warning: false });
            return;
        }
        let view = self.view_rows();
        let current = self.mention.filter(|&m| w.mention_row(m).is_some_and(|r| view.contains(&r)));
        let row = |i: usize| w.mention_row(i).unwrap_or(0);
        let found = match (current, forward) {
            (Some(m), true) => (m + 1..article.mentions.len()).find(shown),
            (Some(m), false) => (0..m).rev().find(shown),
            // Nothing current in view: start from the screen, like less.
            (None, true) => (0..article.mentions.len()).filter(shown).find(|&i| row(i) >= view.start),
            (None, false) => (0..article.mentions.len()).rev().filter(shown).find(|&i| row(i) < view.end),
        };
        match found {
            Some(i) => {
                self.mention = Some(i);
                self.reveal(row(i));
            }
            None => {
                let text = if forward { "no more mentions" } else { "no previous mention" };
                self.message = Some(Message { text: text.into(), warning: false });
            }
        }
    }

    fn step_entity(&mut self, forward: bool) {
        self.catch_up_index();
        let Some(open) = self.open else { return };
        let Some(w) = self.wrapped() else { return };
        let article = &self.articles[open];
        let view = self.view_rows();
        let in_view = |m: usize| w.mention_row(m).is_some_and(|r| view.contains(&r));
        // Without a current mention, follow the first entity in view.
        let from = match self.mention {
            Some(m) => Some(m),
            None => (0..article.mentions.len()).find(|&m| in_view(m) && article.mentions[m].kind().is_entity()),
        };
        let Some(from) = from else {
            self.message = Some(Message { text: "no entity in view: n selects a mention first".into(), warning: false });
            return;
        };
        let Some(mention) = article.mentions.get(from) else { return };
        let Some(entity) = self.index.entity_of(article, mention) else {
            let text = format!("a {} is not an entity: ] and [ follow persons, places, orgs", kind_label(mention.kind()));
            self.message = Some(Message { text, warning: false });
            return;
        };
        let at = Occurrence::new(open, from);
        // A first press without a current mention lands on the mention in view itself.
        let target = if self.mention.is_none() { Some((at, false)) } else { self.index.step(entity, at, forward) };
        let Some((target, wrapped)) = target else { return };
        let name = self.index.entity(entity).name.clone();
        let total = self.index.entity(entity).occurrences.len();
        self.go_to(target);
        let n = self.index.position(entity, target).map_or(0, |p| p + 1);
        let text = if total == 1 {
            format!("{name}: the only mention in the corpus")
        } else if wrapped {
            let end = if forward { "first" } else { "last" };
            format!("{name}: wrapped to the {end} mention ({n}/{total})")
        } else if target.article() != open {
            format!("{name} ({n}/{total}) in article {}/{}", target.article() + 1, self.articles.len())
        } else {
            return;
        };
        self.message = Some(Message { text, warning: false });
    }

    // ----- search -----

    fn search_input(&mut self, c: Option<char>) {
        let open = self.open;
        let Some(search) = self.search.as_mut() else { return };
        match c {
            Some(c) => search.query.push(c),
            None if search.query.is_empty() => {
                self.search = None;
                return;
            }
            None => {
                search.query.pop();
            }
        }
        // While typing, only the open article is searched: one keystroke stays cheap.
        search.matches.clear();
        search.current = None;
        if let Some(open) = open {
            search.matches.resize(open, Vec::new());
            let found = search.find(&self.articles[open].text);
            search.matches.push(found);
        }
    }

    fn search_submit(&mut self) {
        let Some(search) = self.search.as_mut() else { return };
        search.editing = false;
        if search.query.is_empty() {
            self.search = None;
            return;
        }
        search.matches = self.articles.iter().map(|a| search.find(&a.text)).collect();
        if search.total() == 0 {
            let text = format!("pattern not found: {}", search.query);
            self.message = Some(Message { text, warning: true });
            self.search = None;
            return;
        }
        self.step_match(true);
    }

    fn step_match(&mut self, forward: bool) {
        let Some(open) = self.open else { return };
        let Some(w) = self.wrapped() else { return };
        let view = self.view_rows();
        let Some(search) = self.search.as_ref() else { return };
        let n = self.articles.len();
        // Where to start: the current match if it is in view, else the screen.
        let start = match search.current {
            Some((a, m)) if a == open && search.in_article(a).get(m).is_some_and(|r| view.contains(&w.row_of_byte(r.start))) => {
                Some((a, m))
            }
            _ => None,
        };
        let here = search.in_article(open);
        let found_here = match (start, forward) {
            (Some((_, m)), true) => (m + 1 < here.len()).then_some(m + 1),
            (Some((_, m)), false) => m.checked_sub(1),
            (None, true) => here.iter().position(|r| w.row_of_byte(r.start) >= view.start),
            (None, false) => here.iter().rposition(|r| w.row_of_byte(r.start) < view.end),
        };
        let mut wrapped = false;
        let target = match found_here {
            Some(m) => Some((open, m)),
            None => (1..=n).find_map(|step| {
                let a = if forward { (open + step) % n } else { (open + n - step % n) % n };
                if (forward && a <= open) || (!forward && a >= open) {
                    wrapped = true;
                }
                let matches = search.in_article(a);
                if matches.is_empty() {
                    return None;
                }
                Some((a, if forward { 0 } else { matches.len() - 1 }))
            }),
        };
        let Some((a, m)) = target else { return };
        let byte = search.in_article(a)[m].start;
        let before: usize = (0..a).map(|i| search.in_article(i).len()).sum();
        let (total, articles) = (search.total(), search.matches.iter().filter(|m| !m.is_empty()).count());
        if let Some(search) = self.search.as_mut() {
            search.current = Some((a, m));
        }
        self.open_article_at(a);
        if let Some(w) = self.wrapped() {
            let row = w.row_of_byte(byte);
            self.reveal(row);
        }
        let mut text = format!("match {}/{total} in {articles} article(s)", before + m + 1);
        if wrapped {
            text.push_str(if forward { ", wrapped to the first" } else { ", wrapped to the last" });
        }
        self.message = Some(Message { text, warning: false });
    }

    // ----- panels -----

    fn escape(&mut self) {
        if self.search.is_some() {
            self.search = None;
        }
    }

    fn open_entities(&mut self, scope: Scope) {
        self.catch_up_index();
        let mut items: Vec<(EntityId, usize)> = match scope {
            Scope::Article => {
                let Some(open) = self.open else { return };
                self.index.in_article(open).iter().map(|c| (c.entity, c.count as usize)).collect()
            }
            Scope::Corpus => {
                self.index.entities().iter().enumerate().map(|(i, e)| (EntityId::new(i), e.occurrences.len())).collect()
            }
        };
        // Most mentioned first; ties in order of first mention (the sort is stable).
        items.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
        self.overlay = Overlay::Entities(EntitiesPanel { scope, items, view: ListView::default() });
    }

    fn handle_overlay(&mut self, action: Action) {
        let items = match &self.overlay {
            Overlay::Entities(panel) => panel.items.len(),
            _ => 0,
        };
        let rows = layout::entities_rows(self.size, items).max(1) as isize;
        match (&mut self.overlay, action) {
            (_, Action::Escape | Action::Quit) => self.overlay = Overlay::None,
            (Overlay::Help, Action::Help) => self.overlay = Overlay::None,
            (Overlay::Entities(_), Action::Help) => self.overlay = Overlay::Help,
            (Overlay::Entities(panel), Action::Entities(scope)) if panel.scope == scope => self.overlay = Overlay::None,
            (_, Action::Entities(scope)) => self.open_entities(scope),
            (Overlay::Entities(panel), action) => {
                let len = panel.items.len();
                match action {
                    Action::Up => panel.view.move_by(-1, len),
                    Action::Down => panel.view.move_by(1, len),
                    Action::PageUp => panel.view.move_by(-rows, len),
                    Action::PageDown => panel.view.move_by(rows, len),
                    Action::Top => panel.view.cursor = 0,
                    Action::Bottom => panel.view.cursor = len.saturating_sub(1),
                    Action::Open => self.open_entity(),
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// Jumps to the first mention of the entity under the panel's cursor: in the open
    /// article for the article's panel, in the corpus for the corpus's.
    fn open_entity(&mut self) {
        let Overlay::Entities(panel) = &self.overlay else { return };
        let Some(&(id, _)) = panel.items.get(panel.view.cursor) else { return };
        let entity = self.index.entity(id);
        let target = match panel.scope {
            Scope::Corpus => entity.occurrences.first().copied(),
            Scope::Article => {
                let open = self.open.unwrap_or(0);
                entity.occurrences.iter().find(|o| o.article() == open).copied()
            }
        };
        let Some(target) = target else { return };
        let n = self.index.position(id, target).map_or(1, |p| p + 1);
        let text = format!("{} ({n}/{})", entity.name, entity.occurrences.len());
        self.overlay = Overlay::None;
        self.focus = Pane::Reader;
        self.go_to(target);
        self.message = Some(Message { text, warning: false });
    }

    // ----- mouse -----

    fn click(&mut self, column: u16, row: u16) {
        let at = Position::new(column, row);
        if let Overlay::Entities(panel) = &mut self.overlay {
            let popup = layout::entities_popup(self.size, panel.items.len());
            let first_row = popup.y + 2; // border and column header
            if !popup.contains(at) {
                self.overlay = Overlay::None;
            } else if row >= first_row && row < popup.bottom().saturating_sub(1) {
                let i = panel.view.offset + usize::from(row - first_row);
                if i < panel.items.len() {
                    panel.view.cursor = i;
                    self.open_entity();
                }
            }
            return;
        }
        if !matches!(self.overlay, Overlay::None) {
            self.overlay = Overlay::None;
            return;
        }
        let Some(screen) = self.screen() else { return };
        if screen.articles.contains(at) {
            self.focus = Pane::Articles;
            if screen.articles_inner.contains(at) {
                let i = self.list.offset + usize::from((row - screen.articles_inner.y) / ARTICLE_ROWS);
                if i < self.articles.len() {
                    self.list.cursor = i;
                    self.open_article_at(i);
                }
            }
        } else if screen.timeline.contains(at) {
            self.focus = Pane::Timeline;
            if screen.timeline_inner.contains(at) {
                let i = self.timeline.offset + usize::from((row - screen.timeline_inner.y) / EVENT_ROWS);
                if i < self.timeline_len() {
                    self.open_event(i);
                }
            }
        } else if screen.reader.contains(at) {
            self.focus = Pane::Reader;
            if screen.reader_text.contains(at) {
                let text_row = self.scroll + usize::from(row - screen.reader_text.y);
                let column = usize::from(column - screen.reader_text.x);
                self.select_mention_at(text_row, column);
            }
        }
    }

    /// Makes the mention drawn at (`row`, `column`) of the text the current one.
    fn select_mention_at(&mut self, row: usize, column: usize) {
        let (Some(open), Some(w)) = (self.open, self.wrapped()) else { return };
        let Some(range) = w.body_range(row) else { return };
        let article = &self.articles[open];
        let Some(line) = article.text.get(range.clone()) else { return };
        let mut x = 0;
        let mut byte = None;
        for (i, g) in unicode_segmentation::UnicodeSegmentation::grapheme_indices(line, true) {
            let width = grapheme_width(g);
            if column < x + width {
                byte = Some(range.start + i);
                break;
            }
            x += width;
        }
        let Some(byte) = byte else { return };
        let i = article.mentions.partition_point(|m| m.end() <= byte);
        if article.mentions.get(i).is_some_and(|m| m.start() <= byte && !self.hidden[kind_index(m.kind())]) {
            self.mention = Some(i);
        }
    }

    fn wheel(&mut self, column: u16, row: u16, lines: i16) {
        let at = Position::new(column, row);
        if let Overlay::Entities(panel) = &mut self.overlay {
            let len = panel.items.len();
            panel.view.move_by(isize::from(lines.signum()), len);
            return;
        }
        let Some(screen) = self.screen() else { return };
        if screen.articles.contains(at) {
            self.list.move_by(isize::from(lines.signum()), self.articles.len());
        } else if screen.timeline.contains(at) {
            let len = self.timeline_len();
            self.timeline.move_by(isize::from(lines.signum()), len);
        } else {
            self.scroll_by(isize::from(lines));
        }
    }
}

/// The regular expression of a query: the text taken literally, any case.
fn pattern_source(query: &str) -> String {
    format!("(?i){}", regex::escape(query))
}

/// The compiled search for `query` (`None` when empty).
fn search_pattern(query: &str) -> Option<Regex> {
    if query.is_empty() {
        return None;
    }
    RegexBuilder::new(&pattern_source(query)).build().ok()
}

/// Byte ranges of the case-insensitive, literal matches of `query` in `text`.
pub fn find_matches(query: &str, text: &str) -> Vec<Range<usize>> {
    Search { query: query.to_string(), ..Search::default() }.find(text)
}
