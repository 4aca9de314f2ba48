import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSocatPair,
  type SocatPair,
} from '../main/serial/testing/socatPair';
import { createDecoder } from '../shared/timing/decoders';
import {
  mtrSetClock,
  mtrSpoolFrom,
  mtrStatus,
} from '../shared/timing/emit/mtr4';
import type { DecoderOutput, TimingProtocol } from '../shared/timing/passing';
import {
  readBackupMemory,
  readSi5,
  readSi6,
  readSi8Plus,
  setStationTime,
} from '../shared/timing/sportident/commands';
import { parseSimulateArgs, runSimulate } from './deviceSimulate';

let dir = '';
let pair: SocatPair | undefined;
let host: SerialPort | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'simulate-'));
  pair = createSocatPair(dir);
  await pair.plugIn();
});

afterEach(async () => {
  const open = host;
  host = undefined;
  if (open?.isOpen) await new Promise((resolve) => open.close(resolve));
  await pair?.pullCable();
  await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The desk's end of the line, decoding everything that arrives. */
const openHost = async (path: string, protocol: TimingProtocol) => {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) =>
    port.open((error) => (error ? reject(error) : resolve())),
  );
  host = port;
  const decoder = createDecoder(protocol);
  const outputs: DecoderOutput[] = [];
  port.on('data', (bytes: Buffer) => {
    outputs.push(...decoder.push(bytes, Date.now()));
  });
  return { port, outputs };
};

const simulate = (args: string[]) => {
  let stdout = '';
  let stderr = '';
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const done = runSimulate(
    args,
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    },
    stopped,
  );
  return { done, stop, output: () => ({ stdout, stderr }) };
};

const waitFor = async (check: () => boolean, timeoutMs = 5000) => {
  const until = Date.now() + timeoutMs;
  while (!check() && Date.now() < until) await sleep(20);
  return check();
};

