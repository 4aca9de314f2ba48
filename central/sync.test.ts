// The sync protocol against the real central process, on a real PostgreSQL
// and on PGlite. Each adversarial case (test/syncCases) ends with no lost
// and no doubled effect, and the server still serving (its health and a
// pull answered). Every answer the cases got is then checked against the
// response schemas of openapi.json. One service per store serves every
// case, because a PGlite start costs seconds.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoEventId } from './demo/seedDemo';
import { backends } from './test/backends';
import { startCentral } from './test/centralProcess';
import {
  collectAnswers,
  login,
  participantsOf,
  pullAll,
  type SeenAnswer,
} from './test/client';
import {
  answerChecker,
  documentedPath,
  openapiDocument,
} from './test/openapiAnswers';
import { bibsCases } from './test/syncCases/bibs';
import { type SyncContext, startTimeout } from './test/syncCases/context';
import { exactlyOnceCases } from './test/syncCases/exactlyOnce';
import { orderingCases } from './test/syncCases/ordering';
import { refusalsCases } from './test/syncCases/refusals';

describe.each(backends())('central sync on $name', (backend) => {
  const ctx: SyncContext = {
    backend,
    store: { dataDir: '' },
    central: null,
    base: '',
    organizer: '',
    ids: [],
    participants: [],
  };
  const answers: SeenAnswer[] = [];

  beforeAll(async () => {
    collectAnswers(answers);
    ctx.store = await backend.open();
    const central = await startCentral(ctx.store);
    ctx.central = central;
    ctx.base = central.url;
    ctx.organizer = await login(ctx.base, 'demo');
    const { documents } = await pullAll(ctx.base, ctx.organizer, demoEventId);
    ctx.participants = [...participantsOf(documents).values()].map(
      (doc) => doc.participant,
    );
    ctx.ids = ctx.participants.map((p) => p.id);
  }, startTimeout);

  afterAll(async () => {
    collectAnswers(null);
    await ctx.central?.stop();
    backend.close();
  });

  exactlyOnceCases(ctx);
  orderingCases(ctx);
  refusalsCases(ctx);
  bibsCases(ctx);

  it('answered every case as the OpenAPI document says', () => {
    const document = openapiDocument();
    const checker = answerChecker(document);
    const problems = answers.flatMap(({ method, path, status, body }) =>
      checker.problems(method, documentedPath(document, path) ?? path, {
        status,
        body,
      }),
    );

    expect(answers.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    expect(checker.checked()).toContain(
      'POST /api/events/{eventId}/operations 200',
    );
  });
});
