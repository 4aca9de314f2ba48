// A list's rows as exports:write-list carries them: the rows as text
// (shared/lists/rowsText.ts) in UTF-8, one block of bytes
// (shared/contract/exports.ts says why not a JSON value).

import { packRowsText } from '../../../shared/lists/rowsText';

export const packRows = (rows: readonly (readonly string[])[]): Uint8Array =>
  new TextEncoder().encode(packRowsText(rows));
