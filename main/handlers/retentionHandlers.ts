// The retention area of the desk contract in plain Node
// (shared/contract/retention.ts): deletes the files the desk made for an
// event whose data is leaving the desk.

import type { Logger } from '../../node/log';
import { purgeEventFiles } from '../../node/retention/purgeFiles';
import { fail, ok, type Result } from '../../shared/contract/result';
import {
  type PurgedFiles,
  type RetentionRequestName,
  type RetentionRequests,
  retentionRequestLimitsMs,
} from '../../shared/contract/retention';

export type RetentionHandlerOptions = {
  /** The desk's data folder: exports/, captures/, the passing journal. */
  dataDir?: string;
  logger?: Logger;
  now?: () => Date;
};

export const retentionTimeoutsMs = {
  ...retentionRequestLimitsMs,
} satisfies Record<RetentionRequestName, number>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (field: string, message: string) =>
  fail('invalid-arguments', `retention:purge-files: ${field} ${message}`, {
    name: 'retention:purge-files',
    field,
  });

export const retentionArgumentChecks = {
  'retention:purge-files': (args: unknown) => {
    if (!isRecord(args)) return invalid('arguments', 'must be an object');
    const { eventId, deviceData } = args;
    if (typeof eventId !== 'string' || eventId.trim() === '') {
      return invalid('eventId', 'must be a non-empty string');
    }
    if (typeof deviceData !== 'boolean') {
      return invalid('deviceData', 'must be true or false');
    }
    return ok({ eventId, deviceData });
  },
} satisfies {
  [K in RetentionRequestName]: (
    args: unknown,
  ) => Result<RetentionRequests[K]['args']>;
};

export const createRetentionHandlers = (options: RetentionHandlerOptions) => ({
  'retention:purge-files': async ({
    eventId,
    deviceData,
  }: RetentionRequests['retention:purge-files']['args']): Promise<
    Result<PurgedFiles>
  > => {
    if (options.dataDir === undefined) {
      return fail('retention-unavailable', 'This desk has no data folder');
    }
    const result = await purgeEventFiles({
      dataDir: options.dataDir,
      eventId,
      deviceData,
      at: (options.now ?? (() => new Date()))(),
    });
    if (result.ok) {
      const { exports, notFound, logEntries, captures, journalPassings } =
        result.value;
      // Counts only: file names carry event names, which may name people.
      options.logger?.info(
        {
          exports: exports.length,
          notFound: notFound.length,
          logEntries,
          captures,
          journalPassings,
          deviceDataKept: result.value.deviceDataKept,
        },
        'event files purged',
      );
    } else {
      options.logger?.warn({ code: result.error.code }, 'purge refused');
    }
    return result;
  },
});
