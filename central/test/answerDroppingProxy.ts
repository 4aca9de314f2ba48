// A network that loses answers: an HTTP proxy in front of the service that
// forwards each request, waits for the service's whole answer (so the
// service has done and committed what it does) and then cuts the client's
// connection instead of passing the answer on. The answers it swallowed
// are kept, so a test can show what the desk never saw.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LostAnswer = { path: string; status: number; body: string };

export type AnswerDroppingProxy = {
  url: string;
  /** What the service answered to each request, never delivered. */
  lost: LostAnswer[];
  close(): Promise<void>;
};

export const answerDroppingProxy = async (
  target: string,
  /** Runs once the service has answered, before the connection is cut. */
  onAnswer: () => Promise<void> = async () => undefined,
): Promise<AnswerDroppingProxy> => {
  const lost: LostAnswer[] = [];
  const server = createServer(async (request, reply) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const path = request.url ?? '/';
    try {
      const answer = await fetch(`${target}${path}`, {
        method: request.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      });
      lost.push({ path, status: answer.status, body: await answer.text() });
      await onAnswer();
    } finally {
      // The answer is lost on its way back: the connection just ends.
      reply.socket?.destroy();
    }
  });
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lost,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
