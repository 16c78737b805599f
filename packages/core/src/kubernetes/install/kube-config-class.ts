// The one name core takes from `@kubernetes/client-node`, imported statically so a bundler keeps
// `KubeConfig` and what it uses, not the package's thousands of generated API classes (a dynamic
// import of the package itself must keep every export it has).
export { KubeConfig } from '@kubernetes/client-node';
