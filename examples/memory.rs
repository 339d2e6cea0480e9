//! Where the memory of an analysed corpus goes: `cargo run --release --example memory -- DIR`.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}
#[global_allocator]
static A: Counting = Counting;

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: memory DIR"));
    let docs = vigie::corpus::load(&[dir]).documents;
    let raw: usize = docs.iter().map(|d| d.text.len()).sum();
    vigie::draft(&docs[0]);
    let base = LIVE.load(Relaxed);
    let drafts: Vec<_> = docs.iter().map(vigie::draft).collect();
    drop(docs);
    let with_drafts = LIVE.load(Relaxed);
    let ext: usize = drafts
        .iter()
        .map(|d| {
            d.extraction.temporals.capacity() * size_of::<vigie::extract::dates::TemporalExpr>()
                + d.extraction.sentences.capacity() * 16
        })
        .sum();
    let articles: Vec<_> = drafts.into_iter().map(vigie::finish).collect();
    let n_articles = articles.len();
    let finished = LIVE.load(Relaxed);
    let text: usize = articles.iter().map(|a| a.text.capacity()).sum();
    let mentions: usize = articles.iter().map(|a| a.mentions.capacity() * size_of::<vigie::model::Mention>()).sum();
    let n_mentions: usize = articles.iter().map(|a| a.mentions.len()).sum();
    let strings: usize = articles
        .iter()
        .flat_map(|a| &a.mentions)
        .map(|m| {
            m.detail.as_ref().map_or(0, |_| size_of::<vigie::model::Detail>())
                + m.unit().map_or(0, str::len)
                + match m.value() {
                    Some(vigie::model::Value::Date(s)) => s.len(),
                    _ => 0,
                }
        })
        .sum();
    let timeline: usize = articles
        .iter()
        .map(|a| a.timeline.capacity() * size_of::<vigie::model::Event>() + a.timeline.iter().map(|e| e.value.capacity()).sum::<usize>())
        .sum();
    drop(articles);
    // The reader, fed as the loader feeds it.
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let (tx, rx) = std::sync::mpsc::channel();
    let dir2 = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    std::thread::spawn(move || vigie::open_streaming(&[dir2], tx));
    let mut app = vigie::tui::App::loading(vigie::tui::Theme::monochrome());
    let mut loaded_peak = 0;
    for event in rx {
        let done = matches!(event, vigie::LoadEvent::Done { .. });
        if done {
            loaded_peak = PEAK.load(Relaxed) - before;
        }
        app.on_load(event);
    }
    println!("reader: peak while receiving {}, peak {}, live after loading {}", mb(loaded_peak), mb(PEAK.load(Relaxed) - before), mb(LIVE.load(Relaxed) - before));
    drop(app);
    let before = LIVE.load(Relaxed);
    let (tx, rx) = std::sync::mpsc::channel();
    let dir3 = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    std::thread::spawn(move || vigie::open_streaming(&[dir3], tx));
    let mut kept = Vec::new();
    for event in rx {
        if let vigie::LoadEvent::Article(a) = event {
            kept.push(a);
        }
    }
    println!("the loader's articles and extractions alone: {}", mb(LIVE.load(Relaxed) - before));
    let b3 = LIVE.load(Relaxed);
    let xs: Vec<vigie::extract::Extraction> = kept.iter().map(|b| b.1.clone()).collect();
    println!("extractions (cloned, so without spare capacity): {}", mb(LIVE.load(Relaxed) - b3));
    drop(xs);
    let b3 = LIVE.load(Relaxed);
    let arts: Vec<vigie::model::Article> = kept.iter().map(|b| b.0.clone()).collect();
    println!("articles (cloned): {}", mb(LIVE.load(Relaxed) - b3));
    let b2 = LIVE.load(Relaxed);
    let index = vigie::index::EntityIndex::build(&arts);
    println!("entity index: {}", mb(LIVE.load(Relaxed) - b2));
    drop(index);
    let b2 = LIVE.load(Relaxed);
    let ev = vigie::timeline::corpus_events(&arts);
    println!("corpus events: {} ({} events)", mb(LIVE.load(Relaxed) - b2), ev.len());
    drop(ev);
    drop(arts);
    drop(kept);
    let articles: Vec<vigie::model::Article> = Vec::new();
    println!("{} articles, raw text {}", n_articles, mb(raw));
    println!("drafts live: {} (extraction part {})", mb(with_drafts - base), mb(ext));
    println!("articles live: {}", mb(finished - base));
    let _ = articles;
    println!("  text {}  mentions {} ({} of them, {} bytes each)  mention strings {}  timeline {}", mb(text), mb(mentions), n_mentions, size_of::<vigie::model::Mention>(), mb(strings), mb(timeline));
}
