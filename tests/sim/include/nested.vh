// Included twice by pp_include.v; the guard in defs.vh keeps it single.
`include "include/defs.vh"
`define NESTED_VALUE (`INC_WIDTH * 2)
