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
    pub struct OnzeMinisterOngedefinieerd {
        code: "LEG-006",
        name: "onze-minister-ongedefinieerd",
        category: Category::Legistiek,
        summary: "\"Onze Minister\" wordt gebruikt zonder definitie",
        severity: [E, E, E, W],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["3.23"],
        aliases: &[],
    }
}

impl Rule for OnzeMinisterOngedefinieerd {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
