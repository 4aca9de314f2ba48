// What the exports page does, apart from how it looks: the event's export
// settings and log from the process around the page, the participants as
// the desk shows them, and the list built for export, print and preview.

import { useCallback, useEffect, useState } from 'react';

import type {
  ExportSettings,
  WriteListArgs,
  WrittenExport,
} from '../../../shared/contract/exports';
import { fail, type Result } from '../../../shared/contract/result';
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
import type { DeskStore } from '../../store/deskStore';
import { eventViews, hasDatabase } from './eventViews';
import { previewRows } from './ListPreview';
import { packRows } from './packRows';

const writeListArgs = ({
  headers: _shownOnly,
  rows,
  ...rest
}: ListRequest): WriteListArgs => ({ ...rest, rows: packRows(rows) });

export type ListChoice = {
  list: ListPurposeId;
  /** The organizer's column choice; used for participant-list only. */
  columns: readonly string[];
};

export type Exports = {
  settings: ExportSettings | null;
  setAllowExternal(allow: boolean): Promise<void>;
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
  const [settings, setSettings] = useState<ExportSettings | null>(null);
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

  useEffect(() => {
    let current = true;
    void (async () => {
      const api = await getDeskApi();
      const read = await api.invoke('exports:settings', { eventId: event.id });
      if (current && read.ok) setSettings(read.value);
    })();
    void refreshLog();
    void readViews().then((read) => {
      if (current) setViews(read);
    });
    return () => {
      current = false;
    };
  }, [event.id, readViews, refreshLog]);

  const setAllowExternal = useCallback(
    async (allow: boolean) => {
      const api = await getDeskApi();
      const saved = await api.invoke('exports:set-settings', {
        eventId: event.id,
        settings: { allowExternalList: allow },
      });
      if (saved.ok) setSettings(saved.value);
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
    async (choice: ListChoice) => {
      const fresh = await readViews();
      setViews(fresh);
      return build(choice, fresh);
    },
    [readViews, build],
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
    setAllowExternal,
    log,
    views,
    preview,
    buildFresh,
    write,
  };
};
