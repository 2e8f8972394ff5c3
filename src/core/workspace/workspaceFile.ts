import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CoreError } from '../errors';
import type { ColumnMapping } from '../ingest/schema';

/**
 * The saved workspace: a ZIP holding `workspace.json` (settings, mappings, filters, weights and
 * the other panels' plain-data state) and the original data files under `files/`, so it restores
 * on another machine with nothing but the file. Versioned; a newer or broken file is refused with
 * a message rather than half-loaded.
 */
export const WORKSPACE_FORMAT = 'hotspot-planner-workspace';
export const WORKSPACE_VERSION = 1;

export interface WorkspaceSource {
  name: string;
  fingerprint: string;
  mapping: ColumnMapping | null;
  hidden: boolean;
}

export interface WorkspaceDocument {
  format: typeof WORKSPACE_FORMAT;
  version: number;
  name: string;
  savedAt: string;
  sources: WorkspaceSource[];
  /** View settings, with categories named as `family/name` so ids need not survive a reload. */
  view: Record<string, unknown>;
  selectedCategories: string[] | null;
  harmWeights: Record<string, number>;
  /** State of other panels (zones, cameras, briefing…), each plain data under its own key. */
  panels: Record<string, unknown>;
}

export function parseWorkspaceDocument(value: unknown): WorkspaceDocument {
  if (typeof value !== 'object' || value === null) throw new CoreError('BAD_INPUT', 'This is not a Hotspot Planner workspace.');
  const doc = value as Partial<WorkspaceDocument>;
  if (doc.format !== WORKSPACE_FORMAT) throw new CoreError('BAD_INPUT', 'This is not a Hotspot Planner workspace.');
  if (typeof doc.version !== 'number' || doc.version > WORKSPACE_VERSION) {
    throw new CoreError('BAD_INPUT', `This workspace was saved by a newer version of Hotspot Planner (format ${String(doc.version)}; this version reads up to ${WORKSPACE_VERSION}). Update the app to open it.`);
  }
  if (!Array.isArray(doc.sources) || typeof doc.view !== 'object' || doc.view === null) throw new CoreError('BAD_INPUT', 'This workspace file is damaged: its settings are incomplete.');
  return {
    format: WORKSPACE_FORMAT,
    version: doc.version,
    name: typeof doc.name === 'string' ? doc.name : 'Workspace',
    savedAt: typeof doc.savedAt === 'string' ? doc.savedAt : '',
    sources: doc.sources,
    view: doc.view,
    selectedCategories: Array.isArray(doc.selectedCategories) ? doc.selectedCategories : null,
    harmWeights: doc.harmWeights ?? {},
    panels: doc.panels ?? {},
  };
}

export function packWorkspace(doc: WorkspaceDocument, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = { 'workspace.json': strToU8(JSON.stringify(doc, null, 2)) };
  for (const source of doc.sources) {
    const bytes = files.get(source.fingerprint);
    if (!bytes) throw new CoreError('BAD_INPUT', `The data of ${source.name} is missing and cannot be saved.`);
    entries[`files/${source.fingerprint.replace(/[^0-9a-z]/gi, '_')}`] = bytes;
  }
  // Level 1: CSVs shrink well already; higher levels cost seconds on large files.
  return zipSync(entries, { level: 1 });
}

export function unpackWorkspace(bytes: Uint8Array): { doc: WorkspaceDocument; files: Map<string, Uint8Array> } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new CoreError('BAD_INPUT', 'This workspace file is damaged or is not a workspace (it is not a readable ZIP).');
  }
  const json = entries['workspace.json'];
  if (!json) throw new CoreError('BAD_INPUT', 'This workspace file is damaged: workspace.json is missing.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(json));
  } catch {
    throw new CoreError('BAD_INPUT', 'This workspace file is damaged: workspace.json is not valid JSON.');
  }
  const doc = parseWorkspaceDocument(parsed);
  const files = new Map<string, Uint8Array>();
  for (const source of doc.sources) {
    const data = entries[`files/${source.fingerprint.replace(/[^0-9a-z]/gi, '_')}`];
    if (!data) throw new CoreError('BAD_INPUT', `This workspace file is damaged: the data of ${source.name} is missing.`);
    files.set(source.fingerprint, data);
  }
  return { doc, files };
}
