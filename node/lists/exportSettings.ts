// Each event's export settings (shared/contract/exports.ts), in one small
// JSON file in the data folder's exports/: whether the organizer allows
// the external participant list, who decides it (an operator recording the
// organizer's decision for a local-only event, or the central event), who
// changed it when, and every change before (`history`), so the organizer
// can see who turned it on. Written to a temporary file and renamed, so a
// crash never leaves half a file.
//
// Files written before the permission had a source hold only
// `allowExternalList`; they read as a desk setting nobody is named for.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  defaultExportSettings,
  type ExportSettings,
} from '../../shared/contract/exports';
import { fail, ok, type Result } from '../../shared/contract/result';

export const exportSettingsFileName = 'export-settings.json';

export const exportSettingsPath = (folder: string): string =>
  join(folder, exportSettingsFileName);

/** One change of an event's settings. */
export type SettingsChange = {
  at: string;
  by: string;
  source: ExportSettings['source'];
  allowExternalList: boolean;
};

export type StoredSettings = ExportSettings & { history: SettingsChange[] };

type SettingsFile = Record<string, StoredSettings>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown) => (typeof value === 'string' ? value : '');

const changeOf = (value: unknown): SettingsChange[] =>
  isRecord(value) && typeof value.allowExternalList === 'boolean'
    ? [
        {
          at: text(value.at),
          by: text(value.by),
          source: value.source === 'central' ? 'central' : 'desk',
          allowExternalList: value.allowExternalList,
        },
      ]
    : [];

const storedOf = (value: unknown): StoredSettings => {
  if (!isRecord(value) || typeof value.allowExternalList !== 'boolean') {
    return { ...defaultExportSettings, history: [] };
  }
  return {
    allowExternalList: value.allowExternalList,
    source: value.source === 'central' ? 'central' : 'desk',
    changedBy: text(value.changedBy),
    changedAt: text(value.changedAt),
    history: Array.isArray(value.history)
      ? value.history.flatMap(changeOf)
      : [],
  };
};

const settingsOf = ({ history: _kept, ...settings }: StoredSettings) =>
  settings;

const readAll = async (path: string): Promise<Result<SettingsFile>> => {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      return ok({});
    }
    const message = error instanceof Error ? error.message : String(error);
    return fail('export-settings-unreadable', `${path}: ${message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    parsed = null;
  }
  if (!isRecord(parsed)) {
    return fail('export-settings-unreadable', `${path} is not a JSON object`);
  }
  const all: SettingsFile = {};
  for (const [eventId, value] of Object.entries(parsed)) {
    all[eventId] = storedOf(value);
  }
  return ok(all);
};

const writeAll = async (
  path: string,
  all: SettingsFile,
): Promise<Result<void>> => {
  try {
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(all, null, 2)}\n`, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail('export-settings-unwritable', `${path}: ${message}`);
  }
  return ok(undefined);
};

/** One event's settings with their history; never set gives defaults. */
export const readStoredSettings = async (
  path: string,
  eventId: string,
): Promise<Result<StoredSettings>> => {
  const all = await readAll(path);
  if (!all.ok) return all;
  return ok(all.value[eventId] ?? { ...defaultExportSettings, history: [] });
};

/** One event's settings; an event never set gets the defaults. */
export const readExportSettings = async (
  path: string,
  eventId: string,
): Promise<Result<ExportSettings>> => {
  const stored = await readStoredSettings(path, eventId);
  return stored.ok ? ok(settingsOf(stored.value)) : stored;
};

/**
 * Records a change: the new settings, and a line in the event's history
 * when the permission or who decides it changed.
 */
export const writeExportSettings = async (
  path: string,
  eventId: string,
  change: SettingsChange,
): Promise<Result<ExportSettings>> => {
  const all = await readAll(path);
  if (!all.ok) return all;
  const before = all.value[eventId] ?? {
    ...defaultExportSettings,
    history: [],
  };
  const same =
    before.allowExternalList === change.allowExternalList &&
    before.source === change.source &&
    before.changedAt !== '';
  const stored: StoredSettings = same
    ? before
    : {
        allowExternalList: change.allowExternalList,
        source: change.source,
        changedBy: change.by,
        changedAt: change.at,
        history: [...before.history, change],
      };
  const written = await writeAll(path, { ...all.value, [eventId]: stored });
  return written.ok ? ok(settingsOf(stored)) : written;
};

/**
 * Removes an event's settings and their history, which name the operators
 * who changed them: the event's data is leaving the desk (the purge,
 * node/retention/purgeFiles.ts). True when the event had an entry.
 */
export const forgetExportSettings = async (
  path: string,
  eventId: string,
): Promise<Result<boolean>> => {
  const all = await readAll(path);
  if (!all.ok) return all;
  if (!Object.hasOwn(all.value, eventId)) return ok(false);
  const { [eventId]: _forgotten, ...rest } = all.value;
  const written = await writeAll(path, rest);
  return written.ok ? ok(true) : written;
};
