//! Writers of variables (IEEE 1800-2017 6.5): a variable written by a
//! continuous assignment may have no other writer, neither a second
//! continuous assignment nor a procedural statement.
//!
//! Continuous assignments record the variables they write (whole, or only
//! some bits); procedural assignments record theirs; `check_var_writers`
//! reports the conflicts once everything is lowered (processes lower in any
//! order). Two continuous assignments to parts of one variable are only
//! reported when one of them writes it whole: parts may not overlap.

use std::collections::HashMap;

use wsim_diag::{codes::elab as code, Diagnostic, Span};
use wsim_ir::{ExprId, ExprKind, SignalId, SignalKind};

use crate::ctx::Elab;

#[derive(Default)]
pub struct VarWriters {
    /// Continuous assignments per variable: (span, writes the whole variable).
    continuous: HashMap<SignalId, Vec<(Span, bool)>>,
    /// The first procedural assignment per variable.
    procedural: HashMap<SignalId, Span>,
}

impl Elab<'_> {
    /// The variables a continuous assignment's target writes.
    pub fn note_continuous_var_write(&mut self, lhs: ExprId, span: Span) {
        let mut out = Vec::new();
        self.written_vars(lhs, true, &mut out);
        for (s, whole) in out {
            self.var_writers.continuous.entry(s).or_default().push((span, whole));
        }
    }

    /// The variables a procedural assignment's target writes.
    pub fn note_procedural_var_write(&mut self, lhs: ExprId, span: Span) {
        let mut out = Vec::new();
        self.written_vars(lhs, true, &mut out);
        for (s, _) in out {
            self.var_writers.procedural.entry(s).or_insert(span);
        }
    }

    fn written_vars(&self, e: ExprId, whole: bool, out: &mut Vec<(SignalId, bool)>) {
        match &self.d.exprs[e].kind {
            ExprKind::Signal(s) if self.d.signals[*s].kind == SignalKind::Var && !self.d.signals[*s].hidden => {
                out.push((*s, whole))
            }
            ExprKind::Select { base, .. } => self.written_vars(*base, false, out),
            ExprKind::Concat(parts) => {
                for &p in parts {
                    self.written_vars(p, whole, out);
                }
            }
            _ => {}
        }
    }

    /// Report variables with a continuous writer and another writer.
    pub fn check_var_writers(&mut self) {
        let mut conflicts: Vec<(Span, String)> = Vec::new();
        for (&s, writes) in &self.var_writers.continuous {
            let name = self.d.signals[s].name.clone();
            if let Some(&p) = self.var_writers.procedural.get(&s) {
                let msg =
                    format!("variable `{name}` is written by a continuous assignment and by a procedural one (6.5)");
                conflicts.push((p, msg));
            } else if writes.len() > 1 && writes.iter().any(|w| w.1) {
                let mut spans: Vec<Span> = writes.iter().map(|w| w.0).collect();
                spans.sort_by_key(|sp| (sp.file, sp.start));
                let msg = format!("variable `{name}` is written by more than one continuous assignment (6.5)");
                conflicts.push((spans[1], msg));
            }
        }
        conflicts.sort_by_key(|c| (c.0.file, c.0.start));
        for (span, msg) in conflicts {
            let diag = Diagnostic::error(code::BAD_ASSIGN_TARGET, Some(span), msg)
                .with_note("a net (`wire`) may have several drivers; a variable only one continuous writer");
            self.diags.push(diag);
        }
    }
}
