// Import an iSonen export: pick the file, watch it being read, check the
// preview, skip or fix problem rows, commit. Nothing is stored before the
// commit.

import {
  Alert,
  Button,
  Group,
  Input,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { RaceEvent } from '../../../shared/domain/event';
import type { ImportPreview } from '../../../shared/isonen/preview';
import type { SheetTable } from '../../../shared/isonen/sheet';
import type { ImportTarget } from '../../store/deskStore';
import { useDesk } from '../shell/deskContext';
import { errorText } from '../shell/errorText';
import { rememberEvent } from '../shell/lastEvent';
import { DemoButton } from './DemoButton';
import { ImportSummary } from './ImportSummary';
import { ProblemTable } from './ProblemTable';
import { readSheet } from './readSheet';
import { applyEdits, cellKey, defaultSkipRows } from './sheetEdits';
import { TargetFields } from './TargetFields';

type Reading = { fileName: string; rows: number; done: boolean };

const withoutExtension = (name: string) => name.replace(/\.[^.]+$/, '');

export const ImportPage = ({ onImported }: { onImported(): void }) => {
  const { t } = useTranslation();
  const { store, reportSaved, reportError } = useDesk();
  const [events, setEvents] = useState<RaceEvent[]>([]);
  const [choice, setChoice] = useState<TargetChoice>({
    mode: 'new',
    name: '',
    eventId: store.activeEvent()?.id ?? '',
  });
  const [reading, setReading] = useState<Reading | null>(null);
  const [table, setTable] = useState<SheetTable | null>(null);
  const [edits, setEdits] = useState<ReadonlyMap<string, string>>(new Map());
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [skip, setSkip] = useState<ReadonlySet<number>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [committing, setCommitting] = useState(false);

  useEffect(() => {
    void store.listEvents().then(setEvents);
  }, [store]);

  type TargetChoice = {
    mode: 'new' | 'existing';
    name: string;
    eventId: string;
  };
  const targetOf = (choice: TargetChoice): ImportTarget =>
    choice.mode === 'existing' && choice.eventId !== ''
      ? { eventId: choice.eventId }
      : { newEventName: choice.name.trim() || t('import.newEvent') };

  // The fixed cells become part of the table; the preview starts over.
  const runPreview = async (
    source: SheetTable,
    fixes: ReadonlyMap<string, string>,
    choice: TargetChoice,
  ) => {
    const fixed = applyEdits(source, fixes);
    setPreviewing(true);
    const next = await store.previewImport(fixed, targetOf(choice));
    setPreviewing(false);
    setTable(fixed);
    setEdits(new Map());
    setPreview(next);
    setSkip(new Set(defaultSkipRows(next.problems)));
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setFailure(null);
    setPreview(null);
    setEdits(new Map());
    setReading({ fileName: file.name, rows: 0, done: false });
    const result = await readSheet(file, (rows) =>
      setReading({ fileName: file.name, rows, done: false }),
    );
    if (!result.ok) {
      setReading(null);
      setFailure(t('import.failed', { message: result.error.message }));
      return;
    }
    const rows = result.value.rows.length;
    setReading({ fileName: file.name, rows, done: true });
    const named = {
      ...choice,
      name: choice.name || withoutExtension(file.name),
    };
    setChoice(named);
    setTable(result.value);
    await runPreview(result.value, new Map(), named);
  };

  // A new target changes the diff; a new name only the label.
  const changeTarget = (next: TargetChoice) => {
    setChoice(next);
    const moved = next.mode !== choice.mode || next.eventId !== choice.eventId;
    if (table && moved) void runPreview(table, edits, next);
  };

  const commit = async () => {
    if (!preview) return;
    setCommitting(true);
    const result = await store.commitImport(preview, [...skip]);
    setCommitting(false);
    if (!result.ok) {
      setFailure(errorText(result.error, t));
      reportError(errorText(result.error, t));
      return;
    }
    const report = result.value;
    await store.openEvent(report.eventId);
    rememberEvent(report.eventId);
    reportSaved({ key: 'done.import' }, preview.eventName);
    setPreview(null);
    setTable(null);
    setReading(null);
    // A fresh input, so choosing the same file again reads it again.
    setFileInputKey((k) => k + 1);
    onImported();
  };

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h5">
            {t('import.title')}
          </Title>
          <DemoButton onLoaded={onImported} />
        </Group>
        <Group align="flex-end" gap="md">
          <TargetFields
            choice={choice}
            events={events}
            onChange={changeTarget}
          />
          <Input.Wrapper label={t('import.file')} id="import-file">
            <input
              key={fileInputKey}
              id="import-file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              style={{ display: 'block', paddingTop: 6 }}
              onChange={(e) => void onFile(e.currentTarget.files?.[0])}
            />
          </Input.Wrapper>
        </Group>
        {reading && (
          <Stack gap={2} mt="sm">
            <Progress
              value={100}
              animated={!reading.done}
              color={reading.done ? 'green' : 'blue'}
              aria-label={t('import.progress')}
            />
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {reading.done
                  ? t('import.readDone', { rows: reading.rows })
                  : t('import.reading', {
                      fileName: reading.fileName,
                      rows: reading.rows,
                    })}
              </Text>
              {previewing && (
                <>
                  <Loader size="xs" />
                  <Text size="xs" c="dimmed">
                    {t('import.previewing')}
                  </Text>
                </>
              )}
            </Group>
          </Stack>
        )}
        {failure && (
          <Alert color="red" mt="sm" role="alert">
            {failure}
          </Alert>
        )}
      </Paper>

      {preview && table && (
        <Paper
          withBorder
          p="sm"
          aria-label={t('import.preview')}
          component="section"
        >
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h5">
              {t('import.preview')}: {preview.eventName}
            </Title>
            <Group gap="xs">
              <Button
                variant="default"
                onClick={() => void runPreview(table, edits, choice)}
              >
                {t('import.rerun')}
              </Button>
              <Button
                color="green"
                loading={committing}
                onClick={() => void commit()}
              >
                {t('import.commit')}
              </Button>
            </Group>
          </Group>
          <Text size="xs" c="dimmed" mb="xs">
            {edits.size > 0
              ? t('import.editsPending', { count: edits.size })
              : t('import.nothingStored')}
          </Text>
          <ImportSummary preview={preview} />
          <Title order={3} size="h6" mt="sm" mb={4}>
            {t('import.problems')} ({preview.problems.length})
          </Title>
          <ProblemTable
            problems={preview.problems}
            skip={skip}
            edits={edits}
            onSkipChange={(row, skipped) => {
              const next = new Set(skip);
              if (skipped) next.add(row);
              else next.delete(row);
              setSkip(next);
            }}
            onEdit={(row, column, value) =>
              setEdits(new Map(edits).set(cellKey(row, column), value))
            }
          />
        </Paper>
      )}
    </Stack>
  );
};
