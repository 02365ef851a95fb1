import { Module, type DynamicModule } from '@nestjs/common';
import type { Environment } from '../config/environment.js';

/**
 * Abuse limits on top of authentication: the per-key write rate (WRITE_RATE_LIMIT; off when 0).
 * @nestjs/throttler ships CommonJS only and reaches Nest (ESM-only since 12) through require(esm):
 * Node 20.19+ does that, Jest's module runtime on Node 20 cannot. So it is loaded only when a limit is
 * configured, and the in-process test app, which never configures one, does not load it.
 */
@Module({})
export class SecurityModule {
  static forRoot(env: Environment): DynamicModule | Promise<DynamicModule> {
    if (env.WRITE_RATE_LIMIT === 0) return { module: SecurityModule };
    return import('./write-throttle.module.js').then(({ writeThrottleModule }) => ({ module: SecurityModule, imports: [writeThrottleModule(env)] }));
  }
}
