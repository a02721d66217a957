//! The arena layout: the ONE place that decides where everything lives in the
//! artifact's linear memory (read by codegen, the host, waves and the GPU
//! backend).
//!
//! From `arena_base` upwards (every item 8-aligned, see `wsim_abi`):
//!
//! ```text
//! arena_base  static signals, in SignalId order (arrays: consecutive elements;
//!             a collapsed port has none of its own: it is its target's)
//!             NBA shadow records (`wsim_abi::shadow`), in SignalId order, then their `any` word
//!             the static scheduler's words (`wsim_abi::statics`)
//!             static process frames, in ProcId order (abi frame header + extra slots)
//!             constant pool
//!             temp stack (expression temporaries, grows upwards)
//! heap_start  guest heap (dynamic frames, queues), 64-aligned
//! ```
//!
//! Automatic locals (`Storage::Automatic(subr)`) are not in the arena: they
//! live in each activation's frame, at the offsets of [`SubrFrame`].
//!
//! Codegen learns how many extra frame bytes each process and subroutine
//! needs (temporaries that survive a wait) and how big the constant pool is
//! only while it generates code, so it passes them in [`LayoutRequest`].

use serde::Serialize;
use std::collections::HashMap;
use wsim_abi::{frame, value_bytes, VALUE_ALIGN};
use wsim_ir::{Design, SignalKind, Storage, SubrId, TypeKind};

/// Default size of the temp stack (expression temporaries).
pub const DEFAULT_TEMP_STACK: u32 = 1 << 20;

/// Sizes only codegen knows; all zero except the temp stack by default.
#[derive(Clone, Debug)]
pub struct LayoutRequest {
    /// Extra bytes after the header of each process's static frame, by ProcId.
    pub proc_extra: Vec<u32>,
    /// Extra bytes at the end of each subroutine's frame, by SubrId.
    pub subr_extra: Vec<u32>,
    pub const_pool_bytes: u32,
    pub temp_stack_bytes: u32,
    /// By SignalId: the signal gets an NBA shadow record. Known before
    /// any code is generated, so the records do not move between layouts.
    pub shadowed: Vec<bool>,
    /// How many processes are statically scheduled (known before code too).
    pub static_count: u32,
}

impl Default for LayoutRequest {
    fn default() -> Self {
        LayoutRequest {
            proc_extra: vec![],
            subr_extra: vec![],
            const_pool_bytes: 0,
            temp_stack_bytes: DEFAULT_TEMP_STACK,
            shadowed: vec![],
            static_count: 0,
        }
    }
}

/// Where one signal's storage lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Absolute arena offset of element 0.
    Static(u32),
    /// Offset of element 0 inside each frame of the automatic subroutine.
    Frame(SubrId, u32),
}

/// Storage of one signal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignalSlot {
    pub place: Place,
    /// Bytes of one element (`value_bytes(width)`, 8 for reals).
    pub elem_bytes: u32,
    pub elements: u64,
    /// A collapsed port (`Design::aliases`, `element_aliases`): `place`
    /// is its target's storage (an element's), which the design reaches
    /// under the target's name only; it is neither initialised nor
    /// counted as storage of its own.
    pub shared: bool,
}

impl SignalSlot {
    /// The absolute offset of a static signal (None for automatic ones).
    pub fn static_offset(&self) -> Option<u32> {
        match self.place {
            Place::Static(o) => Some(o),
            Place::Frame(..) => None,
        }
    }
}

/// A frame: header, then locals, then codegen's extra slots.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FrameLayout {
    /// Absolute offset (static process frames) or 0 (frames allocated at run time).
    pub offset: u32,
    /// Total bytes, header included (8-aligned).
    pub size: u32,
    /// Offset of the extra slots from the frame start.
    pub extra_offset: u32,
}

/// A half-open byte range of the arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
pub struct Region {
    pub start: u32,
    pub size: u32,
}

impl Region {
    pub fn end(&self) -> u32 {
        self.start + self.size
    }
}

/// One row of the signal table (`wsim.meta`, waves, GPU).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SignalEntry {
    pub id: u32,
    /// Hierarchical name (`tb.u_cpu.pc`).
    pub name: String,
    pub offset: u32,
    pub width: u32,
    pub signed: bool,
    pub four_state: bool,
    /// `var`, `event`, or the net kind (`wire`, `tri`, `wand`...).
    pub kind: String,
    /// `integral`, `real` or `event`.
    pub ty: String,
    pub elements: u64,
    /// Bytes of one element.
    pub elem_bytes: u32,
    pub msb: i64,
    pub lsb: i64,
    /// Unpacked dimensions as declared, outermost first.
    pub dims: Vec<(i64, i64)>,
    pub hidden: bool,
}

