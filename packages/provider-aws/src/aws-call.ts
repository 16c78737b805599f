import { isNotFound, mapAwsError } from './aws-errors.js';

/** Options handed to every SDK `send`, so an interrupted run stops its requests. */
export interface SendOptions {
  abortSignal?: AbortSignal;
}

/**
 * Runs one AWS API call: `operation` is its IAM action (`eks:CreateCluster`), `subject` what it is
 * about (`cluster/quickstart`). Any error comes out as a HubfleetError (see `mapAwsError`).
 */
export type AwsCall = <Output>(
  operation: string,
  subject: string | undefined,
  send: (options: SendOptions) => Promise<Output>,
) => Promise<Output>;

export function createAwsCall(region: string, signal?: AbortSignal): AwsCall {
  const options: SendOptions = signal === undefined ? {} : { abortSignal: signal };
  return async (operation, subject, send) => {
    try {
      return await send(options);
    } catch (error) {
      throw mapAwsError(error, { operation, region, ...(subject === undefined ? {} : { subject }) });
    }
  };
}

/** The result, or undefined when the thing is not there (deleting what is gone, observing what never was). */
export async function unlessNotFound<Result>(work: Promise<Result>): Promise<Result | undefined> {
  try {
    return await work;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
