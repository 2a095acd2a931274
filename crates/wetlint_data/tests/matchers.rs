//! The lexicons on the false-positive traps of the catalog, and the mapping of
//! hits back to the exact original bytes.

use wetlint_data::{Data, OrgVia, PreparedText, ValueCategory};

fn data() -> &'static Data {
    match Data::builtin() {
        Ok(d) => d,
        Err(e) => panic!("builtin data is invalid:\n{e}"),
    }
}

/// (value id, matched original text) for every value hit.
fn values(text: &str) -> Vec<(String, String)> {
    data()
        .values()
        .find_in(text)
        .into_iter()
        .map(|h| (h.value_id.to_string(), text[h.range].to_string()))
        .collect()
}

fn has_value(text: &str, id: &str) -> bool {
    values(text).iter().any(|(v, _)| v == id)
}

fn orgs(text: &str) -> Vec<(String, String, OrgVia)> {
    data()
        .organisations()
        .find_in(text)
        .into_iter()
        .map(|h| (h.org_id.to_string(), text[h.range].to_string(), h.via))
        .collect()
}

#[test]
fn inclusief_as_preposition_is_not_inclusiviteit() {
    assert!(!has_value(
        "De prijs is € 10 inclusief btw.",
        "inclusiviteit"
    ));
    assert!(!has_value(
        "Het bedrag, inclusief rente, wordt terugbetaald.",
        "inclusiviteit"
    ));
    assert!(!has_value("de inclusiefste regeling", "inclusiviteit"));
}

#[test]
fn inclusieve_plus_noun_is_inclusiviteit() {
    assert_eq!(
        values("Het kabinet streeft naar een inclusieve arbeidsmarkt."),
        vec![("inclusiviteit".to_string(), "inclusieve".to_string())]
    );
    assert!(has_value("Inclusiviteit staat voorop.", "inclusiviteit"));
}

#[test]
fn rechtvaardigen_is_not_rechtvaardigheid() {
    for text in [
        "Dit rechtvaardigt de keuze.",
        "De inbreuk is gerechtvaardigd.",
        "een gerechtvaardigde verwachting",
        "De rechtvaardiging hiervoor is …",
        "Die omstandigheden rechtvaardigen een uitzondering.",
    ] {
        assert!(
            !has_value(text, "rechtvaardigheid"),
            "{text}: {:?}",
            values(text)
        );
    }
    assert!(has_value(
        "Het gaat om een rechtvaardige behandeling.",
        "rechtvaardigheid"
    ));
    assert!(has_value(
        "Rechtvaardigheid is een kernwaarde.",
        "rechtvaardigheid"
    ));
}

#[test]
fn erfdienstbaarheid_is_not_dienstbaarheid() {
    assert!(!has_value(
        "Een erfdienstbaarheid rust op het perceel.",
        "dienstbaarheid"
    ));
    assert!(has_value("Een dienstbare overheid.", "dienstbaarheid"));
}

#[test]
fn naar_evenredigheid_is_excluded() {
    assert!(!has_value(
        "De kosten worden naar evenredigheid verdeeld.",
        "evenredigheid"
    ));
    assert!(has_value(
        "De maatregel is niet evenredig aan het doel.",
        "evenredigheid"
    ));
}

#[test]
fn betrokkene_is_not_betrokkenheid() {
    assert!(!has_value(
        "De betrokkene ontvangt een beschikking.",
        "betrokkenheid"
    ));
    assert!(!has_value(
        "In overleg met de betrokken ministers.",
        "betrokkenheid"
    ));
    assert!(has_value(
        "De betrokkenheid van burgers is groot.",
        "betrokkenheid"
    ));
}

