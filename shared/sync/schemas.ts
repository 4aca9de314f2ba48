// JSON schemas of every request body in the sync contract. Ajv checks them
// on the central service; a desk may check its own output with them. Arrays
// and strings are bounded so that no body can make the server work without
// limit.

import { maxPushOperations } from './types';

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const id = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  pattern: '^\\S+$',
} as const;
const uuid = {
  type: 'string',
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
} as const;
const ore = { type: 'integer', minimum: 0, maximum: 100_000_000 } as const;
const gender = { enum: ['female', 'male', ''] } as const;
const paymentMethod = {
  enum: ['vipps', 'card', 'invoice', 'cash', ''],
} as const;
const status = { enum: ['active', 'deregistered'] } as const;
const consent = { enum: ['yes', 'no', ''] } as const;

const closed = (
  properties: Record<string, unknown>,
  required: string[] = Object.keys(properties),
) =>
  ({
    type: 'object',
    additionalProperties: false,
    required,
    properties,
  }) as const;

const lateEntry = closed({
  firstName: text(200),
  lastName: text(200),
  birthDate: text(10),
  gender,
  club: text(200),
  className: text(200),
  paymentMethod,
  amount: ore,
});

const station = {
  anyOf: [
    { type: 'integer', minimum: 0, maximum: 1_000_000 },
    { type: 'string', minLength: 1, maxLength: 20 },
  ],
} as const;
const seconds = { type: 'number', minimum: 0, maximum: 86_399 } as const;

/** A decoded passing (shared/timing/passing.ts); `extra` is per protocol. */
const passing = closed(
  {
    kind: { const: 'passing' },
    protocol: { enum: ['sportident', 'emit-250', 'emit-mtr4', 'alge-timy'] },
    offset: { type: 'integer', minimum: 0 },
    chip: text(20),
    bib: text(12),
    station,
    time: text(40),
    extra: { type: 'object', maxProperties: 50 },
  },
  ['kind', 'protocol', 'offset', 'station', 'time', 'extra'],
);

/** What a class setup changes (shared/results/types.ts ClassSetup). */
const classSetup = closed(
  {
    start: {
      type: 'object',
      required: ['mode'],
      discriminator: { propertyName: 'mode' },
      oneOf: [
        closed({ mode: { const: 'mass' }, startTime: text(20) }),
        closed({
          mode: { const: 'interval' },
          firstStart: text(20),
          intervalSeconds: { type: 'number', minimum: 0, maximum: 3600 },
        }),
        closed({ mode: { const: 'start-list' } }),
        closed({ mode: { const: 'punch' }, station, opensAt: text(20) }, [
          'mode',
          'station',
        ]),
      ],
    },
    finishStation: station,
    requiredControls: { type: 'array', maxItems: 200, items: station },
    controlOrder: { enum: ['in-order', 'any-order'] },
    precision: { enum: ['ms', 'hundredths', 'tenths', 'seconds'] },
    rounding: { enum: ['down', 'up'] },
    minSeconds: seconds,
    maxSeconds: seconds,
  },
  [],
);

const payloads = {
  'check-in': closed({}),
  'check-in-undo': closed({}),
  'bib-assign': closed({
    bib: text(12),
    previousBib: text(12),
    source: { enum: ['range', 'lease', 'typed'] },
  }),
  'late-entry': closed({ entry: lateEntry }),
  payment: closed({
    method: paymentMethod,
    amount: { type: 'integer', minimum: 1, maximum: 100_000_000 },
  }),
  'class-range-set': closed({
    className: { type: 'string', minLength: 1, maxLength: 200 },
    first: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    last: { type: 'integer', minimum: 1, maximum: 1_000_000 },
  }),
  'chip-assign': closed({
    chip: text(12),
    previousChip: text(12),
    rental: { type: 'boolean' },
  }),
  passing: closed({
    device: { type: 'string', minLength: 1, maxLength: 100 },
    session: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    key: { type: 'string', minLength: 1, maxLength: 500 },
    source: { enum: ['live', 'memory', 'readout'] },
    passing,
  }),
  'race-setup-set': closed({ className: text(200), setup: classSetup }),
  'result-status-set': closed({
    className: text(200),
    status: { enum: ['dns', 'dnf', 'dsq', 'ok', ''] },
    reason: text(500),
  }),
} as const;

/**
 * One operation: the envelope plus the payload its type names. The
 * discriminator makes Ajv report the error of the named type only.
 */
