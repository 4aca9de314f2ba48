// `racedesk device decode --protocol P FILE`: decodes a raw serial capture
// into one JSON object per line, the way the desk's serial reader would.

import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDecoder, isTimingProtocol } from '../shared/timing/decoders';
import {
  type DecoderOutput,
  type JsonObject,
  timingProtocols,
} from '../shared/timing/passing';
import { readoutPassings } from '../shared/timing/readout';
import { simulatedStream } from '../shared/timing/simulate';
import { type Command, exitCodes } from './command';
import { runSimulate, simulateUsage } from './deviceSimulate';

export type DeviceIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

const usage = [
  `racedesk device decode --protocol ${timingProtocols.join('|')} [--messages] FILE`,
  'racedesk device bench [--passings N]',
  simulateUsage,
].join('\n       ');

/** Fields in the order people read them: who, where, when, then the rest. */
const lineOf = (output: DecoderOutput): string | undefined => {
  if (output.kind === 'bad-frame') return undefined;
  if (output.kind === 'passing') {
    const who = output.chip !== undefined ? { chip: output.chip } : {};
    const bib = output.bib !== undefined ? { bib: output.bib } : {};
    return JSON.stringify({
      protocol: output.protocol,
      ...who,
      ...bib,
      station: output.station,
      time: output.time,
      ...output.extra,
      offset: output.offset,
    });
  }
  const { chip, bib, station, time, ...rest }: JsonObject = output.data;
  const known = Object.fromEntries(
    Object.entries({ chip, bib, station, time }).filter(
      ([, value]) => value !== undefined,
    ),
  );
  return JSON.stringify({
    protocol: output.protocol,
    ...known,
    message: output.type,
    ...rest,
    offset: output.offset,
  });
};

type Report = {
  /** Print device messages (status, memory blocks, readouts) too. */
  messages: boolean;
  /** Messages left out, for the closing note on stderr. */
  skipped: number;
};

/**
 * Stdout carries passings only, one JSON object each, in stream order:
 * what the device sent as one, and the punches of a card read out
 * (`readout: true`, station = the control code). Bad frames go to stderr;
 * other messages only with --messages.
 */
const report = (outputs: DecoderOutput[], io: DeviceIo, options: Report) => {
  const lines: string[] = [];
  for (const output of outputs) {
    if (output.kind === 'bad-frame') {
      io.stderr(
        `bad frame at byte ${output.offset} (${output.length} bytes): ${output.reason}\n`,
      );
      continue;
    }
    if (output.kind === 'passing' || options.messages) {
      const line = lineOf(output);
      if (line !== undefined) lines.push(line);
    } else {
      options.skipped += 1;
    }
    // A capture has no arrival times: an Emit 250 card (whose times count
    // from its start) has no time of day to give its punches.
    for (const punch of readoutPassings(output)) {
      const line = lineOf(punch);
      if (line !== undefined) lines.push(line);
    }
  }
  if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
};

/** The options of `device decode`, or what is wrong with them. */
const parseDecodeArgs = (args: string[]) => {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: {
        protocol: { type: 'string' },
        messages: { type: 'boolean' },
      },
      allowPositionals: true,
    });
    return {
      protocol: values.protocol ?? '',
      messages: values.messages === true,
      positionals,
    };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

/**
 * Decoder throughput on simulated streams, fed in 4 KiB reads the way a
 * serial port delivers a backlog. Readouts count for the Emit 250.
 */
const bench = (args: string[], io: DeviceIo) => {
  const count = Number(args[args.indexOf('--passings') + 1] ?? '');
  const passings = args.includes('--passings') ? count : 100_000;
  if (!Number.isInteger(passings) || passings < 1) {
    io.stderr(`Usage: ${usage}\n`);
    return exitCodes.unusable;
  }
  for (const protocol of timingProtocols) {
    const frames = simulatedStream(protocol, passings);
    const stream = Buffer.concat(frames);
    const decoder = createDecoder(protocol);
    let decoded = 0;
    const started = performance.now();
    for (let at = 0; at < stream.length; at += 4096) {
      for (const output of decoder.push(stream.subarray(at, at + 4096))) {
        if (output.kind === 'passing') decoded += 1;
        if (output.kind === 'message' && output.type === 'ecard-readout') {
          decoded += 1;
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(decoded / seconds);
    const megabytes = (stream.length / 1e6 / seconds).toFixed(1);
    io.stdout(
      `${protocol.padEnd(11)} ${decoded} decoded in ${seconds.toFixed(3)} s: ` +
        `${rate} passings/s, ${megabytes} MB/s\n`,
    );
  }
  return exitCodes.ok;
};

/** Runs `device <subcommand> ...`; resolves to the exit code. */
export const runDevice = async (
  argv: string[],
  io: DeviceIo,
): Promise<number> => {
  const [subcommand, ...rest] = argv;
  if (subcommand === 'bench') return bench(rest, io);
  if (subcommand === 'simulate') return runSimulate(rest, io);
  if (subcommand !== 'decode') {
    io.stderr(`Usage: ${usage}\n`);
    return exitCodes.unusable;
  }
  const parsed = parseDecodeArgs(rest);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\nUsage: ${usage}\n`);
    return exitCodes.unusable;
  }
  const { protocol, positionals, messages } = parsed;
  const options: Report = { messages, skipped: 0 };
  const [file, ...extraFiles] = positionals;
  if (!isTimingProtocol(protocol) || file === undefined || extraFiles.length) {
    const why = isTimingProtocol(protocol)
      ? 'Give exactly one capture file.'
      : `Unknown protocol '${protocol}'.`;
    io.stderr(`${why}\nUsage: ${usage}\n`);
    return exitCodes.unusable;
  }

  // A capture has no arrival times: frames are decoded as one stream, and
  // an Emit 250 package yields its readout but no time-of-day passing.
  const decoder = createDecoder(protocol);
  try {
    for await (const chunk of createReadStream(file)) {
      if (chunk instanceof Uint8Array) report(decoder.push(chunk), io, options);
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`Cannot read ${file}: ${detail}\n`);
    return exitCodes.unusable;
  }
  report(decoder.flush(Number.POSITIVE_INFINITY), io, options);
  if (options.skipped > 0) {
    io.stderr(
      `${options.skipped} device messages (status, memory blocks, card ` +
        'readouts) not printed; --messages prints them\n',
    );
  }
  return exitCodes.ok;
};

export const deviceCommand: Command = {
  name: 'device',
  summary:
    'Decode raw timing-device captures, simulate devices, measure decoders',
  usage,
  run: (args, io) => runDevice(args, { stdout: io.out, stderr: io.err }),
};
