//! [`SourceLookup`]: how renderers find the text of a file by the filename
//! used in diagnostics, for showing source snippets.

use std::collections::{BTreeMap, HashMap};

/// Gives the text of a checked file, by the filename used in the diagnostics.
pub trait SourceLookup {
    /// The full text of `filename`, or `None` if it is not available.
    fn source(&self, filename: &str) -> Option<&str>;
}

impl<S: std::hash::BuildHasher> SourceLookup for HashMap<String, String, S> {
    fn source(&self, filename: &str) -> Option<&str> {
        self.get(filename).map(String::as_str)
    }
}

impl SourceLookup for BTreeMap<String, String> {
    fn source(&self, filename: &str) -> Option<&str> {
        self.get(filename).map(String::as_str)
    }
}

impl<T: SourceLookup + ?Sized> SourceLookup for &T {
    fn source(&self, filename: &str) -> Option<&str> {
        (**self).source(filename)
    }
}

/// A [`SourceLookup`] that has no sources; renderers fall back to output
/// without snippets.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoSources;

impl SourceLookup for NoSources {
    fn source(&self, _filename: &str) -> Option<&str> {
        None
    }
}
