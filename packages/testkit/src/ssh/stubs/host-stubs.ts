/**
 * Stubs for the commands that change a machine's kernel or services (swap, modules, sysctls,
 * systemd, the clock). Each keeps the simulated VM's state in files under `/var/lib/hubfleet-sim`
 * inside the VM's own filesystem view, answers the queries a bootstrap step checks with, and never
 * reaches the real kernel of the machine running the tests.
 */
import { SIM_ETC, STATE } from './stub-prelude.js';

const swapoff = `
[ "\${1:-}" = "-a" ] || { echo "swapoff: sim supports only -a" >&2; exit 1; }
echo off > ${STATE}/swap
`;

const swapon = `
case "\${1:-}" in
  --show)
    if [ "$(cat ${STATE}/swap)" = on ]; then
      [ "\${2:-}" = "--noheadings" ] || echo "NAME      TYPE SIZE USED PRIO"
      echo "/swapfile file   2G   0B   -2"
    fi ;;
  -a) if grep -Eq '^[^#]\\S*\\s+\\S+\\s+swap\\s' /etc/fstab; then echo on > ${STATE}/swap; fi ;;
  *) echo "swapon: sim supports --show and -a" >&2; exit 1 ;;
esac
`;

const modprobe = `
[ $# -eq 1 ] || { echo "modprobe: sim loads one module at a time" >&2; exit 1; }
grep -qx "$1" ${STATE}/modules || echo "$1" >> ${STATE}/modules
`;

const lsmod = `
echo "Module                  Size  Used by"
while read -r module; do printf '%-22s 16384  0\\n' "$module"; done < ${STATE}/modules
`;

// sysctl --system reads the same files the real one does, in the same order (later files win).
const sysctl = `
set_value() { mkdir -p ${STATE}/sysctl; printf '%s\\n' "$2" > "${STATE}/sysctl/$1"; }
get_value() { if [ -f "${STATE}/sysctl/$1" ]; then cat "${STATE}/sysctl/$1"; else echo 0; fi; }
case "\${1:-}" in
  --system)
    for file in /etc/sysctl.conf /etc/sysctl.d/*.conf; do
      [ -f "$file" ] || continue
      echo "* Applying $file ..."
      while IFS='=' read -r key value; do
        key=$(echo "$key" | tr -d '[:space:]'); value=$(echo "$value" | sed 's/^ *//; s/ *$//')
        case "$key" in ''|'#'*|';'*) continue ;; esac
        set_value "$key" "$value"; echo "$key = $value"
      done < "$file"
    done ;;
  -w) set_value "\${2%%=*}" "\${2#*=}"; echo "\${2%%=*} = \${2#*=}" ;;
  -n) get_value "$2" ;;
  *) [ $# -eq 1 ] || { echo "sysctl: sim supports --system, -w, -n" >&2; exit 1; }; echo "$1 = $(get_value "$1")" ;;
esac
`;

// A unit exists once its package is installed (apt-get writes ${STATE}/units/<unit>.known).
const systemctl = `
unit() { local name="$1"; echo "\${name%.service}"; }
# A kubelet that starts runs the installed package's version: its Node (if any) reports it from now on;
# one newer than the control plane fails, as kubelet's version skew policy has it.
started() {
  [ "$1" = kubelet ] && [ -f ${STATE}/packages/kubelet ] && [ -f ${SIM_ETC}/control-url ] || return 0
  /usr/bin/curl -sS --fail-with-body -X POST "$(cat ${SIM_ETC}/control-url)/kubelet?vm=$(cat ${SIM_ETC}/vm-name)&version=$(cat ${STATE}/packages/kubelet)" >/dev/null ||
    { echo "Job for kubelet.service failed because the control process exited with error code." >&2; exit 1; }
}
known() { [ -f "${STATE}/units/$1.known" ] || { echo "Failed: Unit $1.service not found." >&2; exit 5; }; }
quiet=false; now=false; args=()
for arg in "$@"; do
  case "$arg" in --quiet|-q) quiet=true ;; --now) now=true ;; *) args+=("$arg") ;; esac
done
command="\${args[0]:-}"
case "$command" in
  daemon-reload) echo $(( $(cat ${STATE}/daemon-reloads 2>/dev/null || echo 0) + 1 )) > ${STATE}/daemon-reloads ;;
  enable|disable|start|stop|restart|is-active|is-enabled)
    for name in "\${args[@]:1}"; do
      u=$(unit "$name")
      case "$command" in
        enable) known "$u"; touch "${STATE}/units/$u.enabled"; if $now; then touch "${STATE}/units/$u.active"; started "$u"; fi ;;
        disable) rm -f "${STATE}/units/$u.enabled"; if $now; then rm -f "${STATE}/units/$u.active"; fi ;;
        start) known "$u"; touch "${STATE}/units/$u.active"; started "$u" ;;
        stop) rm -f "${STATE}/units/$u.active" ;;
        restart) known "$u"; touch "${STATE}/units/$u.active"; echo x >> "${STATE}/units/$u.restarts"; started "$u" ;;
        is-active) if [ -f "${STATE}/units/$u.active" ]; then $quiet || echo active; else $quiet || echo inactive; exit 3; fi ;;
        is-enabled) if [ -f "${STATE}/units/$u.enabled" ]; then $quiet || echo enabled; else $quiet || echo disabled; exit 1; fi ;;
      esac
    done ;;
  *) echo "systemctl: sim does not know '$command'" >&2; exit 1 ;;
esac
`;

const timedatectl = `
case "$*" in
  "show -p NTP --value"|"show --property=NTP --value") cat ${STATE}/ntp ;;
  "show -p NTPSynchronized --value") if [ "$(cat ${STATE}/ntp)" = yes ]; then echo yes; else echo no; fi ;;
  "set-ntp true"|"set-ntp yes"|"set-ntp 1") echo yes > ${STATE}/ntp; touch ${STATE}/units/systemd-timesyncd.active ;;
  "set-ntp false"|"set-ntp no"|"set-ntp 0") echo no > ${STATE}/ntp ;;
  *) echo "timedatectl: sim does not know '$*'" >&2; exit 1 ;;
esac
`;

// NeCTAR's `ubuntu` user runs everything through sudo; in the VM view it already is root.
const sudo = `
while [ $# -gt 0 ]; do case "$1" in -n|-E|-H|-i|-s) shift ;; --) shift; break ;; *) break ;; esac; done
exec "$@"
`;

export const hostStubs: Readonly<Record<string, string>> = {
  swapoff,
  swapon,
  modprobe,
  lsmod,
  sysctl,
  systemctl,
  timedatectl,
  sudo,
};
