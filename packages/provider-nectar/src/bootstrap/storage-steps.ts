import type { BootstrapStep } from './bootstrap-step.js';

/** Where each hub's volume is mounted and exported from. */
export const EXPORT_ROOT = '/srv/hubfleet';

/** `HUBFLEET_VOLUME_<HUB>`: the environment variable carrying a hub's Cinder volume id. */
export function volumeVariable(hub: string): string {
  return `HUBFLEET_VOLUME_${hub.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export const nfsServer: BootstrapStep = {
  name: 'nfs-server',
  why: "the kernel NFS server the hubs' home directories are served from (004: homes are NFS shares on one server)",
  check: `dpkg-query -W -f="\\\${Version}" nfs-kernel-server >/dev/null 2>&1 &&
  systemctl is-enabled --quiet nfs-kernel-server && systemctl is-active --quiet nfs-kernel-server`,
  apply: `apt-get update -q
apt-get install -y -q nfs-kernel-server
systemctl enable --now nfs-kernel-server`,
};

/**
 * A hub's volume: found by Nova's virtio serial (the volume id's first 20 characters), never by the
 * device name Nova reports; formatted only when it holds no filesystem; mounted by UUID.
 */
export function hubVolume(hub: string): BootstrapStep {
  const variable = volumeVariable(hub);
  const directory = `${EXPORT_ROOT}/${hub}`;
  return {
    name: `volume-${hub}`,
    why: `hub ${hub}'s Cinder volume, formatted once and mounted by UUID at ${directory}`,
    check: `device=$(volume_device "$${variable}")
[ -e "$device" ] && mountpoint -q ${directory} &&
  grep -qx "UUID=$(blkid -s UUID -o value "$device") ${directory} ext4 defaults,nofail 0 2" /etc/fstab`,
    apply: `device=$(volume_device "$${variable}")
wait_for_device "$device"
if ! blkid -s TYPE -o value "$device" >/dev/null 2>&1; then
  echo "$device holds no filesystem: formatting it (the only time hubfleet ever does)"
  mkfs.ext4 -q -L "hub-${hub}" "$device"
fi
uuid=$(blkid -s UUID -o value "$device")
mkdir -p ${directory}
sed -i '\\| ${directory} |d' /etc/fstab
echo "UUID=$uuid ${directory} ext4 defaults,nofail 0 2" >> /etc/fstab
mountpoint -q ${directory} || mount ${directory}`,
  };
}

/** A hub's export, readable and writable by the cluster's nodes only. */
export function hubExport(hub: string): BootstrapStep {
  const directory = `${EXPORT_ROOT}/${hub}`;
  const file = `/etc/exports.d/hubfleet-${hub}.exports`;
  return {
    name: `export-${hub}`,
    why: `hub ${hub}'s home directories exported to the cluster's addresses only`,
    check: `[ "$(cat ${file} 2>/dev/null)" = "$(export_line ${directory})" ] &&
  exportfs -v | grep "^${directory} " >/dev/null`,
    apply: `mkdir -p /etc/exports.d
export_line ${directory} > ${file}
exportfs -ra`,
  };
}

export const storageHelpers = [
  `# Nova gives a volume the serial of its id's first 20 characters; udev names the disk after it.
volume_device() {
  echo "/dev/disk/by-id/virtio-\${1:0:20}"
}`,
  `wait_for_device() {
  local tries=0
  until [ -e "$1" ]; do
    tries=$((tries + 1))
    if [ "$tries" -gt 60 ]; then echo "$1 did not appear: is the volume attached?" >&2; return 1; fi
    sleep 1
  done
}`,
  `# One export line: the directory, then each cluster address with the options hub homes need.
export_line() {
  local line="$1" address
  for address in $HUBFLEET_CLUSTER_ADDRESSES; do
    line="$line $address(rw,sync,no_subtree_check,no_root_squash)"
  done
  echo "$line"
}`,
];
