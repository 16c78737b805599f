/** A service-account key file's fields that hubfleet reads. */
export interface GkeServiceAccountKey {
  type?: string;
  client_email: string;
  private_key: string;
  private_key_id?: string;
  project_id?: string;
  token_uri?: string;
}

/**
 * What tests and the CLI's `--sim` wiring may set beyond the config. Real runs leave it empty: the
 * credentials come from `provider.credentials` or Application Default Credentials.
 */
export interface GkeConnectOverrides {
  /** A service-account key to sign with; wins over `provider.credentials` and the simulation's. */
  credentials?: GkeServiceAccountKey;
  /** Between two reads of a running operation, in ms. @default 2000 (100 against a simulated cloud) */
  pollIntervalMs?: number;
  /** The first wait of hubfleet's own retries of a transient error, doubled each time. @default 500 */
  retryDelayMs?: number;
}