export const operationSchema = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: Object.entries(payloads).map(([type, payload]) =>
    closed({
      id: uuid,
      eventId: id,
      deskId: id,
      seq: { type: 'integer', minimum: 1, maximum: 1_000_000_000 },
      createdAt: text(40),
      operator: text(200),
      participantId: { type: 'string', maxLength: 200 },
      type: { const: type },
      payload,
    }),
  ),
} as const;

export const pushRequestSchema = closed({
  operations: {
    type: 'array',
    minItems: 1,
    maxItems: maxPushOperations,
    items: operationSchema,
  },
});

const strings = (maxItems: number, maxLength: number) =>
  ({ type: 'array', maxItems, items: text(maxLength) }) as const;

const registration = closed({
  registrationId: text(200),
  type: { enum: ['self', 'family', 'organization', ''] },
  statusText: text(100),
  status,
  registrarName: text(200),
  registrarEmail: text(200),
  registrarBuypassId: text(40),
  registrarPersonId: text(40),
  transactionId: text(100),
  paymentMethod,
  amountPaid: ore,
  amountPaidVat: ore,
  paid: { type: 'boolean' },
  payments: strings(50, 500),
  registeredAt: text(40),
  deregisteredAt: text(40),
});

const entry = closed({
  registrationId: text(200),
  className: text(200),
  exercise: text(200),
  sport: text(200),
  date: text(10),
  time: text(8),
  fee: ore,
  feeVat: ore,
  status,
  sourceRow: { type: 'integer', minimum: 0 },
});

const pairs = (a: string, b: string, maxItems: number) =>
  ({
    type: 'array',
    maxItems,
    items: closed({ [a]: text(2000), [b]: text(2000) }),
  }) as const;

/** A participant document as DOMAIN.md lists its fields. */
export const participantSchema = closed({
  id,
  eventId: id,
  personId: text(40),
  buypassId: text(40),
  firstName: text(200),
  lastName: text(200),
  birthDate: text(10),
  gender,
  country: text(100),
  countryCode: text(3),
  email: text(200),
  mobile: text(40),
  club: text(200),
  clubId: text(40),
  groupId: text(40),
  region: text(200),
  regionId: text(40),
  comment: text(2000),
  license: closed({
    hasLicense: { type: 'boolean' },
    seasonLicense: text(100),
    oneDayLicense: text(100),
    product: text(200),
    purchasedAt: text(40),
  }),
  registrations: { type: 'array', maxItems: 50, items: registration },
  entries: { type: 'array', minItems: 1, maxItems: 50, items: entry },
  products: {
    type: 'array',
    maxItems: 50,
    items: closed({ name: text(200), price: ore }),
  },
  answers: pairs('question', 'answer', 100),
  messages: pairs('sentAt', 'text', 100),
  consents: closed({
    photo: consent,
    video: consent,
    streaming: consent,
    liveFeed: consent,
  }),
  updatesConsent: { type: 'boolean' },
  status,
  bib: text(12),
  chip: text(40),
  sourceCheckInStatus: text(100),
  extra: {
    type: 'object',
    maxProperties: 50,
    additionalProperties: text(2000),
  },
  revision: { type: 'integer', minimum: 0 },
  updatedAt: text(40),
});

export const maxUpsertParticipants = 1000;

export const participantUpsertSchema = closed({
  participants: {
    type: 'array',
    minItems: 1,
    maxItems: maxUpsertParticipants,
    items: participantSchema,
  },
});

export const loginRequestSchema = closed({
  login: { type: 'string', minLength: 1, maxLength: 200 },
  password: { type: 'string', minLength: 1, maxLength: 200 },
});

export const eventCreateSchema = closed(
  {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    type: {
      enum: [
        'event',
        'sanctioned-event',
        'course',
        'meeting',
        'series',
        'license-sale',
      ],
    },
    date: { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' },
  },
  ['name', 'type', 'date'],
);

// A desk that worked offline registers under the id its operations carry,
// so that everything it did can be pushed; without one the server makes one.
export const deskCreateSchema = closed(
  { name: { type: 'string', minLength: 1, maxLength: 100 }, deskId: uuid },
  ['name'],
);

export const leaseRequestSchema = closed({
  deskId: id,
  className: text(200),
  count: { type: 'integer', minimum: 1, maximum: 10_000 },
});
