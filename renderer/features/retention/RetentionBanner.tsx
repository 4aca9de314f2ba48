// Shown over every page: which events leave this desk soon (from two days
// before their purge date), which are due (the desk asks; it never purges
// on its own while an operator works), the purge being confirmed, and
// what the last purge deleted.

import { Affix, Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { RaceEvent } from '../../../shared/domain/event';
import { useDesk, useStoreVersion } from '../shell/deskContext';
import { formatDay } from './formatDay';
import { PurgeDialog } from './PurgeDialog';
import { PurgeReportView } from './PurgeReportView';
import {
  askToPurge,
  showPurgeReport,
  useRetentionState,
} from './retentionState';
import {
  localDay,
  purgeDate,
  type RetentionPhase,
  retentionPhase,
} from './schedule';

type Notice = {
  event: RaceEvent;
  purgeOn: string;
  phase: Exclude<RetentionPhase, 'kept'>;
};

export const RetentionBanner = () => {
  const { t, i18n } = useTranslation();
  const { store } = useDesk();
  const version = useStoreVersion(store);
  const { dialog, report, settings } = useRetentionState();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [today, setToday] = useState(() => localDay(new Date()));

  // A desk left on overnight passes into the next day.
  useEffect(() => {
    const timer = setInterval(() => setToday(localDay(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version and settings are change signals.
  useEffect(() => {
    let live = true;
    void (async () => {
      const found: Notice[] = [];
      for (const event of await store.listEvents()) {
        const purgeOn = purgeDate(
          event.date,
          await store.retentionDays(event.id),
        );
        const phase = retentionPhase(today, purgeOn);
        if (purgeOn !== null && phase !== 'kept') {
          found.push({ event, purgeOn, phase });
        }
      }
      if (live) setNotices(found);
    })();
    return () => {
      live = false;
    };
  }, [store, version, settings, today]);

  if (notices.length === 0 && report === null && dialog === null) return null;
  return (
    <>
      {dialog && <PurgeDialog dialog={dialog} />}
      <Affix position={{ bottom: 12, left: 12, right: 12 }} zIndex={150}>
        <Stack gap={6} maw={900} mx="auto">
          {report && (
            <PurgeReportView
              report={report}
              onClose={() => showPurgeReport(null)}
            />
          )}
          {notices.map(({ event, purgeOn, phase }) => (
            <Alert
              key={event.id}
              color={phase === 'due' ? 'red' : 'yellow'}
              role="alert"
              py={6}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {t(phase === 'due' ? 'retention.due' : 'retention.warn', {
                    name: event.name,
                    date: formatDay(purgeOn, i18n.language),
                  })}
                </Text>
                <Button
                  size="xs"
                  color={phase === 'due' ? 'red' : 'gray'}
                  variant={phase === 'due' ? 'filled' : 'light'}
                  onClick={() => askToPurge(event)}
                >
                  {t('retention.purgeNow')}
                </Button>
              </Group>
            </Alert>
          ))}
        </Stack>
      </Affix>
    </>
  );
};
