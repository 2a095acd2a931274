use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_data::normalize::NormalizedText;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, DocumentKind, Span};

use super::common::{self, Zin, re};
use crate::rule::{Category, I, OFF, Rule, RuleMeta, Scope, Status};
use crate::rules::uitvoering::plichten::{self, Sanctiesoort};
use crate::text::{capitalize, insert_section_fix};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Drie dingen, alle als hint (info):
    ///
    /// 1. **Verhouding tot hoger recht.** Een memorie van toelichting heeft een
    ///    paragraaf over de verhouding tot hoger recht, of noemt ten minste de
    ///    Grondwet, het EVRM, het Handvest, het Unierecht of een verdrag.
    /// 2. **Beperking van grondrechten.** Zegt de toelichting dat het voorstel
    ///    een grondrecht beperkt of raakt ("beperking van het recht op …",
    ///    "inmenging in het privéleven", "inbreuk op de persoonlijke
    ///    levenssfeer", "raakt aan de vrijheid van …"), in een zin die een
    ///    grondrecht, de Grondwet, het EVRM of het Handvest noemt, dan staat in
    ///    dezelfde paragraaf (zonder paragrafen: dezelfde alinea) een toets aan
    ///    noodzaak en evenredigheid: "noodzakelijk", "proportioneel",
    ///    "evenredig", "subsidiariteit", "minder ingrijpend", "legitiem doel",
    ///    "in een democratische samenleving". "Een beperking van het recht op
    ///    kinderbijslag" gaat niet over een grondrecht en telt niet.
    /// 3. **Overige kwaliteitseisen (PROC-010).** Eén melding met de verplichte
    ///    kwaliteitseisen van het Beleidskompas die volgens de regeling kunnen
    ///    gelden, maar die de toelichting niet zichtbaar behandelt, met het
    ///    woord dat de eis opriep:
    ///    - *Keuze van een sanctiestelsel*: een bestuurlijke boete, last onder
    ///      dwangsom of bestuursdwang, of een strafbaarstelling in de regeling;
    ///      behandeld als de toelichting het sanctiestelsel, de bestuurlijke
    ///      boete of de bestuurs- of strafrechtelijke handhaving bespreekt;
    ///    - *Doorberekenen van toelatings- en handhavingskosten*: leges,
    ///      tarieven of een vergoeding die verschuldigd is; behandeld als de
    ///      toelichting doorberekening, kostendekkendheid, leges of tarieven
    ///      noemt;
    ///    - *Gevolgen voor de rechtspraak*: een strafbaarstelling of een
    ///      bijzondere rechtsgang in de regeling; behandeld als de toelichting
    ///      de rechtspraak, de werklast, de rechtsbescherming of het openbaar
    ///      ministerie noemt;
    ///    - *Notificatie* (technische voorschriften, Richtlijn (EU) 2015/1535):
    ///      eisen aan het in de handel brengen van producten; behandeld als de
    ///      toelichting notificatie of TRIS noemt.
    ///
    ///    Doenvermogen, DPIA, UDO, MKB-toets, U&H en regeldruk staan niet in
    ///    deze lijst: daarvoor zijn er eigen regels (UITV-008, PROC-005,
    ///    UITV-003, PROC-003, UITV-001).
    ///
    /// De regel zwijgt zonder toelichting; deel 1 bij een nota van toelichting
    /// of de toelichting bij een ministeriële regeling, tenzij die zelf een
    /// beperking van een grondrecht noemt; deel 2 als de beperking ontkend
    /// wordt ("geen beperking van"); deel 3 zonder regeling, als geen eis wordt
    /// opgeroepen, of als alle opgeroepen eisen behandeld zijn. Er is ten
    /// hoogste één melding per deel.
    ///
    /// ## Waarom
    /// De toelichting gaat in op de verenigbaarheid met hoger recht en de
    /// verhouding tot andere regelgeving (Aanwijzing 4.43, onder g). Beperkt
    /// een voorstel een grondrecht, dan moet de beperking een grondslag in de
    /// wet hebben, een legitiem doel dienen en noodzakelijk en evenredig zijn;
    /// de Afdeling advisering van de Raad van State toetst juist dat. Het
    /// Beleidskompas kent daarnaast verplichte kwaliteitseisen die per voorstel
    /// kunnen gelden; de lijst helpt na te gaan of er een over het hoofd is
    /// gezien.
    ///
    /// ## Voorbeeld
    /// "De gegevensuitwisseling is een beperking van het recht op eerbiediging
    /// van de persoonlijke levenssfeer." zonder dat de toelichting zegt waarom
    /// die beperking nodig is en of een minder ingrijpend middel volstaat. Of:
    /// een wet met een bestuurlijke boete waarvan de toelichting de keuze van
    /// het sanctiestelsel niet bespreekt.
    ///
    /// ## In plaats daarvan
    /// Een paragraaf "Verhouding tot hoger recht" die per geraakt grondrecht
    /// zegt: de grondslag, het legitieme doel, waarom de beperking noodzakelijk
    /// en proportioneel is en waarom er geen minder ingrijpend middel is. Per
    /// kwaliteitseis uit de lijst: een zin waarom zij is behandeld of niet van
    /// toepassing is.
    ///
    /// ## Bron
    /// Aanwijzing 4.43, onder g, van de Aanwijzingen voor de regelgeving; 2012
    /// Ar 18; toetsingskader van de Afdeling advisering van de Raad van State
    /// (juridische toets); Beleidskompas, verplichte kwaliteitseisen (Keuze van
    /// een sanctiestelsel; Doorberekenen van toelatings- en handhavingskosten).
    pub struct HogerRechtVerhouding {
        code: "PROC-009",
        name: "hoger-recht-verhouding",
        category: Category::Proces,
        summary: "Verhouding tot hoger recht en de overige kwaliteitseisen",
        severity: [I, I, I, OFF],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.43"],
        aliases: &["PROC-010"],
    }
}

