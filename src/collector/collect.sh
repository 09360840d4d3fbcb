#!/bin/sh
# ptdoctor collector: packs the evidence needed to diagnose PCI passthrough (VFIO) on this host
# into one .tgz. POSIX sh (bash, dash, busybox ash); needs sh, tar and gzip, uses other tools
# only when present. Reads an explicit allowlist, never the network, never the environment.
# Bundle layout and manifest: docs/bundle-format.md (contract: src/bundle/layout.ts).

VERSION=0.1.0
LC_ALL=C; export LC_ALL   # stable command output and byte-wise patterns
umask 077

usage() {
	cat <<'EOF'
Usage: sh collect.sh [-o PATH|-o -] [--redact]

Collects PCI passthrough evidence from this host into one file,
ptdoctor-<host>-<UTC time>.tgz in the current directory, and prints its path.

  -o PATH     write the bundle to PATH (a directory: the default name inside it)
  -o -        write the bundle to stdout (messages go to stderr)
  --redact    replace host names, IP and MAC addresses, serials and user names
              with stable tokens (redacted-host-1, ...)
  -h, --help  this text
  --version   print the collector version

Run as root for complete evidence (dmesg, lspci capabilities, /boot).
Environment: PTDOCTOR_TIMEOUT (s per command, default 10),
PTDOCTOR_MAX_ITEM_BYTES (default 8388608), PTDOCTOR_MAX_BUNDLE_BYTES (default 67108864).
EOF
}

say() { printf 'ptdoctor: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

ARGS="$*" OUT='' REDACT=0
while [ $# -gt 0 ]; do
	case $1 in
	-o) [ $# -ge 2 ] || { say "-o needs a path"; exit 2; }; OUT=$2; shift 2 ;;
	-o*) OUT=${1#-o}; shift ;;
	--redact) REDACT=1; shift ;;
	-h|--help) usage; exit 0 ;;
	--version) echo "ptdoctor-collect $VERSION"; exit 0 ;;
	*) say "unknown argument: $1 (see --help)"; exit 2 ;;
	esac
done

# Test hook: every host path the script reads is "$R<path>", so tests can build a fake root.
R=${PTDOCTOR_ROOT:-}
# num_or VALUE DEFAULT: sets N to VALUE when it is a whole number, else to DEFAULT
num_or() { case $1 in ''|*[!0-9]*) N=$2 ;; *) N=$1 ;; esac; }
num_or "${PTDOCTOR_TIMEOUT:-}" 10; T=$N
num_or "${PTDOCTOR_MAX_ITEM_BYTES:-}" 8388608; MAX_ITEM=$N
num_or "${PTDOCTOR_MAX_BUNDLE_BYTES:-}" 67108864; MAX_TOTAL=$N
LOG_HEAD=1048576; [ "$LOG_HEAD" -gt $((MAX_ITEM / 2)) ] && LOG_HEAD=$((MAX_ITEM / 2))
# Safety net for raw command output before capping: a runaway writer is stopped by SIGXFSZ.
# (ulimit -f counts 512- or 1024-byte blocks depending on the shell; either is generous.)
FSIZE=$(( (MAX_ITEM * 4) / 512 + 1 ))
# TOTAL: bytes of the logs cut as they are read (manifest_items applies the budget to every item)
RUN=0 TOTAL=0 CHILD='' WD='' TMP='' PARTIAL='' NDENIED=0 DENIED_IDS=''
OK_IDS=   # ids with an ok item, each followed by a blank
DROP=   # empty outputs of failed items (bundle paths, no blanks), removed in one rm at the end
# the effective uid from the shell's own /proc/self/status (a builtin read), else id -u
UID_NOW=
{ while read -r _k _r _e _; do [ "$_k" = Uid: ] && { UID_NOW=$_e; break; }; done; } </proc/self/status 2>/dev/null
case $UID_NOW in ''|*[!0-9]*) UID_NOW=$(id -u 2>/dev/null || echo 0) ;; esac

# --- cleanup: the temp dir and any partial output go away, also on INT/TERM/HUP ------------
stop_child() {
	[ -n "$WD" ] && kill "$WD" 2>/dev/null
	if [ -n "$CHILD" ]; then
		kill -TERM "$CHILD" 2>/dev/null
		# without timeout(1) nothing else would escalate; timeout itself escalates (-k 2)
		[ "$HAVE_TIMEOUT" = 1 ] || kill -KILL "$CHILD" 2>/dev/null
	fi
	CHILD='' WD=''
}
cleanup() {
	in_main || return 0
	stop_child
	[ -n "$TMP" ] && rm -rf "$TMP"
	[ -n "$PARTIAL" ] && rm -f "$PARTIAL"
	TMP='' PARTIAL=''
}
# bash can run the main shell's traps in a subshell (a watchdog, a background command): when a
# signal arrives before the subshell has reset them, and at the exit of a subshell that set a
# trap of its own. Only the main shell may remove the temp dir.
# shellcheck disable=SC3028 # BASHPID is read only where bash sets it; other shells get ''
in_main() { _bp=${BASHPID:-}; [ -z "$_bp" ] || [ "$_bp" = "$$" ]; }
trap cleanup EXIT
trap 'cleanup; trap - EXIT; exit 130' INT
trap 'cleanup; trap - EXIT; exit 143' TERM
trap 'cleanup; trap - EXIT; exit 129' HUP

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ptdoctor.XXXXXX" 2>/dev/null) ||
	{ TMP=${TMPDIR:-/tmp}/ptdoctor.$$; mkdir "$TMP" 2>/dev/null; } || { TMP=; die "cannot create a temp directory"; }

HAVE_TIMEOUT=0
timeout -k 2 5 true >/dev/null 2>&1 && HAVE_TIMEOUT=1
have() { command -v "$1" >/dev/null 2>&1; }

