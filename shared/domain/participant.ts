// The participant as the registration service holds it: every field that
// ../shared/DOMAIN.md lists. Registration fields belong to the central
// service (or to the imported file); a desk never edits this document, it
// records operations on top of it (see operation.ts).
//
// Nullable fields cannot be indexed in RxDB, so "not given" is '' for text,
// 0 for numbers and false for flags throughout.

export type Gender = 'female' | 'male' | '';

export type ParticipantStatus = 'active' | 'deregistered';

/** Påmeldingstype: who entered the participant. */
export type RegistrationType = 'self' | 'family' | 'organization' | '';

export type PaymentMethod = 'vipps' | 'card' | 'invoice' | 'cash' | '';

/** Ja / Nei / not asked. */
export type Consent = 'yes' | 'no' | '';

/** One class + exercise pair (Klasse, Øvelse) of one registration. */
export type Entry = {
  registrationId: string;
  className: string;
  exercise: string;
  sport: string;
  /** Date of the exercise, yyyy-mm-dd, or ''. */
  date: string;
  /** Start time of the exercise, HH:MM or HH:MM:SS, or ''. */
  time: string;
  /** Entry fee in øre (Sum), VAT in øre (Mva). */
  fee: number;
  feeVat: number;
  status: ParticipantStatus;
  /** Spreadsheet row the entry came from (1-based, as Excel shows it). */
  sourceRow: number;
};

/** Påmelder: the person who entered, and what they paid. */
export type Registration = {
  registrationId: string;
  type: RegistrationType;
  /** Påmeldingsstatus as given (Påmeldt, Avmeldt, …). */
  statusText: string;
  status: ParticipantStatus;
  registrarName: string;
  registrarEmail: string;
  registrarBuypassId: string;
  registrarPersonId: string;
  transactionId: string;
  paymentMethod: PaymentMethod;
  /** Amount the registrar paid including VAT, in øre, and the VAT. */
  amountPaid: number;
  amountPaidVat: number;
  /** Betalt: Ja. */
  paid: boolean;
  /** Alle betalinger, one line per payment. */
  payments: string[];
  /** Påmeldt dato + kl. as yyyy-mm-ddTHH:MM(:SS), or ''. */
  registeredAt: string;
  deregisteredAt: string;
};

export type Product = { name: string; price: number };
export type Answer = { question: string; answer: string };
export type Message = { sentAt: string; text: string };

export type MediaConsents = {
  photo: Consent;
  video: Consent;
  streaming: Consent;
  liveFeed: Consent;
};

export type License = {
  /** Lisens: J/N, whether the entry counts as licensed. */
  hasLicense: boolean;
  /** Helårslisens: the season license number, or ''. */
  seasonLicense: string;
  /** Engangslisens: a one-day license bought with the entry, or ''. */
  oneDayLicense: string;
  /** License product and purchase time, when the source gives them. */
  product: string;
  purchasedAt: string;
};

export type Participant = {
  /** Stable id derived from the export's identities; see identity.ts. */
  id: string;
  eventId: string;
  personId: string;
  buypassId: string;
  firstName: string;
  lastName: string;
  /** yyyy-mm-dd or ''. */
  birthDate: string;
  gender: Gender;
  country: string;
  countryCode: string;
  email: string;
  mobile: string;
  club: string;
  clubId: string;
  groupId: string;
  region: string;
  regionId: string;
  comment: string;
  license: License;
  registrations: Registration[];
  entries: Entry[];
  products: Product[];
  answers: Answer[];
  messages: Message[];
  consents: MediaConsents;
  /** Markedskommunikasjon: consent to be contacted after the event. */
  updatesConsent: boolean;
  /** deregistered when every entry is deregistered. */
  status: ParticipantStatus;
  /** Bib and chip as the source gives them (Startnummer, Brikkenummer). */
  bib: string;
  chip: string;
  /** Deltakerstatus as the source gives it (Ikke sjekket inn, …). */
  sourceCheckInStatus: string;
  /** Columns the import did not know, by header. */
  extra: Record<string, string>;
  /** Bumped on every change of the registration data. */
  revision: number;
  /** ISO time of the last change of the registration data. */
  updatedAt: string;
};

export const fullName = (p: Pick<Participant, 'firstName' | 'lastName'>) =>
  `${p.firstName} ${p.lastName}`.trim();

const noLicense: License = {
  hasLicense: false,
  seasonLicense: '',
  oneDayLicense: '',
  product: '',
  purchasedAt: '',
};

/** A participant with every optional field empty ('' / 0 / false / []). */
export const blankParticipant = (id: string, eventId: string): Participant => ({
  id,
  eventId,
  personId: '',
  buypassId: '',
  firstName: '',
  lastName: '',
  birthDate: '',
  gender: '',
  country: '',
  countryCode: '',
  email: '',
  mobile: '',
  club: '',
  clubId: '',
  groupId: '',
  region: '',
  regionId: '',
  comment: '',
  license: { ...noLicense },
  registrations: [],
  entries: [],
  products: [],
  answers: [],
  messages: [],
  consents: { photo: '', video: '', streaming: '', liveFeed: '' },
  updatesConsent: false,
  status: 'active',
  bib: '',
  chip: '',
  sourceCheckInStatus: '',
  extra: {},
  revision: 0,
  updatedAt: '',
});
