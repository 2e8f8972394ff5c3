import { afterEach, describe, expect, it } from 'vitest';
import type { Camera } from '../../src/core/cameras/importCameras';
import { followedBy, saveThenSet, setSaveWith, setWhenStored, STORED_BEFORE_SHOWN_MAX_BYTES, type StateChange } from '../../src/state/saveFirst';
import type { AppState } from '../../src/state/store';

const camera = (id: string): Camera => ({ id, kind: 'fixed', lat: 51.55, lng: -0.25 }) as Camera;
const state = (ids: string[]): AppState => ({ cameras: ids.map(camera) }) as AppState;
const ids = (change: Partial<AppState>): string[] | undefined => change.cameras?.map((c) => c.id);

describe('a change saved before it is made', () => {
  afterEach(() => setSaveWith(null));

  it('is written as the state it will make, and made only after the write', async () => {
    const events: string[] = [];
    setSaveWith(async (change, made) => {
      events.push(`saved ${ids(change(state(['A'])))?.join()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push('written');
      made();
    });
    await saveThenSet((change) => events.push(`set ${ids(change(state(['A'])))?.join()}`), (s) => ({ cameras: [...s.cameras, camera('B')] }));
    expect(events).toEqual(['saved A,B', 'written', 'set A,B']);
  });

  it('is made at once with no autosave running or to come', async () => {
    const made: string[][] = [];
    await saveThenSet((change) => made.push(ids(change(state([]))) ?? []), (s) => ({ cameras: [...s.cameras, camera('B')] }));
    expect(made).toEqual([['B']]);
  });

  it('for a loaded file waits for its bytes and the save up to 32 MB, and is made at once above (the bytes are stored meanwhile)', async () => {
    const events: string[] = [];
    setSaveWith(async (_change, made) => {
      events.push('saved');
      made();
    });
    const stored = (name: string) => new Promise<void>((resolve) => setTimeout(() => resolve(void events.push(`${name} stored`)), 5));
    const add: StateChange = () => ({ cameras: [] });
    await setWhenStored(() => events.push('small set'), add, stored('small'), STORED_BEFORE_SHOWN_MAX_BYTES);
    const big = stored('big');
    await setWhenStored(() => events.push('big set'), add, big, STORED_BEFORE_SHOWN_MAX_BYTES + 1);
    await big;
    expect(events).toEqual(['small stored', 'saved', 'small set', 'big set', 'big stored']);
  });

  it('of two, the second sees what the first left: the sample taken out, then a camera of the same id added', () => {
    const takeOutSample: StateChange = (s) => ({ cameras: s.cameras.filter((c) => c.id !== 'RD-01'), plan: null });
    const addUsers: StateChange = (s) => ({ cameras: [...s.cameras, { ...camera('RD-01'), kind: 'redeployable' } as Camera] });
    const change = followedBy(takeOutSample, addUsers)(state(['RD-01', 'F-1']));
    expect(ids(change)).toEqual(['F-1', 'RD-01']);
    expect(change.cameras?.[1].kind).toBe('redeployable');
    expect(change.plan).toBeNull();
  });
});
