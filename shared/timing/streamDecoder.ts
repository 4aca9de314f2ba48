import type { DecoderOutput, TimingDecoder, TimingProtocol } from './passing';

/** What a protocol sees at one position of the buffered stream. */
export type FrameScan =
  /** A filler byte between frames (wake-up, line ends): skipped quietly. */
  | { type: 'idle' }
  /** Not the start of a frame: skipped and reported as unframed bytes. */
  | { type: 'noise' }
  /** Could be a frame; more bytes are needed to tell. */
  | { type: 'partial' }
  | { type: 'frame'; length: number }
  /**
   * Looked like a frame but is not (bad checksum, missing end byte). The
   * scanner drops `skip` bytes (1 unless the protocol resyncs at a line end)
   * and scans again, so a real frame hidden inside is still found.
   */
  | { type: 'bad'; length: number; reason: string; skip?: number };

export type FrameProtocol = {
  protocol: TimingProtocol;
  /** Longest time one frame takes on the wire, with margin. */
  maxFrameMs: number;
  /** `prev` is the byte before `pos`, or -1 at the start of the stream. */
  scan(buf: Uint8Array, pos: number, end: number, prev: number): FrameScan;
  /** Reads one complete, checked frame. Must not throw (it is guarded). */
  decode(frame: Uint8Array, offset: number, nowMs?: number): DecoderOutput[];
};

type Arrival = { endOffset: number; ms: number };

/**
 * Buffers bytes, finds frames with the protocol's scanner, resynchronises
 * after noise by dropping one byte, and times out partial frames. Shared by
 * every protocol so that each one only says what a frame is.
 */
export const createStreamDecoder = (spec: FrameProtocol): TimingDecoder => {
  let buf = new Uint8Array(1024);
  let start = 0;
  let end = 0;
  /** Stream offset of buf[0]. */
  let base = 0;
  let prev = -1;
  let lastMs = 0;
  let noiseStart = -1;
  let noiseLength = 0;
  /**
   * End of the last bad frame reported: bytes inside it are rescanned (a
   * real frame may hide there) but not reported a second time.
   */
  let coveredUntil = 0;
  let arrivals: Arrival[] = [];

  const append = (bytes: Uint8Array) => {
    if (end + bytes.length > buf.length) {
      const live = end - start;
      const size = Math.max(buf.length, (live + bytes.length) * 2);
      const next = size === buf.length ? buf : new Uint8Array(size);
      next.set(buf.subarray(start, end), 0);
      buf = next;
      base += start;
      end = live;
      start = 0;
    }
    buf.set(bytes, end);
    end += bytes.length;
  };

  const reportNoise = (out: DecoderOutput[]) => {
    if (noiseLength === 0) return;
    out.push({
      kind: 'bad-frame',
      protocol: spec.protocol,
      offset: noiseStart,
      length: noiseLength,
      reason: 'unframed bytes',
    });
    noiseStart = -1;
    noiseLength = 0;
  };

  const consume = (count: number) => {
    prev = buf[start + count - 1] ?? prev;
    start += count;
  };

  const decodeFrame = (length: number, nowMs: number | undefined) => {
    const offset = base + start;
    const frame = buf.slice(start, start + length);
    try {
      return spec.decode(frame, offset, nowMs);
    } catch (error) {
      // A decoder bug must not stop the serial line: report and go on.
      const reason = error instanceof Error ? error.message : String(error);
      return [
        {
          kind: 'bad-frame',
          protocol: spec.protocol,
          offset,
          length,
          reason: `decoder error: ${reason}`,
        } satisfies DecoderOutput,
      ];
    }
  };

  /** Scans until a partial frame or the end; returns false on partial. */
  const scanAll = (out: DecoderOutput[], nowMs: number | undefined) => {
    while (start < end) {
      const result = spec.scan(buf, start, end, prev);
      if (result.type === 'partial') return false;
      if (result.type === 'noise') {
        if (base + start >= coveredUntil) {
          if (noiseLength === 0) noiseStart = base + start;
          noiseLength += 1;
        }
        consume(1);
        continue;
      }
      reportNoise(out);
      if (result.type === 'idle') {
        consume(1);
      } else if (result.type === 'frame') {
        out.push(...decodeFrame(result.length, nowMs));
        consume(result.length);
      } else {
        const offset = base + start;
        if (offset + result.length > coveredUntil) {
          out.push({
            kind: 'bad-frame',
            protocol: spec.protocol,
            offset,
            length: result.length,
            reason: result.reason,
          });
          coveredUntil = offset + result.length;
        }
        consume(Math.max(1, result.skip ?? 1));
      }
    }
    return true;
  };

  const arrivalOf = (offset: number): number => {
    arrivals = arrivals.filter((arrival) => arrival.endOffset > base + start);
    const found = arrivals.find((arrival) => arrival.endOffset > offset);
    return found?.ms ?? lastMs;
  };

  const flush = (nowMs: number): DecoderOutput[] => {
    const out: DecoderOutput[] = [];
    while (start < end && nowMs - arrivalOf(base + start) > spec.maxFrameMs) {
      if (base + end > coveredUntil) {
        reportNoise(out);
        out.push({
          kind: 'bad-frame',
          protocol: spec.protocol,
          offset: base + start,
          length: end - start,
          reason: 'incomplete frame timed out',
        });
        coveredUntil = base + end;
      }
      consume(1);
      scanAll(out, undefined);
    }
    if (start === end) reportNoise(out);
    return out;
  };

  const push = (bytes: Uint8Array, nowMs?: number): DecoderOutput[] => {
    const at = nowMs ?? lastMs;
    const out = start < end ? flush(at) : [];
    lastMs = at;
    if (bytes.length === 0) return out;
    append(bytes);
    arrivals.push({ endOffset: base + end, ms: at });
    scanAll(out, nowMs);
    // Arrival times matter only for bytes still waiting in the buffer.
    if (start === end) arrivals = [];
    return out;
  };

  return { protocol: spec.protocol, push, flush };
};
