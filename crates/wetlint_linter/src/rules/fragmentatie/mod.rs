//! FRAG: fragmentatie. Regulation fragmented from the citizen's perspective:
//! many bodies, layered delegation, chains of references, divergent definitions,
//! several loketten, complex articles.

pub mod afwijking_algemene_wet;
pub mod begrip_divergeert;
pub mod complexiteit_doenvermogen;
pub mod delegatie_gelaagdheid;
pub mod externe_verwijzingen;
pub mod meerdere_loketten;
pub(crate) mod metrics;
pub mod veel_uitvoerders;
