/** `calm/processId`: which process serves the client (Node hosts only; a browser worker has no pid). */
import { ProcessIdRequestMethod, type ProcessIdResult } from './protocol';
import type { ServerFeature } from './server-context';

export const processIdFeature: ServerFeature = {
  name: 'process id',
  register(server) {
    server.connection.onRequest(
      ProcessIdRequestMethod,
      server.guard<void, ProcessIdResult>(ProcessIdRequestMethod, { processId: process.pid }, () => ({ processId: process.pid })),
    );
  },
};
