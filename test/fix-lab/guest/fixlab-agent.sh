#!/bin/sh
# The fix-apply lab's agent inside the installed Debian system (a systemd service started after
# multi-user.target). It does what a person at the host would do, one phase per boot, and keeps its
# state in the 9p share the lab's runner exports (mount tag `fixlab`), so the phases survive the
# real reboots between them:
#   install  (the first boot, started with -kernel/-initrd): grub-install onto the disk, grub.cfg
#   setup    the scenario's setup.sh (how the host got broken), then a reboot
#   before   the scenario's runtime.sh (by-hand changes that do not survive a reboot), the collector,
#            then the fix plan the runner wrote (plan.sh) run as root, then a reboot
#   after    the collector again and the plan's checks (verify.sh), then power off
# Every phase writes <phase>.log and <phase>.rc into the share; the runner reads nothing else.
set -u
S=/mnt/fixlab
STATE=/var/lib/fixlab
mkdir -p "$S" "$STATE"

say() { echo "fixlab: $*" >/dev/console 2>/dev/null || echo "fixlab: $*"; }
uptime_s() { cut -d' ' -f1 /proc/uptime; }

if ! mountpoint -q "$S"; then
	modprobe 9pnet_virtio 2>/dev/null
	mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 fixlab "$S" || {
		say "no 9p share (mount tag fixlab): powering off"
		systemctl poweroff
		exit 1
	}
fi

# One line per boot: the boot's number, the kernel release and the guest's uptime when the agent
# started (kernel, initramfs and systemd up to multi-user.target).
echo "$(uname -r) $(uptime_s)" >>"$S/boots"
sync

# run_phase NAME COMMAND...: the command's output to NAME.log, its exit status to NAME.rc.
run_phase() {
	name=$1
	shift
	say "$name: $*"
	"$@" >"$S/$name.log" 2>&1
	rc=$?
	echo "$rc" >"$S/$name.rc"
	sync
	say "$name: exit $rc"
	return "$rc"
}

# What the boot itself shows, for the runner's record (not evidence for the analyzer).
boot_record() {
	{
		echo "== uname -r"
		uname -r
		echo "== /proc/cmdline"
		cat /proc/cmdline
		echo "== systemctl --failed"
		systemctl --failed --no-legend --plain
		echo "== journalctl -b -p warning (kernel, systemd-modules-load)"
		journalctl -b -p warning --no-pager -o short-monotonic _TRANSPORT=kernel + SYSLOG_IDENTIFIER=systemd-modules-load | tail -n 80
	} >"$S/$1-boot.txt" 2>&1
}

finish() {
	sync
	say "$1"
	case $1 in
	reboot) systemctl reboot ;;
	*) systemctl poweroff ;;
	esac
	exit 0
}

if [ ! -e "$STATE/installed" ]; then
	# The installer's last steps, as debian-installer runs them in the target: the boot loader
	# onto the disk that holds / (the disk's stable name goes to debconf so grub-pc upgrades
	# reinstall it), then grub.cfg.
	install_grub() {
		set -eux
		disk=$(lsblk -npo PKNAME "$(findmnt -no SOURCE /)")
		byid=$(find -L /dev/disk/by-id -samefile "$disk" -name 'ata-*' | head -n1)
		echo "grub-pc grub-pc/install_devices multiselect ${byid:-$disk}" | debconf-set-selections
		grub-install "$disk"
		# MODULES=dep guesses from the running machine, so the images are rebuilt here, not in the
		# build host's chroot (whose root device is not this one).
		update-initramfs -u -k all
		# The stock kernel by default (update-grub runs inside); a scenario on 6.12 pins that one.
		fixlab-boot-kernel 6.1
		touch "$STATE/installed"
	}
	run_phase install install_grub
	finish poweroff
fi

if [ -e "$S/setup.sh" ] && [ ! -e "$S/setup.rc" ]; then
	run_phase setup sh -eux "$S/setup.sh"
	finish reboot
fi

if [ ! -e "$S/before.rc" ]; then
	if [ -e "$S/runtime.sh" ]; then run_phase runtime sh -eux "$S/runtime.sh" || finish poweroff; fi
	run_phase before sh "$S/collect.sh" -o "$S/before.tgz"
	boot_record before
	# The runner analyzes the bundle and writes the plan the report printed; a person would read
	# the report now. It gives up after FIXLAB_PLAN_WAIT seconds (in the share's plan-wait).
	wait_s=$(cat "$S/plan-wait" 2>/dev/null || echo 900)
	n=0
	while [ ! -e "$S/plan.ready" ] && [ "$n" -lt "$wait_s" ]; do
		sleep 1
		n=$((n + 1))
	done
	[ -e "$S/plan.sh" ] || finish poweroff
	# As root, as the report says; -x records each step so a failing one is named in plan.log.
	run_phase plan sh -x "$S/plan.sh"
	# The plan ends before the reboot and asks for one.
	finish reboot
fi

if [ ! -e "$S/after.rc" ]; then
	run_phase after sh "$S/collect.sh" -o "$S/after.tgz"
	if [ -e "$S/verify.sh" ]; then run_phase verify sh "$S/verify.sh"; fi
	boot_record after
	finish poweroff
fi

finish poweroff
