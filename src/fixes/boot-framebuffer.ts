/**
 * Release a boot framebuffer that holds a GPU's BAR.
 * - sysfb_init (drivers/firmware/sysfb.c, a device_initcall since Linux 5.15 moved it out of
 *   arch/x86) registers the platform device that simplefb, simpledrm, efifb or vesafb then drive;
 *   `initcall_blacklist=sysfb_init` (Documentation/admin-guide/kernel-parameters.txt) stops it, so
 *   no firmware framebuffer driver claims the memory at all.
 * - Older kernels bind efifb/vesafb directly: `video=efifb:off video=vesafb:off`.
 * On 5.15+ kernels with simpledrm, `video=efifb:off` (the usual advice) does nothing.
 */
import type { HostProfile, KernelFacts } from '../facts/model.js';
import { atLeast } from '../facts/kernel.js';
import type { Fix } from './fix.js';
import { changeKernelParams } from './kernel-params.js';

export function releaseBootFramebuffer(host: HostProfile, kernel: KernelFacts | null): Fix {
  const modern = kernel === null || atLeast(kernel, 5, 15);
  const add = modern ? ['initcall_blacklist=sysfb_init'] : ['video=efifb:off', 'video=vesafb:off'];
  const fix = changeKernelParams(host, { add, remove: [] }, 'Keep the firmware framebuffer off the GPU that goes to the VM');
  return {
    ...fix,
    caveats: [
      ...(fix.caveats ?? []),
      'The host loses its boot console on that GPU; use a serial console or another GPU (set it as primary/boot display in the firmware) to keep one.',
      ...(kernel === null ? ['The kernel version is unknown: on kernels before 5.15 use video=efifb:off video=vesafb:off instead.'] : []),
    ],
  };
}
