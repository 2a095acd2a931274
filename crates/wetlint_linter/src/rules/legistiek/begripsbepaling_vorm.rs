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
    pub struct BegripsbepalingVorm {
        code: "LEG-007",
        name: "begripsbepaling-vorm",
        category: Category::Legistiek,
        summary: "Een begripsbepaling wijkt af van het model of bevat normen",
        severity: [I, I, I, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["5.1", "5.3", "3.59"],
        aliases: &[],
    }
}

impl Rule for BegripsbepalingVorm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
