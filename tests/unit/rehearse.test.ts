import { describe, expect, it } from 'vitest';
import { BLOCK_BYTES } from '../../src/core/ingest/contentHash';
import { readPart } from '../../src/core/ingest/filePart';
import { blobByteSource } from '../../src/core/ingest/ingestFile';
import { rehearse } from '../../src/worker/loadParts';
import { PartPool, type PartJob, type PartReply } from '../../src/worker/partPool';
import { POLICE_HEADER, policeLine } from './memorySource';

/** Parse workers run in this process: each part is read by readPart, as parseWorker does. */
function poolInProcess(size: number, jobs: PartJob[]): PartPool {
  return new PartPool(() => {
    const worker = {
      onmessage: null as ((message: MessageEvent<PartReply>) => void) | null,
      onerror: null,
      terminate: () => undefined,
      postMessage: ({ id, job }: { id: number; job: PartJob }) => {
        jobs.push(job);
        void readPart(blobByteSource(job.file, job.name), job.range, { mapping: job.mapping }, job.known).then((result) => worker.onmessage?.({ data: { type: 'part', id, result } } as MessageEvent<PartReply>));
      },
    };
    return worker as unknown as Worker;
  }, size);
}

describe('rehearsing a load in the parse workers', () => {
  it('reads a police.uk file in one part per worker and merges it, keeping nothing; a file that does not split is skipped', async () => {
    // Parts are cut at 4 MiB blocks: a little over one block makes two parts, as the sample's 8 MB does.
    const lines = [POLICE_HEADER];
    for (let i = 0, bytes = 0; bytes <= BLOCK_BYTES + 1000; i++) {
      lines.push(policeLine({ id: `id-${i}`, month: '2024-01', lng: String(-0.2 - (i % 500) / 1e4), lat: String(51.5 + (i % 700) / 1e4) }));
      bytes += lines[lines.length - 1].length + 1;
    }
    const police = new Blob([lines.join('\n') + '\n']);
    const geojson = new Blob([JSON.stringify({ type: 'FeatureCollection', features: [] })]);
    const jobs: PartJob[] = [];
    await rehearse(poolInProcess(2, jobs), [
      { file: police, name: 'sample-street.csv' },
      { file: geojson, name: 'zones.geojson' },
    ]);
    expect(jobs.map((job) => job.name)).toEqual(['sample-street.csv', 'sample-street.csv']);
    expect(jobs.map((job) => job.range)).toEqual([
      { from: 0, to: BLOCK_BYTES },
      { from: BLOCK_BYTES, to: police.size },
    ]);
    // Both parts of one batch, the second told the first line's layout.
    expect(jobs[0].batch).toBe(jobs[1].batch);
    expect(jobs[1].known?.header[0]).toBe('Crime ID');
  });

  it('does nothing with one worker, where files are never read in parts', async () => {
    const jobs: PartJob[] = [];
    await rehearse(poolInProcess(1, jobs), [{ file: new Blob([POLICE_HEADER + '\n']), name: 'sample-street.csv' }]);
    expect(jobs).toEqual([]);
  });
});