#[test]
fn other_traps() {
    // AVG role, not the value.
    assert!(!has_value(
        "de verwerkingsverantwoordelijke",
        "verantwoordelijkheid"
    ));
    // Technical equivalence.
    assert!(!has_value(
        "een gelijkwaardige maatregel treffen",
        "gelijkwaardigheid"
    ));
    assert!(!has_value(
        "gelijkwaardige oplossingen",
        "gelijkwaardigheid"
    ));
    assert!(has_value(
        "een gelijkwaardige behandeling van partners",
        "gelijkwaardigheid"
    ));
    // Deskundige as a noun.
    assert!(!has_value(
        "Het oordeel van een deskundige.",
        "deskundigheid"
    ));
    assert!(has_value(
        "De deskundigheid van de ambtenaren.",
        "deskundigheid"
    ));
    // Vertrouwen as a verb.
    assert!(!has_value(
        "Wij vertrouwen op een goede samenwerking.",
        "vertrouwen"
    ));
    assert!(has_value(
        "Het vertrouwen in de overheid is gedaald.",
        "vertrouwen"
    ));
    // Physical access (regex exclusion).
    assert!(!has_value(
        "op een voor het publiek toegankelijke plaats",
        "toegankelijkheid"
    ));
    assert!(has_value(
        "De regeling is toegankelijk voor iedereen.",
        "toegankelijkheid"
    ));
}

#[test]
fn other_sense_is_tagged() {
    let hits = data()
        .values()
        .find_in("De rechtmatigheid van de uitgaven wordt gecontroleerd.");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].value_id, "rechtmatigheid");
    assert_eq!(hits[0].sense, Some("financieel"));
    assert_eq!(hits[0].category, ValueCategory::Noun);
    let hits = data().values().find_in("Rechtmatigheid staat voorop.");
    assert_eq!(hits[0].sense, None);
}

#[test]
fn shared_form_counts_for_both_values() {
    let ids: Vec<_> = data()
        .values()
        .find_in("de rechtszekerheid")
        .iter()
        .map(|h| h.value_id)
        .collect();
    assert_eq!(ids, ["betrouwbaarheid", "rechtszekerheid"]);
}

#[test]
fn categories() {
    let hits = data().values().find_in("onrechtvaardig en billijk");
    let cats: Vec<_> = hits.iter().map(|h| (h.value_id, h.category)).collect();
    assert_eq!(
        cats,
        [
            ("rechtvaardigheid", ValueCategory::Negative),
            ("rechtvaardigheid", ValueCategory::Related)
        ]
    );
}

#[test]
fn organisations_by_abbreviation_and_name() {
    assert_eq!(
        orgs("Het UWV voert de WW uit."),
        vec![("uwv".into(), "UWV".into(), OrgVia::Afkorting)]
    );
    assert_eq!(
        orgs("Volgens de Autoriteit Persoonsgegevens (AP) is dit niet nodig."),
        vec![
            (
                "ap".into(),
                "Autoriteit Persoonsgegevens".into(),
                OrgVia::Naam
            ),
            ("ap".into(), "AP".into(), OrgVia::Afkorting),
        ]
    );
}

#[test]
fn abbreviations_are_case_sensitive() {
    assert!(orgs("de ap en de om zijn afkortingen in kleine letters").is_empty());
    assert!(orgs("UWVB is geen UWV").iter().all(|(_, t, _)| t == "UWV"));
    assert_eq!(orgs("UWVB").len(), 0);
    // All-caps heading: "OM" is the Dutch word, not Openbaar Ministerie.
    assert!(orgs("OM DEZE REDEN WORDT VOORGESTELD").is_empty());
    assert_eq!(orgs("Het OM vervolgt.").len(), 1);
    // A list of abbreviations at the start of a sentence is not a heading.
    let ids: Vec<_> = orgs("UWV, SVB en DUO voeren de regeling uit.")
        .into_iter()
        .map(|h| h.0)
        .collect();
    assert_eq!(ids, ["uwv", "svb", "duo"]);
}

#[test]
fn lowercase_uwv_is_found_through_its_alias() {
    // Decision: abbreviations are case-sensitive, but "uwv" and "svb" are also
    // listed as aliases because they are not Dutch words.
    assert_eq!(
        orgs("het uwv"),
        vec![("uwv".into(), "uwv".into(), OrgVia::Alias)]
    );
    assert_eq!(orgs("de svb")[0].2, OrgVia::Alias);
    // "duo" is a Dutch word and is not an alias.
    assert!(orgs("een duo van twee ministers").is_empty());
}

