export * from './channels.js';
export * as schemas from './schemas.js';
