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
    pub struct WaardenDekking {
        code: "WAARDE-001",
        name: "waarden-dekking",
        category: Category::Waarden,
        summary: "Overzicht van de publieke waarden die de toelichting noemt en onderbouwt",
        severity: [I, I, I, I],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &[],
    }
}

impl Rule for WaardenDekking {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