/// Higher law named in the toelichting.
static HOGER_RECHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bgrondwet\b|\bevrm\b|\beuropees verdrag (?:tot bescherming )?van de rechten van de mens\b|\bhandvest\b|\bunierecht\w*|\beu-recht\b|\beuropees recht\b|\beuropese unie\b|\bverdrag\w*|\bhoger recht\b|\bgrondrecht\w*|\bmensenrecht\w*|\bavg\b|\balgemene verordening gegevensbescherming\b|\brichtlijn\b|\bverordening \(eu\)|\bstaatssteun\b",
    )
});
/// A restriction of a fundamental right.
static BEPERKING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bbeperking van (?:het|de) (?:grond)?(?:recht|vrijheid)\w*(?: (?:op|van)(?: [\w-]+){1,5})?|\bbeperkt (?:het|de) (?:grond)?recht\w* op\b|\binmenging in (?:het|de) (?:recht|uitoefening|privéleven|persoonlijke levenssfeer|familie- en gezinsleven)\b|\binbreuk (?:op|maakt op) (?:het|de|een) (?:grond)?(?:recht|vrijheid|persoonlijke levenssfeer|privacy)\w*|\braakt (?:aan )?(?:het|de) (?:grond)?(?:recht|vrijheid)\w*|\bbeperking van (?:een|dit|dat|deze) grondrecht\b|\bbeperkingsclausule\b",
    )
});
/// Words that make a restricted right a fundamental one ("het recht op
/// kinderbijslag" is none).
static GRONDRECHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bgrondwet\b|\bevrm\b|\bhandvest\b|\bgrondrecht\w*|\bmensenrecht\w*|\bpersoonlijke levenssfeer\b|\bprivacy\b|\bprivéleven\b|\bgezinsleven\b|\bvrijheid\b|\beigendom\w*|\bhuisrecht\b|\bgelijke behandeling\b|\bgelijkheidsbeginsel\b|\bvereniging\w*|\bvergadering\w*|\bbetoging\w*|\bgodsdienst\w*|\blevensovertuiging\b|\bmeningsuiting\b|\bonderwijsvrijheid\b|\blichamelijke integriteit\b|\bbriefgeheim\b|\btelefoongeheim\b|\bverbindingsgeheim\b|\bpersoonsgegevens\b|\beerlijk proces\b|\btoegang tot de rechter\b|\bbewegingsvrijheid\b|\bvrijheidsbeneming\b",
    )
});
/// A necessity and proportionality analysis.
static NOODZAAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bnoodzakelijk\w*|\bnoodzaak\b|\bproportione\w*|\bevenredig\w*|\bsubsidiari\w*|\bminder ingrijpend\w*|\blegitiem\w* doel\b|\bin een democratische samenleving\b|\bpassend en nodig\b",
    )
});

