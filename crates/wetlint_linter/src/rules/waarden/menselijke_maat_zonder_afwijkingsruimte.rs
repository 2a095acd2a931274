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
    pub struct MenselijkeMaatZonderAfwijkingsruimte {
        code: "WAARDE-005",
        name: "menselijke-maat-zonder-afwijkingsruimte",
        category: Category::Waarden,
        summary: "Gebonden nadelige gevolgen voor burgers zonder ruimte voor de menselijke maat",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["5.25", "5.26", "2.11", "2.14"],
    }
}

impl Rule for MenselijkeMaatZonderAfwijkingsruimte {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
