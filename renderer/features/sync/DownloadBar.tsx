// The download's progress bar: documents stored and how far, by the
// event's seq (connectEvent.ts, downloadShare), so it ends at 100 %.

import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { DownloadProgress } from '../../sync/deskSync';

/** Whole percent, 100 only once the download is done. */
export const downloadPercent = ({ done }: DownloadProgress) =>
  Math.min(100, Math.max(0, Math.floor(done * 100)));

export const DownloadBar = ({ progress }: { progress: DownloadProgress }) => {
  const { t } = useTranslation();
  const percent = downloadPercent(progress);
  return (
    <Stack gap={4}>
      <Progress
        value={percent}
        aria-label={t('sync.download.label')}
        size="lg"
        animated={percent < 100}
      />
      <Text size="sm" data-testid="download-progress">
        {t('sync.download.progress', {
          documents: progress.documents,
          percent,
        })}
      </Text>
    </Stack>
  );
};
