import type { StateCreator } from 'zustand';
import { unpackCategories, type CategoryInfo, type PackedCategories, type SourceSummary } from '../core/dataset';
import type { IngestProgress, MappingRequest } from '../core/ingest/ingestFile';
import type { ForceFiles } from '../core/ingest/policeForces';
import { headerSignature, type ColumnMapping } from '../core/ingest/schema';
import { WorkerError } from '../worker/client';
import { cancelBatch, loadBatch, type BatchProgress } from './batchLoad';
import { rememberForces, rememberedForces } from './forceMemory';
import { rememberMapping, rememberedMapping } from './mappingMemory';
import { settleSelection } from './selection';
import type { StateChange } from './saveFirst';
import { rememberSourceBlobs } from './sourceFiles';
import type { AppState } from './store';
import { dataWorker } from './worker';

export interface LoadingState {
  requestId: number;
  fileName: string;
  progress: IngestProgress | null;
  /** What is done to the file when it is not read into the map: "Unpacking" a ZIP archive (its progress counts compressed bytes, no rows), "Comparing" it with the loaded files. */
  verb?: 'Unpacking' | 'Comparing';
}

export type NoticeKind = 'info' | 'error';
/** A button in a notice, e.g. Undo. */
export interface NoticeAction {
  label: string;
  run: () => void;
}
export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  action?: NoticeAction;
}

/** What to do with files named like loaded ones but holding other bytes (a month republished with corrections). */
export type RevisedChoice = 'replace' | 'skip' | 'beside';

export type Prompt =
  | { kind: 'mapping'; fileName: string; request: MappingRequest; initial: Partial<ColumnMapping>; remembered: boolean }
  | { kind: 'duplicate'; fileName: string; existingName: string }
  | { kind: 'revised'; names: string[] }
  | { kind: 'forces'; from: FilesInWords; forces: ForceFiles[]; ticked: string[]; remembered: boolean };

/** The files a question is about, in words ("police.zip", "The 30 files picked", to open a sentence), and whether they are several. */
export interface FilesInWords {
  names: string;
  several: boolean;
}

/** The police forces chosen (police.uk ids), or null when the user chose none and cancelled. */
type ForceChoice = string[] | null;

type PromptAnswer = ColumnMapping | boolean | null | RevisedChoice | ForceChoice;

export interface SourcesSlice {
  sources: SourceSummary[];
  categories: CategoryInfo[];
  loading: LoadingState | null;
  /** Several files loading one after another: where the batch is, overall. */
  batch: BatchProgress | null;
  notices: Notice[];
  prompt: Prompt | null;
  loadFiles: (files: readonly File[]) => Promise<void>;
  /** Loads one file; `quiet` leaves the notice to the caller (several files get one summary). */
  loadFile: (file: Blob, name: string, mapping?: ColumnMapping, quiet?: boolean) => Promise<SourceSummary | null>;
  /** Sources a batch loaded in the worker enter the state together, with the files they came from (stored first when small; see addSources). */
  addSources: (loaded: readonly { summary: SourceSummary; file: Blob }[], categories: PackedCategories) => Promise<void>;
  /** The sample files the data worker read while the page started, added in one step (one first map). */
  loadPreparedSamples: (files: readonly { name: string; url: string }[]) => Promise<SourceSummary[]>;
  cancelLoad: () => void;
  answerPrompt: (answer: PromptAnswer) => void;
  /** Asks once, for all of a batch's files named like loaded ones but with other bytes, what to do with them (Escape skips them). */
  askAboutRevised: (names: readonly string[]) => Promise<RevisedChoice>;
  /** Asks which forces to load when the files picked hold police.uk files of several. */
  askWhichForces: (from: FilesInWords, forces: readonly ForceFiles[]) => Promise<ForceChoice>;
  removeSource: (id: number) => Promise<void>;
  /** Removes sources the user chose to remove, then checks the filters still match the data. */
  removeSources: (ids: readonly number[]) => Promise<void>;
  /** Rejected rows of one source, or of several in one CSV with a file column. */
  downloadRejected: (ids: readonly number[]) => Promise<string>;
  dismissNotice: (id: number) => void;
  /** Shows a notice and returns its id (to dismiss it when its matter is settled elsewhere). */
  notify: (kind: NoticeKind, text: string, action?: NoticeAction) => number;
}

