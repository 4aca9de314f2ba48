// A connected event's retention waits for its results (issue #5): until the
// central service has stored them the event has no purge date; the desk
// records the service's receipt when it sends them, and the date counts
// from then. Runs the real central process on PGlite, as
// purgeUnsynced.test.ts does.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoEventId } from '../../central/demo/seedDemo';
import { backends } from '../../central/test/backends';
import {
  type CentralProcess,
  startCentral,
} from '../../central/test/centralProcess';
import { request } from '../../central/test/client';
import { retentionSchedule } from '../features/retention/schedule';
import type { RxDeskStore } from './rxDeskStore';
import { openTestDesk } from './testDesk';

const backend = backends().find((b) => b.name === 'PGlite');
if (!backend) throw new Error('no PGlite backend');

describe('results sent from a connected desk', () => {
  let central: CentralProcess | null = null;
  const open: RxDeskStore[] = [];

  beforeAll(async () => {
    central = await startCentral(await backend.open());
  }, 120_000);

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  afterAll(async () => {
    await central?.stop();
    backend.close();
  });

  it('start the retention clock: no purge date before, the receipt’s day after', async () => {
    const store = await openTestDesk();
    open.push(store);
    const session = await store.sync.login(central?.url ?? '', 'demo', 'demo');
    if (!session.ok) throw new Error(session.error.message);
    const connected = await store.sync.connect(
      {
        session: session.value,
        centralEventId: demoEventId,
        deskName: 'Results desk',
      },
      () => undefined,
    );
    if (!connected.ok) throw new Error(connected.error.message);
    const event = connected.value;

    const waiting = await store.retention(event.id);
    expect(waiting).toMatchObject({ connected: true, resultsSentAt: null });
    expect(retentionSchedule(event.date, waiting)).toMatchObject({
      purgeOn: null,
      waitingForResults: true,
    });
    // A refused hand-over records nothing.
    const refused = await store.sync.postResults({
      classes: [],
      unmatched: [],
      closed: 'yes' as unknown as boolean,
    });
    expect(refused.ok).toBe(false);
    expect((await store.retention(event.id)).resultsSentAt).toBeNull();

    const posted = await store.sync.postResults({
      classes: [],
      unmatched: [],
      closed: true,
    });

    if (!posted.ok) throw new Error(posted.error.message);
    const stored = await request<{ postedAt: string }>(
      central?.url ?? '',
      'GET',
      `/api/events/${demoEventId}/results`,
      { token: session.value.token },
    );
    expect(stored.body.postedAt).toBe(posted.value.postedAt);
    const sent = await store.retention(event.id);
    expect(sent).toEqual({
      days: 7,
      connected: true,
      resultsSentAt: posted.value.postedAt,
    });
    const schedule = retentionSchedule(event.date, sent);
    expect(schedule.waitingForResults).toBe(false);
    expect(schedule.purgeOn).not.toBeNull();
    expect(schedule.resultsSentOn).not.toBeNull();
  });
});
