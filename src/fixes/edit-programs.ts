/**
 * The awk programs behind the edits of src/fixes/file-edit.ts. POSIX awk only (they run under gawk
 * on RHEL and SUSE, mawk on Debian and Ubuntu, busybox awk on small hosts): values arrive through
 * ENVIRON, never through the program text, so nothing from a bundle is parsed as awk or shell.
 * The programs contain no single quote (the shell passes each one in single quotes; `\047` stands
 * for one inside awk strings), and fail with exit status 3 and one line on stderr when a line is
 * not in a shape they can edit, so a plan stops instead of regenerating from a half-made edit.
 *
 * Two-pass programs read the file twice (`awk … "$s" "$s"`): the first pass finds the line to add to.
 */

/** Shared functions: argument name folding (the kernel's parameq treats - and _ alike) and comparison. */
const ARGS = `
function fold(k) { gsub(/-/, "_", k); return k }
function name(w,  i) { i = index(w, "="); return i ? substr(w, 1, i - 1) : w }
function value(w,  i) { i = index(w, "="); return i ? substr(w, i + 1) : "\\001" }
function same(a, b) { return fold(name(a)) == fold(name(b)) && value(a) == value(b) }
function drop(k,  j) { for (j = k; j < n; j++) W[j] = W[j + 1]; n-- }
function edit(withAdds,  d, s, m, i, j, ok, a, f) {
  for (d = 1; d <= nd; d++) {
    m = split(dels[d], s, " ")
    i = 1
    while (m > 0 && i <= n - m + 1) {
      ok = 1
      for (j = 1; j <= m; j++) if (!same(W[i + j - 1], s[j])) { ok = 0; break }
      if (ok) { for (j = 1; j <= m; j++) drop(i) } else i++
    }
  }
  for (d = 1; d <= nk; d++) { i = 1; while (i <= n) { if (fold(name(W[i])) == fold(keys[d])) drop(i); else i++ } }
  for (d = 1; d <= nr; d++) { if (split(repl[d], s, " ") != 2) continue; for (i = 1; i <= n; i++) if (same(W[i], s[1])) W[i] = s[2] }
  if (!withAdds) return
  for (a = 1; a <= na; a++) { f = 0; for (i = 1; i <= n; i++) if (same(W[i], adds[a])) f = 1; if (!f) W[++n] = adds[a] }
}
function words(s,  t, i, c) { c = split(s, t, /[ \\t]+/); n = 0; for (i = 1; i <= c; i++) if (t[i] != "") W[++n] = t[i] }
function joined(  i, s) { s = ""; for (i = 1; i <= n; i++) s = s (i > 1 ? " " : "") W[i]; return s }
function fail(msg) { print "ptdoctor: " FILENAME ":" FNR ": " msg > "/dev/stderr"; bad = 1 }
`;

/**
 * Kernel command line. PTD_MODE is `var` (shell assignments NAME="…" of the names in PTD_VARS; adds
 * go to the last assignment of the first name, appended as a new assignment when there is none),
 * `line` (the first line that is not a comment, /etc/kernel/cmdline) or `options` (the first
 * `options` line of a boot loader entry). PTD_ADD: arguments separated by spaces; PTD_DEL: items
 * separated by `|`, each one argument or a run of adjacent arguments; PTD_DELKEY: names; PTD_REPL:
 * items separated by `|`, each `from to`, replacing an argument where it stands.
 */
