/**
 * A local HTTP server on 127.0.0.1 that plays a remote schema host in tests: it answers from a table of
 * routes and records every request it gets (host and path), so a test can tell what was, and what was
 * never, asked for.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse, host: RemoteHost) => void;

export class RemoteHost {
  /** Each request, in order: the Host header it came with and the path. */
  readonly requests: { readonly host: string; readonly path: string }[] = [];
  private readonly held = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(routes: Readonly<Record<string, Route>>): Promise<RemoteHost> {
    let host: RemoteHost | undefined;
    const server = createServer((request, response) => {
      if (!host) throw new Error('request before the test host started');
      host.requests.push({ host: request.headers.host ?? '', path: request.url ?? '' });
      // A client that gives up mid-answer closes the socket: that is expected here, not a failure.
      response.on('error', () => undefined);
      const route = routes[request.url ?? ''];
      if (route) route(request, response, host);
      else {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = new RemoteHost(server, (server.address() as AddressInfo).port);
    return host;
  }

  /** `host:port` as URL.host spells it (what calm.schemas.allowedRemoteHosts lists). */
  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  url(path: string, hostName = '127.0.0.1'): string {
    return `http://${hostName}:${this.port}${path}`;
  }

  /** Keeps a response open without answering (until the client gives up or the host stops). */
  hold(response: ServerResponse): void {
    this.held.add(response);
    response.on('close', () => this.held.delete(response));
  }

  /** How many times a path was requested so far, under any host name. */
  requested(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }

  async stop(): Promise<void> {
    for (const response of this.held) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function json(value: unknown): Route {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(value));
  };
}