# Milliseconds since boot from the real /proc/uptime (a builtin read: no fork); empty if unknown.
# Sets NOW (functions set variables rather than echo: a $(...) costs a fork per call).
now_ms() { _u=; { read -r _u _ || :; } 2>/dev/null </proc/uptime; _u=${_u%%.*}${_u#*.}; case $_u in ''|*[!0-9]*) NOW= ;; *) NOW=${_u}0 ;; esac; }

# --- JSON -------------------------------------------------------------------------------------
# json_escape STRING: sets J. Escapes backslash, quote and control characters; strings without
# them skip the character loop.
json_escape() {
	J=$1
	case $1 in *[\\\"[:cntrl:]]*) ;; *) return ;; esac
	J='' _s=$1
	while [ -n "$_s" ]; do
		_r=${_s#?}; _c=${_s%"$_r"}; _s=$_r
		case $_c in
		\\) J="$J\\\\" ;; \") J="$J\\\"" ;;
		[[:cntrl:]]) J="$J$(printf '\\u%04x' "'$_c")" ;;
		*) J="$J$_c" ;;
		esac
	done
}

# record_item ID KIND SOURCE PATH STATUS [EXIT] [DURMS] [MTIME]
# One line per item: "<bundle path>|<json fields>" (bundle paths never hold "|"); bytes are measured when the manifest is
# written (after redaction), so they always match the file in the bundle.
record_item() {
	json_escape "$1"; _line="{\"id\":\"$J\",\"kind\":\"$2\""
	json_escape "$3"; _line="$_line,\"source\":\"$J\",\"status\":\"$5\""
	[ -n "$4" ] && { json_escape "$4"; _line="$_line,\"path\":\"$J\""; }
	[ -n "${6:-}" ] && _line="$_line,\"exitCode\":$6"
	[ -n "${7:-}" ] && _line="$_line,\"durationMs\":$7"
	[ -n "${8:-}" ] && _line="$_line,\"mtime\":$8"
	printf '%s|%s\n' "$4" "$_line" >>"$TMP/items"
	case $5 in denied) NDENIED=$((NDENIED + 1)); DENIED_IDS="$DENIED_IDS $1" ;; ok) OK_IDS="$OK_IDS $1 " ;; esac
}
# is_ok ID: whether an item of that id was collected ok
is_ok() { case $OK_IDS in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# --- running things with a deadline -----------------------------------------------------------
# run_timed OUT ERR CMD... : sets RC, TIMED_OUT (0/1), DUR (ms or empty).
# External commands run under timeout(1) when it works; shell functions (and everything on
# hosts without timeout) run in the background with a watchdog. Waiting with `wait` keeps
# INT/TERM responsive: the trap runs at once and kills the child.
run_timed() {
	_o=$1 _e=$2; shift 2
	RUN=$((RUN + 1)); now_ms; _t0=$NOW
	if [ "$HAVE_TIMEOUT" = 1 ] && [ "${1#gen_}" = "$1" ]; then
		(ulimit -f "$FSIZE" 2>/dev/null; exec timeout -k 2 "$T" "$@") >"$_o" 2>"$_e" </dev/null &
		CHILD=$!
	else
		(ulimit -f "$FSIZE" 2>/dev/null; "$@") >"$_o" 2>"$_e" </dev/null &
		CHILD=$!
		# The watchdog acts only until its run's done marker exists: a TERM that reaches it too
		# early (before its trap is set) can be lost, and then it must not touch a later run.
		# (The marker is written, never removed: `: >` is a builtin, rm would be a fork per run.)
		(trap - EXIT INT HUP; trap 'kill $_s 2>/dev/null; exit 0' TERM
		 sleep "$T" & _s=$!; wait $_s
		 [ -e "$TMP/.done$RUN" ] && exit 0
		 : >"$TMP/.timedout$RUN"; kill -TERM "$CHILD" 2>/dev/null
		 sleep 2 & _s=$!; wait $_s
		 [ -e "$TMP/.done$RUN" ] || kill -KILL "$CHILD" 2>/dev/null) >/dev/null 2>&1 </dev/null &
		WD=$!
	fi
	wait "$CHILD"; RC=$?
	[ -n "$WD" ] && { : >"$TMP/.done$RUN"; kill "$WD" 2>/dev/null; }
	CHILD='' WD='' TIMED_OUT=0
	if [ -e "$TMP/.timedout$RUN" ]; then TIMED_OUT=1
	elif [ "$HAVE_TIMEOUT" = 1 ] && [ "${1#gen_}" = "$1" ] && { [ $RC -eq 124 ] || [ $RC -eq 137 ]; }; then TIMED_OUT=1
	fi
	elapsed_since "$_t0"
}
# elapsed_since T0: sets DUR to the milliseconds since T0 (empty if unknown)
elapsed_since() { now_ms; DUR=; [ -n "$1" ] && [ -n "$NOW" ] && DUR=$((NOW - $1)); }

# run_direct OUT ERR CMD...: run_timed without the deadline (a process or two fewer), for reads
# that cannot hang: regular files under /etc (on the filesystem the collector itself runs from)
# and the /proc files the kernel prints from its own tables (cmdline, modules, meminfo, mounts, swaps, cpuinfo).
run_direct() {
	_o=$1 _e=$2; shift 2
	now_ms; _t0=$NOW
	case $1 in
	gen_*) (ulimit -f "$FSIZE" 2>/dev/null; "$@") >"$_o" 2>"$_e" </dev/null ;;
	*) (ulimit -f "$FSIZE" 2>/dev/null; exec "$@") >"$_o" 2>"$_e" </dev/null ;;
	esac
	RC=$? TIMED_OUT=0
	elapsed_since "$_t0"
}

