// The purge report lists what was deleted and, apart, the files the
// process would not delete (shared/contract/retention.ts, refused), with
// why, in both languages.

import { describe, expect, it } from 'vitest';

import type { PurgedFiles } from '../../../shared/contract/retention';
import { retentionEn, retentionNb } from './messages';
import { purgeReportLines } from './purgeReportLines';
import type { PurgeReport } from './runPurge';

const files: PurgedFiles = {
  exports: ['startliste.xlsx'],
  notFound: [],
  logEntries: 2,
  captures: 0,
  journalPassings: 0,
  deviceDataKept: true,
};

const reportWith = (purged: PurgedFiles | null): PurgeReport => ({
  eventName: 'Vårløpet',
  documents: {
    participants: 3,
    operations: 4,
    imports: 1,
    syncDocs: 0,
    opResults: 0,
    localDocuments: 2,
    eventKey: { destroyed: true },
  },
  files: purged,
  filesError: purged ? null : 'no answer',
});

describe('the purge report', () => {
  it('lists the files the purge refused, with the reason, after what it deleted', () => {
    const lines = purgeReportLines(
      reportWith({
        ...files,
        refused: ['/home/ola/lister/startliste.xlsx', 'deltakere.pdf'],
      }),
    );
    const keys = lines.map((line) => line.key);
    expect(keys).toEqual([
      'reportDocuments',
      'reportKey',
      'reportExports',
      'reportRefused',
      'reportLog',
      'reportDeviceKept',
    ]);
    expect(lines[3]?.values).toEqual({
      files: '/home/ola/lister/startliste.xlsx, deltakere.pdf',
    });
    expect(retentionNb.reportRefused).toContain('{{files}}');
    expect(retentionNb.reportRefused).toContain('.xlsx');
    expect(retentionEn.reportRefused).toContain('{{files}}');
    expect(retentionEn.reportRefused).toContain('not a regular');
  });

  it('says nothing of refused files when there are none, or the files were not reached', () => {
    for (const refused of [undefined, []]) {
      const keys = purgeReportLines(reportWith({ ...files, refused })).map(
        (line) => line.key,
      );
      expect(keys).not.toContain('reportRefused');
    }
    expect(purgeReportLines(reportWith(null)).map((l) => l.key)).toEqual([
      'reportDocuments',
      'reportKey',
    ]);
  });
});
