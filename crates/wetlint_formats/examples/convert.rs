//! Prints the virtual Markdown text of a file (`cargo run -p wetlint_formats
//! --example convert -- FILE [--summary]`): the developer's view of what a
//! reader makes of a source.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("gebruik: convert BESTAND [--summary]");
        std::process::exit(2);
    };
    let summary = args.iter().any(|a| a == "--summary");
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let p = std::path::Path::new(path);
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match wetlint_formats::read(p, &bytes) {
        Ok(docs) => {
            for d in docs {
                if summary {
                    let doc = wetlint_syntax::parse(&d.text, None);
                    let _ = writeln!(
                        out,
                        "{} ({:?}, {}): kind {:?}, {} artikelen, {} begrippen, {} secties, {} artikelsgewijze toelichtingen, {} bytes",
                        d.name,
                        d.role,
                        d.format.as_str(),
                        doc.kind,
                        doc.articles.len(),
                        doc.definitions.len(),
                        doc.sections.len(),
                        doc.toelichting_articles.len(),
                        d.text.len()
                    );
                } else {
                    let _ = writeln!(out, "===== {} ({:?}) =====", d.name, d.role);
                    let _ = write!(out, "{}", d.text);
                }
            }
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
