import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { exportRow, exportTable } from '../demo/badExport';
import { demoExport } from '../demo/demoExport';
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

describe('a re-import after writing what mergeForUpdate returned', () => {
  it('finds nothing more to add or change, whatever the two files were', () => {
    const fold = (participants: number, seed: number) =>
      foldSheet(demoExport({ participants, seed }), {
        eventId: 'ev1',
        now: '2025-06-01T00:00:00Z',
      }).participants;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        (before, after, seed) => {
          const stored = fold(before, seed);
          const incoming = fold(after, seed + (after % 2));
          const writes = mergeForUpdate(stored, incoming, '2025-06-14T07:00Z');
          const byId = new Map(stored.map((p) => [p.id, p]));
          for (const doc of writes) byId.set(doc.id, doc);

          const again = diffParticipants([...byId.values()], incoming);
          expect(again.added).toEqual([]);
          expect(again.changed).toEqual([]);
          expect(again.deregistered).toEqual([]);
          expect(again.unchanged.length).toBe(incoming.length);
          expect(mergeForUpdate([...byId.values()], incoming, 'x')).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });
});
