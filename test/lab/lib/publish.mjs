// Copies what a boot brought back into the repository: verbatim raw outputs as parser fixtures,
// the unpacked collector bundle as a sample.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO } from './paths.mjs';
import { firmwareOf, loadScenario } from './scenario.mjs';
import { archOf, platformOf } from './arch.mjs';

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

/**
 * Where a scenario's raw outputs go: test/fixtures/lab/<scenario>-<series>/ for amd64;
 * test/fixtures/lab-arm64/<scenario without "arm64-">-<series>/ for arm64.
 */
export function fixtureDir(s) {
  const arch = archOf(s);
  if (arch === 'amd64') return join(REPO, 'test/fixtures/lab', fixtureDirName(s.name, s.kernel));
  return join(REPO, `test/fixtures/lab-${arch}`, fixtureDirName(s.name.replace(`${arch}-`, ''), s.kernel));
}

export function publishFixtures(result, outDir) {
  const s = loadScenario(result.name);
  const dest = fixtureDir(s);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  cpSync(join(outDir, 'raw'), dest, { recursive: true });
  writeFileSync(
    join(dest, 'README.md'),
    `Verbatim outputs captured inside a QEMU guest by test/lab/init.sh (${result.busybox}), scenario \`${result.name}\` (test/lab/scenarios/${result.name}.json): ${s.description}\n\n` +
      `- Kernel: Debian \`${result.kernel}\` (${readdirSync(dest).includes('uname.txt') ? 'see uname.txt' : ''})\n` +
      `- Captured: ${new Date().toISOString().slice(0, 10)} with ${qemuVersion(s)}\n` +
      firmwareLine(s) +
      `- QEMU: \`${qemuCommand(result)}\`\n`,
  );
  if (archOf(s) !== 'amd64') writeSourcesIndex(dirname(dest));
  return dest;
}

/**
 * SOURCES.md of an architecture's fixture folder: per capture folder, its scenario, kernel package,
 * boot path and capture date, read back from the folder's README.md (which has the QEMU command line).
 */
export function writeSourcesIndex(dir) {
  const field = (text, re) => re.exec(text)?.[1] ?? '?';
  const entries = readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'README.md')))
    .sort()
    .map((d) => {
      const readme = readFileSync(join(dir, d, 'README.md'), 'utf8');
      const boot = readme.includes('- Firmware: none;') ? 'device-tree boot' : 'UEFI boot with ACPI';
      return (
        `- \`${d}/\`: scenario \`${field(readme, /scenario `([^`]+)`/)}\`, Debian \`${field(readme, /- Kernel: Debian `([^`]+)`/)}\`, ` +
        `${boot}, captured ${field(readme, /- Captured: (\S+)/)}`
      );
    });
  writeFileSync(
    join(dir, 'SOURCES.md'),
    `# Sources of test/fixtures/${dir.split('/').pop()}\n\nEvery file here is verbatim output captured by test/lab/init.sh inside a QEMU guest ` +
      `running one of Debian's own kernels (the real-kernel lab, test/lab/README.md). Each folder's README.md names the scenario, ` +
      `the kernel package, busybox, QEMU and firmware versions and the exact QEMU command line; the scenario file ` +
      `test/lab/scenarios/<scenario>.json says what the guest was given.\n\n` +
      entries.join('\n') +
      '\n',
  );
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
      `Real evidence: \`src/collector/collect.sh\` ran${s.collectAs ? ` as uid ${s.collectAs}` : ' as root'} under ${result.busybox} inside a QEMU guest booted by ` +
      `\`node test/lab/run-scenario.mjs ${result.name} --samples\` on ${new Date().toISOString().slice(0, 10)}. ` +
      `\`evidence/\` is the bundle unpacked with its top directory stripped.\n\n` +
      `- Kernel: Debian \`${result.kernel}\`\n- ${qemuVersion(s)}\n` +
      firmwareLine(s) +
      `- QEMU: \`${qemuCommand(result)}\`\n` +
      `- Scenario definition (modules, actions, /etc tree, expected findings): test/lab/scenarios/${result.name}.json\n`,
  );
  return dest;
}

function qemuVersion(s) {
  return execFileSync(platformOf(s).qemu, ['--version'], { encoding: 'utf8' }).split('\n')[0];
}

/** arm64 READMEs name the firmware: AAVMF's package for ACPI boots, QEMU's own device tree otherwise. */
function firmwareLine(s) {
  if (archOf(s) === 'amd64') return '';
  if (firmwareOf(s) === 'dt') return `- Firmware: none; QEMU loads the kernel and passes the device tree it generates for the machine\n`;
  const { code, pkg } = platformOf(s).uefi;
  const version = execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg], { encoding: 'utf8' });
  return `- Firmware: ${code} from Debian \`${pkg} ${version}\` (ACPI tables from QEMU)\n`;
}
export { existsSync };
