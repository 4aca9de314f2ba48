// Confirms a purge, and confirms it a second time when the event has
// operations the central service has not seen ("told twice"), saying when
// they were never sent anywhere (an event never connected). Then the
// banner shows what was deleted.

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { getDeskApi } from '../../bridge/getDeskApi';
import { useDesk } from '../shell/deskContext';
import {
  askAgainUnsynced,
  closePurgeDialog,
  type PurgeDialog as Dialog,
  showPurgeReport,
} from './retentionState';
import { runPurge } from './runPurge';

const pendingOf = (data: Record<string, unknown> | undefined) =>
  typeof data?.pending === 'number' ? data.pending : 0;

export const PurgeDialog = ({ dialog }: { dialog: Dialog }) => {
  const { t } = useTranslation();
  const { store } = useDesk();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { event, pending, neverConnected } = dialog;

  const purge = async () => {
    setBusy(true);
    setError(null);
    try {
      const api = await getDeskApi();
      const result = await runPurge(store, api, event, {
        unsynced: pending !== null,
      });
      if (result.ok) {
        showPurgeReport(result.value);
      } else if (result.error.code === 'unsynced-operations') {
        askAgainUnsynced(
          pendingOf(result.error.data),
          result.error.data?.neverConnected === true,
        );
      } else {
        setError(result.error.message);
      }
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : String(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={() => {
        if (!busy) closePurgeDialog();
      }}
      title={t('retention.confirmTitle', { name: event.name })}
    >
      <Stack gap="sm">
        <Text>{t('retention.whatGoes', { name: event.name })}</Text>
        <Text size="sm" c="dimmed">
          {t('retention.deviceData')}
        </Text>
        {pending !== null && (
          <Alert color="orange" role="alert">
            {t(neverConnected ? 'retention.neverSent' : 'retention.unsynced', {
              count: pending,
            })}
          </Alert>
        )}
        {error !== null && (
          <Alert color="red" role="alert">
            {t('retention.failed', { message: error })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={closePurgeDialog} disabled={busy}>
            {t('retention.cancel')}
          </Button>
          <Button color="red" onClick={() => void purge()} loading={busy}>
            {pending === null
              ? t('retention.confirm')
              : t('retention.confirmUnsynced')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