/// The complete arena layout of one design.
#[derive(Clone, Debug)]
pub struct Layout {
    pub arena_base: u32,
    /// By SignalId.
    pub signals: Vec<SignalSlot>,
    /// By SignalId: the address of its NBA shadow record, if it has one.
    pub shadows: Vec<Option<u32>>,
    /// All NBA shadow records, consecutive.
    pub shadow_records: Region,
    /// The u32 whose bit g is set when some shadow record of group g is
    /// armed ([`Layout::shadow_group`], `wsim_abi::shadow`); size 0 when
    /// there are no records.
    pub shadow_any: Region,
    /// The static scheduler's words (`wsim_abi::statics`); size 0 when no
    /// process is static.
    pub statics: Region,
    /// Static frame of each process, by ProcId.
    pub procs: Vec<FrameLayout>,
    /// Frame layout of each subroutine activation, by SubrId (`offset` 0).
    pub subrs: Vec<FrameLayout>,
    pub const_pool: Region,
    pub temp_stack: Region,
    /// Start of the guest heap (64-aligned).
    pub heap_start: u32,
    /// Static signals only, in SignalId order.
    pub table: Vec<SignalEntry>,
    /// False when the design needs more than 4 GiB (heap_start etc. are then
    /// meaningless): report E0402.
    pub fits: bool,
}

/// Bytes of one element of a value of this type.
/// Bytes from one NBA shadow record to the next.
fn shadow_stride() -> u32 {
    align(wsim_abi::shadow::SIZE as u64, VALUE_ALIGN as u64) as u32
}

impl Layout {
    /// The group of the NBA shadow record at `rec`, its bit in the `any`
    /// word: the records, in order, form up to 32 groups of equal size.
    pub fn shadow_group(&self, rec: u32) -> u32 {
        let count = self.shadow_records.size / shadow_stride();
        let per_group = count.div_ceil(32);
        (rec - self.shadow_records.start) / shadow_stride() / per_group
    }
}

pub fn elem_bytes(ty: &wsim_ir::Type) -> u32 {
    match ty.kind {
        TypeKind::Real => 8,
        _ => value_bytes(ty.width),
    }
}

/// The layout with no codegen extras (tests, tools).
pub fn layout(design: &Design, arena_base: u32) -> Layout {
    layout_with(design, arena_base, &LayoutRequest::default())
}

fn align(v: u64, a: u64) -> u64 {
    v.div_ceil(a) * a
}

