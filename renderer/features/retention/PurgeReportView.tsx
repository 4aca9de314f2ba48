// What a purge deleted, in counts and file names, whether the event's key
// is destroyed, what it kept, and the files it would not delete
// (purgeReportLines.ts).

import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { purgeReportLines } from './purgeReportLines';
import type { PurgeReport } from './runPurge';

export const PurgeReportView = ({ report }: { report: PurgeReport }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="status">
      <List size="sm" spacing={2}>
        {purgeReportLines(report).map((line) => (
          <List.Item
            key={line.key}
            c={line.key === 'reportRefused' ? 'orange.8' : undefined}
          >
            {t(`retention.${line.key}`, line.values ?? {})}
          </List.Item>
        ))}
      </List>
      {report.filesError !== null && (
        <Text c="red" size="sm">
          {t('retention.reportFilesFailed', { message: report.filesError })}
        </Text>
      )}
    </Stack>
  );
};
