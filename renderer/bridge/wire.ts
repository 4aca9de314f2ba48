// Frames of the desk contract over the web host's WebSocket. Shared by the
// renderer's client and the Node host (it touches no DOM and no Node API).
//
// A frame is binary so that file bytes cross without base64 (a third larger
// and slow in the renderer for a 20 MB export):
//   [u32 big-endian header length][header: UTF-8 JSON][bytes section]
// Each Uint8Array in the message becomes {"$bytes": [offset, length]} in
// the header, pointing into the bytes section.

import type { DeskEventName } from '../../shared/contract/desk';
import type { Result } from '../../shared/contract/result';

/** Path of the web host's desk socket. */
export const deskSocketPath = '/desk';

/** The meta tag in which the web host hands index.html its token. */
export const tokenMetaName = 'racedesk-host-token';

export type WireRequest = {
  type: 'request';
  id: number;
  name: string;
  args: unknown;
};

export type WireResponse = {
  type: 'response';
  id: number;
  result: Result<unknown>;
};

export type WireEvent = {
  type: 'event';
  name: DeskEventName;
  payload: unknown;
};

export type WireMessage = WireRequest | WireResponse | WireEvent;

const bytesKey = '$bytes';
const headerLengthSize = 4;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export const encodeFrame = (message: WireMessage): Uint8Array => {
  const blobs: Uint8Array[] = [];
  let blobBytes = 0;
  const header = JSON.stringify(message, (_key, value: unknown) => {
    if (value instanceof Uint8Array) {
      const pointer = { [bytesKey]: [blobBytes, value.byteLength] };
      blobs.push(value);
      blobBytes += value.byteLength;
      return pointer;
    }
    if (isRecord(value) && Object.hasOwn(value, bytesKey)) {
      throw new Error(`A message may not use the key ${bytesKey}`);
    }
    return value;
  });

  const headerBytes = new TextEncoder().encode(header);
  const frame = new Uint8Array(
    headerLengthSize + headerBytes.byteLength + blobBytes,
  );
  new DataView(frame.buffer).setUint32(0, headerBytes.byteLength);
  frame.set(headerBytes, headerLengthSize);
  let offset = headerLengthSize + headerBytes.byteLength;
  for (const blob of blobs) {
    frame.set(blob, offset);
    offset += blob.byteLength;
  }
  return frame;
};

const isPointer = (value: unknown): value is { $bytes: [number, number] } => {
  if (!isRecord(value) || !Array.isArray(value[bytesKey])) {
    return false;
  }
  const [offset, length] = value[bytesKey];
  return Number.isInteger(offset) && Number.isInteger(length);
};

const isWireMessage = (value: unknown): value is WireMessage => {
  if (!isRecord(value)) {
    return false;
  }
  switch (value.type) {
    case 'request':
      return Number.isInteger(value.id) && typeof value.name === 'string';
    case 'response':
      return Number.isInteger(value.id) && isRecord(value.result);
    case 'event':
      return typeof value.name === 'string';
    default:
      return false;
  }
};

/** The message in a frame, or why the frame is not one. */
export const decodeFrame = (
  received: Uint8Array,
): { ok: true; message: WireMessage } | { ok: false; reason: string } => {
  // A plain view, so slices below are plain copies even when Node's ws hands
  // over a Buffer (whose slice() would share memory).
  const frame = new Uint8Array(
    received.buffer,
    received.byteOffset,
    received.byteLength,
  );
  if (frame.byteLength < headerLengthSize) {
    return { ok: false, reason: 'frame shorter than its header length' };
  }
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const headerLength = view.getUint32(0);
  const blobStart = headerLengthSize + headerLength;
  if (blobStart > frame.byteLength) {
    return { ok: false, reason: 'header length beyond the frame' };
  }

  const headerText = new TextDecoder().decode(
    frame.subarray(headerLengthSize, blobStart),
  );
  const blobSection = frame.subarray(blobStart);
  let broken = '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(headerText, (_key, value: unknown) => {
      if (!isPointer(value)) {
        return value;
      }
      const [offset, length] = value.$bytes;
      if (offset < 0 || length < 0 || offset + length > blobSection.length) {
        broken = 'a byte pointer lies outside the frame';
        return null;
      }
      // A copy, not a view that keeps the whole frame alive.
      return blobSection.slice(offset, offset + length);
    });
  } catch {
    return { ok: false, reason: 'header is not JSON' };
  }
  if (broken !== '') {
    return { ok: false, reason: broken };
  }
  if (!isWireMessage(parsed)) {
    return { ok: false, reason: 'not a request, response or event' };
  }
  return { ok: true, message: parsed };
};
