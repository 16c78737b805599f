/**
 * How long, at the least, a Google access token hubfleet hands out stays valid. Google issues them
 * for an hour; the session's google-auth-library client refreshes a cached one once less than this
 * is left (`eagerRefreshThresholdMillis`), so every kubeconfig token has at least 15 minutes to
 * live, and `hubfleet kubeconfig token` truthfully claims 14 (the provider's `credentialLifetimeMs`
 * less a minute for clock skew).
 */
export const GKE_TOKEN_MIN_REMAINING_MS = 15 * 60_000;
