import { describe, expect, it } from 'vitest';
import { makeEntry, makeParticipant } from '../desk/fixtures';
import { viewOf } from '../desk/reduce';
import type { ParticipantView } from '../desk/state';
import { type ListPurposeId, listPurposes, planList } from './purposes';
import { listPreview, listRequest } from './request';

const reserving: ParticipantView = viewOf(
  makeParticipant({
    id: 'p1',
    firstName: 'Kari',
    lastName: 'Aas',
    email: 'kari.aas@example.no',
    mobile: '+47 912 34 567',
    birthDate: '1990-04-01',
    consents: { photo: 'no', video: 'yes', streaming: 'yes', liveFeed: '' },
    license: {
      hasLicense: true,
      seasonLicense: 'L123',
      oneDayLicense: '',
      product: '',
      purchasedAt: '',
    },
    entries: [makeEntry({ className: 'K Senior', exercise: '5 km' })],
  }),
  [],
);

const context = {
  lang: 'nb' as const,
  event: { id: 'ev1', name: 'Testløpet' },
  by: 'desk-1',
};

const requestFor = (list: ListPurposeId, columns?: string[]) => {
  const plan = planList(list, { allowExternal: true, columns });
  if (!plan.ok) throw new Error(plan.error.message);
  return listRequest(plan.value, [reserving], context);
};

describe('listRequest', () => {
  it.each(Object.values(listPurposes).map((purpose) => purpose.id))(
    'sends %s with exactly its purpose’s columns in every row',
    (list) => {
      const { headers, ...args } = requestFor(list);
      expect(args.columns).toEqual(listPurposes[list].columns);
      expect(headers).toHaveLength(args.columns.length);
      expect(args.rows.length).toBeGreaterThan(0);
      for (const row of args.rows) expect(row).toHaveLength(headers.length);
    },
  );

  it.each([
    'external-list',
    'license-list',
    'media-list',
    'checkin-list',
  ] as const)('sends no e-mail, mobile or birth date in %s', (list) => {
    const sent = JSON.stringify(requestFor(list));
    expect(sent).not.toContain('kari.aas@example.no');
    expect(sent).not.toContain('912 34 567');
    expect(sent).not.toContain('01.04.1990');
  });

  it('sends only the columns the organizer chose', () => {
    const args = requestFor('participant-list', ['lastName', 'club']);
    expect(args.columns).toEqual(['lastName', 'club']);
    expect(JSON.stringify(args)).not.toContain('example.no');
    const full = JSON.stringify(requestFor('participant-list'));
    expect(full).toContain('kari.aas@example.no');
  });

  it('says who exports, for which event, and how many people', () => {
    const args = requestFor('media-list');
    expect(args).toMatchObject({
      by: 'desk-1',
      event: { id: 'ev1', name: 'Testløpet' },
      people: 1,
      lang: 'nb',
    });
  });

  it('previews the first rows of the sorted list and counts them all', () => {
    const people = ['Ødegård', 'Lie', 'Berg', 'Moe'].map((lastName, i) =>
      viewOf(makeParticipant({ id: `p${i}`, firstName: 'Kari', lastName }), []),
    );
    const plan = planList('participant-list', { columns: ['lastName'] });
    if (!plan.ok) throw new Error(plan.error.message);
    const preview = listPreview(plan.value, people, 'en', 2);
    expect(preview).toEqual({
      headers: ['Last name'],
      rows: [['Berg'], ['Lie']],
      total: 4,
    });
  });
});