/// Triggers and "addressed" words of the quality requirements.
static SANCTIESTELSEL_T: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bsanctiestelsel\w*|\bsanctie(?:keuze|instrument\w*)\b|\bbestuurs(?:rechtelijke|lijke) handhaving\b|\bstrafrechtelijke? (?:handhaving|aanpak)\b|\bbestuurlijke boete\w*|\blast onder (?:dwangsom|bestuursdwang)\b|\bhandhavingsinstrument\w*",
    )
});
static KOSTEN_W: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bleges\b|\btarie(?:f|ven)\b[^.;]{0,60}?\b(?:verschuldigd|vastgesteld|in rekening)\b|\bretributie\w*|\bvergoeding\b[^.;]{0,60}?\bverschuldigd\b|\bis\b[^.;]{0,60}?\bverschuldigd voor\b|\bkosten\b[^.;]{0,60}?\b(?:in rekening (?:gebracht|worden gebracht|brengen)|verhaald|doorberekend)\b",
    )
});
static KOSTEN_T: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bdoorbereken\w*|\bkostendekkend\w*|\bkostenverhaal\b|\bleges\b|\btarie(?:f|ven)\b|\bretributie\w*",
    )
});
static RECHTSGANG_W: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:beroep|hoger beroep)\b[^.;]{0,80}?\b(?:bij|op) (?:de |het )?(?:rechtbank|gerechtshof|afdeling bestuursrechtspraak|centrale raad van beroep|college van beroep voor het bedrijfsleven|hoge raad)\b|\bin afwijking van\b[^.;]{0,80}?\b(?:algemene wet bestuursrecht|awb)\b[^.;]{0,80}?\bberoep\b",
    )
});
static RECHTSPRAAK_T: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\brechtspraak\b|\brechterlijke macht\b|\bwerklast\w*|\brechtsbescherming\b|\bbezwaar en beroep\b|\bopenbaar ministerie\b|\brechtspleging\b|\brechter\b",
    )
});
static NOTIFICATIE_W: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bin de handel (?:te )?(?:brengen|gebracht|wordt gebracht|worden gebracht)\b|\btechnische? voorschrift\w*|\bproducteis\w*",
    )
});
static NOTIFICATIE_T: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bnotific\w*|\bgenotificeerd\b|\btris\b|\b2015/1535\b|\bnotificatierichtlijn\b")
});

/// One quality requirement that may apply and is not visibly addressed.
struct Eis {
    naam: &'static str,
    /// Index of the article and the trigger as written.
    article: usize,
    span: Span,
    woord: String,
}

impl Rule for HogerRechtVerhouding {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let zinnen = common::zinnen(t);
        let eigen: Vec<&Zin> = zinnen.iter().filter(|z| z.eigen()).collect();
        let doc_nl = common::document_nl(t.doc);

