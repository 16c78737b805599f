/** A soft gap reported in a result instead of failing: the rest of the work goes on. */
export type ProviderWarningV1 =
  | { type: 'unsupported'; feature: string; detail: string }
  | { type: 'other'; message: string };
