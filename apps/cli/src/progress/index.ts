export type { ProgressRendererKind, RendererChoiceInput } from './choose-renderer.js';
export { chooseRenderer } from './choose-renderer.js';
export { createProgressRenderer } from './create-renderer.js';
export { createJsonLinesRenderer } from './json-lines-renderer.js';
export type { LiveRendererOptions } from './live-renderer.js';
export { createLiveRenderer } from './live-renderer.js';
export { createPlainRenderer } from './plain-renderer.js';
export type { ProgressRenderer, WriteText } from './progress-renderer.js';