# cap_copy SRC DST MODE: copies at most the item budget; MODE=log keeps head + marker + tail
# (the head holds the boot messages, the tail the latest ones). Sets TRUNC (0/1). SRC may be DST:
# output written straight into the bundle is only measured, and moved aside when it must be cut.
cap_copy() {
	_cap=$MAX_ITEM; [ $((MAX_TOTAL - TOTAL)) -lt "$_cap" ] && _cap=$((MAX_TOTAL - TOTAL))
	[ "$_cap" -lt 0 ] && _cap=0
	_size=$(wc -c <"$1" 2>/dev/null); _size=${_size##* }; case $_size in ''|*[!0-9]*) _size=0 ;; esac
	TRUNC=0
	case $3 in tail5m) [ "$_cap" -gt 5242880 ] && _cap=5242880 ;; tail64k) [ "$_cap" -gt 65536 ] && _cap=65536 ;; esac
	if [ "$_size" -le "$_cap" ]; then [ "$1" = "$2" ] || cat "$1" >"$2"; TOTAL=$((TOTAL + _size)); return; fi
	[ "$1" = "$2" ] && { mv "$1" "$TMP/uncut"; set -- "$TMP/uncut" "$2" "$3"; }
	if [ "$3" = tail5m ] || [ "$3" = tail64k ]; then TRUNC=1; tail -c "$_cap" "$1" >"$2"
	elif [ "$3" = log ] && [ "$_cap" -gt $((LOG_HEAD + 4096)) ]; then
		TRUNC=1; _tail=$((_cap - LOG_HEAD - 100))
		{ head -c "$LOG_HEAD" "$1"; printf '\n--- ptdoctor: %s bytes omitted here ---\n' $((_size - LOG_HEAD - _tail)); tail -c "$_tail" "$1"; } >"$2"
	else TRUNC=1; head -c "$_cap" "$1" >"$2"
	fi
	_b=$(wc -c <"$2"); _b=${_b##* }; TOTAL=$((TOTAL + ${_b:-0}))
}

