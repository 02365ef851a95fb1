// The tests start the built service with the same launcher the soak and the benchmark use.
export { exited, startService, waitForHealth, type ServiceProcess, type StartOptions } from '../../tools/service/built-service.js';
