// Checks XML against the IOF XML 3.0 schema with xmllint (Debian package
// libxml2-utils), the check the issue asks of every exported list. Used by
// tests and e2e; the schema is kept in the repository (iof-xml-3.0/).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail, ok, type Result } from '../../shared/contract/result';

export const iofSchemaPath = resolve(
  import.meta.dirname,
  'iof-xml-3.0/IOF.xsd',
);

/**
 * Why schema checks cannot run here, or '' when they can. In CI (CI set)
 * a missing xmllint or schema throws instead: there the checks must run,
 * never skip.
 */
export const schemaCheckUnavailable = (): string => {
  const reason = spawnSync('xmllint', ['--version']).error
    ? 'xmllint is not installed (Debian package libxml2-utils)'
    : existsSync(iofSchemaPath)
      ? ''
      : `no IOF schema at ${iofSchemaPath}`;
  if (reason !== '' && process.env.CI) {
    throw new Error(`IOF schema checks must run in CI: ${reason}`);
  }
  return reason;
};

/** ok when xmllint finds the document valid; else its messages. */
export const validateIofXml = (xml: string): Promise<Result<true>> =>
  new Promise((done) => {
    const child = spawn('xmllint', [
      '--noout',
      '--nonet',
      '--schema',
      iofSchemaPath,
      '-',
    ]);
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', (error) => done(fail('xmllint-failed', error.message)));
    child.on('close', (code) =>
      done(
        code === 0
          ? ok(true)
          : fail('invalid-iof-xml', output.trim(), { exitCode: code }),
      ),
    );
    child.stdin.end(xml);
  });
