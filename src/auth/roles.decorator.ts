import { SetMetadata } from '@nestjs/common';
import type { Role } from './api-keys.js';

export const REQUIRED_ROLE = 'stanceline:required-role';

/** The role a route needs. Routes without it are reads: open unless READS_REQUIRE_KEY is set. */
export const RequiresRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);