# A copied file must resolve (through symlinks) into the allowlist, so a link planted in
# /etc/modprobe.d cannot pull /etc/shadow into the bundle.
allowed_target() {
	[ -L "$R$1" ] || { _real=$1; return 0; }
	have readlink || return 1
	_real=$(readlink -f "$R$1" 2>/dev/null) || return 1
	if [ -n "$R" ]; then case $_real in "$RREAL"/*) _real=${_real#"$RREAL"} ;; *) return 1 ;; esac; fi
	case $_real in
	/proc/*|/sys/*|/boot/*|/etc/default/*|/etc/modprobe.d/*|/etc/modules-load.d/*|/etc/modules|\
	/etc/dracut.conf.d/*|/etc/initramfs-tools/modules|/etc/kernel/cmdline|/etc/os-release|\
	/usr/lib/os-release|/usr/lib/modprobe.d/*|/lib/modprobe.d/*|/usr/lib/modules-load.d/*|\
	/lib/modules-load.d/*|/var/log/dmesg*|/var/log/kern.log*|/etc/yunion/host.conf|/etc/yunion/common/common.conf|\
	/var/log/pods/onecloud_default-host-*/host/*|/opt/cloud/workspace/servers/logs/*) ;;
	*) return 1 ;;
	esac
	case $_real in *shadow*|*/.ssh/*|*id_rsa*|*.key|*.pem|*secret*|*master-key*|*passwd*) return 1 ;; esac
	return 0
}

# mtime_of FILE: sets N to its modification time (seconds since the epoch), empty if unknown
# (one command per substitution: the subshell then execs it instead of forking again)
mtime_of() {
	_m=$(stat -c %Y "$1" 2>/dev/null)
	[ -n "$_m" ] || _m=$(date -r "$1" +%s 2>/dev/null)
	num_or "$_m" ''
}

# collect_file ID HOSTPATH [MODE]: MODE plain | log (head+tail) | first-block (cpuinfo)
collect_file() {
	_id=$1 _hp=$2 _mode=${3:-plain} _src=$R$2 _dst=${2#/}
	if [ ! -e "$_src" ] && [ ! -L "$_src" ]; then record_item "$_id" file "$_hp" "" absent; return; fi
	if ! allowed_target "$_hp"; then record_item "$_id" file "$_hp" "" error; return; fi
	if [ ! -f "$_src" ]; then record_item "$_id" file "$_hp" "" error; return; fi
	if [ ! -r "$_src" ]; then record_item "$_id" file "$_hp" "" denied; return; fi
	[ -d "$W/${_dst%/*}" ] || mkdir -p "$W/${_dst%/*}"
	# Read under the deadline straight into the bundle (the output is measured, and cut only when
	# over budget). Logs on disk can be huge and keep their head and tail: they are probed under
	# the deadline, then capped straight from the host.
	_from=$W/$_dst
	case $_mode:$_hp in
	first-block:/proc/cpuinfo) run_direct "$_from" "$TMP/err" gen_first_block "$_src" ;;
	first-block:*) run_timed "$_from" "$TMP/err" gen_first_block "$_src" ;;
	plain:/etc/*|plain:/proc/cmdline|plain:/proc/modules|plain:/proc/meminfo|plain:/proc/mounts|plain:/proc/swaps)
		run_direct "$_from" "$TMP/err" cat "$_src" ;;
	plain:*) run_timed "$_from" "$TMP/err" cat "$_src" ;;
	*) run_timed "$TMP/raw" "$TMP/err" head -c 1 "$_src"; _from=$_src ;;
	esac
	_st=ok
	if [ "$TIMED_OUT" = 1 ]; then _st=timeout
	elif [ "$RC" -ne 0 ]; then
		if grep -qiE 'permission denied|not permitted' "$TMP/err" 2>/dev/null; then _st=denied; else _st=error; fi
	fi
	TRUNC=0
	if [ "$_from" != "$W/$_dst" ]; then
		[ "$_st" = ok ] || _from=$TMP/raw
		cap_copy "$_from" "$W/$_dst" "$_mode"
	fi
	[ "$_st" = ok ] && [ "$TRUNC" = 1 ] && _st=truncated
	[ "$RC" -eq 153 ] && _st=truncated
	_p=$_dst; [ "$_st" != ok ] && [ "$_st" != truncated ] && [ ! -s "$W/$_dst" ] && { DROP="$DROP $_dst"; _p=; }
	N=; case $_hp in /etc/*|/boot/*) mtime_of "$_src" ;; esac
	record_item "$_id" file "$_hp" "$_p" "$_st" "" "$DUR" "$N"
}
gen_first_block() { while IFS= read -r _l; do [ -z "$_l" ] && break; printf '%s\n' "$_l"; done <"$1"; }

# collect_glob ID DIR PATTERN [MODE]: a `many` item; one manifest item per file, or one `absent`
# (or `denied` when the directory exists but cannot be listed) carrying the glob.
collect_glob() {
	_n=0
	for _f in "$R$2"/$3; do
		[ -e "$_f" ] || [ -L "$_f" ] || continue
		_h=${_f#"$R"}
		case $_h in *[!A-Za-z0-9._+@:=,/-]*) record_item "$1" file "$_h" "" error; _n=$((_n + 1)); continue ;; esac
		collect_file "$1" "$_h" "${4:-plain}"; _n=$((_n + 1))
	done
	[ "$_n" -gt 0 ] && return
	_st=absent
	# shellcheck disable=SC2015 # denied only when the directory exists but cannot be listed
	[ -d "$R$2" ] && { [ -r "$R$2" ] && [ -x "$R$2" ]; } || { [ -d "$R$2" ] && _st=denied; }
	record_item "$1" file "$2/$3" "" "$_st"
}

# collect_command ID SOURCE MODE CMD...: output to commands/<id>.out, stderr to .err.
# Synthesized commands are shell functions gen_*; they return 3 for "not there on the host"
# and 4 for "cannot be read".
collect_command() {
	_id=$1 _srcs=$2 _mode=$3; shift 3
	_out=commands/$_id.out
	if [ "${1#gen_}" = "$1" ] && ! have "$1"; then record_item "$_id" command "$_srcs" "" no-command; return; fi
	run_timed "$W/$_out" "$TMP/err" "$@"
	_st=ok _ec=$RC
	if [ "$TIMED_OUT" = 1 ]; then _st=timeout
	elif [ "${1#gen_}" != "$1" ]; then
		case $RC in 0) ;; 3) _st=absent ;; 4) _st=denied ;; *) _st=error ;; esac; _ec=
	elif [ "$RC" -eq 153 ]; then _st=truncated
	elif [ "$RC" -ne 0 ] && ! { [ "$1" = systemd-detect-virt ] && [ "$RC" -eq 1 ]; }; then
		_st=error
		grep -qiE 'permission denied|not permitted|insufficient permissions' "$TMP/err" && _st=denied
	fi
	# as non-root, lspci prints "<access denied>" for config space it cannot read
	[ "$_st" = ok ] && [ "$UID_NOW" != 0 ] && grep -q '<access denied>' "$W/$_out" && _st=denied
	[ "$_st" = ok ] && [ "$UID_NOW" != 0 ] && [ "$1" = journalctl ] &&
		grep -qi 'not seeing messages' "$TMP/err" && _st=denied
	TRUNC=0; [ "$_mode" = plain ] || cap_copy "$W/$_out" "$W/$_out" "$_mode"
	[ "$TRUNC" = 1 ] && { [ "$_st" = ok ] || [ "$_st" = truncated ]; } && _st=truncated
	[ -s "$TMP/err" ] && mv "$TMP/err" "$W/commands/$_id.err"
	_p=$_out
	case $_st in ok|truncated) ;; *) [ -s "$W/$_out" ] || { DROP="$DROP $_out"; _p=; } ;; esac
	record_item "$_id" command "$_srcs" "$_p" "$_st" "$_ec" "$DUR"
}

# --- synthesized commands (formats: docs/bundle-format.md) -------------------------------------
strip_root() { if [ -z "$R" ]; then cat; else while IFS= read -r _l; do case $_l in *"$R"/*) _l="${_l%%"$R"/*}/${_l#*"$R"/}" ;; esac; printf '%s\n' "$_l"; done; fi; }
gen_ls1() { [ -d "$R$1" ] || return 3; [ -r "$R$1" ] || return 4; ls -1 "$R$1"; }
# shellcheck disable=SC2012 # the listing itself is the evidence (ls -l of /dev/vfio, /dev/kvm)
gen_lsl() { [ -e "$R$1" ] || [ -L "$R$1" ] || return 3; ls -l "$R$1" | strip_root; }
link_base() { [ -L "$1" ] || return 1; _t=$(readlink "$1" 2>/dev/null) || return 1; printf '%s' "${_t##*/}"; }
# read_attr FILE: sets V; fails when the attribute cannot be read (builtin read: no fork per file)
read_attr() { V=; [ -r "$1" ] || return 1; { IFS= read -r V || [ -n "$V" ] || :; } 2>/dev/null <"$1"; }

