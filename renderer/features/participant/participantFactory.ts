// Test data for UI logic: a participant view with every field present, so a
// test states only what it is about.

import type { ParticipantView } from '../../../shared/desk/state';
import type {
  Entry,
  Participant,
  Registration,
} from '../../../shared/domain/participant';

export const anEntry = (over: Partial<Entry> = {}): Entry => ({
  registrationId: 'R1',
  className: 'K17',
  exercise: '60 m',
  sport: 'Friidrett',
  date: '',
  time: '',
  fee: 25000,
  feeVat: 0,
  status: 'active',
  sourceRow: 2,
  ...over,
});

export const aRegistration = (
  over: Partial<Registration> = {},
): Registration => ({
  registrationId: 'R1',
  type: 'self',
  statusText: 'Påmeldt',
  status: 'active',
  registrarName: '',
  registrarEmail: '',
  registrarBuypassId: '',
  registrarPersonId: '',
  transactionId: '',
  paymentMethod: 'vipps',
  amountPaid: 0,
  amountPaidVat: 0,
  paid: false,
  payments: [],
  registeredAt: '',
  deregisteredAt: '',
  ...over,
});

export const aParticipant = (over: Partial<Participant> = {}): Participant => ({
  id: 'p1',
  eventId: 'e1',
  personId: '1234567',
  buypassId: '',
  firstName: 'Kari',
  lastName: 'Nordmann',
  birthDate: '2009-04-01',
  gender: 'female',
  country: 'Norge',
  countryCode: 'NOR',
  email: '',
  mobile: '',
  club: 'IL Heming',
  clubId: '',
  groupId: '',
  region: '',
  regionId: '',
  comment: '',
  license: {
    hasLicense: false,
    seasonLicense: '',
    oneDayLicense: '',
    product: '',
    purchasedAt: '',
  },
  registrations: [aRegistration()],
  entries: [anEntry()],
  products: [],
  answers: [],
  messages: [],
  consents: { photo: 'yes', video: 'yes', streaming: 'yes', liveFeed: 'yes' },
  updatesConsent: false,
  status: 'active',
  bib: '',
  chip: '',
  sourceCheckInStatus: '',
  extra: {},
  revision: 1,
  updatedAt: '',
  ...over,
});

export const aView = (
  participant: Partial<Participant> = {},
  state: Partial<ParticipantView['state']> = {},
): ParticipantView => ({
  participant: aParticipant(participant),
  state: {
    checkedIn: false,
    checkedInAt: '',
    checkedInDesk: '',
    bib: '',
    bibSource: '',
    chip: '',
    payments: [],
    ...state,
  },
  lateEntry: false,
});