        // 2. Restrictions of fundamental rights without a necessity test.
        let mut beperkingen = 0;
        for (i, z) in zinnen.iter().enumerate() {
            if !z.eigen() || z.kind == BlockKind::Heading {
                continue;
            }
            let Some(m) = z.vind(&BEPERKING) else {
                continue;
            };
            if !z.heeft(&GRONDRECHT) {
                continue;
            }
            let before = NormalizedText::new(t.text.get(z.span.start..m.start).unwrap_or(""));
            if common::ontkend(before.as_str()) {
                continue;
            }
            beperkingen += 1;
            let zelfde = |x: &Zin| match z.section {
                Some(s) => x.section == Some(s),
                None => x.block == z.block,
            };
            let getoetst = z.heeft(&NOODZAAK)
                || zinnen[i + 1..]
                    .iter()
                    .take_while(|x| zelfde(x))
                    .any(|x| x.eigen() && x.heeft(&NOODZAAK))
                || zinnen[..i]
                    .iter()
                    .rev()
                    .take_while(|x| zelfde(x))
                    .any(|x| x.eigen() && x.heeft(&NOODZAAK));
            if getoetst {
                continue;
            }
            out.push(
                Finding::new(
                    Which::Toelichting,
                    m,
                    format!(
                        "{} noemt een beperking van een grondrecht ('{}'), maar toetst niet of die noodzakelijk en \
                         evenredig is.",
                        capitalize(&doc_nl),
                        t.slice(m).split_whitespace().collect::<Vec<_>>().join(" ")
                    ),
                )
                .help(
                    "Beschrijf de grondslag van de beperking, het legitieme doel, waarom zij noodzakelijk en \
                     proportioneel is en waarom een minder ingrijpend middel niet volstaat (Ar 4.43, onder g).",
                ),
            );
            break;
        }

        // 1. No word on higher law in a memorie van toelichting.
        let mvt = matches!(
            common::instrument(ctx),
            DocumentKind::Wet | DocumentKind::Wijzigingsregeling
        ) || t.doc.kind() == DocumentKind::MemorieVanToelichting;
        let sectie = !ctx.sections_with(SectionKey::HogerRecht).is_empty();
        let genoemd = sectie || eigen.iter().any(|z| z.heeft(&HOGER_RECHT));
        if !genoemd && (mvt || beperkingen > 0) {
            let mut f = Finding::new(
                Which::Toelichting,
                common::anker(ctx, &[SectionKey::NationaalRecht, SectionKey::Hoofdlijnen]),
                format!(
                    "{} gaat niet in op de verhouding tot hoger recht (Grondwet, EVRM, Handvest, Unierecht) (Ar \
                     4.43, onder g).",
                    capitalize(&doc_nl)
                ),
            )
            .help(
                "Beschrijf welke grondrechten en welk Unie- of verdragsrecht het voorstel raakt en of het daarmee \
                 verenigbaar is; zeg het ook als het voorstel geen hoger recht raakt.",
            );
            if let Some(fix) = insert_section_fix(
                ctx,
                "Verhouding tot hoger recht",
                "[Welke grondrechten (Grondwet, EVRM, Handvest) en welk Unie- of verdragsrecht raakt het voorstel? \
                 Is een beperking noodzakelijk en evenredig? Is het voorstel verenigbaar met het Unierecht?]",
            ) {
                f = f.fix(fix);
            }
            out.push(f);
        }

        // 3. The checklist of other quality requirements (PROC-010).
        let eisen = kwaliteitseisen(ctx, &eigen);
        if eisen.is_empty() {
            return;
        }
        let Some(r) = ctx.regeling else { return };
        let lijst: Vec<String> = eisen
            .iter()
            .map(|e| {
                format!(
                    "{} ({}: '{}')",
                    e.naam,
                    plichten::article_label(r.doc, e.article),
                    e.woord
                )
            })
            .collect();
        let mut f = Finding::new(
            Which::Toelichting,
            common::titel(t.doc),
            format!(
                "Kwaliteitseisen die kunnen gelden en die {doc_nl} niet zichtbaar behandelt: {} (PROC-010).",
                lijst.join("; ")
            ),
        )
        .help(
            "Ga per eis na of zij van toepassing is, en schrijf in de toelichting hoe zij is behandeld of waarom zij \
             niet van toepassing is (Beleidskompas, verplichte kwaliteitseisen).",
        );
        for e in &eisen {
            f = f.related(
                Which::Regeling,
                e.span,
                format!(
                    "{}: {}",
                    capitalize(&plichten::article_label(r.doc, e.article)),
                    e.naam
                ),
            );
        }
        out.push(f);
    }
}

