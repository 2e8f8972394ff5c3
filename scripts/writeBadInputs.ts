/** `npm run corpus`: writes the bad-input corpus to tests/fixtures/bad/ and prints the README table. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BAD_INPUTS } from '../tests/fixtures/badInputs';

const dir = join(import.meta.dirname, '..', 'tests', 'fixtures', 'bad');
mkdirSync(dir, { recursive: true });
for (const input of BAD_INPUTS) writeFileSync(join(dir, input.name), input.bytes);
console.log('| input | what the user sees |\n|---|---|');
for (const input of BAD_INPUTS) console.log(`| ${input.what} (\`${input.name}\`) | ${input.sees.replace(/\|/g, '\\|')} |`);
