// The real central service for desk e2e tests: its own process with
// `--demo` (accounts demo/demo, event demo-2025) on a fresh PGlite folder,
// or on the PostgreSQL that CI names in RACEDESK_E2E_DATABASE_URL (a fresh
// database per run). The central office's own API calls live here too.
// Its stderr and stdout go to the run's logs folder (runLogs.ts).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestInfo } from '@playwright/test';

import { demoEventId } from '../central/demo/seedDemo';
import {
  type CentralProcess,
  type CentralStore,
  startCentral,
} from '../central/test/centralProcess';
import {
  login,
  participantsOf,
  pullAll,
  request,
  upsertParticipants,
} from '../central/test/client';
import type { Participant } from '../shared/domain/participant';
import type { SyncDocument } from '../shared/sync/types';
import { openRunLog } from './runLogs';

export type ParticipantDoc = Extract<SyncDocument, { kind: 'participant' }>;

export type RunningCentral = {
  url: string;
  eventId: string;
  /** The event as the central office sees it now. */
  participants(): Promise<ParticipantDoc[]>;
  /** Open bib conflicts as the service holds them. */
  openConflicts(): Promise<number>;
  /** The office takes someone off the start list. */
  deregister(participant: Participant): Promise<void>;
  /** The office revokes a desk's token. */
  revokeDesk(deskId: string): Promise<void>;
  log(): string;
  stop(): Promise<void>;
};

/**
 * `participants` is --demo-participants. The log file is named after
 * testInfo's test, or the running test's when not given.
 */
export const startCentralService = async (
  participants: number,
  testInfo?: TestInfo,
): Promise<RunningCentral> => {
  const databaseUrl = process.env.RACEDESK_E2E_DATABASE_URL;
  const dir = databaseUrl
    ? ''
    : await mkdtemp(join(tmpdir(), 'racedesk-e2e-central-'));
  const store: CentralStore = databaseUrl
    ? { url: databaseUrl }
    : { dataDir: dir };
  const central: CentralProcess = await startCentral(store, [
    '--demo',
    '--demo-participants',
    String(participants),
  ]);
  // Follows from here on: nothing can arrive between startCentral's
  // resolving and these listeners, and stderr so far is handed over.
  const log = openRunLog('central', testInfo);
  log.follow(central.child.stderr, 'stderr', central.log());
  log.follow(central.child.stdout, 'stdout');
  const office = await login(central.url, 'demo');

  const documents = async () =>
    (await pullAll(central.url, office, demoEventId)).documents;

  return {
    url: central.url,
    eventId: demoEventId,
    participants: async () => [...participantsOf(await documents()).values()],
    openConflicts: async () => {
      const latest = new Map<string, string>();
      for (const doc of await documents()) {
        if (doc.kind === 'bib-conflict') {
          latest.set(doc.conflict.id, doc.conflict.status);
        }
      }
      return [...latest.values()].filter((s) => s === 'open').length;
    },
    deregister: async (participant) => {
      const reply = await upsertParticipants(central.url, office, demoEventId, [
        {
          ...participant,
          status: 'deregistered',
          entries: participant.entries.map((e) => ({
            ...e,
            status: 'deregistered',
          })),
        },
      ]);
      if (reply.status !== 200) {
        throw new Error(`deregister: ${reply.status}`);
      }
    },
    revokeDesk: async (deskId) => {
      const reply = await request(
        central.url,
        'DELETE',
        `/api/events/${demoEventId}/desks/${deskId}`,
        { token: office },
      );
      if (reply.status !== 204) throw new Error(`revoke: ${reply.status}`);
    },
    log: () => central.log(),
    stop: async () => {
      await central.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
};
