//! Waveform dumper tests: a hand-built `wsim.meta` and hand-built arena
//! bytes drive `$dumpvars`/samples/`$dumpoff`...; the VCD and FST files are
//! read back with `wellen` and compared value by value at given times.

use std::path::{Path, PathBuf};
use wsim_host::waves::{Dumper, WaveFormat, WaveOptions};
use wsim_host::Meta;

// ------------------------------------------------------------------ helpers

/// One signal-table row (integral, 4-state `var` unless changed).
fn sig(name: &str, offset: u32, width: u32) -> serde_json::Value {
    serde_json::json!({
        "id": 0, "name": name, "offset": offset, "width": width, "signed": false,
        "four_state": true, "kind": "var", "ty": "integral", "elements": 1,
        "elem_bytes": 16 * width.div_ceil(64), "msb": width as i64 - 1, "lsb": 0,
        "dims": [], "hidden": false
    })
}

fn with(mut v: serde_json::Value, key: &str, value: serde_json::Value) -> serde_json::Value {
    v[key] = value;
    v
}

fn meta(signals: Vec<serde_json::Value>, scopes: serde_json::Value) -> Meta {
    serde_json::from_value(serde_json::json!({
        "abi_version": 1, "precision": -9, "tops": ["tb"], "signals": signals, "scopes": scopes
    }))
    .expect("test meta deserialises")
}

/// Store `bits` (MSB first, `0 1 x z`) as a `width`-bit arena value.
fn set(arena: &mut [u8], offset: usize, width: u32, bits: &str) {
    let limbs = width.div_ceil(64) as usize;
    let mut aval = vec![0u64; limbs];
    let mut bval = vec![0u64; limbs];
    let padded = format!("{bits:0>w$}", w = width as usize);
    for (i, c) in padded.bytes().rev().enumerate() {
        let (a, b) = match c {
            b'0' => (0, 0),
            b'1' => (1, 0),
            b'z' => (0, 1),
            b'x' => (1, 1),
            _ => panic!("bad bit {c}"),
        };
        aval[i / 64] |= a << (i % 64);
        bval[i / 64] |= b << (i % 64);
    }
    for (l, v) in aval.iter().chain(bval.iter()).enumerate() {
        arena[offset + 8 * l..offset + 8 * l + 8].copy_from_slice(&v.to_le_bytes());
    }
}

fn set_real(arena: &mut [u8], offset: usize, v: f64) {
    arena[offset..offset + 8].copy_from_slice(&v.to_le_bytes());
}

fn opts(file: &Path) -> WaveOptions {
    WaveOptions { file: Some(file.to_path_buf()), ..WaveOptions::default() }
}

/// A wave file read back with wellen.
struct Wave(wellen::simple::Waveform);

impl Wave {
    fn read(path: &Path) -> Wave {
        Wave(wellen::simple::read(path).unwrap_or_else(|e| panic!("wellen cannot read {}: {e:?}", path.display())))
    }

    fn names(&self) -> Vec<String> {
        let h = self.0.hierarchy();
        // wellen shows `mem[1]` as `mem.[1]`.
        h.all_vars().map(|r| h[r].full_name(h).replace(".[", "[")).collect()
    }

    fn signal(&self, name: &str) -> Option<wellen::SignalRef> {
        let h = self.0.hierarchy();
        h.all_vars().find(|&r| h[r].full_name(h).replace(".[", "[") == name).map(|r| h[r].signal_ref())
    }

    /// Every change of `name`: (time, value).
    fn changes(&mut self, name: &str) -> Vec<(u64, String)> {
        let signal_ref = self.signal(name).unwrap_or_else(|| panic!("no variable {name} in {:?}", self.names()));
        self.0.load_signals(&[signal_ref]);
        let times = self.0.time_table().to_vec();
        let signal = self.0.get_signal(signal_ref).expect("loaded");
        signal
            .iter_changes()
            .map(|(idx, v)| {
                let text = match v {
                    wellen::SignalValueRef::Real(r) => format!("r{r}"),
                    other => other.to_bit_string().unwrap_or_else(|| "?".into()),
                };
                (times[idx as usize], text)
            })
            .collect()
    }

