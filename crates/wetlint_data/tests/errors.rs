//! Broken data gives errors that name the file, line and column.

use wetlint_data::{BUILTIN_SOURCES, Data, DataError, DataProblem, ProblemKind};

/// The builtin sources with one file replaced.
fn with(file: &str, text: &str) -> Result<Data, DataError> {
    let sources: Vec<(&str, &str)> = BUILTIN_SOURCES
        .iter()
        .map(|&(n, t)| if n == file { (n, text) } else { (n, t) })
        .collect();
    Data::from_sources(&sources)
}

fn builtin(file: &str) -> &'static str {
    BUILTIN_SOURCES
        .iter()
        .find(|(n, _)| *n == file)
        .map(|(_, t)| *t)
        .unwrap_or_default()
}

/// Loads with `file` replaced and returns the single problem.
fn only_problem(file: &str, text: &str) -> DataProblem {
    match with(file, text) {
        Ok(_) => panic!("expected an error for {file}"),
        Err(e) => {
            assert_eq!(e.problems().len(), 1, "{e}");
            e.problems()[0].clone()
        }
    }
}

/// 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let pos = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    text[..pos].matches('\n').count() + 1
}

#[test]
fn syntax_error_has_line_and_column() {
    let text = "[[lijst]]\nid = \"x\"\nomschrijving = \"y\nbron = \"z\"\n";
    let p = only_problem("signalen.toml", text);
    assert_eq!(p.file, "signalen.toml");
    assert_eq!(p.kind, ProblemKind::Syntax);
    // The string opened at column 16 is unterminated at the end of the line.
    assert_eq!(p.line, 3, "{p}");
    assert_eq!(p.column, 18, "{p}");
    assert!(p.to_string().starts_with("signalen.toml:3:18: "), "{p}");

    // A missing comma in an array, after a multi-byte character.
    let text = "[[lijst]]\nid = \"x\"\nvormen = [\"één\" \"twee\"]\n";
    let p = only_problem("signalen.toml", text);
    assert_eq!((p.line, p.column), (3, 17), "{p}");
}

#[test]
fn unknown_field_is_reported_at_the_field() {
    let text = builtin("toetsen.toml").replacen(
        "soort = \"wettelijk advies",
        "sort = \"wettelijk advies",
        1,
    );
    let p = only_problem("toetsen.toml", &text);
    assert_eq!(p.kind, ProblemKind::Syntax);
    assert_eq!(p.line, line_of(&text, "sort = \"wettelijk advies"), "{p}");
    assert!(p.message.contains("sort"), "{p}");
}

#[test]
fn unknown_group_is_reported_at_the_group() {
    let text = builtin("waarden.toml").replacen(
        "groepen = [\"sturingsvisie\"]",
        "groepen = [\"sturingvisie\"]",
        1,
    );
    let p = only_problem("waarden.toml", &text);
    assert_eq!(p.kind, ProblemKind::Syntax);
    assert_eq!(p.line, line_of(&text, "\"sturingvisie\""), "{p}");
    assert!(p.message.contains("sturingvisie"), "{p}");
}

#[test]
fn unknown_heading_key() {
    let text = builtin("koppen.toml").replacen("sleutel = \"bes\"", "sleutel = \"caribisch\"", 1);
    let p = only_problem("koppen.toml", &text);
    assert_eq!(p.line, line_of(&text, "sleutel = \"caribisch\""), "{p}");
}

