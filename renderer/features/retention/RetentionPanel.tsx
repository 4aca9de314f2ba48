// On the Overview page: how many days after its date the open event's
// data stays on this desk, when that is, and the organizer's button to
// delete it now. Only a signed-in operator gets here (AccessGate).

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
import { maxRetentionDays } from '../../store/retentionSettings';
import { useDesk } from '../shell/deskContext';
import { formatDay } from './formatDay';
import { askToPurge, retentionDaysChanged } from './retentionState';
import { localDay, purgeDate, retentionPhase } from './schedule';

/** The open event's panel; nothing without one. */
export const RetentionPanel = () => {
  const { store } = useDesk();
  const event = store.activeEvent();
  return event ? <EventRetention key={event.id} event={event} /> : null;
};

const EventRetention = ({ event }: { event: RaceEvent }) => {
  const { t, i18n } = useTranslation();
  const { store } = useDesk();
  const [days, setDays] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void store.retentionDays(event.id).then((read) => {
      if (live) setDays(read);
    });
    return () => {
      live = false;
    };
  }, [store, event.id]);

  const change = async (value: number | string) => {
    // An emptied field is being typed into, not a choice.
    if (typeof value !== 'number') return;
    const saved = await store.setRetentionDays(event.id, value);
    if (saved.ok) {
      setDays(saved.value);
      setError(null);
      retentionDaysChanged();
    } else {
      setError(saved.error.message);
    }
  };

  const purgeOn = days === null ? null : purgeDate(event.date, days);
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
            description={t('retention.daysHelp')}
            value={days}
            min={0}
            max={maxRetentionDays}
            allowDecimal={false}
            allowNegative={false}
            w={260}
            error={error}
            onChange={(value) => void change(value)}
          />
        )}
        <Text size="sm" aria-live="polite">
          {purgeOn === null
            ? t('retention.noDate')
            : t('retention.purgeOn', {
                date: formatDay(purgeOn, i18n.language),
              })}
        </Text>
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
