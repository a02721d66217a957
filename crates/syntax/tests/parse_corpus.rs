//! Parse an external corpus and require no parser diagnostic: a tool for
//! checking the parser against real code that is not in this repository.
//!
//! ```text
//! WSIM_PARSE_FILES="a.sv b.v" WSIM_PARSE_INC="inc1 inc2" WSIM_PARSE_DEFS="FORMAL" \
//!   cargo test --release -p wsim-syntax --test parse_corpus -- --ignored --nocapture
//! ```
//!
//! Preprocessor diagnostics (a missing include) are printed but do not fail
//! the test; `E02xx` parser diagnostics do, except `E0202` (a construct
//! wsim names as unsupported), which is only counted.
use wsim_diag::{render, SourceMap};
use wsim_syntax::{parse, preprocess, FsLoader, PpOptions};

fn env_list(name: &str) -> Vec<String> {
    std::env::var(name).unwrap_or_default().split_whitespace().map(String::from).collect()
}

#[test]
#[ignore = "needs WSIM_PARSE_FILES naming files outside the repository"]
fn external_corpus_parses_without_errors() {
    let files = env_list("WSIM_PARSE_FILES");
    assert!(!files.is_empty(), "set WSIM_PARSE_FILES");
    let opts = PpOptions {
        include_dirs: env_list("WSIM_PARSE_INC"),
        defines: env_list("WSIM_PARSE_DEFS").into_iter().map(|d| (d, None)).collect(),
        ..Default::default()
    };
    let mut failures = 0;
    for path in &files {
        let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut sm = SourceMap::new();
        let file = sm.add(path.as_str(), src);
        let (tokens, pp) = preprocess(&mut sm, &[file], &opts, &FsLoader);
        let (_, diags) = parse(&tokens);
        let unsupported = diags.list.iter().filter(|d| d.code.id == "E0202").count();
        let errors: Vec<_> = diags.list.iter().filter(|d| d.code.id != "E0202").collect();
        println!("{path}: {} preprocessor, {} unsupported, {} parse errors", pp.list.len(), unsupported, errors.len());
        for d in pp.list.iter().take(3).chain(errors.iter().copied()) {
            print!("{}", render(&sm, d));
        }
        failures += errors.len();
    }
    assert_eq!(failures, 0, "parser errors in the corpus");
}
