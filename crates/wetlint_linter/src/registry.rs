//! The list of all rules. Adding a rule: one file under `rules/<family>/`,
//! one `mod` line in that family's `mod.rs`, one line here.

use std::sync::LazyLock;

use crate::rule::{Rule, RuleMeta};
use crate::rules::{fragmentatie, legistiek, proces, uitvoering, waarden};
use crate::wl;

static RULES: LazyLock<Vec<Box<dyn Rule>>> = LazyLock::new(|| {
    vec![
        Box::new(uitvoering::uitvoeringstoets_ontbreekt::UitvoeringstoetsOntbreekt),
        Box::new(uitvoering::uitvoeringsparagraaf_ontbreekt::UitvoeringsparagraafOntbreekt),
        Box::new(uitvoering::udo_ontbreekt::UdoOntbreekt),
        Box::new(uitvoering::financiele_gevolgen_decentraal_ontbreekt::FinancieleGevolgenDecentraalOntbreekt),
        Box::new(uitvoering::comply_or_explain_uitvoeringstoets::ComplyOrExplainUitvoeringstoets),
        Box::new(uitvoering::invoeringstermijn_vvm::InvoeringstermijnVvm),
        Box::new(uitvoering::signaleringsmechanisme::Signaleringsmechanisme),
        Box::new(uitvoering::doenvermogen_ontbreekt::DoenvermogenOntbreekt),
        Box::new(uitvoering::toezicht_handhaving_paragraaf::ToezichtHandhavingParagraaf),
        Box::new(waarden::waarden_dekking::WaardenDekking),
        Box::new(waarden::npm_eenzijdig::NpmEenzijdig),
        Box::new(waarden::waarde_genoemd_niet_onderbouwd::WaardeGenoemdNietOnderbouwd),
        Box::new(waarden::publieke_waarden_uitvoeringsorganisatie::PubliekeWaardenUitvoeringsorganisatie),
        Box::new(waarden::menselijke_maat_zonder_afwijkingsruimte::MenselijkeMaatZonderAfwijkingsruimte),
        Box::new(legistiek::artikelsgewijze_toelichting_ontbreekt::ArtikelsgewijzeToelichtingOntbreekt),
        Box::new(legistiek::interne_verwijzing_ongeldig::InterneVerwijzingOngeldig),
        Box::new(legistiek::begrip_gedefinieerd_niet_gebruikt::BegripGedefinieerdNietGebruikt),
        Box::new(legistiek::begrip_of_afkorting_niet_gedefinieerd::BegripOfAfkortingNietGedefinieerd),
        Box::new(legistiek::onze_minister_ongedefinieerd::OnzeMinisterOngedefinieerd),
        Box::new(legistiek::begripsbepaling_vorm::BegripsbepalingVorm),
        Box::new(legistiek::citeertitel::Citeertitel),
        Box::new(fragmentatie::veel_uitvoerders::VeelUitvoerders),
        Box::new(fragmentatie::delegatie_gelaagdheid::DelegatieGelaagdheid),
        Box::new(fragmentatie::externe_verwijzingen::ExterneVerwijzingen),
        Box::new(fragmentatie::begrip_divergeert::BegripDivergeert),
        Box::new(fragmentatie::afwijking_algemene_wet::AfwijkingAlgemeneWet),
        Box::new(fragmentatie::meerdere_loketten::MeerdereLoketten),
        Box::new(fragmentatie::complexiteit_doenvermogen::ComplexiteitDoenvermogen),
        Box::new(legistiek::inwerkingtreding::Inwerkingtreding),
        Box::new(legistiek::evaluatie::Evaluatie),
        Box::new(legistiek::hardheidsclausule_vorm::HardheidsclausuleVorm),
        Box::new(legistiek::delegatieformule::Delegatieformule),
        Box::new(legistiek::wijzigingsregeling_structuur::WijzigingsregelingStructuur),
        Box::new(legistiek::formuleringsregels::Formuleringsregels),
        Box::new(legistiek::financiele_gevolgen_vermelding::FinancieleGevolgenVermelding),
        Box::new(proces::consultatie_verantwoording::ConsultatieVerantwoording),
        Box::new(proces::advies_afwijking_gemotiveerd::AdviesAfwijkingGemotiveerd),
        Box::new(proces::regeldruk::Regeldruk),
        Box::new(proces::gegevensbescherming::Gegevensbescherming),
        Box::new(proces::caribisch_nederland::CaribischNederland),
        Box::new(proces::probleem_doel_alternatieven::ProbleemDoelAlternatieven),
        Box::new(proces::raad_van_state_fase::RaadVanStateFase),
        Box::new(proces::hoger_recht_verhouding::HogerRechtVerhouding),
    ]
});

/// All rules, in catalog order.
pub fn all() -> &'static [Box<dyn Rule>] {
    &RULES
}

/// Metadata of every rule, including wetlint's own suppression checks.
pub fn metas() -> Vec<&'static RuleMeta> {
    let mut v: Vec<&'static RuleMeta> = all().iter().map(|r| r.meta()).collect();
    v.push(&wl::OnderdrukkingZonderReden::META);
    v.push(&wl::OnderdrukkingOngebruikt::META);
    v
}

/// Finds a rule's metadata by id or name.
pub fn find(code_or_name: &str) -> Option<&'static RuleMeta> {
    metas().into_iter().find(|m| {
        m.code.eq_ignore_ascii_case(code_or_name)
            || m.name == code_or_name
            || m.aliases
                .iter()
                .any(|a| a.eq_ignore_ascii_case(code_or_name))
    })
}
