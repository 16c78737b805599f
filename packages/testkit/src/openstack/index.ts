export * from './keystone/index.js';
