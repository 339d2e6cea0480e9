//! Where the memory of an analysed corpus goes, counted by a global allocator that
//! tracks live bytes: `cargo run --release --example memory -- DIR`.
//!
//! Prints the reader's peak while a corpus streams in, then the share of each part:
//! articles (text, mentions, timeline), what is kept for settling, the entity index.
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
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

/// Live bytes that `make` leaves allocated, and what it made.
fn measure<T>(make: impl FnOnce() -> T) -> (usize, T) {
    let before = LIVE.load(Relaxed);
    let made = make();
    (LIVE.load(Relaxed).saturating_sub(before), made)
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: memory DIR"));
    let raw: usize = vigie::corpus::load(std::slice::from_ref(&dir)).documents.iter().map(|d| d.text.len()).sum();
    // Load the embedded data and the regexes first.
    vigie::extract::extract("Vladimir Poutine à Moscou mardi 18 juin 2024, 10 000 obus.");

    // The reader, fed as the loader feeds it.
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let (tx, rx) = std::sync::mpsc::channel();
    let paths = vec![dir.clone()];
    std::thread::spawn(move || vigie::open_streaming(&paths, tx));
    let mut app = vigie::tui::App::loading(vigie::tui::Theme::monochrome());
    for event in rx {
        if matches!(event, vigie::LoadEvent::Done { .. }) {
            println!("before settling: live {}, peak so far {}", mb(LIVE.load(Relaxed) - before), mb(PEAK.load(Relaxed) - before));
            let t = std::time::Instant::now();
            app.on_load(event);
            println!("settling and indexing on the reader's thread: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
            continue;
        }
        app.on_load(event);
    }
    println!("corpus: {} of raw text", mb(raw));
    println!(
        "reader: peak {}, live after loading {} (with the loader's per-thread caches)",
        mb(PEAK.load(Relaxed) - before),
        mb(LIVE.load(Relaxed).saturating_sub(before))
    );
    drop(app);
    println!("after dropping the reader: live {}", mb(LIVE.load(Relaxed).saturating_sub(before)));

    // The parts, measured on copies (which carry no spare capacity).
    let analysed: Vec<_> = vigie::analyse_all(&vigie::corpus::load(&[dir]).documents);
    let (articles_bytes, articles) = measure(|| analysed.iter().map(|(a, _)| a.clone()).collect::<Vec<_>>());
    let (extraction_bytes, _) = measure(|| analysed.iter().map(|(_, x)| x.clone()).collect::<Vec<_>>());
    let (index_bytes, _) = measure(|| vigie::index::EntityIndex::build(&articles));
    let text: usize = articles.iter().map(|a| a.text.len()).sum();
    let mentions: usize = articles.iter().map(|a| a.mentions.len()).sum();
    println!("articles: {} ({} of text, {} mentions of {} bytes)", mb(articles_bytes), mb(text), mentions, size_of::<vigie::model::Mention>());
    println!("kept for settling: {}", mb(extraction_bytes));
    println!("entity index: {}", mb(index_bytes));
}
