#!/bin/sh
# /init of the lab initramfs (busybox). Loads the scenario's modules, applies its actions, runs the
# shell collector (and a raw dump of the evidence for parser fixtures), then sends everything to the
# host as base64 of one tar.gz on a serial port (/lab/out-tty: ttyS1 on amd64, the console's
# ttyAMA0 on arm64) and powers off.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
# an initramfs built for another architecture than the build host's carries busybox and /bin/sh
# only: busybox links its applets itself
[ -e /bin/mount ] || /bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /tmp /run
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
hostname lab-host

say() { echo "lab: $*"; }

# Modules in dependency order, one "path params..." per line (params from the scenario,
# modprobe.d options and <module>.<param>= on the kernel command line, as modprobe would pass them).
if [ -f /lab/modules.list ]; then
  while read -r path params; do
    [ -n "$path" ] || continue
    # shellcheck disable=SC2086
    insmod "/lib/modules/$(uname -r)/$path" $params || say "insmod $path failed"
  done < /lab/modules.list
fi

# Scenario actions (generated shell, see test/lab/lib/scenario.mjs)
[ -f /lab/actions.sh ] && . /lab/actions.sh

mkdir -p /tmp/out/raw
chmod 0777 /tmp/out
cd /tmp || exit 1

# Raw evidence, verbatim, for the parser fixtures
R=/tmp/out/raw
dmesg > $R/dmesg.txt 2>&1
cat /proc/cmdline > $R/cmdline.txt
for d in /sys/kernel/iommu_groups/*/devices/*; do
  [ -e "$d" ] || continue
  g=${d#/sys/kernel/iommu_groups/}
  echo "${g%%/*} ${d##*/}"
done | sort -n > $R/iommu-groups.txt
ls -1 /sys/class/iommu > $R/sys-class-iommu.txt 2>&1
ls -l /sys/class/iommu > $R/sys-class-iommu-l.txt 2>&1
for g in /sys/kernel/iommu_groups/*; do
  [ -e "$g/type" ] && echo "${g##*/} $(cat "$g/type")"
done | sort -n > $R/iommu-group-types.txt
ls -1 /sys/firmware/acpi/tables > $R/acpi-tables.txt 2>&1
cat /proc/modules > $R/proc-modules.txt
if command -v lspci >/dev/null 2>&1; then
  lspci -nnk > $R/lspci-nnk.txt 2>&1
  lspci -nnvvv > $R/lspci-nnvvv.txt 2>&1
fi
uname -srvm > $R/uname.txt
cat /proc/cpuinfo > $R/cpuinfo.txt
ls -l /dev/kvm > $R/dev-kvm.txt 2>&1
# device-tree boots: every node's compatible, and the IOMMU and MSI wiring properties (hex bytes)
if [ -d /sys/firmware/devicetree/base ]; then
  find /sys/firmware/devicetree/base -name compatible | sort | while read -r f; do
    n=${f#/sys/firmware/devicetree/base}
    echo "${n%/compatible}: $(tr '\0' ' ' < "$f")"
  done > $R/dt-compatible.txt
  find /sys/firmware/devicetree/base \( -name iommus -o -name 'iommu-map*' -o -name '#iommu-cells' -o -name 'msi-map*' -o -name msi-parent -o -name msi-controller \) |
    sort | while read -r f; do
      echo "${f#/sys/firmware/devicetree/base}:$(od -An -tx1 -v "$f" | tr -s ' \n' '  ')"
    done > $R/dt-iommu.txt
fi

# The product's collector, as the scenario's user
if [ -f /lab/collect.sh ]; then
  mkdir -p /tmp/out/bundle && chmod 0777 /tmp/out/bundle
  uid=$(cat /lab/collect-uid 2>/dev/null || echo 0)
  if [ "$uid" = 0 ]; then
    (cd /tmp && sh /lab/collect.sh -o /tmp/out/bundle/bundle.tgz) > /tmp/out/collect.log 2>&1
  else
    # busybox setpriv cannot change uid; su as root asks no password (the user's shell is nologin)
    user=$(awk -F: -v u="$uid" '$3 == u { print $1; exit }' /etc/passwd)
    (cd /tmp && su -s /bin/sh "$user" -c 'sh /lab/collect.sh -o /tmp/out/bundle/bundle.tgz') > /tmp/out/collect.log 2>&1
  fi
  echo "exit $?" >> /tmp/out/collect.log
  say "collector finished: $(tail -n 1 /tmp/out/collect.log)"
fi

tar -C /tmp/out -czf /tmp/lab-out.tgz .
read -r tty shared < /lab/out-tty
# a UART shared with the console: only emergency messages may interleave with the evidence
[ -n "$shared" ] && dmesg -n 1
stty -F "$tty" raw -echo 2>/dev/null
{
  echo "=== ptdoctor-lab begin ==="
  base64 /tmp/lab-out.tgz
  echo "=== ptdoctor-lab end ==="
} > "$tty"
sync
say "done"
poweroff -f
