// WCAG 2.2 A/AA checks with axe-core on whatever state a page is in. The script is evaluated
// through the browser's debugging protocol, so the app's Content-Security-Policy stays as it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness.mjs';

const AXE_SOURCE = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const accessibilityTally = { checks: 0, violations: 0 };

/** Runs axe on the page and returns one line per violating element (empty when it passes). */
export async function accessibilityViolations(page) {
  const violations = await page.evaluate(
    async ({ source, tags }) => {
      if (!window.axe) (0, eval)(source);
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')} — ${v.help}`));
    },
    { source: AXE_SOURCE, tags: WCAG_22_AA },
  );
  accessibilityTally.checks++;
  accessibilityTally.violations += violations.length;
  return violations;
}

/** Fails with the violations listed when the page in its current state has any. */
export async function assertAccessible(page, state) {
  const violations = await accessibilityViolations(page);
  if (violations.length > 0) throw new Error(`Accessibility (${state}): ${violations.length} WCAG 2.2 AA violation(s)\n  ${violations.join('\n  ')}`);
}
