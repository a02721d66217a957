//! The abstract syntax tree: what the parser produces, before any name is
//! resolved or any parameter evaluated.
//!
//! Invariants:
//! - Every node that a diagnostic may point at has a [`Span`].
//! - The tree is what the user wrote, minus syntactic sugar that has one
//!   obvious meaning (ANSI port direction/type inheritance is already
//!   applied; `begin`/`end` labels are checked and dropped).
//! - Constructs that wsim recognises but does not support parse into
//!   `Unsupported { what, span }` nodes so elaboration can report them by name;
//!   nothing is silently dropped.
//! - Hierarchical and member references are *not* disambiguated here:
//!   `a.b[2].c` parses as `Member(Index(Member(Ident a, b), 2), c)` and
//!   elaboration decides which prefixes are scopes and which are values.

use wsim_diag::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A whole compilation: every file, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceUnit {
    pub items: Vec<Item>,
}

/// Compile-unit level items.
// A few items per file, built once and walked once: boxing the large variant
// would add an allocation per module for nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Module(ModuleDecl),
    Package(PackageDecl),
    /// Declarations outside any module (`$unit` scope): typedefs,
    /// functions, tasks, parameters, imports.
    Unit(ModuleItem),
    /// `primitive ... endprimitive`: a user-defined primitive (IEEE
    /// 1364-2005 clause 8).
    Primitive(UdpDecl),
}

/// A user-defined primitive. The parser has already checked the table's
/// shape: every row has one entry per input, a current-state column exactly
/// when `sequential`, at most one edge per row and edges only in sequential
/// UDPs.
#[derive(Clone, Debug, PartialEq)]
pub struct UdpDecl {
    pub name: Ident,
    pub output: Ident,
    /// The inputs in port-list order (the table's column order).
    pub inputs: Vec<Ident>,
    /// Declared `reg` (the output holds state; rows have a current-state
    /// column).
    pub sequential: bool,
    /// `initial q = 1'b1;` or `output reg q = 1'b1`: the output's value
    /// before the first evaluation (sequential UDPs only).
    pub init: Option<Expr>,
    pub rows: Vec<UdpRow>,
    /// The `` `timescale `` in effect at `primitive`.
    pub timescale: Option<Timescale>,
    pub span: Span,
}

/// One table row: `0 (01) ? : 1 : -;`.
#[derive(Clone, Debug, PartialEq)]
pub struct UdpRow {
    pub inputs: Vec<UdpInput>,
    /// The current-state column (sequential UDPs only).
    pub state: Option<UdpLevel>,
    pub output: UdpOutput,
    pub span: Span,
}

/// A level symbol: `0 1 x ? b` (`?` is 0, 1 or x; `b` is 0 or 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UdpLevel {
    Zero,
    One,
    X,
    Any,
    Bin,
}

/// An input entry: a level or an edge. `r` = `(01)`, `f` = `(10)`,
/// `p` = `(01) (0x) (x1)`, `n` = `(10) (1x) (x0)`, `*` = `(??)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UdpInput {
    Level(UdpLevel),
    Edge(UdpLevel, UdpLevel),
    Posedge,
    Negedge,
}

/// The next-state column: `0 1 x`, or `-` (no change, sequential only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UdpOutput {
    Zero,
    One,
    X,
    NoChange,
}

