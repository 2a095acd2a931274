use crate::rule::{Category, E, I, OFF, Rule, RuleMeta, Scope, Status, W};
use crate::{Context, Findings};

crate::declare_rule! {
    /// ## Wat het controleert
    /// TODO
    ///
    /// ## Waarom
    /// TODO
    ///
    /// ## Voorbeeld
    /// TODO
    ///
    /// ## In plaats daarvan
    /// TODO
    ///
    /// ## Bron
    /// TODO
    pub struct ArtikelsgewijzeToelichtingOntbreekt {
        code: "LEG-001",
        name: "artikelsgewijze-toelichting-ontbreekt",
        category: Category::Legistiek,
        summary: "Een artikel heeft geen artikelsgewijze toelichting",
        severity: [W, W, W, OFF],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.48", "4.42"],
        aliases: &[],
    }
}

impl Rule for ArtikelsgewijzeToelichtingOntbreekt {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
