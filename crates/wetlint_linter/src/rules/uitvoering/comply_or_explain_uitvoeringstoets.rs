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
    pub struct ComplyOrExplainUitvoeringstoets {
        code: "UITV-005",
        name: "comply-or-explain-uitvoeringstoets",
        category: Category::Uitvoering,
        summary: "Negatieve of voorwaardelijke uitkomst van een toets zonder vermelde opvolging",
        severity: [W, W, E, OFF],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &["4.44"],
    }
}

impl Rule for ComplyOrExplainUitvoeringstoets {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
