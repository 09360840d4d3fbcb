/**
 * Every parser entry point that takes evidence text, with the real outputs to mutate: the
 * verbatim fixtures in test/fixtures/<source>/ and the lab samples' evidence (provenance in
 * test/fixtures/SOURCES.md and samples/*). Shared by the property tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/bundle-from.js';
import { parseBlockDevices } from '../../src/parsers/block-devices.js';
import { grubVariables, parseBlsEntry } from '../../src/parsers/bls-entry.js';
import { parseBootTimes } from '../../src/parsers/boot-times.js';
import { normalizeParamKey, parseCmdline, parseCmdlineString } from '../../src/parsers/cmdline.js';
import { parseCpuinfo } from '../../src/parsers/cpuinfo.js';
import { parseDefaultGrub } from '../../src/parsers/default-grub.js';
import { findMessages, parseDmesg } from '../../src/parsers/dmesg.js';
import { parseDmi } from '../../src/parsers/dmi.js';
import { parseDracutConf } from '../../src/parsers/dracut-conf.js';
import { parseGrubCfg } from '../../src/parsers/grub-cfg.js';
import { parseGrubenv } from '../../src/parsers/grubenv.js';
import { parseHugepages } from '../../src/parsers/hugepages.js';
import { parseInitramfsToolsModules } from '../../src/parsers/initramfs-tools-modules.js';
import { parseIommuGroups, parseIommuGroupsFromDmesg } from '../../src/parsers/iommu-groups.js';
import { parseKernelCmdlineFile } from '../../src/parsers/kernel-cmdline-file.js';
import { parseKernelConfig } from '../../src/parsers/kernel-config.js';
import { fields, splitLines } from '../../src/parsers/lines.js';
import { parseLsmod } from '../../src/parsers/lsmod.js';
import { parseLspciNnk } from '../../src/parsers/lspci-nnk.js';
import { parseLspciVvv } from '../../src/parsers/lspci-vvv.js';
import { parseLsusb } from '../../src/parsers/lsusb.js';
import { parseMeminfo } from '../../src/parsers/meminfo.js';
import { logicalLines, parseModprobeD } from '../../src/parsers/modprobe-d.js';
import { parseModuleLines, parseModulesLoadD } from '../../src/parsers/modules-load-d.js';
import { parseMounts, unescapeOctal } from '../../src/parsers/mounts.js';
import { parseNameList } from '../../src/parsers/name-list.js';
import { parseOsRelease } from '../../src/parsers/os-release.js';
import { normalizePciAddress, parsePciDeviceLine, splitTrailingIds } from '../../src/parsers/pci-address.js';
import { parsePciSysfs } from '../../src/parsers/pci-sysfs.js';
import { parseProcModules } from '../../src/parsers/proc-modules.js';
import { expandParts, splitAssignment, splitShellStatements } from '../../src/parsers/shell-words.js';
import { parseSwaps } from '../../src/parsers/swaps.js';
import { parseHostConf } from '../../src/parsers/host-conf.js';
import { parseHostServiceLog } from '../../src/parsers/host-service-log.js';
import { parseSystemdDetectVirt } from '../../src/parsers/systemd-detect-virt.js';
import { parseUname } from '../../src/parsers/uname.js';

export interface ParserUnderTest {
  readonly name: string;
  readonly parse: (text: string) => unknown;
  /** Files or directories (relative to the repository) holding real outputs for this parser. */
  readonly real: readonly string[];
}

const S = 'samples/lab-intel-healthy/evidence';
const A = 'samples/lab-amd-healthy/evidence';

