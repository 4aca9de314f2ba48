// One sync round's two halves, as steps that return errors as data: push
// every unpushed operation in batches, then pull pages from the stored
// checkpoint until the service has no more. The documents of a page are
// stored before its checkpoint, so a crash between the two re-pulls the
// page instead of skipping it.

import { fail, ok, type Result } from '../../contract/result';
import { maxPushOperations } from '../types';
import { checkPullPage, checkPushAnswer } from './answerChecks';
import type { SyncEngineOptions } from './ports';

export type RoundHooks = {
  /** True when stop() asks the round to end after the call in flight. */
  halting(): boolean;
  /** The service answered a call (connecting → syncing). */
  reached(): void;
  /** A push batch was stored: the pending count may have changed. */
  pushed(): Promise<void>;
  /** A page was stored up to this checkpoint. */
  pulled(checkpoint: number): void;
};

type RoundPorts = Pick<
  SyncEngineOptions,
  'transport' | 'store' | 'onPulled' | 'onPushed'
> & { pullLimit: number };

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** A call to the service; a throw is a network failure: offline. */
const call = async <T>(run: () => Promise<Result<T>>): Promise<Result<T>> => {
  try {
    return await run();
  } catch (error) {
    return fail('offline', `No answer from the service: ${messageOf(error)}`);
  }
};

/** A step on the desk's own store (or its callbacks); a throw fails it. */
const local = async <T>(run: () => Promise<T> | T): Promise<Result<T>> => {
  try {
    return ok(await run());
  } catch (error) {
    return fail(
      'store-failed',
      `The desk could not store its sync data: ${messageOf(error)}`,
    );
  }
};

export const stopped = () =>
  fail('stopped', 'The sync was stopped during the round');

export const pushAll = async (
  ports: RoundPorts,
  hooks: RoundHooks,
): Promise<Result<number>> => {
  const { store, transport } = ports;
  const pushedIds = new Set<string>();
  for (;;) {
    if (hooks.halting()) return stopped();
    const batch = await local(() => store.unpushed(maxPushOperations));
    if (!batch.ok) return batch;
    const operations = batch.value;
    if (operations.length === 0) return ok(pushedIds.size);
    // A store that hands out an operation again after its result was
    // stored would make this loop forever.
    if (operations.some((op) => pushedIds.has(op.id))) {
      return fail(
        'store-failed',
        'The desk store offered an operation again after storing its result',
      );
    }

    const answer = await call(() => transport.push({ operations }));
    if (!answer.ok) return answer;
    hooks.reached();
    const checked = checkPushAnswer(operations, answer.value);
    if (!checked.ok) return checked;

    const { results, latestSeq } = checked.value;
    const stored = await local(async () => {
      await store.storeResults(results, latestSeq);
      ports.onPushed?.(results);
    });
    if (!stored.ok) return stored;
    for (const op of operations) pushedIds.add(op.id);
    await hooks.pushed();
  }
};

export const pullAll = async (
  ports: RoundPorts,
  hooks: RoundHooks,
): Promise<Result<number>> => {
  const { store, transport } = ports;
  for (;;) {
    if (hooks.halting()) return stopped();
    const from = await local(() => store.checkpoint());
    if (!from.ok) return from;
    const asked = from.value;

    const answer = await call(() => transport.pull(asked, ports.pullLimit));
    if (!answer.ok) return answer;
    hooks.reached();
    const page = checkPullPage(asked, answer.value);
    if (!page.ok) return page;

    const { documents, checkpoint, hasMore } = page.value;
    const stored = await local(async () => {
      if (documents.length > 0) {
        await store.storeDocuments(documents);
        ports.onPulled?.(documents);
      }
      if (checkpoint !== asked) await store.storeCheckpoint(checkpoint);
    });
    if (!stored.ok) return stored;
    hooks.pulled(checkpoint);
    if (!hasMore) return ok(checkpoint);
  }
};
