// Smoke test of the wasm32 build of guest-rt under Node: instantiates the
// module with an imported memory, fake host imports and a JS `gen.dispatch`
// running hand-written step functions, then checks the output.
// Usage: node guest-rt/tools/smoke.mjs path/to/wsim_guest_rt.wasm
import { readFileSync } from "node:fs";

const bytes = readFileSync(process.argv[2]);
const memory = new WebAssembly.Memory({ initial: 40 });
let out = "";
const dec = new TextDecoder();
let rt; // exports
const steps = {};
const env = {
  memory,
  host_write: (fd, ptr, len) => { out += `${fd}>` + dec.decode(new Uint8Array(memory.buffer, ptr, len)); },
  host_fopen: () => 0,
  host_fclose: () => {},
  host_fflush: () => {},
  host_read_file: (np, nl, dst, cap) => {
    const data = new TextEncoder().encode("@2 ab\ncd\n");
    new Uint8Array(memory.buffer, dst, Math.min(cap, data.length)).set(data.subarray(0, cap));
    return BigInt(data.length);
  },
  host_plusargs: (dst, cap) => {
    const data = new TextEncoder().encode("n=7\0");
    new Uint8Array(memory.buffer, dst, Math.min(cap, data.length)).set(data.subarray(0, cap));
    return data.length;
  },
};
const gen = { dispatch: (func, frame) => steps[func](frame) };
const { instance } = await WebAssembly.instantiate(bytes, { env, gen });
rt = instance.exports;

const heapBase = rt.__heap_base.value;
let next = Math.ceil(heapBase / 64) * 64;
const alloc = (n) => { const a = next; next = (next + n + 7) & ~7; return a; };
const dv = () => new DataView(memory.buffer);
const u32 = (a, v) => dv().setUint32(a, v, true);
const r32 = (a) => dv().getUint32(a, true);
const u64 = (a, v) => dv().setBigUint64(a, BigInt.asUintN(64, BigInt(v)), true);
const r64 = (a) => dv().getBigUint64(a, true);
const str = (s) => { // string literal value, 8 bits per char, MSB first
  const w = s.length * 8, limbs = Math.ceil(w / 64), a = alloc(16 * limbs);
  const b = new TextEncoder().encode(s);
  for (let i = 0; i < b.length; i++) dv().setUint8(a + (b.length - 1 - i), b[i]);
  return [a, w];
};
const args = (list) => { // [kind, width, ptr, flags]
  const a = alloc(16 * list.length);
  list.forEach((d, i) => d.forEach((x, j) => u32(a + 16 * i + 4 * j, x)));
  return a;
};
const [scope, scopeLen] = [alloc(8), 1];
dv().setUint8(scope, "t".charCodeAt(0));

// Values
const v42 = alloc(16); u64(v42, 42);
const [f1, f1w] = str("hello %0d at %t");
const now = alloc(16);
const disp = args([[1, f1w, f1, 0], [0, 32, v42, 1], [0, 64, now, 0]]);
const memArr = alloc(16 * 4);
const [fname, fnw] = str("m.hex");
const [pa, paw] = str("n=%d");
const pv = alloc(16);

const frame = alloc(64);
steps[1] = (f) => {
  const st = r32(f + 4);
  u64(now, rt.rt_now());
  rt.rt_display(disp, 3, 1, 1, scope, scopeLen, -9);
  if (st === 0) { u32(f + 4, 1); rt.rt_delay(f, 5000n); return 1; }
  rt.rt_finish(0);
  return 3;
};
const heapStart = alloc(0) + 4096;
rt.rt_init(heapStart, 4, -12);
rt.rt_start(frame, 1);
const status = rt.wsim_run(1000000n);

// Wide arithmetic through the global allocator (1000-bit division).
const W = 1000, L = 16;
const a = alloc(32 * L), b = alloc(32 * L), q = alloc(32 * L), p = alloc(32 * L);
u64(a + 8 * 7, 1n); u64(a, 7); // 2^448 + 7
u64(b + 8 * 3, 1n); u64(b, 3); // 2^192 + 3
rt.rt_arith(2, p, a, b, W, 0); // MUL
rt.rt_arith(3, q, p, b, W, 0); // DIV
let ok = true;
for (let i = 0; i < 2 * L; i++) if (r64(q + 8 * i) !== r64(a + 8 * i)) ok = false;
rt.rt_fill(memArr, 8, 4, 1);
rt.rt_readmem(fname, fnw, memArr, 8, 4, 0, 3, -1n, -1n, 1);
const found = rt.rt_value_plusargs(pa, paw, pv, 32, 0);
const rnd = rt.rt_random(0);

const expect = "1>hello 42 at                    0\n1>hello 42 at              5000000\n";
const checks = [
  ["output", out === expect, JSON.stringify(out)],
  ["status FINISHED", status === 2, status],
  ["time", rt.wsim_time() === 5000n, rt.wsim_time()],
  ["1000-bit mul/div", ok, ""],
  ["readmem", r64(memArr + 32) === 0xabn && r64(memArr + 48) === 0xcdn && r64(memArr + 8) === 0xffn, r64(memArr + 32)],
  ["plusargs", found === 1 && r64(pv) === 7n, r64(pv)],
  ["random", rnd === 303379748, rnd],
];
let failed = 0;
for (const [name, pass, info] of checks) {
  console.log(`${pass ? "ok  " : "FAIL"} ${name} ${pass ? "" : info}`);
  if (!pass) failed++;
}
process.exit(failed ? 1 : 0);
