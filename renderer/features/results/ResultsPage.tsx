// Live results per class, the passings that matched nobody, the race
// setup per class, status overrides and the IOF result list export.

import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ClassSetup, ManualStatus } from '../../../shared/results/types';
import { getDeskApi } from '../../bridge/getDeskApi';
import { useDesk, useStoreVersion } from '../shell/deskContext';
import { ClassResultTable } from './ClassResultTable';
import { resultsOf, startListKey, startListOf } from './liveResults';
import { RaceSetupForm } from './RaceSetupForm';
import { UnmatchedPassings } from './UnmatchedPassings';

export const ResultsPage = () => {
  const { t, i18n } = useTranslation();
  const { store } = useDesk();
  // A finish rush stores passings faster than 50,000 starts recompute;
  // the page may skip versions while the desk stays responsive.
  const version = useDeferredValue(useStoreVersion(store));
  const [closed, setClosed] = useState(false);
  // '' shows the classes someone has finished in, which is what the finish
  // line wants to see; a name shows that class with everyone in it.
  const [shown, setShown] = useState('');
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the store's change counter
  const views = useMemo(() => store.timing.views(), [store, version]);
  const key = useMemo(() => startListKey(views), [views]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key says when the views it reads changed
  const start = useMemo(() => startListOf(views), [key]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the store's change counter
  const live = useMemo(() => {
    const { timing } = store;
    return resultsOf(
      start,
      timing.passings(),
      timing.setupOperations(),
      timing.statusOperations(),
      closed,
    );
  }, [store, start, version, closed]);

  // Stable props, so the memoized parts skip the renders a passing causes
  // while the deferred results are still being computed.
  const classNames = useMemo(
    () => live.classes.map((c) => c.name),
    [live.classes],
  );
  const saveSetup = useCallback(
    (className: string, setup: Partial<ClassSetup>) =>
      store.timing.setRaceSetup(className, setup),
    [store],
  );
  const setStatus = useCallback(
    (
      className: string,
      participantId: string,
      status: ManualStatus | '',
      reason: string,
    ) => store.timing.setResultStatus(participantId, className, status, reason),
    [store],
  );

  const event = store.activeEvent();
  const shownClasses = live.list.classes.filter((classResult) =>
    shown === ''
      ? classResult.results.some((result) => result.timeMs !== null)
      : classResult.className === shown,
  );

  const exportIof = async () => {
    if (!event) return;
    const api = await getDeskApi();
    const written = await api.invoke('results:write', {
      format: 'iof-resultlist',
      fileName: 'resultater.xml',
      event: { id: event.id, name: event.name, date: event.date },
      lang: i18n.language === 'en' ? 'en' : 'nb',
      list: live.list,
      identities: live.identities(),
    });
    if (written.ok) {
      setExported(written.value.path);
      setExportError(null);
    } else {
      setExportError(written.error.message);
    }
  };

  return (
    <Stack p="md" gap="lg">
      <Group justify="space-between">
        <Title order={2}>{t('results.title')}</Title>
        <Group>
          <Switch
            label={t('results.closed')}
            checked={closed}
            onChange={(e) => setClosed(e.currentTarget.checked)}
          />
          <Button onClick={() => void exportIof()}>
            {t('results.exportIof')}
          </Button>
        </Group>
      </Group>
      {exported && (
        <Alert color="green" role="status">
          {t('results.exported', { path: exported })}
        </Alert>
      )}
      {exportError && (
        <Alert color="red" role="alert">
          {exportError}
        </Alert>
      )}

      <RaceSetupForm
        classNames={classNames}
        setup={live.setup}
        onSave={saveSetup}
      />

      <UnmatchedPassings unmatched={live.list.unmatched} />

      <NativeSelect
        label={t('results.show')}
        value={shown}
        w={320}
        data={[
          { value: '', label: t('results.withFinishers') },
          ...live.classes.map((c) => ({ value: c.name, label: c.name })),
        ]}
        onChange={(e) => setShown(e.currentTarget.value)}
      />
      {shownClasses.map((classResult) => (
        <ClassResultTable
          key={classResult.className}
          classResult={classResult}
          onStatus={setStatus}
        />
      ))}
      {shownClasses.length === 0 && (
        <Text c="dimmed">{t('results.noClasses')}</Text>
      )}
    </Stack>
  );
};
