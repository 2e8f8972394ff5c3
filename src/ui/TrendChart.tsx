import { useMemo } from 'react';
import { useAppStore } from '../state/store';
import { BarChart } from './BarChart';
import { formatMonth } from './format';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/** Incidents by month (drag across bars to set the month range), and by hour and weekday where times exist. */
export function TrendChart() {
  const profile = useAppStore((state) => state.hotspots?.profile);
  const monthFrom = useAppStore((state) => state.view.monthFrom);
  const monthTo = useAppStore((state) => state.view.monthTo);
  const setView = useAppStore((state) => state.setView);
  const labels = useMemo(() => (profile ? profile.monthCounts.map((_, i) => formatMonth(profile.monthFrom + i).replace(' 20', " '")) : []), [profile]);
  const highlight = useMemo<[number, number] | undefined>(() => {
    if (!profile) return undefined;
    const last = profile.monthCounts.length - 1;
    return [Math.max(0, (monthFrom ?? profile.monthFrom) - profile.monthFrom), Math.min(last, (monthTo ?? profile.monthFrom + last) - profile.monthFrom)];
  }, [profile, monthFrom, monthTo]);
  if (!profile || profile.monthCounts.length === 0) return null;
  const timed = profile.timedIncidents > 0;
  return (
    <section className="trend" aria-label="Trend charts">
      <div className="trend-block">
        <h2>
          Incidents by month <span className="muted small">drag across bars to set the period</span>
        </h2>
        <BarChart
          title="Incidents by month"
          labels={labels}
          values={profile.monthCounts}
          highlight={highlight}
          width={timed ? 420 : 640}
          height={120}
          onBrush={(from, to) => setView({ monthFrom: profile.monthFrom + from, monthTo: profile.monthFrom + to })}
        />
      </div>
      {timed && (
        <>
          <div className="trend-block">
            <h2>By hour</h2>
            <BarChart title="Incidents by hour of day" labels={HOURS} values={profile.hourCounts} width={260} height={120} />
          </div>
          <div className="trend-block">
            <h2>By weekday</h2>
            <BarChart title="Incidents by weekday" labels={WEEKDAYS} values={profile.weekdayCounts} width={170} height={120} />
          </div>
        </>
      )}
    </section>
  );
}
