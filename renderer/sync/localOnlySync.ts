// Placeholder until the sync engine is wired in (issue #3): the desk works
// on local events only. Replaced by renderer/sync/rxDeskSync.ts.

import { fail } from '../../shared/contract/result';
import type { DeskSync } from './deskSync';

const notYet = () =>
  fail('sync-unavailable', 'This desk cannot connect to a central service');

export const localOnlySync = (): DeskSync => ({
  status: () => ({ kind: 'local' }),
  connection: () => null,
  login: async () => notYet(),
  connect: async () => notYet(),
  syncNow: async () => undefined,
  pendingCount: () => 0,
  conflicts: () => [],
  leases: () => [],
  requestLease: async () => notYet(),
  notes: () => [],
  disconnect: async () => undefined,
});
