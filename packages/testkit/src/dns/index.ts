export type { DnsFakeOptions, RunningDnsFake } from './dns-fake.js';
export { startDnsFake } from './dns-fake.js';
