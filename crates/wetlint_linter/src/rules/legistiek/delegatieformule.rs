use std::collections::BTreeSet;
use std::sync::LazyLock;

use wetlint_data::Vorm;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{DocumentKind, Span};

use super::slot::{article_blocks, article_name, in_quotes, is_checked_regulation, own_blocks};
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::text::sentences;
use crate::{Context, Finding, Findings, Source, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of delegatiebepalingen en de bepalingen eromheen de formules van de
    /// Aanwijzingen gebruiken:
    ///
    /// - regelgevende bevoegdheid voor een minister wordt toegekend met "bij
    ///   ministeriële regeling" of "bij regeling van Onze Minister van …", niet
    ///   met "Onze Minister kan (nadere) regels stellen" (Ar 2.28; info);
    /// - geen mandaat van de bevoegdheid om algemeen verbindende voorschriften
    ///   vast te stellen (Ar 2.30; waarschuwing);
    /// - "in overleg met" een minister wordt vermeden: schrijf "in
    ///   overeenstemming met" (instemming nodig) of "na overleg met" (alleen
    ///   overleg) (aanwijzing 31 (2012); info);
    /// - een zelfstandig bestuursorgaan dat regels stelt zonder goedkeuring
    ///   door een minister (aanwijzing 124c (2012): alleen organisatorische of
    ///   technische onderwerpen, of met goedkeuring; info).
    ///
    /// De regel zwijgt in ministeriële regelingen en beleidsregels (daar stelt
    /// de minister zelf de regels), bij tekst tussen aanhalingstekens, bij een
    /// verbod op mandaat ("geen mandaat"), bij "in overleg met" iemand anders
    /// dan een minister ("in overleg met de brandweer"), en bij een
    /// zbo-regeling waarvoor het artikel goedkeuring regelt. De keuze tussen
    /// "regels" en "nadere regels" controleert de regel niet: of het onderwerp
    /// al deels is geregeld, is uit de tekst niet betrouwbaar af te leiden.
    ///
    /// ## Waarom
    /// De delegatieformules laten in één oogopslag zien wie regels mag stellen
    /// en of verdere delegatie is toegestaan. Een afwijkende formule maakt dat
    /// onzeker. Mandaat van regelgevende bevoegdheid ondermijnt de politieke
    /// verantwoordelijkheid van de bewindspersoon. "In overleg met" laat in het
    /// midden of de andere minister moet instemmen.
    ///
    /// ## Voorbeeld
    /// "Onze Minister kan nadere regels stellen over de aanvraag." Of: "Bij
    /// ministeriële regeling worden, in overleg met Onze Minister van
    /// Financiën, regels gesteld over …"
    ///
    /// ## In plaats daarvan
    /// "Bij ministeriële regeling kunnen nadere regels worden gesteld over de
    /// aanvraag." en "Bij regeling van Onze Minister worden, in
    /// overeenstemming met Onze Minister van Financiën, regels gesteld over …"
    ///
    /// ## Bron
    /// Aanwijzingen 2.26, 2.28 en 2.30; aanwijzingen 31 en 124c (2012).
    pub struct Delegatieformule {
        code: "LEG-012",
        name: "delegatieformule",
        category: Category::Legistiek,
        summary: "Een delegatiebepaling volgt de formules van de Aanwijzingen niet",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["2.26", "2.28", "2.30"],
        aliases: &[],
    }
}

