#!/bin/sh
# The collection floor (npm run bench): what any collector of the same evidence must pay. The same
# external commands the collector runs (src/collector/collect.sh), the same files copied and the
# same sysfs and procfs listings read, each once, in a plain loop: no deadline, no manifest, no
# masking, no caps, no status bookkeeping. Then `tar czf` of the result.
#
# Usage: sh bench/collect-floor.sh OUT.tgz (the host root is PTDOCTOR_ROOT, as for the collector)
R=${PTDOCTOR_ROOT:-}
OUT=$1
T=$(mktemp -d "${TMPDIR:-/tmp}/ptdoctor-floor.XXXXXX")
W=$T/bundle
mkdir -p "$W/commands" "$W/proc" "$W/etc" "$W/boot"

run() { _id=$1; shift; "$@" >"$W/commands/$_id.out" 2>"$W/commands/$_id.err"; }

# the commands
run uname uname -srvm
run dmesg dmesg
run lsmod lsmod
run lspci-nnk lspci -nnk
run lspci-vvv lspci -nnvvv
run systemd-detect-virt systemd-detect-virt
run lsusb lsusb
grep -E 'AER|PCIe Bus Error|DPC: ' "$W/commands/dmesg.out" >"$W/commands/kernel-log-aer.out"
_kr=$(uname -r)
for _c in "/boot/config-$_kr" "/lib/modules/$_kr/config"; do
	[ -r "$R$_c" ] && grep -E '^(# )?CONFIG_[A-Z0-9_]*(IOMMU|VFIO|KVM)' "$R$_c" >"$W/commands/kernel-config.out"
done
{ systemctl is-enabled oc-hugetlb-gigantic-pages; systemctl is-active oc-hugetlb-gigantic-pages; } >"$W/commands/hugetlb-service.out" 2>&1
echo "now $(date +%s)" >"$W/commands/boot-times.out"

# the files
for _f in /proc/cmdline /proc/modules /proc/meminfo /proc/cpuinfo /proc/swaps /proc/mounts /proc/iomem \
	/etc/default/grub /etc/os-release /etc/modules /etc/kernel/cmdline /etc/yunion/host.conf /etc/initramfs-tools/modules \
	/boot/grub/grub.cfg /boot/grub2/grub.cfg /boot/grub2/grubenv \
	"$R"/etc/default/grub.d/*.cfg "$R"/etc/modules-load.d/*.conf "$R"/etc/modprobe.d/*.conf "$R"/etc/dracut.conf.d/*.conf \
	"$R"/boot/loader/entries/*.conf; do
	_h=${_f#"$R"}
	[ -f "$R$_h" ] || continue
	[ -d "$W${_h%/*}" ] || mkdir -p "$W${_h%/*}"
	cat "$R$_h" >"$W$_h"
done
stat -c '%Y %n' "$R"/etc/default/grub "$R"/boot/grub/grub.cfg >/dev/null 2>&1

# the listings, read by the shell itself
for _d in "$R"/sys/bus/pci/devices/*; do
	[ -e "$_d" ] || continue
	echo "[${_d##*/}]"
	for _k in vendor device subsystem_vendor subsystem_device class revision driver_override boot_vga reset_method \
		sriov_totalvfs sriov_numvfs numa_node enable; do
		[ -r "$_d/$_k" ] && read -r _v <"$_d/$_k" && echo "$_k=$_v"
	done
	for _k in driver iommu_group physfn; do [ -L "$_d/$_k" ] && cd -P "$_d/$_k" && echo "$_k=${PWD##*/}"; done
	echo
done >"$W/commands/pci-sysfs.out"
for _f in "$R"/sys/kernel/iommu_groups/*/devices/*; do
	[ -e "$_f" ] || continue
	_g=${_f%/devices/*}
	echo "${_g##*/} ${_f##*/}"
done >"$W/commands/iommu-groups.out"
for _d in "$R"/sys/bus/pci/devices/*; do
	for _k in aer_dev_correctable aer_dev_fatal aer_dev_nonfatal aer_rootport_total_err_cor aer_rootport_total_err_fatal \
		aer_rootport_total_err_nonfatal; do
		[ -r "$_d/$_k" ] && read -r _v <"$_d/$_k" && echo "${_d##*/} $_k $_v"
	done
done >"$W/commands/pci-aer.out"
for _f in "$R"/sys/kernel/iommu_groups/*/type "$R"/sys/class/iommu/*/devices/* "$R"/sys/block/* "$R"/sys/class/net/* \
	"$R"/sys/class/dmi/id/sys_vendor "$R"/sys/class/dmi/id/product_name "$R"/sys/kernel/mm/hugepages/*/nr_hugepages; do
	[ -r "$_f" ] && [ -f "$_f" ] && read -r _v <"$_f" && echo "$_f $_v"
done >"$W/commands/other-listings.out"
for _l in /sys/module /sys/class/iommu /sys/firmware/acpi/tables /sys/firmware/efi; do
	for _e in "$R$_l"/*; do [ -e "$_e" ] && echo "${_e##*/}"; done
done >"$W/commands/listings.out"

cd "$T" && tar czf "$OUT" bundle
rm -rf "$T"
