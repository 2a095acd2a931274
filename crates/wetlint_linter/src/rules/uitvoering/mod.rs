//! UITV: uitvoerbaarheid. Are the organisations that carry the regulation
//! out consulted (uitvoeringstoets, UDO), are their findings followed or the
//! deviation explained, and does the toelichting report it?

pub(crate) mod actoren;
pub mod comply_or_explain_uitvoeringstoets;
pub mod doenvermogen_ontbreekt;
pub mod financiele_gevolgen_decentraal_ontbreekt;
pub mod invoeringstermijn_vvm;
pub(crate) mod plichten;
pub mod signaleringsmechanisme;
pub mod toezicht_handhaving_paragraaf;
pub mod udo_ontbreekt;
pub mod uitvoeringsparagraaf_ontbreekt;
pub mod uitvoeringstoets_ontbreekt;
