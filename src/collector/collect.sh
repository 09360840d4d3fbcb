#!/bin/sh
# ptdoctor collector: packs the evidence needed to diagnose PCI passthrough (VFIO) on this host
# into one .tgz. POSIX sh (bash, dash, busybox ash); needs sh, tar and gzip, uses other tools
# only when present. Reads an explicit allowlist, never the network (unless --kubectl), never the
# environment. Bundle layout and manifest: docs/bundle-format.md (contract: src/bundle/layout.ts).

VERSION=0.2.0
LC_ALL=C; export LC_ALL   # stable command output and byte-wise patterns
umask 077

usage() {
	cat <<'EOF'
Usage: sh collect.sh [-o PATH|-o -] [--force] [--redact] [--kubectl]

Collects PCI passthrough evidence from this host into one file,
ptdoctor-<host>-<UTC time>.tgz in the current directory, and prints its path.

  -o PATH     write the bundle to PATH (a directory: the default name inside it)
  -o -        write the bundle to stdout (messages go to stderr)
  --force     replace PATH when it exists (a symbolic link there is replaced,
              never followed)
  --redact    replace host names, IP and MAC addresses, serials and user names
              with stable tokens (redacted-host-1, ...)
  --kubectl   when no Cloudpods host service log file is found, ask the
              Kubernetes API server for it (kubectl logs; the only network use)
  -h, --help  this text
  --version   print the collector version

Run as root for complete evidence (dmesg, lspci capabilities, /boot).
Secret values in configuration files are always replaced.
Environment: PTDOCTOR_TIMEOUT (s per command, default 10),
PTDOCTOR_MAX_ITEM_BYTES (default 8388608), PTDOCTOR_MAX_BUNDLE_BYTES (default 67108864).
EOF
}

say() { printf 'ptdoctor: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

ARGS="$*" OUT='' REDACT=0 FORCE=0 KUBECTL=0
while [ $# -gt 0 ]; do
	case $1 in
	-o) [ $# -ge 2 ] || { say "-o needs a path"; exit 2; }; OUT=$2; shift 2 ;;
	-o*) OUT=${1#-o}; shift ;;
	--force) FORCE=1; shift ;;
	--redact) REDACT=1; shift ;;
	--kubectl) KUBECTL=1; shift ;;
	-h|--help) usage; exit 0 ;;
	--version) echo "ptdoctor-collect $VERSION"; exit 0 ;;
	*) say "unknown argument: $1 (see --help)"; exit 2 ;;
	esac
done

