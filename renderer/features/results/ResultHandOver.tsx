// Results handed on (issue #4, item 6): the IOF result list and Excel into
// the data folder's exports/ (logged, so the retention purge deletes them),
// the list to the central service when the event is connected, the latest
// finishers to a display board and a class's result lines to the Timy's
// printer, on a connected device the operator picks. Each says what came
// of it: where the file went, what was sent, or why it was refused.

import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ResultFileFormat } from '../../../shared/contract/results';
import type { ResultIdentity } from '../../../shared/formats/resultList';
import { latestFinishers } from '../../../shared/results/devices';
import type { ResultList } from '../../../shared/results/types';
import { getDeskApi } from '../../bridge/getDeskApi';
import { useDesk } from '../shell/deskContext';
import {
  isDisplayBoard,
  preferredDevice,
  useResultDevices,
} from './useResultDevices';

export type HandOverEvent = { id: string; name: string; date: string };

type Outcome = { ok: boolean; text: string };

const isTimy = (protocol: string) => protocol === 'alge-timy';

export const ResultHandOver = memo(function ResultHandOver({
  event,
  results,
  finishedClasses,
  identities,
  by,
}: {
  event: HandOverEvent;
  /**
   * The results as they stand at the press of a button: read then, so a
   * passing (a new list) does not redraw this panel during a finish rush.
   */
  results: () => ResultList;
  /** The classes with results, for the printer's class picker. */
  finishedClasses: readonly string[];
  identities: () => Record<string, ResultIdentity>;
  /** Who hands over, for the export log. */
  by: string;
}) {
  const { t, i18n } = useTranslation();
  const { store } = useDesk();
  const headingId = useId();
  const devices = useResultDevices();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState('');
  const [board, setBoard] = useState('');
  const [printer, setPrinter] = useState('');
  const [printClass, setPrintClass] = useState('');
  const [boardCount, setBoardCount] = useState(10);

  const connection = store.sync.connection();
  const boardId = devices.some((d) => d.setup.id === board)
    ? board
    : preferredDevice(devices, isDisplayBoard);
  const printerId = devices.some((d) => d.setup.id === printer)
    ? printer
    : preferredDevice(devices, (d) => isTimy(d.setup.protocol));
  const className = finishedClasses.includes(printClass)
    ? printClass
    : (finishedClasses[0] ?? '');

  const run = async (what: string, action: () => Promise<Outcome>) => {
    setBusy(what);
    try {
      setOutcome(await action());
    } finally {
      setBusy('');
    }
  };

  const writeFile = (format: ResultFileFormat) =>
    run(format, async () => {
      const api = await getDeskApi();
      const written = await api.invoke('results:write', {
        format,
        fileName: format === 'xlsx' ? 'resultater.xlsx' : 'resultater.xml',
        event,
        lang: i18n.language === 'en' ? 'en' : 'nb',
        list: results(),
        identities: format === 'xlsx' ? {} : identities(),
        by,
      });
      if (!written.ok) {
        return { ok: false, text: t('results.refused', written.error) };
      }
      return {
        ok: true,
        text: t(
          format === 'xlsx' ? 'results.exportedXlsx' : 'results.exported',
          {
            path: written.value.path,
            count: written.value.rows,
          },
        ),
      };
    });

  const sendCentral = () =>
    run('central', async () => {
      const posted = await store.sync.postResults(results());
      if (!posted.ok) {
        return { ok: false, text: t('results.refused', posted.error) };
      }
      return {
        ok: true,
        text: t('results.sentCentral', {
          count: posted.value.starts,
          url: connection?.url ?? '',
        }),
      };
    });

  const sendBoard = () =>
    run('board', async () => {
      const finishers = latestFinishers(results(), boardCount);
      if (finishers.length === 0) {
        return { ok: false, text: t('results.noFinishers') };
      }
      const api = await getDeskApi();
      const shown = await api.invoke('results:display', {
        device: boardId,
        finishers,
      });
      if (!shown.ok) {
        return { ok: false, text: t('results.refused', shown.error) };
      }
      return {
        ok: true,
        text: t('results.sentBoard', {
          count: shown.value.lines,
          device: boardId,
        }),
      };
    });

  const print = () =>
    run('print', async () => {
      const classResult = results().classes.find(
        (c) => c.className === className,
      );
      if (!classResult) return { ok: false, text: t('results.noClasses') };
      const api = await getDeskApi();
      const printed = await api.invoke('results:print', {
        device: printerId,
        classResult,
      });
      if (!printed.ok) {
        return { ok: false, text: t('results.refused', printed.error) };
      }
      return {
        ok: true,
        text: t('results.printed', {
          count: printed.value.lines,
          device: printerId,
          className,
        }),
      };
    });

  const deviceOptions = devices.map((d) => ({
    value: d.setup.id,
    label: `${d.setup.id} (${d.setup.protocol})`,
  }));
  const noDevice = devices.length === 0;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} id={headingId}>
          {t('results.handOver')}
        </Title>
        <Group>
          <Button
            loading={busy === 'iof-resultlist'}
            onClick={() => void writeFile('iof-resultlist')}
          >
            {t('results.exportIof')}
          </Button>
          <Button
            loading={busy === 'xlsx'}
            onClick={() => void writeFile('xlsx')}
          >
            {t('results.exportXlsx')}
          </Button>
          <Button
            loading={busy === 'central'}
            disabled={connection === null}
            onClick={() => void sendCentral()}
          >
            {t('results.sendCentral')}
          </Button>
          {connection === null && (
            <Text size="sm" c="dimmed">
              {t('results.notConnected')}
            </Text>
          )}
        </Group>

        <Group align="end">
          <NativeSelect
            label={t('results.board')}
            value={boardId}
            disabled={noDevice}
            data={noDevice ? [{ value: '', label: '—' }] : deviceOptions}
            onChange={(e) => setBoard(e.currentTarget.value)}
            w={260}
          />
          <NumberInput
            label={t('results.boardCount')}
            value={boardCount}
            min={1}
            max={50}
            w={140}
            onChange={(value) =>
              setBoardCount(typeof value === 'number' ? value : 10)
            }
          />
          <Button
            loading={busy === 'board'}
            disabled={noDevice}
            onClick={() => void sendBoard()}
          >
            {t('results.sendBoard')}
          </Button>
        </Group>

        <Group align="end">
          <NativeSelect
            label={t('results.printer')}
            value={printerId}
            disabled={noDevice}
            data={noDevice ? [{ value: '', label: '—' }] : deviceOptions}
            onChange={(e) => setPrinter(e.currentTarget.value)}
            w={260}
          />
          <NativeSelect
            label={t('results.printClass')}
            value={className}
            disabled={finishedClasses.length === 0}
            data={
              finishedClasses.length === 0
                ? [{ value: '', label: '—' }]
                : finishedClasses.map((name) => ({ value: name, label: name }))
            }
            onChange={(e) => setPrintClass(e.currentTarget.value)}
            w={260}
          />
          <Button
            loading={busy === 'print'}
            disabled={noDevice || className === ''}
            onClick={() => void print()}
          >
            {t('results.print')}
          </Button>
        </Group>
        {noDevice && (
          <Text size="sm" c="dimmed">
            {t('results.noDevices')}
          </Text>
        )}

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
