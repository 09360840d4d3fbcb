/**
 * The facts model: the values rules reason about, each wrapped in a tri-state Fact by facts.ts.
 * Plain serialisable data (arrays and records, no Maps or classes) so `--dump-facts` and JSON
 * output are the model itself.
 */
export * from './model/host.js';
export * from './model/kernel.js';
export * from './model/modules.js';
export * from './model/boot.js';
export * from './model/pci.js';
export * from './model/memory.js';
export * from './model/collection.js';
export * from './model/cloudpods.js';
