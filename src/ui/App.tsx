import { useEffect, useRef, useState, type ComponentType, type DragEvent } from 'react';
import { MapView } from '../map/MapView';
import { useAppStore } from '../state/store';
import { CellPanel } from './CellPanel';
import { Dialogs } from './Dialogs';
import { DisplayPanel } from './DisplayPanel';
import { ExportPanel } from './ExportPanel';
import { FiltersPanel } from './FiltersPanel';
import { Legend } from './Legend';
import { MapSymbols } from './MapSymbols';
import { droppedFiles, folderDataFiles, NO_FILES_IN_FOLDER, type DroppedEntry } from './folderFiles';
import { LoadButton, LoadProgress } from './LoadControls';
import { Notices } from './Notices';
import { SAMPLE_CAMERAS_URL, SAMPLE_FILES, SAMPLE_ZONES_URL } from './sample';
import { camerasFromCsv } from '../core/cameras/importCameras';
import { SourcesPanel } from './SourcesPanel';
import { StudyAreaPanel } from './StudyAreaPanel';
import { PlaceSearch } from './PlaceSearch';
import { TopTable } from './TopTable';
import { CellList } from './CellList';
import { TrendChart } from './TrendChart';
import { WorkspacePanel } from './WorkspacePanel';
import { PanelBoundary } from './PanelBoundary';
import { BriefingPanel } from './BriefingPanel';
import { AccuracyPanel } from './AccuracyPanel';
import { AccessibilityStatement } from './AccessibilityStatement';
import { CctvPanel } from './CctvPanel';
import { ZonesPanel } from './ZonesPanel';
import { EvidencePackPanel } from './EvidencePackPanel';
import { EvaluationPanel } from './EvaluationPanel';
import { PriorityPanel } from './PriorityPanel';
import { TriggerPanel } from './TriggerPanel';
import { TriggerLayer } from '../map/TriggerLayer';
import { ChangesTable } from './ChangesTable';
import { AreaCountsTable } from './AreaCountsTable';
import { zonesFromGeoJson } from '../core/zones/importZones';
import { startAutosave, workspaceDocument } from '../state/persistence';
import { applyWorkspace, reportRestore, restoreAutosave } from '../state/restoreWorkspace';
import { autosaveToStart } from '../state/saveFirst';
import { storedSourceBlob } from '../state/sourceFiles';
import { applyViewLink, startViewLink } from '../state/viewLink';
import { dataWorker } from '../state/worker';

/** The panels of each column, each in an error boundary named for what failed; one boundary may hold several parts. */
type PanelList = readonly (readonly [name: string, ...parts: ComponentType[]])[];

const LEFT_PANELS: PanelList = [
  ['Data sources', SourcesPanel],
  ['Study area', StudyAreaPanel],
  ['Filters', FiltersPanel],
  ['Display', DisplayPanel],
  ['Zones', ZonesPanel],
  ['PSPO evidence pack', EvidencePackPanel],
  ['CCTV planner', CctvPanel],
  ['Export', ExportPanel],
  ['Briefing', BriefingPanel],
  ['Workspace', WorkspacePanel],
];
const CENTRE_PANELS: PanelList = [
  ['The map', MapView, TriggerLayer],
  ['The legend', Legend, MapSymbols],
  ['The trend chart', TrendChart],
];
const RIGHT_PANELS: PanelList = [
  ['Cell details', CellPanel],
  ['Accuracy', AccuracyPanel],
  ['Evaluation', EvaluationPanel],
  ['Priority places', PriorityPanel],
  ['Community Trigger radar', TriggerPanel],
  ['Changes', ChangesTable],
  ['Counts by area', AreaCountsTable],
  ['Top cells', TopTable, CellList],
];

function Panels({ list }: { list: PanelList }) {
  return list.map(([name, ...parts]) => (
    <PanelBoundary key={name} name={name}>
      {parts.map((Part, i) => (
        <Part key={i} />
      ))}
    </PanelBoundary>
  ));
}

