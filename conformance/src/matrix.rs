//! The result matrix: case × backend → same / refused / WRONG / error, with totals.

use std::collections::BTreeMap;

/// What one case did on one backend, next to the oracle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Same column types and values as Postgres.
    Same,
    /// Refused with 0A000 (feature_not_supported): allowed, never a wrong answer.
    Refused(String),
    /// A different answer: always a failure.
    Wrong(String),
    /// Failed with another error where Postgres answered.
    Error(String),
}

impl Outcome {
    fn label(&self) -> &'static str {
        match self {
            Outcome::Same => "same",
            Outcome::Refused(_) => "refused",
            Outcome::Wrong(_) => "WRONG",
            Outcome::Error(_) => "error",
        }
    }
}

/// The name prefix of the differential generator's queries (the rest are the corpus).
pub const GENERATED_PREFIX: &str = "generated/";

/// All outcomes of a run.
#[derive(Debug, Default)]
pub struct Matrix {
    pub backends: Vec<String>,
    /// (case name, one outcome per backend).
    pub rows: Vec<(String, Vec<Outcome>)>,
}

/// Counts of one backend (or one area of one backend).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub same: usize,
    pub refused: usize,
    pub wrong: usize,
    pub error: usize,
}

impl Totals {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Same => self.same += 1,
            Outcome::Refused(_) => self.refused += 1,
            Outcome::Wrong(_) => self.wrong += 1,
            Outcome::Error(_) => self.error += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.same + self.refused + self.wrong + self.error
    }

    /// Share of cases answered the same, in percent.
    pub fn same_percent(&self) -> f64 {
        100.0 * self.same as f64 / self.total().max(1) as f64
    }
}

impl Matrix {
    pub fn new(backends: &[&str]) -> Matrix {
        Matrix { backends: backends.iter().map(|b| b.to_string()).collect(), rows: Vec::new() }
    }

    pub fn push(&mut self, case: &str, outcomes: Vec<Outcome>) {
        self.rows.push((case.to_string(), outcomes));
    }

    /// Totals of backend `index`, over cases whose name starts with `prefix` ("" = all).
    pub fn totals(&self, index: usize, prefix: &str) -> Totals {
        self.totals_where(index, |case| case.starts_with(prefix))
    }

    /// Totals of backend `index`, over the cases `keep` accepts.
    fn totals_where(&self, index: usize, keep: impl Fn(&str) -> bool) -> Totals {
        let mut totals = Totals::default();
        for (case, outcomes) in &self.rows {
            if keep(case)
                && let Some(outcome) = outcomes.get(index)
            {
                totals.add(outcome);
            }
        }
        totals
    }

    /// The report: per-area totals per backend, then every case that was not the same.
    pub fn render(&self) -> String {
        let mut areas: BTreeMap<String, ()> = BTreeMap::new();
        for (case, _) in &self.rows {
            areas.insert(case.split('/').next().unwrap_or("").to_string(), ());
        }
        let mut out = String::new();
        out.push_str(&format!("{:<16}", "area"));
        for backend in &self.backends {
            out.push_str(&format!(" | {:<34}", backend));
        }
        out.push('\n');
        let line = |label: &str, prefix: &str, out: &mut String| {
            out.push_str(&format!("{label:<16}"));
            for index in 0..self.backends.len() {
                let t = self.totals(index, prefix);
                out.push_str(&format!(
                    " | {:>4} same {:>3} refused {:>2} WRONG {:>2} err",
                    t.same, t.refused, t.wrong, t.error
                ));
            }
            out.push('\n');
        };
        for area in areas.keys() {
            line(area, &format!("{area}/"), &mut out);
        }
        line("TOTAL", "", &mut out);
        for index in 0..self.backends.len() {
            let t = self.totals(index, "");
            // The corpus alone (without the generated queries), as issue 4's target counts it.
            let corpus = self.totals_where(index, |case| !case.starts_with(GENERATED_PREFIX));
            out.push_str(&format!(
                "{}: {:.1} % same of {} ({:.1} % of the {} corpus cases)\n",
                self.backends[index],
                t.same_percent(),
                t.total(),
                corpus.same_percent(),
                corpus.total()
            ));
        }
        out.push_str("\nnot the same:\n");
        for (case, outcomes) in &self.rows {
            for (backend, outcome) in self.backends.iter().zip(outcomes) {
                match outcome {
                    Outcome::Same => {}
                    Outcome::Refused(why) | Outcome::Wrong(why) | Outcome::Error(why) => {
                        out.push_str(&format!("  {:<7} {case} on {backend}: {why}\n", outcome.label()));
                    }
                }
            }
        }
        out
    }
}
