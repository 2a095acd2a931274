//! Rough throughput check of normalisation and all lexicons on synthetic text:
//! `cargo run --release -p wetlint_data --example bench_lexicons [megabytes]`.

use std::time::Instant;

use wetlint_data::{Data, PreparedText};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let data = Data::builtin()?;
    // Synthetic sentences written for this benchmark, with accents and hits.
    let para = "Het UWV is belast met de uitvoering van deze regeling. De inspecteur legt \
                een aanslag op, inclusief rente. Een rechtvaardige en toegankelijke overheid \
                versterkt het vertrouwen in de overheid, omdat burgers erop moeten kunnen rekenen. \
                De Autoriteit Persoonsgegevens (AP) heeft geadviseerd over de DPIA. Financiële \
                gevolgen voor gemeenten zijn beperkt; de coördinatie ligt bij één loket. \
                Bij of krachtens algemene maatregel van bestuur worden regels gesteld.\n";
    let text = para.repeat(mb * 1_000_000 / para.len());
    let start = Instant::now();
    let prepared = PreparedText::new(&text);
    let t_norm = start.elapsed();
    let mut hits = 0usize;
    hits += data.values().find_in_prepared(&prepared).len();
    hits += data.organisations().find_in_prepared(&prepared).len();
    hits += data.toetsen().find_in_prepared(&prepared).len();
    hits += data.toets_outcomes().find_in_prepared(&prepared).len();
    hits += data.doenvermogen().find_in_prepared(&prepared).len();
    hits += data.delegations().find_in_prepared(&prepared).len();
    for list in data.signaallijsten() {
        if let Some(l) = data.signals(list.id()) {
            hits += l.find_in_prepared(&prepared).len();
        }
    }
    let total = start.elapsed();
    let secs = total.as_secs_f64();
    println!(
        "{:.1} MB: normalise {:.2?}, all lexicons {:.2?} ({:.1} MB/s), {hits} hits",
        text.len() as f64 / 1e6,
        t_norm,
        total,
        text.len() as f64 / 1e6 / secs
    );
    Ok(())
}
