// What the exports page does, apart from how it looks: the event's export
// settings and log from the process around the page (for a connected
// event, the permission read from the central service first), the
// participants as the desk shows them, and the list built for export,
// print and preview; every print is logged before it is shown.

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AppInfo } from '../../../shared/contract/desk';
import type {
  ExportSettings,
  PrintListArgs,
  WriteListArgs,
  WrittenExport,
} from '../../../shared/contract/exports';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { ParticipantView } from '../../../shared/desk/state';
import type { RaceEvent } from '../../../shared/domain/event';
import type { Lang } from '../../../shared/i18n/problems';
import type { ExportLogEntry } from '../../../shared/lists/exportLog';
import { type ListPurposeId, planList } from '../../../shared/lists/purposes';
import {
  type ListPreview,
  type ListRequest,
  listPreview,
  listRequest,
} from '../../../shared/lists/request';
import { getDeskApi } from '../../bridge/getDeskApi';
import { readSyncRecord } from '../../db/syncRecords';
import type { DeskStore } from '../../store/deskStore';
import {
  connectedRecord,
  keepEventSettings,
  pageFetch,
  readEventSettings,
} from '../../sync/eventSettings';
import { eventViews, hasDatabase } from './eventViews';
import { previewRows } from './ListPreview';
import { packRows } from './packRows';

const writeListArgs = ({
  headers: _shownOnly,
  rows,
  ...rest
}: ListRequest): WriteListArgs => ({ ...rest, rows: packRows(rows) });

const printListArgs = (request: ListRequest): PrintListArgs => ({
  list: request.list,
  columns: request.columns,
  people: request.people,
  rows: request.rows.length,
  event: request.event,
  by: request.by,
});

/** Whether the central service could be asked, for a connected event. */
export type CentralState =
  | { kind: 'local' }
  | { kind: 'checking' }
  | { kind: 'read' }
  | { kind: 'unreachable'; message: string };

export type ListChoice = {
  list: ListPurposeId;
  /** The organizer's column choice; used for participant-list only. */
  columns: readonly string[];
};

export type Exports = {
  settings: ExportSettings | null;
  central: CentralState;
  /** Electron can print to a PDF in the exports folder itself. */
  shell: AppInfo['shell'] | null;
  /** A local-only event: the operator records the organizer's choice. */
  setAllowExternal(allow: boolean, operator: string): Promise<Result<void>>;
  /** Asks the central service again (connected events). */
  refreshSettings(): Promise<ExportSettings | null>;
  /** Logs a print; the list is shown for printing only once it is logged. */
  logPrint(request: ListRequest): Promise<Result<void>>;
  printPdf(request: ListRequest): Promise<Result<WrittenExport>>;
  log: ExportLogEntry[];
  /** Null while the participants are being read. */
  views: ParticipantView[] | null;
  /** The list's first rows, from the last read of the participants. */
  preview(choice: ListChoice, views: ParticipantView[]): Result<ListPreview>;
  /** Reads the participants again, then builds: what export and print use. */
  buildFresh(choice: ListChoice): Promise<Result<ListRequest>>;
  write(request: ListRequest): Promise<Result<WrittenExport>>;
};