static MINISTER_REGELS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:Onze|de)\s+Ministers?\b(?:\s+(?:van|voor)\s+[A-Z][\w,]*(?:\s+(?:[A-Z][\w,]*|en))*)?\s+(?:kan|kunnen|stelt|stellen)\s+(?:\w+\s+){0,3}?(?:nadere\s+)?regels\b(?:\s+(?:\w+\s+){0,2}?stellen\b)?|\bdoor\s+(?:Onze|de)\s+Ministers?\b(?:\s+(?:van|voor)\s+[A-Z][\w,]*(?:\s+(?:[A-Z][\w,]*|en))*)?\s+(?:(?:kunnen|worden|kan|wordt)\s+)?(?:nadere\s+)?regels\s+(?:worden\s+|kunnen\s+worden\s+)?gesteld\b",
    )
    .expect("valid regex")
});
/// The sentence uses the formula after all ("Onze Minister stelt bij ministeriële regeling regels").
static FORMULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bbij\s+(?:ministeriële\s+)?regeling\b").expect("valid regex")
});
/// "stelt de regels, bedoeld in …, vast": adopting delegated rules, not granting power.
static VASTSTELLEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*,?\s*bedoeld\s+in\b|\bvast\s*[.;]").expect("valid regex"));
static MANDAAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bmandaat\b[^.;]{0,100}\b(?:regels|algemeen\s+verbindende\s+voorschriften|ministeriële\s+regelingen?|regelingen)\b|\b(?:regels|algemeen\s+verbindende\s+voorschriften|ministeriële\s+regelingen?)\b[^.;]{0,80}\b(?:in\s+mandaat|mandaat\s+(?:worden|wordt)\s+verleend|gemandateerd)\b",
    )
    .expect("valid regex")
});
static GEEN_MANDAAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:geen|niet|nimmer|uitgezonderd|behoudens|met\s+uitzondering\s+van)\b")
        .expect("valid regex")
});
static IN_OVERLEG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[Ii]n\s+overleg\s+met\s+(?:Onze|de|onze)\s+(?:Ministers?|Minister-President|Staatssecretaris|minister|ministers)\b")
        .expect("valid regex")
});
/// "in overleg treden met": entering into consultation, a different verb.
static IN_OVERLEG_TREDEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:treedt|treden|trad|traden|getreden|te\s+treden)\b[^.;]{0,220}\bin\s+overleg\b|\bin\s+overleg\s+(?:treedt|treden|te\s+treden)\b")
        .expect("valid regex")
});
/// The verb of a zbo that sets rules, right after its name.
static ZBO_REGELS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:\([^)]{0,40}\)\s*)?(?:stelt|stellen)\s+(?:\w+\s+){0,3}?(?:nadere\s+)?regels\b|^\s*(?:\([^)]{0,40}\)\s*)?(?:kan|kunnen)\s+(?:\w+\s+){0,4}?(?:nadere\s+)?regels\s+(?:\w+\s+){0,2}?stellen\b",
    )
    .expect("valid regex")
});

