// Opens the operator directory and shows the sign-in. Only once an operator
// has signed in does it open the desk's store (which fetches the data key)
// and the event it had open last (which fetches that event's key): until
// the first sign-in the page holds no key and no participant in memory.
// After a lock or sign-out the lock screen hides the data, but the store
// (its keys and the open event) stays open in memory until the window
// closes; the next sign-in finds it open. Tells e2e
// tests the sign-in is ready through body[data-ready] and a
// 'racedesk:ready' event, so they wait on the app rather than on a timer.

import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorDirectory } from './access/operatorDirectory';
import { AccessGate } from './features/access/AccessGate';
import { useAccess } from './features/access/accessContext';
import { DeskShell } from './features/shell/DeskShell';
import { DeskProvider } from './features/shell/deskContext';
import { lastEventId } from './features/shell/lastEvent';
import type { DeskStore } from './store/deskStore';

type Boot =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'open'; directory: OperatorDirectory };

type DeskBoot =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'open'; store: DeskStore };

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

// The store and its last event open once per page, at the first sign-in;
// a lock and the next sign-in find them open.
const openedDesks = new WeakMap<AppProps['openStore'], Promise<DeskStore>>();
const openDesk = (openStore: AppProps['openStore']): Promise<DeskStore> => {
  const known = openedDesks.get(openStore);
  if (known) return known;
  const opening = openStore().then(async (store) => {
    await openLastEvent(store);
    return store;
  });
  openedDesks.set(openStore, opening);
  // A failed open is tried again at the next sign-in.
  opening.catch(() => openedDesks.delete(openStore));
  return opening;
};

const Loading = ({ text }: { text: string }) => (
  <Center h="100dvh">
    <Stack align="center" gap="xs">
      <Loader />
      <Text c="dimmed">{text}</Text>
    </Stack>
  </Center>
);

const Failed = ({ text }: { text: string }) => (
  <Center h="100dvh">
    <Alert color="red" role="alert" maw={520}>
      {text}
    </Alert>
  </Center>
);

/** Mounted only below the access gate, so only for a signed-in operator. */
const SignedInDesk = ({
  openStore,
  onStore,
}: {
  openStore: AppProps['openStore'];
  onStore(store: DeskStore): void;
}) => {
  const { t } = useTranslation();
  const { operator } = useAccess();
  const [desk, setDesk] = useState<DeskBoot>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    openDesk(openStore)
      .then((store) => {
        if (!current) return;
        // Before any page can record: the store refuses operations
        // without an operator.
        store.setOperator(operator.name);
        onStore(store);
        setDesk({ kind: 'open', store });
      })
      .catch((error: unknown) => {
        if (current) setDesk({ kind: 'failed', message: String(error) });
      });
    return () => {
      current = false;
    };
  }, [openStore, onStore, operator.name]);

  switch (desk.kind) {
    case 'loading':
      return <Loading text={t('app.loading')} />;
    case 'failed':
      return <Failed text={t('app.openFailed', { message: desk.message })} />;
    case 'open':
      return (
        <DeskProvider store={desk.store}>
          <DeskShell />
        </DeskProvider>
      );
  }
};

export const App = ({ openStore, openDirectory }: AppProps) => {
  const { t } = useTranslation();
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  // The open store, once someone has signed in; told who signs in and
  // '' when they lock or sign out.
  const store = useRef<DeskStore | null>(null);
  const onOperator = useCallback((name: string) => {
    store.current?.setOperator(name);
  }, []);
  // SignedInDesk has told the store who signed in before handing it here.
  const onStore = useCallback((opened: DeskStore) => {
    store.current = opened;
  }, []);

  useEffect(() => {
    let current = true;
    openDirectory()
      .then((directory) => {
        if (current) setBoot({ kind: 'open', directory });
      })
      .catch((error: unknown) => {
        if (current) setBoot({ kind: 'failed', message: String(error) });
      });
    return () => {
      current = false;
    };
  }, [openDirectory]);

  useEffect(() => {
    if (boot.kind === 'open') announceReady();
  }, [boot]);

  switch (boot.kind) {
    case 'loading':
      return <Loading text={t('app.loading')} />;
    case 'failed':
      return <Failed text={t('app.openFailed', { message: boot.message })} />;
    case 'open':
      return (
        <AccessGate directory={boot.directory} onOperator={onOperator}>
          <SignedInDesk openStore={openStore} onStore={onStore} />
        </AccessGate>
      );
  }
};