gen_pci_sysfs() {
	[ -d "$R/sys/bus/pci/devices" ] || return 3
	_first=1
	for _d in "$R"/sys/bus/pci/devices/*; do
		[ -e "$_d" ] || continue
		[ $_first = 1 ] || echo; _first=0
		echo "[${_d##*/}]"
		_p=$(cd -P "$_d" 2>/dev/null && pwd -P) && { [ -n "$R" ] && _p=${_p#"$RREAL"}; echo "path=$_p"; }
		for _k in vendor device subsystem_vendor subsystem_device class revision driver iommu_group \
			driver_override boot_vga reset_method sriov_totalvfs sriov_numvfs physfn numa_node enable; do
			case $_k in
			driver|iommu_group|physfn) _v=$(link_base "$_d/$_k") && echo "$_k=$_v" ;;
			*) [ -e "$_d/$_k" ] || continue
				if read_attr "$_d/$_k"; then printf '%s=%s\n' "$_k" "$V"; else echo "# unreadable: $_k"; fi ;;
			esac
		done
	done
}
gen_iommu_groups() {
	[ -d "$R/sys/kernel/iommu_groups" ] || return 3
	for _f in "$R"/sys/kernel/iommu_groups/*/devices/*; do
		[ -e "$_f" ] || [ -L "$_f" ] || continue
		_g=${_f%/devices/*}; echo "${_g##*/} ${_f##*/}"
	done
}
gen_boot_times() {
	_bt=; while read -r _k _v; do [ "$_k" = btime ] && _bt=$_v; done <"$R/proc/stat" 2>/dev/null
	[ -n "$_bt" ] && echo "btime $_bt"; echo "now $(date +%s)"
}
gen_kernel_config() {
	_kr=$(uname -r)
	for _c in "/boot/config-$_kr" "/lib/modules/$_kr/config" /proc/config.gz; do
		[ -e "$R$_c" ] || continue
		[ -r "$R$_c" ] || return 4
		echo "# source: $_c"
		case $_c in *.gz) gzip -dc "$R$_c" ;; *) cat "$R$_c" ;; esac |
			grep -E '^(# )?CONFIG_[A-Z0-9_]*(IOMMU|VFIO|KVM|DMAR|IRQ_REMAP|HUGETLB|X2APIC|SIMPLEDRM|FB_EFI|FB_VESA|SYSFB|PCI_STUB)' || :
		return 0
	done
	return 3
}
gen_hugepages() {
	[ -d "$R/sys/kernel/mm/hugepages" ] || return 3
	for _f in "$R"/sys/kernel/mm/hugepages/*/nr_hugepages "$R"/sys/kernel/mm/hugepages/*/free_hugepages \
		"$R"/sys/devices/system/node/node*/hugepages/*/nr_hugepages "$R"/sys/devices/system/node/node*/hugepages/*/free_hugepages; do
		[ -e "$_f" ] && read_attr "$_f" && echo "${_f#"$R"} $V"
	done
	return 0
}
gen_dmi() {
	[ -d "$R/sys/class/dmi/id" ] || return 3
	# never product_serial, board_serial, chassis_serial or product_uuid
	for _k in sys_vendor product_name product_version board_vendor board_name bios_vendor bios_version bios_date; do
		[ -e "$R/sys/class/dmi/id/$_k" ] || continue
		if read_attr "$R/sys/class/dmi/id/$_k"; then echo "$_k=$V"; else echo "# unreadable: $_k"; fi
	done
}
gen_block_devices() {
	[ -d "$R/sys/block" ] || return 3
	for _b in "$R"/sys/block/*; do
		[ -e "$_b" ] || continue
		_n=${_b##*/}
		_p=$(cd -P "$_b" 2>/dev/null && pwd -P) && { [ -n "$R" ] && _p=${_p#"$RREAL"}; echo "block $_n $_p"; }
		for _q in "$_b"/"$_n"*; do [ -e "$_q/partition" ] && echo "part ${_q##*/} $_n"; done
		for _s in "$_b"/slaves/*; do [ -e "$_s" ] || [ -L "$_s" ] && echo "slave $_n ${_s##*/}"; done
	done
	return 0
}


# --- Cloudpods host service (formats: docs/bundle-format.md) ----------------------------------
# scrub_secrets FILE: host.conf / common.conf are YAML; every value whose key names a secret
# (password, passwd, pwd, secret, token, key, credential) and every user:password@ in a URL is
# replaced, always (with or without --redact). Keys are matched, not listed: new options stay covered.
scrub_secrets() {
	[ -f "$1" ] || return 0
	_in=0
	while IFS= read -r _l || [ -n "$_l" ]; do
		case $_l in
		[' 	-']*) if [ "$_in" = 1 ]; then _ind=${_l%%[! 	]*}; case ${_l#"$_ind"} in -*) printf '%s- <redacted by ptdoctor>\n' "$_ind" ;; *) printf '%s<redacted by ptdoctor>\n' "$_ind" ;; esac; continue; fi ;;
		*) _in=0 ;;
		esac
		case $_l in
		*:*) _k=${_l%%:*} _v=${_l#*:} ;;
		*) printf '%s\n' "$_l"; continue ;;
		esac
		case $_k in
		*[Pp][Aa][Ss][Ss][Ww]*|*[Pp][Ww][Dd]*|*[Ss][Ee][Cc][Rr][Ee][Tt]*|*[Tt][Oo][Kk][Ee][Nn]*|*[Kk][Ee][Yy]*|*[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]*|*_[Pp][Aa][Ss][Ss])
			case $_v in *[![:space:]]*) printf '%s: <redacted by ptdoctor>\n' "$_k" ;; *) printf '%s:\n' "$_k"; _in=1 ;; esac ;;
		*) case $_v in *://*:*@*) printf '%s: <redacted by ptdoctor: URL with credentials>\n' "$_k" ;; *) printf '%s\n' "$_l" ;; esac ;;
		esac
	done <"$1" >"$1.scrub" && mv "$1.scrub" "$1"
}
collect_yunion_conf() {
	collect_file "$1" "$2"
	scrub_secrets "$W/${2#/}"
}
gen_hugetlb_service() {
	_u=oc-hugetlb-gigantic-pages
	if have systemctl; then
		echo "is-enabled $(systemctl is-enabled "$_u" 2>/dev/null || :)"
		echo "is-active $(systemctl is-active "$_u" 2>/dev/null || :)"
	else echo "# systemctl: not installed"; fi
	for _f in /usr/lib/systemd/system/$_u.service /etc/systemd/system/$_u.service /usr/lib/systemd/oc-hugetlb-reserve-pages.sh; do
		if [ -e "$R$_f" ]; then echo "present $_f"; else echo "absent $_f"; fi
	done
	return 0
}
gen_host_service_kubectl() {
	_node=$(hostname 2>/dev/null)
	_pod=$(kubectl -n onecloud get pods -o name --field-selector "spec.nodeName=$_node" 2>/dev/null | grep '/default-host-' | head -n 1)
	[ -n "$_pod" ] || return 3
	kubectl -n onecloud logs "${_pod#*/}" -c host --tail=20000
}

