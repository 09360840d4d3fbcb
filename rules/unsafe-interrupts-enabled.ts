import { defineRule } from '../src/engine/define-rule.js';
import { gpuProbeDisabledBy } from '../src/facts/cloudpods-devices.js';
import { unsafeInterruptSettings } from '../src/facts/iommu-params.js';
import { dropUnsafeInterrupts } from '../src/fixes/interrupt-remapping.js';

/** Config lines cited per finding: a modprobe.d of 49,000 files is named by the first few. */
const MAX_CITED_LINES = 16;

// allow_unsafe_interrupts only matters where the IOMMU cannot remap interrupts
// (drivers/vfio/vfio_iommu_type1.c vfio_iommu_type1_attach_group); with remapping on it only removes a check.
export default defineRule({
  id: 'unsafe-interrupts-enabled',
  title: 'allow_unsafe_interrupts is set although interrupt remapping works',
  severity: 'warning',
  tags: ['iommu', 'interrupts', 'security'],
  source: 'Guide: GRUB_CMDLINE_LINUX="… vfio_iommu_type1.allow_unsafe_interrupts=1"',
  needs: ['interruptRemapping', 'cmdline', 'host'],
  optional: ['moduleConfig', 'bootConfig', 'cloudpods'],
  messages: {
    notSet: 'vfio_iommu_type1.allow_unsafe_interrupts is not set.',
    needed: 'allow_unsafe_interrupts is set and {{isolation}} is off: it is what lets VFIO work here (see interrupt-remapping-missing).',
    unneeded:
      "{{settings}} switches off VFIO's interrupt-isolation check although {{isolation}} works: a guest could forge MSIs if the platform ever loses it.",
  },
  check({ interruptRemapping, cmdline, host, moduleConfig, bootConfig, cloudpods }, r) {
    const sources = bootConfig.state === 'known' ? bootConfig.value.sources : [];
    const settings = unsafeInterruptSettings(cmdline.value, moduleConfig.state === 'known' ? moduleConfig.value.modprobe : [], sources);
    if (settings.length === 0)
      return r.pass('notSet', {}, [
        cmdline.value.ref,
        ...(moduleConfig.state === 'known' ? moduleConfig.evidence.slice(0, MAX_CITED_LINES) : []),
      ]);
    const evidence = [...interruptRemapping.evidence, ...settings.slice(0, MAX_CITED_LINES).map((s) => s.ref)];
    // arm64 isolates MSIs with the GICv3 ITS; VFIO's check is the same (src/facts/interrupt-remapping.ts).
    const isolation = host.value.arch === 'aarch64' ? 'MSI isolation (GICv3 ITS)' : 'interrupt remapping';
    if (!interruptRemapping.value.enabled) return r.pass('needed', { isolation }, evidence);
    // Severity is decided here so that host-specific exceptions (a platform that requires the
    // parameter) lower it with a stated reason in one place.
    const data = { settings: [...new Set(settings.map((s) => s.raw))].join(', '), isolation };
    // The Cloudpods host service refuses to probe GPUs without the exact word on /proc/cmdline
    // (pkg/hostman/isolated_device/gpu.go sGPUBaseDevice.CustomProbe): removing it breaks the host.
    const gpuProbe = cloudpods.state === 'known' && cloudpods.value.detected && gpuProbeDisabledBy(cloudpods.value) === null;
    if (host.value.isCloudpods && gpuProbe)
      return r.fail(
        'unneeded',
        data,
        [...evidence, ...(cloudpods.state === 'known' ? cloudpods.evidence : [])],
        {
          summary: 'Keep the parameter: the Cloudpods host service requires it',
          steps: [
            {
              kind: 'note',
              text: 'The Cloudpods host service checks /proc/cmdline for vfio_iommu_type1.allow_unsafe_interrupts=1 before it probes GPUs and refuses them without it ("GRUB_CMDLINE iommu parameters vfio_iommu_type1.allow_unsafe_interrupts=1 missing"). Leave it in place; set disable_gpu: true in /etc/yunion/host.conf only if this host passes no GPU through.',
            },
          ],
        },
        {
          severity: 'info',
          severityReason: 'the Cloudpods host service requires this parameter before it probes GPUs (gpu.go sGPUBaseDevice.CustomProbe)',
        },
      );
    return r.fail('unneeded', data, evidence, dropUnsafeInterrupts(host.value, settings));
  },
});
