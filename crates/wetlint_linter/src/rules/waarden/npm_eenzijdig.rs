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

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
