/**
 * The script that turns a process into a simulated VM: run by `unshare --mount --uts` as root, it
 * gives the VM its own view of the machine and then becomes the VM's sshd. Everything a session can
 * change lands under the VM's directory:
 * - /etc, /var, /usr/local, /opt, /srv: overlays (the machine's files below, the VM's changes above);
 * - /root, /home, /tmp, /run: the VM's own empty directories (no dotfiles or sockets of the machine);
 * - /dev: a small tmpfs with the character devices a shell needs and the VM's `disk/by-id`;
 * - /mnt: the VM's own directory (the flavor's ephemeral disk when /etc/fstab names it, as cloud-init writes);
 * - /proc/sys and /sys: read-only, so nothing can reach the real kernel's settings.
 * The mounts live in the namespace only: the machine's own mount table never sees them.
 */
export const OVERLAID_DIRECTORIES = ['etc', 'var', 'usr/local', 'opt', 'srv'] as const;
// /mnt is always the VM's own directory; cloud-init's fstab line for it says whether it is an
// ephemeral disk. /tmp comes last: the VM's directory (under the machine's /tmp) is hidden after it.
export const PRIVATE_DIRECTORIES = ['root', 'home', 'run', 'mnt', 'tmp'] as const;

export function simVmBootScript(): string {
  return `#!/bin/bash
# Boot a hubfleet simulated VM: usage boot.sh VM_DIRECTORY HOSTNAME VOLUMES_DIRECTORY
set -euo pipefail
vm="$1"; name="$2"; volumes="$3"
for dir in ${OVERLAID_DIRECTORIES.join(' ')}; do
  mount -t overlay "vm-$dir" -o "lowerdir=/$dir,upperdir=$vm/upper/$dir,workdir=$vm/work/$dir" "/$dir"
done
mkdir -p /etc/ssh/hubfleet-sim /var/lib/hubfleet-sim-volumes
mount --bind "$vm/sshd" /etc/ssh/hubfleet-sim
mount --bind "$volumes" /var/lib/hubfleet-sim-volumes
mount -t tmpfs -o mode=755 "vm-dev" "$vm/dev-root"
for node in null zero full random urandom tty ptmx; do
  touch "$vm/dev-root/$node"; mount --bind "/dev/$node" "$vm/dev-root/$node"
done
mkdir "$vm/dev-root/pts" "$vm/dev-root/shm" "$vm/dev-root/disk"
mount --bind /dev/pts "$vm/dev-root/pts"
mount -t tmpfs -o mode=1777 "vm-shm" "$vm/dev-root/shm"
mount --bind "$vm/disk" "$vm/dev-root/disk"
ln -s /proc/self/fd "$vm/dev-root/fd"
for stream in 0:stdin 1:stdout 2:stderr; do ln -s "/proc/self/fd/\${stream%%:*}" "$vm/dev-root/\${stream#*:}"; done
mount --move "$vm/dev-root" /dev
for dir in ${PRIVATE_DIRECTORIES.join(' ')}; do mount --bind "$vm/private/$dir" "/$dir"; done
mkdir -p -m 0755 /run/sshd
mount --bind /proc/sys /proc/sys && mount -o remount,bind,ro /proc/sys
mount --bind /sys /sys && mount -o remount,bind,ro /sys
hostname "$name"
# As systemd does at boot: the volume mounts /etc/fstab names by UUID (nofail) come back after a restart.
awk '$1 ~ /^UUID=/ && $4 ~ /nofail/ { print $2 }' /etc/fstab 2>/dev/null | while read -r dir; do
  /usr/local/sbin/mount "$dir" >/dev/null 2>&1 || true
done
exec /usr/sbin/sshd -D -e -f /etc/ssh/hubfleet-sim/sshd_config
`;
}

/** sshd's configuration for one VM: key authentication only, on the VM's own address. */
export function simVmSshdConfig(address: string, port: number): string {
  return `# hubfleet simulated VM
ListenAddress ${address}:${port}
HostKey /etc/ssh/hubfleet-sim/ssh_host_ed25519_key
PidFile /etc/ssh/hubfleet-sim/sshd.pid
AuthorizedKeysFile /etc/ssh/hubfleet-sim/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
MaxStartups 100
MaxSessions 50
Subsystem sftp internal-sftp
`;
}