export const PARSERS: readonly ParserUnderTest[] = [
  { name: 'parseBlockDevices', parse: parseBlockDevices, real: ['test/fixtures/block-devices', `${S}/commands/block-devices.out`] },
  { name: 'parseBlsEntry', parse: parseBlsEntry, real: ['test/fixtures/bls-entry'] },
  { name: 'grubVariables', parse: grubVariables, real: ['test/fixtures/bls-entry'] },
  { name: 'parseBootTimes', parse: parseBootTimes, real: ['test/fixtures/boot-times', `${S}/commands/boot-times.out`] },
  { name: 'parseCmdline', parse: parseCmdline, real: ['test/fixtures/cmdline', `${S}/proc/cmdline`, `${A}/proc/cmdline`] },
  { name: 'parseCmdlineString', parse: (t) => parseCmdlineString(t), real: ['test/fixtures/cmdline'] },
  { name: 'normalizeParamKey', parse: normalizeParamKey, real: ['test/fixtures/cmdline'] },
  { name: 'parseCpuinfo', parse: parseCpuinfo, real: ['test/fixtures/cpuinfo', `${S}/proc/cpuinfo`] },
  { name: 'parseDefaultGrub', parse: parseDefaultGrub, real: ['test/fixtures/default-grub', `${S}/etc/default`] },
  { name: 'splitShellStatements', parse: splitShellStatements, real: ['test/fixtures/default-grub', 'test/fixtures/dracut-conf'] },
  {
    name: 'splitAssignment+expandParts',
    parse: (t) =>
      splitShellStatements(t).flatMap((s) =>
        s.words.map((w) => splitAssignment(w)).map((a) => (a ? expandParts(a.value, () => 'x') : null)),
      ),
    real: ['test/fixtures/default-grub'],
  },
  { name: 'parseDmesg', parse: parseDmesg, real: ['test/fixtures/dmesg', `${S}/commands/dmesg.out`, `${A}/commands/dmesg.out`] },
  { name: 'findMessages', parse: (t) => findMessages(parseDmesg(t), 'DMAR: IOMMU enabled'), real: ['test/fixtures/dmesg'] },
  {
    name: 'parseIommuGroupsFromDmesg',
    parse: (t) => parseIommuGroupsFromDmesg(parseDmesg(t)),
    real: ['test/fixtures/dmesg', `${S}/commands/dmesg.out`],
  },
  { name: 'parseDmi', parse: parseDmi, real: [`${S}/commands/dmi.out`, `${A}/commands/dmi.out`] },
  { name: 'parseDracutConf', parse: parseDracutConf, real: ['test/fixtures/dracut-conf'] },
  { name: 'parseGrubCfg', parse: parseGrubCfg, real: ['test/fixtures/grub-cfg'] },
  { name: 'parseGrubenv', parse: parseGrubenv, real: ['test/fixtures/grubenv'] },
  { name: 'parseHugepages', parse: parseHugepages, real: ['test/fixtures/hugepages', `${S}/commands/hugepages.out`] },
  { name: 'parseInitramfsToolsModules', parse: parseInitramfsToolsModules, real: ['test/fixtures/initramfs-tools-modules'] },
  { name: 'parseIommuGroups', parse: parseIommuGroups, real: ['test/fixtures/iommu-groups', `${S}/commands/iommu-groups.out`] },
  { name: 'parseKernelCmdlineFile', parse: parseKernelCmdlineFile, real: ['test/fixtures/kernel-cmdline-file'] },
  { name: 'parseKernelConfig', parse: parseKernelConfig, real: ['test/fixtures/kernel-config', `${S}/commands/kernel-config.out`] },
  { name: 'splitLines', parse: splitLines, real: [`${S}/commands/dmesg.out`] },
  { name: 'fields', parse: fields, real: [`${S}/proc/modules`] },
  { name: 'parseLsmod', parse: parseLsmod, real: ['test/fixtures/lsmod', `${S}/commands/lsmod.out`] },
  {
    name: 'parseLspciNnk',
    parse: parseLspciNnk,
    real: ['test/fixtures/lspci-nnk', `${S}/commands/lspci-nnk.out`, `${A}/commands/lspci-nnk.out`],
  },
  { name: 'parseLspciVvv', parse: parseLspciVvv, real: ['test/fixtures/lspci-vvv', `${S}/commands/lspci-vvv.out`] },
  { name: 'parsePciDeviceLine', parse: (t) => splitLines(t).map((l) => parsePciDeviceLine(l.text)), real: ['test/fixtures/lspci-nnk'] },
  { name: 'splitTrailingIds', parse: (t) => splitLines(t).map((l) => splitTrailingIds(l.text)), real: ['test/fixtures/lspci-nnk'] },
  {
    name: 'normalizePciAddress',
    parse: (t) => splitLines(t).map((l) => normalizePciAddress(l.text)),
    real: ['test/fixtures/iommu-groups'],
  },
  { name: 'parseLsusb', parse: parseLsusb, real: ['test/fixtures/lsusb'] },
  { name: 'parseMeminfo', parse: parseMeminfo, real: ['test/fixtures/meminfo', `${S}/proc/meminfo`] },
  { name: 'parseModprobeD', parse: parseModprobeD, real: ['test/fixtures/modprobe-d', `${S}/etc/modprobe.d`] },
  { name: 'logicalLines', parse: logicalLines, real: ['test/fixtures/modprobe-d'] },
  { name: 'parseModulesLoadD', parse: parseModulesLoadD, real: ['test/fixtures/modules-load-d', `${S}/etc/modules-load.d`] },
  { name: 'parseModuleLines', parse: (t) => parseModuleLines(t, true), real: ['test/fixtures/modules-load-d'] },
  { name: 'parseMounts', parse: parseMounts, real: ['test/fixtures/mounts', `${S}/proc/mounts`] },
  { name: 'unescapeOctal', parse: unescapeOctal, real: ['test/fixtures/mounts'] },
  { name: 'parseNameList', parse: parseNameList, real: ['test/fixtures/name-list', `${S}/commands/acpi-tables.out`] },
  { name: 'parseOsRelease', parse: parseOsRelease, real: ['test/fixtures/os-release', `${S}/etc/os-release`] },
  { name: 'parsePciSysfs', parse: parsePciSysfs, real: ['test/fixtures/pci-sysfs', `${S}/commands/pci-sysfs.out`] },
  { name: 'parseProcModules', parse: parseProcModules, real: ['test/fixtures/proc-modules', `${S}/proc/modules`] },
  { name: 'parseSwaps', parse: parseSwaps, real: ['test/fixtures/swaps', `${S}/proc/swaps`] },
  {
    name: 'parseHostConf',
    parse: parseHostConf,
    real: ['test/fixtures/cloudpods', 'samples/lab-cloudpods-healthy/evidence/etc/yunion/host.conf'],
  },
  { name: 'parseHostServiceLog', parse: parseHostServiceLog, real: ['test/fixtures/cloudpods'] },
  { name: 'parseSystemdDetectVirt', parse: parseSystemdDetectVirt, real: ['test/fixtures/systemd-detect-virt'] },
  { name: 'parseUname', parse: parseUname, real: ['test/fixtures/uname', `${S}/commands/uname.out`] },
];

/** The real texts behind `real`: every file of a directory (recursively), or the file itself. */
export function realTexts(p: ParserUnderTest): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) for (const n of readdirSync(abs).sort()) walk(join(abs, n));
    else out.push(readFileSync(abs, 'utf8'));
  };
  for (const r of p.real) walk(join(ROOT, r));
  return out;
}
