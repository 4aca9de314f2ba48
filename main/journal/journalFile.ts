// The journal's file: JSON lines, appended and fsynced in batches. A crash
// can leave the last line torn; reading stops at the last whole line and
// the file is cut back there, so the next append starts on a fresh line.

import { type FileHandle, open } from 'node:fs/promises';

export type JournalLines = {
  /** Parsed lines with their line number, in file order. */
  values: { line: number; value: unknown }[];
  /** Bytes dropped at the end (a torn last line). */
  tornBytes: number;
  /** Whole lines that did not parse (damage inside the file). */
  badLines: number[];
};

const newline = 0x0a;

export const readJournalLines = async (
  handle: FileHandle,
): Promise<JournalLines> => {
  const bytes = await handle.readFile();
  const lastNewline = bytes.lastIndexOf(newline);
  const whole = lastNewline + 1;
  const tornBytes = bytes.length - whole;
  if (tornBytes > 0) await handle.truncate(whole);
  const values: { line: number; value: unknown }[] = [];
  const badLines: number[] = [];
  const text = bytes.subarray(0, whole).toString('utf8');
  text.split('\n').forEach((line, index) => {
    if (line === '') return;
    try {
      values.push({ line: index + 1, value: JSON.parse(line) });
    } catch {
      badLines.push(index + 1);
    }
  });
  return { values, tornBytes, badLines };
};

/**
 * Appends lines; everything handed in while a write is under way goes out
 * in the next write, with one fdatasync per write (group commit), so a
 * burst of passings costs one disk flush, not one each.
 */
export const createLineAppender = (handle: FileHandle) => {
  let waiting: {
    text: string;
    done: () => void;
    failed: (e: Error) => void;
  }[] = [];
  let writing = false;

  const drain = async () => {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        await handle.appendFile(batch.map((entry) => entry.text).join(''));
        await handle.datasync();
        for (const entry of batch) entry.done();
      } catch (error) {
        const reason =
          error instanceof Error ? error : new Error(String(error));
        for (const entry of batch) entry.failed(reason);
      }
    }
    writing = false;
  };

  const append = (lines: unknown[]): Promise<void> =>
    new Promise((resolve, reject) => {
      const text = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
      waiting.push({ text, done: resolve, failed: reject });
      if (!writing) void drain();
    });

  /** Resolves once every line handed in so far is on disk. */
  const settled = () => append([]);

  return { append, settled };
};

export const openJournalFile = (path: string) => open(path, 'a+');
