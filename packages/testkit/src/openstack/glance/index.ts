export type {
  GlanceFake,
  GlanceFakeOptions,
  RunningGlanceFake,
  StartGlanceFakeOptions,
} from './glance-fake.js';
export { createGlanceFake, DEFAULT_GLANCE_IMAGES, startGlanceFake } from './glance-fake.js';
export type { ImageSeed as GlanceImageSeed } from './glance-images.js';
export type {
  GlanceState,
  ImageRecord as GlanceImageRecord,
  ImageStatus,
  ImageVisibility,
} from './glance-state.js';
export { createGlanceState } from './glance-state.js';