    /// The value of `name` at `time` (after the last change at or before it).
    fn at(&mut self, name: &str, time: u64) -> String {
        let changes = self.changes(name);
        changes.iter().rev().find(|(t, _)| *t <= time).map(|(_, v)| v.clone()).unwrap_or_else(|| "-".into())
    }
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

// The design most tests use: tb.{a,v,big,r,i}, tb.u1.{y,p} (p aliases tb.v).
const A: usize = 64;
const V: usize = 80;
const BIG: usize = 96; // 130 bits: 3 limbs, 48 bytes
const R: usize = 144;
const I: usize = 152;
const Y: usize = 168;

fn design() -> Meta {
    meta(
        vec![
            sig("tb.a", A as u32, 1),
            sig("tb.v", V as u32, 4),
            sig("tb.big", BIG as u32, 130),
            with(with(sig("tb.r", R as u32, 64), "ty", "real".into()), "elem_bytes", 8.into()),
            with(sig("tb.i", I as u32, 32), "signed", true.into()),
            sig("tb.u1.y", Y as u32, 1),
            with(sig("tb.u1.p", V as u32, 4), "kind", "wire".into()),
        ],
        serde_json::json!([{"path": "tb", "kind": "module"}, {"path": "tb.u1", "kind": "module"}]),
    )
}

fn arena0() -> Vec<u8> {
    let mut arena = vec![0u8; 256];
    set(&mut arena, A, 1, "0");
    set(&mut arena, V, 4, "0010");
    set(&mut arena, BIG, 130, "0");
    set_real(&mut arena, R, 1.5);
    set(&mut arena, I, 32, &format!("{:032b}", -3i32 as u32));
    set(&mut arena, Y, 1, "x");
    arena
}

// ------------------------------------------------------------------ tests

#[test]
fn vcd_text_of_a_small_dump() {
    let dir = tmp();
    let file = dir.path().join("t.vcd");
    let mut d = Dumper::new(&design(), opts(&file));
    d.dumpvars(0, 0, &[]).unwrap();
    let mut arena = arena0();
    d.sample(0, &arena).unwrap();
    set(&mut arena, V, 4, "x01z");
    set(&mut arena, A, 1, "1");
    d.sample(5, &arena).unwrap();
    d.sample(7, &arena).unwrap(); // nothing changed: no `#7`
    let summary = d.finish(9).unwrap().expect("a file was written");
    let text = std::fs::read_to_string(&file).unwrap();
    let expected = format!(
        "$version\n\twsim {}\n$end\n$timescale\n\t1ns\n$end\n\
$scope module tb $end\n\
$var reg 1 ! a $end\n\
$var reg 4 \" v [3:0] $end\n\
$var reg 130 # big [129:0] $end\n\
$var real 64 $ r $end\n\
$var integer 32 % i [31:0] $end\n\
$scope module u1 $end\n\
$var reg 1 & y $end\n\
$var wire 4 \" p [3:0] $end\n\
$upscope $end\n\
$upscope $end\n\
$enddefinitions $end\n\
#0\n$dumpvars\n0!\nb10 \"\nb0 #\nr1.5 $\nb11111111111111111111111111111101 %\nx&\n$end\n\
#5\n1!\nbx01z \"\n#9\n",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(text, expected);
    assert_eq!(summary.bytes, text.len() as u64);
    assert_eq!(summary.signals, 7);
    assert_eq!(summary.format, WaveFormat::Vcd);
}

/// The same run read back from VCD and from FST.
fn values_round_trip(format: WaveFormat) {
    let dir = tmp();
    let file = dir.path().join(format!("t.{}", format.extension()));
    let mut d = Dumper::new(&design(), opts(&file));
    d.dumpvars(0, 0, &["tb".to_string()]).unwrap();
    let mut arena = arena0();
    d.sample(0, &arena).unwrap();
    set(&mut arena, V, 4, "x01z");
    set(&mut arena, BIG, 130, &format!("1z{}", "0".repeat(127) + "1"));
    set_real(&mut arena, R, -2.25e-3);
    d.sample(5, &arena).unwrap();
    set(&mut arena, Y, 1, "1");
    set(&mut arena, I, 32, &"z".repeat(32));
    d.sample(10, &arena).unwrap();
    d.finish(12).unwrap();

    let mut w = Wave::read(&file);
    assert_eq!(w.at("tb.a", 10), "0");
    assert_eq!(w.at("tb.v", 0), "0010");
    assert_eq!(w.at("tb.v", 5), "x01z");
    assert_eq!(w.at("tb.u1.p", 7), "x01z", "the alias reads the same values");
    assert_eq!(w.at("tb.big", 0), "0".repeat(130));
    assert_eq!(w.at("tb.big", 5), format!("1z{}1", "0".repeat(127)));
    assert_eq!(w.at("tb.r", 0), "r1.5");
    assert_eq!(w.at("tb.r", 6), "r-0.00225");
    assert_eq!(w.at("tb.i", 0), format!("{:032b}", -3i32 as u32));
    assert_eq!(w.at("tb.i", 10), "z".repeat(32));
    assert_eq!(w.at("tb.u1.y", 5), "x");
    assert_eq!(w.at("tb.u1.y", 10), "1");
    // Only changes are recorded: tb.a never changed after time 0.
    assert_eq!(w.changes("tb.a").len(), 1, "{:?}", w.changes("tb.a"));
    assert_eq!(w.changes("tb.v").iter().map(|c| c.0).collect::<Vec<_>>(), [0, 5]);
}

#[test]
fn vcd_values_read_back() {
    values_round_trip(WaveFormat::Vcd);
}

#[test]
fn fst_values_read_back() {
    values_round_trip(WaveFormat::Fst);
}

/// tb.{x, mem[1:3] of 8 bits, m[0:1][2:1] of 8 bits}.
fn array_design() -> Meta {
    meta(
        vec![
            sig("tb.x", 64, 1),
            with(with(sig("tb.mem", 80, 8), "elements", 3.into()), "dims", serde_json::json!([[1, 3]])),
            with(with(sig("tb.m", 128, 8), "elements", 4.into()), "dims", serde_json::json!([[0, 1], [2, 1]])),
        ],
        serde_json::json!([]),
    )
}

fn array_run(format: WaveFormat, dump_arrays: bool, items: &[&str]) -> Wave {
    let dir = tmp();
    let file = dir.path().join(format!("a.{}", format.extension()));
    let mut d = Dumper::new(&array_design(), WaveOptions { dump_arrays, ..opts(&file) });
    let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
    d.dumpvars(0, 0, &items).unwrap();
    let mut arena = vec![0u8; 256];
    for k in 0..3 {
        set(&mut arena, 80 + 16 * k, 8, &format!("{:08b}", 10 + k));
    }
    for k in 0..4 {
        set(&mut arena, 128 + 16 * k, 8, &format!("{:08b}", 20 + k));
    }
    d.sample(0, &arena).unwrap();
    set(&mut arena, 80 + 16 * 2, 8, "xxxx0000");
    d.sample(3, &arena).unwrap();
    d.finish(4).unwrap();
    let w = Wave::read(&file);
    std::mem::forget(dir); // keep the file for wellen's lazy loading
    w
}

#[test]
fn arrays_are_dumped_element_by_element_with_dump_arrays() {
    for format in [WaveFormat::Vcd, WaveFormat::Fst] {
        let mut w = array_run(format, true, &[]);
        assert_eq!(w.at("tb.mem[1]", 0), "00001010", "{format:?}");
        assert_eq!(w.at("tb.mem[3]", 0), "00001100");
        assert_eq!(w.at("tb.mem[3]", 3), "xxxx0000");
        // Row-major from the lower bound: m[0][1], m[0][2], m[1][1], m[1][2].
        assert_eq!(w.at("tb.m[0][1]", 0), format!("{:08b}", 20));
        assert_eq!(w.at("tb.m[1][2]", 0), format!("{:08b}", 23));
    }
}

#[test]
fn arrays_are_left_out_by_default_unless_named() {
    let w = array_run(WaveFormat::Vcd, false, &[]);
    assert_eq!(w.names(), ["tb.x"]);
    let mut w = array_run(WaveFormat::Vcd, false, &["tb.mem"]);
    assert_eq!(w.names().len(), 3, "{:?}", w.names());
    assert_eq!(w.at("tb.mem[2]", 0), "00001011");
}

/// tb.t; tb.u1.{a}; tb.u1.l0.q; tb.u1.blk (begin).b; tb.u2.a
fn deep_design() -> Meta {
    meta(
        vec![
            sig("tb.t", 64, 1),
            sig("tb.u1.a", 80, 1),
            sig("tb.u1.l0.q", 96, 1),
            sig("tb.u1.blk.b", 112, 1),
            sig("tb.u2.a", 128, 1),
        ],
        serde_json::json!([
            {"path": "tb", "kind": "module"}, {"path": "tb.u1", "kind": "module"},
            {"path": "tb.u1.l0", "kind": "module"}, {"path": "tb.u1.blk", "kind": "begin"},
            {"path": "tb.u2", "kind": "module"}
        ]),
    )
}

fn selected(o: WaveOptions, calls: &[(u32, &[&str])]) -> Vec<String> {
    let dir = tmp();
    let file = dir.path().join("s.vcd");
    let mut d = Dumper::new(&deep_design(), WaveOptions { file: Some(file.clone()), ..o });
    for (levels, items) in calls {
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        d.dumpvars(0, *levels, &items).unwrap();
    }
    d.sample(0, &[0u8; 256]).unwrap();
    d.finish(1).unwrap();
    let mut names = Wave::read(&file).names();
    names.sort();
    names
}

#[test]
fn dumpvars_levels_and_scopes() {
    let o = WaveOptions::default;
    assert_eq!(selected(o(), &[(1, &["tb"])]), ["tb.t"]);
    assert_eq!(selected(o(), &[(2, &["tb"])]), ["tb.t", "tb.u1.a", "tb.u2.a"]);
    assert_eq!(selected(o(), &[(0, &["tb.u1"])]), ["tb.u1.a", "tb.u1.blk.b", "tb.u1.l0.q"]);
    assert_eq!(selected(o(), &[(2, &["tb.u1"])]), ["tb.u1.a", "tb.u1.blk.b", "tb.u1.l0.q"]);
    // A signal named directly, whatever the level; calls accumulate.
    assert_eq!(selected(o(), &[(1, &["tb.u1.l0.q"]), (1, &["tb.u2"])]), ["tb.u1.l0.q", "tb.u2.a"]);
    assert_eq!(selected(o(), &[(0, &[])]).len(), 5);
    // The scope filter of the options.
    let filtered = WaveOptions { scopes: vec!["tb.u1.l0".into(), "tb.u2".into()], ..o() };
    assert_eq!(selected(filtered, &[(0, &[])]), ["tb.u1.l0.q", "tb.u2.a"]);
}

#[test]
fn header_has_scope_kinds() {
    let dir = tmp();
    let file = dir.path().join("k.vcd");
    let mut d = Dumper::new(&deep_design(), opts(&file));
    d.dumpvars(0, 0, &["tb.u1".into()]).unwrap();
    d.sample(0, &[0u8; 256]).unwrap();
    d.finish(0).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("$scope module u1 $end\n$var reg 1 ! a $end\n$scope module l0 $end"), "{text}");
    assert!(text.contains("$scope begin blk $end"), "{text}");
    assert!(!text.contains("u2"), "{text}");
}

#[test]
fn dumpvars_errors() {
    let dir = tmp();
    let mut d = Dumper::new(&deep_design(), opts(&dir.path().join("e.vcd")));
    assert!(!d.wants_samples());
    let err = d.dumpvars(0, 0, &["tb.nope".into(), "tb.t".into()]).unwrap_err();
    assert!(err.contains("tb.nope"), "{err}");
    assert!(d.wants_samples(), "the known item is still selected");
    d.sample(0, &[0u8; 256]).unwrap();
    let err = d.dumpvars(5, 0, &[]).unwrap_err();
    assert!(err.contains("ignored"), "{err}");
    d.finish(5).unwrap();
    assert_eq!(Wave::read(&dir.path().join("e.vcd")).names(), ["tb.t"]);
}

fn onoff_run(format: WaveFormat) -> (Wave, Option<String>) {
    let dir = tmp();
    let file = dir.path().join(format!("o.{}", format.extension()));
    let mut d = Dumper::new(&design(), opts(&file));
    d.dumpvars(0, 0, &[]).unwrap();
    let mut arena = arena0();
    d.sample(0, &arena).unwrap();
    d.dumpoff(10);
    d.sample(10, &arena).unwrap();
    set(&mut arena, V, 4, "0111");
    d.sample(15, &arena).unwrap(); // off: not written
    d.dumpon(20);
    d.sample(20, &arena).unwrap();
    d.dumpall(25);
    d.sample(25, &arena).unwrap();
    set(&mut arena, A, 1, "1");
    d.sample(30, &arena).unwrap();
    d.finish(35).unwrap();
    let text = (format == WaveFormat::Vcd).then(|| std::fs::read_to_string(&file).unwrap());
    let w = Wave::read(&file);
    std::mem::forget(dir);
    (w, text)
}

#[test]
fn dumpoff_and_dumpon() {
    for format in [WaveFormat::Vcd, WaveFormat::Fst] {
        let (mut w, text) = onoff_run(format);
        assert_eq!(w.at("tb.v", 5), "0010", "{format:?}");
        assert_eq!(w.at("tb.v", 12), "xxxx", "{format:?}");
        assert_eq!(w.at("tb.v", 17), "xxxx", "{format:?}: no values while off");
        assert_eq!(w.at("tb.v", 20), "0111", "{format:?}");
        assert_eq!(w.at("tb.a", 12), "x");
        assert_eq!(w.at("tb.a", 30), "1");
        assert!(w.at("tb.r", 12).contains("NaN"), "{format:?}: {}", w.at("tb.r", 12));
        assert_eq!(w.at("tb.r", 20), "r1.5");
        if let Some(text) = text {
            assert!(text.contains("#10\n$dumpoff\nx!\nbx \"\nbx #\nrNaN $\nbx %\nx&\n$end\n#20\n$dumpon\n"), "{text}");
            assert!(text.contains("#25\n$dumpall\n0!\nb111 \"\n"), "{text}");
            assert!(!text.contains("#15"), "{text}");
            assert!(text.ends_with("#30\n1!\n#35\n"), "{text}");
        }
    }
}

#[test]
fn dumplimit_stops_the_dump() {
    let dir = tmp();
    let file = dir.path().join("l.vcd");
    let mut d = Dumper::new(&design(), opts(&file));
    d.dumpvars(0, 0, &[]).unwrap();
    d.dumplimit(400);
    let mut arena = arena0();
    let mut t = 0;
    while d.wants_samples() && t < 10_000 {
        set(&mut arena, BIG, 130, &format!("{t:b}"));
        d.sample(t, &arena).unwrap();
        t += 1;
    }
    assert!(t < 100, "the limit stopped the dump early (t = {t})");
    let summary = d.finish(t).unwrap().unwrap();
    assert!(summary.limit_reached);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.ends_with("$comment Dump file limit (400 bytes) reached; no more values $end\n"), "{text}");
    assert!(text.len() < 400 + 200, "{}", text.len());
    assert!(d.take_notes().iter().any(|n| n.contains("limit")));
    // Still a valid file.
    let mut w = Wave::read(&file);
    assert_eq!(w.at("tb.v", 0), "0010");
}

