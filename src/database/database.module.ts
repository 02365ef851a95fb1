import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { Database } from './database.js';
import type { Role } from './embedded/lease.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(role: Role): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: Database, useFactory: (env: Environment) => Database.open(env, role), inject: [Environment] },
        { provide: DataSource, useFactory: (database: Database) => database.dataSource, inject: [Database] },
      ],
      exports: [Database, DataSource],
    };
  }
}
