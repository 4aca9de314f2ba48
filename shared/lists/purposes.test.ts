import { describe, expect, it } from 'vitest';
import { makeEntry, makeParticipant } from '../desk/fixtures';
import { viewOf } from '../desk/reduce';
import type { ParticipantView } from '../desk/state';
import type { Participant } from '../domain/participant';
import { cellFormat } from './format';
import { type ListPurposeId, listPurposes, planList } from './purposes';
import { listContent } from './rows';

const person = (
  id: string,
  fields: Partial<Participant> = {},
): ParticipantView => viewOf(makeParticipant({ id, ...fields }), []);

const rowsOf = (
  list: ListPurposeId,
  views: ParticipantView[],
  options = { allowExternal: true },
) => {
  const plan = planList(list, options);
  if (!plan.ok) throw new Error(plan.error.message);
  const content = listContent(plan.value, views, cellFormat('nb'));
  return { content, rows: [...content.cells()] };
};

const noReservation = {
  photo: 'yes',
  video: 'yes',
  streaming: 'yes',
  liveFeed: 'yes',
} as const;

// Each purpose's columns written out here, not read from listPurposes: a
// column added to or dropped from a list must fail a test (issue #5,
// DOMAIN.md "Lists the organizer may publish or hand over").
const pinnedColumns: Record<ListPurposeId, string[]> = {
  'participant-list': [
    'personId',
    'buypassId',
    'registrationId',
    'firstName',
    'lastName',
    'birthDate',
    'gender',
    'country',
    'countryCode',
    'email',
    'mobile',
    'club',
    'clubId',
    'groupId',
    'region',
    'regionId',
    'exercises',
    'status',
    'lateEntry',
    'bib',
    'chip',
    'checkedIn',
    'checkedInAt',
    'comment',
    'hasLicense',
    'licenseProduct',
    'licenseNumber',
    'registrar',
    'registrarEmail',
    'registrationType',
    'registeredAt',
    'deregisteredAt',
    'paid',
    'amountPaid',
    'paymentMethod',
    'transactionId',
    'payments',
    'products',
    'answers',
    'messages',
    'updatesConsent',
    'photoConsent',
    'videoConsent',
    'streamingConsent',
    'liveFeedConsent',
  ],
  'external-list': ['fullName', 'club', 'exercises'],
  'license-list': [
    'fullName',
    'club',
    'licenseProduct',
    'licensePurchasedAt',
    'licenseNumber',
  ],
  'media-list': [
    'bib',
    'photoReserved',
    'videoReserved',
    'streamingReserved',
    'liveFeedReserved',
  ],
  'checkin-list': ['className', 'fullName', 'bib', 'checkedIn', 'checkedInAt'],
};

const pinnedHeaders: Record<ListPurposeId, string[]> = {
  'participant-list': [],
  'external-list': ['Navn', 'Klubb', 'Øvelser'],
  'license-list': ['Navn', 'Klubb', 'Lisensprodukt', 'Kjøpt', 'Lisensnummer'],
  'media-list': [
    'Startnummer',
    'Reservert mot bilder',
    'Reservert mot video',
    'Reservert mot strømming',
    'Reservert mot livefeed',
  ],
  'checkin-list': [
    'Klasse',
    'Navn',
    'Startnummer',
    'Sjekket inn',
    'Innsjekket',
  ],
};

describe('planList', () => {
  it.each(Object.keys(pinnedColumns) as ListPurposeId[])(
    'gives %s exactly the columns its purpose needs, no more',
    (list) => {
      const plan = planList(list, { allowExternal: true });
      if (!plan.ok) throw new Error(plan.error.message);
      expect(plan.value.columns.map((c) => c.id)).toEqual(pinnedColumns[list]);
      expect([...listPurposes[list].columns]).toEqual(pinnedColumns[list]);
      if (list !== 'participant-list') {
        expect(plan.value.columns.map((c) => c.header.nb)).toEqual(
          pinnedHeaders[list],
        );
      }
    },
  );

  it('has a pinned column list for every purpose there is', () => {
    expect(Object.keys(listPurposes).sort()).toEqual(
      Object.keys(pinnedColumns).sort(),
    );
  });

  it('puts no name, birth date or contact in the media list', () => {
    const plan = planList('media-list');
    if (!plan.ok) throw new Error(plan.error.message);
    const ids = plan.value.columns.map((c) => c.id);
    for (const personal of [
      'fullName',
      'firstName',
      'lastName',
      'birthDate',
      'email',
      'mobile',
      'club',
    ]) {
      expect(ids).not.toContain(personal);
    }
  });

  it('refuses an unknown list and names the lists there are', () => {
    const plan = planList('phone-list');
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.error.code).toBe('unknown-list');
    expect(plan.error.message).toContain('media-list');
  });

  it('refuses the external list unless the organizer allowed it', () => {
    const refused = planList('external-list');
    expect(refused.ok ? '' : refused.error.code).toBe('list-not-allowed');
    expect(planList('external-list', { allowExternal: true }).ok).toBe(true);
  });

  it('lets the organizer choose columns in the chosen order', () => {
    const plan = planList('participant-list', {
      columns: ['club', 'lastName'],
    });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.columns.map((c) => c.id)).toEqual(['club', 'lastName']);
  });

  it('refuses a column id it does not know, naming it', () => {
    const plan = planList('participant-list', {
      columns: ['lastName', 'shoeSize'],
    });
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.error.code).toBe('unknown-column');
    expect(plan.error.message).toContain('"shoeSize"');
  });

  it('refuses a column choice on a list with fixed columns', () => {
    const plan = planList('media-list', { columns: ['fullName', 'mobile'] });
    expect(plan.ok ? '' : plan.error.code).toBe('columns-fixed');
  });

  it('does not widen the organizer list beyond its allow-list', () => {
    const plan = planList('participant-list', { columns: ['photoReserved'] });
    expect(plan.ok ? '' : plan.error.code).toBe('unknown-column');
  });
});