#[test]
fn corrupt_meta_never_panics() {
    let dir = tmp();
    let file = dir.path().join("c.vcd");
    let m = meta(
        vec![
            sig("tb.ok", 64, 8),
            sig("tb.outside", 1 << 30, 8),
            sig("tb.straddles", 250, 8),
            sig("tb.huge", u32::MAX - 4, 1 << 30),
            with(sig("tb.short", 80, 200), "elem_bytes", 16.into()),
            with(with(sig("tb.arr", 96, 8), "elements", u64::MAX.into()), "dims", serde_json::json!([[0, 3]])),
            with(sig("tb.ev", 96, 1), "ty", "event".into()),
            with(sig("tb.hid", 96, 1), "hidden", true.into()),
            sig("noscope", 96, 1),
            sig("tb.zero", 96, 0),
        ],
        serde_json::json!([]),
    );
    let mut d = Dumper::new(&m, WaveOptions { dump_arrays: true, ..opts(&file) });
    d.dumpvars(0, 0, &[]).unwrap();
    let mut arena = vec![0u8; 256];
    set(&mut arena, 64, 8, "10101010");
    d.sample(0, &arena).unwrap();
    d.sample(1, &arena[..70]).expect_err("an arena shorter than the dumped signals is an error, not a panic");
    d.finish(2).unwrap();
    assert!(d.take_notes().iter().any(|n| n.contains("outside the arena")));
    let mut w = Wave::read(&file);
    assert_eq!(w.names(), ["tb.ok"]);
    assert_eq!(w.at("tb.ok", 0), "10101010");
}

