/**
 * The log-message catalogue: messages that prove a passthrough fault (or the state it depends
 * on), each taken from the source that prints it, and the classifier that finds them in a log.
 */
export type { LogCatalogEntry, LogFault, LogGroupName, LogLevel, LogOrigin } from './entry.js';
export { LOG_FAULTS, LOG_GROUP_NAMES } from './entry.js';
export { LOG_CATALOG } from './catalog.js';
export { buildClassifier, classifyLogLine, type LogMatch } from './classify.js';
