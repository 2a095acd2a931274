//! The embedded data loads, validates and is in canonical form.

use wetlint_data::{BUILTIN_SOURCES, Data, SectionKey};

fn data() -> &'static Data {
    match Data::builtin() {
        Ok(d) => d,
        Err(e) => panic!("builtin data is invalid:\n{e}"),
    }
}

#[test]
fn builtin_loads_and_validates() {
    let d = data();
    assert!(d.organisaties().len() >= 60, "{}", d.organisaties().len());
    assert!(d.waarden().len() >= 21);
    assert!(d.toets_lijst().len() >= 15);
    assert!(d.signaallijsten().len() >= 8);
    assert_eq!(d.secties().len(), SectionKey::ALL.len());
    assert!(d.aanwijzingen().len() >= 40);
    for name in [
        "argumentatie",
        "burgerverplichtingen",
        "discretie",
        "nadelige-gevolgen",
        "npm-standaardzinnen",
        "placeholders",
        "taak-werkwoorden",
        "uitleg",
    ] {
        assert!(d.signals(name).is_some(), "missing signal list {name}");
    }
}

#[test]
fn builtin_is_canonical() {
    let problems = data().canonical_problems();
    let listing: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "not canonical:\n{}",
        listing.join("\n")
    );
}

#[test]
fn load_dir_reads_the_same_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../rules");
    let d = match Data::load_dir(dir) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(d.organisaties().len(), data().organisaties().len());
    assert_eq!(d.waarden().len(), data().waarden().len());
}

#[test]
fn load_dir_reports_missing_files() {
    let err = Data::load_dir("/nonexistent/wetlint-rules").err();
    let err = err.expect("missing folder is an error");
    assert_eq!(err.problems().len(), BUILTIN_SOURCES.len());
    assert!(err.to_string().contains("organisaties.toml"));
}

#[test]
fn every_org_toets_reference_resolves() {
    let d = data();
    for o in d.organisaties() {
        for t in o.toetsen() {
            assert!(d.toets(t).is_some(), "{} → {t}", o.id());
        }
    }
}

#[test]
fn aanwijzing_lookup() {
    let d = data();
    let a = d.aanwijzing("4.43").expect("4.43 exists");
    assert_eq!(a.oud().collect::<Vec<_>>(), ["212"]);
    assert!(d.aanwijzing("Ar 5.26").is_some());
    assert!(d.aanwijzing("9.99").is_none());
    let old: Vec<_> = d
        .aanwijzingen_2012("131")
        .iter()
        .filter_map(|a| a.huidig())
        .collect();
    assert_eq!(old, ["5.25", "5.26"]);
    assert_eq!(d.aanwijzingen_2012("49")[0].citation(), "Ar (2012) 47");
}
