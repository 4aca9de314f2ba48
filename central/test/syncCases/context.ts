// What the sync suite's cases share: the running service, the demo
// organizer's token and the demo participants. Fields change when a case
// restarts the service, so cases read them when they run.

import { expect } from 'vitest';

import type { Participant } from '../../../shared/domain/participant';
import type { SyncDocument } from '../../../shared/sync/types';
import { demoEventId } from '../../demo/seedDemo';
import type { Backend } from '../backends';
import type { CentralProcess, CentralStore } from '../centralProcess';
import { participantsOf, pullAll, registerDesk, request } from '../client';

export type SyncContext = {
  backend: Backend;
  store: CentralStore;
  /** null until the suite's beforeAll started the service. */
  central: CentralProcess | null;
  base: string;
  organizer: string;
  ids: string[];
  participants: Participant[];
};

// A PGlite start (WASM, recovery after a kill) takes seconds, many more
// when the machine is busy; the kill case starts the service twice.
export const startTimeout = 90_000;

export const checkedIn = (docs: readonly SyncDocument[], id: string) =>
  participantsOf(docs).get(id)?.state.checkedIn;

export const helpersOf = (ctx: SyncContext) => ({
  pull: (token = ctx.organizer, checkpoint = 0) =>
    pullAll(ctx.base, token, demoEventId, checkpoint),
  /** The process answers, and its store too (a pull reads it). */
  serving: async () => {
    const health = await request(ctx.base, 'GET', '/api/health');
    const pulled = await request(
      ctx.base,
      'GET',
      `/api/events/${demoEventId}/pull?checkpoint=0&limit=1`,
      { token: ctx.organizer },
    );
    expect(health.status).toBe(200);
    expect(pulled.status).toBe(200);
  },
  newDesk: () => registerDesk(ctx.base, ctx.organizer, demoEventId),
});
