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
    pub struct BegripOfAfkortingNietGedefinieerd {
        code: "LEG-005",
        name: "begrip-of-afkorting-niet-gedefinieerd",
        category: Category::Legistiek,
        summary: "Een afkorting of vakterm wordt gebruikt zonder definitie",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["5.1"],
        aliases: &[],
    }
}

impl Rule for BegripOfAfkortingNietGedefinieerd {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
