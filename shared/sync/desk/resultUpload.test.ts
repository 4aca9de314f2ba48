// The desk's result list to the central service, against the real central
// process on PGlite: the desk's token posts it and the organizer reads the
// same list back; a token for nothing, a list the schema refuses and a
// service that is gone come back as errors with their codes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoEventId } from '../../../central/demo/seedDemo';
import { backends } from '../../../central/test/backends';
import {
  type CentralProcess,
  startCentral,
} from '../../../central/test/centralProcess';
import {
  type Desk,
  login,
  registerDesk,
  request,
} from '../../../central/test/client';
import { computeResults } from '../../results/compute';
import { finishAt, makeStarter, massSetup } from '../../results/fixtures';
import type { ResultList } from '../../results/types';
import type { Fetch } from './httpRequest';
import { postResultList } from './resultUpload';

const backend = backends().find((b) => b.name === 'PGlite');
if (!backend) throw new Error('no PGlite backend');

const list = computeResults({
  setup: massSetup('10:00:00'),
  starters: [makeStarter({ bib: '1' }), makeStarter({ bib: '2' })],
  passings: [finishAt('1', '10:10:00.000'), finishAt('2', '10:11:00.000')],
  closed: false,
});

const nodeFetch: Fetch<AbortSignal> = (url, init) => fetch(url, init);

describe('postResultList against the central service on PGlite', () => {
  let central: CentralProcess | null = null;
  let base = '';
  let organizer = '';
  let desk: Desk;

  beforeAll(async () => {
    const store = await backend.open();
    central = await startCentral(store);
    base = central.url;
    organizer = await login(base, 'demo');
    desk = await registerDesk(base, organizer, demoEventId, 'Results desk');
  }, 120_000);

  afterAll(async () => {
    await central?.stop();
    backend.close();
  });

  it('posts the list with the desk token; the organizer reads the same list back', async () => {
    const posted = await postResultList({
      fetch: nodeFetch,
      aborter: () => new AbortController(),
      baseUrl: `${base}/`,
      eventId: demoEventId,
      token: desk.token,
      list,
    });
    if (!posted.ok) throw new Error(posted.error.message);
    expect(posted.value).toMatchObject({ eventId: demoEventId, starts: 2 });
    const read = await request<{ postedBy: string; list: ResultList }>(
      base,
      'GET',
      `/api/events/${demoEventId}/results`,
      { token: organizer },
    );
    expect(read.status).toBe(200);
    expect(read.body.postedBy).toBe(`desk:${desk.deskId}`);
    expect(read.body.list.classes[0]?.results.map((r) => r.bib)).toEqual([
      '1',
      '2',
    ]);
  });

  it('says why when the service refuses: a token for nothing, a list it cannot take', async () => {
    const stranger = await postResultList({
      fetch: nodeFetch,
      baseUrl: base,
      eventId: demoEventId,
      token: 'not-a-token',
      list,
    });
    expect(stranger.ok ? '' : stranger.error.code).toBe('unauthorized');

    const broken = structuredClone(list) as unknown as {
      classes: { results: { status: string }[] }[];
    };
    const first = broken.classes[0]?.results[0];
    if (first) first.status = 'finished';
    const refused = await postResultList({
      fetch: nodeFetch,
      baseUrl: base,
      eventId: demoEventId,
      token: desk.token,
      list: broken as unknown as ResultList,
    });
    expect(refused.ok ? '' : refused.error.code).toBe('invalid-body');
    // The service names the refused field by its path in the body.
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /^body\/classes\/0\/results\/0\/status /,
    );
  });

  it('is offline when nothing answers', async () => {
    const down: Fetch = () => Promise.reject(new TypeError('fetch failed'));
    const posted = await postResultList({
      fetch: down,
      baseUrl: 'http://127.0.0.1:9',
      eventId: demoEventId,
      token: desk.token,
      list,
    });
    expect(posted.ok ? '' : posted.error.code).toBe('offline');
  });
});
