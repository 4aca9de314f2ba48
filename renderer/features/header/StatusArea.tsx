// The header's status area. "Saved" appears only once the store has
// resolved the operation, so it is what e2e tests wait on after an action.

import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatClock } from '../participant/participantFacts';
import { useDesk } from '../shell/deskContext';

export const StatusArea = () => {
  const { t, i18n } = useTranslation();
  const { status } = useDesk();

  return (
    <Group
      role="status"
      aria-label={t('header.status')}
      aria-live="polite"
      gap={6}
      wrap="nowrap"
      justify="flex-end"
      style={{ flex: '1 1 0', minWidth: 0 }}
    >
      {status.kind === 'idle' && (
        <Text size="sm" c="dimmed">
          {t('header.idle')}
        </Text>
      )}
      {status.kind === 'saved' && (
        <>
          <Badge
            color="green"
            variant="filled"
            key={status.seq}
            style={{ flexShrink: 0 }}
          >
            {t('header.saved')}
          </Badge>
          <Text size="sm" truncate miw={0}>
            {t(
              status.name ? 'header.savedDetail' : 'header.savedDetailNoName',
              {
                what: t(status.what.key, status.what.params ?? {}),
                name: status.name,
                time: formatClock(status.at, i18n.language),
              },
            )}
          </Text>
        </>
      )}
      {status.kind === 'error' && (
        <Text
          size="sm"
          c="red.8"
          fw={600}
          truncate
          miw={0}
          title={status.message}
        >
          {status.message}
        </Text>
      )}
    </Group>
  );
};
