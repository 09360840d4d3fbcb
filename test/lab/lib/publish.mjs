// Copies what a boot brought back into the repository: verbatim raw outputs as parser fixtures,
// the unpacked collector bundle as a sample.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO } from './paths.mjs';
import { loadScenario } from './scenario.mjs';

export function fixtureDirName(name, series) {
  return name.endsWith(`-${series}`) ? name : `${name}-${series}`;
}

const shellQuote = (a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/** The QEMU command as a user could retype it (cache paths shortened to their role). */
export function qemuCommand(result) {
  return result.qemu
    .map((a) =>
      a
        .replace(/\/\S*\/\.cache\/kernels\/[^/]+\/root\/boot\//, '')
        .replace(/\/\S*\/\.cache\/build\/[^/]+\//, '')
        .replace(/\/\S*\/\.cache\/out\/[^/]+\//, ''),
    )
    .map(shellQuote)
    .join(' ');
}

export function publishFixtures(result, outDir) {
  const s = loadScenario(result.name);
  const dest = join(REPO, 'test/fixtures/lab', fixtureDirName(result.name, s.kernel));
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  cpSync(join(outDir, 'raw'), dest, { recursive: true });
  writeFileSync(
    join(dest, 'README.md'),
    `Verbatim outputs captured inside a QEMU guest by test/lab/init.sh (busybox ${busyboxVersion()}), scenario \`${result.name}\` (test/lab/scenarios/${result.name}.json): ${s.description}\n\n` +
      `- Kernel: Debian \`${result.kernel}\` (${readdirSync(dest).includes('uname.txt') ? 'see uname.txt' : ''})\n` +
      `- Captured: ${new Date().toISOString().slice(0, 10)} with ${qemuVersion()}\n` +
      `- QEMU: \`${qemuCommand(result)}\`\n`,
  );
  return dest;
}

export function publishSample(result, outDir) {
  const s = loadScenario(result.name);
  const dest = join(REPO, 'samples', `lab-${result.name}`);
  const tmp = join(outDir, 'unpacked');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  execFileSync('tar', ['-xzf', result.bundle, '-C', tmp]);
  const tops = readdirSync(tmp);
  const top = tops.length === 1 ? join(tmp, tops[0]) : tmp;
  rmSync(join(dest, 'evidence'), { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  cpSync(top, join(dest, 'evidence'), { recursive: true });
  writeFileSync(
    join(dest, 'README.md'),
    `# lab-${result.name}\n\n${s.description}\n\n` +
      `Real evidence: \`src/collector/collect.sh\` ran${s.collectAs ? ` as uid ${s.collectAs}` : ' as root'} under busybox ${busyboxVersion()} inside a QEMU guest booted by ` +
      `\`node test/lab/run-scenario.mjs ${result.name} --samples\` on ${new Date().toISOString().slice(0, 10)}. ` +
      `\`evidence/\` is the bundle unpacked with its top directory stripped.\n\n` +
      `- Kernel: Debian \`${result.kernel}\`\n- ${qemuVersion()}\n- QEMU: \`${qemuCommand(result)}\`\n` +
      `- Scenario definition (modules, actions, /etc tree, expected findings): test/lab/scenarios/${result.name}.json\n`,
  );
  return dest;
}

function busyboxVersion() {
  return /BusyBox (v[\d.]\S*)/.exec(execFileSync('/bin/busybox', [], { encoding: 'utf8' }))?.[1] ?? '?';
}
function qemuVersion() {
  return execFileSync('qemu-system-x86_64', ['--version'], { encoding: 'utf8' }).split('\n')[0];
}
export { existsSync };
