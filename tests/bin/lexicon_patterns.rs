//! Prints every fixed-string form of the lexicons the rules use (values,
//! organisations, toetsen, toets outcomes and follow-ups, signal lists,
//! delegation formulas), one per line, for the ripgrep reference scan in
//! `scripts/bench-corpus.sh`.

fn main() {
    let data = match wetlint_data::Data::builtin() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("lexicon-patterns: {e}");
            std::process::exit(2);
        }
    };
    for f in wetlint_tests::lexicon_patterns(data) {
        println!("{f}");
    }
}
