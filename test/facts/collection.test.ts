/**
 * What the collector could and could not collect (src/facts/collection.ts), from the manifests of
 * the lab's whole bundles: the inventory with the status the analyzer saw, the problems, the items
 * a manifest never lists, and the bundles that have no manifest of their own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/bundle/bundle.js';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildCollection } from '../../src/facts/collection.js';
import type { Fact, KnownFact } from '../../src/facts/fact.js';
import { buildLooseBundle } from '../../src/loose/loose-bundle.js';
import { ROOT, sampleBundle, type Override } from '../helpers/bundle-from.js';

/** The collection fact describes the bundle itself: always known. */
const known = <T>(f: Fact<T>): KnownFact<T> => {
  if (f.state !== 'known') throw new Error(f.reason);
  return f;
};
const collectionOf = (bundle: Bundle, skipped = 0, lost: string | null = null) => {
  const { manifest, problem } = loadManifest(bundle);
  return known(buildCollection(evidenceSource(bundle, manifest), manifest, problem, skipped, lost)).value;
};
const of = (sample: string, overrides: Record<string, Override> = {}) => collectionOf(sampleBundle(sample, overrides));

describe('a collector bundle', () => {
  it('run without root (lab-non-root): uid, collector, and the five items it could not collect', () => {
    const c = of('lab-non-root');
    expect([c.hasManifest, c.layout, c.uid, c.collector, c.manifestProblem]).toEqual([true, 'bundle', 65534, 'sh 0.1.0', null]);
    // samples/lab-non-root/evidence/manifest.json lists 45 items; five are neither ok nor absent.
    expect(c.inventory).toHaveLength(45);
    expect(c.problems).toEqual([
      { id: 'dmesg', source: 'dmesg', status: 'denied' },
      { id: 'journal-kernel', source: 'journalctl -k -b --no-pager', status: 'no-command' },
      { id: 'lspci-vvv', source: 'lspci -nnvvv', status: 'denied' },
      { id: 'systemd-detect-virt', source: 'systemd-detect-virt', status: 'no-command' },
      { id: 'lsusb', source: 'lsusb', status: 'no-command' },
    ]);
  });

  it('as root (lab-intel-healthy): absent items are no problem, and collector 0.1.0 attempted every item it knew', () => {
    const c = of('lab-intel-healthy');
    expect(c.uid).toBe(0);
    // manifest.json: systemd-detect-virt and lsusb no-command; efi, dev-kvm and the other boot files absent.
    expect(c.problems.map((p) => p.id)).toEqual(['systemd-detect-virt', 'lsusb']);
    expect(c.inventory.find((i) => i.id === 'dev-kvm')?.status).toBe('absent');
    expect(c.notAttempted).toEqual([]);
  });

  it('an item the manifest does not list is "not attempted", never absent', () => {
    const c = of('lab-intel-healthy', { 'lspci-nnk': { status: 'not-collected' } });
    expect(c.notAttempted).toEqual([{ id: 'lspci-nnk', source: 'lspci -nnk', status: 'not collected' }]);
    expect(c.inventory.some((i) => i.id === 'lspci-nnk')).toBe(false);
  });

  it('a file the manifest lists but the archive lost is a problem ("lost")', () => {
    const bundle = sampleBundle('lab-intel-healthy');
    const files = new Map(bundle.files);
    files.delete('commands/lspci-nnk.out');
    const c = collectionOf({ ...bundle, files }, 1, 'the archive ended early');
    expect(c.problems).toContainEqual({ id: 'lspci-nnk', source: 'lspci -nnk', status: 'lost' });
    expect([c.skippedEntries, c.lost]).toEqual([1, 'the archive ended early']);
  });

  it('a capture the reader had to cut is "truncated" in the inventory', () => {
    const dmesg = readFileSync(join(ROOT, 'samples/lab-intel-healthy/evidence/commands/dmesg.out'), 'utf8');
    const bundle = sampleBundle('lab-intel-healthy');
    const files = new Map(bundle.files);
    files.set('commands/dmesg.out', { path: 'commands/dmesg.out', bytes: Buffer.from(dmesg.slice(0, 4096)), truncated: true });
    const c = collectionOf({ ...bundle, files });
    expect(c.problems).toContainEqual({ id: 'dmesg', source: 'dmesg', status: 'truncated' });
  });
});

describe('bundles without a manifest of their own', () => {
  it('a tree without manifest.json: no statuses, nothing "not attempted", the problem said', () => {
    const bundle = sampleBundle('lab-intel-healthy');
    const files = new Map([...bundle.files].filter(([p]) => p !== 'manifest.json'));
    const tree = { ...bundle, files };
    const { manifest, problem } = loadManifest(tree);
    const f = known(buildCollection(evidenceSource(tree, manifest), manifest, problem, 0, null));
    expect(f.value).toMatchObject({
      hasManifest: false,
      layout: 'tree',
      uid: null,
      collector: null,
      manifestProblem: 'manifest.json is missing',
      inventory: [],
      notAttempted: [],
    });
    expect(f.evidence).toEqual([{ evidence: 'manifest', source: 'manifest.json', text: 'manifest.json is missing' }]);
  });

  it('loose evidence (a pasted uname -a): layout loose, its one item listed', () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/loose/this-machine/uname-a.txt'), 'utf8');
    const { bundle } = buildLooseBundle([{ name: 'uname-a.txt', text }], 'uname-a.txt');
    const c = collectionOf(bundle);
    expect(c.layout).toBe('loose');
    expect(c.inventory.map((i) => [i.id, i.status])).toEqual([['uname', 'ok']]);
    expect(c.problems).toEqual([]);
  });
});