# --- redaction -------------------------------------------------------------------------------
# Literal values to replace: the host's names (FQDN and short), user names, DMI serials/UUIDs.
# They are read only to know what to hide; none of these files is copied.
lit() {
	case $2 in ''|?|??|*' '*|*'	'*|localhost|'(none)'|dev|sys|proc|boot|etc|var|log|lib|kernel|module|modules|block|\
	class|bus|devices|firmware|efi|acpi|none|default|commands|user|host) return ;; esac
	printf '%s\t%s\n' "$1" "$2"
}
redact_literals() {
	for _h in "$(hostname 2>/dev/null)" "$(cat "$R/etc/hostname" 2>/dev/null)" "$(cat "$R/proc/sys/kernel/hostname" 2>/dev/null)"; do
		lit host "$_h"; lit host "${_h%%.*}"
	done
	# Names that are also path words of the bundle (dev, sys, ...) are skipped by lit(): replacing
	# them would destroy the evidence. uid 0 is never redacted ("root=" is a kernel parameter).
	while IFS=: read -r _u _ _id _; do
		case $_id in ''|*[!0-9]*) continue ;; esac
		[ "$_id" -ge 1000 ] && lit user "$_u"
	done 2>/dev/null <"$R/etc/passwd"
	[ "$UID_NOW" != 0 ] && lit user "$(id -un 2>/dev/null)"
	for _k in product_serial board_serial chassis_serial product_uuid; do
		read_attr "$R/sys/class/dmi/id/$_k" && lit serial "$V"
	done
}

# One awk pass over every bundle file, the items list and the host name: the mapping from value
# to token lives only in awk's memory, so the same value gets the same token everywhere.
# shellcheck disable=SC2016 # an awk program: its \$ are awk's
REDACT_AWK='
function lower_tok(kind, v,  k) { k = kind ":" tolower(v); if (!(k in tok)) { cnt[kind]++; tok[k] = "redacted-" kind "-" cnt[kind] } return tok[k] }
function alnum(c) { return c ~ /[A-Za-z0-9]/ }
function lits(s,   i, j, low, L, out, p, n, a, b) {
	for (i = 1; i <= nl; i++) {
		L = litv[i]; n = length(L); out = ""
		while ((p = index(tolower(s), L)) > 0) {
			a = (p > 1) ? substr(s, p - 1, 1) : ""; b = substr(s, p + n, 1)
			if (alnum(a) || alnum(b)) { out = out substr(s, 1, p + n - 1) }
			else { out = out substr(s, 1, p - 1) lower_tok(litk[i], L) }
			s = substr(s, p + n)
		}
		s = out s
	}
	return s
}
function classify(kind, c, a, b,   n, g, i, parts) {
	if (kind == "ip4") {
		if (a ~ /[0-9.]/ || b ~ /[0-9.]/) return ""
		n = split(c, parts, "."); for (i = 1; i <= n; i++) if (parts[i] + 0 > 255 || length(parts[i]) > 3) return ""
		return "ip"
	}
	if (a ~ /[0-9A-Za-z:.]/ || b ~ /[0-9A-Za-z:.]/) return ""
	if (kind == "dash") return (c ~ /^[0-9A-Fa-f][0-9A-Fa-f](-[0-9A-Fa-f][0-9A-Fa-f])+$/ && gsub(/-/, "-", c) >= 5) ? "mac" : ""
	n = gsub(/:/, ":", c)
	if (c ~ /^[0-9A-Fa-f][0-9A-Fa-f](:[0-9A-Fa-f][0-9A-Fa-f])+$/ && n >= 5) return "mac"
	if (c !~ /[0-9A-Fa-f]/ || n > 7) return ""
	if (index(c, "::") == 0 && n != 7) return ""
	g = split(c, parts, ":"); for (i = 1; i <= g; i++) if (length(parts[i]) > 4) return ""
	return "ip6"
}
function scan(s, re, kind,   out, c, a, b, last, t) {
	out = ""; last = ""
	while (match(s, re)) {
		c = substr(s, RSTART, RLENGTH)
		a = (RSTART > 1) ? substr(s, RSTART - 1, 1) : last
		b = substr(s, RSTART + RLENGTH, 1)
		t = classify(kind, c, a, b)
		out = out substr(s, 1, RSTART - 1) (t == "" ? c : lower_tok(t, c))
		last = substr(s, RSTART + RLENGTH - 1, 1)
		s = substr(s, RSTART + RLENGTH)
	}
	return out s
}
BEGIN {
	while ((getline l < LIT) > 0) { i = index(l, "\t"); nl++; litk[nl] = substr(l, 1, i - 1); litv[nl] = tolower(substr(l, i + 1)) }
	# longest first, so an FQDN is replaced before its short name
	for (i = 1; i <= nl; i++) for (j = i + 1; j <= nl; j++) if (length(litv[j]) > length(litv[i])) {
		t = litv[i]; litv[i] = litv[j]; litv[j] = t; t = litk[i]; litk[i] = litk[j]; litk[j] = t }
}
FNR == 1 { if (out != "") close(out); out = FILENAME ".red" }
{
	s = lits($0)
	s = scan(s, "[0-9]+[.][0-9]+[.][0-9]+[.][0-9]+", "ip4")
	s = scan(s, "[0-9A-Fa-f:]*:[0-9A-Fa-f]*:[0-9A-Fa-f:]*", "colon")
	s = scan(s, "[0-9A-Fa-f][0-9A-Fa-f](-[0-9A-Fa-f][0-9A-Fa-f])+", "dash")
	print s > out
}'

