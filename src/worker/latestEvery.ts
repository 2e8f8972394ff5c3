/**
 * Passes on the latest of a run of reports at most once every `ms`: the first at once, the last of
 * a burst when its interval ends, the ones between dropped. A batch of small files sent the page
 * hundreds of progress messages a second, each a render and a paint on the cores the parse workers
 * need. `stop` drops a report still waiting (the answer it would precede has been sent).
 */
export function latestEvery<T>(send: (value: T) => void, ms: number): { report: (value: T) => void; stop: () => void } {
  let sentAt = -Infinity;
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    timer = undefined;
    if (!waiting) return;
    const { value } = waiting;
    waiting = null;
    sentAt = performance.now();
    send(value);
  };
  return {
    report: (value) => {
      waiting = { value };
      if (timer !== undefined) return;
      const wait = sentAt + ms - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
      waiting = null;
    },
  };
}
