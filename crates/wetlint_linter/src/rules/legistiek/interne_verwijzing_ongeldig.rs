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
    pub struct InterneVerwijzingOngeldig {
        code: "LEG-002",
        name: "interne-verwijzing-ongeldig",
        category: Category::Legistiek,
        summary: "Een interne verwijzing wijst naar een artikel, lid of onderdeel dat niet bestaat, of volgt de verwijzingsstijl niet",
        severity: [E, E, E, E],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["3.29"],
        aliases: &["LEG-003"],
    }
}

impl Rule for InterneVerwijzingOngeldig {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Findings) {
        // TODO: implement (placeholder until the rule is written).
    }
}
