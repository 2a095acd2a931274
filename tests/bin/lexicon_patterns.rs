//! Prints every fixed-string form of the lexicons the rules use (values,
//! organisations, toetsen, toets outcomes and follow-ups, signal lists,
//! delegation formulas), one per line, for the ripgrep reference scan in
//! `scripts/bench-corpus.sh`.

use std::collections::BTreeSet;

fn main() {
    let data = match wetlint_data::Data::builtin() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("lexicon-patterns: {e}");
            std::process::exit(2);
        }
    };
    let mut forms: BTreeSet<String> = BTreeSet::new();
    let mut add = |s: &str| {
        let s = s.trim();
        if s.len() >= 2 && !s.contains('\n') {
            forms.insert(s.to_lowercase());
        }
    };
    for w in data.waarden() {
        for (f, _) in w.forms() {
            add(f);
        }
    }
    for o in data.organisaties() {
        add(o.naam());
        o.aliassen().for_each(&mut add);
        o.afkortingen().for_each(&mut add);
        o.impliciet().for_each(&mut add);
    }
    for t in data.toets_lijst() {
        for v in &t.vormen {
            add(v.get_ref());
        }
    }
    for l in data
        .signaallijsten()
        .iter()
        .chain([data.doenvermogen_lijst()])
    {
        for v in l.vormen.iter().chain(&l.zwak) {
            add(v.get_ref());
        }
    }
    for d in data.delegatieformules() {
        add(d.vorm());
    }
    for f in forms {
        println!("{f}");
    }
}
