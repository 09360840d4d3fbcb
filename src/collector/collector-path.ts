/** Where the shell collector ships inside the package. */
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

export function collectorScriptPath(): string {
  return join(packageRoot(), 'src', 'collector', 'collect.sh');
}
