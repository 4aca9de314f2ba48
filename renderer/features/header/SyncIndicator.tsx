// The desk's sync state, always in the header: local, offline since when,
// connecting, syncing with N pending, synced at a time, or an error with
// its reason; and the bib conflicts waiting for a person.

import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useDesk, useStoreVersion } from '../shell/deskContext';
import { statusText } from '../sync/syncText';
import { useCloseWarning } from '../sync/useCloseWarning';
import { useSteadyStatus } from '../sync/useSteadyStatus';

export const SyncIndicator = () => {
  const { t, i18n } = useTranslation();
  const { store } = useDesk();
  useStoreVersion(store);
  useCloseWarning(store);
  const status = useSteadyStatus(store.sync.status());
  const { tone, text, detail } = statusText(status, t, i18n.language);
  const conflicts = store.sync
    .conflicts()
    .filter((c) => c.conflict.status === 'open').length;

  return (
    <Group gap={4} wrap="nowrap" style={{ flexShrink: 1, minWidth: 0 }}>
      <Badge
        role="status"
        aria-label={t('sync.indicator')}
        variant="dot"
        color={tone}
        tt="none"
        size="lg"
        maw={420}
        title={detail || text}
        data-sync={status.kind}
        style={{ flexShrink: 1, minWidth: 0 }}
      >
        {text}
      </Badge>
      {conflicts > 0 && (
        <Badge color="red" variant="filled" tt="none" style={{ flexShrink: 0 }}>
          {t('sync.conflicts.count', { count: conflicts })}
        </Badge>
      )}
    </Group>
  );
};
