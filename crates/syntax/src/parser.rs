//! Parser.
use crate::ast::SourceUnit;
use crate::token::Token;
use wsim_diag::Diagnostics;

pub fn parse(tokens: &[Token]) -> (SourceUnit, Diagnostics) {
    let _ = tokens;
    (SourceUnit::default(), Diagnostics::default())
}
