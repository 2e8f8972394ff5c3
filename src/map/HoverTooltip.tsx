import type * as maplibregl from 'maplibre-gl';
import { useEffect, useState } from 'react';
import type { Classification } from '../state/classification';
import { HOTSPOT_FILL } from './hotspotLayers';

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
    const onMove = (event: maplibregl.MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      map.getCanvas().style.cursor = 'pointer';
      if (feature) setHover({ x: event.point.x, y: event.point.y, cell: String(feature.properties.h3) });
    };
    const onLeave = () => {
      map.getCanvas().style.cursor = '';
      setHover(null);
    };
    map.on('mousemove', HOTSPOT_FILL, onMove);
    map.on('mouseleave', HOTSPOT_FILL, onLeave);
    return () => {
      map.off('mousemove', HOTSPOT_FILL, onMove);
      map.off('mouseleave', HOTSPOT_FILL, onLeave);
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
