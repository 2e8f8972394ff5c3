import { monthInWords } from '../core/ingest/dates';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../state/store';
import { BarChart } from './BarChart';

import { uncoveredMonths } from '../state/monthCoverage';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/** Incidents by month (drag across bars to set the month range), and by hour and weekday where times exist. */
export function TrendChart() {
  const profile = useAppStore((state) => state.hotspots?.profile);
  const monthFrom = useAppStore((state) => state.view.monthFrom);
  const monthTo = useAppStore((state) => state.view.monthTo);
  const setView = useAppStore((state) => state.setView);
  const sources = useAppStore((state) => state.sources);
  const hiddenSources = useAppStore((state) => state.view.hiddenSources);
  const section = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const element = section.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const labels = useMemo(() => (profile ? profile.monthCounts.map((_, i) => monthInWords(profile.monthFrom + i).replace(' 20', " '")) : []), [profile]);
  const highlight = useMemo<[number, number] | undefined>(() => {
    if (!profile) return undefined;
    const last = profile.monthCounts.length - 1;
    return [Math.max(0, (monthFrom ?? profile.monthFrom) - profile.monthFrom), Math.min(last, (monthTo ?? profile.monthFrom + last) - profile.monthFrom)];
  }, [profile, monthFrom, monthTo]);
  const gaps = useMemo(() => (profile ? uncoveredMonths(sources.filter((s) => !hiddenSources.includes(s.id)), profile.monthFrom, profile.monthCounts.length) : []), [profile, sources, hiddenSources]);
  const gapLabels = gaps.flatMap((gap, i) => (gap && profile ? [monthInWords(profile.monthFrom + i)] : []));
  const hasData = Boolean(profile && profile.monthCounts.length > 0);
  const timed = Boolean(profile && profile.timedIncidents > 0);
  const monthWidth = Math.max(320, width - (timed ? 500 : 30));
  // The strip keeps its place while empty, so the map above it does not change size (and redraw) when data arrives.
  return (
    <section ref={section} className="trend" aria-label="Trend charts" tabIndex={hasData ? 0 : undefined}>
      {!hasData && <p className="muted small trend-empty">Incidents by month, hour and weekday appear here once data is loaded.</p>}
      {profile && hasData && (
        <div className="trend-block">
          <h2>
            Incidents by month <span className="muted small">drag across bars to set the period</span>
          </h2>
          <BarChart
            title="Incidents by month"
            labels={labels}
            values={profile.monthCounts}
            highlight={highlight}
            gaps={gaps}
            width={monthWidth}
            height={120}
            onBrush={(from, to) => setView({ monthFrom: profile.monthFrom + from, monthTo: profile.monthFrom + to })}
          />
          {gapLabels.length > 0 && (
            <p className="muted small month-gaps" role="note">
              No file covers {gapLabels.join(', ')}: no data there, not zero.
            </p>
          )}
        </div>
      )}
      {profile && timed && (
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