#[test]
fn meta_without_scopes_derives_them() {
    let dir = tmp();
    let empty = dir.path().join("d.vcd");
    let file = dir.path().join("d.fst");
    let m: Meta = serde_json::from_value(serde_json::json!({
        "abi_version": 1, "precision": -12, "signals": [sig("top.sub.deep.x", 64, 3)]
    }))
    .unwrap();
    let mut d = Dumper::new(&m, opts(&empty));
    d.dumpvars(0, 2, &["top".into()]).unwrap();
    d.sample(0, &[0u8; 128]).unwrap();
    d.finish(0).unwrap();
    assert!(Wave::read(&empty).names().is_empty(), "x is 3 levels below top");
    let mut d = Dumper::new(&m, opts(&file));
    d.dumpvars(0, 3, &["top".into()]).unwrap();
    d.sample(0, &[0u8; 128]).unwrap();
    let s = d.finish(0).unwrap().unwrap();
    assert_eq!(s.format, WaveFormat::Fst);
    let mut w = Wave::read(&file);
    assert_eq!(w.at("top.sub.deep.x", 0), "000");
}

#[test]
fn output_path_and_format() {
    let m = design();
    let path = |o: WaveOptions, dumpfile: Option<&str>| {
        let mut d = Dumper::new(&m, o);
        if let Some(f) = dumpfile {
            d.dumpfile(f);
        }
        d.output_path()
    };
    let fst = || WaveOptions { format: Some(WaveFormat::Fst), ..WaveOptions::default() };
    assert_eq!(path(WaveOptions::default(), None), (PathBuf::from("dump.vcd"), WaveFormat::Vcd));
    assert_eq!(path(WaveOptions::default(), Some("w.fst")), (PathBuf::from("w.fst"), WaveFormat::Fst));
    assert_eq!(path(fst(), Some("w.vcd")), (PathBuf::from("w.fst"), WaveFormat::Fst));
    assert_eq!(path(fst(), None), (PathBuf::from("dump.fst"), WaveFormat::Fst));
    let forced = WaveOptions { file: Some("x.vcd".into()), ..WaveOptions::default() };
    assert_eq!(path(forced, Some("y.fst")), (PathBuf::from("x.vcd"), WaveFormat::Vcd));
    assert_eq!(WaveFormat::from_name("FST"), Some(WaveFormat::Fst));
    assert_eq!(WaveFormat::from_name("none"), None);
}