# The output path, decided before anything is collected: a directory (never a symbolic link to
# one) gets the default name inside it; an existing path is refused without --force.
OUTDIR=
case $OUT in
'') ;;
-) ;;
*)
	if [ -d "$OUT" ] && [ ! -L "$OUT" ]; then OUTDIR=${OUT%/}; [ -n "$OUTDIR" ] || OUTDIR=/
	else
		if { [ -e "$OUT" ] || [ -L "$OUT" ]; } && [ "$FORCE" = 0 ]; then
			say "$OUT exists; not replaced (--force replaces it)"; exit 1
		fi
		case $OUT in */*) _d=${OUT%/*}; [ -d "${_d:-/}" ] || { say "no such directory: ${_d:-/}"; exit 1; } ;; esac
	fi ;;
esac

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
RUN=0 TOTAL=0 CHILD='' WD='' TMP='' PARTIAL='' NDENIED=0 DENIED_IDS='' DIRS='' ITEMS='' ITEM_PATHS=''
NL='
'
OK_IDS='' KEPT_IDS=''   # ids with an ok (or kept: ok or truncated) item, each followed by a blank
DROP=''   # empty outputs of failed items (bundle paths, no blanks), removed in one rm at the end
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

have() { command -v "$1" >/dev/null 2>&1; }
# path_of NAME: sets P to the file the shell would run for NAME, searched once here (builtin tests:
# no process). Every run then names it by path, so neither the shell in its subshell nor timeout(1)
# tries each directory of a long PATH with a failing execve. A shell that runs its own applets
# before PATH (busybox sh: `command -v` names the applet, not a file) keeps the name.
path_of() {
	P=$1
	[ "$BY_PATH" = 1 ] || return 0
	case $1 in */*) return 0 ;; esac
	_pr=$PATH:
	while [ -n "$_pr" ]; do
		_pd=${_pr%%:*}; _pr=${_pr#*:}
		[ -f "${_pd:-.}/$1" ] && [ -x "${_pd:-.}/$1" ] && { P=${_pd:-.}/$1; return 0; }
	done
	return 0
}
# One probe (one subshell): whether commands are files on PATH here, and whether timeout(1) works.
HAVE_TIMEOUT=0 BY_PATH=0
_probe=$(command -v cat; timeout -k 2 5 true >/dev/null 2>&1 && echo works)
case $_probe in /*) BY_PATH=1 ;; esac
case $_probe in *works) HAVE_TIMEOUT=1 ;; esac
path_of timeout; TIMEOUT=$P

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
	# kept in memory (shells read a file back a byte at a time), written out past 64 KiB: a host
	# with thousands of items must not make every append copy a growing string
	ITEMS="$ITEMS$4|$_line
"
	[ "${#ITEMS}" -gt 65536 ] && flush_items
	[ -n "$4" ] && ITEM_PATHS="$ITEM_PATHS $4"
	case $5 in
	denied) NDENIED=$((NDENIED + 1)); DENIED_IDS="$DENIED_IDS $1" ;;
	ok) OK_IDS="$OK_IDS $1 "; KEPT_IDS="$KEPT_IDS $1 " ;;
	truncated) KEPT_IDS="$KEPT_IDS $1 " ;;
	esac
}
# flush_items: the items recorded so far go to $TMP/items (which then holds every item, in order)
flush_items() { printf '%s' "$ITEMS" >>"$TMP/items"; ITEMS=; }
# is_ok ID: whether an item of that id was collected ok; is_kept ID: ok or truncated
is_ok() { case $OK_IDS in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
is_kept() { case $KEPT_IDS in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# --- running things with a deadline -----------------------------------------------------------
# run_timed OUT ERR CMD... : sets RC, TIMED_OUT (0/1), DUR (ms or empty).
# External commands run under timeout(1) when it works; shell functions (and everything on
# hosts without timeout) run in the background with a watchdog. Waiting with `wait` keeps
# INT/TERM responsive: the trap runs at once and kills the child.
run_timed() {
	_o=$1 _e=$2; shift 2
	RUN=$((RUN + 1)); now_ms; _t0=$NOW
	if [ "$HAVE_TIMEOUT" = 1 ] && [ "${1#gen_}" = "$1" ]; then
		path_of "$1"; _tcmd=$P; shift
		(ulimit -f "$FSIZE" 2>/dev/null; exec "$TIMEOUT" -k 2 "$T" "$_tcmd" "$@") >"$_o" 2>"$_e" </dev/null &
		CHILD=$!
		set -- "$_tcmd" "$@"
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
# The wall clock, read once (one date process): EPOCH0 and STARTED, with MS0 the /proc/uptime
# milliseconds at that moment; later times are EPOCH0 plus the uptime elapsed since (no process).
# now_epoch: sets EPOCH (whole seconds), by date(1) only when /proc/uptime cannot be read.
now_epoch() {
	now_ms
	if [ -n "$NOW" ] && [ -n "$MS0" ] && [ -n "$EPOCH0" ]; then EPOCH=$((EPOCH0 + (NOW - MS0) / 1000))
	else EPOCH=$(date +%s); fi
}
# utc_of EPOCH: sets UTC to its yyyy-mm-ddThh:mm:ssZ (days to civil date: H. Hinnant's
# civil_from_days, proleptic Gregorian, exact for every date after 1970)
utc_of() {
	_ud=$(($1 / 86400 + 719468)) _us=$(($1 % 86400))
	_uera=$((_ud / 146097)); _udoe=$((_ud - _uera * 146097))
	_uyoe=$(((_udoe - _udoe / 1460 + _udoe / 36524 - _udoe / 146096) / 365))
	_udoy=$((_udoe - (365 * _uyoe + _uyoe / 4 - _uyoe / 100))); _ump=$(((5 * _udoy + 2) / 153))
	_uday=$((_udoy - (153 * _ump + 2) / 5 + 1)); _umon=$((_ump < 10 ? _ump + 3 : _ump - 9))
	_uyear=$((_uyoe + _uera * 400 + (_umon <= 2 ? 1 : 0)))
	_uh=$((_us / 3600)) _um=$((_us % 3600 / 60)) _usec=$((_us % 60))
	[ "$_umon" -lt 10 ] && _umon=0$_umon; [ "$_uday" -lt 10 ] && _uday=0$_uday
	[ "$_uh" -lt 10 ] && _uh=0$_uh; [ "$_um" -lt 10 ] && _um=0$_um; [ "$_usec" -lt 10 ] && _usec=0$_usec
	UTC=$_uyear-$_umon-${_uday}T$_uh:$_um:${_usec}Z
}

# elapsed_since T0: sets DUR to the milliseconds since T0 (empty if unknown)
elapsed_since() { now_ms; DUR=; [ -n "$1" ] && [ -n "$NOW" ] && DUR=$((NOW - $1)); }

# cap_copy SRC DST MODE: copies at most the item budget; MODE=log keeps head + marker + tail
# (the head holds the boot messages, the tail the latest ones). Sets TRUNC (0/1). SRC may be DST:
# output written straight into the bundle is only measured, and moved aside when it must be cut
# (then $TMP/uncut keeps the whole output until the next cut).
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

# --- what may be read ---------------------------------------------------------------------------
# allowed_path REAL: whether a real (symlink-free) host path is one the collector copies. A copied
# file, and every symbolic link on its way, must end in this list: a link planted in
# /etc/modprobe.d cannot pull in /etc/shadow, /proc/1/environ or /proc/kmsg.
allowed_path() {
	case $1 in
	/proc/cmdline|/proc/modules|/proc/meminfo|/proc/cpuinfo|/proc/swaps|/proc/iomem|/proc/mounts) ;;
	# /proc/mounts is a link to self/mounts: the mount table of a process, nothing else of it
	/proc/*/mounts) _ap=${1#/proc/}; _ap=${_ap%/mounts}; case $_ap in ''|*[!0-9]*) return 1 ;; esac ;;
	/boot/grub/grub.cfg|/boot/grub2/grub.cfg|/boot/grub2/grubenv|/boot/efi/EFI/*/grub.cfg|\
	/boot/loader/entries/*.conf|/boot/efi/loader/entries/*.conf|\
	/etc/default/grub|/etc/default/grub.d/*|/etc/kernel/cmdline|/etc/os-release|/usr/lib/os-release|\
	/etc/modprobe.d/*|/usr/lib/modprobe.d/*|/lib/modprobe.d/*|/run/modprobe.d/*|\
	/etc/modules-load.d/*|/usr/lib/modules-load.d/*|/lib/modules-load.d/*|/run/modules-load.d/*|/etc/modules|\
	/etc/dracut.conf.d/*|/usr/lib/dracut/dracut.conf.d/*|/etc/initramfs-tools/modules|\
	/var/log/dmesg|/var/log/dmesg.[0-9]|/var/log/kern.log|/var/log/kern.log.[0-9]|/etc/yunion/host.conf|\
	/var/log/pods/*/host/*.log|/var/lib/docker/containers/*/*-json.log|/opt/cloud/workspace/servers/logs/*) ;;
	*) return 1 ;;
	esac
	case $1 in *shadow*|*/.ssh/*|*id_rsa*|*.key|*.pem|*secret*|*master-key*|*passwd*) return 1 ;; esac
	return 0
}

# real_path HOSTPATH: sets RP to the host path with every symbolic link resolved (without $R):
# the directory by `cd -P` (a builtin: no process), a link at the end by readlink -f. Only the
# batch shell calls it (it changes the working directory).
real_path() {
	RP='' _rd=${1%/*}
	cd -P "$R${_rd:-/}" 2>/dev/null || return 1
	RP=${PWD%/}/${1##*/}
	cd / || return 1
	if [ -L "$R$1" ]; then
		have readlink || return 1
		RP=$(readlink -f "$R$1" 2>/dev/null) || return 1
	fi
	if [ -n "$R" ]; then case $RP in "$RREAL"/*) RP=${RP#"$RREAL"} ;; *) return 1 ;; esac; fi
	return 0
}

# --- secrets ----------------------------------------------------------------------------------
# Configuration files (/etc, /boot, /proc/cmdline) are copied with every secret value replaced by
# SECRET, always (with or without --redact). The rules are in docs/bundle-format.md ("Secrets");
# src/evidence/mask-secrets.ts applies the same rules in the analyzer, and a test holds both to
# the same output.
SECRET='redacted-by-ptdoctor'

# is_secret_key KEY: whether a key names a secret. Words are matched, not listed, so new options
# and misspellings (admin_pasword) stay covered; `pass` inside bypass/passthrough/passive is not
# one, and `key` must be a word of its own (api_key, apiKey; not keyboard, keymap or sort-key).
is_secret_key() {
	case $1 in
	*[Pp][Aa][Ss][Ss][Ww]*|*[Pp][Aa][Ss][Ww]*|*[Pp][Ss][Ss][Ww]*|*[Pp][Ss][Ww][Dd]*|*[Pp][Ww][Dd]*|*[Pp][Ww][Oo][Rr][Dd]*|\
	*[Ss][Ee][Cc][Rr][Ee][Tt]*|*[Tt][Oo][Kk][Ee][Nn]*|*[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]*|*[Bb][Ee][Aa][Rr][Ee][Rr]*|\
	*[Aa][Uu][Tt][Hh][Oo][Rr][Ii][SsZz][Aa][Tt][Ii][Oo][Nn]*|*[Pp][Rr][Ii][Vv][Aa][Tt][Ee]*|*[Aa][Pp][Ii][Kk][Ee][Yy]*|*[Pp][Rr][Ii][Vv][Kk][Ee][Yy]*|\
	[Pp][Ww]|*[_.-][Pp][Ww]|[Pp][Ww][_.-]*|*[_.-][Pp][Ww][_.-]*|*[a-z0-9]P[Ww]|*[a-z0-9]P[Ww][A-Z_.-]*|\
	[Pp][Ee][Mm]|*[_.-][Pp][Ee][Mm]|[Pp][Ee][Mm][_.-]*|*[_.-][Pp][Ee][Mm][_.-]*|*[a-z0-9]P[Ee][Mm]|*[a-z0-9]P[Ee][Mm][A-Z_.-]*) return 0 ;;
	esac
	case $1 in
	*[Ss][Oo][Rr][Tt][_.-][Kk][Ee][Yy]*|*[Ss][Oo][Rr][Tt][Kk][Ee][Yy]*) ;;
	[Kk][Ee][Yy]|[Kk][Ee][Yy][Ss]|*[_.-][Kk][Ee][Yy]|*[_.-][Kk][Ee][Yy][Ss]|[Kk][Ee][Yy][_.-]*|[Kk][Ee][Yy][Ss][_.-]*|\
	*[_.-][Kk][Ee][Yy][_.-]*|*[_.-][Kk][Ee][Yy][Ss][_.-]*|*[a-z0-9]K[Ee][Yy]|*[a-z0-9]K[Ee][Yy][Ss]|\
	*[a-z0-9]K[Ee][Yy][A-Z_.-]*|*[a-z0-9]K[Ee][Yy][Ss][A-Z_.-]*) return 0 ;;
	esac
	case $1 in
	*[Bb][Yy][Pp][Aa][Ss][Ss]*|*[Pp][Aa][Ss][Ss][Tt][Hh][Rr][Oo][Uu]*|*[Pp][Aa][Ss][Ss][Ii][Vv]*) return 1 ;;
	*[Pp][Aa][Ss][Ss]*) return 0 ;;
	esac
	return 1
}

# mask_pairs TEXT: sets MPO to TEXT with the value after each `<secret key>:` or `<secret key>=`
# inside it replaced (flow mappings, JSON, `a=b c=d` words). A quoted value keeps its quotes; an
# unquoted one ends at `,` `}` `]`, or, glued to `=`, also at a blank, a quote or `;`.
mask_pairs() {
	MPO='' _pr=$1
	while :; do
		case $_pr in *[:=]*) ;; *) break ;; esac
		_pp=${_pr%%[:=]*}; _pr=${_pr#"$_pp"}; _pc=${_pr%"${_pr#?}"}; _pr=${_pr#?}
		MPO=$MPO$_pp$_pc
		_pk=${_pp%"${_pp##*[! 	]}"}
		case $_pk in *[\"\']) _pk=${_pk%?} ;; esac
		_pk=${_pk##*[!A-Za-z0-9_.-]}
		[ -n "$_pk" ] || continue
		is_secret_key "$_pk" || continue
		[ "$_pc" = : ] && case $_pr in //*) continue ;; esac
		_ps=${_pr%%[! 	]*}; _pv=${_pr#"$_ps"}
		case $_pv in
		'') continue ;;
		[\"\']*)
			_pq=${_pv%"${_pv#?}"}; _pin=${_pv#?}
			# the closing quote is the first one not escaped by a backslash
			while :; do
				case $_pin in *"$_pq"*) ;; *) _pin=; break ;; esac
				_pseg=${_pin%%"$_pq"*}; _pin=${_pin#*"$_pq"}
				case $_pseg in *\\) ;; *) break ;; esac
			done
			MPO=$MPO$_ps$_pq$SECRET$_pq; _pr=$_pin ;;
		*)
			if [ "$_pc" = = ] && [ -z "$_ps" ]; then _pval=${_pv%%[	 \"\',;\}\]]*}
			else _pval=${_pv%%[],\}]*}; fi
			[ -n "$_pval" ] || continue
			MPO=$MPO$_ps$SECRET; _pr=${_pv#"$_pval"} ;;
		esac
	done
	MPO=$MPO$_pr
}

# mask_userinfo TEXT: sets MU to TEXT with the `user:password` before an `@` replaced, in URLs
# (`scheme://user:pass@host`) and DSNs (`user:pass@tcp(host:3306)/db`). A raw `@` inside the
# password belongs to it: the userinfo ends at the last `@` of the word.
mask_userinfo() {
	MU='' _ur=$1
	while :; do
		case $_ur in *@*) ;; *) break ;; esac
		_up=${_ur%%@*}; _ur=${_ur#*@}
		while :; do
			_un=${_ur%%[	 \"\'=,;\{\[\(]*}
			case $_un in *@*) _up=$_up@${_un%%@*}; _ur=${_ur#*@} ;; *) break ;; esac
		done
		_ut=${_up##*[	 \"\'=,;\{\[\(]}
		_uh=${_up%"$_ut"}
		case $_ut in
		*://*) _uu=${_ut#*://}; case $_uu in */*) ;; *:*) _ut=${_ut%%://*}://$SECRET ;; esac ;;
		*/*) ;;
		*:*) _ut=$SECRET ;;
		esac
		MU=$MU$_uh$_ut@
	done
	MU=$MU$_ur
}

# mask_line LINE: sets ML to LINE with its secret values replaced. State across the lines of one
# file: MB is the indentation of the secret key whose block is open (empty: none; its more
# indented lines, blank lines and comments are masked, and with MBL=1 also `-` items at the key's
# own indentation), MP is 1 inside a PEM body (up to the -----END line).
mask_line() {
	ML=$1
	_mi=${1%%[! 	]*}; _mb=${1#"$_mi"}
	if [ "$MP" = 1 ]; then
		case $_mb in *-----END*) MP=0 ;; '') ;; *) ML=$_mi$SECRET ;; esac
		return
	fi
	if [ -n "$MB" ]; then
		[ -n "$_mb" ] || return
		_mx=0
		if [ "${#_mi}" -gt "$MB" ]; then _mx=1; fi
		case $_mb in
		'#'*) _mx=1 ;;
		-|-[[:blank:]]*) [ "$MBL" = 1 ] && [ "${#_mi}" -eq "$MB" ] && _mx=1 ;;
		esac
		if [ "$_mx" = 1 ]; then
			case $_mb in '#'*) ML="$_mi# $SECRET" ;; -|-[[:blank:]]*) ML="$_mi- $SECRET" ;; *) ML=$_mi$SECRET ;; esac
			return
		fi
		MB=
	fi
	# nothing in the line can name or hold a secret (the rest of the function would not change it)
	case $1 in
	*[Pp][AaSs][Ss]*|*[Pp][Ss][Ww]*|*[Pp][Ww]*|*[Ss][Ee][Cc][Rr][Ee][Tt]*|*[Tt][Oo][Kk][Ee][Nn]*|*[Cc][Rr][Ee][Dd][Ee][Nn][Tt]*|\
	*[Bb][Ee][Aa][Rr][Ee][Rr]*|*[Aa][Uu][Tt][Hh][Oo][Rr][Ii]*|*[Pp][Rr][Ii][Vv][Aa][Tt][Ee]*|*[Kk][Ee][Yy]*|*[Pp][Ee][Mm]*|*@*|*-----BEGIN*) ;;
	*) return ;;
	esac
	_mw=$1
	# PEM armour: the body goes, on this line and on the following ones up to -----END
	case $_mw in
	*-----BEGIN*)
		_mh=${_mw%%-----BEGIN*}; _mr=${_mw#*-----BEGIN}
		case $_mr in
		*-----*)
			_mh=$_mh-----BEGIN${_mr%%-----*}-----; _mr=${_mr#*-----}
			case $_mr in
			*-----END*) _mw=$_mh$SECRET-----END${_mr#*-----END} ;;
			'') _mw=$_mh; MP=1 ;;
			*) _mw=$_mh$SECRET; MP=1 ;;
			esac ;;
		esac ;;
	esac
	# the line's own key: after the indentation, a `#` of a commented-out line and a `- ` list mark
	_mpre=$_mi _mb=${_mw#"$_mi"} _mc=0
	case $_mb in '#'*) _mc=1; _mr=${_mb#?}; _ms=${_mr%%[! 	]*}; _mpre="$_mpre#$_ms"; _mb=${_mr#"$_ms"} ;; esac
	case $_mb in -|-[[:blank:]]*) _mr=${_mb#?}; _ms=${_mr%%[! 	]*}; _mpre="$_mpre-$_ms"; _mb=${_mr#"$_ms"} ;; esac
	_mq=; case $_mb in [\"\']*) _mq=${_mb%"${_mb#?}"} ;; esac
	_mr=${_mb#"$_mq"}
	_mk=${_mr%%[!A-Za-z0-9_.-]*}
	if [ -n "$_mk" ] && is_secret_key "$_mk"; then
		_mr=${_mr#"$_mk"}
		[ -n "$_mq" ] && case $_mr in "$_mq"*) _mr=${_mr#?} ;; esac
		_ms=${_mr%%[! 	]*}; _mr=${_mr#"$_ms"}
		_msep=1
		case $_mr in
		[:=]*) _mr=${_mr#?}; _mr=${_mr#"${_mr%%[! 	]*}"} ;;
		'') _msep='' ;;
		*) [ -n "$_ms" ] || _msep='' ;;
		esac
		if [ -n "$_msep" ]; then
			if [ -n "$_mr" ]; then ML=${_mw%"$_mr"}$SECRET; else ML=$_mw; fi
			if [ "$_mc" = 0 ]; then
				MB=${#_mpre} MBL=0
				[ -n "$_mr" ] || MBL=1
			fi
			return
		fi
	fi
	mask_pairs "$_mw"
	mask_userinfo "$MPO"
	ML=$MU
}

# mask_file SRC DST: copies SRC with its secret values masked, at most MAX_ITEM bytes (sets TRUNC);
# a last line without a newline stays without one
mask_file() {
	MB='' MBL=0 MP=0 TRUNC=0 _fb=0
	{
		while IFS='' read -r _fl; do
			mask_line "$_fl"; printf '%s\n' "$ML"
			_fb=$((_fb + ${#ML} + 1))
			[ "$_fb" -gt "$MAX_ITEM" ] && { TRUNC=1; _fl=; break; }
		done
		[ -z "$_fl" ] || { mask_line "$_fl"; printf '%s' "$ML"; }
	} <"$1" >"$2"
}

# --- the batch: files and synthesized listings, read by one shell under one deadline ----------
# Every file item and every listing the script synthesizes from /proc and /sys is a job, one line
# of $TMP/queue: `F|id|host path|mode`, `G|id|source|function|argument`, or `A|id|source|status`
# (a glob that matched nothing). One subshell, gen_batch, works through the queue under the
# deadline of run_timed: reading sixty items costs a few processes instead of sixty. It prints
# `s|N` before job N and one `r|...` line after it. When the deadline stops it, the job in progress
# runs again at the head of a new batch, with a deadline of its own; it is `timeout` only when it
# was the first job of its batch.
NQ=0
queue() { NQ=$((NQ + 1)); printf '%s\n' "$1" >>"$TMP/queue"; }

# collect_file ID HOSTPATH [MODE]: MODE plain | log (head+tail) | first-block (cpuinfo) |
# tail5m | tail64k; files under /etc and /boot and /proc/cmdline have their secrets masked
collect_file() {
	_m=${3:-plain}
	case $_m:$2 in plain:/etc/*|plain:/boot/*|plain:/proc/cmdline) _m=mask ;; esac
	queue "F|$1|$2|$_m"
	# its bundle directory, made with the others by one mkdir before the batch (a file refused
	# there leaves an empty directory, which readers skip)
	if [ -f "$R$2" ]; then _dd=${2#/}; _dd=$W/${_dd%/*}; case " $DIRS " in *" $_dd "*) ;; *) DIRS="$DIRS $_dd" ;; esac; fi
}

# collect_glob ID DIR PATTERN [MODE]: a `many` item; one manifest item per file, or one `absent`
# (or `denied` when the directory exists but cannot be listed) carrying the glob.
collect_glob() {
	_n=0
	for _f in "$R$2"/$3; do
		[ -e "$_f" ] || [ -L "$_f" ] || continue
		_h=${_f#"$R"}
		case $_h in *[!A-Za-z0-9._+@:=,/-]*) queue "A|$1|$_h|error"; _n=$((_n + 1)); continue ;; esac
		collect_file "$1" "$_h" "${4:-plain}"; _n=$((_n + 1))
	done
	[ "$_n" -gt 0 ] && return
	_st=absent
	# shellcheck disable=SC2015 # denied only when the directory exists but cannot be listed
	[ -d "$R$2" ] && { [ -r "$R$2" ] && [ -x "$R$2" ]; } || { [ -d "$R$2" ] && _st=denied; }
	queue "A|$1|$2/$3|$_st"
}

# collect_listing ID SOURCE FUNCTION [ARG]: a listing synthesized by a gen_* function, in the batch
collect_listing() { queue "G|$1|$2|$3|${4:-}"; }

# batch_file ID HOSTPATH MODE: one file job; sets the B* result variables
batch_file() {
	BID=$1 BKIND=file BSRC=$2 BPATH='' BST=ok BEC='' _fsrc=$R$2 _fdst=${2#/}
	BOUT=$_fdst
	if [ ! -e "$_fsrc" ] && [ ! -L "$_fsrc" ]; then BST=absent BOUT=; return; fi
	if ! real_path "$2" || ! allowed_path "$RP"; then BST=error BOUT=; return; fi
	if [ ! -f "$_fsrc" ]; then BST=error BOUT=; return; fi
	if [ ! -r "$_fsrc" ]; then BST=denied BOUT=; return; fi
	[ -d "$W/${_fdst%/*}" ] || mkdir -p "$W/${_fdst%/*}"
	TRUNC=0
	case $3 in
	mask) mask_file "$_fsrc" "$W/$_fdst" 2>/dev/null ;;
	first-block) gen_first_block "$_fsrc" >"$W/$_fdst" 2>/dev/null ;;
	plain) cat "$_fsrc" >"$W/$_fdst" 2>/dev/null ;;
	*) cap_copy "$_fsrc" "$W/$_fdst" "$3" 2>/dev/null ;;
	esac
	_frc=$?
	# 153: cut by the file-size limit (SIGXFSZ)
	if [ "$_frc" -eq 153 ]; then BST=truncated; elif [ "$_frc" -ne 0 ]; then BST=error; fi
	[ "$BST" = ok ] && [ "$TRUNC" = 1 ] && BST=truncated
	# /proc/iomem shows every address as zero to other users than root: the names are kept
	if [ "$2" = /proc/iomem ] && [ "$BST" = ok ] && [ "$UID_NOW" != 0 ]; then
		_fl=; { IFS='' read -r _fl || :; } <"$W/$_fdst"
		case $_fl in 00000000-00000000*) BST=denied ;; esac
	fi
	BPATH=$_fdst
	[ "$BST" = error ] && [ ! -s "$W/$_fdst" ] && BPATH=
	case $2 in /etc/*|/boot/*) [ "$BST" = ok ] && MTIME_PATHS="$MTIME_PATHS $_fsrc" ;; esac
	# the whole kernel log for the AER lines, when a fallback file is the kernel log
	case $1 in var-log-dmesg|kern-log) [ "$BST" = ok ] || [ "$BST" = truncated ] && [ -z "$KLOG_FULL" ] && KLOG_FULL=$_fsrc ;; esac
}
gen_first_block() { while IFS= read -r _l; do [ -z "$_l" ] && break; printf '%s\n' "$_l"; done <"$1"; }

# batch_gen ID SOURCE FUNCTION ARG: one listing job (commands/<id>.out, stderr beside it). The
# function returns 3 for "not there on the host" and 4 for "cannot be read".
batch_gen() {
	BID=$1 BKIND=command BSRC=$2 BEC='' BOUT=commands/$1.out BPATH=commands/$1.out BST=ok
	"$3" "$4" >"$W/$BOUT" 2>"$TMP/gerr"
	case $? in 0) ;; 3) BST=absent ;; 4) BST=denied ;; *) BST=error ;; esac
	[ -s "$TMP/gerr" ] && mv "$TMP/gerr" "$W/commands/$1.err"
	case $BST in ok|truncated) ;; *) [ -s "$W/$BOUT" ] || BPATH= ;; esac
}

# gen_batch FROM: the batch shell; works through the queue from job FROM on
gen_batch() {
	_jn=0 MTIME_PATHS=
	cd / || return 1
	while IFS='|' read -r _jk _jid _ja _jb _jc <&3; do
		_jn=$((_jn + 1)); [ "$_jn" -lt "$1" ] && continue
		printf 's|%s\n' "$_jn"
		now_ms; _jt=$NOW
		case $_jk in
		F) batch_file "$_jid" "$_ja" "$_jb" ;;
		G) batch_gen "$_jid" "$_ja" "$_jb" "$_jc" </dev/null ;;
		*) BID=$_jid BKIND=file BSRC=$_ja BPATH='' BOUT='' BST=$_jb BEC='' ;;
		esac
		elapsed_since "$_jt"; [ "$_jk" = A ] && DUR=''
		printf 'r|%s|%s|%s|%s|%s|%s|%s|%s|%s\n' "$BID" "$BKIND" "$BSRC" "$BPATH" "$BOUT" "$BST" "$BEC" "$DUR" "$TOTAL"
	done 3<"$TMP/queue"
	# modification times of the configuration files, for "edited after the last boot": one stat
	# shellcheck disable=SC2086 # host paths of copied files hold no blanks
	[ -n "$MTIME_PATHS" ] && { stat -c 'm|%Y|%n' $MTIME_PATHS 2>/dev/null || for _f in $MTIME_PATHS; do
		printf 'm|%s|%s\n' "$(date -r "$_f" +%s 2>/dev/null)" "$_f"; done; } >"$TMP/mtimes"
	return 0
}

# run_batch: runs the queued jobs and records their items, in queue order
run_batch() {
	[ "$NQ" -gt 0 ] || return 0
	# shellcheck disable=SC2086 # bundle paths hold no blanks (collect_glob refuses such names)
	[ -n "$DIRS" ] && mkdir -p $DIRS
	DIRS=
	_from=1
	while [ "$_from" -le "$NQ" ]; do
		run_timed "$TMP/res" "$TMP/reserr" gen_batch "$_from"
		_mt=' '
		[ -s "$TMP/mtimes" ] && while IFS='|' read -r _k _a _b _; do [ "$_k" = m ] && _mt="$_mt${_b#"$R"}|$_a "; done <"$TMP/mtimes"
		: >"$TMP/mtimes"
		_cur=0 _last=$((_from - 1))
		while IFS='|' read -r _k _id _kind _src _p _out _st _ec _dur _tot; do
			case $_k in
			s) _cur=$_id ;;
			r)
				_last=$_cur TOTAL=${_tot:-$TOTAL} _mtime=
				[ -n "$_p" ] || [ -z "$_out" ] || DROP="$DROP $_out"
				case $_mt in *" $_src|"*) _mtime=${_mt#*" $_src|"}; _mtime=${_mtime%% *} ;; esac
				record_item "$_id" "$_kind" "$_src" "$_p" "$_st" "$_ec" "$_dur" "$_mtime" ;;
			esac
		done <"$TMP/res"
		[ "$_last" -ge "$NQ" ] && break
		if [ "$_cur" -le "$_last" ]; then
			# stopped between two jobs: go on after the last one, unless none even started
			[ "$_last" -ge "$_from" ] && { _from=$((_last + 1)); continue; }
			_cur=$_from
		elif [ "$_cur" -gt "$_from" ] && [ "$TIMED_OUT" = 1 ]; then
			_from=$_cur   # stopped by the deadline of the jobs before it: again, with a deadline of its own
			continue
		fi
		# the job in progress when the batch stopped: timed out, or cut by the file-size limit
		_st=error; [ "$TIMED_OUT" = 1 ] && _st=timeout; [ "$RC" -eq 153 ] && _st=truncated
		_jn=0
		while IFS='|' read -r _k _id _a _b _c; do
			_jn=$((_jn + 1)); [ "$_jn" -eq "$_cur" ] || continue
			case $_k in
			F) _p=${_a#/}; [ -s "$W/$_p" ] || { DROP="$DROP $_p"; _p=''; }; record_item "$_id" file "$_a" "$_p" "$_st" ;;
			G) _p=commands/$_id.out; [ -s "$W/$_p" ] || { DROP="$DROP $_p"; _p=; }; record_item "$_id" command "$_a" "$_p" "$_st" ;;
			*) record_item "$_id" file "$_a" "" "$_b" ;;
			esac
			break
		done <"$TMP/queue"
		_from=$((_cur + 1))
	done
	: >"$TMP/queue"; NQ=0
}

# says_denied FILE: whether a command's stderr says it was refused for lack of privilege, read by
# the shell (its first 64 lines; no grep process per failed command)
says_denied() {
	_sn=0
	while [ "$_sn" -lt 64 ] && IFS='' read -r _sl || [ -n "$_sl" ]; do
		_sn=$((_sn + 1))
		case $_sl in
		*[Pp][Ee][Rr][Mm][Ii][Ss][Ss][Ii][Oo][Nn]' '[Dd][Ee][Nn][Ii][Ee][Dd]*|*[Nn][Oo][Tt]' '[Pp][Ee][Rr][Mm][Ii][Tt][Tt][Ee][Dd]*|\
		*[Ii][Nn][Ss][Uu][Ff][Ff][Ii][Cc][Ii][Ee][Nn][Tt]' '[Pp][Ee][Rr][Mm][Ii][Ss][Ss][Ii][Oo][Nn][Ss]*) return 0 ;;
		esac
		_sl=
	done <"$1"
	return 1
}

# collect_command ID SOURCE MODE CMD...: an external command; output to commands/<id>.out, stderr
# to .err, under its own deadline.
collect_command() {
	_id=$1 _srcs=$2 _mode=$3; shift 3
	_out=commands/$_id.out
	if ! have "$1"; then record_item "$_id" command "$_srcs" "" no-command; return; fi
	_err=$W/commands/$_id.err
	run_timed "$W/$_out" "$_err" "$@"
	_st=ok _ec=$RC
	if [ "$TIMED_OUT" = 1 ]; then _st=timeout
	elif [ "${1#gen_}" != "$1" ]; then
		case $RC in 0) ;; 3) _st=absent ;; 4) _st=denied ;; *) _st=error ;; esac; _ec=
	elif [ "$RC" -eq 153 ]; then _st=truncated
	elif [ "$RC" -ne 0 ] && ! { [ "$1" = systemd-detect-virt ] && [ "$RC" -eq 1 ]; }; then
		_st=error
		says_denied "$_err" && _st=denied
	fi
	# as non-root, lspci prints "<access denied>" for config space it cannot read
	[ "$_st" = ok ] && [ "$UID_NOW" != 0 ] && grep -q '<access denied>' "$W/$_out" && _st=denied
	[ "$_st" = ok ] && [ "$UID_NOW" != 0 ] && [ "$1" = journalctl ] &&
		grep -qi 'not seeing messages' "$_err" && _st=denied
	TRUNC=0; [ "$_mode" = plain ] || cap_copy "$W/$_out" "$W/$_out" "$_mode"
	[ "$TRUNC" = 1 ] && { [ "$_st" = ok ] || [ "$_st" = truncated ]; } && _st=truncated
	# stderr was written into the bundle; an empty one goes with the manifest's one rm
	[ -s "$_err" ] || DROP="$DROP commands/$_id.err"
	_p=$_out
	case $_st in ok|truncated) ;; *) [ -s "$W/$_out" ] || { DROP="$DROP $_out"; _p=; } ;; esac
	record_item "$_id" command "$_srcs" "$_p" "$_st" "$_ec" "$DUR"
	# the whole kernel log, for its AER lines: the output, or the copy cap_copy set aside
	case $_id in dmesg|journal-kernel)
		if [ -z "$KLOG_FULL" ] && { [ "$_st" = ok ] || [ "$_st" = truncated ]; }; then
			KLOG_FULL=$W/$_out; [ "$TRUNC" = 1 ] && mv "$TMP/uncut" "$TMP/klog" && KLOG_FULL=$TMP/klog
		fi
		[ "$_st" = denied ] && KLOG_DENIED=1 ;;
	esac
}

# --- synthesized listings (formats: docs/bundle-format.md); they run in the batch shell ---------
strip_root() { if [ -z "$R" ]; then cat; else while IFS= read -r _l; do case $_l in *"$R"/*) _l="${_l%%"$R"/*}/${_l#*"$R"/}" ;; esac; printf '%s\n' "$_l"; done; fi; }
# ls -1 by the shell's own glob (sorted the same way in the C locale)
gen_ls1() {
	[ -d "$R$1" ] || return 3; [ -r "$R$1" ] || return 4
	for _e in "$R$1"/*; do [ "$_e" = "$R$1/*" ] || printf '%s\n' "${_e##*/}"; done
}
# shellcheck disable=SC2012 # the listing itself is the evidence (ls -l of /dev/vfio, /dev/kvm)
gen_lsl() { [ -e "$R$1" ] || [ -L "$R$1" ] || return 3; ls -l "$R$1" | strip_root; }
# read_attr FILE: sets V; fails when the attribute cannot be read (builtin read: no fork per file)
read_attr() { V=; [ -r "$1" ] || return 1; { IFS= read -r V || [ -n "$V" ] || :; } 2>/dev/null <"$1"; }
# real_dir DIR: sets V to the real path of DIR without $R (cd -P: no process; the batch shell's
# working directory is not used by anything else)
real_dir() { cd -P "$1" 2>/dev/null || return 1; V=$PWD; [ -n "$R" ] && V=${V#"$RREAL"}; return 0; }

# One stderr redirection for the whole listing, and each attribute read straight away: only an
# attribute that cannot be read is looked at again (absent: skipped; unreadable: marked), so a
# present one costs one open, not a test, an access check and two redirections (npm run bench).
gen_pci_sysfs() {
	[ -d "$R/sys/bus/pci/devices" ] || return 3
	_first=1
	for _d in "$R"/sys/bus/pci/devices/*; do
		[ -e "$_d" ] || continue
		[ $_first = 1 ] || echo; _first=0
		echo "[${_d##*/}]"
		cd -P "$_d" && echo "path=${PWD#"$RREAL"}"
		for _k in vendor device subsystem_vendor subsystem_device class revision driver iommu_group \
			driver_override boot_vga reset_method sriov_totalvfs sriov_numvfs physfn numa_node enable; do
			case $_k in
			driver|iommu_group|physfn) [ -L "$_d/$_k" ] && cd -P "$_d/$_k" && echo "$_k=${PWD##*/}" ;;
			*)
				V=
				if { IFS= read -r V || [ -n "$V" ]; } <"$_d/$_k"; then printf '%s=%s\n' "$_k" "$V"
				elif [ -e "$_d/$_k" ]; then
					if [ -r "$_d/$_k" ]; then printf '%s=%s\n' "$_k" "$V"; else echo "# unreadable: $_k"; fi
				fi ;;
			esac
		done
	done 2>/dev/null
	cd /
}
gen_iommu_groups() {
	[ -d "$R/sys/kernel/iommu_groups" ] || return 3
	for _f in "$R"/sys/kernel/iommu_groups/*/devices/*; do
		[ -e "$_f" ] || [ -L "$_f" ] || continue
		_g=${_f%/devices/*}; echo "${_g##*/} ${_f##*/}"
	done
}
# the default domain type of each group (DMA, DMA-FQ, identity, blocked, unmanaged)
gen_iommu_group_type() {
	[ -d "$R/sys/kernel/iommu_groups" ] || return 3
	for _f in "$R"/sys/kernel/iommu_groups/*/type; do
		[ -e "$_f" ] || continue
		_g=${_f%/type}; _g=${_g##*/}
		if read_attr "$_f"; then echo "$_g $V"; else echo "# unreadable: $_g"; fi
	done
}
# the devices behind each IOMMU unit (dmar0, ivhd0, smmu3.0x..., the SMMU's own name on ARM)
gen_iommu_devices() {
	[ -d "$R/sys/class/iommu" ] || return 3
	for _f in "$R"/sys/class/iommu/*/devices/*; do
		[ -e "$_f" ] || [ -L "$_f" ] || continue
		_i=${_f%/devices/*}; echo "${_i##*/} ${_f##*/}"
	done
}
# device-tree boots: the nodes that name an IOMMU or MSI controller, or are one (bounded)
gen_devicetree_iommu() {
	_base=$R/sys/firmware/devicetree/base
	[ -d "$_base" ] || return 3
	[ -r "$_base" ] || return 4
	have find || return 5
	_c=0
	find "$_base" \( -name iommus -o -name iommu-map -o -name iommu-map-mask -o -name '#iommu-cells' \
		-o -name msi-map -o -name msi-map-mask -o -name msi-parent -o -name msi-controller \) -type f 2>/dev/null |
	while IFS='' read -r _f; do
		_c=$((_c + 1)); [ "$_c" -gt 4096 ] && { echo "# more not listed"; break; }
		_n=${_f%/*}; _n=${_n#"$_base"}; echo "${_f##*/} ${_n:-/}"
		case ${_f##*/} in
		'#iommu-cells'|msi-controller)
			for _p in compatible status; do
				[ -r "${_f%/*}/$_p" ] && { _v=$(tr '\000' ' ' <"${_f%/*}/$_p"); echo "$_p ${_n:-/} ${_v% }"; }
			done ;;
		esac
	done
	return 0
}
gen_boot_times() {
	_bt=; while read -r _k _v; do [ "$_k" = btime ] && _bt=$_v; done <"$R/proc/stat" 2>/dev/null
	[ -n "$_bt" ] && echo "btime $_bt"; now_epoch; echo "now $EPOCH"
}
gen_kernel_config() {
	# the release from `uname -srvm`'s output when it was collected (no second uname)
	_kr=; is_ok uname && read -r _ _kr _ <"$W/commands/uname.out"
	[ -n "$_kr" ] || _kr=$(uname -r)
	for _c in "/boot/config-$_kr" "/lib/modules/$_kr/config" /proc/config.gz; do
		[ -e "$R$_c" ] || continue
		[ -r "$R$_c" ] || return 4
		# a link must stay where kernel configurations live
		real_path "$_c" || return 5
		case $RP in /boot/config-*|/lib/modules/*/config|/usr/lib/modules/*/config|/proc/config.gz) ;; *) return 5 ;; esac
		echo "# source: $_c"
		case $_c in *.gz) gzip -dc "$R$_c" ;; *) cat "$R$_c" ;; esac |
			grep -E '^(# )?CONFIG_[A-Z0-9_]*(IOMMU|VFIO|KVM|DMAR|IRQ_REMAP|HUGETLB|X2APIC|SIMPLEDRM|FB_EFI|FB_VESA|SYSFB|PCI_STUB|SMMU|GIC_V3_ITS|PCIEAER)' || :
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
		real_dir "$_b" && echo "block $_n $V"
		for _q in "$_b"/"$_n"*; do [ -e "$_q/partition" ] && echo "part ${_q##*/} $_n"; done
		for _s in "$_b"/slaves/*; do [ -e "$_s" ] || [ -L "$_s" ] && echo "slave $_n ${_s##*/}"; done
	done
	cd /
	return 0
}
# network devices: what each one is attached to (the PCI function of a NIC), its driver, bridge or
# bond, and which of them carry the default route, directly attached IPv4 subnets and global IPv6
# addresses (the management network); addresses themselves are not listed
gen_net_devices() {
	[ -d "$R/sys/class/net" ] || return 3
	for _n in "$R"/sys/class/net/*; do
		[ -e "$_n" ] || continue
		echo "[${_n##*/}]"
		real_dir "$_n" && echo "path=$V"
		[ -L "$_n/device" ] && real_dir "$_n/device" && echo "device=${V##*/}"
		[ -L "$_n/device/driver" ] && real_dir "$_n/device/driver" && echo "driver=${V##*/}"
		[ -L "$_n/master" ] && real_dir "$_n/master" && echo "master=${V##*/}"
		_lw=; for _l in "$_n"/lower_*; do [ "$_l" = "$_n/lower_*" ] || _lw="$_lw ${_l##*/lower_}"; done
		[ -n "$_lw" ] && echo "lower=${_lw# }"
		for _k in type operstate; do read_attr "$_n/$_k" && echo "$_k=$V"; done
		echo
	done
	cd /
	_seen=' '
	[ -r "$R/proc/net/route" ] && while read -r _if _dst _gw _ _ _ _ _mask _; do
		case $_if in ''|Iface) continue ;; esac
		if [ "$_dst" = 00000000 ] && [ "$_mask" = 00000000 ]; then _w=default
		elif [ "$_gw" = 00000000 ]; then _w=subnet; else _w=gateway; fi
		case $_seen in *" route4:$_if:$_w "*) continue ;; esac
		_seen="${_seen}route4:$_if:$_w "; echo "route4 $_if $_w"
	done <"$R/proc/net/route"
	[ -r "$R/proc/net/ipv6_route" ] && while read -r _dst _pl _ _ _ _ _ _ _ _if; do
		case $_dst:$_pl:$_if in 00000000000000000000000000000000:00:lo) continue ;; 00000000000000000000000000000000:00:*) ;; *) continue ;; esac
		case $_seen in *" route6:$_if "*) continue ;; esac
		_seen="${_seen}route6:$_if "; echo "route6 $_if default"
	done <"$R/proc/net/ipv6_route"
	[ -r "$R/proc/net/if_inet6" ] && while read -r _ _ _ _sc _ _if; do
		[ "$_sc" = 00 ] || continue
		case $_seen in *" addr6:$_if "*) continue ;; esac
		_seen="${_seen}addr6:$_if "; echo "addr6 $_if global"
	done <"$R/proc/net/if_inet6"
	return 0
}
# the AER error counters of each PCI function: every non-zero counter and the TOTAL_ lines
gen_pci_aer() {
	[ -d "$R/sys/bus/pci/devices" ] || return 3
	for _d in "$R"/sys/bus/pci/devices/*; do
		for _k in aer_dev_correctable aer_dev_fatal aer_dev_nonfatal; do
			[ -e "$_d/$_k" ] || continue
			[ -r "$_d/$_k" ] || { echo "# unreadable: ${_d##*/} $_k"; continue; }
			while read -r _e _v; do
				case $_e in TOTAL_*) ;; *) [ "$_v" = 0 ] && continue ;; esac
				echo "${_d##*/} $_k $_e $_v"
			done <"$_d/$_k"
		done
		for _k in aer_rootport_total_err_cor aer_rootport_total_err_fatal aer_rootport_total_err_nonfatal; do
			[ -e "$_d/$_k" ] && read_attr "$_d/$_k" && echo "${_d##*/} $_k TOTAL $V"
		done
	done
	return 0
}
# the AER and DPC lines of the whole kernel log (before the item cap cut its middle)
gen_klog_aer() {
	_f=$KLOG_FULL
	[ -n "$_f" ] || { [ -s "$W/var/log/dmesg" ] && _f=$R/var/log/dmesg; }
	[ -n "$_f" ] || { [ -s "$W/var/log/kern.log" ] && _f=$R/var/log/kern.log; }
	[ -n "$_f" ] || { [ "$KLOG_DENIED" = 1 ] && return 4; return 5; }
	have grep || return 5
	grep -E 'AER|PCIe Bus Error|error status/mask|TLP Header|DPC: |Hardware Error|error_detected|link has been reset|:    \[ ?[0-9]+\] [A-Za-z]' "$_f"
	[ $? -le 1 ]
}

