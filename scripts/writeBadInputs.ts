/** `npm run corpus`: writes the bad-input corpus to tests/fixtures/bad/ and prints the README table. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BAD_INPUTS } from '../tests/fixtures/badInputs';

const dir = join(import.meta.dirname, '..', 'tests', 'fixtures', 'bad');
mkdirSync(dir, { recursive: true });
/** Inputs above this size are built when tested, not kept in the repository. */
const MAX_WRITTEN_BYTES = 64 << 10;
for (const input of BAD_INPUTS) if (input.bytes.length <= MAX_WRITTEN_BYTES) writeFileSync(join(dir, input.name), input.bytes);
console.log('| input | what the user sees |\n|---|---|');
for (const input of BAD_INPUTS) console.log(`| ${input.what} (\`${input.name}\`) | ${input.sees.replace(/\|/g, '\\|')} |`);
