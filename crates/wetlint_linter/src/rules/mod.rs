//! All rules, one file each, grouped by catalog family.

pub mod legistiek;
pub mod uitvoering;
pub mod waarden;