describe('racedesk device simulate', () => {
  it('rejects an unknown protocol, a missing port and unknown faults', () => {
    expect(parseSimulateArgs(['--protocol', 'tag-heuer', '--port', 'x'])).toBe(
      "Unknown protocol 'tag-heuer'.",
    );
    expect(parseSimulateArgs(['--protocol', 'sportident'])).toBe(
      'Give the serial port with --port.',
    );
    expect(
      parseSimulateArgs([
        '--protocol',
        'sportident',
        '--port',
        'x',
        '--faults',
        'noise,lightning',
      ]),
    ).toBe("Unknown fault 'lightning'.");
    expect(
      parseSimulateArgs([
        '--protocol',
        'emit-mtr4',
        '--port',
        'x',
        '--rate',
        '0',
      ]),
    ).toBe("--rate must be a positive number, not '0'.");
  });

  it('plays SportIdent punches and answers a backup memory read', async () => {
    if (!pair) throw new Error('no pty pair');
    const { outputs, port } = await openHost(pair.host, 'sportident');
    const run = simulate([
      '--protocol',
      'sportident',
      '--port',
      pair.device,
      '--passings',
      '12',
      '--rate',
      '200',
    ]);
    const passings = () => outputs.filter((o) => o.kind === 'passing');
    expect(await waitFor(() => passings().length === 12)).toBe(true);
    port.write(Buffer.from(readBackupMemory(0, 128)));
    const block = () =>
      outputs.find((o) => o.kind === 'message' && o.type === 'si-backup-block');
    expect(await waitFor(() => block() !== undefined)).toBe(true);
    expect(block()).toMatchObject({ data: { address: 0, punches: 12 } });
    // The same punches, read back from memory.
    const live = passings().slice(0, 12);
    const stored = passings().slice(12);
    expect(stored.map((p) => p.kind === 'passing' && p.chip)).toEqual(
      live.map((p) => p.kind === 'passing' && p.chip),
    );
    run.stop();
    expect(await run.done).toBe(0);
    expect(run.output().stdout).toContain('all 12 passings recorded');
  });

  it('sets the SportIdent station clock when told, answers with it and punches by it', async () => {
    if (!pair) throw new Error('no pty pair');
    const { outputs, port } = await openHost(pair.host, 'sportident');
    const run = simulate([
      '--protocol',
      'sportident',
      '--port',
      pair.device,
      '--passings',
      '1',
      '--rate',
      '200',
    ]);
    const passings = () => outputs.filter((o) => o.kind === 'passing');
    expect(await waitFor(() => passings().length === 1)).toBe(true);
    port.write(
      Buffer.from(
        setStationTime({
          year: 2026,
          month: 6,
          day: 20,
          dayOfWeek: 6,
          secondsOfDay: 15 * 3600,
          milliseconds: 0,
        }),
      ),
    );
    const answer = () =>
      outputs.find((o) => o.kind === 'message' && o.type === 'si-station-time');
    expect(await waitFor(() => answer() !== undefined)).toBe(true);
    expect(answer()).toMatchObject({
      data: { date: '2026-06-20', time: '15:00:00.000' },
    });
    expect(run.output().stdout).toContain('clock set to 2026-6-20 15:00:00');
    run.stop();
    expect(await run.done).toBe(0);
  });

  it('sets the MTR4 clock when told, and its status shows it', async () => {
    if (!pair) throw new Error('no pty pair');
    const { outputs, port } = await openHost(pair.host, 'emit-mtr4');
    const run = simulate([
      '--protocol',
      'emit-mtr4',
      '--port',
      pair.device,
      '--passings',
      '1',
      '--baud',
      '460800',
    ]);
    expect(await waitFor(() => outputs.some((o) => o.kind === 'passing'))).toBe(
      true,
    );
    port.write(
      Buffer.from(
        mtrSetClock({ year: 2026, month: 6, day: 20, secondsOfDay: 54_245 }),
      ),
    );
    port.write(Buffer.from(mtrStatus()));
    const status = () =>
      outputs.find((o) => o.kind === 'message' && o.type === 'mtr-status');
    expect(await waitFor(() => status() !== undefined)).toBe(true);
    expect(status()).toMatchObject({
      data: { date: '2026-06-20', time: '15:04:05.000' },
    });
    run.stop();
    expect(await run.done).toBe(0);
  });

  it('answers an MTR4 status request and spools from a package number', async () => {
    if (!pair) throw new Error('no pty pair');
    const { outputs, port } = await openHost(pair.host, 'emit-mtr4');
    const run = simulate([
      '--protocol',
      'emit-mtr4',
      '--port',
      pair.device,
      '--passings',
      '6',
      '--rate',
      '100',
      '--baud',
      '460800',
    ]);
    const passings = () => outputs.filter((o) => o.kind === 'passing');
    expect(await waitFor(() => passings().length === 6)).toBe(true);
    port.write(Buffer.from(mtrStatus()));
    port.write(Buffer.from(mtrSpoolFrom(4)));
    expect(await waitFor(() => passings().length === 9)).toBe(true);
    const status = outputs.find(
      (o) => o.kind === 'message' && o.type === 'mtr-status',
    );
    expect(status).toMatchObject({
      data: { recentPackage: 6, currentSessionStart: 1 },
    });
    expect(
      passings()
        .slice(6)
        .map((p) => p.kind === 'passing' && p.extra.packageNumber),
    ).toEqual([4, 5, 6]);
    run.stop();
    expect(await run.done).toBe(0);
  });

  it('refuses --readout for another protocol, with --faults or --passings, and --cards without it', () => {
    const base = ['--port', 'x'];
    expect(
      parseSimulateArgs([...base, '--protocol', 'emit-mtr4', '--readout']),
    ).toBe('--readout is for --protocol sportident (a readout station).');
    expect(
      parseSimulateArgs([
        ...base,
        '--protocol',
        'sportident',
        '--readout',
        '--faults',
        'noise',
      ]),
    ).toBe('--readout takes --cards, not --passings or --faults.');
    expect(
      parseSimulateArgs([...base, '--protocol', 'sportident', '--cards', '3']),
    ).toBe('--cards needs --readout.');
    expect(
      parseSimulateArgs([
        ...base,
        '--protocol',
        'sportident',
        '--readout',
        '--cards',
        '2.5',
      ]),
    ).toBe('--cards must be whole.');
    expect(
      parseSimulateArgs([...base, '--protocol', 'sportident', '--readout']),
    ).toMatchObject({ readout: true, passings: 20, rate: 0.5 });
  });

  it('plays a SportIdent readout station: cards of each family put on it, read out when asked', async () => {
    if (!pair) throw new Error('no pty pair');
    const { outputs, port } = await openHost(pair.host, 'sportident');
    // A readout desk: read each card as it is reported, then ACK.
    let handled = 0;
    const desk = setInterval(() => {
      for (; handled < outputs.length; handled++) {
        const output = outputs[handled];
        if (output?.kind !== 'message') continue;
        if (output.type === 'si-card-inserted') {
          const type = output.data.cardType;
          port.write(
            Buffer.from(
              type === 'SI5'
                ? readSi5()
                : type === 'SI6'
                  ? readSi6(8)
                  : readSi8Plus(8),
            ),
          );
        }
        if (output.type === 'si-card-readout') {
          port.write(Buffer.from([0x06]));
        }
      }
    }, 10);
    const run = simulate([
      '--protocol',
      'sportident',
      '--readout',
      '--port',
      pair.device,
      '--cards',
      '7',
      '--rate',
      '4',
    ]);
    try {
      const readouts = () =>
        outputs.flatMap((o) =>
          o.kind === 'message' && o.type === 'si-card-readout' ? [o.data] : [],
        );
      expect(
        await waitFor(
          () => run.output().stdout.includes('all 7 cards put on'),
          10_000,
        ),
      ).toBe(true);
      expect(readouts().map((r) => r.cardType)).toEqual([
        'SI5',
        'SI6',
        'SI8',
        'SI9',
        'SI10+',
        'SI10+',
        'SI10+',
      ]);
      for (const readout of readouts()) {
        expect(
          Array.isArray(readout.punches) && readout.punches.length,
        ).toBeGreaterThan(4);
      }
      // The station says which card it put on, and the host read them all.
      const { stdout } = run.output();
      for (const readout of readouts()) {
        expect(stdout).toContain(`card ${readout.chip} (`);
      }
      expect(stdout).toContain('(7 read out by the host, 7 acknowledged)');
      // Each card but the last was taken off before the next.
      expect(
        outputs.filter(
          (o) => o.kind === 'message' && o.type === 'si-card-removed',
        ),
      ).toHaveLength(6);
    } finally {
      clearInterval(desk);
      run.stop();
    }
    expect(await run.done).toBe(0);
  });

  it('damages frames when asked, and the decoder reports them', async () => {
    if (!pair) throw new Error('no pty pair');
    const { outputs } = await openHost(pair.host, 'alge-timy');
    const run = simulate([
      '--protocol',
      'alge-timy',
      '--port',
      pair.device,
      '--passings',
      '200',
      '--rate',
      '1000',
      '--baud',
      '115200',
      '--faults',
      'noise,partial',
    ]);
    expect(
      await waitFor(() => run.output().stdout.includes('all 200 passings')),
    ).toBe(true);
    await sleep(200);
    const bad = outputs.filter((o) => o.kind === 'bad-frame');
    const passings = outputs.filter((o) => o.kind === 'passing');
    expect(bad.length).toBeGreaterThan(0);
    expect(passings.length).toBeLessThan(200);
    expect(passings.length).toBeGreaterThan(150);
    run.stop();
    await run.done;
  });
});
