//! Heading normalisation and classification, calibrated on the heading
//! variants of real memories van toelichting (docs/mvt-headings.md).

use wetlint_data::{Data, SectionKey, normalize_heading};

use SectionKey::*;

fn classify(h: &str) -> Vec<SectionKey> {
    match Data::builtin() {
        Ok(d) => d.headings().classify(h),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn numbering_is_stripped() {
    for (raw, want) in [
        (
            "7. Uitvoerings- en handhavingsaspecten",
            "uitvoerings- en handhavingsaspecten",
        ),
        ("§ 1. Inleiding", "inleiding"),
        ("§ 1 Inleiding", "inleiding"),
        ("1 Inleiding", "inleiding"),
        ("Hoofdstuk 13 – Regeldruk46", "regeldruk"),
        ("9.EU aspecten11", "eu aspecten"),
        ("I ALGEMEEN", "algemeen"),
        ("I.ALGEMEEN", "algemeen"),
        ("I, Algemeen", "algemeen"),
        ("II. ARTIKELSGEWIJS", "artikelsgewijs"),
        ("A. Algemeen deel", "algemeen deel"),
        ("3.8.5.1 Doenvermogentoets", "doenvermogentoets"),
        ("## 4. Financiële gevolgen", "financiële gevolgen"),
        ("MEMORIE VAN TOELICHTING1", "memorie van toelichting"),
        ("Inleiding ........ 3", "inleiding"),
        ("Artikel 8 EVRM", "artikel 8 evrm"),
        ("1.", "1"),
    ] {
        assert_eq!(normalize_heading(raw), want, "{raw}");
    }
}

#[test]
fn the_cases_of_the_brief() {
    assert_eq!(
        classify("7. Uitvoerings- en handhavingsaspecten"),
        [Uitvoering, Toezicht]
    );
    assert_eq!(classify("ARTIKELSGWIJZE TOELICHTING"), [Artikelsgewijs]);
    assert_eq!(classify("Budgettaire aspecten"), [Financieel]);
    assert_eq!(classify("Uitvoeringskosten Belastingdienst"), [Uitvoering]);
}

#[test]
fn financial_exception_in_gevolgen_heading() {
    assert_eq!(
        classify("6. Gevolgen (met uitzondering van financiële gevolgen)"),
        [Gevolgen]
    );
    assert_eq!(
        classify("Gevolgen (m.u.v. financiële gevolgen)"),
        [Gevolgen]
    );
    assert_eq!(classify("9. Financiële gevolgen"), [Financieel]);
    assert_eq!(
        classify("Overige financiële gevolgen en regeldruk"),
        [Gevolgen, Regeldruk, Financieel]
    );
}

#[test]
fn calibrated_variants() {
    let cases: &[(&str, &[SectionKey])] = &[
        ("I. ALGEMEEN DEEL", &[AlgemeenDeel]),
        ("Inhoudsopgave", &[Inhoudsopgave]),
        ("1. Inleiding", &[Inleiding]),
        ("Aanleiding, probleem en doel", &[Inleiding, Hoofdlijnen]),
        ("3. Hoofdlijnen van het voorstel", &[Hoofdlijnen]),
        ("Nut en noodzaak van wetgeving", &[Hoofdlijnen]),
        ("2. Implementatiewetgeving", &[Implementatie]),
        ("EU-aspecten", &[Implementatie]),
        ("4. Verhouding tot hoger recht", &[HogerRecht]),
        (
            "Verhouding tot grond- en mensenrechten en andere regelgeving",
            &[HogerRecht, NationaalRecht],
        ),
        ("5. Verhouding tot nationale wetgeving", &[NationaalRecht]),
        ("AVG en UAVG", &[Privacy]),
        (
            "Voorafgaande toetsende rol van de Autoriteit Persoonsgegevens",
            &[Privacy],
        ),
        ("6.3 Toepassing in Caribisch Nederland", &[Bes]),
        ("7.1 Regeldruk", &[Gevolgen, Regeldruk]),
        (
            "7.2 Doenvermogen en burgerperspectief",
            &[Gevolgen, Doenvermogen],
        ),
        ("Gevolgen voor burgers en bedrijven", &[Gevolgen]),
        ("Uitvoering", &[Uitvoering]),
        ("Uitvoeringstoetsten", &[Uitvoering]),
        (
            "Uitvoerbaarheid en handhaafbaarheid",
            &[Uitvoering, Toezicht],
        ),
        ("Gevolgen voor decentrale overheden", &[Decentraal]),
        (
            "Financiële gevolgen voor de gemeenten",
            &[Decentraal, Financieel],
        ),
        ("8. Toezicht en handhaving", &[Toezicht]),
        ("Sancties", &[Toezicht]),
        ("Financiële paragraaf", &[Financieel]),
        ("10. Evaluatie", &[Evaluatie]),
        ("Monitoring en evaluatie", &[Evaluatie]),
        ("11. Advies en consultatie", &[Consultatie]),
        ("Advies Raad van State", &[Consultatie]),
        ("Internetconsultatie", &[Consultatie]),
        (
            "Adviescollege toetsing regeldruk",
            &[Gevolgen, Regeldruk, Consultatie],
        ),
        ("12. Overgangsrecht en inwerkingtreding", &[OvergangIwt]),
        (
            "Inwerkingtreding, terugwerkende kracht en overgangsrecht",
            &[OvergangIwt],
        ),
        (
            "4.2 Sturen op publieke waarden vastleggen in Wet SUWI",
            &[Waarden],
        ),
        ("II. Artikelsgewijs", &[Artikelsgewijs]),
        ("Artikelsgewijze toelichting", &[Artikelsgewijs]),
        ("ARTIKELSGEWIJZE DEEL", &[Artikelsgewijs]),
        ("II. Artikelen", &[Artikelsgewijs]),
    ];
    for (heading, want) in cases {
        assert_eq!(classify(heading), *want, "{heading}");
    }
}

#[test]
fn unrelated_headings_have_no_key() {
    for h in [
        "Artikel 1",
        "Artikel I, onderdeel A",
        "Waarborgen",
        "Ondertekening",
        "",
    ] {
        assert!(classify(h).is_empty(), "{h}: {:?}", classify(h));
    }
}

#[test]
fn every_key_has_a_string_form() {
    for key in SectionKey::ALL {
        assert!(!key.as_str().is_empty());
    }
}