/// The quality requirements the regulation triggers and the toelichting does not address.
fn kwaliteitseisen(ctx: &Context<'_>, eigen: &[&Zin]) -> Vec<Eis> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let behandeld = |re: &Regex| eigen.iter().any(|z| z.heeft(re));
    let mut eisen = Vec::new();
    let sancties = plichten::sanctiebepalingen(ctx);
    if let Some(s) = sancties.iter().find(|s| s.soort != Sanctiesoort::Toezicht)
        && !behandeld(&SANCTIESTELSEL_T)
    {
        eisen.push(Eis {
            naam: "Keuze van een sanctiestelsel",
            article: s.article,
            span: s.span,
            woord: woorden(r.slice(s.span)),
        });
    }
    let zinnen = plichten::artikelzinnen(r, false);
    let eerste = |re: &Regex| {
        zinnen.iter().find_map(|(a, s)| {
            let n = NormalizedText::new(r.slice(*s));
            re.find(n.as_str()).map(|m| {
                let o = n.to_original(m.range());
                (*a, Span::new(s.start + o.start, s.start + o.end))
            })
        })
    };
    if let Some((a, span)) = eerste(&KOSTEN_W)
        && !behandeld(&KOSTEN_T)
    {
        eisen.push(Eis {
            naam: "Doorberekenen van toelatings- en handhavingskosten",
            article: a,
            span,
            woord: woorden(r.slice(span)),
        });
    }
    let straf = sancties
        .iter()
        .find(|s| s.soort == Sanctiesoort::Strafbaarstelling)
        .map(|s| (s.article, s.span));
    if let Some((a, span)) = straf.or_else(|| eerste(&RECHTSGANG_W))
        && !behandeld(&RECHTSPRAAK_T)
        && !ctx
            .toetsen(Which::Toelichting)
            .iter()
            .any(|h| h.toets_id == "rechtspraak")
    {
        eisen.push(Eis {
            naam: "Gevolgen voor de rechtspraak",
            article: a,
            span,
            woord: woorden(r.slice(span)),
        });
    }
    if let Some((a, span)) = eerste(&NOTIFICATIE_W)
        && !behandeld(&NOTIFICATIE_T)
    {
        eisen.push(Eis {
            naam: "Notificatie van technische voorschriften",
            article: a,
            span,
            woord: woorden(r.slice(span)),
        });
    }
    eisen
}

/// The trigger as written, at most six words.
fn woorden(s: &str) -> String {
    let w: Vec<&str> = s.split_whitespace().collect();
    if w.len() <= 6 {
        w.join(" ")
    } else {
        format!("{} …", w[..6].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        let n = |s: &str| wetlint_data::normalize::normalize(s);
        assert!(BEPERKING.is_match(&n("Die verwerking is een beperking van het recht op eerbiediging van de persoonlijke levenssfeer.")));
        let b = n("Dit is een beperking van het recht op kinderbijslag.");
        assert!(BEPERKING.is_match(&b) && !GRONDRECHT.is_match(&b));
        assert!(NOODZAAK.is_match(&n("De beperking is noodzakelijk en proportioneel.")));
        assert!(KOSTEN_W.is_match(&n(
            "Voor de behandeling van een aanvraag zijn leges verschuldigd."
        )));
        assert!(RECHTSGANG_W.is_match(&n("Tegen een besluit kan beroep worden ingesteld bij het College van Beroep voor het bedrijfsleven.")));
        assert!(NOTIFICATIE_W.is_match(&n(
            "Het is verboden een apparaat in de handel te brengen dat niet voldoet aan …"
        )));
        assert!(HOGER_RECHT.is_match(&n(
            "Het voorstel is verenigbaar met artikel 10 van de Grondwet."
        )));
        assert_eq!(woorden("a b c d e f g"), "a b c d e f …");
    }
}
