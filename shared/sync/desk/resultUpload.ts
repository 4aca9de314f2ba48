// The desk's result list to the central service (issue #4, "results ...
// to the central service"): POST /api/events/:eventId/results with the
// desk's token for that event. The service keeps the latest list per event
// (central/http/routes/results.ts); posting again replaces it.

import { ok, type Result } from '../../contract/result';
import type { ResultList } from '../../results/types';
import { type Aborter, type Fetch, requestJson } from './httpRequest';
import { trimBase } from './httpTransport';

export type PostedResults = {
  eventId: string;
  /** Results the service stored. */
  starts: number;
  /** When the service stored them (its clock). */
  postedAt: string;
};

export type PostResultsOptions<Signal = never> = {
  fetch: Fetch<Signal>;
  aborter?: () => Aborter<Signal>;
  /** The service's root, such as http://central.local:8787. */
  baseUrl: string;
  /** The event's id at the central service. */
  eventId: string;
  /** The desk's token for this event. */
  token: string;
  list: ResultList;
  /** A big list on a venue network gets longer than a sync call (60 s). */
  timeoutMs?: number;
};

const isPosted = (body: unknown): body is PostedResults =>
  typeof body === 'object' &&
  body !== null &&
  'starts' in body &&
  typeof body.starts === 'number' &&
  'postedAt' in body &&
  typeof body.postedAt === 'string';

/** The service's receipt, or why not ('offline', its own code, …). */
export const postResultList = async <Signal = never>(
  options: PostResultsOptions<Signal>,
): Promise<Result<PostedResults>> => {
  const answer = await requestJson({
    fetch: options.fetch,
    aborter: options.aborter,
    url: `${trimBase(options.baseUrl)}/api/events/${encodeURIComponent(options.eventId)}/results`,
    method: 'POST',
    token: options.token,
    body: options.list,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  if (!answer.ok) return answer;
  if (!isPosted(answer.value)) {
    return {
      ok: false,
      error: {
        code: 'bad-response',
        message: 'The central service sent no result receipt',
      },
    };
  }
  return ok({
    eventId: options.eventId,
    starts: answer.value.starts,
    postedAt: answer.value.postedAt,
  });
};
