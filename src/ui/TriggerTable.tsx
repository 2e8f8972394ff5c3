import { latLngToCell } from 'h3-js';
import { useState } from 'react';
import type { TriggerReport, TriggerReportGroup } from '../core/trigger/triggerReport';
import { useAppStore } from '../state/store';
import { Select } from './controls';
import { formatCount, formatDay, formatInteger } from './format';

/** Rows listed at once; the CSV holds every group. */
const MAX_ROWS = 100;
/** Dates shown per group before "and n more". */
const MAX_DATES = 8;

type Shown = 'all' | 'met' | 'approaching' | 'place' | 'key';
const SHOWN: { value: Shown; label: string }[] = [
  { value: 'all', label: 'All groups' },
  { value: 'met', label: 'Met the threshold' },
  { value: 'approaching', label: 'One complaint short' },
  { value: 'place', label: 'Same place' },
  { value: 'key', label: 'Same person or household' },
];

function matches(group: TriggerReportGroup, shown: Shown): boolean {
  return shown === 'all' || group.status === shown || group.basis === shown;
}

/** `Noise ×3, Graffiti`: each category once, with how many complaints. */
function categoriesOf(report: TriggerReport, group: TriggerReportGroup): string {
  const counts = new Map<string, number>();
  for (const member of group.members) {
    const category = report.cases[member].category;
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(', ');
}

function datesOf(report: TriggerReport, group: TriggerReportGroup): string {
  const dates = group.members.slice(0, MAX_DATES).map((member) => formatDay(report.cases[member].day));
  const more = group.members.length - MAX_DATES;
  return more > 0 ? `${dates.join(', ')} and ${more} more` : dates.join(', ');
}

/** The radar's groups, most urgent first; a group's complaints are read from the report, never worked out again. */
export function TriggerTable({ report }: { report: TriggerReport }) {
  const [shown, setShown] = useState<Shown>('all');
  const focusOn = useAppStore((state) => state.focusOn);
  const listed = report.groups.filter((group) => matches(group, shown));
  return (
    <>
      <Select label="Show" value={shown} options={SHOWN} onChange={setShown} />
      {listed.length > MAX_ROWS && (
        <p className="muted small">
          The first {MAX_ROWS} of {formatInteger(listed.length)} groups, most urgent first; the CSV has all of them.
        </p>
      )}
      <div className="trigger-table">
        <table className="compact">
          <caption className="visually-hidden">Community Trigger groups</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Where or who</th>
              <th scope="col">Threshold and complaints</th>
            </tr>
          </thead>
          <tbody>
            {listed.slice(0, MAX_ROWS).map((group) => {
              const first = report.cases[group.members[0]];
              const [lat, lng] = group.lat !== null && group.lng !== null ? [group.lat, group.lng] : [first.lat, first.lng];
              return (
                <tr key={group.id} data-status={group.status}>
                  <td>
                    <button type="button" className="link" aria-label={`Show ${group.id} on the map`} onClick={() => focusOn(latLngToCell(lat, lng, 11))}>
                      {group.id}
                    </button>
                  </td>
                  <td>
                    {group.label}
                    <div className="muted">{group.basis === 'place' ? 'same place' : 'same person or household'}</div>
                  </td>
                  <td>
                    <div>
                      {group.status === 'met' ? (
                        <>
                          <strong>Met</strong> on {formatDay(group.day)}, {formatCount(group.days, 'day')} ago
                        </>
                      ) : (
                        <>
                          <strong>One short</strong>: one more by {formatDay(group.day)} meets it ({formatCount(group.days, 'day')} left)
                        </>
                      )}
                    </div>
                    <div>
                      {formatCount(group.members.length, 'complaint')}: {datesOf(report, group)}
                    </div>
                    <div className="muted">{categoriesOf(report, group)}</div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
