use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, DocumentKind};

use super::common::{self, Zin, re};
use crate::rule::{Category, OFF, Rule, RuleMeta, Scope, Status, W};
use crate::text::{capitalize, insert_section_fix, join_nl};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of het algemeen deel van de toelichting de vier stappen van de
    /// beleidsanalyse zet:
    /// - het **probleem**: "probleem", "problematiek", "knelpunt", "misstand",
    ///   "tekortkoming", "aanleiding";
    /// - het **doel**: "doel", "doelstelling", "beoogt", "heeft tot doel",
    ///   "strekt ertoe", "streeft";
    /// - de **alternatieven**: "alternatieven", "varianten", "opties",
    ///   "overwogen", "andere instrumenten", "zelfregulering", "nuloptie";
    /// - de **keuze van het instrument**: "instrument", "een wettelijke regeling
    ///   is nodig", "nut en noodzaak", "gekozen voor", "de keuze voor",
    ///   "voorkeursoptie".
    ///
    /// Koppen tellen mee ("2.4 Overwogen alternatieven"). Eén melding noemt wat
    /// ontbreekt. Noemt de toelichting het regeer- of coalitieakkoord als enige
    /// aanleiding, zonder het probleem zelf te beschrijven, dan zegt de melding
    /// dat ook; is dat het enige gebrek, dan is het een hint (info).
    ///
    /// De keuze van het instrument volgt ook uit een beslissing tussen de
    /// alternatieven ("Daarvan is afgezien, omdat …", "is niet gekozen").
    ///
    /// De regel zwijgt zonder toelichting, bij een toelichting die zichzelf in
    /// de inleiding een (wets)technische wijziging, reparatie, indexering of
    /// beleidsneutrale aanpassing noemt (de lijst `technisch-profiel`), en bij
    /// een algemene maatregel van bestuur of ministeriële regeling ter
    /// uitvoering van een wet ("ter uitvoering van", "Dit besluit werkt … uit"):
    /// probleem, doel en alternatieven staan dan in de memorie van toelichting
    /// bij de wet. Bij een andere nota van toelichting of toelichting bij een
    /// ministeriële regeling is de melding een hint (info).
    ///
    /// ## Waarom
    /// De toelichting beschrijft de doelstellingen en de noodzaak van
    /// overheidsingrijpen, met de overwogen varianten en de keuze van het
    /// instrument (Aanwijzing 4.43, onder a en b). Het Beleidskompas zet
    /// dezelfde stappen (probleem, doel, opties, gevolgen, voorkeursoptie), en de
    /// Raad van State toetst beleidsanalytisch of het probleem, de aanpak en de
    /// keuze voor wetgeving overtuigend zijn onderbouwd. "Het alleen noemen van
    /// het regeerakkoord als motivering is onvoldoende" (Schrijfwijzer).
    ///
    /// ## Voorbeeld
    /// Een memorie van toelichting die de inhoud van het voorstel beschrijft en
    /// zegt dat het "uitvoering geeft aan het coalitieakkoord", maar geen
    /// probleem beschrijft en geen alternatieven noemt.
    ///
    /// ## In plaats daarvan
    /// Een paragraaf "Hoofdlijnen" met: het probleem (met feiten en cijfers), het
    /// doel (liefst meetbaar), de overwogen alternatieven, ook niet-wettelijke
    /// zoals zelfregulering of voorlichting, en waarom voor deze regeling is
    /// gekozen.
    ///
    /// ## Bron
    /// Aanwijzing 4.43, onder a en b, van de Aanwijzingen voor de regelgeving;
    /// Beleidskompas (vijf stappen); Schrijfwijzer memorie van toelichting §3;
    /// toetsingskader van de Afdeling advisering van de Raad van State.
    pub struct ProbleemDoelAlternatieven {
        code: "PROC-007",
        name: "probleem-doel-alternatieven",
        category: Category::Proces,
        summary: "Probleem, doel of alternatieven ontbreken in de toelichting",
        severity: [W, W, W, OFF],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &["4.43"],
        aliases: &[],
    }
}

