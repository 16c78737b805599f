import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

/**
 * The CLI's end-to-end files spend their time in the `hubfleet` processes they start, not in the
 * test worker: three files at once keep both cores busy when this project runs alone at the end of
 * `npm test` (vitest's default is one worker on two cores). The heaviest files start first
 * (`vitest.sequencer.ts`).
 */
export default mergeConfig(shared, { test: { maxWorkers: 3 } });
