// What a desk shows about its sync with the central service, always.

import type { AppError } from '../../contract/result';

export type SyncStatus =
  /** The event lives on this desk only (a file import, the demo). */
  | { kind: 'local' }
  /** No answer from the service; retrying. `since` is ISO. */
  | { kind: 'offline'; pending: number; since: string; retryAt: string }
  | { kind: 'connecting'; pending: number }
  | { kind: 'syncing'; pending: number }
  /** Everything pushed and pulled at `at` (ISO). */
  | { kind: 'synced'; pending: number; at: string }
  /** The service answered with a refusal a retry will not mend. */
  | { kind: 'error'; pending: number; at: string; error: AppError };

export type SyncStatusKind = SyncStatus['kind'];
