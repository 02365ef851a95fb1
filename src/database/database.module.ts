import { Global, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { Database } from './database.js';
import type { Role } from './embedded/lease.js';
import { ReadConsistencyToken } from './read-routing/consistency-token.middleware.js';
import { ConsistencyInterceptor } from './read-routing/consistency.interceptor.js';
import { ReadRouter } from './read-routing/read-router.js';

@Global()
@Module({})
export class DatabaseModule implements NestModule {
  /** `replicas`: whether DATABASE_READ_URL names any, so that writes answer with tokens and reads are routed. */
  static forRoot(role: Role, replicas: boolean): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: Database, useFactory: (env: Environment) => Database.open(env, role), inject: [Environment] },
        { provide: DataSource, useFactory: (database: Database) => database.dataSource, inject: [Database] },
        { provide: ReadRouter, useFactory: (dataSource: DataSource, env: Environment) => ReadRouter.open(dataSource, readRouting(env)), inject: [DataSource, Environment] },
        ...(replicas ? [{ provide: APP_INTERCEPTOR, useClass: ConsistencyInterceptor }] : []),
      ],
      exports: [Database, DataSource, ReadRouter],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ReadConsistencyToken).forRoutes('*path');
  }
}

export function readRouting(env: Environment) {
  const urls = (env.DATABASE_READ_URL ?? '').split(',').map((url) => url.trim()).filter(Boolean);
  if (urls.length === 0) return undefined;
  return {
    urls, poolSize: env.DATABASE_POOL_SIZE, queryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS,
    maxLagMs: env.REPLICA_MAX_LAG_MS, checkMs: env.REPLICA_CHECK_MS, waitMs: env.REPLICA_WAIT_MS,
  };
}
