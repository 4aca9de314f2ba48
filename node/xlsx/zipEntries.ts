// The entries of an .xlsx (a zip) found through its central directory, and
// each entry's text streamed out as UTF-8 decoded strings.
//
// Why not exceljs's own unzipping: its streaming WorkbookReader reads the
// zip in one pass with unzipper and intermittently never processes the last
// entries (exceljs issue #3064). exceljs writes xl/workbook.xml last, so
// sheet names came back as "Sheet2" in about half of our reads and 1 in 30
// threw; a file whose data sheet sat near the end would have lost rows.
// Reading the central directory first has no such race.

import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

import { fail, ok, type Result } from '../../shared/contract/result';

export type ZipEntry = {
  name: string;
  /** 0 stored, 8 deflated; xlsx writers use nothing else. */
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
};

const endOfCentralDirectory = 0x06054b50;
const centralHeader = 0x02014b50;
const localHeader = 0x04034b50;

const findEndRecord = (view: DataView): number => {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= stop; at--) {
    if (view.getUint32(at, true) === endOfCentralDirectory) return at;
  }
  return -1;
};

/** Every entry by name, or an error saying why the zip cannot be read. */
export const readZipEntries = (
  bytes: Uint8Array,
): Result<Map<string, ZipEntry>> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = view.byteLength >= 22 ? findEndRecord(view) : -1;
  if (end < 0) return fail('unreadable-file', 'the zip directory is missing');

  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (
      at + 46 > view.byteLength ||
      view.getUint32(at, true) !== centralHeader
    ) {
      return fail('unreadable-file', 'the zip directory is damaged');
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return ok(entries);
};

/** The entry's stored bytes (still compressed), from its local header. */
const entryData = (bytes: Uint8Array, entry: ZipEntry): Uint8Array => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== localHeader) {
    throw new Error(`the zip entry ${entry.name} is damaged`);
  }
  const start =
    at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) {
    throw new Error(`the zip entry ${entry.name} is cut short`);
  }
  return data;
};

/**
 * The entry's text in chunks. Decoding is streamed so that a character
 * split between two chunks stays whole (exceljs decodes each chunk alone).
 */
export async function* entryText(
  bytes: Uint8Array,
  entry: ZipEntry,
  /** Inflated bytes per chunk; zlib's default is 16 KB. */
  chunkSize?: number,
): AsyncGenerator<string> {
  const data = entryData(bytes, entry);
  const decoder = new TextDecoder('utf-8');
  if (entry.method === 0) {
    yield decoder.decode(data);
    return;
  }
  if (entry.method !== 8) {
    throw new Error(`the zip entry ${entry.name} uses method ${entry.method}`);
  }
  const inflate = Readable.from([data]).pipe(
    createInflateRaw(chunkSize ? { chunkSize } : {}),
  );
  for await (const chunk of inflate) {
    if (chunk instanceof Uint8Array) {
      yield decoder.decode(chunk, { stream: true });
    }
  }
  yield decoder.decode();
}
