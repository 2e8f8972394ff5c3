import type * as maplibregl from 'maplibre-gl';
import { useEffect, useState } from 'react';
import type { Classification } from '../state/classification';
import { hotspotCellAt } from './hotspotLayers';

interface CellHover {
  x: number;
  y: number;
  cell: string;
}

/**
 * The hovered cell's tooltip. It holds the cell, not its place in a result, so its lines always come
 * from the result shown now: a new method or filter rewrites them at once, and a result without the
 * cell closes the tooltip.
 */
export function HoverTooltip({ map, classification }: { map: maplibregl.Map | null; classification: Classification | null }) {
  const [hover, setHover] = useState<CellHover | null>(null);

  useEffect(() => {
    if (!map) return;
    let over = false;
    const onMove = (event: maplibregl.MapMouseEvent) => {
      const cell = hotspotCellAt(event.lngLat);
      if (cell) setHover({ x: event.point.x, y: event.point.y, cell });
      else if (over) setHover(null);
      // The pointer cursor only where a cell is, and only changed on entering or leaving one (other tools set their own).
      if (Boolean(cell) !== over) map.getCanvas().style.cursor = cell ? 'pointer' : '';
      over = Boolean(cell);
    };
    const onLeave = () => {
      if (over) map.getCanvas().style.cursor = '';
      over = false;
      setHover(null);
    };
    map.on('mousemove', onMove);
    map.on('mouseout', onLeave);
    return () => {
      map.off('mousemove', onMove);
      map.off('mouseout', onLeave);
    };
  }, [map]);

  const index = hover && classification ? classification.cells.indexOf(hover.cell) : -1;
  if (!hover || !classification || index < 0) return null;
  return (
    <div className="map-tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="tooltip">
      {classification.tooltip(index).map((line, i) => (i === 0 ? <strong key={i}>{line}</strong> : <div key={i}>{line}</div>))}
    </div>
  );
}
