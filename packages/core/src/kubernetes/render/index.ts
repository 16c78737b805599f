export type { RenderedDeployment } from './render-deployment.js';
export { renderDeployment } from './render-deployment.js';
