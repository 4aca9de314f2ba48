// Lists with a purpose (issue #5): pick a list, narrow the organizer's list
// to the columns needed, export it to Excel (the page says where it went),
// print it, or (Electron) print it to a PDF in the exports folder; every
// one is logged first. Below, the event's export log. The external list
// needs the organizer's permission: read from the central service for a
// connected event, recorded here with the operator's name (after a
// confirmation) for a local-only one.

import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type {
  ExportSettings,
  WrittenExport,
} from '../../../shared/contract/exports';
import type { RaceEvent } from '../../../shared/domain/event';
import type { Lang } from '../../../shared/i18n/problems';
import {
  isListPurposeId,
  type ListPurposeId,
  listPurposeIds,
  listPurposes,
} from '../../../shared/lists/purposes';
import type { ListRequest } from '../../../shared/lists/request';
import { dateFormat } from '../../i18n/formats';
import { AccessContext } from '../access/accessContext';
import { useDesk } from '../shell/deskContext';
import { ColumnChooser } from './ColumnChooser';
import { ExportLogTable } from './ExportLogTable';
import { exportBy } from './exportBy';
import { ListPreview } from './ListPreview';
import { PrintView } from './PrintView';
import { type CentralState, type ListChoice, useExports } from './useExports';

type Action = 'export' | 'print' | 'pdf';

type Printing = { request: ListRequest; to: 'dialog' | 'pdf' };

type Outcome =
  | { kind: 'none' }
  | { kind: 'busy'; what: Action }
  | { kind: 'saved'; written: WrittenExport }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

const langOf = (language: string): Lang => (language === 'en' ? 'en' : 'nb');

export const ExportsPage = () => {
  const { store } = useDesk();
  const event = store.activeEvent();
  // DeskShell shows this page only with an event open.
  return event ? <ExportsForEvent event={event} /> : null;
};

const ExportsForEvent = ({ event }: { event: RaceEvent }) => {
  const { t, i18n } = useTranslation();
  const { store } = useDesk();
  const lang = langOf(i18n.language);
  // The export log names the operator signed in, and the desk.
  const operator = useContext(AccessContext)?.operator;
  const by = exportBy(operator?.name, store.deskId);
  const exports = useExports(store, event, lang, by);
  const [list, setList] = useState<ListPurposeId>('participant-list');
  const [columns, setColumns] = useState<readonly string[]>(
    listPurposes['participant-list'].columns,
  );
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [printing, setPrinting] = useState<Printing | null>(null);
  const [confirming, setConfirming] = useState<boolean | null>(null);

  const choice: ListChoice = { list, columns };
  const { views, preview: previewOf } = exports;
  // biome-ignore lint/correctness/useExhaustiveDependencies: choice is rebuilt from list and columns every render.
  const preview = useMemo(
    () => (views === null ? null : previewOf(choice, views)),
    [views, previewOf, list, columns],
  );

  // The organizer may have changed the permission in the central service
  // since the page opened: ask again whenever the external list is picked.
  const { refreshSettings } = exports;
  useEffect(() => {
    if (list === 'external-list') void refreshSettings();
  }, [list, refreshSettings]);

  // Print once the print view is in the page (logged before it was put
  // there), then take it away again.
  const { printPdf } = exports;
  useEffect(() => {
    if (printing === null) return;
    if (printing.to === 'pdf') {
      let current = true;
      void printPdf(printing.request).then((written) => {
        if (!current) return;
        setPrinting(null);
        if (written.ok) setOutcome({ kind: 'saved', written: written.value });
        else setOutcome({ kind: 'failed', message: written.error.message });
      });
      return () => {
        current = false;
      };
    }
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    setOutcome({ kind: 'none' });
    return () => window.removeEventListener('afterprint', done);
  }, [printing, printPdf]);

  const run = async (what: Action) => {
    setOutcome({ kind: 'busy', what });
    const built = await exports.buildFresh(choice);
    if (!built.ok) {
      setOutcome({ kind: 'failed', message: built.error.message });
      return;
    }
    if (what === 'pdf') {
      setPrinting({ request: built.value, to: 'pdf' });
      return;
    }
    if (what === 'print') {
      // A print nobody can account for is not shown.
      const logged = await exports.logPrint(built.value);
      if (!logged.ok) {
        setOutcome({ kind: 'failed', message: logged.error.message });
        return;
      }
      setPrinting({ request: built.value, to: 'dialog' });
      return;
    }
    const written = await exports.write(built.value);
    if (written.ok) setOutcome({ kind: 'saved', written: written.value });
    else if (written.error.code === 'export-cancelled')
      setOutcome({ kind: 'cancelled' });
    else setOutcome({ kind: 'failed', message: written.error.message });
  };

  const purpose = listPurposes[list];
  const external = list === 'external-list';
  const allowed = exports.settings?.allowExternalList === true;
  const blocked =
    (external && !allowed) ||
    (list === 'participant-list' && columns.length === 0);
  const busy = outcome.kind === 'busy';

  return (
    <Stack gap="md" maw={1400}>
      <div>
        <Title order={1} size="h3">
          {t('exports.title')}
        </Title>
        <Text c="dimmed">{t('exports.intro')}</Text>
      </div>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Select
            label={t('exports.list')}
            value={list}
            allowDeselect={false}
            maw={420}
            data={listPurposeIds.map((id) => ({
              value: id,
              label: listPurposes[id].title[lang],
            }))}
            onChange={(value) => {
              if (value !== null && isListPurposeId(value)) setList(value);
              setOutcome({ kind: 'none' });
            }}
          />
          <Text size="sm">{t(`exports.purpose.${list}`)}</Text>

          {external && exports.central.kind === 'local' && (
            <Switch
              label={t('exports.allowExternal')}
              description={t('exports.allowExternalHelp')}
              checked={allowed}
              disabled={exports.settings === null}
              onChange={(e) => setConfirming(e.currentTarget.checked)}
            />
          )}
          {external && (
            <PermissionLine
              settings={exports.settings}
              central={exports.central}
              lang={lang}
            />
          )}
          {external && !allowed && (
            <Alert color="yellow">{t('exports.externalNotAllowed')}</Alert>
          )}
          {purpose.chooser && (
            <ColumnChooser value={columns} onChange={setColumns} lang={lang} />
          )}

          <Group>
            <Button
              onClick={() => void run('export')}
              disabled={blocked || busy}
              loading={busy && outcome.what === 'export'}
            >
              {t('exports.export')}
            </Button>
            <Button
              variant="default"
              onClick={() => void run('print')}
              disabled={blocked || busy}
              loading={busy && outcome.what === 'print'}
            >
              {t('exports.print')}
            </Button>
            {exports.shell === 'electron' && (
              <Button
                variant="default"
                onClick={() => void run('pdf')}
                disabled={blocked || busy}
                loading={busy && outcome.what === 'pdf'}
              >
                {t('exports.printPdf')}
              </Button>
            )}
          </Group>
          <OutcomeLine outcome={outcome} lang={lang} />
        </Stack>
      </Paper>

      {preview === null ? (
        <Paper withBorder p="md">
          <Group gap="xs">
            <Loader size="xs" />
            <Text c="dimmed">{t('exports.loading')}</Text>
          </Group>
        </Paper>
      ) : (
        preview.ok && (
          <Paper withBorder p="md">
            <ListPreview preview={preview.value} />
          </Paper>
        )
      )}

      <Paper withBorder p="md">
        <ExportLogTable entries={exports.log} lang={lang} />
      </Paper>

      <ConfirmPermission
        allow={confirming}
        operator={operator?.name ?? store.deskId}
        onCancel={() => setConfirming(null)}
        onConfirm={async (allow) => {
          const saved = await exports.setAllowExternal(
            allow,
            operator?.name ?? store.deskId,
          );
          setConfirming(null);
          if (!saved.ok) {
            setOutcome({ kind: 'failed', message: saved.error.message });
          }
        }}
      />

      {printing && (
        <PrintView
          request={printing.request}
          title={listPurposes[printing.request.list].title[lang]}
          printedAt={new Date().toLocaleString(
            lang === 'en' ? 'en-GB' : 'nb-NO',
          )}
        />
      )}
    </Stack>
  );
};

