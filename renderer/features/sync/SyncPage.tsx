// Sync with the central service: the connect form while the open event
// lives on this desk only; once connected, the connection, the desk's bib
// leases and the bib conflicts to settle.

import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useDesk, useStoreVersion } from '../shell/deskContext';
import { ConflictList } from './ConflictList';
import { ConnectForm } from './ConnectForm';
import { ConnectionPanel } from './ConnectionPanel';
import { LeasePanel } from './LeasePanel';

export const SyncPage = () => {
  const { t } = useTranslation();
  const { store } = useDesk();
  useStoreVersion(store);
  const connection = store.activeEvent() ? store.sync.connection() : null;

  return (
    <Stack gap="md" maw={1000} pb="xl">
      <Title order={1} size="h3">
        {t('sync.title')}
      </Title>
      {connection === null ? (
        <>
          {store.activeEvent() && (
            <Text c="dimmed" maw={640}>
              {t('sync.connection.notConnected')}
            </Text>
          )}
          <ConnectForm />
        </>
      ) : (
        <>
          <ConnectionPanel connection={connection} />
          <ConflictList />
          <LeasePanel />
        </>
      )}
    </Stack>
  );
};
