import type {
  DecoderOutput,
  DeviceMessage,
  Passing,
  TimingDecoder,
} from '../passing';

/** Test helper: '02 d3 0d' -> bytes. */
export const bytesOf = (text: string): Uint8Array =>
  Uint8Array.from(
    text
      .trim()
      .split(/\s+/)
      .filter((part) => part !== '')
      .map((part) => Number.parseInt(part, 16)),
  );

export const concatBytes = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** Feeds bytes (in one go) and drains the decoder. */
export const decodeAll = (
  decoder: TimingDecoder,
  bytes: Uint8Array,
  nowMs?: number,
): DecoderOutput[] => [
  ...decoder.push(bytes, nowMs),
  ...decoder.flush(Number.POSITIVE_INFINITY),
];

export const passingsOf = (outputs: DecoderOutput[]): Passing[] =>
  outputs.filter((output): output is Passing => output.kind === 'passing');

/** A passing without where it was found, to compare across streams. */
export const identityOf = (passing: Passing): string =>
  JSON.stringify([
    passing.protocol,
    passing.chip ?? null,
    passing.bib ?? null,
    passing.station,
    passing.time,
    passing.extra,
  ]);

export const messagesOf = (outputs: DecoderOutput[], type: string) =>
  outputs.filter(
    (output): output is DeviceMessage =>
      output.kind === 'message' && output.type === type,
  );
