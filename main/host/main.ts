// The web host: `tsx main/host/main.ts [--port N] [--data DIR]`. Serves the
// built renderer and the desk contract on 127.0.0.1 so the desk runs in a
// plain browser (development, e2e tests, a machine without Electron).

import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readOrCreateDataKey } from '../../node/keys/dataKeyFile';
import { eventKeyFiles } from '../../node/keys/eventKeyFiles';
import { moduleLogger } from '../../node/log';
import { readSheet } from '../../node/xlsx/readSheet';
import { ok } from '../../shared/contract/result';
import { createDeskHandlers } from '../handlers/deskHandlers';
import { openDeviceService } from '../handlers/deviceService';
import { lockDataDir } from './dataDirLock';
import { startHostServer } from './hostServer';

const log = moduleLogger('host');
const projectRoot = resolve(import.meta.dirname, '../..');

const readVersion = (): string => {
  const text = readFileSync(resolve(projectRoot, 'package.json'), 'utf8');
  const manifest: unknown = JSON.parse(text);
  const version =
    typeof manifest === 'object' && manifest !== null && 'version' in manifest
      ? manifest.version
      : undefined;
  return typeof version === 'string' ? version : '0.0.0';
};

const exitWith = (message: string): never => {
  process.stderr.write(`racedesk host: ${message}\n`);
  process.exit(1);
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5180' },
      data: { type: 'string', default: '.racedesk-data' },
      renderer: { type: 'string', default: 'dist/renderer' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    exitWith(`--port must be a number from 0 to 65535, not ${values.port}`);
  }
  const rendererDir = resolve(values.renderer);
  const built = await stat(resolve(rendererDir, 'index.html')).catch(
    () => null,
  );
  if (built === null) {
    exitWith(`${rendererDir} has no index.html: run npm run build:renderer`);
  }

  const lock = await lockDataDir(resolve(values.data));
  if (!lock.ok) {
    return exitWith(lock.error.message);
  }

  const devices = await openDeviceService({
    dataDir: resolve(values.data),
    logger: moduleLogger('devices'),
  });
  const handlers = createDeskHandlers({
    devices: { service: devices },
    shell: 'web-host',
    version: readVersion(),
    platform: process.platform,
    locale: Intl.DateTimeFormat().resolvedOptions().locale,
    readSheet,
    logger: moduleLogger('desk-handlers'),
    keys: {
      dataKey: async () => {
        const key = await readOrCreateDataKey(resolve(values.data));
        return key.ok
          ? ok({ key: key.value.toString('base64'), storage: 'key-file' })
          : key;
      },
      eventKeys: eventKeyFiles(resolve(values.data), 'key-file'),
    },
    exports: { dataDir: resolve(values.data), logger: moduleLogger('exports') },
    retention: {
      dataDir: resolve(values.data),
      logger: moduleLogger('retention'),
    },
    results: {
      dataDir: resolve(values.data),
      logger: moduleLogger('results'),
      sendToDevice: devices.send,
    },
  });
  const server = await startHostServer({
    rendererDir,
    port,
    handlers,
    logger: log,
  });

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await server.close();
    await devices.close();
    await lock.value.release();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  log.info({ port: server.port, dataDir: values.data }, 'listening');
  // e2e tests and scripts wait for exactly this line.
  process.stdout.write(`racedesk host ready at ${server.url}\n`);
};

main().catch((error: unknown) => {
  log.error({ err: error }, 'host failed to start');
  process.exit(1);
});
