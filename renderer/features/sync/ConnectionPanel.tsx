// A connected desk: where it is connected, its sync state and pending
// operations, "Sync now", "Disconnect" and "Download the event again"
// (after the central service was restored from an older copy: it refuses
// the desk's checkpoint, or lacks operations it had answered).

import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CentralConnection, DownloadProgress } from '../../sync/deskSync';
import { formatClock } from '../participant/participantFacts';
import { useDesk } from '../shell/deskContext';
import { DownloadBar } from './DownloadBar';
import { reasonText, statusText } from './syncText';

/** Refusals that mean the service lost what it had answered this desk. */
const restoredCodes = new Set(['checkpoint-ahead', 'seq-gap']);

type Busy = 'sync' | 'disconnect' | 'download';

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
  const [busy, setBusy] = useState<Busy | null>(null);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [problem, setProblem] = useState('');
  const current = store.sync.status();
  const status = statusText(current, t, i18n.language);
  const connectedAt = new Date(connection.connectedAt);
  const restored =
    current.kind === 'error' && restoredCodes.has(current.error.code);

  const downloadAgain = async () => {
    setProblem('');
    setProgress({ documents: 0, done: 0 });
    const result = await store.sync.downloadAgain(setProgress);
    if (!result.ok) {
      setProgress(null);
      setProblem(reasonText(result.error, t));
    }
  };

  const run = async (kind: Busy) => {
    setBusy(kind);
    try {
      if (kind === 'sync') await store.sync.syncNow();
      else if (kind === 'download') await downloadAgain();
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
      {restored && (
        <Alert color="orange" role="alert" p="xs" mt="md">
          {t('sync.connection.downloadAgainNeeded')}
        </Alert>
      )}
      <Group mt="md" gap="sm" align="center" wrap="nowrap">
        <Button
          variant={restored ? 'filled' : 'default'}
          color={restored ? 'orange' : undefined}
          loading={busy === 'download'}
          disabled={busy !== null}
          onClick={() => void run('download')}
          style={{ flexShrink: 0 }}
        >
          {t('sync.connection.downloadAgain')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('sync.connection.downloadAgainHint')}
        </Text>
      </Group>
      {progress !== null && (
        <Stack gap={4} mt="sm">
          <DownloadBar progress={progress} />
          {busy === null && progress.done === 1 && (
            <Text size="sm" c="green.8" role="status">
              {t('sync.connection.downloadedAgain')}
            </Text>
          )}
        </Stack>
      )}
      {problem !== '' && (
        <Alert color="red" role="alert" p="xs" mt="sm">
          {problem}
        </Alert>
      )}
    </Paper>
  );
};
