import { DataWorkerClient } from '../worker/client';

/** The one data worker of the app. */
export const dataWorker = new DataWorkerClient(() => new Worker(new URL('../worker/dataWorker.ts', import.meta.url), { type: 'module' }));