async function loadSample(): Promise<void> {
  const { loadPreparedSamples, notify, setCameras, addZones, markSample } = useAppStore.getState();
  // Everything opened here is marked as the synthetic sample, so exports label it and the user's first file replaces it.
  void fetch(SAMPLE_ZONES_URL)
    .then((response) => response.json())
    .then((json) => markSample({ zoneIds: addZones(zonesFromGeoJson(json, 'brent-pspo-zones-sample.geojson').zones) }))
    .catch(() => notify('error', 'The sample zones could not be opened.'));
  void fetch(SAMPLE_CAMERAS_URL)
    .then((response) => response.text())
    .then((text) => {
      const { cameras } = camerasFromCsv(text, 'brent-cctv-cameras-sample.csv');
      setCameras(cameras);
      markSample({ cameraIds: cameras.map((camera) => camera.id) });
    })
    .catch(() => notify('error', 'The sample cameras could not be opened.'));
  // The worker has been parsing these since the page started (main.tsx).
  const summaries = await loadPreparedSamples(SAMPLE_FILES);
  markSample({ fingerprints: summaries.map((summary) => summary.fingerprint) });
  // Nothing read (each file's failure is told): no sample to speak of.
  if (summaries.length === 0) return;
  const rows = summaries.reduce((total, summary) => total + summary.accepted, 0);
  const noticeId = notify('info', `Showing the synthetic Brent sample (${new Intl.NumberFormat('en-GB').format(rows)} rows, invented for illustration). Load your own files to replace it.`);
  // The notice speaks of the data on screen: it goes once no sample file is shown (the user's first file replaced them, or they were removed).
  const stopWatching = useAppStore.subscribe((state) => {
    if (state.sources.some((source) => state.sample.fingerprints.includes(source.fingerprint))) return;
    stopWatching();
    state.dismissNotice(noticeId);
  });
}

export function App() {
  const loadFiles = useAppStore((state) => state.loadFiles);
  const [dragging, setDragging] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // A crashed data worker is replaced, and its tables rebuilt from the files kept in this browser.
    dataWorker.onCrash = (message) => {
      const state = useAppStore.getState();
      state.notify('error', `${message} Reloading your data…`);
      void applyWorkspace(workspaceDocument(state), storedSourceBlob, 'browser')
        .then((outcome) => reportRestore(outcome, 'your workspace'))
        .catch((error: Error) => useAppStore.getState().notify('error', error.message));
    };
    autosaveToStart();
    void (async () => {
      const restored = await restoreAutosave().catch(() => false);
      if (!restored) await loadSample();
      applyViewLink(window.location.hash);
      startAutosave();
      startViewLink();
    })();
  }, []);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    // Entries must be taken before the event returns; a dropped folder is walked for its files.
    const entries = [...event.dataTransfer.items].map((item) => item.webkitGetAsEntry()).filter((entry) => entry !== null);
    const files = [...event.dataTransfer.files];
    if (!entries.some((entry) => entry.isDirectory)) {
      if (files.length > 0) void loadFiles(files);
      return;
    }
    void droppedFiles(entries as unknown as DroppedEntry[])
      .then(async (found) => {
        const inFolders = folderDataFiles(found);
        if (inFolders.length > 0) await loadFiles(inFolders);
        else useAppStore.getState().notify('error', NO_FILES_IN_FOLDER);
      })
      .catch((error: unknown) => useAppStore.getState().notify('error', `The dropped folder could not be read: ${error instanceof Error ? error.message : String(error)}`));
  };

  return (
    <div
      className="app"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="topbar">
        <h1>
          <span className="logo" aria-hidden="true">⬢</span> Hotspot Planner
        </h1>
        <LoadButton />
        <LoadProgress />
        <PlaceSearch />
        <span className="privacy-note" title="Files are read by this browser only; nothing is uploaded.">Your data stays on this computer</span>
        <AccessibilityStatement />
      </header>
      <aside className="sidebar left" aria-label="Data and filters">
        <Panels list={LEFT_PANELS} />
      </aside>
      <main className="centre">
        <Panels list={CENTRE_PANELS} />
      </main>
      <aside className="sidebar right" aria-label="Hotspot details">
        <Panels list={RIGHT_PANELS} />
      </aside>
      <Notices />
      <Dialogs />
      {dragging && <div className="drop-overlay">Drop CSV files to load them</div>}
    </div>
  );
}
