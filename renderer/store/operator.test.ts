import { afterEach, describe, expect, it } from 'vitest';

import type { RxDeskStore } from './rxDeskStore';
import { openTestDesk } from './testDesk';
import { baseline, sheetOf } from './testSheets';

const open: RxDeskStore[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

describe('the operator on operations', () => {
  it('writes the signed-in operator on each operation, and refuses any after sign-out', async () => {
    const store = await openTestDesk({ operator: '' });
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

    const beforeSignIn = await store.checkIn(first.participant.id);
    store.setOperator('Kari Nordmann');
    const byKari = await store.checkIn(first.participant.id);
    store.setOperator('');
    const byNobody = await store.checkIn(second.participant.id);
    const payment = await store.recordPayment(
      second.participant.id,
      'cash',
      200,
    );
    const entry = await store.addLateEntry({
      firstName: 'Nils',
      lastName: 'Etternavn',
      birthDate: '1990-01-01',
      gender: 'male',
      club: '',
      className: 'M 30-34',
      paymentMethod: 'cash',
      amount: 20_000,
    });
    store.setOperator('   ');
    const byBlank = await store.assignBib(second.participant.id, '77');
    const stored = await store.database.operations.find().exec();

    expect(byKari).toMatchObject({
      ok: true,
      value: { operator: 'Kari Nordmann' },
    });
    for (const refused of [beforeSignIn, byNobody, payment, entry, byBlank]) {
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'no-operator' },
      });
    }
    expect(stored.map((op) => op.operator)).toEqual(['Kari Nordmann']);
    expect(store.get(second.participant.id)?.state.checkedIn).toBe(false);
  });
});
