export * from './cinder/index.js';
export * from './glance/index.js';
export * from './keystone/index.js';
export * from './magnum/index.js';
export * from './neutron/index.js';
export * from './nova/index.js';
export * from './octavia/index.js';
