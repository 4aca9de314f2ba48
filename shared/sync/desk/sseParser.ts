// A Server-Sent Events parser for the live stream, fed raw bytes from
// fetch's body reader (Node 20 has no EventSource, and shared/ has no
// TextDecoder type). The stream's messages are ASCII JSON, so bytes map to
// characters one to one; a byte above 127 cannot occur in a seq message.

export type SseEvent = { event: string; data: string };

export type SseParser = { push(bytes: Uint8Array): void };

export const asciiOf = (bytes: Uint8Array): string => {
  let text = '';
  // Chunks of 8 KB keep the argument list of fromCharCode short.
  for (let at = 0; at < bytes.length; at += 8192) {
    text += String.fromCharCode(...bytes.subarray(at, at + 8192));
  }
  return text;
};

/** Lines are ended by \n, \r\n or \r; a blank line ends an event. */
export const createSseParser = (
  onEvent: (event: SseEvent) => void,
): SseParser => {
  let buffer = '';
  let event = '';
  let data: string[] = [];

  const line = (text: string) => {
    if (text === '') {
      if (data.length > 0) {
        onEvent({ event: event || 'message', data: data.join('\n') });
      }
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };

  return {
    push(bytes) {
      buffer += asciiOf(bytes);
      for (;;) {
        const end = buffer.search(/\r\n|\r|\n/);
        if (end === -1) return;
        // A \r at the very end may be the first half of \r\n: wait.
        if (buffer[end] === '\r' && end === buffer.length - 1) return;
        const width = buffer.startsWith('\r\n', end) ? 2 : 1;
        line(buffer.slice(0, end));
        buffer = buffer.slice(end + width);
      }
    },
  };
};