impl Rule for Delegatieformule {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let doc = r.doc;
        if !is_checked_regulation(doc)
            || matches!(
                doc.kind(),
                DocumentKind::MinisterieleRegeling | DocumentKind::Beleidsregel
            )
        {
            return;
        }
        let info = |f: Finding| f.at_most(Severity::Info);
        for (index, b) in own_blocks(doc) {
            let a = &doc.articles[index];
            for s in sentences(r.text, b.text) {
                let t = r.slice(s);
                let q = |m: &regex::Match<'_>| in_quotes(r.text, b.text, s.start + m.start());
                if let Some(m) = MINISTER_REGELS.find(t)
                    && !q(&m)
                    && !t.contains("Minister-President")
                    && !t[..m.start()].trim_end().ends_with("regeling van")
                    && !VASTSTELLEN.is_match(&t[m.end()..])
                    && !FORMULE.is_match(t)
                {
                    out.push(info(
                        Finding::new(
                            Which::Regeling,
                            s,
                            format!(
                                "{} kent een minister regelgevende bevoegdheid toe zonder de formule \"bij ministeriële \
                                 regeling\" of \"bij regeling van Onze Minister\".",
                                crate::text::capitalize(&article_name(a))
                            ),
                        )
                        .help(
                            "Schrijf bijvoorbeeld \"Bij ministeriële regeling kunnen (nadere) regels worden gesteld over …\" \
                             of, als niet vanzelf spreekt welke minister, \"Bij regeling van Onze Minister van … \" (Ar 2.28).",
                        ),
                    ));
                }
                if let Some(m) = MANDAAT.find(t)
                    && !q(&m)
                    && !GEEN_MANDAAT.is_match(t)
                {
                    out.push(
                        Finding::new(
                            Which::Regeling,
                            s,
                            format!(
                                "{} maakt mandaat mogelijk van de bevoegdheid om algemeen verbindende voorschriften vast te stellen.",
                                crate::text::capitalize(&article_name(a))
                            ),
                        )
                        .help(
                            "In een regeling wordt niet voorzien in mandaat van regelgevende bevoegdheid; de politiek \
                             verantwoordelijke bewindspersoon stelt de regeling zelf vast (Ar 2.30).",
                        )
                        .at_most(Severity::Warning),
                    );
                }
                if let Some(m) = IN_OVERLEG.find(t)
                    && !q(&m)
                    && !IN_OVERLEG_TREDEN.is_match(t)
                {
                    let span = Span::new(s.start + m.start(), s.start + m.end());
                    out.push(info(
                        Finding::new(
                            Which::Regeling,
                            span,
                            "\"In overleg met\" laat open of de andere minister moet instemmen.",
                        )
                        .help(
                            "Schrijf \"in overeenstemming met\" als instemming nodig is, en anders \"na overleg met\" \
                             (aanwijzing 31 (2012)).",
                        ),
                    ));
                }
            }
        }
        zbo_regels(ctx, &r, out);
    }
}

/// A zbo that sets rules without ministerial approval.
fn zbo_regels(ctx: &Context<'_>, r: &Source<'_>, out: &mut Findings) {
    let doc = r.doc;
    let zbo_hits: Vec<_> = ctx
        .orgs(Which::Regeling)
        .iter()
        .filter(|h| {
            ctx.data
                .organisatie(h.org_id)
                .is_some_and(|o| o.vorm == Vorm::Zbo)
        })
        .collect();
    if zbo_hits.is_empty() {
        return;
    }
    let mut seen = BTreeSet::new();
    for (index, b) in own_blocks(doc) {
        for s in sentences(r.text, b.text) {
            // The zbo is the subject: its name is directly followed by the verb,
            // or it follows "bij regeling van".
            let hit = zbo_hits.iter().find(|h| {
                if h.range.start < s.start || h.range.end > s.end {
                    return false;
                }
                let after = r.text.get(h.range.end..s.end).unwrap_or("");
                let before = r
                    .text
                    .get(s.start..h.range.start)
                    .unwrap_or("")
                    .to_lowercase();
                ZBO_REGELS.is_match(after)
                    || before.trim_end().ends_with("bij regeling van de")
                    || before.trim_end().ends_with("bij regeling van het")
            });
            let Some(hit) = hit else { continue };
            if in_quotes(r.text, b.text, hit.range.start) {
                continue;
            }
            let approval = article_blocks(doc, index)
                .any(|b| r.slice(b.text).to_lowercase().contains("goedkeuring"));
            if approval || !seen.insert(index) {
                continue;
            }
            let name = r
                .text
                .get(hit.range.clone())
                .unwrap_or(hit.form)
                .to_string();
            out.push(
                Finding::new(
                    Which::Regeling,
                    s,
                    format!(
                        "{} geeft een zelfstandig bestuursorgaan ({name}) de bevoegdheid regels te stellen, zonder goedkeuring door een minister.",
                        crate::text::capitalize(&article_name(&doc.articles[index]))
                    ),
                )
                .help(
                    "Regelgevende bevoegdheid voor een zbo alleen voor organisatorische of technische onderwerpen, of met \
                     goedkeuring door een minister; motiveer de keuze in de toelichting (aanwijzing 124c (2012)).",
                )
                .at_most(Severity::Info),
            );
        }
    }
}
