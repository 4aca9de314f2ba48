import { describe, expect, it } from 'vitest';
import { openTestDesk } from './testDesk';

describe('desk store', () => {
  it('loads the demo event and finds people in it', async () => {
    const store = await openTestDesk();
    const t0 = performance.now();
    const event = await store.loadDemo();
    console.log('loadDemo ms', performance.now() - t0);
    expect(event.ok).toBe(true);
    const views = store.search('a');
    expect(views.length).toBeGreaterThan(0);
    const first = views[0];
    if (!first) throw new Error('no view');
    const op = await store.checkIn(first.participant.id);
    expect(op.ok).toBe(true);
    expect(store.get(first.participant.id)?.state.checkedIn).toBe(true);
    await store.close();
  });
});
