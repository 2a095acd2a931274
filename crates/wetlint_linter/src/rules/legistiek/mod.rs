//! LEG: legistiek. Structural checks from the Aanwijzingen voor de regelgeving:
//! artikelsgewijze toelichting, references, definitions, Onze Minister, citeertitel.

pub mod artikelsgewijze_toelichting_ontbreekt;
pub mod begrip_gedefinieerd_niet_gebruikt;
pub mod begrip_of_afkorting_niet_gedefinieerd;
pub mod begripsbepaling_vorm;
pub mod citeertitel;
pub(crate) mod common;
pub mod delegatieformule;
pub mod evaluatie;
pub mod financiele_gevolgen_vermelding;
pub mod formuleringsregels;
pub mod hardheidsclausule_vorm;
pub mod interne_verwijzing_ongeldig;
pub mod inwerkingtreding;
pub mod onze_minister_ongedefinieerd;
pub(crate) mod slot;
pub mod wijzigingsregeling_structuur;
