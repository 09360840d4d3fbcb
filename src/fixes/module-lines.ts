/**
 * Remove a module line from a modules-load.d file, /etc/modules or an initramfs list
 * (modules-load.d(5): one module per line); the line is found by its module name, with - and _
 * alike, never by the line number or text the bundle showed.
 */
import type { Fix, FixStep } from './fix.js';
import { isIdentifier, rejectedNote } from './identifiers.js';
import { editStep } from './initramfs.js';

export function removeModuleLine(files: readonly { path: string; line: number | undefined }[], module: string, why: string): Fix {
  if (!isIdentifier('module', module))
    return {
      summary: 'Remove the module line by hand',
      steps: [rejectedNote('module', module, 'Remove that line by hand.')],
      caveats: [why],
    };
  const steps: FixStep[] = files.map((f) =>
    isIdentifier('path', f.path) && f.path.startsWith('/etc/')
      ? editStep(f.path, { op: 'module-list', add: [], remove: [module] })
      : rejectedNote('path', f.path, `Delete the line ${module} there by hand.`),
  );
  steps.push({
    kind: 'verify',
    command: 'systemctl restart systemd-modules-load && systemctl status systemd-modules-load',
    expect: `no "Failed to find module '${module}'" line`,
  });
  return { summary: `Remove ${module} from the boot module lists`, steps, caveats: [why] };
}
