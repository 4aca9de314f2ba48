// The one entry point both shells (Electron IPC and the web host) call with
// whatever arrived: it refuses unknown names, checks arguments, bounds the
// time a request may take and turns a thrown error into an error result, so
// the renderer always gets a `Result` back.

import {
  type DeskEventName,
  type DeskEvents,
  type DeskHandlers,
  type DeskRequestName,
  deskRequestNames,
} from '../../shared/contract/desk';
import { fail, type Result } from '../../shared/contract/result';
import { argumentChecks } from './arguments';
import { deviceTimeoutsMs } from './deviceHandlers';
import { exportTimeoutsMs } from './exportHandlers';
import { keyTimeoutsMs } from './keyHandlers';
import { resultTimeoutsMs } from './resultHandlers';
import { retentionTimeoutsMs } from './retentionHandlers';
import { withTimeout } from './timeout';

export type EmitDeskEvent = <E extends DeskEventName>(
  name: E,
  payload: DeskEvents[E],
) => void;

// Fails to compile when the contract gains a request that the runtime list
// (used by the preload and the host to refuse unknown names) lacks.
type UnlistedRequest = Exclude<
  DeskRequestName,
  (typeof deskRequestNames)[number]
>;
export const everyRequestListed = true satisfies [UnlistedRequest] extends [
  never,
]
  ? true
  : never;

/** How long each request may take before the caller gets `timeout`. */
export const requestTimeoutsMs = {
  'app:info': 5_000,
  // 50,000 rows stream in about 1.5 s; a slow laptop on battery gets margin.
  'import:read-sheet': 120_000,
  ...deviceTimeoutsMs,
  ...exportTimeoutsMs,
  ...resultTimeoutsMs,
  ...keyTimeoutsMs,
  ...retentionTimeoutsMs,
} satisfies Record<DeskRequestName, number>;

const listedNames: ReadonlySet<string> = new Set(deskRequestNames);

export const isDeskRequestName = (name: unknown): name is DeskRequestName =>
  typeof name === 'string' && listedNames.has(name);

const run = async <K extends DeskRequestName>(
  handlers: DeskHandlers,
  name: K,
  args: unknown,
  emit: EmitDeskEvent,
  timeoutMs: number,
): Promise<Result<unknown>> => {
  const checked = argumentChecks[name](args);
  if (!checked.ok) {
    return checked;
  }
  try {
    return await withTimeout(handlers[name](checked.value, emit), {
      ms: timeoutMs,
      what: name,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail('handler-failed', `${name} failed: ${message}`, { name });
  }
};

export type DispatchOptions = {
  /** Overrides requestTimeoutsMs, e.g. in tests. */
  timeoutMs?: number;
};

export const dispatchDeskRequest = (
  handlers: DeskHandlers,
  name: unknown,
  args: unknown,
  emit: EmitDeskEvent,
  options: DispatchOptions = {},
): Promise<Result<unknown>> => {
  if (!isDeskRequestName(name)) {
    const shown = typeof name === 'string' ? name : typeof name;
    return Promise.resolve(
      fail('unknown-request', `No desk request is named ${shown}`, {
        name: shown,
      }),
    );
  }
  const timeoutMs = options.timeoutMs ?? requestTimeoutsMs[name];
  return run(handlers, name, args, emit, timeoutMs);
};
