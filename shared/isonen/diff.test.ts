import { describe, expect, it } from 'vitest';

import { exportRow, exportTable } from '../demo/badExport';
import type { ExportRow } from '../demo/exportColumns';
import { diffParticipants, mergeForUpdate } from './diff';
import { foldSheet } from './fold';

const participants = (rows: ExportRow[], now = '2025-06-01T10:00:00Z') =>
  foldSheet(exportTable(rows), { eventId: 'ev1', now }).participants;

describe('diffParticipants', () => {
  it('sorts ids into added, changed, deregistered, unchanged and missing', () => {
    const stored = participants([
      exportRow(1),
      exportRow(2),
      exportRow(3),
      exportRow(4),
    ]);
    const incoming = participants(
      [
        exportRow(1),
        exportRow(2, { Mobil: '99999999' }),
        exportRow(3, { Påmeldingsstatus: 'Avmeldt' }),
        exportRow(5),
      ],
      '2025-06-10T10:00:00Z',
    );
    expect(diffParticipants(stored, incoming)).toEqual({
      added: ['p1200005'],
      changed: ['p1200002'],
      deregistered: ['p1200003'],
      unchanged: ['p1200001'],
      missing: ['p1200004'],
    });
  });

  it('ignores revision, time stamp and moved rows', () => {
    const stored = participants([exportRow(1), exportRow(2)]).map((p) => ({
      ...p,
      revision: 7,
    }));
    const incoming = participants(
      [exportRow(9), exportRow(2), exportRow(1)],
      '2025-06-10T10:00:00Z',
    );
    const diff = diffParticipants(stored, incoming);
    expect(diff.unchanged.sort()).toEqual(['p1200001', 'p1200002']);
    expect(diff.changed).toEqual([]);
  });

  it('sees a change deep inside entries and extra columns', () => {
    const stored = participants([exportRow(1)]);
    const laterTime = participants([exportRow(1, { 'Kl.': '12:30' })]);
    const newExtra = participants([exportRow(1, { Alder: '36 år' })]);
    expect(diffParticipants(stored, laterTime).changed).toEqual(['p1200001']);
    expect(diffParticipants(stored, newExtra).changed).toEqual(['p1200001']);
  });
});

describe('mergeForUpdate', () => {
  it('writes new and changed participants only, bumping the revision', () => {
    const stored = participants([exportRow(1), exportRow(2)]).map((p) => ({
      ...p,
      revision: 3,
    }));
    const incoming = participants([
      exportRow(1),
      exportRow(2, { Klubb: 'IK Tjalve' }),
      exportRow(3),
    ]);
    const writes = mergeForUpdate(stored, incoming, '2025-06-14T07:00:00Z');
    expect(writes.map((p) => [p.id, p.revision, p.updatedAt, p.club])).toEqual([
      ['p1200002', 4, '2025-06-14T07:00:00Z', 'IK Tjalve'],
      ['p1200003', 1, '2025-06-14T07:00:00Z', 'IL Gneist'],
    ]);
  });

  it('writes nothing when the file did not change', () => {
    const stored = participants([exportRow(1), exportRow(2)]);
    const again = participants([exportRow(1), exportRow(2)], '2025-07-01');
    expect(mergeForUpdate(stored, again, '2025-07-01T00:00:00Z')).toEqual([]);
  });
});
