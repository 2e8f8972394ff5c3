import { exportMapImage } from '../map/exportImage';
import type { Classification } from '../state/classification';
import { describeView } from '../state/describe';
import { exportNote } from '../state/sampleSlice';
import type { AppState } from '../state/store';

/** The map as a framed PNG, titled from the view; a synthetic-data warning leads the title while sample data is present. */
export function exportMapFigure(state: AppState, classification: Classification | null, scale: number): Promise<Blob> {
  const description = describeView(state);
  const { title } = description;
  return exportMapImage({
    scale,
    title: exportNote(state) === null ? title : `SYNTHETIC SAMPLE DATA (not real incidents) · ${title}`,
    subtitle: `${description.period} · ${description.filters}`,
    legendTitle: classification?.unit ?? '',
    legend: classification?.legend ?? [],
  });
}
