// Connecting the desk: sign in to the central service, pick the event,
// name the desk, then download the event with a progress bar. The
// organizer's password and session stay in this form's memory only.

import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { RaceEvent } from '../../../shared/domain/event';
import type { CentralSession, DownloadProgress } from '../../sync/deskSync';
import { useDesk } from '../shell/deskContext';
import { rememberEvent } from '../shell/lastEvent';
import { DownloadBar } from './DownloadBar';
import { reasonText } from './syncText';

// The address is no secret and is typed once per venue; remember it.
const urlKey = 'racedesk:centralUrl';

const isHttpUrl = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

const LoginStep = ({ onSession }: { onSession(s: CentralSession): void }) => {
  const { t } = useTranslation();
  const { store } = useDesk();
  const [url, setUrl] = useState(
    () => window.localStorage.getItem(urlKey) ?? '',
  );
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = url.trim();
    if (!isHttpUrl(address)) {
      setProblem(t('sync.login.badUrl'));
      return;
    }
    setBusy(true);
    setProblem('');
    const result = await store.sync.login(address, login.trim(), password);
    setBusy(false);
    if (!result.ok) {
      setProblem(reasonText(result.error, t));
      return;
    }
    window.localStorage.setItem(urlKey, address);
    setPassword('');
    onSession(result.value);
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="sm">
        <TextInput
          label={t('sync.login.url')}
          placeholder={t('sync.login.urlPlaceholder')}
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          required
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('sync.login.login')}
            value={login}
            onChange={(e) => setLogin(e.currentTarget.value)}
            autoComplete="username"
            required
          />
          <PasswordInput
            label={t('sync.login.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            required
          />
        </Group>
        {problem !== '' && (
          <Alert color="red" role="alert" p="xs">
            {problem}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy}>
            {t('sync.login.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

type PickProps = { session: CentralSession; onBack(): void };

const PickStep = ({ session, onBack }: PickProps) => {
  const { t } = useTranslation();
  const { store, reportSaved } = useDesk();
  const [eventId, setEventId] = useState(session.events[0]?.id ?? '');
  const [deskName, setDeskName] = useState('');
  const [localEvents, setLocalEvents] = useState<RaceEvent[]>([]);
  const [localEventId, setLocalEventId] = useState('');
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    let current = true;
    void store.listEvents().then((list) => {
      if (current) setLocalEvents(list);
    });
    return () => {
      current = false;
    };
  }, [store]);

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    if (deskName.trim() === '' || eventId === '') {
      setProblem(t('sync.login.required'));
      return;
    }
    setProblem('');
    setProgress({ documents: 0, done: 0 });
    const result = await store.sync.connect(
      {
        session,
        centralEventId: eventId,
        deskName: deskName.trim(),
        ...(localEventId === '' ? {} : { localEventId }),
      },
      setProgress,
    );
    setProgress(null);
    if (!result.ok) {
      setProblem(reasonText(result.error, t));
      return;
    }
    rememberEvent(result.value.id);
    reportSaved({ key: 'sync.download.done' }, result.value.name);
  };

  if (session.events.length === 0) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text>{t('sync.login.noEvents')}</Text>
        <Button variant="default" onClick={onBack}>
          {t('sync.login.back')}
        </Button>
      </Stack>
    );
  }

  const busy = progress !== null;
  return (
    <form onSubmit={(e) => void connect(e)}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('sync.login.signedInAs', { name: session.account.name })}
        </Text>
        <NativeSelect
          label={t('sync.login.event')}
          value={eventId}
          onChange={(e) => setEventId(e.currentTarget.value)}
          data={session.events.map((e) => ({
            value: e.id,
            label: e.date ? `${e.name} (${e.date})` : e.name,
          }))}
          disabled={busy}
        />
        <TextInput
          label={t('sync.login.deskName')}
          placeholder={t('sync.login.deskNamePlaceholder')}
          value={deskName}
          onChange={(e) => setDeskName(e.currentTarget.value)}
          maxLength={100}
          disabled={busy}
          required
        />
        <NativeSelect
          label={t('sync.login.target')}
          value={localEventId}
          onChange={(e) => setLocalEventId(e.currentTarget.value)}
          data={[
            { value: '', label: t('sync.login.downloadNew') },
            ...localEvents.map((e) => ({
              value: e.id,
              label: t('sync.login.joinLocal', { name: e.name }),
            })),
          ]}
          disabled={busy}
        />
        {progress !== null && <DownloadBar progress={progress} />}
        {problem !== '' && (
          <Alert color="red" role="alert" p="xs">
            {problem}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy}>
            {t('sync.login.connect')}
          </Button>
          <Button variant="default" onClick={onBack} disabled={busy}>
            {t('sync.login.back')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

export const ConnectForm = () => {
  const { t } = useTranslation();
  const [session, setSession] = useState<CentralSession | null>(null);

  return (
    <Paper
      component="section"
      aria-label={t('sync.login.title')}
      withBorder
      p="md"
      maw={640}
    >
      <Title order={2} size="h4" mb={4}>
        {t('sync.login.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sync.login.intro')}
      </Text>
      {session === null ? (
        <LoginStep onSession={setSession} />
      ) : (
        <PickStep session={session} onBack={() => setSession(null)} />
      )}
    </Paper>
  );
};
