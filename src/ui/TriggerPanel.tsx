import { useEffect, useState } from 'react';
import { triggerRuleProblem, type TriggerRule } from '../core/trigger/communityTrigger';
import { triggerCsv } from '../core/trigger/triggerExport';
import { exportNote } from '../state/sampleSlice';
import { useAppStore } from '../state/store';
import { downloadFile } from './download';
import { formatCount, formatDay, formatInteger, formatNumber } from './format';
import { TriggerTable } from './TriggerTable';

const RULE_INPUTS: { part: keyof TriggerRule; label: string; step: string }[] = [
  { part: 'threshold', label: 'Complaints (threshold)', step: '1' },
  { part: 'windowDays', label: 'Within (days)', step: '1' },
  { part: 'distanceM', label: 'Same place within (m)', step: 'any' },
];

/** One part of the rule; what the user typed is kept even when it cannot be used, so the message can say why. */
function RuleInput({ part, label, step }: (typeof RULE_INPUTS)[number]) {
  const rule = useAppStore((state) => state.triggerRule);
  const setRule = useAppStore((state) => state.setTriggerRule);
  const [typed, setTyped] = useState<string | null>(null);
  const problem = typed === null ? null : triggerRuleProblem(part, typed.trim() === '' ? NaN : Number(typed));
  return (
    <>
      <label>
        {label}
        <input
          type="number"
          step={step}
          aria-invalid={problem !== null}
          value={typed ?? String(rule[part])}
          onChange={(e) => {
            setTyped(e.target.value);
            const value = e.target.value.trim() === '' ? NaN : Number(e.target.value);
            if (triggerRuleProblem(part, value) === null) setRule({ ...useAppStore.getState().triggerRule, [part]: value });
          }}
        />
      </label>
      {problem && (
        <p className="error-text small" role="alert">
          {problem} The radar still uses {formatNumber(rule[part])}.
        </p>
      )}
    </>
  );
}

/**
 * Community Trigger radar (ASB case review): complaints about the same place, or from the same
 * person or household, that have met the local threshold or are one complaint short. Worked out in
 * the data worker while the panel is open; personal fields stay in this browser.
 */
export function TriggerPanel() {
  const shown = useAppStore((state) => state.triggerShown);
  const showTrigger = useAppStore((state) => state.showTrigger);
  const refresh = useAppStore((state) => state.refreshTrigger);
  const report = useAppStore((state) => state.triggerReport);
  const rule = useAppStore((state) => state.triggerRule);
  const sources = useAppStore((state) => state.sources);
  const hidden = useAppStore((state) => state.view.hiddenSources);
  const area = useAppStore((state) => state.view.area);
  const boundaryLayers = useAppStore((state) => state.boundaryLayers);
  const zones = useAppStore((state) => state.zones);
  const [personal, setPersonal] = useState(false);
  // Asked again whenever what it reads changes: the rule, the sources shown or the study area.
  useEffect(() => refresh(), [refresh, shown, rule, sources, hidden, area, boundaryLayers, zones]);
  const met = report?.groups.filter((group) => group.status === 'met').length ?? 0;
  const approaching = (report?.groups.length ?? 0) - met;
  const exportCsv = () => {
    if (!report) return;
    const csv = triggerCsv(report, { personal, note: exportNote(useAppStore.getState()) });
    downloadFile(csv, personal ? 'community-trigger-radar-with-personal-fields.csv' : 'community-trigger-radar.csv', 'text/csv');
  };
  return (
    <details className="panel" open={shown} onToggle={(e) => showTrigger(e.currentTarget.open)}>
      <summary>Community Trigger radar</summary>
      <p className="muted small">
        Complaints about the same place, or from the same person or household, that reach the threshold for an ASB case review (Anti-social Behaviour, Crime and Policing Act 2014), or are one complaint short of it.
      </p>
      <div className="row">
        {RULE_INPUTS.map((input) => (
          <RuleInput key={input.part} {...input} />
        ))}
      </div>
      {report && (
        <>
          {report.referenceDay === null ? (
            <p className="small">No complaint with a day-level date is loaded: the radar reads council extracts whose date column gives the day.</p>
          ) : (
            <p className="trigger-summary">
              As of {formatDay(report.referenceDay)} (the latest complaint): <strong>{formatCount(met, 'group')}</strong> met the threshold, <strong>{formatInteger(approaching)}</strong> {approaching === 1 ? 'is' : 'are'} one complaint short.
            </p>
          )}
          <p className="muted small">
            Read {formatCount(report.complaints, 'complaint')} with a day-level date{report.sourcesRead.length > 0 && ` from ${report.sourcesRead.join(', ')}`}
            {report.withoutDay > 0 && `; ${formatCount(report.withoutDay, 'row')} whose date has no day left out`}
            {report.outside > 0 && `; ${formatInteger(report.outside)} outside the study area`}.
            {report.sourcesWithoutDays.length > 0 && ` Not read (months only): ${report.sourcesWithoutDays.join(', ')}.`}
          </p>
          {report.groups.length > 0 && <TriggerTable report={report} />}
          <label className="checkbox">
            <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} />
            Include personal fields (references, addresses, person or household keys, exact positions)
          </label>
          <button type="button" disabled={report.groups.length === 0} onClick={exportCsv}>
            Export radar CSV
          </button>
          <p className="muted small">Worked out in this browser. References, addresses and keys are never sent anywhere, and the CSV leaves them out unless the box is ticked.</p>
        </>
      )}
    </details>
  );
}
