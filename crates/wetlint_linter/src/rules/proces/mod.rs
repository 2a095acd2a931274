//! PROC: proces. Consultation, advice, regeldruk, privacy, Caribisch Nederland,
//! problem analysis, the Raad van State phase and the other quality requirements.

pub mod advies_afwijking_gemotiveerd;
pub mod caribisch_nederland;
pub(crate) mod common;
pub mod consultatie_verantwoording;
pub mod gegevensbescherming;
pub mod hoger_recht_verhouding;
pub mod probleem_doel_alternatieven;
pub mod raad_van_state_fase;
pub mod regeldruk;
