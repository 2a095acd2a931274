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
    pub struct WaardeGenoemdNietOnderbouwd {
        code: "WAARDE-003",
        name: "waarde-genoemd-niet-onderbouwd",
        category: Category::Waarden,
        summary: "Een publieke waarde wordt alleen opgesomd, niet onderbouwd",
        severity: [I, I, I, I],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &[],
    }
}

impl Rule for WaardeGenoemdNietOnderbouwd {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
