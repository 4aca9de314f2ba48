// What the engine checks in the service's answers before it stores them: a
// desk must not mark an operation pushed that the service never answered,
// must see a hole in its own sequence, and must never store a pull page
// that would move its checkpoint back or skip documents.

import { type AppError, fail, ok, type Result } from '../../contract/result';
import type { Operation } from '../../domain/operation';
import type { PullResponse, PushResponse } from '../types';

/** A result for every pushed id, and the desk's sequence with no hole. */
export const checkPushAnswer = (
  pushed: readonly Operation[],
  answer: PushResponse,
): Result<PushResponse> => {
  const answered = new Set(answer.results.map((result) => result.id));
  const missing = pushed.filter((op) => !answered.has(op.id));
  if (missing.length > 0) {
    return fail(
      'bad-push',
      `The service answered ${answer.results.length} of ` +
        `${pushed.length} pushed operations`,
      { missing: missing.slice(0, 10).map((op) => op.id) },
    );
  }

  const highest = Math.max(0, ...pushed.map((op) => op.seq));
  const { contiguousSeq } = answer.desk;
  if (contiguousSeq < highest) {
    return fail(
      'seq-gap',
      `The service holds this desk's operations without a gap only up to ` +
        `${contiguousSeq}, below ${highest} just pushed`,
      {
        contiguousSeq,
        highestSeq: answer.desk.highestSeq,
        pushedSeq: highest,
      },
    );
  }
  return ok(answer);
};

const badPull = (message: string, data: Record<string, unknown>) =>
  fail('bad-pull', message, data);

/**
 * A page asked from `asked`: its checkpoint does not go back, its
 * documents come in increasing seq order after `asked` and up to the
 * checkpoint, and a page that says more waits has moved forward.
 */
export const checkPullPage = (
  asked: number,
  page: PullResponse,
): Result<PullResponse> => {
  if (page.checkpoint < asked) {
    return badPull(
      `The service moved the checkpoint back from ${asked} ` +
        `to ${page.checkpoint}`,
      { asked, checkpoint: page.checkpoint },
    );
  }

  let previous = asked;
  for (const [index, doc] of page.documents.entries()) {
    if (!(doc.seq > previous) || doc.seq > page.checkpoint) {
      return badPull(
        `Document ${index + 1} of the page has seq ${doc.seq}; ` +
          `one after ${previous} and up to ${page.checkpoint} was expected`,
        { asked, checkpoint: page.checkpoint, index, seq: doc.seq },
      );
    }
    previous = doc.seq;
  }

  if (page.hasMore && page.checkpoint === asked) {
    return badPull(`The service said more waits but stayed at ${asked}`, {
      asked,
    });
  }
  return ok(page);
};

/** Refusals a retry soon will not mend: the engine retries them slowly. */
export const permanentCodes: ReadonlySet<string> = new Set([
  'desk-revoked',
  'unauthorized',
  'forged-desk-id',
  'operation-for-another-event',
  'forbidden',
  'wrong-caller',
  'checkpoint-ahead',
  'seq-gap',
  'bad-pull',
  'bad-push',
  // The service could not read the request: the same bytes again will not
  // do better (central/http/server.ts names these).
  'body-too-large',
  'malformed-json',
  'unsupported-media-type',
]);

/** How a failed round is shown and retried. */
export type FailureKind = 'offline' | 'transient' | 'permanent';

export const failureKind = (error: AppError): FailureKind => {
  if (error.code === 'offline') return 'offline';
  if (permanentCodes.has(error.code)) return 'permanent';
  if (error.code.startsWith('invalid-')) return 'permanent';
  return 'transient';
};
