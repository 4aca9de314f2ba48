// A purged export log entry has no file name left (node/retention/
// purgeFiles.ts clears it): the log says it is deleted instead of showing
// an empty cell.

import { describe, expect, it } from 'vitest';

import { logFileText } from './logFile';
import { exportsEn, exportsNb } from './messages';

const labelsOf = (messages: {
  log: { printed: string; pdf: string; purged: string };
}) => ({
  printed: messages.log.printed,
  pdf: messages.log.pdf,
  purged: messages.log.purged,
});
const nb = labelsOf(exportsNb);
const en = labelsOf(exportsEn);

describe('the export log’s file column', () => {
  it('names the file of an entry that is still there', () => {
    expect(logFileText({ file: 'startliste.xlsx' }, nb)).toBe(
      'startliste.xlsx',
    );
    expect(logFileText({ file: 'liste.pdf', via: 'pdf' }, en)).toBe(
      'PDF: liste.pdf',
    );
    expect(logFileText({ file: '', via: 'print' }, nb)).toBe('Utskrift');
  });

  it('says deleted for a purged entry, whose name is gone', () => {
    const purgedAt = '2025-06-21T08:00:00.000Z';
    expect(logFileText({ file: '', purgedAt }, nb)).toBe('slettet');
    expect(logFileText({ file: '', purgedAt }, en)).toBe('deleted');
    expect(logFileText({ file: '', via: 'pdf', purgedAt }, en)).toBe(
      'PDF: deleted',
    );
    expect(logFileText({ file: '', via: 'print', purgedAt }, en)).toBe(
      'Printed',
    );
  });
});
