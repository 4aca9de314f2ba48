// The sync protocol against the real central process, on a real PostgreSQL
// and on PGlite. Each adversarial case (test/syncCases) ends with no lost
// and no doubled effect, and the server still serving. One service per
// store serves every case, because a PGlite start costs seconds.

import { afterAll, beforeAll, describe } from 'vitest';

import { demoEventId } from './demo/seedDemo';
import { backends } from './test/backends';
import { startCentral } from './test/centralProcess';
import { login, participantsOf, pullAll } from './test/client';
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

  beforeAll(async () => {
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
    await ctx.central?.stop();
    backend.close();
  });

  exactlyOnceCases(ctx);
  orderingCases(ctx);
  refusalsCases(ctx);
  bibsCases(ctx);
});