export const KERNEL_CMDLINE_AWK = `${ARGS}
function assigned(line,  s, i) {
  s = line; sub(/^[ \\t]+/, "", s); if (s ~ /^export[ \\t]/) sub(/^export[ \\t]+/, "", s)
  for (i = 1; i <= nv; i++) if (index(s, vars[i] "=") == 1) return vars[i]
  return ""
}
function isCmdline(line) {
  if (mode == "options") return line ~ /^[ \\t]*options([ \\t]|$)/
  if (mode == "line") return line !~ /^[ \\t]*(#|$)/
  return assigned(line) != ""
}
BEGIN {
  mode = ENVIRON["PTD_MODE"]; nv = split(ENVIRON["PTD_VARS"], vars, " ")
  na = split(ENVIRON["PTD_ADD"], adds, " "); nd = split(ENVIRON["PTD_DEL"], dels, "|"); nk = split(ENVIRON["PTD_DELKEY"], keys, " ")
  nr = split(ENVIRON["PTD_REPL"], repl, "|")
}
FNR == NR {
  if (mode == "var" && assigned($0) == vars[1]) target = FNR
  else if (mode != "var" && !target && isCmdline($0)) target = FNR
  next
}
!isCmdline($0) { print; next }
mode == "line" { words($0); edit(FNR == target); print joined(); next }
mode == "options" { p = index($0, "options"); words(substr($0, p + 7)); edit(FNR == target); print substr($0, 1, p + 6) " " joined(); next }
{
  v = assigned($0); p = index($0, v "=") + length(v) + 1
  pre = substr($0, 1, p - 1); rest = substr($0, p); q = substr(rest, 1, 1)
  if (q == "\\"" || q == "\\047") {
    e = 0; for (i = 2; i <= length(rest); i++) if (substr(rest, i, 1) == q) e = i
    if (!e) { fail("the value of " v " does not end on this line"); print; next }
    body = substr(rest, 2, e - 2); post = substr(rest, e + 1)
  } else { q = ""; match(rest, /^[^ \\t;#]*/); body = substr(rest, 1, RLENGTH); post = substr(rest, RLENGTH + 1) }
  if (post !~ /^[ \\t]*(#.*)?$/) { fail("unexpected text after the value of " v); print; next }
  words(body); edit(FNR == target)
  if (q == "" && n > 1) q = "\\""
  print pre q joined() q post
}
END {
  if (bad) exit 3
  if (!target && na > 0) {
    n = 0; edit(1)
    if (mode == "var") print vars[1] "=\\"" joined() "\\""; else if (mode == "options") print "options " joined(); else print joined()
  }
}
`;

/** One module per line: PTD_ADD and PTD_DEL are names separated by spaces, compared with - and _ alike. */
export const MODULE_LIST_AWK = `
function fold(k) { gsub(/-/, "_", k); return k }
BEGIN { na = split(ENVIRON["PTD_ADD"], adds, " "); nd = split(ENVIRON["PTD_DEL"], dels, " ") }
{
  s = $0; sub(/^[ \\t]+/, "", s); sub(/[ \\t#].*$/, "", s); m = fold(s); gone = 0
  if ($0 !~ /^[ \\t]*[#;]/ && m != "") {
    for (d = 1; d <= nd; d++) if (m == fold(dels[d])) gone = 1
    for (a = 1; a <= na; a++) if (m == fold(adds[a])) have[a] = 1
  }
  if (!gone) print
}
END { for (a = 1; a <= na; a++) if (!have[a]) print adds[a] }
`;

/** Whole lines, compared with runs of blanks folded: PTD_ADD and PTD_DEL are lines separated by `|`. */
export const LINES_AWK = `
function norm(s) { gsub(/[ \\t]+/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s); return s }
BEGIN {
  na = split(ENVIRON["PTD_ADD"], adds, "|"); nd = split(ENVIRON["PTD_DEL"], dels, "|")
  for (a = 1; a <= na; a++) A[a] = norm(adds[a]); for (d = 1; d <= nd; d++) D[d] = norm(dels[d])
}
{ t = norm($0); gone = 0; for (d = 1; d <= nd; d++) if (t == D[d]) gone = 1; for (a = 1; a <= na; a++) if (t == A[a]) have[a] = 1; if (!gone) print }
END { for (a = 1; a <= na; a++) if (!have[a]) print adds[a] }
`;

/**
 * The comma list of `options PTD_MODULE PTD_OPTION=…` (module and option names folded): PTD_ADD and
 * PTD_DEL are items separated by commas (compared without case), PTD_DELALL=1 drops the option.
 * Adds go to the line that already has the option, else the first options line of the module,
 * else a new line.
 */