# --- Cloudpods host service (formats: docs/bundle-format.md) ----------------------------------
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
# They are read only to know what to hide (under the deadline, as every read); none of these files
# is copied.
lit() {
	case $2 in ''|?|??|*' '*|*'	'*|localhost|'(none)'|dev|sys|proc|boot|etc|var|log|lib|kernel|module|modules|block|\
	class|bus|devices|firmware|efi|acpi|none|default|commands|user|host) return ;; esac
	printf '%s\t%s\n' "$1" "$2"
}
gen_redact_literals() {
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
	# serial numbers the evidence prints (the VPD of lspci, USB devices in the kernel log), so that
	# they go wherever else they appear too (a VPD vendor field repeating the serial); short ones
	# are only replaced where they are printed as serials
	grep -rhoiE '\[SN\] Serial number: *[^ ]+|SerialNumber: *[^ ]+' "$W" 2>/dev/null | while IFS='' read -r _l; do
		_v=${_l#*:}; _v=${_v#"${_v%%[! ]*}"}
		case $_v in ????????*) ;; *) continue ;; esac
		case $_v in [0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]:*) continue ;; esac
		lit serial "$_v"
	done
	return 0
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
			if ((alnum(a) || alnum(b)) && !(litk[i] == "serial" && n >= 8)) { out = out substr(s, 1, p + n - 1) }
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
# The values of serial-number fields: the VPD `[SN] Serial number: X` of lspci, the USB
# `SerialNumber: X`, `Serial Number: X`, `serial_number=X`, `serial=X` (QEMU, virtio disks) and
# NVMe qualified names (`nqn.2014.08.org.nvmexpress:<vendor><serial>...`) in the kernel log.
# The serial of a USB root hub is the PCI address of its controller, which stays.
function serials(s,   low, pre, v, t) {
	low = tolower(s)
	if (match(low, /serial ?number[ \t]*:[ \t]*|serial[_-]number[ \t]*[:=][ \t]*|serial ?no\.?[ \t]*:[ \t]*/)) {
		pre = substr(s, 1, RSTART + RLENGTH - 1); v = substr(s, RSTART + RLENGTH); t = v
		sub(/[ \t\r]+$/, "", v); t = substr(t, length(v) + 1)
		if (v != "" && v !~ /^redacted-/ && v !~ /^[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]:[0-9A-Fa-f][0-9A-Fa-f]:[0-9A-Fa-f][0-9A-Fa-f]\.[0-7]$/)
			s = pre lower_tok("serial", v) t
	} else {
		pre = ""
		while (match(low, /serial[:=][^ \t,;)"]+/)) {
			v = substr(s, RSTART + 7, RLENGTH - 7)
			if (v !~ /^redacted-/) v = lower_tok("serial", v)
			pre = pre substr(s, 1, RSTART + 6) v
			s = substr(s, RSTART + RLENGTH); low = substr(low, RSTART + RLENGTH)
		}
		s = pre s
	}
	low = tolower(s)
	if (match(low, /nqn\.[0-9][0-9][0-9][0-9][.-][0-9][0-9]\.[^ \t]+/))
		s = substr(s, 1, RSTART - 1) lower_tok("serial", substr(s, RSTART, RLENGTH)) substr(s, RSTART + RLENGTH)
	return s
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
	s = serials(lits($0))
	s = scan(s, "[0-9]+[.][0-9]+[.][0-9]+[.][0-9]+", "ip4")
	s = scan(s, "[0-9A-Fa-f:]*:[0-9A-Fa-f]*:[0-9A-Fa-f:]*", "colon")
	s = scan(s, "[0-9A-Fa-f][0-9A-Fa-f](-[0-9A-Fa-f][0-9A-Fa-f])+", "dash")
	print s > out
}'

redact_bundle() {
	have awk || die "--redact needs awk; none found, no bundle written"
	run_timed "$TMP/literals" "$TMP/lerr" gen_redact_literals
	printf '%s\n' "$HOST" >"$TMP/hostname"
	flush_items
	cut -d'|' -f1 "$TMP/items" >"$TMP/paths.orig"
	find "$W" -type f >"$TMP/files"
	# shellcheck disable=SC2046 # file names are ours or allowlist-checked (no blanks)
	awk -v LIT="$TMP/literals" "$REDACT_AWK" $(cat "$TMP/files") "$TMP/items" "$TMP/hostname" || die "redaction failed"
	while IFS='' read -r _f; do [ -e "$_f.red" ] && mv "$_f.red" "$_f"; done <"$TMP/files"
	mv "$TMP/items.red" "$TMP/items"; HOST=$(cat "$TMP/hostname.red")
	# rename files whose names held a redacted value (paths.orig and items stay line-aligned)
	cut -d'|' -f1 "$TMP/items" | paste -d'|' "$TMP/paths.orig" - | while IFS='|' read -r _a _b; do
		[ -n "$_a" ] && [ "$_a" != "$_b" ] && mkdir -p "$W/${_b%/*}" && mv "$W/$_a" "$W/$_b"
	done
}

# --- manifest and budgets --------------------------------------------------------------------
# --- manifest and budgets --------------------------------------------------------------------
# manifest_items: prints the manifest's items, measuring every item's file in one wc, in item
# order, after redaction (so sizes match the files); an item over the item cap or past the bundle
# budget keeps its head and becomes `truncated`. Plain items are measured only here (a wc per item
# costs a fork each); while they are read, the file-size limit of run_timed bounds them.
manifest_items() {
	# shellcheck disable=SC2086 # bundle paths hold no blanks
	[ -n "$DROP" ] && (cd "$W" && rm -f $DROP)
	set --
	# the paths as recorded (redaction may have renamed files: then from the rewritten items)
	if [ "$REDACT" = 1 ]; then
		while IFS='|' read -r _p _j; do [ -n "$_p" ] && [ -f "$W/$_p" ] && set -- "$@" "$_p"; done <"$TMP/items"
	else
		# shellcheck disable=SC2086 # bundle paths hold no blanks
		for _p in $ITEM_PATHS; do [ -f "$W/$_p" ] && set -- "$@" "$_p"; done
	fi
	: >"$TMP/sizes"; [ $# -gt 0 ] && (cd "$W" && wc -c -- "$@") >"$TMP/sizes"
	_used=0 _sep=
	exec 3<"$TMP/sizes"
	[ -s "$TMP/items" ] && while IFS='|' read -r _p _j; do manifest_item; done <"$TMP/items"
	_rest=$ITEMS
	while [ -n "$_rest" ]; do
		_l=${_rest%%"$NL"*}; _rest=${_rest#*"$NL"}
		_p=${_l%%|*} _j=${_l#*|}
		manifest_item
	done
	exec 3<&-
}
# manifest_item: prints item _j (bundle path _p) with its size, the next line of fd 3 (wc's)
manifest_item() {
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
}

# --- main ------------------------------------------------------------------------------------
RREAL=; [ -n "$R" ] && RREAL=$(cd -P "$R" && pwd -P)
HOST=$(hostname 2>/dev/null) || HOST=
[ -n "$HOST" ] || read_attr "$R/proc/sys/kernel/hostname" && HOST=${HOST:-$V}
EPOCH0=$(date -u +%s) MS0=
case $EPOCH0 in ''|*[!0-9]*) EPOCH0=; STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ) ;; *) now_ms; MS0=$NOW; utc_of "$EPOCH0"; STARTED=$UTC ;; esac
W=$TMP/bundle
mkdir -p "$W/commands"
: >"$TMP/items"; : >"$TMP/queue"
KLOG_FULL='' KLOG_DENIED=0

collect_command uname 'uname -srvm' plain uname -srvm
collect_command dmesg dmesg log dmesg
if ! is_ok dmesg; then
	collect_command journal-kernel 'journalctl -k -b --no-pager' log journalctl -k -b --no-pager
	collect_file var-log-dmesg /var/log/dmesg log
	collect_file kern-log /var/log/kern.log log
fi
collect_listing kernel-log-aer 'AER and DPC lines of the kernel log (dmesg, else journalctl -k, /var/log/dmesg, /var/log/kern.log)' gen_klog_aer
collect_file cmdline /proc/cmdline
collect_listing boot-times 'btime from /proc/stat and mtimes of boot configs' gen_boot_times
# shellcheck disable=SC2016 # the source as shown in reports, not a command
collect_listing kernel-config 'grep IOMMU/VFIO/KVM lines of /boot/config-$(uname -r)' gen_kernel_config
collect_file proc-modules /proc/modules
collect_listing sys-module 'ls /sys/module' gen_ls1 /sys/module
collect_listing pci-sysfs 'sysfs PCI inventory of /sys/bus/pci/devices/*' gen_pci_sysfs
collect_listing pci-aer 'AER counters of /sys/bus/pci/devices/*/aer_*' gen_pci_aer
collect_listing iommu-groups 'ls /sys/kernel/iommu_groups/*/devices' gen_iommu_groups
collect_listing iommu-group-type 'cat /sys/kernel/iommu_groups/*/type' gen_iommu_group_type
collect_listing sys-class-iommu 'ls /sys/class/iommu' gen_ls1 /sys/class/iommu
collect_listing iommu-devices 'ls /sys/class/iommu/*/devices' gen_iommu_devices
collect_listing devicetree-iommu 'find /sys/firmware/devicetree/base -name iommus -o -name iommu-map -o -name msi-map ...' gen_devicetree_iommu
collect_listing acpi-tables 'ls /sys/firmware/acpi/tables' gen_ls1 /sys/firmware/acpi/tables
collect_listing efi 'ls /sys/firmware/efi' gen_ls1 /sys/firmware/efi
collect_file proc-iomem /proc/iomem
collect_listing dev-vfio 'ls -l /dev/vfio' gen_lsl /dev/vfio
collect_listing dev-kvm 'ls -l /dev/kvm' gen_lsl /dev/kvm
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
collect_listing hugepages 'cat /sys/kernel/mm/hugepages/*/{nr,free}_hugepages' gen_hugepages
collect_file os-release /etc/os-release
collect_listing dmi 'cat /sys/class/dmi/id/{sys_vendor,product_name,board_vendor,board_name,bios_vendor,bios_version,bios_date}' gen_dmi
collect_file mounts /proc/mounts
collect_file swaps /proc/swaps
collect_listing block-devices 'sysfs device path of /sys/block/*' gen_block_devices
collect_listing net-devices 'sysfs of /sys/class/net/*, routes of /proc/net/{route,ipv6_route,if_inet6}' gen_net_devices
# Cloudpods host service (detected by /etc/yunion/host.conf or the host service's pod log)
collect_file yunion-host-conf /etc/yunion/host.conf
collect_glob host-service-log /var/log/pods 'onecloud_default-host-*/host/*.log' tail5m
collect_glob qemu-logs /opt/cloud/workspace/servers/logs '*' tail64k
collect_listing hugetlb-service 'systemctl is-enabled/is-active oc-hugetlb-gigantic-pages; its unit and reserve script' gen_hugetlb_service
run_batch

collect_command lsmod lsmod plain lsmod
collect_command lspci-nnk 'lspci -nnk' plain lspci -nnk
collect_command lspci-vvv 'lspci -nnvvv' plain lspci -nnvvv
collect_command systemd-detect-virt systemd-detect-virt plain systemd-detect-virt
collect_command lsusb lsusb plain lsusb
# The host service's log from the Kubernetes API server only when asked (--kubectl): it is the
# collector's one use of the network
_ksrc='kubectl -n onecloud logs <default-host pod> -c host --tail=20000'
if [ "$KUBECTL" = 1 ] && ! is_kept host-service-log && is_ok yunion-host-conf; then
	if have kubectl; then collect_command host-service-kubectl "$_ksrc" tail5m gen_host_service_kubectl
	else record_item host-service-kubectl command "$_ksrc" "" no-command; fi
fi

[ "$REDACT" = 1 ] && redact_bundle

# File name: the host part keeps only safe characters; the time is when collection finished.
_in=${HOST:-host} SAFEHOST=
while [ -n "$_in" ]; do
	_r=${_in#?}; _c=${_in%"$_r"}; _in=$_r
	case $_c in [A-Za-z0-9._-]) SAFEHOST=$SAFEHOST$_c ;; *) SAFEHOST=${SAFEHOST}_ ;; esac