/// The layout, with the sizes codegen asked for.
pub fn layout_with(design: &Design, arena_base: u32, req: &LayoutRequest) -> Layout {
    let a = VALUE_ALIGN as u64;
    let mut cur = align(arena_base as u64, a);
    let mut subr_cur: Vec<u64> = vec![frame::HEADER_SIZE as u64; design.subrs.len()];
    let mut signals = Vec::with_capacity(design.signals.len());
    let mut table = Vec::new();
    let links = port_links(design);
    for (id, sig) in design.signals.iter() {
        let eb = elem_bytes(&sig.ty);
        let elements = sig.elements();
        let bytes = align(eb as u64 * elements, a);
        let shared = links.contains_key(&id.raw());
        let place = match sig.storage {
            // placed at its target's below
            Storage::Static if shared => Place::Static(0),
            Storage::Static => {
                let off = cur;
                cur += bytes;
                Place::Static(off as u32)
            }
            Storage::Automatic(subr) => {
                let c = &mut subr_cur[subr.index()];
                let off = *c;
                *c += bytes;
                Place::Frame(subr, off as u32)
            }
        };
        signals.push(SignalSlot { place, elem_bytes: eb, elements, shared });
    }
    place_ports_at_targets(&links, &mut signals);
    for (id, sig) in design.signals.iter() {
        if let Place::Static(off) = signals[id.index()].place {
            table.push(entry(design, id, sig, off, signals[id.index()].elem_bytes));
        }
    }
    add_name_alias_rows(design, &mut table);
    let mut shadows = vec![None; design.signals.len()];
    let records_start = cur as u32;
    for (i, _) in req.shadowed.iter().enumerate().filter(|(_, &on)| on) {
        shadows[i] = Some(cur as u32);
        cur += shadow_stride() as u64;
    }
    let shadow_records = Region { start: records_start, size: cur as u32 - records_start };
    let shadow_any = match shadows.iter().flatten().count() {
        0 => Region { start: cur as u32, size: 0 },
        _ => Region { start: cur as u32, size: 8 },
    };
    cur += shadow_any.size as u64;
    let statics = match req.static_count {
        0 => Region { start: cur as u32, size: 0 },
        n => Region { start: cur as u32, size: wsim_abi::statics::size(n) },
    };
    cur += align(statics.size as u64, a);
    let mut procs = Vec::with_capacity(design.procs.len());
    for (id, _) in design.procs.iter() {
        let extra = req.proc_extra.get(id.index()).copied().unwrap_or(0) as u64;
        let size = align(frame::HEADER_SIZE as u64 + extra, a);
        procs.push(FrameLayout { offset: cur as u32, size: size as u32, extra_offset: frame::HEADER_SIZE });
        cur += size;
    }
    let subrs = subr_cur
        .iter()
        .enumerate()
        .map(|(i, &locals_end)| {
            let extra = req.subr_extra.get(i).copied().unwrap_or(0) as u64;
            let extra_offset = align(locals_end, a);
            FrameLayout { offset: 0, size: align(extra_offset + extra, a) as u32, extra_offset: extra_offset as u32 }
        })
        .collect();
    let const_start = cur;
    cur += align(req.const_pool_bytes as u64, a);
    let temp_start = cur;
    cur += align(req.temp_stack_bytes as u64, a);
    let heap_start = align(cur, 64);
    let fits = heap_start < (u32::MAX as u64) - (1 << 24);
    Layout {
        arena_base,
        signals,
        shadows,
        shadow_records,
        shadow_any,
        statics,
        procs,
        subrs,
        const_pool: Region { start: const_start as u32, size: req.const_pool_bytes },
        temp_stack: Region { start: temp_start as u32, size: align(req.temp_stack_bytes as u64, a) as u32 },
        heap_start: heap_start as u32,
        table,
        fits,
    }
}

/// What a collapsed port is another name for: a whole signal, or an
/// element of an array.
#[derive(Clone, Copy)]
enum Link {
    Whole(wsim_ir::SignalId),
    Element(wsim_ir::SignalId, u32),
}

/// The collapsed ports (`Design::aliases`, `element_aliases`) whose
/// targets, followed to a signal that is no port, are static, and the
/// signal each names. (The design never reads, writes or waits on them.)
fn port_links(design: &Design) -> HashMap<u32, Link> {
    let mut links: HashMap<u32, Link> = HashMap::new();
    for a in &design.element_aliases {
        links.insert(a.alias.raw(), Link::Element(a.array, a.elem));
    }
    for &(alias, target) in &design.aliases {
        links.insert(alias.raw(), Link::Whole(target));
    }
    let is_static = |links: &HashMap<u32, Link>, id: u32| {
        root_of(links, id).is_some_and(|(root, _)| {
            design.signals[root].storage == Storage::Static
                && design.signals[wsim_ir::SignalId::from_raw(id)].storage == Storage::Static
        })
    };
    // a port left out keeps storage of its own, and ends the chains
    // through it: until every chain ends at static storage
    loop {
        let unplaced: Vec<u32> = links.keys().copied().filter(|&id| !is_static(&links, id)).collect();
        if unplaced.is_empty() {
            return links;
        }
        for id in unplaced {
            links.remove(&id);
        }
    }
}

/// The signal that is no port at the end of `id`'s links, and how many
/// elements into it `id` lies (None for a cycle, which validation rules out).
fn root_of(links: &HashMap<u32, Link>, id: u32) -> Option<(wsim_ir::SignalId, u32)> {
    let (mut at, mut elem) = (wsim_ir::SignalId::from_raw(id), 0);
    for _ in 0..=links.len() {
        match links.get(&at.raw()) {
            None => return Some((at, elem)),
            Some(&Link::Whole(t)) => at = t,
            Some(&Link::Element(array, e)) => {
                at = array;
                elem += e;
            }
        }
    }
    None
}

/// Each collapsed port's place: its target's storage (an element's for an
/// element alias), so waves and VPI read the live value under its name.
fn place_ports_at_targets(links: &HashMap<u32, Link>, slots: &mut [SignalSlot]) {
    for &id in links.keys() {
        let (root, elem) = root_of(links, id).expect("linked ports end at a signal");
        let root_slot = slots[root.index()];
        if let Place::Static(offset) = root_slot.place {
            slots[id as usize].place = Place::Static(offset + elem * root_slot.elem_bytes);
        }
    }
}

