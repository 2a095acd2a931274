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
    pub struct FinancieleGevolgenDecentraalOntbreekt {
        code: "UITV-004",
        name: "financiele-gevolgen-decentraal-ontbreekt",
        category: Category::Uitvoering,
        summary: "Taken voor decentrale overheden zonder uitspraak over de financiële gevolgen voor hen",
        severity: [W, W, E, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.46"],
    }
}

impl Rule for FinancieleGevolgenDecentraalOntbreekt {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
