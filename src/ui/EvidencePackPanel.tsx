import { useEffect, useState } from 'react';
import { evidenceCsv } from '../core/export/evidenceCsv';
import { buildEvidencePdf, evidenceMapBounds } from '../core/export/evidencePack';
import { evidenceFindings, NOT_EVIDENCE_MARKING, type EvidenceFacts } from '../core/export/evidenceWords';
import { PROTECTIVE_MARKINGS } from '../core/export/pdf/writer';
import type { HotspotQuery } from '../core/hotspots/computeHotspots';
import { consulteeRows, withConsulteeRecord, type ConsulteeKey } from '../core/zones/consultation';
import { longDate, orderTimeline } from '../core/zones/orderDates';
import type { Zone } from '../core/zones/zone';
import { EVIDENCE_DESIGN, type ZoneEvidence } from '../core/zones/zoneEvidence';
import { captureMapPictures } from '../map/exportImage';
import { useClassification } from '../state/classification';
import { describeView } from '../state/describe';
import { consultationOf, todayIso, zoneReminder } from '../state/renewals';
import { exportNote } from '../state/sampleSlice';
import { useAppStore } from '../state/store';
import { dataWorker } from '../state/worker';
import { Select, useBusyAction } from './controls';
import { downloadFile, fileSafe } from './download';

type Answer = { zone: Zone; map: HotspotQuery; evidence: ZoneEvidence };

/** The zone's figures from the data worker, asked again whenever the zone or the map changes (only while the panel is open). */
function useZoneEvidence(zone: Zone | undefined, open: boolean): { evidence: ZoneEvidence | null; problem: string | null } {
  const hotspots = useAppStore((state) => state.hotspots);
  const [answer, setAnswer] = useState<Answer | { zone: Zone; map: HotspotQuery; problem: string } | null>(null);
  useEffect(() => {
    if (!open || !zone || !hotspots) return;
    let current = true;
    const map = hotspots.query;
    dataWorker
      .call('zone-evidence', { map, query: { zone, ...EVIDENCE_DESIGN } })
      .promise.then((evidence) => current && setAnswer({ zone, map, evidence }))
      .catch((error: Error) => current && setAnswer({ zone, map, problem: error.message }));
    return () => {
      current = false;
    };
  }, [open, zone, hotspots]);
  // An answer about another zone or map is never shown.
  if (!answer || answer.zone !== zone || answer.map !== hotspots?.query) return { evidence: null, problem: hotspots ? null : 'Load data first: the evidence is read from the incidents on the map.' };
  return 'evidence' in answer ? { evidence: answer.evidence, problem: null } : { evidence: null, problem: answer.problem };
}

function ConsultationChecklist({ zone }: { zone: Zone }) {
  const consultations = useAppStore((state) => state.consultations);
  const setConsultation = useAppStore((state) => state.setConsultation);
  const consultation = consultationOf({ consultations }, zone.id);
  const change = (consultee: ConsulteeKey, part: { date?: string; notes?: string }) => setConsultation(withConsulteeRecord(consultation, consultee, part));
  const timeline = orderTimeline(zone, todayIso());
  return (
    <fieldset className="consultation">
      <legend>Consultation (s.72) for {zone.name}</legend>
      {consulteeRows(consultation).map((row) => (
        <div key={row.consultee}>
          <p className="small"><strong>{row.label}</strong></p>
          <div className="row">
            <label>
              Consulted on
              <input type="date" aria-label={`Consulted on: ${row.label}`} value={row.date} onChange={(e) => change(row.consultee, { date: e.target.value })} />
            </label>
            <label>
              Notes
              <input type="text" aria-label={`Notes: ${row.label}`} value={row.notes} onChange={(e) => change(row.consultee, { notes: e.target.value })} />
            </label>
          </div>
        </div>
      ))}
      <label>
        Renewal decision date
        <input type="date" value={consultation.decisionDate} onChange={(e) => setConsultation({ ...consultation, decisionDate: e.target.value })} />
      </label>
      {consultation.decisionDate === '' && timeline.decisionDate && <p className="muted small">Blank: {longDate(timeline.decisionDate)}, three months before the order expires.</p>}
    </fieldset>
  );
}

