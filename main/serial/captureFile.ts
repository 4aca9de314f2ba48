// The raw bytes of each serial session, one file per session, so what a
// device sent can be decoded again later (`racedesk device decode`).

import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

export type CaptureFile = {
  path: string;
  write(bytes: Uint8Array): void;
  close(): Promise<void>;
  /** Closes it and deletes it when nothing was written (a failed try). */
  discardIfEmpty(): Promise<void>;
};

const safe = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '_');

export const openCaptureFile = async (
  dataDir: string,
  device: string,
  startedAtMs: number,
): Promise<CaptureFile> => {
  const folder = join(dataDir, 'captures', safe(device));
  await mkdir(folder, { recursive: true });
  const stamp = new Date(startedAtMs).toISOString().replace(/[:.]/g, '-');
  const path = join(folder, `${stamp}.bin`);
  const stream = createWriteStream(path, { flags: 'a' });
  let written = 0;
  const close = () =>
    new Promise<void>((resolve) => {
      if (stream.closed) resolve();
      else stream.end(() => resolve());
    });
  return {
    path,
    write: (bytes) => {
      written += bytes.length;
      stream.write(bytes);
    },
    close,
    discardIfEmpty: async () => {
      await close();
      if (written === 0) await rm(path, { force: true });
    },
  };
};