/// A name bound to another scope's signal (`Design::name_aliases`) gets a
/// row of its own under its name, with the target's storage and id.
fn add_name_alias_rows(design: &Design, table: &mut Vec<SignalEntry>) {
    for alias in &design.name_aliases {
        let Some(row) = table.iter().find(|row| row.id == alias.target.raw()) else { continue };
        let mut row = row.clone();
        row.name = format!("{}.{}", design.scope_path(alias.scope), alias.name);
        table.push(row);
    }
}

fn entry(design: &Design, id: wsim_ir::SignalId, sig: &wsim_ir::Signal, offset: u32, eb: u32) -> SignalEntry {
    let kind = match sig.kind {
        SignalKind::Var => "var".to_string(),
        SignalKind::Event => "event".to_string(),
        SignalKind::Net(k) => format!("{k:?}").to_lowercase(),
    };
    let ty = match sig.ty.kind {
        TypeKind::Integral => "integral",
        TypeKind::Real => "real",
        TypeKind::Event => "event",
        TypeKind::String => "string",
        TypeKind::Container(_) => "container",
    };
    SignalEntry {
        id: id.raw(),
        name: design.signal_path(id),
        offset,
        width: sig.ty.width,
        signed: sig.ty.signed,
        four_state: sig.ty.four_state,
        kind,
        ty: ty.to_string(),
        elements: sig.elements(),
        elem_bytes: eb,
        msb: sig.msb,
        lsb: sig.lsb,
        dims: sig.dims.iter().map(|d| (d.left, d.right)).collect(),
        hidden: sig.hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wsim_ir::*;

    fn design() -> Design {
        let mut d = Design::default();
        let top = d.scopes.push(Scope {
            name: "tb".into(),
            parent: None,
            kind: ScopeKind::Instance,
            def_name: "tb".into(),
            time_unit: -9,
            time_precision: -12,
            span: Span::default(),
        });
        d.tops.push(top);
        let mk = |name: &str, ty: Type, dims: Vec<Dim>, storage: Storage| Signal {
            name: name.into(),
            scope: top,
            ty,
            dims,
            kind: SignalKind::Var,
            storage,
            init: None,
            msb: ty.width as i64 - 1,
            lsb: 0,
            hidden: false,
            span: Span::default(),
        };
        d.signals.push(mk("a", Type::logic(8, false), vec![], Storage::Static));
        d.signals.push(mk("wide", Type::logic(130, false), vec![], Storage::Static));
        d.signals.push(mk("r", Type::REAL, vec![], Storage::Static));
        d.signals.push(mk(
            "mem",
            Type::logic(65, false),
            vec![Dim { left: 0, right: 3 }, Dim { left: 2, right: 1 }],
            Storage::Static,
        ));
        let body = d.add_stmt(StmtKind::Nop, Span::default());
        let f = d.subrs.push(Subroutine {
            name: "f".into(),
            scope: top,
            kind: SubrKind::Function,
            automatic: true,
            formals: vec![],
            ret: None,
            locals: vec![],
            body,
            span: Span::default(),
        });
        d.signals.push(mk("loc", Type::INT, vec![], Storage::Automatic(f)));
        d.signals.push(mk("loc2", Type::logic(70, false), vec![], Storage::Automatic(f)));
        d.procs.push(Process { kind: ProcKind::Initial, body, scope: top, span: Span::default() });
        d
    }

    #[test]
    fn static_signals_are_packed_in_id_order() {
        let l = layout(&design(), 1000);
        assert_eq!(l.signals[0].place, Place::Static(1000));
        assert_eq!(l.signals[1].place, Place::Static(1016));
        // 130 bits = 3 limbs = 48 bytes
        assert_eq!(l.signals[2].place, Place::Static(1064));
        assert_eq!(l.signals[3].place, Place::Static(1072));
        // 65 bits = 32 bytes x 8 elements
        assert_eq!(l.signals[3].elem_bytes, 32);
        assert_eq!(l.signals[3].elements, 8);
        assert_eq!(l.procs[0].offset, 1072 + 256);
        assert_eq!(l.procs[0].size, frame::HEADER_SIZE);
    }

    #[test]
    fn collapsed_ports_are_the_live_storage_of_their_targets() {
        let mut d = design();
        let (a, wide, mem) = (SignalId::from_raw(0), SignalId::from_raw(1), SignalId::from_raw(3));
        d.element_aliases.push(ElementAlias { alias: a, array: mem, elem: 5 });
        // a whole alias onto the element alias ends at the element too
        d.aliases.push((wide, a));
        let l = layout(&d, 1000);
        let row = |id: SignalId| l.table.iter().find(|r| r.id == id.raw()).unwrap().offset;
        // the ports take no storage: `r` (8 bytes) and `mem` come first
        assert_eq!(l.signals[2].place, Place::Static(1000));
        let mem_at = 1000 + 8;
        assert_eq!(l.signals[3].place, Place::Static(mem_at));
        assert_eq!(l.signals[0].place, Place::Static(mem_at + 5 * 32));
        assert_eq!(l.signals[1].place, Place::Static(mem_at + 5 * 32));
        assert!(l.signals[0].shared && l.signals[1].shared && !l.signals[3].shared);
        assert_eq!((row(a), row(wide), row(mem)), (mem_at + 5 * 32, mem_at + 5 * 32, mem_at));
    }

    #[test]
    fn shadow_records_form_at_most_32_groups_in_order() {
        let mut l = layout(&design(), 1000);
        let stride = shadow_stride();
        l.shadow_records = Region { start: 5000, size: 100 * stride };
        // 100 records: groups of 4
        let groups: Vec<u32> = (0..100).map(|k| l.shadow_group(5000 + k * stride)).collect();
        assert_eq!((groups[0], groups[3], groups[4], groups[99]), (0, 0, 1, 24));
        l.shadow_records.size = 32 * stride;
        assert_eq!(l.shadow_group(5000 + 31 * stride), 31);
    }

    #[test]
    fn shadow_records_and_static_words_sit_between_signals_and_frames() {
        let req = LayoutRequest { shadowed: vec![true, false, false, false], static_count: 65, ..Default::default() };
        let l = layout_with(&design(), 1000, &req);
        let signals_end = 1072 + 256;
        assert_eq!(l.shadows, vec![Some(signals_end), None, None, None, None, None]);
        assert_eq!(l.shadow_any, Region { start: signals_end + wsim_abi::shadow::SIZE, size: 8 });
        // 65 processes: two words per bitset (pending, armed, later)
        assert_eq!(l.statics, Region { start: l.shadow_any.end(), size: wsim_abi::statics::PENDING + 48 });
        assert_eq!(l.procs[0].offset, l.statics.end());
        assert_eq!(l.shadow_group(signals_end), 0);
        let none = layout(&design(), 1000);
        assert_eq!((none.shadow_any.size, none.statics.size), (0, 0));
        assert_eq!(none.procs[0].offset, signals_end);
    }

    #[test]
    fn automatic_locals_live_in_the_frame() {
        let l = layout(&design(), 1000);
        let f = SubrId::from_raw(0);
        assert_eq!(l.signals[4].place, Place::Frame(f, frame::HEADER_SIZE));
        assert_eq!(l.signals[5].place, Place::Frame(f, frame::HEADER_SIZE + 16));
        assert_eq!(l.subrs[0].size, frame::HEADER_SIZE + 48);
        assert_eq!(l.table.len(), 4, "automatic locals are not in the signal table");
    }

    #[test]
    fn regions_follow_frames_and_heap_is_aligned() {
        let req = LayoutRequest {
            proc_extra: vec![20],
            subr_extra: vec![8],
            const_pool_bytes: 100,
            temp_stack_bytes: 4096,
            shadowed: vec![],
            static_count: 0,
        };
        let l = layout_with(&design(), 1000, &req);
        assert_eq!(l.procs[0].size, 72);
        assert_eq!(l.subrs[0].extra_offset, frame::HEADER_SIZE + 48);
        assert_eq!(l.subrs[0].size, frame::HEADER_SIZE + 56);
        assert_eq!(l.const_pool.start, l.procs[0].offset + 72);
        assert_eq!(l.temp_stack.start, l.const_pool.start + 104);
        assert_eq!(l.heap_start % 64, 0);
        assert!(l.heap_start >= l.temp_stack.end());
        assert!(l.fits);
    }

    #[test]
    fn table_has_names_and_serialises() {
        let l = layout(&design(), 64);
        assert_eq!(l.table[3].name, "tb.mem");
        assert_eq!(l.table[3].dims, vec![(0, 3), (2, 1)]);
        assert_eq!(l.table[2].ty, "real");
        let json = serde_json::to_string(&l.table).unwrap();
        assert!(json.contains("\"name\":\"tb.wide\""));
    }
}
