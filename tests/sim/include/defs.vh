// Shared definitions for pp_include.v: a macro, a guard, and a function.
`ifndef DEFS_VH
`define DEFS_VH
`define INC_WIDTH 12
`define INC_GREETING "from include"
`endif