static PROBLEEM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bprobleem\w*|\bproblemen\b|\bproblematiek\b|\bknelpunt\w*|\bmisstand\w*|\btekortkoming\w*|\baanleiding\b|\bniet-gebruik\b|\bonvoldoende\b[^.;]{0,40}?\b(?:bereikt|werkt|geregeld|beschermd)\b",
    )
});
/// Problem words that count in a heading ("Probleemstelling", "Knelpunten").
static PROBLEEM_KOP: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bprobleem\w*|\bproblemen\b|\bproblematiek\b|\bknelpunt\w*"));
static DOEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bdoel\b|\bdoelen\b|\bdoelstelling\w*|\bbeoogt\b|\bbeogen\b|\bheeft tot doel\b|\bstrekt ertoe\b|\bstreeft\b|\bstreven\b|\b(?:is|zijn) erop gericht\b",
    )
});
static ALTERNATIEVEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\balternatie(?:f|ve|ven)\b|\bvariant(?:en)?\b|\bbeleidsopties?\b|\bopties?\b|\boverwogen\b|\bandere instrumenten\b|\bander instrument\b|\bzelfregulering\b|\bniet-wettelijke\b|\bnuloptie\b|\b(?:is|zijn) (?:ook )?bezien\b",
    )
});
static INSTRUMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\binstrument\w*|\b(?:wettelijke|formele) (?:regeling|grondslag|basis|wet)\b[^.;]{0,30}?\b(?:nodig|noodzakelijk|vereist|aangewezen)\b|\b(?:wet|regel)geving (?:is )?(?:nodig|noodzakelijk|vereist)\b|\bnoodzaak (?:van|tot) (?:wet|regel)geving\b|\bnut en noodzaak\b|\bvoorkeursoptie\b|\bgekozen voor\b|\bkeuze voor\b|\bkiest\b[^.;]{0,30}?\bvoor\b|\b(?:hiervoor|daarvoor|ervoor) (?:is )?gekozen\b|\bregeling bij (?:wet|algemene maatregel van bestuur|ministeriële regeling)\b",
    )
});
/// A decision between the alternatives ("Daarvan is afgezien, omdat …"): the
/// choice of the instrument follows from it.
static BESLISSING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bafgezien\b|\b(?:niet )?(?:voor )?gekozen\b|\bverworpen\b|\bde voorkeur\b|\bvalt de keuze\b|\bkiest\b|\bniet (?:geschikt|doeltreffend|haalbaar|wenselijk)\b",
    )
});
/// The coalition agreement as a reason.
static AKKOORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:regeerakkoord|coalitieakkoord|hoofdlijnenakkoord|regeerprogramma)\w*")
});

impl Rule for ProbleemDoelAlternatieven {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let zinnen = common::zinnen(t);
        let algemeen: Vec<&Zin> = zinnen
            .iter()
            .filter(|z| z.eigen() && !z.artikelsgewijs)
            .collect();
        if algemeen.is_empty() {
            return;
        }
        // A technical regulation, by its own introduction.
        let inleiding = ctx.sections_with(SectionKey::Inleiding);
        let technisch = algemeen
            .iter()
            .take(6)
            .chain(
                algemeen
                    .iter()
                    .filter(|z| z.section.is_some_and(|s| inleiding.contains(&s))),
            )
            .any(|z| common::signaal_in(ctx, "technisch-profiel", z.span));
        if technisch || common::is_uitvoeringsregeling(ctx) {
            return;
        }

