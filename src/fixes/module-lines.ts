/**
 * Remove a module line from a modules-load.d file, /etc/modules or an initramfs list
 * (modules-load.d(5): one module name per line).
 */
import type { Fix } from './fix.js';

export function removeModuleLine(files: readonly { path: string; line: number | undefined }[], module: string, why: string): Fix {
  return {
    summary: `Remove ${module} from the boot module lists`,
    steps: [
      ...files.map((f) => ({
        kind: 'edit-file' as const,
        path: f.path,
        change: `delete the line "${module}"${f.line === undefined ? '' : ` (line ${f.line})`}`,
      })),
      {
        kind: 'verify',
        command: 'systemctl restart systemd-modules-load && systemctl status systemd-modules-load',
        expect: `no "Failed to find module '${module}'" line`,
      },
    ],
    caveats: [why],
  };
}
