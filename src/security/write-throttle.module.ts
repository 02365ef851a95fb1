import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Environment } from '../config/environment.js';
import { WriteThrottleGuard } from './write-throttle.guard.js';

@Module({})
class WriteThrottleModule {}

/**
 * The write limit. Imported after AuthModule, so its guard runs after the key check: a request without
 * a valid key is a 401 and costs no budget.
 */
export function writeThrottleModule(env: Environment): DynamicModule {
  return {
    module: WriteThrottleModule,
    // The unnamed (default) throttler gives plain X-RateLimit-Limit/-Remaining/-Reset and Retry-After headers.
    imports: [ThrottlerModule.forRoot({ throttlers: [{ limit: env.WRITE_RATE_LIMIT, ttl: env.WRITE_RATE_WINDOW_MS }] })],
    providers: [{ provide: APP_GUARD, useClass: WriteThrottleGuard }],
  };
}
