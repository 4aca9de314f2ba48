// The three kinds of line in the journal file, and a reader that checks a
// parsed line really is one (the file may have been damaged or edited).

import { isTimingProtocol } from '../../shared/timing/decoders';
import type { JsonObject, Passing } from '../../shared/timing/passing';
import type { JournaledPassing } from './passingJournal';

export type JournalLine =
  | { type: 'passing'; record: JournaledPassing }
  | { type: 'ack'; ids: string[] }
  | { type: 'session'; device: string; session: number };

type Fields = { [key: string]: unknown };

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isJsonObject = (value: unknown): value is JsonObject => isObject(value);

const toPassing = (value: unknown): Passing | undefined => {
  if (!isObject(value) || value.kind !== 'passing') return undefined;
  const { protocol, offset, chip, bib, station, time, extra } = value;
  if (typeof protocol !== 'string' || !isTimingProtocol(protocol)) return;
  if (typeof offset !== 'number' || typeof time !== 'string') return;
  if (typeof station !== 'number' && typeof station !== 'string') return;
  if (!isJsonObject(extra)) return undefined;
  return {
    kind: 'passing',
    protocol,
    offset,
    ...(typeof chip === 'string' ? { chip } : {}),
    ...(typeof bib === 'string' ? { bib } : {}),
    station,
    time,
    extra,
  };
};

const toRecord = (value: unknown): JournaledPassing | undefined => {
  if (!isObject(value)) return undefined;
  const { id, device, session, key, receivedAtMs, source } = value;
  const passing = toPassing(value.passing);
  if (typeof id !== 'string' || typeof device !== 'string') return;
  if (typeof session !== 'number' || typeof key !== 'string') return;
  if (typeof receivedAtMs !== 'number' || !passing) return undefined;
  if (source !== 'live' && source !== 'memory' && source !== 'readout') {
    return undefined;
  }
  return { id, device, session, key, receivedAtMs, source, passing };
};

export const parseJournalLine = (value: unknown): JournalLine | undefined => {
  if (!isObject(value)) return undefined;
  if (value.type === 'ack' && Array.isArray(value.ids)) {
    return {
      type: 'ack',
      ids: value.ids.filter((id): id is string => typeof id === 'string'),
    };
  }
  if (
    value.type === 'session' &&
    typeof value.device === 'string' &&
    typeof value.session === 'number'
  ) {
    return { type: 'session', device: value.device, session: value.session };
  }
  if (value.type === 'passing') {
    const record = toRecord(value.record);
    return record ? { type: 'passing', record } : undefined;
  }
  return undefined;
};