export const useExports = (
  store: DeskStore,
  event: RaceEvent,
  lang: Lang,
  /** Who exports, for the export log. */
  by: string,
): Exports => {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<ExportSettings | null>(null);
  const [central, setCentral] = useState<CentralState>({ kind: 'checking' });
  const [shell, setShell] = useState<AppInfo['shell'] | null>(null);
  const [log, setLog] = useState<ExportLogEntry[]>([]);
  const [views, setViews] = useState<ParticipantView[] | null>(null);

  const readViews = useCallback(
    async (): Promise<ParticipantView[]> =>
      hasDatabase(store) ? eventViews(store, event.id) : [],
    [store, event.id],
  );

  const refreshLog = useCallback(async () => {
    const api = await getDeskApi();
    const entries = await api.invoke('exports:log', { eventId: event.id });
    // Newest first: the operator looks for what just happened.
    if (entries.ok) setLog([...entries.value].reverse());
  }, [event.id]);

  /**
   * The host's settings; for a connected event, the central service's
   * permission is read and handed to the host first. Unreachable, the
   * host's last answer from central stands; never heard, not allowed.
   */
  const readSettings = useCallback(async (): Promise<{
    settings: ExportSettings | null;
    central: CentralState;
  }> => {
    const api = await getDeskApi();
    // Connected now: a disconnected event's old token is not used.
    const record = hasDatabase(store)
      ? await connectedRecord(store.database, event.id)
      : null;
    let state: CentralState = { kind: 'local' };
    if (hasDatabase(store) && record !== null) {
      const read = await readEventSettings(record, pageFetch);
      const held: { settings: ExportSettings | null } = { settings: null };
      const keepExternalList = async (eventId: string, allow: boolean) => {
        const kept = await api.invoke('exports:central-settings', {
          eventId,
          allowExternalList: allow,
        });
        if (kept.ok) held.settings = kept.value;
      };
      // The retention days it says are kept too, as the sync keeps them.
      if (read.ok) {
        await keepEventSettings(
          store.database,
          event.id,
          read.value,
          keepExternalList,
        );
      }
      const said = read.ok && read.value.allowExternalList !== undefined;
      state = said
        ? { kind: 'read' }
        : {
            kind: 'unreachable',
            message: read.ok
              ? t('exports.centralSaidNothing')
              : read.error.message,
          };
      if (!said) {
        // Never heard from central: not allowed.
        const last = await api.invoke('exports:settings', {
          eventId: event.id,
        });
        if (!(last.ok && last.value.source === 'central')) {
          await keepExternalList(event.id, false);
        }
      }
      if (held.settings !== null) {
        return { settings: held.settings, central: state };
      }
    } else if (
      hasDatabase(store) &&
      (await readSyncRecord(store.database, event.id)) !== null
    ) {
      // Disconnected: the desk decides again, so its switch is not refused.
      const released = await api.invoke('exports:central-settings', {
        eventId: event.id,
        allowExternalList: null,
      });
      if (released.ok) return { settings: released.value, central: state };
    }
    const read = await api.invoke('exports:settings', { eventId: event.id });
    return { settings: read.ok ? read.value : null, central: state };
  }, [store, event.id, t]);

  const refreshSettings = useCallback(async () => {
    const read = await readSettings();
    setCentral(read.central);
    if (read.settings) setSettings(read.settings);
    return read.settings;
  }, [readSettings]);

  useEffect(() => {
    let current = true;
    void readSettings().then((read) => {
      if (!current) return;
      setCentral(read.central);
      if (read.settings) setSettings(read.settings);
    });
    void getDeskApi()
      .then((api) => api.invoke('app:info', {}))
      .then((info) => {
        if (current && info.ok) setShell(info.value.shell);
      });
    void refreshLog();
    void readViews().then((read) => {
      if (current) setViews(read);
    });
    return () => {
      current = false;
    };
  }, [readSettings, readViews, refreshLog]);

  const setAllowExternal = useCallback(
    async (allow: boolean, operator: string): Promise<Result<void>> => {
      const api = await getDeskApi();
      const saved = await api.invoke('exports:set-settings', {
        eventId: event.id,
        allowExternalList: allow,
        by: operator,
      });
      if (!saved.ok) return saved;
      setSettings(saved.value);
      return ok(undefined);
    },
    [event.id],
  );

  const planOf = useCallback(
    (choice: ListChoice) =>
      planList(choice.list, {
        allowExternal: settings?.allowExternalList === true,
        columns:
          choice.list === 'participant-list' ? choice.columns : undefined,
      }),
    [settings],
  );

  const preview = useCallback(
    (choice: ListChoice, from: ParticipantView[]): Result<ListPreview> => {
      const plan = planOf(choice);
      if (!plan.ok) return plan;
      return {
        ok: true,
        value: listPreview(plan.value, from, lang, previewRows),
      };
    },
    [planOf, lang],
  );

  const build = useCallback(
    (choice: ListChoice, from: ParticipantView[]): Result<ListRequest> => {
      const plan = planOf(choice);
      if (!plan.ok) return plan;
      return {
        ok: true,
        value: listRequest(plan.value, from, {
          lang,
          event: { id: event.id, name: event.name },
          by,
        }),
      };
    },
    [planOf, lang, event.id, event.name, by],
  );

  const buildFresh = useCallback(
    async (choice: ListChoice): Promise<Result<ListRequest>> => {
      // The organizer may have withdrawn the permission centrally.
      if (choice.list === 'external-list') {
        const latest = await refreshSettings();
        if (latest?.allowExternalList !== true) {
          return fail('list-not-allowed', t('exports.listNotAllowed'));
        }
      }
      const fresh = await readViews();
      setViews(fresh);
      return build(choice, fresh);
    },
    [readViews, build, refreshSettings, t],
  );

  const logPrint = useCallback(
    async (request: ListRequest): Promise<Result<void>> => {
      const api = await getDeskApi();
      const logged = await api
        .invoke('exports:log-print', printListArgs(request))
        .catch((error: unknown) => fail('export-failed', String(error)));
      await refreshLog();
      return logged.ok ? ok(undefined) : logged;
    },
    [refreshLog],
  );

  const printPdf = useCallback(
    async (request: ListRequest): Promise<Result<WrittenExport>> => {
      const api = await getDeskApi();
      const written = await api
        .invoke('exports:print-pdf', printListArgs(request))
        .catch((error: unknown) => fail('export-failed', String(error)));
      await refreshLog();
      return written;
    },
    [refreshLog],
  );

  const write = useCallback(
    async (request: ListRequest): Promise<Result<WrittenExport>> => {
      const api = await getDeskApi();
      const written = await api
        .invoke('exports:write-list', writeListArgs(request))
        .catch((error: unknown) => fail('export-failed', String(error)));
      await refreshLog();
      return written;
    },
    [refreshLog],
  );

  return {
    settings,
    central,
    shell,
    setAllowExternal,
    refreshSettings,
    logPrint,
    printPdf,
    log,
    views,
    preview,
    buildFresh,
    write,
  };
};