#[test]
fn nothing_is_written_without_dumpvars() {
    let dir = tmp();
    let file = dir.path().join("n.vcd");
    let mut d = Dumper::new(&design(), opts(&file));
    d.sample(0, &arena0()).unwrap();
    assert!(d.finish(5).unwrap().is_none());
    assert!(!file.exists());
}

#[test]
fn fst_flush_between_steps_keeps_values() {
    let dir = tmp();
    let file = dir.path().join("f.fst");
    let mut d = Dumper::new(&design(), opts(&file));
    d.dumpvars(0, 0, &[]).unwrap();
    let mut arena = arena0();
    for t in 0..20u64 {
        set(&mut arena, V, 4, &format!("{:04b}", t % 16));
        d.sample(t * 10, &arena).unwrap();
        if t % 3 == 0 {
            d.dumpflush();
        }
    }
    d.finish(200).unwrap();
    let mut w = Wave::read(&file);
    for t in 0..20u64 {
        assert_eq!(w.at("tb.v", t * 10 + 5), format!("{:04b}", t % 16), "at {}", t * 10 + 5);
    }
}

#[test]
fn the_last_step_is_sampled_at_the_end() {
    for format in [WaveFormat::Vcd, WaveFormat::Fst] {
        let dir = tmp();
        let file = dir.path().join(format!("z.{}", format.extension()));
        let mut d = Dumper::new(&design(), opts(&file));
        d.dumpvars(0, 0, &[]).unwrap();
        let mut arena = arena0();
        d.sample(0, &arena).unwrap();
        set(&mut arena, V, 4, "1111");
        d.sample(10, &arena).unwrap();
        set(&mut arena, A, 1, "1"); // the step that runs $finish, not sampled yet
        let summary = d.sample_and_finish(10, &arena).unwrap().unwrap();
        assert_eq!(summary.signals, 7);
        let mut w = Wave::read(&file);
        assert_eq!(w.at("tb.a", 10), "1", "{format:?}");
        assert_eq!(w.at("tb.v", 10), "1111", "{format:?}");
        if format == WaveFormat::Vcd {
            let text = std::fs::read_to_string(&file).unwrap();
            assert_eq!(text.matches("#10\n").count(), 1, "{text}");
        }
        // A design that calls $dumpvars and $finish in one step still gets a file.
        let mut d = Dumper::new(&design(), opts(&file));
        d.dumpvars(0, 1, &["tb".into()]).unwrap();
        d.sample_and_finish(0, &arena).unwrap().expect("a file");
        assert_eq!(Wave::read(&file).at("tb.v", 0), "1111");
    }
}
