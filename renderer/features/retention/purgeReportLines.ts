// The lines of a purge report (PurgeReportView.tsx), as message keys under
// 'retention' and their values: what was deleted, whether the event's key
// is destroyed, which exported lists went, which were gone already, which
// the process refused to delete (not a regular .xlsx or .pdf file: the
// operator has to look at them), the export log and the device data.

import type { retentionNb } from './messages';
import type { PurgeReport } from './runPurge';

export type ReportLine = {
  key: keyof typeof retentionNb;
  values?: Record<string, string | number>;
};

export const purgeReportLines = (report: PurgeReport): ReportLine[] => {
  const { documents: d, files } = report;
  const lines: ReportLine[] = [
    {
      key: 'reportDocuments',
      values: {
        participants: d.participants,
        operations: d.operations,
        imports: d.imports,
        sync: d.syncDocs + d.opResults,
        local: d.localDocuments,
      },
    },
    d.eventKey.destroyed
      ? { key: 'reportKey' }
      : { key: 'reportKeyKept', values: { reason: d.eventKey.reason } },
  ];
  if (!files) return lines;
  lines.push(
    files.exports.length > 0
      ? {
          key: 'reportExports',
          values: {
            count: files.exports.length,
            files: files.exports.join(', '),
          },
        }
      : { key: 'reportNoExports' },
  );
  if (files.notFound.length > 0) {
    lines.push({
      key: 'reportNotFound',
      values: { files: files.notFound.join(', ') },
    });
  }
  const refused = files.refused ?? [];
  if (refused.length > 0) {
    lines.push({
      key: 'reportRefused',
      values: { files: refused.join(', ') },
    });
  }
  lines.push(
    { key: 'reportLog', values: { count: files.logEntries } },
    files.deviceDataKept
      ? { key: 'reportDeviceKept' }
      : {
          key: 'reportDevice',
          values: {
            captures: files.captures,
            passings: files.journalPassings,
          },
        },
  );
  return lines;
};
