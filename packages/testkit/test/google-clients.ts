import { v1 as container } from '@google-cloud/container';
import { type GaxiosError, OAuth2Client } from 'google-auth-library';

/** An OAuth2 client holding a static access token: what the SDKs' `authClient` takes in tests. */
export function staticAuth(token = 'ya29.test-token'): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  return auth;
}

/** The HTTP status and Google error body (`{error: {code, message, status, …}}`) of a call that must fail. */
export async function googleFailure(
  work: Promise<unknown>,
): Promise<{ status: number | undefined; error: Record<string, unknown> }> {
  try {
    await work;
  } catch (error) {
    const response = (error as GaxiosError).response;
    return {
      status: response?.status,
      error: (response?.data as { error: Record<string, unknown> } | undefined)?.error ?? {},
    };
  }
  throw new Error('expected the call to fail');
}

/** Where a fake listens, as the Google SDKs' REST mode takes it. */
export function endpointOptions(url: string, authClient: OAuth2Client = staticAuth()) {
  const { hostname, port } = new URL(url);
  return {
    protocol: 'http',
    apiEndpoint: hostname,
    port: Number(port),
    authClient,
    universeDomain: 'googleapis.com',
  } as const;
}

/** The GKE client in REST fallback mode, as stack-notes.md describes. */
export function clusterManager(url: string, authClient?: OAuth2Client): container.ClusterManagerClient {
  return new container.ClusterManagerClient({ fallback: true, ...endpointOptions(url, authClient) });
}

/** Poll an operation getter until DONE; conditions, not sleeps. */
export async function until<T>(probe: () => Promise<T | undefined>, rounds = 400): Promise<T> {
  for (let round = 0; round < rounds; round++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`condition not reached after ${rounds} polls`);
}

/**
 * What a Google SDK error says, whichever way it came: gax's GoogleError (`code` a google.rpc code
 * number, `reason`), or in REST mode with an `authClient` a GaxiosError whose message is the JSON
 * error body.
 */
export function googleError(error: unknown): {
  code?: number;
  status?: string;
  reason?: string;
  message: string;
} {
  const shape = error as { message?: string; code?: unknown; reason?: string };
  try {
    const body = JSON.parse(shape.message ?? '') as {
      error: { code: number; status: string; message: string; details?: { reason?: string }[] };
    };
    const reason = body.error.details?.find((detail) => detail.reason !== undefined)?.reason;
    return {
      code: body.error.code,
      status: body.error.status,
      message: body.error.message,
      ...(reason === undefined ? {} : { reason }),
    };
  } catch {
    return {
      message: shape.message ?? String(error),
      ...(typeof shape.code === 'number' ? { code: shape.code } : {}),
      ...(shape.reason === undefined ? {} : { reason: shape.reason }),
    };
  }
}

/** The error a promise rejects with, read by `googleError`. */
export async function rejection(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return googleError(error);
  }
  throw new Error('expected the call to fail');
}

/** Compute Engine clients (REST only) at a fake. */
export async function computeClients(url: string, authClient?: OAuth2Client) {
  const compute = await import('@google-cloud/compute');
  const options = endpointOptions(url, authClient);
  return {
    disks: new compute.DisksClient(options),
    snapshots: new compute.SnapshotsClient(options),
    addresses: new compute.AddressesClient(options),
    machineTypes: new compute.MachineTypesClient(options),
    zoneOperations: new compute.ZoneOperationsClient(options),
    regionOperations: new compute.RegionOperationsClient(options),
    globalOperations: new compute.GlobalOperationsClient(options),
  };
}
