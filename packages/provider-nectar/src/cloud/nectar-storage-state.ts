/** What the storage step learnt that the synchronous `volumes.attachment()` needs: where NFS is served. */
export interface StorageState {
  /** The storage VM's address on the cloud network, once known. */
  serverAddress?: string;
}
