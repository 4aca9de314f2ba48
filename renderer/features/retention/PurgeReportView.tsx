// What a purge deleted, in counts and file names, whether the event's key
// is destroyed, and what it kept.

import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { PurgeReport } from './runPurge';

export const PurgeReportView = ({ report }: { report: PurgeReport }) => {
  const { t } = useTranslation();
  const { documents: d, files } = report;
  return (
    <Stack gap="xs" role="status">
      <List size="sm" spacing={2}>
        <List.Item>
          {t('retention.reportDocuments', {
            participants: d.participants,
            operations: d.operations,
            imports: d.imports,
            sync: d.syncDocs + d.opResults,
            local: d.localDocuments,
          })}
        </List.Item>
        <List.Item>
          {d.eventKey.destroyed
            ? t('retention.reportKey')
            : t('retention.reportKeyKept', { reason: d.eventKey.reason })}
        </List.Item>
        {files && (
          <>
            <List.Item>
              {files.exports.length > 0
                ? t('retention.reportExports', {
                    count: files.exports.length,
                    files: files.exports.join(', '),
                  })
                : t('retention.reportNoExports')}
            </List.Item>
            {files.notFound.length > 0 && (
              <List.Item>
                {t('retention.reportNotFound', {
                  files: files.notFound.join(', '),
                })}
              </List.Item>
            )}
            <List.Item>
              {t('retention.reportLog', { count: files.logEntries })}
            </List.Item>
            <List.Item>
              {files.deviceDataKept
                ? t('retention.reportDeviceKept')
                : t('retention.reportDevice', {
                    captures: files.captures,
                    passings: files.journalPassings,
                  })}
            </List.Item>
          </>
        )}
      </List>
      {report.filesError !== null && (
        <Text c="red" size="sm">
          {t('retention.reportFilesFailed', { message: report.filesError })}
        </Text>
      )}
    </Stack>
  );
};