describe('who is on which list', () => {
  const active = person('a', {
    firstName: 'Kari',
    lastName: 'Aas',
    club: 'IL Gneist',
    email: 'kari@example.no',
    license: {
      hasLicense: true,
      seasonLicense: '',
      oneDayLicense: 'E1234567',
      product: '',
      purchasedAt: '',
    },
    registrations: [],
    consents: { ...noReservation, photo: 'no' },
  });
  const gone = person('b', {
    firstName: 'Ola',
    lastName: 'Berg',
    status: 'deregistered',
    entries: [makeEntry({ status: 'deregistered' })],
    consents: { ...noReservation, streaming: 'no' },
    license: { ...active.participant.license, seasonLicense: '99887766' },
  });
  const plain = person('c', { lastName: 'Dahl', consents: noReservation });

  it('keeps deregistered people on the organizer list only', () => {
    const everyone = [active, gone, plain];
    expect(rowsOf('participant-list', everyone).content.people).toBe(3);
    expect(rowsOf('external-list', everyone).content.people).toBe(2);
    expect(rowsOf('license-list', everyone).content.people).toBe(1);
    expect(rowsOf('media-list', everyone).content.people).toBe(1);
  });

  it('puts only people with a reservation on the media list', () => {
    const { rows } = rowsOf('media-list', [plain, active]);
    expect(rows).toEqual([['', 'Ja', '', '', '']]);
  });

  it('shows the bib the desk gave in the media list', () => {
    const view = { ...active, state: { ...active.state, bib: '117' } };
    const { rows } = rowsOf('media-list', [view]);
    expect(rows[0]?.[0]).toBe('117');
  });

  it('names a one-day license and the time it was bought', () => {
    const bought = person('d', {
      ...active.participant,
      id: 'd',
      registrations: [
        {
          registrationId: 'REG1',
          type: 'self',
          statusText: 'Påmeldt',
          status: 'active',
          registrarName: 'Kari Aas',
          registrarEmail: 'kari@example.no',
          registrarBuypassId: '',
          registrarPersonId: '',
          transactionId: '',
          paymentMethod: 'vipps',
          amountPaid: 32500,
          amountPaidVat: 0,
          paid: true,
          payments: [],
          registeredAt: '2025-05-02T20:15',
          deregisteredAt: '',
        },
      ],
    });
    const { rows } = rowsOf('license-list', [bought]);
    expect(rows).toEqual([
      [
        'Kari Aas',
        'IL Gneist',
        'Engangslisens',
        '02.05.2025 20:15',
        'E1234567',
      ],
    ]);
  });

  it('lists a person once in each class they start in for check-in', () => {
    const twoClasses = person('e', {
      lastName: 'Eik',
      entries: [
        makeEntry({ className: 'K Senior', exercise: '5 km' }),
        makeEntry({ className: 'K 35', exercise: '10 km' }),
        makeEntry({ className: 'K 40', status: 'deregistered' }),
      ],
    });
    const checkedIn: ParticipantView = {
      ...twoClasses,
      state: {
        ...twoClasses.state,
        bib: '12',
        checkedIn: true,
        checkedInAt: '2025-06-14T07:05:00.000Z',
      },
    };
    const { rows, content } = rowsOf('checkin-list', [checkedIn]);
    expect(content.people).toBe(1);
    // 07:05 UTC is 09:05 in Oslo in June.
    expect(rows).toEqual([
      ['K 35', 'Kari Eik', '12', 'Ja', '14.06.2025 09:05'],
      ['K Senior', 'Kari Eik', '12', 'Ja', '14.06.2025 09:05'],
    ]);
  });

  it('joins the registrations of a person who registered twice', () => {
    const registration = (registrationId: string, transactionId: string) => ({
      registrationId,
      type: 'self' as const,
      statusText: 'Påmeldt',
      status: 'active' as const,
      registrarName: 'Kari Aas',
      registrarEmail: 'kari@example.no',
      registrarBuypassId: '',
      registrarPersonId: '',
      transactionId,
      paymentMethod: 'card' as const,
      amountPaid: 10000,
      amountPaidVat: 0,
      paid: true,
      payments: [],
      registeredAt: '',
      deregisteredAt: '',
    });
    const twice = person('f', {
      registrations: [registration('R1', '401'), registration('R2', '402')],
    });
    const plan = planList('participant-list', {
      columns: ['registrationId', 'registrar', 'transactionId', 'amountPaid'],
    });
    if (!plan.ok) throw new Error(plan.error.message);
    const content = listContent(plan.value, [twice], cellFormat('nb'));
    expect([...content.cells()]).toEqual([
      ['R1, R2', 'Kari Aas', '401, 402', '200,00'],
    ]);
  });

  it('writes headers in the language asked for', () => {
    const plan = planList('license-list');
    if (!plan.ok) throw new Error(plan.error.message);
    const en = listContent(plan.value, [], cellFormat('en'));
    expect(en.headers[0]).toBe('Name');
    expect(listContent(plan.value, [], cellFormat('nb')).headers[0]).toBe(
      'Navn',
    );
  });
});