#[test]
fn implied_and_longest_names() {
    assert_eq!(
        orgs("De inspecteur legt de aanslag op.")[0].0,
        "belastingdienst"
    );
    assert_eq!(
        orgs("De inspecteur legt de aanslag op.")[0].2,
        OrgVia::Impliciet
    );
    assert_eq!(orgs("Belastingdienst/Toeslagen")[0].0, "dienst-toeslagen");
    assert_eq!(
        orgs("De Belastingdienst/Toeslagen voert uit.")[0].0,
        "dienst-toeslagen"
    );
    // A court is not the advisory division of the Raad van State.
    assert_eq!(
        orgs("de Afdeling bestuursrechtspraak van de Raad van State")[0].0,
        "rechtspraak"
    );
    let hits = orgs("het college van burgemeester en wethouders");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].0, "college-benw");
    // The former name of DUO must not be read as the Inlichtingenbureau.
    assert_eq!(orgs("de IB-Groep")[0].0, "duo");
}

#[test]
fn multiword_forms_match_across_line_breaks() {
    let text = "de Autoriteit\nPersoonsgegevens";
    let hits = orgs(text);
    assert_eq!(hits[0].1, "Autoriteit\nPersoonsgegevens");
}

#[test]
fn offsets_point_at_original_bytes_after_accents() {
    // Precomposed é and ë, then a decomposed e + U+0301, before the hits.
    let text =
        "Café, reünie en Financie\u{301}le gevolgen: het ÉÉN loket; de Inspecteur en het UWV.";
    let prepared = PreparedText::new(text);
    let o = data().organisations().find_in_prepared(&prepared);
    let got: Vec<&str> = o.iter().map(|h| &text[h.range.clone()]).collect();
    assert_eq!(got, ["de Inspecteur", "UWV"]);
    let coord = data()
        .signals("coordinatie")
        .expect("list exists")
        .find_in_prepared(&prepared);
    assert_eq!(&text[coord[0].range.clone()], "ÉÉN loket");
    let toets_text = "Financie\u{301}le gevolgen. De UITVOERINGSTOETS van het CAK.";
    let t = data().toetsen().find_in(toets_text);
    assert_eq!(&toets_text[t[0].range.clone()], "UITVOERINGSTOETS");
}

#[test]
fn toetsen_and_outcomes() {
    let d = data();
    let text = "Het UWV heeft een uitvoeringstoets uitgevoerd. Eindoordeel: niet uitvoerbaar. \
                Een DPIA is uitgevoerd; zie advies W12.25.00040/III.";
    let ids: Vec<_> = d
        .toetsen()
        .find_in(text)
        .iter()
        .map(|h| h.toets_id)
        .collect();
    assert_eq!(ids, ["uitvoeringstoets", "dpia", "rvs"]);
    let outcomes: Vec<_> = d
        .toets_outcomes()
        .find_in(text)
        .iter()
        .map(|h| h.outcome_id)
        .collect();
    assert_eq!(outcomes, ["eindoordeel-negatief"]);
    assert!(d.toetsen().find_in("dpia in kleine letters").is_empty());
    assert!(
        !d.toets_followups()
            .find_in("Naar aanleiding van de uitvoeringstoets is het voorstel aangepast.")
            .is_empty()
    );
}

#[test]
fn signals() {
    let d = data();
    let task = d.signals("taak-werkwoorden").expect("list");
    let hits = task.find_in("Het UWV kent de uitkering toe en is belast met de uitvoering.");
    let forms: Vec<_> = hits.iter().map(|h| h.form).collect();
    assert!(forms.contains(&"is belast met"), "{forms:?}");
    assert!(forms.iter().any(|f| f.contains("kent")), "{forms:?}");
    let ph = d.signals("placeholders").expect("list");
    assert_eq!(
        ph.find_in("Deze wet treedt in werking op … 2026 [PM].")
            .len(),
        2
    );
    assert!(
        ph.find_in("Hieruit volgt dat pm-waarden gelden.")
            .is_empty()
    );
    let uitleg = d.signals("uitleg").expect("list");
    let nu = uitleg.find_in("Nu de wet is gewijzigd");
    assert!(nu[0].weak);
    let dl = d
        .delegations()
        .find_in("Bij of krachtens algemene maatregel van bestuur worden regels gesteld.");
    assert_eq!(dl.len(), 1);
    assert!(dl[0].formula.subdelegatie);
    let doen = d
        .doenvermogen()
        .find_in("Voor de uitvoering niet doenlijk; wel aandacht voor doenvermogen.");
    assert_eq!(
        doen.iter().map(|h| h.weak).collect::<Vec<_>>(),
        [true, false]
    );
}
