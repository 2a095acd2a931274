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
    pub struct BegripGedefinieerdNietGebruikt {
        code: "LEG-004",
        name: "begrip-gedefinieerd-niet-gebruikt",
        category: Category::Legistiek,
        summary: "Een begrip wordt gedefinieerd maar nergens gebruikt",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &[],
        aliases: &[],
    }
}

impl Rule for BegripGedefinieerdNietGebruikt {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