#[test]
fn missing_heading_key() {
    let text = builtin("koppen.toml").replacen("sleutel = \"bes\"", "sleutel = \"privacy\"", 1);
    let err = with("koppen.toml", &text).expect_err("error");
    let msgs: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
    assert!(
        msgs.iter().any(|m| m.contains("`privacy` komt al voor")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter().any(|m| m.contains("`bes` ontbreekt")),
        "{msgs:?}"
    );
}

#[test]
fn duplicate_id_names_both_lines() {
    let text = builtin("organisaties.toml").replacen("id = \"svb\"", "id = \"uwv\"", 1);
    let err = with("organisaties.toml", &text).expect_err("error");
    let dup = err
        .problems()
        .iter()
        .find(|p| p.kind == ProblemKind::Duplicate && p.message.contains("organisatie-id"))
        .expect("duplicate reported");
    let first = line_of(&text, "id = \"uwv\"");
    let second = text[..text.rfind("id = \"uwv\"").unwrap_or(0)]
        .matches('\n')
        .count()
        + 1;
    assert_eq!(dup.line, second.max(first));
    assert!(
        dup.message
            .contains(&format!("regel {}", second.min(first))),
        "{dup}"
    );
}

#[test]
fn regex_that_does_not_compile() {
    let text =
        builtin("signalen.toml").replacen(r"'\bkent\b[^.;]{1,60}?\btoe\b'", r"'\bkent(?=\s)'", 1);
    let p = only_problem("signalen.toml", &text);
    assert_eq!(p.kind, ProblemKind::Regex);
    assert_eq!(p.line, line_of(&text, r"\bkent(?=\s)"), "{p}");
}

#[test]
fn unknown_toets_reference() {
    let text = builtin("organisaties.toml").replacen(
        "toetsen = [\"ict\"]",
        "toetsen = [\"ict-toets\"]",
        1,
    );
    let p = only_problem("organisaties.toml", &text);
    assert_eq!(p.kind, ProblemKind::UnknownReference);
    assert_eq!(p.line, line_of(&text, "\"ict-toets\""), "{p}");
    assert!(p.message.contains("ict-toets"));
}

#[test]
fn unknown_representative() {
    let text = builtin("organisaties.toml").replacen(
        "vertegenwoordigd_door = [\"uvw\"]",
        "vertegenwoordigd_door = [\"unie\"]",
        1,
    );
    let p = only_problem("organisaties.toml", &text);
    assert_eq!(p.kind, ProblemKind::UnknownReference);
}

#[test]
fn empty_form_and_empty_list() {
    let text = builtin("toetsen.toml").replacen("\"nulmeting\",", "\"  \",", 1);
    let p = only_problem("toetsen.toml", &text);
    assert_eq!(p.kind, ProblemKind::Empty);
    assert_eq!(p.line, line_of(&text, "\"  \","));

    let text = "[[lijst]]\nid = \"leeg\"\nomschrijving = \"x\"\nbron = \"y\"\n";
    let p = only_problem("signalen.toml", text);
    assert_eq!(p.kind, ProblemKind::Empty);
    assert_eq!(p.line, 2);
}

#[test]
fn form_claimed_by_two_organisations() {
    let text = builtin("organisaties.toml").replacen(
        "aliassen = [\"svb\"]",
        "aliassen = [\"svb\", \"uwv\"]",
        1,
    );
    let p = only_problem("organisaties.toml", &text);
    assert_eq!(p.kind, ProblemKind::Duplicate);
    assert!(p.message.contains("uwv"), "{p}");
}

#[test]
fn exclusion_that_is_also_a_form() {
    let text = builtin("waarden.toml").replacen(
        "vormen = [\"erfdienstbaarheid\"",
        "vormen = [\"dienstbaar\", \"erfdienstbaarheid\"",
        1,
    );
    let p = only_problem("waarden.toml", &text);
    assert_eq!(p.kind, ProblemKind::Duplicate);
}

#[test]
fn unknown_aanwijzing_reference() {
    let text =
        builtin("signalen.toml").replacen("aanwijzing = \"2.26\"", "aanwijzing = \"2.99\"", 1);
    let p = only_problem("signalen.toml", &text);
    assert_eq!(p.kind, ProblemKind::UnknownReference);
}

#[test]
fn non_canonical_data_loads_but_is_reported() {
    let text = builtin("toetsen.toml").replacen("\"nulmeting\",", "\"Nulmeting\",", 1);
    let d = with("toetsen.toml", &text).expect("uppercase forms still load");
    let problems = d.canonical_problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, line_of(&text, "\"Nulmeting\""));
    // And it still matches, case-insensitively.
    assert!(!d.toetsen().find_in("de NULMETING").is_empty());

    let text = builtin("toetsen.toml").replacen("id = \"evaluatie\"", "id = \"zz-evaluatie\"", 1);
    let d = with("toetsen.toml", &text).expect("order does not matter for loading");
    let problems = d.canonical_problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].kind, ProblemKind::NotCanonical);
}

#[test]
fn unknown_and_missing_files() {
    let err = Data::from_sources(&[("waarden.toml", "")]).expect_err("error");
    assert_eq!(err.problems().len(), 5);
    let mut sources: Vec<(&str, &str)> = BUILTIN_SOURCES.to_vec();
    sources.push(("extra.toml", ""));
    let err = Data::from_sources(&sources).expect_err("error");
    assert!(err.to_string().contains("extra.toml"));
}
