// The name a list gets in the exports folder: the event, the list and the
// time, so a folder of exports sorts by event and reads without opening.

import type { ListPurposeId } from '../../shared/lists/purposes';

const pad = (n: number) => String(n).padStart(2, '0');

// Letters (æøå too), digits, '-' and '_' stay; anything a file system or a
// mail client might trip over becomes '-'.
const slug = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'event';

/**
 * e.g. Holmenkollstafetten-media-list-20250614-090512.xlsx (local time):
 * `kind` is the list (ListPurposeId) or the file format
 * (Tidtakerløpet-iof-startlist-20250614-090512.xml, resultHandlers.ts).
 */
export const exportFileName = (
  eventName: string,
  kind: ListPurposeId | (string & {}),
  at: Date,
  extension = 'xlsx',
): string => {
  const day = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${slug(eventName)}-${kind}-${day}-${time}.${extension.replace(/^\./, '')}`;
};
