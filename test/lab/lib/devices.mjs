// A scenario's `devices` as QEMU arguments, the same on every machine type.

/** `-device` per entry; `drive:<id>` becomes the `-drive` of a small raw image (`driveImages`: id → file). */
export function deviceArgs(s, driveImages) {
  const args = [];
  for (const d of s.devices) {
    if (d.startsWith('drive:')) {
      // drive:<id> — a small raw image for an NVMe or virtio disk
      args.push('-drive', `file=${driveImages.get(d.slice(6))},if=none,format=raw,id=${d.slice(6)}`);
    } else {
      args.push('-device', d);
    }
  }
  return args;
}
