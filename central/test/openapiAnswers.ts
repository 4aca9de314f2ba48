// Checks real answers of the service against the response schemas of
// central/openapi.json. The document's object schemas leave undocumented
// properties open; here every object schema that lists its properties is
// closed (additionalProperties: false), so an answer with a field the
// document does not name fails as well as one missing a required field.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

type Schema = Record<string, unknown>;
type Responses = Record<
  string,
  { content?: Record<string, { schema?: Schema }> }
>;

export type OpenApiDocument = Schema & {
  paths: Record<string, Record<string, { responses?: Responses }>>;
  components: { schemas: Record<string, Schema> };
};

export const openapiDocument = (): OpenApiDocument =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'openapi.json'), 'utf8'),
  );

/** A copy of schema with every object that lists properties closed. */
export const closedSchema = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(closedSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    // Property names and enum/const values are data, not schemas.
    copy[key] =
      key === 'enum' || key === 'const' || key === 'required'
        ? value
        : key === 'properties'
          ? Object.fromEntries(
              Object.entries(value as Schema).map(([name, sub]) => [
                name,
                closedSchema(sub),
              ]),
            )
          : closedSchema(value);
  }
  if (
    typeof copy.properties === 'object' &&
    !('additionalProperties' in copy) &&
    !('unevaluatedProperties' in copy)
  ) {
    copy.additionalProperties = false;
  }
  return copy;
};

export type Answer = { status: number; body: unknown };

/** The documented path a concrete one (query and all) is an instance of. */
export const documentedPath = (
  document: OpenApiDocument,
  path: string,
): string | undefined => {
  const bare = path.split('?')[0] ?? '';
  return Object.keys(document.paths).find((template) =>
    new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(bare),
  );
};

export type AnswerChecker = {
  /**
   * The problems of an answer to `method path` (path as documented, with
   * `{eventId}`), empty when it matches the documented schema of its status.
   */
  problems(method: string, path: string, answer: Answer): string[];
  /** Every `METHOD path status` checked so far. */
  checked(): Set<string>;
};

export const answerChecker = (
  document: OpenApiDocument = openapiDocument(),
): AnswerChecker => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(
    closedSchema({ $id: 'openapi', components: document.components }) as Schema,
  );
  const compiled = new Map<string, ValidateFunction>();
  const checked = new Set<string>();

  const validatorOf = (key: string, schema: Schema) => {
    let validate = compiled.get(key);
    if (!validate) {
      // $refs point at #/components/…, which lives in the "openapi" schema.
      const text = JSON.stringify(closedSchema(schema)).replaceAll(
        '"#/components/',
        '"openapi#/components/',
      );
      validate = ajv.compile(JSON.parse(text));
      compiled.set(key, validate);
    }
    return validate;
  };

  return {
    problems(method, path, answer) {
      const key = `${method.toUpperCase()} ${path} ${answer.status}`;
      checked.add(key);
      const operation = document.paths[path]?.[method.toLowerCase()];
      if (!operation) return [`${key}: the route is not documented`];
      const response = operation.responses?.[String(answer.status)];
      if (!response) return [`${key}: the status is not documented`];
      const schema = response.content?.['application/json']?.schema;
      if (!schema) {
        return answer.body === null || answer.body === ''
          ? []
          : [`${key}: a body came, none is documented`];
      }
      const validate = validatorOf(key, schema);
      if (validate(answer.body)) return [];
      return (validate.errors ?? []).map(
        (e) =>
          `${key}: ${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
    },
    checked: () => checked,
  };
};
