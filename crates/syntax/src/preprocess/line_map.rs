//! `` `line `` directives (IEEE 1800-2017 §22.12): a per-file table of
//! renumbering points, so `` `__LINE__ ``, `` `__FILE__ `` (and, later,
//! diagnostics) can report the line and file name the directive set
//! instead of the physical ones.

use std::collections::HashMap;

use wsim_diag::{FileId, SourceMap};

/// One `` `line N "file" level ``: from byte `from` of the file on (the start
/// of the line after the directive), that line is line `line` of `name`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineDirective {
    pub from: u32,
    pub line: u32,
    pub name: String,
    /// 0, 1 (an include file was entered) or 2 (one was left).
    pub level: u8,
}

/// Every file's `` `line `` directives, in text order.
#[derive(Clone, Debug, Default)]
pub struct LineMap {
    by_file: HashMap<FileId, Vec<LineDirective>>,
}

impl LineMap {
    /// Record a directive; `from` must not go backwards within a file (a
    /// repeated one, as when the same text is read twice, replaces the old).
    pub fn add(&mut self, file: FileId, directive: LineDirective) {
        let list = self.by_file.entry(file).or_default();
        list.retain(|d| d.from < directive.from);
        list.push(directive);
    }

    /// The directives of one file, in text order.
    pub fn directives(&self, file: FileId) -> &[LineDirective] {
        self.by_file.get(&file).map_or(&[], Vec::as_slice)
    }

    /// The presumed file name and 1-based line of byte `offset` of `file`:
    /// what `` `__FILE__ `` / `` `__LINE__ `` give there.
    pub fn presumed<'a>(&'a self, sources: &'a SourceMap, file: FileId, offset: u32) -> (&'a str, u32) {
        let source = sources.get(file);
        let physical = source.line_col(offset).0;
        let list = self.directives(file);
        let last = list.partition_point(|d| d.from <= offset);
        match last.checked_sub(1).map(|i| &list[i]) {
            None => (source.name.as_str(), physical),
            Some(d) => {
                let base = source.line_col(d.from).0;
                (d.name.as_str(), d.line.saturating_add(physical - base))
            }
        }
    }
}
