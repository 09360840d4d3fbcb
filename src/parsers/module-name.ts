/**
 * Module names compare with `-` and `_` alike: the kernel stores them with `_` (/proc/modules,
 * /sys/module), while modprobe.d, modules-load.d and the command line accept either spelling.
 */
export function moduleKey(name: string): string {
  return name.replaceAll('-', '_');
}