const OutcomeLine = ({ outcome, lang }: { outcome: Outcome; lang: Lang }) => {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'none':
    case 'busy':
      return null;
    case 'saved': {
      const { entry, path } = outcome.written;
      return (
        <Alert color="green" role="status">
          {t('exports.saved', {
            list: isListPurposeId(entry.list)
              ? listPurposes[entry.list].title[lang]
              : entry.list,
            people: entry.people,
            columns: entry.fields.length,
            path,
          })}
        </Alert>
      );
    }
    case 'cancelled':
      return <Alert color="gray">{t('exports.cancelled')}</Alert>;
    case 'failed':
      return (
        <Alert color="red" role="alert">
          {t('exports.failed', { message: outcome.message })}
        </Alert>
      );
  }
};

/** Who allowed the external list, or why it is not: under the switch. */
const PermissionLine = ({
  settings,
  central,
  lang,
}: {
  settings: ExportSettings | null;
  central: CentralState;
  lang: Lang;
}) => {
  const { t } = useTranslation();
  if (settings === null) return null;
  const time = dateFormat(lang, { dateStyle: 'short', timeStyle: 'short' });
  const when =
    settings.changedAt === '' ? '' : time.format(new Date(settings.changedAt));
  if (central.kind !== 'local') {
    return (
      <Stack gap={4}>
        <Text size="sm" data-testid="external-permission">
          {settings.allowExternalList
            ? t('exports.centralAllows')
            : t('exports.centralRefuses')}
        </Text>
        {central.kind === 'unreachable' && (
          <Text size="sm" c="dimmed">
            {t('exports.centralUnreachable', { message: central.message })}
          </Text>
        )}
      </Stack>
    );
  }
  if (settings.changedBy === '') return null;
  return (
    <Text size="sm" c="dimmed" data-testid="external-permission">
      {t(
        settings.allowExternalList
          ? 'exports.allowedBy'
          : 'exports.withdrawnBy',
        { by: settings.changedBy, at: when },
      )}
    </Text>
  );
};

/** The operator confirms that the organizer decided, under their name. */
const ConfirmPermission = ({
  allow,
  operator,
  onCancel,
  onConfirm,
}: {
  allow: boolean | null;
  operator: string;
  onCancel: () => void;
  onConfirm: (allow: boolean) => Promise<void>;
}) => {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      opened={allow !== null}
      onClose={onCancel}
      title={t(
        allow ? 'exports.confirmAllowTitle' : 'exports.confirmWithdrawTitle',
      )}
    >
      <Stack gap="md">
        <Text size="sm">
          {t(allow ? 'exports.confirmAllow' : 'exports.confirmWithdraw', {
            operator,
          })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('exports.confirmCancel')}
          </Button>
          <Button
            loading={saving}
            onClick={() => {
              if (allow === null) return;
              setSaving(true);
              void onConfirm(allow).finally(() => setSaving(false));
            }}
          >
            {t(
              allow
                ? 'exports.confirmAllowButton'
                : 'exports.confirmWithdrawButton',
            )}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
