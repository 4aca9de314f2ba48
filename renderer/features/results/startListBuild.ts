// Building a start list file off the page's thread: 50,000 people take
// seconds to turn into IOF XML (startListFile), which in the page would
// freeze the desk. The job goes to a worker (startListWorker.ts) with the
// views; where no worker can start (a file:// page, tests) it runs here.

import type { ParticipantView } from '../../../shared/desk/state';
import type { TimingListFormat } from '../../../shared/formats/timingLists';
import { startListOf } from './liveResults';
import { type StartListFile, startListFile } from './startListFile';

export type StartListJob = {
  format: TimingListFormat;
  views: ParticipantView[];
  event: { name: string; date: string };
  createdAt: string;
};

/** The file from the views as the desk holds them (liveResults.ts). */
export const buildStartList = (job: StartListJob): StartListFile =>
  startListFile(
    job.format,
    startListOf(job.views).classes,
    job.event,
    job.createdAt,
  );

const inWorker = (job: StartListJob): Promise<StartListFile | null> =>
  new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./startListWorker.ts', import.meta.url), {
        type: 'module',
      });
    } catch {
      resolve(null);
      return;
    }
    worker.onmessage = (event: MessageEvent<StartListFile>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = () => {
      worker.terminate();
      resolve(null);
    };
    worker.postMessage(job);
  });

/** In a worker when one starts, else here. */
export const buildStartListOffThread = async (
  job: StartListJob,
): Promise<StartListFile> =>
  (typeof Worker === 'undefined' ? null : await inWorker(job)) ??
  buildStartList(job);
