export * from './config/index.js';
export * from './deployment/index.js';
export * from './engine/index.js';
export * from './errors/index.js';
export * from './kubernetes/index.js';
export * from './provider/v1/index.js';
