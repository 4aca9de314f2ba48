// "Startliste til tidtaking": the start list, entry list or CSV start list
// for the timing crew's software, from what the desk holds now (late
// entries in, deregistered out, bibs and chips as set at check-in), into
// the data folder's exports/ and the export log.

import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ParticipantView } from '../../../shared/desk/state';
import type { TimingListFormat } from '../../../shared/formats/timingLists';
import { getDeskApi } from '../../bridge/getDeskApi';
import type { DeskStore } from '../../store/deskStore';
import { useDesk } from '../shell/deskContext';
import type { HandOverEvent } from './ResultHandOver';
import { buildStartListOffThread } from './startListBuild';

type Outcome = { ok: boolean; text: string };

const formats: TimingListFormat[] = [
  'iof-startlist',
  'iof-entrylist',
  'csv-startlist',
];

/** Resolves once the open event's full participants are in memory. */
const detailsLoaded = (store: DeskStore): Promise<void> =>
  new Promise((resolve) => {
    if (store.detailsLoaded()) return resolve();
    const stop = store.subscribe(() => {
      if (!store.detailsLoaded()) return;
      stop();
      resolve();
    });
  });

export const StartListExport = memo(function StartListExport({
  event,
  views,
  by,
}: {
  event: HandOverEvent;
  /**
   * The participants as the desk holds them now; read when a button is
   * pressed, after the full participant records are in memory.
   */
  views: () => ParticipantView[];
  by: string;
}) {
  const { t } = useTranslation();
  const { store } = useDesk();
  const headingId = useId();
  const [busy, setBusy] = useState<TimingListFormat | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const write = async (format: TimingListFormat) => {
    setBusy(format);
    try {
      // The roster an event opens from lacks birth dates and ids.
      await detailsLoaded(store);
      const file = await buildStartListOffThread({
        format,
        views: views(),
        event: { name: event.name, date: event.date },
        createdAt: new Date().toISOString(),
      });
      const api = await getDeskApi();
      const written = await api.invoke('results:write-start-list', {
        format,
        event,
        text: file.text,
        people: file.people,
        rows: file.rows,
        by,
      });
      setOutcome(
        written.ok
          ? {
              ok: true,
              text: t('results.startListWritten', {
                path: written.value.path,
                count: file.people,
              }),
            }
          : { ok: false, text: t('results.refused', written.error) },
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} id={headingId}>
          {t('results.startList')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('results.startListHelp')}
        </Text>
        <Group>
          {formats.map((format) => (
            <Button
              key={format}
              variant="light"
              loading={busy === format}
              onClick={() => void write(format)}
            >
              {t(`results.startListFormats.${format}`)}
            </Button>
          ))}
        </Group>
        {outcome && (
          <Alert
            color={outcome.ok ? 'green' : 'red'}
            role={outcome.ok ? 'status' : 'alert'}
          >
            {outcome.text}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
});
