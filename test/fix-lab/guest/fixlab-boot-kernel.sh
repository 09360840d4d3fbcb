#!/bin/sh
# fixlab-boot-kernel SERIES: make GRUB boot the installed kernel of SERIES (6.1, 6.12) by default,
# the way an administrator pins a kernel: GRUB_DEFAULT naming its entry in the "Advanced options"
# submenu, then update-grub.
set -eu
series=$1
kver=$(cd /boot && ls vmlinuz-"$series".* | sed 's/^vmlinuz-//' | sort -V | tail -n1)
uuid=$(findmnt -no UUID /)
printf '%s\n' "# Boot the $series kernel by default." \
	"GRUB_DEFAULT=\"gnulinux-advanced-$uuid>gnulinux-$kver-advanced-$uuid\"" >/etc/default/grub.d/50-kernel.cfg
update-grub
