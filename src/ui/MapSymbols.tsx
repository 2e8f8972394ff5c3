import { SYMBOL_COLOURS } from '../state/palette';
import { usePriorityPlaces } from '../state/prioritySlice';
import { useAppStore } from '../state/store';

type Shape = 'dot' | 'outline' | 'dashed';

function Symbol({ colour, shape, label }: { colour: string; shape: Shape; label: string }) {
  const style = shape === 'dot' ? { background: colour, borderRadius: '50%' } : { border: `2px ${shape === 'dashed' ? 'dashed' : 'solid'} ${colour}`, background: 'transparent' };
  return (
    <div role="listitem">
      <span className="swatch" style={style} />
      {label}
    </div>
  );
}

/** What the symbols over the cells mean: cameras by kind, zones, proposals, the evaluation ring, priority places, Community Trigger groups. Only those on the map are listed. */
export function MapSymbols() {
  const fixed = useAppStore((state) => state.cameras.some((c) => c.kind === 'fixed'));
  const redeployable = useAppStore((state) => state.cameras.some((c) => c.kind === 'redeployable'));
  const planned = useAppStore((state) => (state.plan?.planned.length ?? 0) > 0);
  const zones = useAppStore((state) => state.zones.length > 0);
  const proposals = useAppStore((state) => state.proposals.length > 0);
  const ring = useAppStore((state) => state.evaluation !== null);
  const priority = usePriorityPlaces();
  const triggerGroups = useAppStore((state) => (state.triggerShown ? state.triggerReport?.groups : undefined)) ?? [];
  const triggerMet = triggerGroups.filter((group) => group.status === 'met').length;
  const entries = [
    fixed && <Symbol key="fixed" colour={SYMBOL_COLOURS.fixedCamera} shape="dot" label="Fixed camera" />,
    redeployable && <Symbol key="redeployable" colour={SYMBOL_COLOURS.redeployableCamera} shape="dot" label="Re-deployable camera" />,
    planned && <Symbol key="planned" colour={SYMBOL_COLOURS.plannedCamera} shape="dot" label="Planned camera" />,
    zones && <Symbol key="zones" colour={SYMBOL_COLOURS.zone} shape="outline" label="PSPO zone" />,
    proposals && <Symbol key="proposals" colour={SYMBOL_COLOURS.proposedZone} shape="dashed" label="Proposed zone" />,
    ring && <Symbol key="ring" colour={SYMBOL_COLOURS.evaluationRing} shape="dashed" label="Displacement ring" />,
    priority && priority.cells.length > 0 && <Symbol key="priority" colour={SYMBOL_COLOURS.priorityCell} shape="outline" label={`Priority place (${priority.cells.length})`} />,
    triggerMet > 0 && <Symbol key="trigger-met" colour={SYMBOL_COLOURS.triggerGroup} shape="outline" label={`Community Trigger met (${triggerMet})`} />,
    triggerGroups.length > triggerMet && <Symbol key="trigger-short" colour={SYMBOL_COLOURS.triggerGroup} shape="dashed" label={`One complaint short of the Trigger (${triggerGroups.length - triggerMet})`} />,
  ].filter(Boolean);
  if (entries.length === 0) return null;
  return (
    <div className="map-symbols" role="list" aria-label="Map symbols">
      {entries}
    </div>
  );
}
