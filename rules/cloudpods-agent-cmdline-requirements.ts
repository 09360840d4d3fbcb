import { defineRule } from '../src/engine/define-rule.js';
import { gpuProbeDisabledBy } from '../src/facts/cloudpods-devices.js';
import { hostServiceLines } from '../src/facts/cloudpods-lookup.js';
import { checkHostServiceLog, restartHostService } from '../src/fixes/cloudpods.js';
import { changeKernelParams } from '../src/fixes/kernel-params.js';

// pkg/hostman/isolated_device/gpu.go sGPUBaseDevice.CustomProbe (first device): /proc/cmdline split on
// spaces must hold these exact words, else the probe fails with the message quoted in `want`. The
// same check runs on arm64 hosts (the GPU probe has no architecture branch): allow_unsafe_interrupts=1
// and the nouveau words are required there too, but never intel_iommu=on, which the service asks for
// only when sysutils.IsProcessorIntel() (pkg/util/sysutils/kvm.go: the kvm-intel module, x86 only).
const UNSAFE = 'vfio_iommu_type1.allow_unsafe_interrupts=1';
export default defineRule({
  id: 'cloudpods-agent-cmdline-requirements',
  title: 'The kernel command line lacks parameters the Cloudpods host service requires before it probes GPUs',
  severity: 'error',
  tags: ['cloudpods', 'cmdline', 'gpu'],
  appliesTo: 'cloudpods',
  source: 'yunionio/cloudpods pkg/hostman/isolated_device/gpu.go sGPUBaseDevice.CustomProbe',
  needs: ['cloudpods', 'cmdline', 'host'],
  optional: ['logEvents'],
  messages: {
    gpuProbeOff: 'disable_gpu: true in host.conf: the host service does not probe GPUs, so it does not check the command line.',
    complete: 'The command line has every word the host service checks before it probes GPUs.',
    missing: 'The command line lacks {{params}}: the host service refuses its GPUs with "{{message}}".',
  },
  check({ cloudpods, cmdline, host, logEvents }, r) {
    const cp = cloudpods.value;
    const off = gpuProbeDisabledBy(cp);
    if (off) return r.pass('gpuProbeOff', {}, [off.ref]);
    const words = new Set(cmdline.value.params.map((p) => p.raw));
    const add: string[] = [];
    let message = '';
    if (!words.has(UNSAFE)) {
      add.push(UNSAFE);
      message ||= `GRUB_CMDLINE iommu parameters ${UNSAFE} missing`;
    }
    const intelHost =
      (host.value.arch === 'x86_64' || host.value.arch === null || host.value.arch === undefined) && host.value.cpuVendor === 'intel';
    if (intelHost && !words.has('intel_iommu=on')) {
      add.push('intel_iommu=on');
      message ||= 'GRUB_CMDLINE iommu parameters intel_iommu=on missing';
    }
    const nouveau = words.has('nouveau.modeset=0') && (words.has('rdblacklist=nouveau') || words.has('rd.driver.blacklist=nouveau'));
    if (!nouveau) {
      add.push(
        ...['rdblacklist=nouveau', 'nouveau.modeset=0'].filter(
          (w) => !words.has(w) && !(w === 'rdblacklist=nouveau' && words.has('rd.driver.blacklist=nouveau')),
        ),
      );
      message ||= 'Some GRUB_CMDLINE nouveau_blacklisted parameters are missing';
    }
    if (add.length === 0) return r.pass('complete', {}, [cmdline.value.ref]);
    const logged = hostServiceLines(logEvents, [
      'cloudpods-cmdline-unsafe-interrupts-missing',
      'cloudpods-cmdline-intel-iommu-missing',
      'cloudpods-cmdline-nouveau-missing',
    ]);
    const fix = changeKernelParams(
      host.value,
      { add, remove: [] },
      'Add the parameters the host service checks, reboot, and let it probe again',
    );
    return r.fail('missing', { params: add.join(' '), message }, [cmdline.value.ref, ...logged], {
      ...fix,
      steps: [
        ...fix.steps,
        ...restartHostService(),
        checkHostServiceLog('no "GRUB_CMDLINE … missing" error; "Add GPU device" lines for the GPUs'),
      ],
    });
  },
});
