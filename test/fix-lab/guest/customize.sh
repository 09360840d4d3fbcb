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
# No login is needed on the serial console; the agent works without one.
