export interface Image {
  id: string;
  name: string;
  /** `active` is the only status a server can boot from. */
  status: string;
  visibility: 'public' | 'private' | 'shared' | 'community' | string;
  diskFormat: string;
  minDisk: number;
  minRam: number;
  size: number | null;
  owner: string;
  tags: string[];
  /** `os_distro`, `os_version` and other custom properties Glance shows at the top level. */
  properties: Record<string, string>;
  createdAt: number | undefined;
}
