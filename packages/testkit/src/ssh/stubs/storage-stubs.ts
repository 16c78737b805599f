/**
 * Stubs for block devices and NFS: mkfs.ext4, blkid, mount/umount, exportfs. A device is a
 * `/dev/disk/by-id/virtio-*` link to a volume directory (`device`, `filesystem`, `data/`,
 * `formats`); mounting it by UUID bind-mounts its `data/` inside the VM's mount namespace, so files
 * written there stay with the volume when the VM is replaced.
 */
import { STATE, VOLUMES } from './stub-prelude.js';

const volumeOf = `
volume_of() {
  local target; target=$(readlink -f "$1")
  case "$target" in ${VOLUMES}/*/device) dirname "$target" ;; *) echo "$1: not a block device" >&2; return 1 ;; esac
}
volume_by_uuid() {
  local file; for file in ${VOLUMES}/*/filesystem; do
    [ -f "$file" ] && [ "$(cut -d' ' -f2 "$file")" = "$1" ] && { dirname "$file"; return 0; }
  done; return 1
}
`;

const mkfsExt4 = `
${volumeOf}
device="\${*: -1}"; volume=$(volume_of "$device")
uuid=$(cat /proc/sys/kernel/random/uuid)
rm -rf "$volume/data"; mkdir -p "$volume/data"
echo "ext4 $uuid" > "$volume/filesystem"
echo x >> "$volume/formats"
echo "Creating filesystem with UUID $uuid"
`;

// blkid -s UUID -o value DEV / blkid -s TYPE -o value DEV; exit 2 when the device holds no filesystem.
const blkid = `
${volumeOf}
tag=""; previous=""; for arg in "$@"; do [ "$previous" = "-s" ] && tag="$arg"; previous="$arg"; done
device="\${*: -1}"; volume=$(volume_of "$device")
[ -s "$volume/filesystem" ] || exit 2
read -r type uuid < "$volume/filesystem"
case "$tag" in UUID) echo "$uuid" ;; TYPE) echo "$type" ;; *) echo "$device: UUID=\\"$uuid\\" TYPE=\\"$type\\"" ;; esac
`;

// mount DIR (from /etc/fstab) and mount UUID=... DIR; anything else is refused so no real
// filesystem of the machine running the tests is ever remounted.
const mount = `
${volumeOf}
target=""; source=""
if [ $# -eq 1 ]; then
  target="$1"; source=$(awk -v dir="$target" '$1 !~ /^#/ && $2 == dir { print $1 }' /etc/fstab)
  [ -n "$source" ] || { echo "mount: $target: can't find in /etc/fstab." >&2; exit 1; }
elif [ $# -eq 2 ]; then source="$1"; target="$2"
else echo "mount: sim supports 'mount DIR' and 'mount UUID=... DIR'" >&2; exit 1; fi
case "$source" in UUID=*) volume=$(volume_by_uuid "\${source#UUID=}") || { echo "mount: $source: can't find UUID" >&2; exit 1; } ;;
  *) volume=$(volume_of "$source") ;; esac
[ -s "$volume/filesystem" ] || { echo "mount: $target: wrong fs type, bad option, bad superblock on $source" >&2; exit 32; }
! /usr/bin/mountpoint -q "$target" || { echo "mount: $target: already mounted" >&2; exit 32; }
mkdir -p "$target"
/usr/bin/mount --bind "$volume/data" "$target"
echo "$source $target" >> ${STATE}/mounts
`;

const umount = `
/usr/bin/mountpoint -q "$1" || { echo "umount: $1: not mounted." >&2; exit 32; }
/usr/bin/umount "$1"
`;

// exportfs -ra publishes /etc/exports and /etc/exports.d/*.exports; -v lists what is published.
const exportfs = `
case "$*" in
  -ra|-r|-a)
    [ -f ${STATE}/units/nfs-kernel-server.active ] || { echo "exportfs: could not open /proc/fs/nfs/exports" >&2; exit 1; }
    cat /etc/exports /etc/exports.d/*.exports 2>/dev/null | grep -Ev '^\\s*(#|$)' > ${STATE}/exports.new || true
    while read -r dir _; do [ -d "$dir" ] || { echo "exportfs: Failed to stat $dir: No such file or directory" >&2; exit 1; }; done < ${STATE}/exports.new
    mv ${STATE}/exports.new ${STATE}/exports ;;
  -v|-s) cat ${STATE}/exports 2>/dev/null || true ;;
  *) echo "exportfs: sim does not know '$*'" >&2; exit 1 ;;
esac
`;

export const storageStubs: Readonly<Record<string, string>> = {
  'mkfs.ext4': mkfsExt4,
  blkid,
  mount,
  umount,
  exportfs,
};
