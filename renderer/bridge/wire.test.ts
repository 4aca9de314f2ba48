import { describe, expect, it } from 'vitest';

import { decodeFrame, encodeFrame, type WireMessage } from './wire';

const roundTrip = (message: WireMessage) => {
  const decoded = decodeFrame(encodeFrame(message));
  if (!decoded.ok) {
    throw new Error(decoded.reason);
  }
  return decoded.message;
};

describe('wire frames', () => {
  it('carry every byte value of a Uint8Array unchanged', () => {
    const bytes = Uint8Array.from({ length: 256 * 4 }, (_, i) => i % 256);
    const message = roundTrip({
      type: 'request',
      id: 7,
      name: 'import:read-sheet',
      args: { fileName: 'påmeldte æøå.xlsx', bytes },
    });
    expect(message).toEqual({
      type: 'request',
      id: 7,
      name: 'import:read-sheet',
      args: { fileName: 'påmeldte æøå.xlsx', bytes },
    });
  });

  it('carry several byte arrays, an empty one included, in order', () => {
    const args = {
      a: new Uint8Array([1, 2, 3]),
      list: [new Uint8Array(), new Uint8Array([255, 0])],
    };
    const message = roundTrip({ type: 'request', id: 1, name: 'x', args });
    expect(message).toMatchObject({ args });
  });

  it('give plain Uint8Arrays that do not share the frame memory', () => {
    const frame = encodeFrame({
      type: 'request',
      id: 1,
      name: 'x',
      args: { bytes: new Uint8Array([9, 9]) },
    });
    const decoded = decodeFrame(frame);
    frame.fill(0);
    expect(decoded).toMatchObject({
      ok: true,
      message: { args: { bytes: new Uint8Array([9, 9]) } },
    });
  });

  it('refuse a frame shorter than its header length', () => {
    expect(decodeFrame(new Uint8Array([0, 0]))).toMatchObject({ ok: false });
  });

  it('refuse a header that is not JSON', () => {
    const frame = new Uint8Array([0, 0, 0, 2, 0x7b, 0x7b]);
    expect(decodeFrame(frame)).toEqual({
      ok: false,
      reason: 'header is not JSON',
    });
  });

  it('refuse a byte pointer that lies outside the frame', () => {
    const header = new TextEncoder().encode(
      '{"type":"request","id":1,"name":"x","args":{"$bytes":[0,10]}}',
    );
    const frame = new Uint8Array(4 + header.length + 2);
    new DataView(frame.buffer).setUint32(0, header.length);
    frame.set(header, 4);
    expect(decodeFrame(frame)).toMatchObject({ ok: false });
  });

  it('refuse JSON that is not a request, response or event', () => {
    const frame = encodeFrame({
      type: 'event',
      name: 'import:progress',
      payload: {},
    });
    const header = new TextEncoder().encode('{"type":"shell","cmd":"rm"}');
    const bad = new Uint8Array(4 + header.length);
    new DataView(bad.buffer).setUint32(0, header.length);
    bad.set(header, 4);
    expect(decodeFrame(frame).ok).toBe(true);
    expect(decodeFrame(bad)).toMatchObject({ ok: false });
  });

  it('refuse to encode a message that uses the pointer key itself', () => {
    expect(() =>
      encodeFrame({ type: 'request', id: 1, name: 'x', args: { $bytes: 1 } }),
    ).toThrow('$bytes');
  });
});
