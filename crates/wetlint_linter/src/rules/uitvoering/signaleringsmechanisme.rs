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
    pub struct Signaleringsmechanisme {
        code: "UITV-007",
        name: "signaleringsmechanisme",
        category: Category::Uitvoering,
        summary: "Geen beschrijving van hoe signalen over onuitvoerbaarheid worden opgepakt",
        severity: [I, I, I, OFF],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &[],
    }
}

impl Rule for Signaleringsmechanisme {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
