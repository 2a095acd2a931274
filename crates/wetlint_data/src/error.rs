//! Errors from loading and validating the data files, always with a file
//! name, line and column so a jurist can find the offending entry.

use std::fmt;
use std::ops::Range;

/// What kind of problem a [`DataProblem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file could not be read.
    Io,
    /// The file is not valid TOML, or does not fit the schema (unknown
    /// field, wrong type, unknown group or section key, …).
    Syntax,
    /// Two entries share an id, or a form is listed twice.
    Duplicate,
    /// A required list or text is empty.
    Empty,
    /// A `patroon` does not compile.
    Regex,
    /// A reference to an id that does not exist (e.g. a toets id in
    /// `organisaties.toml` that `toetsen.toml` does not define).
    UnknownReference,
    /// Any other violated rule (e.g. a missing section key).
    Invalid,
    /// Not an error for loading, but the file is not in canonical form
    /// (unsorted ids, a form that is not lowercase NFC, …). Reported by
    /// [`crate::Data::canonical_problems`].
    NotCanonical,
}

/// One problem in one data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataProblem {
    /// File name relative to the rules folder, e.g. `waarden.toml`.
    pub file: String,
    /// 1-based line; 0 if unknown (e.g. the file is missing).
    pub line: usize,
    /// 1-based column in characters; 0 if unknown.
    pub column: usize,
    pub kind: ProblemKind,
    pub message: String,
}

impl fmt::Display for DataProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

/// Loading or validating the data failed. Holds every problem found, not
/// only the first, so one run shows all mistakes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    problems: Vec<DataProblem>,
}

impl DataError {
    pub(crate) fn new(problems: Vec<DataProblem>) -> Self {
        Self { problems }
    }

    /// All problems, in file order.
    pub fn problems(&self) -> &[DataProblem] {
        &self.problems
    }

    /// The first problem.
    pub fn first(&self) -> Option<&DataProblem> {
        self.problems.first()
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.len() {
            0 => write!(f, "ongeldige data"),
            1 => write!(f, "{}", self.problems[0]),
            n => {
                write!(f, "{n} problemen in de data:")?;
                for p in &self.problems {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for DataError {}

/// One source file: its name (for messages) and its text (for spans).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Source<'s> {
    pub name: &'s str,
    pub text: &'s str,
}

impl Source<'_> {
    /// 1-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let mut off = offset;
        while !self.text.is_char_boundary(off) {
            off -= 1;
        }
        let before = &self.text[..off];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// A problem located at the start of `span`.
    pub fn problem(
        &self,
        span: Option<Range<usize>>,
        kind: ProblemKind,
        message: impl Into<String>,
    ) -> DataProblem {
        let (line, column) = match span {
            Some(s) => self.line_col(s.start),
            None => (0, 0),
        };
        DataProblem {
            file: self.name.to_string(),
            line,
            column,
            kind,
            message: message.into(),
        }
    }
}

/// Collects problems while validating.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    pub list: Vec<DataProblem>,
}

impl Problems {
    pub fn push(&mut self, p: DataProblem) {
        self.list.push(p);
    }
}
