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

/** e.g. Holmenkollstafetten-media-list-20250614-0905.xlsx (local time). */
export const exportFileName = (
  eventName: string,
  list: ListPurposeId,
  at: Date,
  extension: 'xlsx' | 'pdf' = 'xlsx',
): string => {
  const day = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${slug(eventName)}-${list}-${day}-${time}.${extension}`;
};
