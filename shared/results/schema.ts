// The JSON schema of a computed result list (types.ts ResultList), for the
// central service's POST body and the desk's results:write arguments.
// Every array and string is bounded: 50,000 starts fit, nothing unbounded
// does.

export const maxResultStarts = 60_000;
export const maxUnmatchedPassings = 20_000;

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const count = { type: 'integer', minimum: 0, maximum: 86_400_000 } as const;
/** JSON Schema's way (OpenAPI 3.1 too): a count or null. */
const orNull = <T>(schema: T) =>
  ({ anyOf: [schema, { type: 'null' }] }) as const;
const nullableCount = orNull(count);
const station = {
  anyOf: [
    { type: 'integer', minimum: 0, maximum: 1_000_000 },
    { type: 'string', minLength: 1, maxLength: 20 },
  ],
} as const;

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

/** Course controls (setup.ts maxCourseControls) and additional punches. */
export const maxSplits = 300;

const splitTime = closed({
  control: text(20),
  status: { enum: ['ok', 'missing', 'additional'] },
  timeMs: nullableCount,
});

const personResultFields = {
  participantId: { type: 'string', minLength: 1, maxLength: 200 },
  className: text(200),
  bib: text(12),
  chip: text(20),
  name: text(400),
  club: text(200),
  checkedIn: { type: 'boolean' },
  status: { enum: ['ok', 'dns', 'dnf', 'dsq', 'mp', 'active'] },
  place: orNull({ type: 'integer', minimum: 1, maximum: 1_000_000 }),
  start: text(20),
  finish: text(20),
  timeMs: nullableCount,
  behindMs: nullableCount,
  missing: { type: 'array', maxItems: 200, items: text(20) },
  splits: { type: 'array', maxItems: maxSplits, items: splitTime },
  reason: text(500),
};

/** splits is optional: lists written before splits were kept have none. */
export const personResultSchema = closed(
  personResultFields,
  Object.keys(personResultFields).filter((name) => name !== 'splits'),
);

const resultPassing = closed(
  { chip: text(20), bib: text(12), station, time: text(40) },
  ['station', 'time'],
);

export const classResultSchema = closed({
  className: text(200),
  results: {
    type: 'array',
    maxItems: maxResultStarts,
    items: personResultSchema,
  },
});

export const resultListSchema = closed({
  classes: { type: 'array', maxItems: 5_000, items: classResultSchema },
  unmatched: {
    type: 'array',
    maxItems: maxUnmatchedPassings,
    items: closed({
      index: { type: 'integer', minimum: 0 },
      passing: resultPassing,
      reason: {
        enum: ['unknown-chip', 'unknown-bib', 'no-chip-or-bib', 'bad-time'],
      },
    }),
  },
  closed: { type: 'boolean' },
});

const identity = closed({
  personId: text(20),
  firstName: text(200),
  lastName: text(200),
  birthDate: text(10),
  gender: { enum: ['female', 'male', ''] },
  country: text(100),
  countryCode: text(3),
  club: text(200),
  clubId: text(40),
  registrationIds: {
    type: 'object',
    maxProperties: 50,
    additionalProperties: text(100),
  },
  dates: { type: 'object', maxProperties: 50, additionalProperties: text(10) },
});

/** formats/resultList.ts ResultIdentity by participant id. */
export const identitiesSchema = {
  type: 'object',
  maxProperties: maxResultStarts,
  additionalProperties: identity,
} as const;

export const finishersSchema = {
  type: 'array',
  maxItems: 100,
  items: personResultSchema,
} as const;
