// A small valid instance of a JSON schema from the OpenAPI document, so a
// test can send every documented route a body its validation accepts and
// reach the handler (where the token is checked) without knowing the route.
// It takes the first alternative of a choice and only the required fields
// (and the first optional ones when the schema needs minProperties).

export type Schema = Record<string, unknown>;

// Candidates for a string with a pattern: ids, UUIDs, dates, times.
const patterned = [
  'x',
  '018f0000-0000-7000-8000-00000000beef',
  '2025-06-14',
  '2025-06-14T10:00:00.000Z',
  '10:00:00',
  '1',
];

const resolve = (schema: Schema, root: Schema): Schema => {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const path = ref.replace(/^#\//, '').split('/');
  let node: unknown = root;
  for (const part of path) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Schema)[part]
        : undefined;
  }
  if (typeof node !== 'object' || node === null) {
    throw new Error(`Unresolved $ref ${ref}`);
  }
  return resolve(node as Schema, root);
};

const stringOf = (schema: Schema): string => {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern);
    const found = patterned.find((text) => pattern.test(text));
    if (found !== undefined) return found;
  }
  return 'x'.repeat(Math.max(1, min));
};

const numberOf = (schema: Schema): number =>
  typeof schema.minimum === 'number' ? Math.max(schema.minimum, 1) : 1;

/** A minimal instance of schema; root holds what `$ref`s point into. */
export const exampleOf = (given: Schema, root: Schema): unknown => {
  const schema = resolve(given, root);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const choice = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(choice)) return exampleOf(choice[0] as Schema, root);
  if (Array.isArray(schema.allOf)) {
    return Object.assign(
      {},
      ...schema.allOf.map((part) => exampleOf(part as Schema, root)),
    );
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      // A body of optional fields that needs some of them takes the first.
      const least =
        typeof schema.minProperties === 'number' ? schema.minProperties : 0;
      const optional = Object.keys(properties).filter(
        (name) => !required.includes(name),
      );
      const names = [
        ...required,
        ...optional.slice(0, Math.max(0, least - required.length)),
      ];
      return Object.fromEntries(
        names.map((name) => [name, exampleOf(properties[name] ?? {}, root)]),
      );
    }
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const items = (schema.items ?? {}) as Schema;
      return Array.from({ length: min }, () => exampleOf(items, root));
    }
    case 'string':
      return stringOf(schema);
    case 'integer':
    case 'number':
      return numberOf(schema);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return {};
  }
};
