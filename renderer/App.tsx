// Opens the desk's store, then the event it had open last. Tells e2e tests
// it is ready through body[data-ready] and a 'racedesk:ready' event, so they
// wait on the app rather than on a timer.

import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorDirectory } from './access/operatorDirectory';
import { AccessGate } from './features/access/AccessGate';
import { DeskShell } from './features/shell/DeskShell';
import { DeskProvider } from './features/shell/deskContext';
import { lastEventId } from './features/shell/lastEvent';
import type { DeskStore } from './store/deskStore';

type Boot =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'open'; store: DeskStore; directory: OperatorDirectory };

const openLastEvent = async (store: DeskStore): Promise<void> => {
  const events = await store.listEvents();
  const remembered = lastEventId();
  const event =
    events.find((e) => e.id === remembered) ??
    [...events].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (event) await store.openEvent(event.id);
};

const announceReady = () => {
  document.body.dataset.ready = 'true';
  window.dispatchEvent(new Event('racedesk:ready'));
};

type AppProps = {
  openStore(): Promise<DeskStore>;
  openDirectory(): Promise<OperatorDirectory>;
};

export const App = ({ openStore, openDirectory }: AppProps) => {
  const { t } = useTranslation();
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    Promise.all([openStore(), openDirectory()])
      .then(async ([store, directory]) => {
        await openLastEvent(store);
        if (current) setBoot({ kind: 'open', store, directory });
      })
      .catch((error: unknown) => {
        if (current) setBoot({ kind: 'failed', message: String(error) });
      });
    return () => {
      current = false;
    };
  }, [openStore, openDirectory]);

  useEffect(() => {
    if (boot.kind === 'open') announceReady();
  }, [boot]);

  switch (boot.kind) {
    case 'loading':
      return (
        <Center h="100dvh">
          <Stack align="center" gap="xs">
            <Loader />
            <Text c="dimmed">{t('app.loading')}</Text>
          </Stack>
        </Center>
      );
    case 'failed':
      return (
        <Center h="100dvh">
          <Alert color="red" role="alert" maw={520}>
            {t('app.openFailed', { message: boot.message })}
          </Alert>
        </Center>
      );
    case 'open':
      return (
        <AccessGate
          directory={boot.directory}
          onOperator={boot.store.setOperator}
        >
          <DeskProvider store={boot.store}>
            <DeskShell />
          </DeskProvider>
        </AccessGate>
      );
  }
};
