#!/bin/sh
# mmdebstrap --customize-hook: what an installer writes into the target besides packages, plus the
# lab's agent. Runs on the build host; $1 is the target root, $2 the root filesystem's UUID, $3 the
# folder holding this file.
set -eu
root=$1
uuid=$2
here=$3
printf '%s\n' "UUID=$uuid / ext4 errors=remount-ro 0 1" >"$root/etc/fstab"
echo fixlab >"$root/etc/hostname"
printf '%s\n' '127.0.0.1 localhost' '127.0.1.1 fixlab' >"$root/etc/hosts"
mkdir -p "$root/etc/default/grub.d" "$root/usr/local/sbin" "$root/etc/systemd/system/multi-user.target.wants"
install -m 0644 "$here/grub-serial.cfg" "$root/etc/default/grub.d/40-serial.cfg"
install -m 0755 "$here/fixlab-agent.sh" "$root/usr/local/sbin/fixlab-agent"
install -m 0755 "$here/fixlab-boot-kernel.sh" "$root/usr/local/sbin/fixlab-boot-kernel"
install -m 0644 "$here/fixlab-agent.service" "$root/etc/systemd/system/fixlab-agent.service"
ln -sf /etc/systemd/system/fixlab-agent.service "$root/etc/systemd/system/multi-user.target.wants/fixlab-agent.service"
# The installer's "targeted" initrd (debian-installer's driver policy, initramfs-tools(7) MODULES=dep):
# the images hold the modules this machine needs to mount its root, not every storage and network
# driver. Under TCG an image of MODULES=most takes over ten minutes to build and the plans rebuild
# one per kernel (docs/fix-lab.md); the install boot rebuilds both images this way.
sed -i 's/^MODULES=most$/MODULES=dep/' "$root/etc/initramfs-tools/initramfs.conf"
grep -qx 'MODULES=dep' "$root/etc/initramfs-tools/initramfs.conf"
