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
    pub struct PubliekeWaardenUitvoeringsorganisatie {
        code: "WAARDE-004",
        name: "publieke-waarden-uitvoeringsorganisatie",
        category: Category::Waarden,
        summary: "Taken voor UWV of SVB zonder aandacht voor sturing op publieke waarden",
        severity: [I, I, W, OFF],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &[],
    }
}

impl Rule for PubliekeWaardenUitvoeringsorganisatie {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
