#!/usr/bin/env node
// Boots one lab scenario under QEMU (TCG) and brings back what /init sent on its evidence serial
// port (ttyS1 on amd64, ttyAMA0 after the console on arm64).
//
//   node test/lab/run-scenario.mjs <scenario> [--fixtures] [--samples]
//
// Writes test/lab/.cache/out/<scenario>/ (console.log, raw/, collect.log, bundle/) and the
// collector's bundle to test/lab/.cache/out/<scenario>.tgz.
//   --fixtures  copies raw/ to test/fixtures/lab/<scenario>-<series>/ (arm64: test/fixtures/lab-arm64/)
//               (verbatim outputs + README.md)
//   --samples   copies the unpacked bundle to samples/lab-<scenario>/evidence/ (+ README.md)
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildInitramfs } from './build-initramfs.mjs';
import { firmwareOf, qemuMachineArgs } from './lib/scenario.mjs';
import { platformOf } from './lib/arch.mjs';
import { CACHE } from './lib/paths.mjs';
import { publishFixtures, publishSample } from './lib/publish.mjs';

/** Hard limit on one boot; a healthy run takes a few seconds under TCG. */
export const BOOT_TIMEOUT_MS = Number(process.env.LAB_BOOT_TIMEOUT_MS ?? 90_000);

const BEGIN = '=== ptdoctor-lab begin ===';
const END = '=== ptdoctor-lab end ===';

export async function runScenario(name, opts = {}) {
  const t0 = Date.now();
  const built = buildInitramfs(name);
  const { scenario: s, kernel } = built;
  const platform = platformOf(s);
  const outDir = join(CACHE, 'out', name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const consoleLog = join(outDir, 'console.log');
  const serialOut = join(outDir, 'ttyS1.b64');
  // one small raw image per drive:<id> (the first keeps the name disk.img that earlier samples' READMEs show)
  const driveIds = s.devices.filter((d) => d.startsWith('drive:')).map((d) => d.slice(6));
  const driveImages = new Map(driveIds.map((id, i) => [id, join(built.dir, i === 0 ? 'disk.img' : `disk-${id}.img`)]));
  for (const image of driveImages.values()) {
    writeFileSync(image, '');
    truncateSync(image, 8 << 20);
  }
  // UEFI: OVMF / AAVMF write their variable store (boot entries, console settings), so each boot gets a fresh copy
  const uefi = firmwareOf(s) === 'uefi';
  if (uefi && !existsSync(platform.uefi.code))
    throw new Error(`${name}: no UEFI firmware ${platform.uefi.code} (apt-get install ${platform.uefi.pkg})`);
  const varsFile = uefi ? join(built.dir, platform.uefi.copy) : undefined;
  if (varsFile) copyFileSync(platform.uefi.vars, varsFile);
  const serial = platform.serialArgs({ consoleLog, evidenceLog: serialOut });

  // the command line a grub entry would pass (scenario's cmdline; @KVER@ = the kernel release)
  const append = s.cmdline.replaceAll('@KVER@', kernel.kver);
  const args = [
    ...qemuMachineArgs(s, { driveImages, varsFile }),
    '-kernel',
    kernel.vmlinuz,
    '-initrd',
    built.cpio,
    '-append',
    append,
    ...serial.args,
  ];
  const buildMs = Date.now() - t0;
  const code = await new Promise((resolve) => {
    const p = spawn(platform.qemu, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.on('error', (err) => (stderr += `${err.message}\n`));
    p.stderr.on('data', (b) => (stderr += b));
    const timer = setTimeout(() => p.kill('SIGKILL'), BOOT_TIMEOUT_MS);
    p.on('close', (c, sig) => {
      clearTimeout(timer);
      if (stderr) writeFileSync(join(outDir, 'qemu.stderr'), stderr);
      resolve(sig ? sig : c);
    });
  });
  const bootMs = Date.now() - t0 - buildMs;

  const text = existsSync(serial.evidenceFile) ? readFileSync(serial.evidenceFile, 'latin1') : '';
  const b = text.indexOf(BEGIN);
  const e = text.indexOf(END);
  if (b < 0 || e < b) {
    const why = existsSync(join(outDir, 'qemu.stderr'))
      ? `: ${readFileSync(join(outDir, 'qemu.stderr'), 'utf8').trim().split('\n')[0]}`
      : '';
    throw new Error(`${name}: no evidence on the serial port (${platform.qemu} ${code}${why}); see ${consoleLog}`);
  }
  const tgz = Buffer.from(text.slice(b + BEGIN.length, e).replace(/[^A-Z0-9+/=]/gi, ''), 'base64');
  writeFileSync(join(outDir, 'lab-out.tgz'), tgz);
  execFileSync('tar', ['-xzf', join(outDir, 'lab-out.tgz'), '-C', outDir]);

  const bundle = join(outDir, 'bundle', 'bundle.tgz');
  const result = {
    name,
    arch: kernel.arch,
    kernel: `${kernel.pkg} ${kernel.version}`,
    busybox: built.busybox,
    qemu: [platform.qemu, ...args],
    append,
    buildMs,
    bootMs,
    bundle: null,
    collectLog: existsSync(join(outDir, 'collect.log')) ? readFileSync(join(outDir, 'collect.log'), 'utf8') : null,
  };
  if (existsSync(bundle)) {
    result.bundle = join(CACHE, 'out', `${name}.tgz`);
    copyFileSync(bundle, result.bundle);
  }
  writeFileSync(join(outDir, 'run.json'), JSON.stringify(result, null, 2));
  if (opts.fixtures) result.fixtures = publishFixtures(result, outDir);
  if (opts.samples && result.bundle) result.sample = publishSample(result, outDir);
  return result;
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const name = argv.find((a) => !a.startsWith('--'));
  if (!name) {
    console.error('usage: run-scenario.mjs <scenario> [--fixtures] [--samples]');
    process.exitCode = 2;
  } else {
    runScenario(name, { fixtures: argv.includes('--fixtures'), samples: argv.includes('--samples') }).then(
      (r) => console.log(`${r.name}: build ${r.buildMs} ms, boot ${r.bootMs} ms, bundle ${r.bundle ?? '(no collector output)'}`),
      (err) => {
        console.error(String(err.message ?? err));
        process.exitCode = 1;
      },
    );
  }
}
