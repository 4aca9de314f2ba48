import { describe, expect, it } from 'vitest';
import { exportFileName } from './exportFileName';
import { startListFileName } from './resultHandlers';

// Local time: the tests run with TZ unset or set; build the date locally.
const at = new Date(2025, 5, 14, 9, 5, 7);

describe('exportFileName', () => {
  it('names the event, the list and the local time', () => {
    expect(exportFileName('Holmenkollstafetten', 'media-list', at)).toBe(
      'Holmenkollstafetten-media-list-20250614-090507.xlsx',
    );
  });

  it('gives a printed PDF its own extension', () => {
    expect(exportFileName('Vårløpet 2025', 'license-list', at, 'pdf')).toBe(
      'Vårløpet-2025-license-list-20250614-090507.pdf',
    );
  });

  it('keeps no folder or odd character of the event name', () => {
    expect(exportFileName('../../etc/passwd: "x"', 'checkin-list', at)).toBe(
      'etc-passwd-x-checkin-list-20250614-090507.xlsx',
    );
    expect(exportFileName('///', 'external-list', at)).toBe(
      'event-external-list-20250614-090507.xlsx',
    );
  });

  it('names a start list for the timing software the same way, by its format', () => {
    expect(startListFileName('Tidtakerløpet: 2025', 'iof-startlist', at)).toBe(
      'Tidtakerløpet-2025-iof-startlist-20250614-090507.xml',
    );
    expect(startListFileName('///', 'csv-startlist', at)).toBe(
      'event-csv-startlist-20250614-090507.csv',
    );
  });
});
