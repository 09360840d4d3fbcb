/**
 * Remove a module line from the boot module lists (src/fixes/module-lines.ts), found by module name,
 * never by the line the bundle showed. On the lab's 6.12 host that still lists vfio_virqfd in
 * /etc/modules-load.d/vfio.conf (lab-virqfd-obsolete-6.12, line 4).
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { removeModuleLine } from '../../src/fixes/module-lines.js';
import { sampleBundle } from '../helpers/bundle-from.js';
import { commands, planOf } from './helpers/plan-of.js';

const WHY = 'the line only makes systemd-modules-load fail';
// The rule that uses this fix is info-level, whose fixes the plan script leaves out: given as an error here so the script holds it.
/** The files that list vfio_virqfd, as the module configuration fact cites them. */
const listing = () => {
  const c = analyzeBundle(sampleBundle('lab-virqfd-obsolete-6.12'), { rules: [] }).facts.moduleConfig;
  if (c.state !== 'known') throw new Error('unknown');
  return c.value.loadAtBoot.filter((e) => e.module === 'vfio_virqfd').map((e) => ({ path: e.ref.source, line: e.ref.line }));
};

describe('removeModuleLine', () => {
  it('reads the listing the rule hands over: /etc/modules-load.d/vfio.conf line 4', () => {
    expect(listing()).toEqual([{ path: '/etc/modules-load.d/vfio.conf', line: 4 }]);
  });

  it('removes vfio_virqfd from that file by name, then restarts systemd-modules-load to check', () => {
    const fix = removeModuleLine(listing(), 'vfio_virqfd', WHY);
    expect(fix.steps).toEqual([
      expect.objectContaining({
        kind: 'edit-file',
        path: '/etc/modules-load.d/vfio.conf',
        edit: { op: 'module-list', add: [], remove: ['vfio_virqfd'] },
      }),
      {
        kind: 'verify',
        command: 'systemctl restart systemd-modules-load && systemctl status systemd-modules-load',
        expect: `no "Failed to find module 'vfio_virqfd'" line`,
      },
    ]);
    expect(fix.caveats).toEqual([WHY]);
    planOf('vfio-virqfd-obsolete', fix, null);
  });

  it('a file outside /etc (a list the bundle names elsewhere) is left to a person', () => {
    const fix = removeModuleLine([{ path: '/usr/lib/modules-load.d/vfio.conf', line: 4 }], 'vfio_virqfd', WHY);
    expect(fix.steps[0]).toMatchObject({ kind: 'note' });
    expect(commands(fix)).toEqual(['systemctl restart systemd-modules-load && systemctl status systemd-modules-load']);
  });

  it('a module name with shell in it: a note only, no edit and no check', () => {
    const fix = removeModuleLine(listing(), 'vfio_virqfd$(reboot)', WHY);
    expect(fix.steps.map((s) => s.kind)).toEqual(['note']);
    expect(commands(fix)).toEqual([]);
  });

  it('a path with shell in it: a note for that file, never an edit of it', () => {
    const fix = removeModuleLine([{ path: '/etc/modules-load.d/$(reboot).conf', line: 1 }], 'vfio_virqfd', WHY);
    expect(commands(fix).join('\n')).not.toContain('$(reboot)');
    planOf('vfio-virqfd-obsolete', fix, null);
  });
});
