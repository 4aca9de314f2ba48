// The person at a simulated desk: picks what to do next the way a race
// secretariat works (mostly check-ins, then bibs and payments, a few undos
// and late entries, and now and then a bib typed by hand that another desk
// holds in its lease), and lets the desk's own rules refuse what the desk
// would refuse. Only drafts the rules accept are recorded.

import { validateOperation } from '../../shared/desk/rules';
import type { ParticipantView } from '../../shared/desk/state';
import type { OperationDraft } from '../../shared/domain/operation';
import type { PaymentMethod } from '../../shared/domain/participant';
import type { DeskView } from './deskView';
import type { Random } from './random';

export type Intent =
  | 'check-in'
  | 'check-in-undo'
  | 'bib-from-lease'
  | 'bib-typed-clash'
  | 'payment'
  | 'late-entry';

const weights: readonly [Intent, number][] = [
  ['check-in', 40],
  ['check-in-undo', 6],
  ['bib-from-lease', 18],
  ['bib-typed-clash', 4],
  ['payment', 22],
  ['late-entry', 10],
];
const totalWeight = weights.reduce((sum, [, weight]) => sum + weight, 0);

const intentOf = (random: Random): Intent => {
  let roll = random.int(totalWeight);
  for (const [intent, weight] of weights) {
    if (roll < weight) return intent;
    roll -= weight;
  }
  return 'check-in';
};

const methods: readonly PaymentMethod[] = ['vipps', 'card', 'cash'];
const firstNames = ['Kari', 'Ola', 'Ingrid', 'Lars', 'Sofie', 'Jonas', 'Åse'];
const lastNames = ['Nordmann', 'Hansen', 'Berg', 'Dahl', 'Løken', 'Strand'];

export type Draft = { intent: Intent; draft: OperationDraft };

type Picker = (view: ParticipantView) => boolean;

/** A random participant the picker likes, from a few random tries. */
const someone = (
  ids: readonly string[],
  desk: DeskView,
  random: Random,
  likes: Picker,
): ParticipantView | undefined => {
  for (let tries = 0; tries < 25; tries += 1) {
    const view = desk.views.get(random.pick(ids) ?? '');
    if (view && likes(view)) return view;
  }
  return undefined;
};

const live: Picker = (view) => view.participant.status === 'active';
const withoutBib: Picker = (view) => live(view) && view.state.bib === '';

const leaseBib = (desk: DeskView, deskId: string): string | undefined => {
  for (const lease of desk.leases) {
    if (lease.deskId !== deskId) continue;
    for (let bib = lease.first; bib <= lease.last; bib += 1) {
      if (!desk.holders.get(String(bib))?.size) return String(bib);
    }
  }
  return undefined;
};

/** A bib low in another desk's lease: that desk is likely to give it out. */
const clashingBib = (desk: DeskView, deskId: string, random: Random) => {
  const others = desk.leases.filter((lease) => lease.deskId !== deskId);
  const lease = random.pick(others);
  if (!lease) return undefined;
  const span = Math.min(40, lease.last - lease.first + 1);
  const bib = String(lease.first + random.int(span));
  return desk.holders.get(bib)?.size ? undefined : bib;
};

const bibDraft = (
  view: ParticipantView,
  bib: string,
  source: 'lease' | 'typed',
): OperationDraft => ({
  eventId: view.participant.eventId,
  participantId: view.participant.id,
  type: 'bib-assign',
  payload: { bib, previousBib: view.state.bib, source },
});

const lateEntryDraft = (
  desk: DeskView,
  eventId: string,
  random: Random,
): OperationDraft | undefined => {
  const className = random.pick([...desk.classNames]);
  if (!className) return undefined;
  const paid = random.chance(0.7);
  return {
    eventId,
    participantId: '',
    type: 'late-entry',
    payload: {
      entry: {
        firstName: random.pick(firstNames) ?? 'Kari',
        lastName: random.pick(lastNames) ?? 'Nordmann',
        birthDate: `${random.between(1950, 2015)}-0${random.between(1, 9)}-1${random.between(0, 9)}`,
        gender: random.chance(0.5) ? 'female' : 'male',
        club: 'Sim IL',
        className,
        paymentMethod: paid ? (random.pick(methods) ?? 'cash') : '',
        amount: paid ? random.between(1, 40) * 5_000 : 0,
      },
    },
  };
};

const draftFor = (
  intent: Intent,
  desk: DeskView,
  ids: readonly string[],
  deskId: string,
  eventId: string,
  random: Random,
): OperationDraft | undefined => {
  const on = (
    view: ParticipantView | undefined,
    type: 'check-in' | 'check-in-undo',
  ) =>
    view && {
      eventId,
      participantId: view.participant.id,
      type,
      payload: {},
    };
  switch (intent) {
    case 'check-in':
      // Now and then the operator scans whoever is in front of the desk,
      // checked in or deregistered: the desk's rules must refuse those.
      return on(
        random.chance(0.15)
          ? someone(ids, desk, random, () => true)
          : someone(ids, desk, random, (v) => live(v) && !v.state.checkedIn),
        'check-in',
      );
    case 'check-in-undo':
      return on(
        someone(ids, desk, random, (v) => v.state.checkedIn),
        'check-in-undo',
      );
    case 'bib-from-lease': {
      const view = someone(ids, desk, random, withoutBib);
      const bib = leaseBib(desk, deskId);
      return view && bib ? bibDraft(view, bib, 'lease') : undefined;
    }
    case 'bib-typed-clash': {
      const view = someone(ids, desk, random, withoutBib);
      const bib = clashingBib(desk, deskId, random);
      return view && bib ? bibDraft(view, bib, 'typed') : undefined;
    }
    case 'payment': {
      const view = someone(ids, desk, random, () => true);
      if (!view) return undefined;
      return {
        eventId,
        participantId: view.participant.id,
        type: 'payment',
        payload: {
          method: random.pick(methods) ?? 'cash',
          amount: random.between(1, 60) * 2_500,
        },
      };
    }
    case 'late-entry':
      return lateEntryDraft(desk, eventId, random);
  }
};

/**
 * The next draft the desk's rules accept, or null when a few tries found
 * nothing to do; `refused` counts what the rules turned down.
 */
export const nextDraft = (
  desk: DeskView,
  ids: readonly string[],
  who: { deskId: string; eventId: string; today: string },
  random: Random,
  tally: { refused: number },
): Draft | null => {
  for (let tries = 0; tries < 12; tries += 1) {
    const intent = intentOf(random);
    const draft = draftFor(intent, desk, ids, who.deskId, who.eventId, random);
    if (!draft) continue;
    const valid = validateOperation(draft, desk.context, who.today);
    if (valid.ok) return { intent, draft };
    tally.refused += 1;
  }
  return null;
};
