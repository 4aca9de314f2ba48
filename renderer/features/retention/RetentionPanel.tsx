// On the Overview page: how many days after its date the open event's
// data stays on this desk (a connected event's: after its results reached
// the central service), when that is, and the organizer's button to
// delete it now. A connected event's days are the organizer's when it set
// them in the central service (read by the sync at connect and once per
// online period, sync/eventSettings.ts, and again here when the panel
// opens; kept on the desk, so a change redraws the panel): then the
// desk's own field is shown disabled, saying so. Only a signed-in operator
// gets here (AccessGate).

import {
  Alert,
  Button,
  NumberInput,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { RaceEvent } from '../../../shared/domain/event';
import {
  maxRetentionDays,
  type RetentionBasis,
} from '../../store/retentionSettings';
import {
  connectedRecord,
  keepEventSettings,
  pageFetch,
  readEventSettings,
} from '../../sync/eventSettings';
import { hasDatabase } from '../exports/eventViews';
import { useDesk, useStoreVersion } from '../shell/deskContext';
import { formatDay } from './formatDay';
import { askToPurge, retentionDaysChanged } from './retentionState';
import {
  localDay,
  retentionDaysOf,
  retentionPhase,
  retentionSchedule,
} from './schedule';

/** The open event's panel; nothing without one. */
export const RetentionPanel = () => {
  const { store } = useDesk();
  const event = store.activeEvent();
  return event ? <EventRetention key={event.id} event={event} /> : null;
};

const EventRetention = ({ event }: { event: RaceEvent }) => {
  const { t, i18n } = useTranslation();
  const { store } = useDesk();
  const [basis, setBasis] = useState<RetentionBasis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion(store);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is a change signal (results sent, connected).
  useEffect(() => {
    let live = true;
    void store.retention(event.id).then((read) => {
      if (live) setBasis(read);
    });
    return () => {
      live = false;
    };
  }, [store, event.id, version]);
  const connected = basis?.connected === true;

  // The organizer's days, as the central event says them now; kept on the
  // desk, so a later panel (or the banner) follows them offline too.
  useEffect(() => {
    if (!connected) return;
    let live = true;
    void (async () => {
      if (!hasDatabase(store)) return;
      const record = await connectedRecord(store.database, event.id);
      if (record === null) return;
      const read = await readEventSettings(record, pageFetch);
      // Unreachable: the days last read stay; so do they when the answer
      // has none (as the sync keeps them).
      if (!read.ok || !live) return;
      const changed = await keepEventSettings(
        store.database,
        event.id,
        read.value,
      );
      if (!changed) return;
      const again = await store.retention(event.id);
      if (live) setBasis(again);
      retentionDaysChanged();
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [store, event.id, connected]);

  const counted = basis === null ? null : retentionDaysOf(basis);
  const days = counted?.days ?? null;
  const byOrganizer = counted?.byOrganizer === true;

  const change = async (value: number | string) => {
    // An emptied field is being typed into, not a choice.
    if (typeof value !== 'number') return;
    const saved = await store.setRetentionDays(event.id, value);
    if (saved.ok) {
      setBasis((before) => before && { ...before, days: saved.value });
      setError(null);
      retentionDaysChanged();
    } else {
      setError(
        saved.error.code === 'invalid-retention'
          ? t('retention.daysRange', { max: maxRetentionDays })
          : saved.error.message,
      );
    }
  };

  const schedule = basis === null ? null : retentionSchedule(event.date, basis);
  const purgeOn = schedule?.purgeOn ?? null;
  const phase = retentionPhase(localDay(new Date()), purgeOn);
  return (
    <Paper withBorder p="sm" mt="md">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h5">
          {t('retention.title')}
        </Title>
        {days !== null && (
          <NumberInput
            label={t('retention.days')}
            description={
              byOrganizer ? t('retention.byOrganizer') : t('retention.daysHelp')
            }
            disabled={byOrganizer}
            value={days}
            min={0}
            max={maxRetentionDays}
            allowDecimal={false}
            allowNegative={false}
            w={260}
            error={byOrganizer ? null : error}
            onChange={(value) => void change(value)}
          />
        )}
        <Text size="sm" aria-live="polite">
          {schedule?.waitingForResults
            ? t('retention.waitingForResults', { count: days ?? 0 })
            : purgeOn === null
              ? t('retention.noDate')
              : t('retention.purgeOn', {
                  date: formatDay(purgeOn, i18n.language),
                })}
        </Text>
        {schedule?.resultsSentOn && (
          <Text size="sm" c="dimmed">
            {t('retention.resultsSent', {
              date: formatDay(schedule.resultsSentOn, i18n.language),
            })}
          </Text>
        )}
        {purgeOn !== null && phase !== 'kept' && (
          <Alert color={phase === 'due' ? 'red' : 'yellow'} role="note" py={6}>
            {t(phase === 'due' ? 'retention.due' : 'retention.warn', {
              name: event.name,
              date: formatDay(purgeOn, i18n.language),
            })}
          </Alert>
        )}
        <Button color="red" variant="light" onClick={() => askToPurge(event)}>
          {t('retention.purge')}
        </Button>
      </Stack>
    </Paper>
  );
};
