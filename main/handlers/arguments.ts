// Argument checks at the process boundary. The renderer is typed against the
// contract, but what arrives over IPC or a socket is only `unknown`: a
// compromised or stale page must get a clear error, never a crash in main.

import type { DeskRequestName, DeskRequests } from '../../shared/contract/desk';
import { fail, ok, type Result } from '../../shared/contract/result';
import { deviceArgumentChecks } from './deviceHandlers';
import { exportArgumentChecks } from './exportHandlers';
import { keyArgumentChecks } from './keyHandlers';
import { resultArgumentChecks } from './resultHandlers';
import { retentionArgumentChecks } from './retentionHandlers';

/** Largest spreadsheet accepted: iSonen exports of 50,000 rows are ~10 MB. */
export const maxSheetBytes = 100 * 1024 * 1024;

/** Longest file name accepted; file systems stop at 255. */
export const maxFileNameLength = 255;

type ArgumentCheck<K extends DeskRequestName> = (
  args: unknown,
) => Result<DeskRequests[K]['args']>;

export type ArgumentChecks = {
  [K in DeskRequestName]: ArgumentCheck<K>;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (name: DeskRequestName, field: string, message: string) =>
  fail('invalid-arguments', `${name}: ${field} ${message}`, { name, field });

const checkAppInfo: ArgumentCheck<'app:info'> = (args) => {
  if (args !== undefined && !isRecord(args)) {
    return invalid('app:info', 'arguments', 'must be an object');
  }
  return ok({});
};

const checkReadSheet: ArgumentCheck<'import:read-sheet'> = (args) => {
  const name = 'import:read-sheet';
  if (!isRecord(args)) {
    return invalid(name, 'arguments', 'must be an object');
  }

  const { fileName, bytes } = args;
  if (typeof fileName !== 'string' || fileName.trim() === '') {
    return invalid(name, 'fileName', 'must be a non-empty string');
  }
  if (fileName.length > maxFileNameLength) {
    return invalid(
      name,
      'fileName',
      `is longer than ${maxFileNameLength} characters`,
    );
  }
  if (!(bytes instanceof Uint8Array)) {
    return invalid(name, 'bytes', 'must be a Uint8Array');
  }
  if (bytes.byteLength === 0) {
    return invalid(name, 'bytes', 'is empty: the file has no content');
  }
  if (bytes.byteLength > maxSheetBytes) {
    return fail(
      'too-large',
      `${name}: ${fileName} is ${bytes.byteLength} bytes; ` +
        `the limit is ${maxSheetBytes}`,
      { name, field: 'bytes', size: bytes.byteLength, limit: maxSheetBytes },
    );
  }
  return ok({ fileName, bytes });
};

export const argumentChecks = {
  'app:info': checkAppInfo,
  'import:read-sheet': checkReadSheet,
  ...deviceArgumentChecks,
  ...exportArgumentChecks,
  ...resultArgumentChecks,
  ...keyArgumentChecks,
  ...retentionArgumentChecks,
} satisfies ArgumentChecks;