done
if [ -n "$EPOCH0" ]; then now_epoch; utc_of "$EPOCH"; FINISHED=$UTC; else FINISHED=$(date -u +%Y-%m-%dT%H:%M:%SZ); fi
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
	exit 0
fi
# The bundle goes to a new file of mktemp's in the target directory, then takes its name: without
# --force by a hard link, which fails when the name exists (even one created since the check
# above); with --force by a rename, which replaces a symbolic link there instead of following it.
# -T: the name is never taken for a directory to put the file into.
if [ -n "$OUTDIR" ]; then OUT=$OUTDIR/$TOP.tgz; elif [ -z "$OUT" ]; then OUT=$TOP.tgz; fi
if { [ -e "$OUT" ] || [ -L "$OUT" ]; } && [ "$FORCE" = 0 ]; then die "$OUT exists; not replaced (--force replaces it)"; fi
_dir=.; case $OUT in */*) _dir=${OUT%/*}; _dir=${_dir:-/} ;; esac
PARTIAL=$(mktemp "$_dir/.ptdoctor-XXXXXX" 2>/dev/null) ||
	{ PARTIAL=$_dir/.ptdoctor-$$; (set -C; : >"$PARTIAL") 2>/dev/null; } || { PARTIAL=''; die "cannot write in $_dir"; }
gzip -c "$TMP/bundle.tar" >"$PARTIAL" || die "cannot write $OUT"
if [ "$FORCE" = 0 ] && have ln; then
	ln -T "$PARTIAL" "$OUT" 2>/dev/null || { [ ! -e "$OUT" ] && [ ! -L "$OUT" ] && ln "$PARTIAL" "$OUT" 2>/dev/null; } ||
		die "$OUT exists; not replaced (--force replaces it)"
	rm -f "$PARTIAL"
elif ! mv -f -T "$PARTIAL" "$OUT" 2>/dev/null; then
	# a mv without -T: a link at OUT is removed first
	[ -L "$OUT" ] && rm -f "$OUT"
	[ -d "$OUT" ] && die "$OUT is a directory"
	mv -f "$PARTIAL" "$OUT" || die "cannot write $OUT"
fi
PARTIAL=''
printf '%s\n' "$OUT"