export const MODPROBE_OPTION_AWK = `
function fold(k) { gsub(/-/, "_", k); return tolower(k) }
function isOptions(line,  t, c) { c = split(line, t, /[ \\t]+/); if (t[1] == "") { t[1] = t[2]; t[2] = t[3] } return t[1] == "options" && fold(t[2]) == mod }
function hasOption(line,  t, c, i) { c = split(line, t, /[ \\t]+/); for (i = 3; i <= c; i++) if (fold(substr(t[i], 1, index(t[i] "=", "=") - 1)) == opt) return 1; return 0 }
BEGIN {
  mod = fold(ENVIRON["PTD_MODULE"]); opt = fold(ENVIRON["PTD_OPTION"]); all = ENVIRON["PTD_DELALL"] == "1"
  na = split(ENVIRON["PTD_ADD"], adds, ","); nd = split(ENVIRON["PTD_DEL"], dels, ",")
}
FNR == NR { if (isOptions($0)) { if (!first) first = FNR; if (!withOpt && hasOption($0)) withOpt = FNR } next }
!isOptions($0) { print; next }
{
  target = withOpt ? withOpt : first
  c = split($0, w, /[ \\t]+/); out = ""; k = 0; seen = 0
  for (i = 1; i <= c; i++) {
    if (w[i] == "") continue
    k++
    if (k <= 2) { out = out (k > 1 ? " " : "") w[i]; continue }
    e = index(w[i], "=")
    if (fold(e ? substr(w[i], 1, e - 1) : w[i]) != opt) { out = out " " w[i]; continue }
    seen = 1
    if (all) continue
    m = split(e ? substr(w[i], e + 1) : "", it, ","); vals = ""
    for (j = 1; j <= m; j++) { gone = 0; for (d = 1; d <= nd; d++) if (tolower(it[j]) == tolower(dels[d])) gone = 1; if (!gone && it[j] != "") vals = vals (vals == "" ? "" : ",") it[j] }
    if (FNR == target) vals = addTo(vals)
    if (vals != "") out = out " " substr(w[i], 1, e ? e - 1 : length(w[i])) "=" vals
  }
  if (!seen && FNR == target && !all) { vals = addTo(""); if (vals != "") out = out " " ENVIRON["PTD_OPTION"] "=" vals }
  if (split(out, left, " ") > 2) print out
}
function addTo(vals,  a, have, j, m, it) {
  for (a = 1; a <= na; a++) {
    have = 0; m = split(vals, it, ","); for (j = 1; j <= m; j++) if (tolower(it[j]) == tolower(adds[a])) have = 1
    if (!have) vals = vals (vals == "" ? "" : ",") adds[a]
  }
  return vals
}
END {
  if (!first && na > 0 && !all) { s = ""; for (a = 1; a <= na; a++) s = s (a > 1 ? "," : "") adds[a]; print "options " ENVIRON["PTD_MODULE"] " " ENVIRON["PTD_OPTION"] "=" s }
}
`;

/** A one-line bash array `PTD_VAR=(…)` of mkinitcpio.conf: PTD_ADD words go first, those already there stay once. */
export const SHELL_ARRAY_AWK = `
BEGIN { v = ENVIRON["PTD_VAR"]; na = split(ENVIRON["PTD_ADD"], adds, " ") }
!done && index($0, v "=(") == 1 {
  inner = substr($0, length(v) + 3); c = index(inner, ")")
  if (!c) { print "ptdoctor: " FILENAME ":" FNR ": " v "=( does not close on this line" > "/dev/stderr"; bad = 1; print; next }
  post = substr(inner, c + 1); m = split(substr(inner, 1, c - 1), w, /[ \\t]+/); out = ""
  for (a = 1; a <= na; a++) { f = 0; for (i = 1; i <= m; i++) if (w[i] == adds[a]) f = 1; if (!f) out = out (out == "" ? "" : " ") adds[a] }
  for (i = 1; i <= m; i++) if (w[i] != "") out = out (out == "" ? "" : " ") w[i]
  print v "=(" out ")" post; done = 1; next
}
{ print }
END {
  if (bad) exit 3
  if (!done) { s = ""; for (a = 1; a <= na; a++) s = s (a > 1 ? " " : "") adds[a]; print v "=(" s ")" }
}
`;

/** A top-level `PTD_KEY: PTD_VALUE` line of a YAML file: the first one is replaced, else one is appended. */
export const YAML_KEY_AWK = `
BEGIN { k = ENVIRON["PTD_KEY"]; v = ENVIRON["PTD_VALUE"] }
!done && (index($0, k ":") == 1) { print k ": " v; done = 1; next }
{ print }
END { if (!done) print k ": " v }
`;

/**
 * Rename the top-level key PTD_FROM to PTD_TO in place. Done already (no PTD_FROM line) changes
 * nothing; both keys present is refused with status 3, since the host service would read only one.
 */
export const YAML_RENAME_AWK = `
BEGIN { f = ENVIRON["PTD_FROM"]; t = ENVIRON["PTD_TO"] }
FNR == NR { if (index($0, t ":") == 1) hasTo = 1; if (index($0, f ":") == 1) hasFrom = 1; next }
hasFrom && hasTo && !warned { print "ptdoctor: " FILENAME ": both " f ": and " t ": are set; keep one by hand" > "/dev/stderr"; warned = 1 }
!warned && !done && index($0, f ":") == 1 { print t substr($0, length(f) + 1); done = 1; next }
{ print }
END { if (warned) exit 3 }
`;
