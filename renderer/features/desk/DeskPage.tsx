// The check-in desk: search on the left, the open participant on the right.
// Focus lives in the search box; every action hands it back there.

import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import {
  type KeyboardEvent,
  useCallback,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';

import type { ParticipantView } from '../../../shared/desk/state';
import { KeyButton } from '../../ui/KeyButton';
import { LateEntryModal } from '../late-entry/LateEntryModal';
import { ParticipantCard } from '../participant/ParticipantCard';
import { ResultList } from '../search/ResultList';
import { SearchBox } from '../search/SearchBox';
import { createScanDetector } from '../search/scanDetector';
import { useDesk, useStoreVersion } from '../shell/deskContext';
import { actionKeys } from './deskKeys';
import { RecentActions } from './RecentActions';
import { useScanChecksIn } from './scanSetting';
import { useDeskActions } from './useDeskActions';
import { useGlobalDeskKeys } from './useGlobalDeskKeys';

const resultLimit = 500;

export const DeskPage = () => {
  const { t } = useTranslation();
  const { store, status, reportError, clearError } = useDesk();
  const version = useStoreVersion(store);
  const searchRef = useRef<HTMLInputElement>(null);
  const detector = useMemo(() => createScanDetector(), []);

  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  // 'card' right after a pick: Enter then checks in the open participant.
  const [mode, setMode] = useState<'browse' | 'card'>('browse');
  const [lateOpen, setLateOpen] = useState(false);
  const [scanChecksIn, setScanChecksIn] = useScanChecksIn();

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the store's change signal.
  const results = useMemo(
    () => store.search(query, resultLimit),
    [store, query, version],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the store's change signal.
  const openView = useMemo(
    () => (openId ? store.get(openId) : undefined),
    [store, openId, version],
  );

  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);
  const actions = useDeskActions(focusSearch);

  // Enter on someone already in, or deregistered, must not record anything.
  const checkIn = useCallback(
    (view: ParticipantView) => {
      if (view.participant.status === 'deregistered') {
        reportError(t('errors.deregistered'));
      } else if (!view.state.checkedIn) {
        void actions.checkIn(view);
      }
    },
    [actions, reportError, t],
  );

  const pick = useCallback(
    (view: ParticipantView) => {
      clearError();
      setOpenId(view.participant.id);
      setMode('card');
      // Arrows continue from the one picked, also when it was clicked.
      const index = results.indexOf(view);
      if (index >= 0) setActiveIndex(index);
      focusSearch();
    },
    [focusSearch, clearError, results],
  );

  const back = useCallback(() => {
    if (openId === null) setQuery('');
    setOpenId(null);
    setMode('browse');
    focusSearch();
  }, [openId, focusSearch]);

  // The burst is the code when the scanner typed into other text; the whole
  // box is, when a stall on a busy machine split the burst.
  const onScan = (burst: string) => {
    const whole = query.trim();
    const fromBurst = store.lookupScan(burst);
    const view = fromBurst ?? store.lookupScan(whole);
    if (!view) {
      reportError(t('search.unknownCode', { code: burst }));
      return;
    }
    setQuery(fromBurst ? burst : whole);
    pick(view);
    if (scanChecksIn) checkIn(view);
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const at = event.timeStamp;
    if (event.key.length === 1) detector.key(event.key, at);

    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setMode('browse');
      setActiveIndex((i) =>
        Math.max(0, Math.min(results.length - 1, i + step)),
      );
      return;
    }
    if (event.key !== 'Enter') return;

    event.preventDefault();
    const scanned = detector.enter(at);
    if (scanned !== null) return onScan(scanned);
    if (mode === 'card' && openView) return checkIn(openView);

    const exact = store.lookupScan(query.trim());
    const chosen = exact ?? results[activeIndex];
    if (chosen) pick(chosen);
  };

  // Desk keys work wherever focus is, except inside the late entry form.
  useGlobalDeskKeys(!lateOpen, {
    onAction: (action) => {
      switch (action) {
        case 'undo':
          return void actions.undo();
        case 'next-bib':
          return void (openView && actions.nextBib(openView));
        case 'late-entry':
          return setLateOpen(true);
        case 'back':
          return back();
        case 'check-in':
          return void (openView && checkIn(openView));
      }
    },
    // A scanner or a person typing with focus elsewhere: send it to search.
    onStrayKey: (key, at) => {
      detector.key(key, at);
      searchRef.current?.focus();
    },
  });

  return (
    <Group align="stretch" gap="md" wrap="nowrap" h="100%">
      <Paper withBorder p="sm" w={420} miw={360}>
        <Stack gap="xs" h="100%">
          <SearchBox
            inputRef={searchRef}
            query={query}
            activeId={results[activeIndex]?.participant.id ?? null}
            resultCount={results.length}
            resultLimit={resultLimit}
            scanChecksIn={scanChecksIn}
            onQueryChange={(q) => {
              setQuery(q);
              setActiveIndex(0);
              setMode('browse');
            }}
            onKeyDown={onSearchKey}
            onScanChecksInChange={(v) => {
              setScanChecksIn(v);
              focusSearch();
            }}
          />
          <ResultList
            query={query}
            results={results}
            activeIndex={activeIndex}
            openId={openId}
            onPick={pick}
          />
        </Stack>
      </Paper>

      <Stack gap="sm" style={{ flex: 1, minWidth: 0, overflowY: 'auto' }}>
        <Group justify="flex-end" gap="xs">
          <KeyButton
            label={t('actions.lateEntry')}
            keys={actionKeys['late-entry']}
            variant="light"
            onClick={() => setLateOpen(true)}
          />
          <KeyButton
            label={t('actions.back')}
            keys={actionKeys.back}
            variant="subtle"
            onClick={back}
          />
        </Group>
        {status.kind === 'error' && (
          <Alert color="red" variant="light" role="alert" py="xs">
            {status.message}
          </Alert>
        )}
        {openView && !store.detailsLoaded() ? (
          // Right after an event opens, views hold a search summary only;
          // a card from it would show payment and license wrongly.
          <Paper withBorder p="xl">
            <Text c="dimmed">{t('card.loading')}</Text>
          </Paper>
        ) : openView ? (
          <ParticipantCard
            view={openView}
            busy={actions.busy}
            onCheckIn={() => checkIn(openView)}
            onUndo={() => void actions.undo()}
            onNextBib={() => void actions.nextBib(openView)}
            onAssignBib={(bib) => actions.assignBib(openView, bib)}
            onPay={(method, amount) =>
              actions.recordPayment(openView, method, amount)
            }
          />
        ) : (
          <Paper withBorder p="xl">
            <Text c="dimmed">{t('card.empty')}</Text>
          </Paper>
        )}
        <RecentActions />
      </Stack>

      <LateEntryModal
        opened={lateOpen}
        onClose={() => {
          setLateOpen(false);
          focusSearch();
        }}
        onCreated={(view) => {
          setLateOpen(false);
          pick(view);
        }}
      />
    </Group>
  );
};