/** A PSPO evidence pack per zone (s.59 of the 2014 Act): the figures, the consultation record, and the pack as PDF and CSV. */
export function EvidencePackPanel() {
  const zones = useAppStore((state) => state.zones);
  const selected = useAppStore((state) => state.selectedZone);
  const consultations = useAppStore((state) => state.consultations);
  const synthetic = useAppStore((state) => exportNote(state) !== null);
  const classification = useClassification();
  const [open, setOpen] = useState(false);
  const [zoneId, setZoneId] = useState('');
  const [packDate, setPackDate] = useState(todayIso());
  const [marking, setMarking] = useState<string>('OFFICIAL-SENSITIVE');
  const [busy, run] = useBusyAction('The evidence pack could not be made: ');
  const zone = zones.find((z) => z.id === (zoneId || selected)) ?? zones[0];
  const { evidence, problem } = useZoneEvidence(zone, open);

  const facts = (): EvidenceFacts | null => {
    if (!zone || !evidence) return null;
    const state = useAppStore.getState();
    const { period, subject } = describeView(state);
    return { protectiveMarking: marking, dataNote: exportNote(state), packDate, period, subject, harmLabel: state.hotspots?.query.harmScheme ?? '', zone, evidence, consultation: consultationOf(state, zone.id) };
  };
  const fileName = (extension: string) => `pspo-evidence_${fileSafe(zone?.name ?? 'zone')}_${packDate}.${extension}`;
  const downloadPdf = () =>
    run(async () => {
      const content = facts();
      if (!content) return;
      // Read with the facts, before the map is pictured: a map drawn meanwhile must not relabel them.
      const { filters } = describeView(useAppStore.getState());
      const bounds = evidenceMapBounds(content.zone, content.evidence);
      const pictures = bounds ? await captureMapPictures(2, [bounds]) : null;
      const pdf = await buildEvidencePdf({
        ...content,
        filters,
        map: pictures?.closeUps[0] ?? null,
        shading: classification ? { title: classification.unit, entries: classification.legend } : null,
        generatedAt: new Date().toLocaleString('en-GB'),
      });
      downloadFile(new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), fileName('pdf'));
    });
  const downloadCsv = () => {
    const content = facts();
    if (content) downloadFile(evidenceCsv(content), fileName('csv'), 'text/csv');
  };

  const shown = facts();
  const reminder = zone ? zoneReminder({ consultations }, zone, todayIso()) : null;
  return (
    <details className="panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>PSPO evidence pack</summary>
      {!zone ? (
        <p className="muted small">Load or draw a PSPO zone first.</p>
      ) : (
        <>
          <Select label="Zone for the evidence pack" value={zone.id} options={zones.map((z) => ({ value: z.id, label: z.name }))} onChange={setZoneId} />
          <div className="row">
            <label>
              Pack date
              <input type="date" value={packDate} onChange={(e) => setPackDate(e.target.value || todayIso())} />
            </label>
            {!synthetic && (
              <label>
                Pack marking
                <select value={marking} onChange={(e) => setMarking(e.target.value)}>
                  {PROTECTIVE_MARKINGS.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
              </label>
            )}
          </div>
          {synthetic && <p className="small">The synthetic sample is loaded: the pack says so on every page and is marked {NOT_EVIDENCE_MARKING}, never as evidence.</p>}
          {reminder && <p className="renewal-reminder small">{reminder}</p>}
          {problem && <p className="error-text small">{problem}</p>}
          {shown ? (
            <ol className="evidence-findings small" aria-live="polite">
              {evidenceFindings(shown).map((finding) => (
                <li key={finding.title}>
                  <strong>{finding.title}.</strong> {finding.plain}
                </li>
              ))}
            </ol>
          ) : (
            !problem && <p className="muted small">Counting the zone's incidents…</p>
          )}
          <ConsultationChecklist zone={zone} />
          <div className="row tight">
            <button type="button" disabled={!shown || busy} onClick={() => void downloadPdf()}>
              Download evidence pack PDF
            </button>
            <button type="button" disabled={!shown} onClick={downloadCsv}>
              Download evidence pack CSV
            </button>
          </div>
        </>
      )}
    </details>
  );
}