/** The pending prompt's answer goes here; only one prompt is open at a time. */
let promptAnswer: ((answer: PromptAnswer) => void) | null = null;
let nextNoticeId = 1;

const numberFormat = new Intl.NumberFormat('en-GB');

const rows = (count: number): string => `${numberFormat.format(count)} ${count === 1 ? 'row' : 'rows'}`;

/** "12,345 rows loaded, 308 rejected": the per-file status line. */
export function loadCounts(summary: Pick<SourceSummary, 'accepted' | 'rejected'>): string {
  return `${rows(summary.accepted)} loaded, ${numberFormat.format(summary.rejected)} rejected`;
}

/** Which sources are loaded, as one text: the map frames the data once per set of them. */
export const loadedSourcesKey = (state: Pick<AppState, 'sources'>): string => state.sources.map((source) => source.id).join(',');

export function loadedStatus(summary: SourceSummary): string {
  return `${summary.name}: ${loadCounts(summary)}`;
}

/** Information notices fade after this long (longer with a button such as Undo); errors stay until dismissed. */
const INFO_NOTICE_MS = 8000;
const ACTION_NOTICE_MS = 30_000;

export const createSourcesSlice: StateCreator<AppState, [], [], SourcesSlice> = (set, get) => {
  const ask = (prompt: Prompt): Promise<PromptAnswer> =>
    new Promise((resolve) => {
      promptAnswer = resolve;
      set({ prompt });
    });

  /** Files storage refused, told in one notice per batch, with the browser's reason. */
  let unstored: string[] = [];
  let unstoredTimer: ReturnType<typeof setTimeout> | undefined;
  const reportUnstored = (names: readonly string[], error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    unstored.push(...names.map((name) => `${name} (${reason})`));
    clearTimeout(unstoredTimer);
    unstoredTimer = setTimeout(() => {
      get().notify('error', `${unstored.length === 1 ? 'A file' : `${unstored.length} files`} could not be kept in this browser's storage and will need loading again after a reload: ${unstored.join('; ')}.`);
      unstored = [];
    }, 500);
  };

  /**
   * Sources enter the state while their bytes are stored: files the user loaded once their bytes
   * and the workspace naming them are saved, unless they are big (see setWhenStored); the app's own
   * sample at once.
   */
  const addSources = async (loaded: readonly { summary: SourceSummary; bytes: Promise<Blob> }[], categories: PackedCategories, byUser: boolean): Promise<void> => {
    const stored = Promise.all(loaded.map(async ({ summary, bytes }) => ({ fingerprint: summary.fingerprint, blob: await bytes })))
      .then(rememberSourceBlobs)
      .catch((error: unknown) => reportUnstored(loaded.map(({ summary }) => summary.name), error));
    const added: StateChange = (state) => ({ sources: [...state.sources, ...loaded.map(({ summary }) => summary)], categories: unpackCategories(categories, state.categories) });
    if (byUser) await get().addFromFile(loaded.map(({ summary }) => summary.name), added, { bytes: stored, size: loaded.reduce((total, { summary }) => total + summary.bytes, 0) });
    else {
      set(added);
      get().refreshHotspots();
    }
  };

  /** Files the user loaded. */
  const addLoaded = (loaded: readonly { summary: SourceSummary; file: Blob }[], categories: PackedCategories): Promise<void> =>
    addSources(
      loaded.map(({ summary, file }) => ({ summary, bytes: Promise.resolve(file) })),
      categories,
      true,
    );

  const accept = async (summary: SourceSummary, categories: PackedCategories, file: Blob, quiet: boolean): Promise<SourceSummary> => {
    await addLoaded([{ summary, file }], categories);
    if (!quiet) get().notify('info', loadedStatus(summary));
    return summary;
  };

  return {
    sources: [],
    categories: [],
    loading: null,
    batch: null,
    notices: [],
    prompt: null,

    loadFiles: (files) => loadBatch(files),

    addSources: addLoaded,

    loadFile: async (file, name, mapping, quiet = false) => {
      // Files are one only when all their bytes agree; the worker reads a file to tell, when one of that size is loaded.
      const sameSize = get().sources.filter((source) => source.bytes === file.size);
      const fingerprint = sameSize.length > 0 ? await dataWorker.call('identify', { file }).promise.catch(() => null) : null;
      const existing = sameSize.find((source) => source.fingerprint === fingerprint);
      if (existing && !(await ask({ kind: 'duplicate', fileName: name, existingName: existing.name }))) {
        get().notify('info', `${name} was not loaded again.`);
        return null;
      }
      let chosenMapping = mapping;
      for (;;) {
        const { id, promise } = dataWorker.call('load', { file, name, mapping: chosenMapping }, (progress) =>
          set((state) => ({ loading: state.loading && { ...state.loading, progress } })),
        );
        set({ loading: { requestId: id, fileName: name, progress: null } });
        try {
          const result = await promise;
          set({ loading: null });
          if (result.status === 'loaded') return await accept(result.summary, result.categories, file, quiet);
          const signature = headerSignature(result.request.header);
          const remembered = rememberedMapping(signature);
          const answer = await ask({ kind: 'mapping', fileName: name, request: result.request, initial: remembered ?? result.request.guess, remembered: Boolean(remembered) });
          if (!answer || typeof answer !== 'object' || Array.isArray(answer)) {
            get().notify('info', `${name} was not loaded: no column mapping chosen.`);
            return null;
          }
          rememberMapping(signature, answer);
          chosenMapping = answer;
        } catch (error) {
          // A cancelled file in a batch is reported by the batch's own summary.
          if (get().batch && error instanceof WorkerError && error.code === 'CANCELLED') return null;
          const text = error instanceof WorkerError || error instanceof Error ? error.message : String(error);
          get().notify('error', text);
          return null;
        } finally {
          set({ loading: null });
        }
      }
    },

    loadPreparedSamples: async (files) => {
      try {
        const { summaries, failures, categories } = await dataWorker.call('load-prepared', { names: files.map((file) => file.name) }).promise;
        for (const failure of failures) get().notify('error', failure);
        const loaded = summaries.map((summary) => ({ summary, bytes: fetch(files.find((file) => file.name === summary.name)!.url).then((response) => response.blob()) }));
        // The sample's first map does not wait for its bytes to be fetched and stored: they are the app's own files, not the user's work.
        if (loaded.length > 0) await addSources(loaded, categories, false);
        return summaries;
      } catch (error) {
        get().notify('error', error instanceof Error ? error.message : String(error));
        return [];
      }
    },

    cancelLoad: () => {
      cancelBatch();
      const loading = get().loading;
      if (loading) dataWorker.cancel(loading.requestId);
    },

    askAboutRevised: async (names) => {
      const answer = await ask({ kind: 'revised', names: [...names] });
      return answer === 'replace' || answer === 'beside' ? answer : 'skip';
    },

    askWhichForces: async (from, forces) => {
      // Ticked as last time where those forces are among these; else all of them.
      const remembered = rememberedForces().filter((force) => forces.some((listed) => listed.force === force));
      const ticked = remembered.length > 0 ? remembered : forces.map((listed) => listed.force);
      const answer = await ask({ kind: 'forces', from, forces: [...forces], ticked, remembered: remembered.length > 0 });
      if (!Array.isArray(answer) || answer.length === 0) return null;
      rememberForces(answer);
      return answer;
    },

    answerPrompt: (answer) => {
      const resolve = promptAnswer;
      promptAnswer = null;
      set({ prompt: null });
      resolve?.(answer);
    },

    removeSource: async (id) => {
      await dataWorker.call('remove-source', { sourceId: id }).promise;
      // The map no longer answers for the loaded data; answers asked about it are dropped (see refreshZoneReport).
      set((state) => ({ sources: state.sources.filter((source) => source.id !== id), hotspots: null }));
      get().refreshHotspots();
    },

    removeSources: async (ids) => {
      for (const id of ids) await get().removeSource(id);
      settleSelection(get());
    },

    downloadRejected: (ids) => dataWorker.call('rejected-rows', { sourceIds: [...ids] }).promise,

    dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),

    notify: (kind, text, action) => {
      // The same words already showing are not stacked again (the basemap found unreachable again when a workspace opens).
      const showing = action ? undefined : get().notices.find((notice) => notice.kind === kind && notice.text === text && !notice.action);
      if (showing) return showing.id;
      const id = nextNoticeId++;
      set((state) => ({ notices: [...state.notices.slice(-3), { id, kind, text, action }] }));
      if (kind === 'info') setTimeout(() => get().dismissNotice(id), action ? ACTION_NOTICE_MS : INFO_NOTICE_MS);
      return id;
    },
  };
};