redact_bundle() {
	have awk || die "--redact needs awk; none found, no bundle written"
	redact_literals >"$TMP/literals"
	printf '%s\n' "$HOST" >"$TMP/hostname"
	cut -d'|' -f1 "$TMP/items" >"$TMP/paths.orig"
	find "$W" -type f >"$TMP/files"
	# shellcheck disable=SC2046 # file names are ours or allowlist-checked (no blanks)
	awk -v LIT="$TMP/literals" "$REDACT_AWK" $(cat "$TMP/files") "$TMP/items" "$TMP/hostname" || die "redaction failed"
	while IFS= read -r _f; do [ -e "$_f.red" ] && mv "$_f.red" "$_f"; done <"$TMP/files"
	mv "$TMP/items.red" "$TMP/items"; HOST=$(cat "$TMP/hostname.red")
	# rename files whose names held a redacted value (paths.orig and items stay line-aligned)
	cut -d'|' -f1 "$TMP/items" | paste -d'|' "$TMP/paths.orig" - | while IFS='|' read -r _a _b; do
		[ -n "$_a" ] && [ "$_a" != "$_b" ] && mkdir -p "$W/${_b%/*}" && mv "$W/$_a" "$W/$_b"
	done
}

# --- manifest and budgets --------------------------------------------------------------------
# manifest_items: prints the manifest's items, measuring every item's file in one wc, in item
# order, after redaction (so sizes match the files); an item over the item cap or past the bundle
# budget keeps its head and becomes `truncated`. Plain items are measured only here (a wc per item
# costs a fork each); while they are read, the file-size limit of run_timed bounds them.
manifest_items() {
	# shellcheck disable=SC2086 # bundle paths hold no blanks
	[ -n "$DROP" ] && (cd "$W" && rm -f $DROP)
	set --
	while IFS='|' read -r _p _j; do [ -n "$_p" ] && [ -f "$W/$_p" ] && set -- "$@" "$_p"; done <"$TMP/items"
	: >"$TMP/sizes"; [ $# -gt 0 ] && (cd "$W" && wc -c -- "$@") >"$TMP/sizes"
	_used=0 _sep=
	while IFS='|' read -r _p _j; do
		if [ -n "$_p" ] && [ -f "$W/$_p" ]; then
			read -r _n _ <&3; case $_n in ''|*[!0-9]*) _n=0 ;; esac
			_cap=$MAX_ITEM; [ $((MAX_TOTAL - _used)) -lt "$_cap" ] && _cap=$((MAX_TOTAL - _used))
			[ "$_cap" -lt 0 ] && _cap=0
			if [ "$_n" -gt "$_cap" ]; then
				head -c "$_cap" "$W/$_p" >"$TMP/cut" && mv "$TMP/cut" "$W/$_p"; _n=$_cap
				case $_j in *'"status":"ok"'*) _j="${_j%%\"status\":\"ok\"*}\"status\":\"truncated\"${_j#*\"status\":\"ok\"}" ;; esac
			fi
			_used=$((_used + _n)); _j="$_j,\"bytes\":$_n"
		fi
		printf '%s\n%s}' "$_sep" "$_j"; _sep=,
	done <"$TMP/items" 3<"$TMP/sizes"
}

# --- main ------------------------------------------------------------------------------------
RREAL=; [ -n "$R" ] && RREAL=$(cd -P "$R" && pwd -P)
HOST=$(hostname 2>/dev/null) || HOST=
[ -n "$HOST" ] || read_attr "$R/proc/sys/kernel/hostname" && HOST=${HOST:-$V}
STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
W=$TMP/bundle
mkdir -p "$W/commands"
: >"$TMP/items"

collect_file cmdline /proc/cmdline
collect_command uname 'uname -srvm' plain uname -srvm
collect_command dmesg dmesg log dmesg
if ! is_ok dmesg; then
	collect_command journal-kernel 'journalctl -k -b --no-pager' log journalctl -k -b --no-pager
	collect_file var-log-dmesg /var/log/dmesg log
	collect_file kern-log /var/log/kern.log log
