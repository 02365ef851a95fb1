// The tests start the built service with the same code the soak uses.
export { exited, startService, waitForHealth, type ServiceProcess, type StartOptions } from '../../src/cli/support/built-service.js';
