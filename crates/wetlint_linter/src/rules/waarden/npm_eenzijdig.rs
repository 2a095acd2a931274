use std::sync::LazyLock;

use wetlint_data::ValueGroup;
use wetlint_regex::Regex;
use wetlint_syntax::Span;

use super::analyse::{self, HitRole};
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::text::join_nl;
use crate::{Context, Finding, Findings, Which};

/// An explicit statement that other public values play no part
/// (comply or explain), together with an explanation marker.
static EXPLAINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:publieke|andere|overige) waarden?\b").expect("valid regex")
});

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting alleen doeltreffendheid en doelmatigheid onderbouwt.
    /// De regel meldt het als de toelichting wel een argument geeft voor
    /// doeltreffendheid, effectiviteit, doelmatigheid, efficiëntie,
    /// kosteneffectiviteit, een besparing of budgetneutraliteit, maar voor geen
    /// enkele andere publieke waarde uit de sturingsvisie: rechtmatigheid,
    /// rechtvaardigheid, menselijke maat, dienstbaarheid, toegankelijkheid,
    /// transparantie, vertrouwen, betrouwbaarheid, enzovoort. Onderbouwd betekent:
    /// de waarde staat in de lopende tekst met een argument ("omdat", "doordat",
    /// "zodat", "draagt bij aan", "waarborgt", "afweging", …) in dezelfde of de
    /// volgende zin.
    ///
    /// De regel zwijgt als:
    /// - doeltreffendheid alleen voorkomt in de standaardzin van de
    ///   evaluatiebepaling ("een verslag over de doeltreffendheid en de effecten
    ///   van deze wet in de praktijk") of van artikel 3.1 Comptabiliteitswet 2016;
    ///   die zinnen zijn neutraal;
    /// - de regeling zich presenteert als puur technisch: "indexering",
    ///   "technische wijziging", "wetstechnische wijziging", "reparatie",
    ///   "beleidsneutraal" in de titel, de inleiding of de eerste paragraaf van de
    ///   toelichting;
    /// - de toelichting uitdrukkelijk uitlegt waarom andere publieke waarden geen
    ///   rol spelen ("Omdat dit besluit alleen … wijzigt, raakt het geen andere
    ///   publieke waarden.").
    ///
    /// ## Waarom
    /// De sturingsvisie van BZK (2025) vraagt te sturen op een brede set publieke
    /// waarden, niet alleen op doeltreffendheid en doelmatigheid. De
    /// BZK-begroting 2024 neemt afscheid van New Public Management als
    /// uitgangspunt. Een toelichting die alleen rendement en kosten onderbouwt,
    /// laat de Kamer en de Raad van State raden naar wat het voorstel betekent
    /// voor rechtmatigheid, rechtvaardigheid of de menselijke maat.
    ///
    /// ## Voorbeeld
    /// "De nieuwe werkwijze is doelmatiger, omdat de beoordeling volledig
    /// geautomatiseerd verloopt. Daardoor dalen de uitvoeringskosten met
    /// € 4 miljoen per jaar." En verder in de toelichting geen argument over
    /// andere waarden.
    ///
    /// ## In plaats daarvan
    /// Licht ook de andere waarden toe die het voorstel raakt, met een reden:
    /// "De geautomatiseerde beoordeling mag niet ten koste gaan van de menselijke
    /// maat. Daarom kan de aanvrager altijd vragen om beoordeling door een
    /// medewerker." Is de regeling puur technisch, zeg dat dan in de inleiding
    /// ("Deze regeling bevat uitsluitend de jaarlijkse indexering van …"); de regel
    /// zwijgt dan.
    ///
    /// ## Bron
    /// BZK, sturingsvisie rijksoverheid (2025): sturen op een brede set publieke
    /// waarden; Binnenlands Bestuur 19 september 2023 (BZK-begroting 2024: "niet
    /// langer uitgaan van New Public Management"); catalogus §2.B.
    pub struct NpmEenzijdig {
        code: "WAARDE-002",
        name: "npm-eenzijdig",
        category: Category::Waarden,
        summary: "De toelichting onderbouwt alleen doeltreffendheid en doelmatigheid",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &[],
    }
}

impl Rule for NpmEenzijdig {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let Some(analysis) = analyse::analyse(ctx) else {
            return;
        };
        let waarden = ctx.data.waarden();
        let npm: Vec<_> = waarden
            .iter()
            .filter(|w| w.in_group(ValueGroup::Npm))
            .collect();
        let Some(first) = analysis
            .hits
            .iter()
            .filter(|h| h.argued() && npm.iter().any(|w| w.id() == h.value_id))
            .min_by_key(|h| h.range.start)
        else {
            return;
        };
        if waarden
            .iter()
            .filter(|w| analyse::is_non_npm_value(w))
            .any(|w| analysis.argued(w.id()))
        {
            return;
        }
        if analyse::technical_profile(ctx).is_some()
            || analyse::explanation(ctx, &EXPLAINED).is_some()
        {
            return;
        }
        // The NPM words as written, in order of appearance.
        let mut forms: Vec<String> = Vec::new();
        for h in analysis
            .hits
            .iter()
            .filter(|h| h.argued() && npm.iter().any(|w| w.id() == h.value_id))
        {
            let word = t.text.get(h.range.clone()).unwrap_or(h.form).to_lowercase();
            if !forms.contains(&word) {
                forms.push(word);
            }
        }
        let shown: Vec<String> = forms.iter().take(4).map(|f| format!("'{f}'")).collect();
        // Non-NPM values that are named without an argument: the obvious place to start.
        let named: Vec<String> = waarden
            .iter()
            .filter(|w| analyse::is_non_npm_value(w) && analysis.named(w.id()))
            .map(analyse::name_nl)
            .collect();
        let anchor = first
            .sentence
            .unwrap_or(Span::new(first.range.start, first.range.end));
        let mut message = format!(
            "De {} onderbouwt alleen doeltreffendheid en doelmatigheid: {}, eerst in {}. Een argument voor een \
             andere publieke waarde, zoals rechtmatigheid, rechtvaardigheid, dienstbaarheid of de menselijke maat, \
             ontbreekt.",
            t.doc.kind().label_nl(),
            join_nl(&shown),
            analyse::section_label(ctx, first.section),
        );
        if !named.is_empty() {
            message.push_str(&format!(
                " Wel genoemd, maar niet onderbouwd: {}.",
                join_nl(&named)
            ));
        }
        let mut f = Finding::new(Which::Toelichting, anchor, message).help(
            "Leg met een reden uit wat het voorstel betekent voor de andere waarden die het raakt, bijvoorbeeld: \
             'De automatische beoordeling mag niet ten koste gaan van de menselijke maat; daarom kan de aanvrager \
             altijd om beoordeling door een medewerker vragen.' Is de regeling puur technisch (indexering, \
             reparatie), zeg dat dan in de inleiding.",
        );
        let mut seen: Vec<&str> = Vec::new();
        for h in analysis
            .hits
            .iter()
            .filter(|h| h.role == HitRole::Body && analyse::is_non_npm_value_id(ctx, h.value_id))
        {
            if seen.len() == 3 || seen.contains(&h.value_id) {
                continue;
            }
            seen.push(h.value_id);
            let name = ctx
                .data
                .waarde(h.value_id)
                .map(analyse::name_nl)
                .unwrap_or_default();
            f = f.related(
                Which::Toelichting,
                Span::new(h.range.start, h.range.end),
                format!("{name}: genoemd zonder argument"),
            );
        }
        out.push(f);
    }
}