fi
collect_command boot-times 'btime from /proc/stat and mtimes of boot configs' plain gen_boot_times
# shellcheck disable=SC2016 # the source as shown in reports, not a command
collect_command kernel-config 'grep IOMMU/VFIO/KVM lines of /boot/config-$(uname -r)' plain gen_kernel_config
collect_file proc-modules /proc/modules
collect_command lsmod lsmod plain lsmod
collect_command sys-module 'ls /sys/module' plain gen_ls1 /sys/module
collect_command lspci-nnk 'lspci -nnk' plain lspci -nnk
collect_command lspci-vvv 'lspci -nnvvv' plain lspci -nnvvv
collect_command pci-sysfs 'sysfs PCI inventory of /sys/bus/pci/devices/*' plain gen_pci_sysfs
collect_command iommu-groups 'ls /sys/kernel/iommu_groups/*/devices' plain gen_iommu_groups
collect_command sys-class-iommu 'ls /sys/class/iommu' plain gen_ls1 /sys/class/iommu
collect_command acpi-tables 'ls /sys/firmware/acpi/tables' plain gen_ls1 /sys/firmware/acpi/tables
collect_command efi 'ls /sys/firmware/efi' plain gen_ls1 /sys/firmware/efi
collect_command dev-vfio 'ls -l /dev/vfio' plain gen_lsl /dev/vfio
collect_command dev-kvm 'ls -l /dev/kvm' plain gen_lsl /dev/kvm
collect_file default-grub /etc/default/grub
collect_glob default-grub-d /etc/default/grub.d '*.cfg'
collect_file grub2-cfg /boot/grub2/grub.cfg
collect_file grub-cfg /boot/grub/grub.cfg
collect_glob efi-grub-cfg /boot/efi/EFI '*/grub.cfg'
collect_file grubenv /boot/grub2/grubenv
collect_glob bls-entries /boot/loader/entries '*.conf'
collect_glob esp-loader-entries /boot/efi/loader/entries '*.conf'
collect_file kernel-cmdline-file /etc/kernel/cmdline
collect_glob modules-load-d /etc/modules-load.d '*.conf'
collect_file etc-modules /etc/modules
collect_glob modprobe-d /etc/modprobe.d '*.conf'
collect_glob dracut-conf-d /etc/dracut.conf.d '*.conf'
collect_file initramfs-tools-modules /etc/initramfs-tools/modules
collect_file cpuinfo /proc/cpuinfo first-block
collect_file meminfo /proc/meminfo
collect_command hugepages 'cat /sys/kernel/mm/hugepages/*/{nr,free}_hugepages' plain gen_hugepages
collect_file os-release /etc/os-release
collect_command dmi 'cat /sys/class/dmi/id/{sys_vendor,product_name,board_vendor,board_name,bios_vendor,bios_version,bios_date}' plain gen_dmi
collect_command systemd-detect-virt systemd-detect-virt plain systemd-detect-virt
collect_file mounts /proc/mounts
collect_file swaps /proc/swaps
collect_command block-devices 'sysfs device path of /sys/block/*' plain gen_block_devices
collect_command lsusb lsusb plain lsusb
collect_file tty-serial /proc/tty/driver/serial
# Cloudpods host service (detected by /etc/yunion/host.conf or the host service's pod log)
collect_yunion_conf yunion-host-conf /etc/yunion/host.conf
collect_yunion_conf yunion-common-conf /etc/yunion/common/common.conf
collect_glob host-service-log /var/log/pods 'onecloud_default-host-*/host/*.log' tail5m
if ! is_ok host-service-log && is_ok yunion-host-conf; then
	if have kubectl; then collect_command host-service-kubectl 'kubectl -n onecloud logs <default-host pod> -c host --tail=20000' tail5m gen_host_service_kubectl
	else record_item host-service-kubectl command 'kubectl -n onecloud logs <default-host pod> -c host --tail=20000' "" no-command; fi
fi
collect_glob qemu-logs /opt/cloud/workspace/servers/logs '*' tail64k
collect_command lsusb-tree 'lsusb -t' plain lsusb -t
collect_command hugetlb-service 'systemctl is-enabled/is-active oc-hugetlb-gigantic-pages; its unit and reserve script' plain gen_hugetlb_service
collect_command vfio-pci-override 'ls -l /usr/bin/vfio-pci-override.sh' plain gen_lsl /usr/bin/vfio-pci-override.sh

[ "$REDACT" = 1 ] && redact_bundle

# File name: the host part keeps only safe characters; the time is when collection finished.
_in=${HOST:-host} SAFEHOST=
while [ -n "$_in" ]; do
	_r=${_in#?}; _c=${_in%"$_r"}; _in=$_r
	case $_c in [A-Za-z0-9._-]) SAFEHOST=$SAFEHOST$_c ;; *) SAFEHOST=${SAFEHOST}_ ;; esac
done
FINISHED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# TS: FINISHED (yyyy-mm-ddThh:mm:ssZ) without its - and : (yyyymmddThhmmssZ), field by field
TS=${FINISHED%%-*}; _t=${FINISHED#*-}; TS=$TS${_t%%-*}; _t=${_t#*-}; TS=$TS${_t%%:*}; _t=${_t#*:}; TS=$TS${_t%%:*}${_t#*:}
TOP=ptdoctor-$SAFEHOST-$TS
# the release from `uname -srvm`'s output when it was collected (no second uname)
KERNEL=
is_ok uname && read -r _ KERNEL _ <"$W/commands/uname.out"
[ -n "$KERNEL" ] || KERNEL=$(uname -r 2>/dev/null)
REDACTED=false; [ "$REDACT" = 1 ] && REDACTED=true
{
	printf '{"schemaVersion":1,"collector":{"kind":"sh","version":"%s"},"startedAt":"%s","finishedAt":"%s","uid":%s,' \
		"$VERSION" "$STARTED" "$FINISHED" "$UID_NOW"
	[ -n "$HOST" ] && { json_escape "$HOST"; printf '"hostname":"%s",' "$J"; }
	[ -n "$KERNEL" ] && { json_escape "$KERNEL"; printf '"kernel":"%s",' "$J"; }
	printf '"redacted":%s,"items":[' "$REDACTED"
	manifest_items
	printf '\n]}\n'
} >"$W/manifest.json"

mv "$W" "$TMP/$TOP"
# GNU tar can drop owner names from the headers; busybox tar cannot and falls back.
(cd "$TMP" && { tar --owner=0 --group=0 --numeric-owner -cf bundle.tar "$TOP" 2>/dev/null || tar -cf bundle.tar "$TOP"; }) ||
	die "tar failed"

if [ "$UID_NOW" != 0 ]; then
	say "not root: ${NDENIED} item(s) denied (${DENIED_IDS# }); for complete evidence rerun as root: sudo sh $0 $ARGS"
fi
if [ "$OUT" = - ]; then
	gzip -c "$TMP/bundle.tar" || die "gzip failed"
else
	[ -z "$OUT" ] && OUT=$TOP.tgz
	[ -d "$OUT" ] && OUT=${OUT%/}/$TOP.tgz
	PARTIAL=$OUT
	gzip -c "$TMP/bundle.tar" >"$OUT" || die "cannot write $OUT"
	PARTIAL=
	printf '%s\n' "$OUT"
fi
