// Bodies are checked strictly: no type coercion, no silently removed
// properties, so a desk's bug shows as a clear 400 instead of a quiet
// change. Path and query text is coerced (a checkpoint arrives as text).

import { Ajv } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';

const strict = new Ajv({
  allErrors: false,
  coerceTypes: false,
  discriminator: true,
  useDefaults: false,
});
const coercing = new Ajv({
  allErrors: false,
  coerceTypes: true,
  useDefaults: true,
});

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({
  schema,
  httpPart,
}) => (httpPart === 'body' ? strict : coercing).compile(schema as object);
