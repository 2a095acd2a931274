//! WAARDE: publieke waarden. Is the regulation steered on a broad set of
//! public values, named and argued, not only doeltreffendheid and
//! doelmatigheid?

pub(crate) mod analyse;
pub mod menselijke_maat_zonder_afwijkingsruimte;
pub mod npm_eenzijdig;
pub mod publieke_waarden_uitvoeringsorganisatie;
pub mod waarde_genoemd_niet_onderbouwd;
pub mod waarden_dekking;
