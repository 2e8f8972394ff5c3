import * as v from 'valibot';
import { check, text } from './schemaParts';
import { keepValid } from './panelSchemas';
import { savedViewSchema, sourceEntrySchema, workspaceDocumentSchema, type WorkspaceDocument } from './workspaceSchema';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION } from './workspaceFile';

const viewFields = savedViewSchema.entries;
const harmWeight = workspaceDocumentSchema.entries.harmWeights.value;

/**
 * A document kept in this browser (the autosave, a kept workspace) is restored part by part: what
 * fails its schema is dropped and named, the rest comes back, so one bad value never costs the
 * user the whole workspace nor breaks the next start. A workspace *file* is checked whole instead.
 */
export function salvageWorkspaceDocument(value: unknown): { doc: WorkspaceDocument; dropped: string[] } | null {
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== WORKSPACE_FORMAT) return null;
  const whole = check(workspaceDocumentSchema, value);
  if (whole.ok) return { doc: whole.value, dropped: [] };
  const raw = value as Record<string, unknown>;
  const dropped: string[] = [];
  const sources = keepValid(raw.sources, 'sources', sourceEntrySchema);
  dropped.push(...sources.dropped);
  const view: Record<string, unknown> = {};
  const rawView = typeof raw.view === 'object' && raw.view !== null ? (raw.view as Record<string, unknown>) : {};
  for (const [key, schema] of Object.entries(viewFields)) {
    if (!(key in rawView)) continue;
    const field = check(schema, rawView[key], `view.${key}`);
    if (field.ok) view[key] = field.value;
    else dropped.push(field.reason);
  }
  const categories = Array.isArray(raw.selectedCategories) ? keepValid(raw.selectedCategories, 'selectedCategories', text(1000)) : null;
  if (categories) dropped.push(...categories.dropped);
  else if (raw.selectedCategories !== null) dropped.push('selectedCategories: expected a list');
  const harmWeights: Record<string, number> = {};
  const rawWeights = typeof raw.harmWeights === 'object' && raw.harmWeights !== null ? (raw.harmWeights as Record<string, unknown>) : {};
  for (const [key, weight] of Object.entries(rawWeights)) {
    const checked = check(harmWeight, weight, `harmWeights.${key}`);
    if (checked.ok) harmWeights[key] = checked.value;
    else dropped.push(checked.reason);
  }
  const panels = check(v.record(v.string(), v.unknown()), raw.panels, 'panels');
  if (!panels.ok) dropped.push(panels.reason);
  const name = check(text(200), raw.name);
  return {
    doc: {
      format: WORKSPACE_FORMAT,
      version: WORKSPACE_VERSION,
      name: name.ok ? name.value : 'Workspace',
      savedAt: '',
      sources: sources.kept,
      view,
      selectedCategories: categories ? categories.kept : null,
      harmWeights,
      panels: panels.ok ? panels.value : {},
    },
    dropped,
  };
}
