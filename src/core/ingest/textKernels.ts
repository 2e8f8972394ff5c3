import { TEXT_KERNELS_WASM } from './textKernelsWasm';

/** The part of the WebAssembly API used here. Browsers, workers and node all have it; the core is typed without the DOM's library, which declares it. */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
const PAGE_BYTES = 1 << 16;

/** The functions of textKernels.wat, over bytes copied into its memory. */
export interface TextKernels {
  index(from: number, to: number, out: number): number;
  hash(from: number, to: number, seed: number, c1: number, c2: number): number;
  hexPrefix(from: number): number;
  murmurSteps(from: number, to: number, state: number): void;
  murmurEnd(from: number, to: number, length: number, state: number): void;
  /** The module's memory, at least `bytes` long: views of it made before are replaced when it grows. */
  memory(bytes: number): ArrayBuffer;
}

let shared: TextKernels | null = null;

/**
 * The thread's one instance of textKernels.wat. Each use copies its bytes into the memory, runs
 * and reads its results back before returning, never across an await, so the line reader and
 * the file hashers of parts read at once share it (an instance each would cost a batch of small
 * files fresh memory per file).
 */
export function textKernels(): TextKernels {
  if (shared) return shared;
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const { exports } = new wasm.Instance(new wasm.Module(TEXT_KERNELS_WASM));
  const memory = exports.memory as WasmMemory;
  shared = {
    index: exports.index as TextKernels['index'],
    hash: exports.hash as TextKernels['hash'],
    hexPrefix: exports.hexPrefix as TextKernels['hexPrefix'],
    murmurSteps: exports.murmurSteps as TextKernels['murmurSteps'],
    murmurEnd: exports.murmurEnd as TextKernels['murmurEnd'],
    memory(bytes) {
      if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE_BYTES));
      return memory.buffer;
    },
  };
  return shared;
}
