export type { ImageFilter } from './glance-images.js';
export { findImageByName, getImage, listImages } from './glance-images.js';
export { toImage } from './image-mappers.js';
export type { Image } from './image-types.js';
