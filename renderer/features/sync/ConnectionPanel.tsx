// A connected desk: where it is connected, its sync state and pending
// operations, "Sync now" and "Disconnect".

import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CentralConnection } from '../../sync/deskSync';
import { formatClock } from '../participant/participantFacts';
import { useDesk } from '../shell/deskContext';
import { statusText } from './syncText';

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
      {label}
    </Text>
    <Text component="div" style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Text>
  </div>
);

export const ConnectionPanel = ({
  connection,
}: {
  connection: CentralConnection;
}) => {
  const { t, i18n } = useTranslation();
  const { store } = useDesk();
  const [busy, setBusy] = useState<'sync' | 'disconnect' | null>(null);
  const status = statusText(store.sync.status(), t, i18n.language);
  const connectedAt = new Date(connection.connectedAt);

  const run = async (kind: 'sync' | 'disconnect') => {
    setBusy(kind);
    try {
      if (kind === 'sync') await store.sync.syncNow();
      else await store.sync.disconnect();
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper
      component="section"
      aria-label={t('sync.connection.title')}
      withBorder
      p="md"
    >
      <Title order={2} size="h4" mb="sm">
        {t('sync.connection.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
        <Fact label={t('sync.connection.url')}>{connection.url}</Fact>
        <Fact label={t('sync.connection.event')}>
          {store.activeEvent()?.name ?? ''} ({connection.centralEventId})
        </Fact>
        <Fact label={t('sync.connection.deskName')}>{connection.deskName}</Fact>
        <Fact label={t('sync.connection.deskId')}>
          <Text span ff="monospace" size="sm">
            {connection.deskId}
          </Text>
        </Fact>
        <Fact label={t('sync.connection.connectedAt')}>
          {connectedAt.toLocaleDateString(i18n.language)}{' '}
          {formatClock(connection.connectedAt, i18n.language)}
        </Fact>
        <Fact label={t('sync.connection.pending')}>
          <Text span fw={700} data-testid="pending">
            {store.sync.pendingCount()}
          </Text>
        </Fact>
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Text size="sm" c="dimmed">
          {t('sync.connection.status')}
        </Text>
        <Badge
          variant="dot"
          color={status.tone}
          tt="none"
          size="lg"
          title={status.detail || status.text}
        >
          {status.text}
        </Badge>
      </Group>
      <Group mt="md" gap="sm">
        <Button
          loading={busy === 'sync'}
          disabled={busy !== null}
          onClick={() => void run('sync')}
        >
          {t('sync.connection.syncNow')}
        </Button>
        <Button
          variant="default"
          color="red"
          loading={busy === 'disconnect'}
          disabled={busy !== null}
          onClick={() => void run('disconnect')}
        >
          {t('sync.connection.disconnect')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('sync.connection.disconnectHint')}
        </Text>
      </Group>
    </Paper>
  );
};
