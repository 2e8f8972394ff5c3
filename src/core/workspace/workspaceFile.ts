import * as v from 'valibot';
import { strFromU8, strToU8, unzipSync, zipSync, type UnzipFileInfo } from 'fflate';
import { CoreError } from '../errors';
import { sniffEncoding } from '../ingest/sniff';
import { basemapChoiceSchema, boundaryLayersSchema, buildingsSchema } from './panelSchemas';
import { checkWorkspaceDocument, type WorkspaceDocument } from './workspaceSchema';
import { WORKSPACE_DOCUMENT } from './workspaceDocumentName';

export type { WorkspaceDocument, WorkspaceSource } from './workspaceSchema';

/**
 * The saved workspace: a ZIP holding `workspace.json` (settings, mappings, filters, weights and
 * the other panels' plain-data state), the original data files under `files/`, an offline
 * basemap under `basemap/` and building footprints and boundary files under `layers/`, so it
 * restores on another machine with nothing but the file.
 * Versioned; a newer or broken file is refused whole with a message rather than half-loaded.
 */
export const WORKSPACE_FORMAT = 'hotspot-planner-workspace';
export const WORKSPACE_VERSION = 1;

/** Bounds that stop a crafted archive (a ZIP bomb) from exhausting memory before it is refused. */
export const WORKSPACE_LIMITS = { entries: 10_000, documentBytes: 64 << 20, totalBytes: 4 * 1024 ** 3 };

const damaged = (what: string) => new CoreError('BAD_INPUT', `This workspace file is damaged: ${what}`);

/** Checks a saved document (from a file or this browser's storage) whole; refuses it naming the wrong part. */
export function parseWorkspaceDocument(value: unknown): WorkspaceDocument {
  const head = (typeof value === 'object' && value !== null ? value : {}) as { format?: unknown; version?: unknown };
  if (head.format !== WORKSPACE_FORMAT) throw new CoreError('BAD_INPUT', 'This is not a Hotspot Planner workspace.');
  if (typeof head.version === 'number' && head.version > WORKSPACE_VERSION) {
    throw new CoreError('BAD_INPUT', `This workspace was saved by a newer version of Hotspot Planner (format ${head.version}; this version reads up to ${WORKSPACE_VERSION}). Update the app to open it.`);
  }
  const checked = checkWorkspaceDocument(value);
  if (!checked.ok) throw damaged(`${checked.reason}.`);
  return checked.value;
}

/** The offline basemap a document uses, if it is a loaded file. */
export function basemapFingerprint(doc: Pick<WorkspaceDocument, 'panels'>): string | null {
  const basemap = v.safeParse(basemapChoiceSchema, doc.panels.basemap);
  return basemap.success && basemap.output.kind === 'file' ? basemap.output.fingerprint : null;
}

/** The building footprints and boundary files a document uses, by name: packed with it, and named at restore when missing. */
export function layerFiles(doc: Pick<WorkspaceDocument, 'panels'>): { name: string; fingerprint: string }[] {
  const buildings = v.safeParse(buildingsSchema, doc.panels.buildings);
  const boundaries = v.safeParse(boundaryLayersSchema, doc.panels.boundaries);
  return [...(buildings.success ? [buildings.output] : []), ...(boundaries.success ? boundaries.output : [])].map(({ name, fingerprint }) => ({ name, fingerprint }));
}

/** Every stored file a document needs: its sources' data, its offline basemap, its building footprints and its boundary files. */
export function referencedFiles(doc: Pick<WorkspaceDocument, 'sources' | 'panels'>): string[] {
  const basemap = basemapFingerprint(doc);
  return [...doc.sources.map((s) => s.fingerprint), ...(basemap ? [basemap] : []), ...layerFiles(doc).map((layer) => layer.fingerprint)];
}

const entryName = (folder: 'files' | 'basemap' | 'layers', fingerprint: string) => `${folder}/${fingerprint.replace(/[^0-9a-z]/gi, '_')}`;

export function packWorkspace(doc: WorkspaceDocument, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = { [WORKSPACE_DOCUMENT]: strToU8(JSON.stringify(doc, null, 2)) };
  for (const source of doc.sources) {
    const bytes = files.get(source.fingerprint);
    if (!bytes) throw new CoreError('BAD_INPUT', `The data of ${source.name} is missing and cannot be saved.`);
    entries[entryName('files', source.fingerprint)] = bytes;
  }
  const basemap = basemapFingerprint(doc);
  const basemapBytes = basemap && files.get(basemap);
  if (basemap && basemapBytes) entries[entryName('basemap', basemap)] = basemapBytes;
  for (const { fingerprint } of layerFiles(doc)) {
    const bytes = files.get(fingerprint);
    if (bytes) entries[entryName('layers', fingerprint)] = bytes;
  }
  // Level 1: CSVs shrink well already; higher levels cost seconds on large files.
  return zipSync(entries, { level: 1 });
}

/** Reads the archive's directory first and refuses it, before inflating anything, when it is out of bounds. */
function unzipBounded(bytes: Uint8Array): Record<string, Uint8Array> {
  let count = 0;
  let total = 0;
  const admit = (file: UnzipFileInfo): boolean => {
    count++;
    total += file.originalSize;
    if (count > WORKSPACE_LIMITS.entries) throw damaged(`it holds more than ${WORKSPACE_LIMITS.entries.toLocaleString('en-GB')} entries.`);
    if (total > WORKSPACE_LIMITS.totalBytes) throw damaged(`its contents would unpack to more than ${WORKSPACE_LIMITS.totalBytes / 1024 ** 3} GB.`);
    if (file.name === WORKSPACE_DOCUMENT && file.originalSize > WORKSPACE_LIMITS.documentBytes) throw damaged('workspace.json is implausibly large.');
    return file.name === WORKSPACE_DOCUMENT || /^(files|basemap|layers)\//.test(file.name);
  };
  try {
    return unzipSync(bytes, { filter: admit });
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw new CoreError('BAD_INPUT', 'This workspace file is damaged or is not a workspace (it is not a readable ZIP).');
  }
}

/**
 * Opens a workspace file and checks all of it before anything is applied: the document against
 * its schema, every data file present and looking like CSV text, the basemap present if used.
 */
export function unpackWorkspace(bytes: Uint8Array): { doc: WorkspaceDocument; files: Map<string, Uint8Array> } {
  const entries = unzipBounded(bytes);
  const json = entries[WORKSPACE_DOCUMENT];
  if (!json) throw damaged('workspace.json is missing.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(json));
  } catch {
    throw damaged('workspace.json is not valid JSON.');
  }
  const doc = parseWorkspaceDocument(parsed);
  const files = new Map<string, Uint8Array>();
  for (const [i, source] of doc.sources.entries()) {
    const data = entries[entryName('files', source.fingerprint)];
    if (!data) throw damaged(`the data of ${source.name} (sources[${i}]) is missing.`);
    try {
      sniffEncoding(data, source.name);
    } catch (error) {
      throw damaged(`the data of ${source.name} (sources[${i}]): ${error instanceof Error ? error.message : String(error)}`);
    }
    files.set(source.fingerprint, data);
  }
  const basemap = basemapFingerprint(doc);
  if (basemap) {
    const data = entries[entryName('basemap', basemap)];
    if (!data) throw damaged('the offline basemap it uses is missing.');
    files.set(basemap, data);
  }
  // Files saved before layers were packed have none: those layers are named as not kept when restored.
  for (const { fingerprint } of layerFiles(doc)) {
    const data = entries[entryName('layers', fingerprint)];
    if (data) files.set(fingerprint, data);
  }
  return { doc, files };
}