        let has = |r: &Regex| algemeen.iter().any(|z| z.heeft(r));
        // A problem stated only as "het coalitieakkoord is de aanleiding" does not count.
        let akkoord = algemeen.iter().find(|z| z.heeft(&AKKOORD)).map(|z| z.span);
        // A heading "Aanleiding" alone says nothing about the problem.
        let probleem = algemeen.iter().any(|z| {
            z.heeft(&PROBLEEM)
                && !z.heeft(&AKKOORD)
                && (z.kind != BlockKind::Heading || z.heeft(&PROBLEEM_KOP))
        });
        let alleen_akkoord = !probleem && akkoord.is_some();
        let mut ontbreekt: Vec<String> = Vec::new();
        if !probleem {
            ontbreekt.push("het probleem".to_string());
        }
        if !has(&DOEL) {
            ontbreekt.push("het doel".to_string());
        }
        if !has(&ALTERNATIEVEN) {
            ontbreekt.push("de overwogen alternatieven".to_string());
        }
        let beslist = algemeen
            .iter()
            .any(|z| z.heeft(&ALTERNATIEVEN) && z.heeft(&BESLISSING))
            || (has(&ALTERNATIEVEN) && has(&BESLISSING));
        if !has(&INSTRUMENT) && !beslist {
            ontbreekt.push("de keuze van het instrument".to_string());
        }
        if ontbreekt.is_empty() {
            return;
        }
        let doc_nl = common::document_nl(t.doc);
        let mut message = format!(
            "{} beschrijft {} niet (Ar 4.43, onder a en b).",
            capitalize(&doc_nl),
            join_nl(&ontbreekt)
        );
        if alleen_akkoord {
            message = format!(
                "{} noemt het regeer- of coalitieakkoord als aanleiding, maar beschrijft {} niet (Ar 4.43, onder a en \
                 b).",
                capitalize(&doc_nl),
                join_nl(&ontbreekt)
            );
        }
        let hoofdlijnen = common::eerste_sectie(ctx, SectionKey::Hoofdlijnen);
        let anchor = common::anker(ctx, &[SectionKey::Hoofdlijnen, SectionKey::Inleiding]);
        let mut f = Finding::new(Which::Toelichting, anchor, message).help(
            "Beschrijf het probleem (met feiten), het doel, de overwogen alternatieven (ook niet-wettelijke, zoals \
             zelfregulering) en waarom voor deze regeling is gekozen. Het noemen van het regeerakkoord alleen is \
             geen motivering (Schrijfwijzer).",
        );
        if let Some(span) = akkoord
            && alleen_akkoord
        {
            f = f.related(
                Which::Toelichting,
                span,
                "Hier wordt het akkoord als aanleiding genoemd",
            );
        }
        let kort = !matches!(
            common::instrument(ctx),
            DocumentKind::Wet | DocumentKind::Wijzigingsregeling | DocumentKind::Unknown
        );
        if kort || (alleen_akkoord && ontbreekt.len() == 1) {
            f = f.at_most(Severity::Info);
        }
        if hoofdlijnen.is_none()
            && let Some(fix) = insert_section_fix(
                ctx,
                "Hoofdlijnen van het voorstel",
                "[Welk probleem lost het voorstel op (feiten, cijfers)? Wat is het doel? Welke alternatieven zijn \
                 overwogen, ook niet-wettelijke? Waarom is voor deze regeling gekozen?]",
            )
        {
            f = f.fix(fix);
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        let n = |s: &str| wetlint_data::normalize::normalize(s);
        assert!(PROBLEEM.is_match(&n(
            "De bestaande ondersteuning bereikt deze groep onvoldoende; het probleem is …"
        )));
        assert!(DOEL.is_match(&n("Het voorstel beoogt het niet-gebruik terug te dringen.")));
        assert!(ALTERNATIEVEN.is_match(&n("Het kabinet heeft vier alternatieven overwogen.")));
        assert!(INSTRUMENT.is_match(&n("Een formele wet is nodig, omdat …")));
        assert!(AKKOORD.is_match(&n("Dit voorstel geeft uitvoering aan het coalitieakkoord.")));
    }
}