/// `1ns/1ps` style: each is a power of ten of seconds (`10ns` = -8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timescale {
    pub unit: i8,
    pub precision: i8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModuleKind {
    Module,
    Macromodule,
    Program,
    Interface,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ModuleDecl {
    pub kind: ModuleKind,
    pub name: Ident,
    pub span: Span,
    /// The `` `timescale `` in effect where the module starts (or set by
    /// `timeunit`/`timeprecision` inside it).
    pub timescale: Option<Timescale>,
    /// The `` `default_nettype `` in effect (None = `none`).
    pub default_nettype: Option<NetType>,
    /// `import p::*;` in the module header.
    pub imports: Vec<ImportItem>,
    /// Parameters from the `#( ... )` header, in order.
    pub params: Vec<ParamDecl>,
    pub ports: PortList,
    pub items: Vec<ModuleItem>,
    /// Whether the module header had `#(` ... `)` (then body `parameter`s
    /// are local, IEEE 1800-2017 6.20.1).
    pub has_param_port_list: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PackageDecl {
    pub name: Ident,
    pub span: Span,
    pub items: Vec<ModuleItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportItem {
    pub package: Ident,
    /// `None` for `pkg::*`.
    pub name: Option<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PortList {
    /// `module m;` or `module m();`
    None,
    /// `module m(a, b, .c(x), {d, e});` with directions given in the body.
    NonAnsi(Vec<NonAnsiPort>),
    /// `module m(input [3:0] a, output reg b);` (direction and type
    /// inheritance from the previous port already applied).
    Ansi(Vec<AnsiPort>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct NonAnsiPort {
    /// External name for `.name(expr)` ports; for a plain `a` port this is
    /// `a` and `expr` is `Ident a`.
    pub name: Option<Ident>,
    /// The port expression: an identifier, a part select or a concatenation
    /// (None for an empty port `.a()`).
    pub expr: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Input,
    Output,
    Inout,
    Ref,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AnsiPort {
    pub dir: Direction,
    /// An explicit net type (`input wire a`); `None` when not written.
    pub net_type: Option<NetType>,
    /// Declared with `reg`, `logic` (in an output), `var`, or any variable
    /// data type (`int`, a struct, ...).
    pub is_var: bool,
    pub ty: DataType,
    pub name: Ident,
    pub unpacked: Vec<Range>,
    pub default: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetType {
    Wire,
    Tri,
    Wand,
    Wor,
    Triand,
    Trior,
    Tri0,
    Tri1,
    Supply0,
    Supply1,
    Uwire,
    Trireg,
}

/// `[msb:lsb]` (or `[size]` for unpacked dimensions, stored as
/// `msb = size-1`... no: stored as `Size(expr)` so elaboration can apply the
/// `[0:size-1]` rule).
#[derive(Clone, Debug, PartialEq)]
pub enum Range {
    Bounds {
        msb: Expr,
        lsb: Expr,
        span: Span,
    },
    /// `[N]` in an unpacked dimension: same as `[0:N-1]`.
    Size {
        size: Expr,
        span: Span,
    },
    /// `[]`: a dynamic array dimension (unsized packed dimensions are
    /// errors).
    Unsized {
        span: Span,
    },
    /// `[$]` or `[$:bound]`: a queue (IEEE 1800-2017 7.10).
    Queue {
        bound: Option<Box<Expr>>,
        span: Span,
    },
    /// `[*]` (`key: None`) or `[type]`: an associative array (7.8).
    Assoc {
        key: Option<Box<DataType>>,
        span: Span,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntAtom {
    Byte,
    Shortint,
    Int,
    Longint,
    Integer,
    Time,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VectorKind {
    Logic,
    Reg,
    Bit,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DataType {
    /// No data type keyword: `input [3:0] a`, `wire signed [7:0] w`,
    /// `parameter [7:0] P`. `packed` may be empty (1 bit / untyped).
    Implicit {
        signed: bool,
        packed: Vec<Range>,
        span: Span,
    },
    /// `logic`, `reg`, `bit` with optional signing and packed dimensions.
    Vector {
        kind: VectorKind,
        signed: bool,
        packed: Vec<Range>,
        span: Span,
    },
    /// `int`, `integer`, `byte`, ... with optional `signed`/`unsigned`.
    Atom {
        atom: IntAtom,
        signed: Option<bool>,
        span: Span,
    },
    Real {
        span: Span,
    },
    Shortreal {
        span: Span,
    },
    Realtime {
        span: Span,
    },
    String {
        span: Span,
    },
    Event {
        span: Span,
    },
    Void {
        span: Span,
    },
    /// A typedef name, possibly package-scoped, with packed dims after it.
    Named {
        package: Option<Ident>,
        name: Ident,
        packed: Vec<Range>,
        span: Span,
    },
    Enum(Box<EnumType>),
    Struct(Box<StructType>),
    /// A parameterised class type `C #(8, T)` / `pkg::C #(.W(8))` (a class
    /// named without `#(...)` parses as [`DataType::Named`]).
    ClassSpec {
        package: Option<Ident>,
        name: Ident,
        params: Vec<ParamConn>,
        span: Span,
    },
    /// `type(expr)` (unsupported for now) and other exotic types.
    Unsupported {
        what: String,
        span: Span,
    },
}

impl DataType {
    pub fn span(&self) -> Span {
        match self {
            DataType::Implicit { span, .. }
            | DataType::Vector { span, .. }
            | DataType::Atom { span, .. }
            | DataType::Real { span }
            | DataType::Shortreal { span }
            | DataType::Realtime { span }
            | DataType::String { span }
            | DataType::Event { span }
            | DataType::Void { span }
            | DataType::Named { span, .. }
            | DataType::ClassSpec { span, .. }
            | DataType::Unsupported { span, .. } => *span,
            DataType::Enum(e) => e.span,
            DataType::Struct(s) => s.span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct EnumType {
    /// Base type; `None` means `int`.
    pub base: Option<DataType>,
    pub members: Vec<EnumMember>,
    /// Packed dimensions written after the closing brace.
    pub packed: Vec<Range>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EnumMember {
    pub name: Ident,
    /// `name[N]` / `name[N:M]` ranges (rare).
    pub range: Option<Range>,
    pub init: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StructType {
    pub is_union: bool,
    /// `union tagged` (1800-2017 7.3.2).
    pub tagged: bool,
    pub packed: bool,
    pub signed: bool,
    pub members: Vec<StructMember>,
    /// Packed dimensions written after the closing brace.
    pub dims: Vec<Range>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StructMember {
    pub ty: DataType,
    pub declarators: Vec<Declarator>,
}

/// One name in a declaration list: `a[0:3] = init`.
#[derive(Clone, Debug, PartialEq)]
pub struct Declarator {
    pub name: Ident,
    pub unpacked: Vec<Range>,
    pub init: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lifetime {
    Static,
    Automatic,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VarDecl {
    pub ty: DataType,
    pub is_const: bool,
    pub lifetime: Option<Lifetime>,
    pub vars: Vec<Declarator>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NetDecl {
    pub net_type: NetType,
    pub ty: DataType,
    /// `wire (weak0, weak1) w = e;`: the strength of the declaration assignments.
    pub strength: Option<Strength>,
    pub delay: Option<Delay>,
    pub nets: Vec<Declarator>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ParamDecl {
    /// `localparam` (or `parameter` in a body where a header list exists).
    pub local: bool,
    /// `parameter type T = int`.
    pub is_type: bool,
    /// `None` for untyped `parameter P = 1`; for a type parameter, unused.
    pub ty: Option<DataType>,
    pub assigns: Vec<ParamAssign>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ParamAssign {
    pub name: Ident,
    pub unpacked: Vec<Range>,
    /// Default value; `None` only in a header list without default.
    pub value: Option<ParamValue>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ParamValue {
    Expr(Expr),
    /// A data type: a type parameter's default, or an override that starts
    /// with a type keyword (`.T(logic [3:0])`). A bare typedef name in an
    /// override (`.T(my_t)`) parses as `Expr(Ident)`: elaboration decides.
    Type(DataType),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Typedef {
    pub name: Ident,
    pub ty: DataType,
    pub unpacked: Vec<Range>,
    pub span: Span,
}

/// A non-ANSI port declaration in a module or task/function body:
/// `input [3:0] a, b;`, `output reg [7:0] q;`.
#[derive(Clone, Debug, PartialEq)]
pub struct PortDecl {
    pub dir: Direction,
    pub net_type: Option<NetType>,
    pub is_var: bool,
    pub ty: DataType,
    pub names: Vec<Declarator>,
    pub span: Span,
}

/// `#5`, `#(1:2:3)` (min:typ:max kept as an Expr::MinTypMax), `#(r, f)`
/// (only the first is used for now; the rest kept).
#[derive(Clone, Debug, PartialEq)]
pub struct Delay {
    pub values: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ContAssign {
    pub strength: Option<Strength>,
    pub delay: Option<Delay>,
    pub assigns: Vec<(Expr, Expr)>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcessKind {
    Initial,
    Always,
    AlwaysComb,
    AlwaysFf,
    AlwaysLatch,
    Final,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProcessDecl {
    pub kind: ProcessKind,
    pub body: Stmt,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Instantiation {
    pub module: Ident,
    /// `udp (strong0, pull1) u (...)`: primitive instances only.
    pub strength: Option<Strength>,
    pub params: Vec<ParamConn>,
    pub instances: Vec<Instance>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ParamConn {
    Ordered(ParamValue),
    /// `.N(value)`; `value` is None for `.N()`.
    Named {
        name: Ident,
        value: Option<ParamValue>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Instance {
    /// Empty for an unnamed instance (`udp (y, a);`: only primitive
    /// instances may leave the name out; elaboration rejects it for modules).
    pub name: Ident,
    /// Instance array ranges: `u[3:0]`.
    pub unpacked: Vec<Range>,
    pub conns: Vec<PortConn>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PortConn {
    /// Positional; `None` for an empty position `(a, , b)`.
    Ordered(Option<Expr>, Span),
    /// `.name(expr)`, `.name()` (expr None) and `.name` (expr = Ident name).
    Named { name: Ident, expr: Option<Expr>, span: Span },
    /// `.*`
    Wildcard(Span),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GateKind {
    And,
    Nand,
    Or,
    Nor,
    Xor,
    Xnor,
    Buf,
    Not,
    Bufif0,
    Bufif1,
    Notif0,
    Notif1,
    Pullup,
    Pulldown,
    /// MOS switches (IEEE 1364-2005 7.7); the resistive `r` forms only
    /// reduce strength, which wsim does not model, so they share these.
    Nmos,
    Pmos,
    Cmos,
    /// Bidirectional switches (1364-2005 7.6): `tran (a, b)`, `tranif0/1
    /// (a, b, control)`; `rtran*` set [`GateInst::resistive`].
    Tran,
    Tranif0,
    Tranif1,
}

/// A drive strength pair `(strong0, weak1)` (1364-2005 7.8), levels 0
/// (highz) to 7 (supply): 1 small, 2 medium, 3 weak, 4 large, 5 pull,
/// 6 strong. A charge strength `(small)` (trireg) sets both to its level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strength {
    pub s0: u8,
    pub s1: u8,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GateInst {
    pub kind: GateKind,
    /// `rnmos`, `rtran`...: the resistive form, which reduces strengths
    /// (1364-2005 7.12, table 7-14).
    pub resistive: bool,
    pub strength: Option<Strength>,
    pub delay: Option<Delay>,
    /// Each instance: optional name, optional array range, terminals
    /// (outputs first, as the standard orders them).
    pub instances: Vec<GateInstance>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GateInstance {
    pub name: Option<Ident>,
    pub unpacked: Vec<Range>,
    pub terminals: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TfPort {
    pub dir: Direction,
    pub ty: DataType,
    pub name: Ident,
    pub unpacked: Vec<Range>,
    pub default: Option<Expr>,
    pub span: Span,
}

/// Declarations allowed inside functions, tasks and named blocks.
#[derive(Clone, Debug, PartialEq)]
pub enum BlockDecl {
    Var(VarDecl),
    Param(ParamDecl),
    Typedef(Typedef),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDecl {
    pub name: Ident,
    pub lifetime: Option<Lifetime>,
    /// Return type; `Implicit` with no range means a 1-bit `logic`;
    /// `Void` for void functions.
    pub ret: DataType,
    /// Ports in order (ANSI list, or collected from `input ...;` items).
    pub ports: Vec<TfPort>,
    pub decls: Vec<BlockDecl>,
    pub body: Vec<Stmt>,
    pub span: Span,
    /// `function int C::f(...)`: the class an out-of-class method body
    /// belongs to (IEEE 1800-2017 8.24); `None` for an ordinary function.
    pub class_scope: Option<Ident>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TaskDecl {
    pub name: Ident,
    pub lifetime: Option<Lifetime>,
    pub ports: Vec<TfPort>,
    pub decls: Vec<BlockDecl>,
    pub body: Vec<Stmt>,
    pub span: Span,
    /// `task C::t(...)`: see [`FunctionDecl::class_scope`].
    pub class_scope: Option<Ident>,
}

/// `class Name [#(params)] [extends Base [#(...)] [(args)]] [implements
/// I, ...]; items endclass` (IEEE 1800-2017 8.3). `this` and `super` parse
/// as [`ExprKind::Ident`] named `this` / `super` (reserved words, so no user
/// name can collide); `super.new(...)` is a [`StmtKind::Call`] of
/// `Member(Ident super, new)`.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDecl {
    pub name: Ident,
    /// `virtual class`: abstract, cannot be instantiated (8.21).
    pub is_virtual: bool,
    /// `interface class` (8.26).
    pub is_interface: bool,
    /// The `#( ... )` parameter list (value and type parameters).
    pub params: Vec<ParamDecl>,
    /// `extends Base`: the base class type (`Named` or `ClassSpec`).
    pub extends: Option<DataType>,
    /// `extends Base(args)`: constructor arguments for the base (8.17).
    pub extends_args: Option<Vec<Option<Expr>>>,
    /// `implements I1, I2` (interface classes); for an interface class,
    /// its `extends` list goes here too.
    pub implements: Vec<DataType>,
    pub items: Vec<ClassItem>,
    pub span: Span,
}

/// Qualifiers written before a class item (8.5, 8.18, 8.20, 18.4).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClassQuals {
    pub is_static: bool,
    pub is_local: bool,
    pub is_protected: bool,
    pub is_virtual: bool,
    pub is_pure: bool,
    pub is_extern: bool,
    pub is_const: bool,
    /// `rand` / `randc`.
    pub rand: Option<RandKind>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RandKind {
    Rand,
    Randc,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ClassItem {
    /// A property (class variable) declaration.
    Property {
        quals: ClassQuals,
        decl: VarDecl,
    },
    /// A method with its body; with `is_pure`/`is_extern` in `quals`, a
    /// prototype only (empty body; an `extern` body comes from an
    /// out-of-class definition, `FunctionDecl::class_scope`).
    Function {
        quals: ClassQuals,
        decl: FunctionDecl,
    },
    Task {
        quals: ClassQuals,
        decl: TaskDecl,
    },
    Param(ParamDecl),
    Typedef(Typedef),
    /// `constraint name { ... }` (kept by name; its expressions are not
    /// parsed: wsim has no constraint solver). Prototypes (`extern`,
    /// `pure`, or implicit `constraint name;`) have no body (`has_body`
    /// false). `no_randc` lists the names the body uses where a `randc`
    /// variable is not allowed (18.5.4, 18.5.10, 18.5.14): after `soft`,
    /// before `dist`, in `solve ... before ...`.
    Constraint {
        name: Ident,
        quals: ClassQuals,
        has_body: bool,
        no_randc: Vec<Ident>,
        span: Span,
    },
    /// A nested class declaration.
    Class(Box<ClassDecl>),
    /// Recognised, not supported (`covergroup` inside a class ...).
    Unsupported {
        what: String,
        span: Span,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct GenBlock {
    pub label: Option<Ident>,
    pub items: Vec<ModuleItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GenCaseItem {
    /// Empty for `default`.
    pub exprs: Vec<Expr>,
    pub block: GenBlock,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ModuleItem {
    PortDecl(PortDecl),
    Net(NetDecl),
    Var(VarDecl),
    Param(ParamDecl),
    Typedef(Typedef),
    Genvar(Vec<Ident>),
    ContAssign(ContAssign),
    Process(ProcessDecl),
    Instance(Instantiation),
    Gate(GateInst),
    Function(FunctionDecl),
    Task(TaskDecl),
    Import(Vec<ImportItem>),
    /// `defparam a.b.P = 3, c.Q = 4;`
    Defparam(Vec<(Expr, Expr)>, Span),
    /// `generate ... endgenerate` (its items are also valid without it).
    GenerateRegion(Vec<ModuleItem>, Span),
    /// `for (genvar i = 0; i < N; i = i + 1) begin : blk ... end`
    GenFor {
        /// The loop variable (declared inline with `genvar` or outside).
        var: Ident,
        init: Expr,
        cond: Expr,
        /// The step as an assignment: `i = i + 1`, `i++`, `i += 2` are all
        /// normalised to the new value of `var` (e.g. `i + 1`).
        step: Expr,
        block: GenBlock,
        span: Span,
    },
    GenIf {
        cond: Expr,
        then_block: GenBlock,
        else_block: Option<GenBlock>,
        span: Span,
    },
    GenCase {
        expr: Expr,
        items: Vec<GenCaseItem>,
        span: Span,
    },
    /// A bare `begin ... end` generate block.
    GenBlock(GenBlock),
    /// `class ... endclass` (IEEE 1800-2017 clause 8), also `virtual class`
    /// and `interface class`.
    Class(Box<ClassDecl>),
    /// `constraint C::name { ... }`: the body of a constraint declared in
    /// class `C` (18.5.1); the body is not kept (see `ClassItem::Constraint`).
    ClassConstraint {
        class: Ident,
        name: Ident,
        span: Span,
    },
    /// `timeunit 1ns;` / `timeprecision 1ps;` (already applied to the module's
    /// timescale; kept for completeness).
    Timeunits(Span),
    /// `specify ... endspecify` (IEEE 1364-2005 clause 14): module path
    /// delays and timing checks. Its `specparam`s are `ModuleItem::Param`s
    /// placed before it.
    Specify(SpecifyBlock),
    /// Recognised, not supported: `interface` items, `class`, `covergroup`,
    /// `property`, `sequence`, concurrent `assert property`, `bind`,
    /// `clocking`, a `primitive` inside a module...
    Unsupported {
        what: String,
        span: Span,
    },
}

/// A specify block's paths and timing checks, in source order.
#[derive(Clone, Debug, PartialEq)]
pub struct SpecifyBlock {
    pub paths: Vec<ModulePath>,
    pub timing_checks: Vec<TimingCheck>,
    pub span: Span,
}

/// `[if (cond) | ifnone] ([edge] srcs (=> | *>) dsts) = delays;` or the
/// edge-sensitive form `(posedge clk => (q +: d)) = ...` (1364-2005 14.2).
#[derive(Clone, Debug, PartialEq)]
pub struct ModulePath {
    pub condition: PathCondition,
    /// `posedge`/`negedge`/`edge` before the first source; `Any` for none.
    pub edge: Edge,
    pub sources: Vec<Expr>,
    /// `*>` (full connection) rather than `=>` (parallel).
    pub full: bool,
    pub destinations: Vec<Expr>,
    /// The data source of an edge-sensitive path (`q +: d`): kept for
    /// completeness, it does not change the delay (14.2.3).
    pub data_source: Option<Expr>,
    /// 1, 2, 3, 6 or 12 delay values (each possibly `min:typ:max`).
    pub delays: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PathCondition {
    Always,
    /// `if (expr)`: a state-dependent path (14.2.4).
    If(Expr),
    /// `ifnone`: used when no other path to the destination applies.
    IfNone,
}

/// A timing check (`$setup`, `$hold`, `$width`, ... 1364-2005 15), kept by
/// name: wsim does not check timing (see docs/specify.md).
#[derive(Clone, Debug, PartialEq)]
pub struct TimingCheck {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinKind {
    All,
    Any,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Seq,
    Par(JoinKind),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AShl,
    AShr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseKind {
    Case,
    Casez,
    Casex,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    None,
    Unique,
    Unique0,
    Priority,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseItem {
    /// Empty for `default`.
    pub exprs: Vec<Expr>,
    pub body: Stmt,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Any,
    Pos,
    Neg,
    /// `edge`: either.
    Both,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EventExpr {
    pub edge: Edge,
    pub expr: Expr,
    pub iff: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum EventControl {
    /// `@*` or `@(*)`
    Star(Span),
    /// `@(a or posedge b, c)` and `@a`, `@e` (a single name is a list of one).
    List(Vec<EventExpr>, Span),
}

#[derive(Clone, Debug, PartialEq)]
pub enum TimingControl {
    Delay(Delay),
    Event(EventControl),
    /// `repeat (n) @(posedge clk)` in an intra-assignment control.
    RepeatEvent {
        count: Expr,
        event: EventControl,
        span: Span,
    },
}

/// Initialiser of a `for` loop: `int i = 0` or `i = 0`.
// One per `for` loop header; boxing would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum ForInit {
    Decl(VarDecl),
    Assign(Stmt),
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    Null,
    Block {
        kind: BlockKind,
        name: Option<Ident>,
        decls: Vec<BlockDecl>,
        stmts: Vec<Stmt>,
    },
    /// `lhs = rhs`, `lhs <= rhs`, `lhs += rhs`, with optional intra-assignment
    /// timing control (`a = #5 b`, `a <= @(posedge c) b`).
    Assign {
        lhs: Expr,
        op: AssignOp,
        rhs: Expr,
        nonblocking: bool,
        timing: Option<TimingControl>,
    },
    If {
        qualifier: Qualifier,
        cond: Expr,
        then_stmt: Box<Stmt>,
        else_stmt: Option<Box<Stmt>>,
    },
    Case {
        qualifier: Qualifier,
        kind: CaseKind,
        inside: bool,
        expr: Expr,
        items: Vec<CaseItem>,
    },
    For {
        init: Vec<ForInit>,
        cond: Option<Expr>,
        step: Vec<Stmt>,
        body: Box<Stmt>,
    },
    While {
        cond: Expr,
        body: Box<Stmt>,
    },
    DoWhile {
        body: Box<Stmt>,
        cond: Expr,
    },
    Repeat {
        count: Expr,
        body: Box<Stmt>,
    },
    Forever {
        body: Box<Stmt>,
    },
    Foreach {
        array: Expr,
        vars: Vec<Option<Ident>>,
        body: Box<Stmt>,
    },
    /// `#d stmt`, `@(e) stmt` (stmt may be `Null` for `#d;`).
    Timed {
        control: TimingControl,
        stmt: Box<Stmt>,
    },
    Wait {
        cond: Expr,
        stmt: Box<Stmt>,
    },
    WaitFork,
    /// `-> e`
    Trigger(Expr),
    Disable(Expr),
    DisableFork,
    /// A task or void-function call used as a statement: `t(a, b);`, `t;`.
    /// `name` is an identifier or hierarchical reference.
    Call {
        name: Expr,
        args: Vec<Option<Expr>>,
    },
    /// `$display(...)`, `$finish;` ...
    SysCall {
        name: String,
        name_span: Span,
        args: Vec<Option<Expr>>,
    },
    Return(Option<Expr>),
    Break,
    Continue,
    /// An expression statement: `i++;`, `void'(f(x));`.
    Expr(Expr),
    /// Procedural continuous assignments (IEEE 1364-2005 9.3):
    /// `assign lv = e;`, `force lv = e;` (`rhs` is `Some`), `deassign lv;`,
    /// `release lv;` (`rhs` is `None`).
    ProcCont {
        op: ProcContOp,
        lhs: Expr,
        rhs: Option<Expr>,
    },
    /// Deferred and concurrent assertions ... : named, reported by elaboration.
    Unsupported {
        what: String,
    },
}

/// Which procedural continuous assignment a [`StmtKind::ProcCont`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcContOp {
    Assign,
    Deassign,
    Force,
    Release,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    Binary,
    Octal,
    Decimal,
    Hex,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NumberLit {
    /// `Some(8)` for `8'hff`; `None` for unsized (`'hff`, `42`).
    pub size: Option<u32>,
    pub signed: bool,
    /// `None` for a plain decimal number like `42` (which is signed).
    pub base: Option<Base>,
    /// Digits with underscores removed, lower-cased (`x`, `z`, `?` kept).
    pub digits: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Plus,
    Minus,
    LogNot,
    BitNot,
    RedAnd,
    RedNand,
    RedOr,
    RedNor,
    RedXor,
    RedXnor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Eq,
    Ne,
    CaseEq,
    CaseNe,
    WildEq,
    WildNe,
    Lt,
    Le,
    Gt,
    Ge,
    LogAnd,
    LogOr,
    LogImplies,
    LogEquiv,
    BitAnd,
    BitOr,
    BitXor,
    BitXnor,
    Shl,
    Shr,
    AShl,
    AShr,
}

impl BinaryOp {
    /// The operator as written (`~^` for `BitXnor`).
    pub fn text(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Mod => "%",
            Pow => "**",
            Eq => "==",
            Ne => "!=",
            CaseEq => "===",
            CaseNe => "!==",
            WildEq => "==?",
            WildNe => "!=?",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            LogAnd => "&&",
            LogOr => "||",
            LogImplies => "->",
            LogEquiv => "<->",
            BitAnd => "&",
            BitOr => "|",
            BitXor => "^",
            BitXnor => "~^",
            Shl => "<<",
            Shr => ">>",
            AShl => "<<<",
            AShr => ">>>",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeKind {
    /// `[msb:lsb]`
    Const,
    /// `[base +: width]`
    PlusUp,
    /// `[base -: width]`
    MinusDown,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CastType {
    /// `int'(x)`, `my_t'(x)`. A bare (package-scoped) name before `'(`
    /// always parses as `Type(Named)`: elaboration treats it as a size cast
    /// when the name is a parameter (`WIDTH'(x)`).
    Type(DataType),
    /// `8'(x)`, `(W+1)'(x)`
    Size(Expr),
    Signed,
    Unsigned,
}

/// The slice size of a streaming concatenation: a constant expression
/// (which may also be a typedef name) or a type keyword (`byte`).
#[derive(Clone, Debug, PartialEq)]
pub enum StreamSlice {
    Size(Expr),
    Type(DataType),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Number(NumberLit),
    Real(f64),
    /// `10ns` as written: the value and the unit as a power of ten of seconds.
    Time {
        value: f64,
        unit: i8,
    },
    /// `'0`, `'1`, `'x`, `'z`
    UnbasedUnsized(char),
    /// Escapes already processed.
    String(String),
    /// `a`, or `pkg::a` / `$unit::a`.
    Ident {
        package: Option<Ident>,
        name: Ident,
    },
    Index {
        base: Box<Expr>,
        index: Box<Expr>,
    },
    Range {
        base: Box<Expr>,
        kind: RangeKind,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `base.name`: a hierarchical step or a struct member.
    Member {
        base: Box<Expr>,
        name: Ident,
    },
    Unary {
        op: UnaryOp,
        expr: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Cond {
        cond: Box<Expr>,
        then_expr: Box<Expr>,
        else_expr: Box<Expr>,
    },
    /// `{a, b, c}`; an empty `{}` (an empty queue, 7.10) has no items.
    Concat(Vec<Expr>),
    /// `{n{a, b}}`
    Replicate {
        count: Box<Expr>,
        exprs: Vec<Expr>,
    },
    /// `f(a, b)`; `name` is an identifier or hierarchical reference.
    Call {
        name: Box<Expr>,
        args: Vec<Option<Expr>>,
    },
    /// `$clog2(x)`, `$time`, `$signed(a)`; `x.name()` / `x.next()` enum
    /// methods parse as `MethodCall`.
    SysCall {
        name: String,
        args: Vec<Option<Expr>>,
    },
    /// `base.method(args)` for built-in method names only (`name`, `next`,
    /// `prev`, `first`, `last`, `num`, `size`, `push_back`, ...) followed by
    /// `(`. Without parentheses (`e.next`) it is a `Member`, and `u.f(x)`
    /// with any other name is a `Call` of `Member(u, f)`.
    MethodCall {
        base: Box<Expr>,
        method: Ident,
        args: Vec<Option<Expr>>,
    },
    Cast {
        ty: Box<CastType>,
        expr: Box<Expr>,
    },
    /// `'{a, b}`, `'{default: 0}`, `'{x: 1, y: 2}`. The `default` key is
    /// `Ident default`; the replication form `'{n{a}}` is one unkeyed
    /// `Replicate` item. A typed pattern `T'{a, b}` parses as
    /// `Cast { ty: Type(T), expr: AssignPattern }`.
    AssignPattern(Vec<(Option<Expr>, Expr)>),
    /// `i++`, `--i` used as an expression or statement.
    IncDec {
        increment: bool,
        prefix: bool,
        expr: Box<Expr>,
    },
    /// `a = b` inside an expression (SV); mostly seen in for-steps.
    AssignExpr {
        op: AssignOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `(min:typ:max)`: elaboration uses `typ`.
    MinTypMax(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `x inside {a, [b:c]}`
    Inside {
        expr: Box<Expr>,
        set: Vec<Expr>,
    },
    /// `[lo:hi]`: a value range, only as an element of an `inside` set or a
    /// `case ... inside` item label (`$` bounds parse as [`ExprKind::Dollar`]).
    ValueRange {
        lo: Box<Expr>,
        hi: Box<Expr>,
    },
    /// `.name(value)` (value None for `.name()`): a named argument, only
    /// as an element of the `args` of `Call`/`SysCall`/`MethodCall`
    /// (`f(.a(1), .b(x))`, IEEE 1800-2017 13.5.4).
    NamedArg {
        name: Ident,
        value: Option<Box<Expr>>,
    },
    /// `new[size]` or `new[size](init)`: a dynamic array (7.5.1).
    NewArray {
        size: Box<Expr>,
        init: Option<Box<Expr>>,
    },
    /// `call with (cond)`: an array method (`MethodCall` or `Member`) with
    /// its `with` clause (7.12).
    With {
        call: Box<Expr>,
        cond: Box<Expr>,
    },
    /// `new`, `new(args)` (a class object, IEEE 1800-2017 8.7) and the
    /// typed constructor call `C::new(args)` / `C#(8)::new` (8.8, `class`
    /// set). The target type (or `class`) says which class.
    New {
        class: Option<Box<DataType>>,
        args: Vec<Option<Expr>>,
    },
    /// `new src`: a shallow copy of the object `src` refers to (8.12).
    NewCopy(Box<Expr>),
    /// `C#(8)::name`: a member of a parameterised class specialisation
    /// (`C::name` without parameters parses as `Ident` with `package`).
    ClassScoped {
        class: Box<DataType>,
        name: Ident,
    },
    /// `{<< 8 {a, b}}`, `{>> {x}}`, `{<< byte {x}}` (1800-2017 11.4.14):
    /// `right_to_left` for `<<`; `slice` absent means one bit.
    Stream {
        right_to_left: bool,
        slice: Option<Box<StreamSlice>>,
        items: Vec<Expr>,
    },
    /// `tagged Member expr` / `tagged Member` (1800-2017 11.9): a value of
    /// the tagged union type the context gives.
    Tagged {
        member: Ident,
        value: Option<Box<Expr>>,
    },
    /// `$` in a queue/range context; `null`.
    Dollar,
    Null,
    /// Something the parser could not make sense of (after a diagnostic).
    Error,
}
