//! All rules, one file each, grouped by catalog family.

pub mod fragmentatie;
pub mod legistiek;
pub mod proces;
pub mod uitvoering;
pub mod waarden;
