import { afterEach, describe, expect, it } from 'vitest';

import type { RxDeskStore } from './rxDeskStore';
import { openTestDesk } from './testDesk';
import { baseline, sheetOf } from './testSheets';

const open: RxDeskStore[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

describe('the operator on operations', () => {
  it('writes the signed-in operator on each operation, and nobody after sign-out', async () => {
    const store = await openTestDesk();
    open.push(store);
    const preview = await store.previewImport(sheetOf(baseline), {
      newEventName: 'Vårløpet',
    });
    const committed = await store.commitImport(preview, []);
    if (!committed.ok) throw new Error(committed.error.message);
    await store.openEvent(committed.value.eventId);
    const first = store.search('kari nordmann')[0];
    const second = store.search('ingrid berg')[0];
    if (!first || !second) throw new Error('the baseline has Kari and Ingrid');

    store.setOperator('Kari Nordmann');
    const byKari = await store.checkIn(first.participant.id);
    store.setOperator('');
    const byNobody = await store.checkIn(second.participant.id);
    const stored = await store.database.operations.find().exec();

    expect(byKari).toMatchObject({
      ok: true,
      value: { operator: 'Kari Nordmann' },
    });
    expect(byNobody).toMatchObject({ ok: true, value: { operator: '' } });
    expect(stored.map((op) => op.operator).sort()).toEqual([
      '',
      'Kari Nordmann',
    ]);
  });
});
