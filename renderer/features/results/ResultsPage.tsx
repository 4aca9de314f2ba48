// Live results per class, the passings that matched nobody, the race
// setup per class, status overrides, the results handed on (files, the
// central service, the display board, the printer) and the start list for
// the timing crew's software.

import { Group, NativeSelect, Stack, Switch, Text, Title } from '@mantine/core';
import {
  useCallback,
  useContext,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';

import { manualReason } from '../../../shared/results/resultTable';
import type { ClassSetup, ManualStatus } from '../../../shared/results/types';
import { AccessContext } from '../access/accessContext';
import { exportBy } from '../exports/exportBy';
import { useDesk, useStoreVersion } from '../shell/deskContext';
import { ClassResultTable } from './ClassResultTable';
import { resultsOf, setByOf, startListKey, startListOf } from './liveResults';
import { RaceSetupForm } from './RaceSetupForm';
import { ResultHandOver } from './ResultHandOver';
import { StartListExport } from './StartListExport';
import { UnmatchedPassings } from './UnmatchedPassings';

export const ResultsPage = () => {
  const { t } = useTranslation();
  const { store } = useDesk();
  // The export log names the operator signed in, and the desk.
  const operator = useContext(AccessContext)?.operator;
  const by = exportBy(operator?.name, store.deskId);
  // A finish rush stores passings faster than 50,000 starts recompute;
  // the page may skip versions while the desk stays responsive.
  const version = useDeferredValue(useStoreVersion(store));
  const [closed, setClosed] = useState(false);
  // '' shows the classes someone has finished in, which is what the finish
  // line wants to see; a name shows that class with everyone in it.
  const [shown, setShown] = useState('');

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

  const unmatched = useMemo(() => live.unmatched(), [live]);

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
  // A status set by hand carries a code, no name: the results leave the
  // desk. Who set it is the operator the operation records, shown here.
  const setStatus = useCallback(
    (className: string, participantId: string, status: ManualStatus | '') =>
      store.timing.setResultStatus(
        participantId,
        className,
        status,
        status === '' ? '' : manualReason,
      ),
    [store],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the store's change counter
  const statusOps = useMemo(
    () => store.timing.statusOperations(),
    [store, version],
  );
  // A new map only when a status changed, so the memoized tables stay.
  const statusKey = statusOps.map((op) => op.id).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: statusKey says when statusOps changed
  const setBy = useMemo(() => setByOf(statusOps), [statusKey]);

  const event = store.activeEvent();
  const shownClasses = live.list.classes.filter((classResult) =>
    shown === ''
      ? classResult.results.some((result) => result.timeMs !== null)
      : classResult.className === shown,
  );

  const handOverEvent = useMemo(
    () => (event ? { id: event.id, name: event.name, date: event.date } : null),
    [event],
  );
  // The hand-over panel reads the results when a button is pressed, so a
  // passing redraws it only when the classes with results change.
  const liveRef = useRef(live);
  liveRef.current = live;
  const currentResults = useCallback(() => liveRef.current.list, []);
  const currentIdentities = useCallback(() => liveRef.current.identities(), []);
  const finishedKey = live.list.classes
    .filter((c) => c.results.length > 0)
    .map((c) => c.className)
    .join('\n');
  const finishedClasses = useMemo(
    () => (finishedKey === '' ? [] : finishedKey.split('\n')),
    [finishedKey],
  );
  // Read fresh at the press of a button: the page's own start list may be
  // from the roster the event opened with, before the full records came.
  const currentViews = useCallback(() => store.timing.views(), [store]);

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
        </Group>
      </Group>

      {handOverEvent && (
        <ResultHandOver
          event={handOverEvent}
          results={currentResults}
          finishedClasses={finishedClasses}
          identities={currentIdentities}
          by={by}
        />
      )}
      {handOverEvent && (
        <StartListExport event={handOverEvent} views={currentViews} by={by} />
      )}

      <RaceSetupForm
        classNames={classNames}
        setup={live.setup}
        onSave={saveSetup}
      />

      <UnmatchedPassings unmatched={unmatched} />

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
          setBy={setBy}
        />
      ))}
      {shownClasses.length === 0 && (
        <Text c="dimmed">{t('results.noClasses')}</Text>
      )}
    </Stack>
  );
};
