// The little the host client needs from a WebSocket, so the same client runs
// on the browser's WebSocket and, in Node tests, on the ws package.

export type SocketHandlers = {
  onOpen(): void;
  onFrame(frame: Uint8Array): void;
  onClose(): void;
};

export type SocketConnection = {
  send(frame: Uint8Array): void;
  close(): void;
};

export type OpenSocket = (
  url: string,
  handlers: SocketHandlers,
) => SocketConnection;

/** The browser's WebSocket behind OpenSocket. */
export const openBrowserSocket: OpenSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  socket.addEventListener('open', () => handlers.onOpen());
  socket.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.data instanceof ArrayBuffer) {
      handlers.onFrame(new Uint8Array(event.data));
    }
  });
  // 'error' is always followed by 'close', which is where we act.
  socket.addEventListener('close', () => handlers.onClose());
  return {
    send: (frame) => socket.send(frame),
    close: () => socket.close(1000, 'desk closing'),
  };
};
