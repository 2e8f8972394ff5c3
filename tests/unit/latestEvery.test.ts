import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestEvery } from '../../src/worker/latestEvery';

describe('latestEvery', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first report at once and the last of a burst when the interval ends', () => {
    const sent: number[] = [];
    const { report } = latestEvery((value: number) => sent.push(value), 100);
    report(1);
    expect(sent).toEqual([1]);
    for (let i = 2; i <= 50; i++) {
      vi.advanceTimersByTime(1);
      report(i);
    }
    // 49 ms after the first: nothing more yet.
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(51);
    expect(sent).toEqual([1, 50]);
    // Nothing waiting: no further message.
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1, 50]);
    // A report long after the last one goes at once.
    report(51);
    expect(sent).toEqual([1, 50, 51]);
  });

  it('drops a report still waiting when stopped', () => {
    const sent: string[] = [];
    const { report, stop } = latestEvery((value: string) => sent.push(value), 100);
    report('first');
    report('second');
    stop();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual(['first']);
  });
});
