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
    pub struct InvoeringstermijnVvm {
        code: "UITV-006",
        name: "invoeringstermijn-vvm",
        category: Category::Uitvoering,
        summary: "Inwerkingtreding niet afgestemd op de uitvoering en de vaste verandermomenten",
        severity: [W, W, W, OFF],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.17", "4.21"],
    }
}

impl Rule for InvoeringstermijnVvm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
