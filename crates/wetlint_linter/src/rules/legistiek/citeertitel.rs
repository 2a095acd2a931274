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
    pub struct Citeertitel {
        code: "LEG-008",
        name: "citeertitel",
        category: Category::Legistiek,
        summary: "Een nieuwe regeling heeft geen (juiste) citeertitel",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["4.24", "4.25"],
        aliases: &[],
    }
}

impl Rule for Citeertitel {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
