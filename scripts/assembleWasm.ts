/**
 * Assembles the core's WebAssembly text into the TypeScript modules that carry its bytes, so the
 * core loads them the same way in browsers, workers and node: `npm run wasm` after editing a .wat
 * file. A unit test checks each module still holds its text's assembly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabt from 'wabt';

/** Each text and the module written from it, with the name of the constant holding the bytes. */
export const WASM_MODULES = [{ text: 'src/core/ingest/textKernels.wat', module: 'src/core/ingest/textKernelsWasm.ts', constant: 'TEXT_KERNELS_WASM' }] as const;

const root = fileURLToPath(new URL('..', import.meta.url));

export async function assemble(textPath: string): Promise<Uint8Array> {
  const tools = await wabt();
  const parsed = tools.parseWat(textPath, readFileSync(root + textPath, 'utf8'), { simd: true });
  try {
    parsed.validate();
    return parsed.toBinary({}).buffer;
  } finally {
    parsed.destroy();
  }
}

export function moduleSource(textPath: string, constant: string, bytes: Uint8Array): string {
  const lines = [];
  for (let i = 0; i < bytes.length; i += 24) lines.push(`  ${Array.from(bytes.subarray(i, i + 24)).join(', ')},`);
  return `// Written by \`npm run wasm\` from ${textPath.split('/').pop()}: edit that file, not this one.\nexport const ${constant} = Uint8Array.of(\n${lines.join('\n')}\n);\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { text, module, constant } of WASM_MODULES) {
    const bytes = await assemble(text);
    writeFileSync(root + module, moduleSource(text, constant, bytes));
    console.log(`${module}: ${bytes.length} bytes from ${text}`);
  }
}
