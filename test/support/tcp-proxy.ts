import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The proxy's own address, on 127.0.0.1. */
  readonly port: number;
  /** Rewrites a postgres:// URL to go through the proxy. */
  via(url: string): string;
  /** The database vanishes: every open connection is reset and new ones are refused. */
  cut(): void;
  /**
   * The database goes silent without closing anything (a half-open link: a dead host, a partition):
   * connections stay open and new ones are accepted, but no byte is forwarded either way.
   */
  stall(): void;
  /** Back to normal for new connections; connections opened before a cut or stall are dropped. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy between the service and PostgreSQL, so a test can take the database away from one service
 * without touching the server the other tests share.
 */
export async function startTcpProxy(target: { host: string; port: number } = { host: '127.0.0.1', port: 5432 }): Promise<TcpProxy> {
  let mode: 'open' | 'cut' | 'stalled' = 'open';
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const dropAll = () => { for (const socket of sockets) socket.destroy(); };

  const server: Server = createServer((client) => {
    track(client);
    if (mode === 'cut') return void client.resetAndDestroy();
    if (mode === 'stalled') return void client.pause(); // accepted, then silence
    const upstream = createConnection(target);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };

  return {
    port,
    via(url: string) {
      return Object.assign(new URL(url), { hostname: '127.0.0.1', port: String(port) }).toString();
    },
    cut() {
      mode = 'cut';
      for (const socket of sockets) socket.resetAndDestroy();
    },
    stall() {
      mode = 'stalled';
      for (const socket of sockets) {
        socket.unpipe();
        socket.pause();
      }
    },
    restore() {
      if (mode === 'stalled') dropAll();
      mode = 'open';
    },
    async close() {
      dropAll();
      server.close();
      await once(server, 'close');
    },
  };
}
