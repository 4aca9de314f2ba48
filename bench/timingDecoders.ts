// Issue #4: each timing decoder's throughput on a simulated stream fed in
// 4 KiB reads (the way a serial port hands over a backlog), beside the
// physical limit of its serial line: the time the line needs to carry the
// same bytes at the device's baud rate and framing. A ratio under 1 means
// the decoder outruns the line, so it can never be the bottleneck.
//
// Standalone: npx tsx bench/timingDecoders.ts [--passings N]

import { bitsPerByte } from '../main/serial/lineSettings';
import { createDecoder, serialSettings } from '../shared/timing/decoders';
import {
  type DecoderOutput,
  type TimingProtocol,
  timingProtocols,
} from '../shared/timing/passing';
import { simulatedStream } from '../shared/timing/simulate';
import type { Figure } from './report';

const readBytes = 4096;
/** Timed passes per protocol; the median is reported. */
const passes = 3;

/** An Emit 250 stream has no arrival times: its packages count as reads. */
const counts = (output: DecoderOutput) =>
  output.kind === 'passing' ||
  (output.kind === 'message' && output.type === 'ecard-readout');

const decodeAll = (protocol: TimingProtocol, stream: Uint8Array) => {
  const decoder = createDecoder(protocol);
  let decoded = 0;
  const started = performance.now();
  for (let at = 0; at < stream.length; at += readBytes) {
    for (const output of decoder.push(stream.subarray(at, at + readBytes))) {
      if (counts(output)) decoded += 1;
    }
  }
  for (const output of decoder.flush(Number.POSITIVE_INFINITY)) {
    if (counts(output)) decoded += 1;
  }
  return { decoded, ms: performance.now() - started };
};

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export type DecoderThroughput = {
  protocol: TimingProtocol;
  passings: number;
  bytes: number;
  bytesPerPassing: number;
  baudRate: number;
  bitsPerByte: number;
  decodeMs: number;
  lineMs: number;
  passingsPerSecond: number;
  linePassingsPerSecond: number;
};

const measure = (
  protocol: TimingProtocol,
  passings: number,
): DecoderThroughput => {
  const stream = Buffer.concat(simulatedStream(protocol, passings));
  // A short warm-up so V8 has compiled the decoder before it is timed.
  decodeAll(protocol, stream.subarray(0, Math.min(stream.length, 256_000)));
  const runs = Array.from({ length: passes }, () =>
    decodeAll(protocol, stream),
  );
  const lost = runs.find((run) => run.decoded !== passings);
  if (lost) {
    throw new Error(
      `${protocol}: decoded ${lost.decoded} of ${passings} passings`,
    );
  }
  const decodeMs = median(runs.map((run) => run.ms));
  const { baudRate } = serialSettings[protocol];
  const bits = bitsPerByte(protocol);
  const bytesPerSecond = baudRate / bits;
  const lineMs = (stream.length / bytesPerSecond) * 1000;
  const bytesPerPassing = stream.length / passings;
  return {
    protocol,
    passings,
    bytes: stream.length,
    bytesPerPassing,
    baudRate,
    bitsPerByte: bits,
    decodeMs,
    lineMs,
    passingsPerSecond: passings / (decodeMs / 1000),
    linePassingsPerSecond: bytesPerSecond / bytesPerPassing,
  };
};

const lineOf = (t: DecoderThroughput) =>
  `${t.protocol.padEnd(10)} ${Math.round(t.passingsPerSecond)} passings/s ` +
  `decoded vs ${t.linePassingsPerSecond.toFixed(1)} passings/s on the line ` +
  `(${t.baudRate} baud, ${t.bitsPerByte} bits a byte, ` +
  `${t.bytesPerPassing.toFixed(0)} bytes a passing)`;

export const runTimingDecoderBenchmarks = (
  passings = 20_000,
): { figures: Figure[]; lines: string[]; details: DecoderThroughput[] } => {
  const details = timingProtocols.map((protocol) =>
    measure(protocol, passings),
  );
  const figures = details.map(
    (t): Figure => ({
      // The table's ratio rounds to 0.0x: the name says how many times over.
      name:
        `decode ${t.protocol}: ${t.passings} passings, ` +
        `${Math.round(t.lineMs / t.decodeMs)}x the line (floor: line time)`,
      ms: t.decodeMs,
      floorMs: t.lineMs,
      goal: { maxRatio: 1 },
    }),
  );
  return { figures, lines: details.map(lineOf), details };
};

const standalone = process.argv[1]?.endsWith('timingDecoders.ts') ?? false;
if (standalone) {
  const index = process.argv.indexOf('--passings');
  const passings = index === -1 ? 20_000 : Number(process.argv[index + 1]);
  if (!Number.isInteger(passings) || passings < 1) {
    throw new Error('--passings wants a whole number >= 1');
  }
  const { printTable } = await import('./report');
  const result = runTimingDecoderBenchmarks(passings);
  for (const line of result.lines) console.log(line);
  console.log('');
  printTable(result.figures, []);
}
