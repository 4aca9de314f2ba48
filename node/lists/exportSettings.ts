// Each event's export settings (shared/contract/exports.ts), in one small
// JSON file in the data folder: the event documents belong to the central
// service and have no field for them yet, and the organizer's choice must
// hold on this desk across restarts. Written to a temporary file and
// renamed, so a crash never leaves half a file.

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

type SettingsFile = Record<string, ExportSettings>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const settingsOf = (value: unknown): ExportSettings =>
  isRecord(value) && typeof value.allowExternalList === 'boolean'
    ? { allowExternalList: value.allowExternalList }
    : defaultExportSettings;

const readAll = async (path: string): Promise<Result<SettingsFile>> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      return ok({});
    }
    const message = error instanceof Error ? error.message : String(error);
    return fail('export-settings-unreadable', `${path}: ${message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (!isRecord(parsed)) {
    return fail('export-settings-unreadable', `${path} is not a JSON object`);
  }
  const all: SettingsFile = {};
  for (const [eventId, value] of Object.entries(parsed)) {
    all[eventId] = settingsOf(value);
  }
  return ok(all);
};

/** One event's settings; an event never set gets the defaults. */
export const readExportSettings = async (
  path: string,
  eventId: string,
): Promise<Result<ExportSettings>> => {
  const all = await readAll(path);
  if (!all.ok) return all;
  return ok(all.value[eventId] ?? defaultExportSettings);
};

export const writeExportSettings = async (
  path: string,
  eventId: string,
  settings: ExportSettings,
): Promise<Result<ExportSettings>> => {
  const all = await readAll(path);
  if (!all.ok) return all;
  const next = { ...all.value, [eventId]: settingsOf(settings) };
  try {
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail('export-settings-unwritable', `${path}: ${message}`);
  }
  return ok(settingsOf(settings));
};
