//! Prints the section keys of each heading read from stdin (one per line).
//! Used to calibrate `rules/koppen.toml`:
//! `cargo run -p wetlint_data --example classify_headings < headings.txt`.

use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = wetlint_data::Data::builtin()?;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let keys: Vec<&str> = data
            .headings()
            .classify(&line)
            .iter()
            .map(|k| k.as_str())
            .collect();
        println!(
            "{:<70} {:<45} {}",
            line,
            wetlint_data::normalize_heading(&line),
            keys.join(",")
        );
    }
    Ok(())
}
