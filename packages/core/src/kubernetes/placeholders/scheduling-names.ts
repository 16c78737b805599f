/** The namespace of the cluster-wide placeholders release. */
export const PLACEHOLDERS_NAMESPACE = 'hubfleet-system';

/** The placeholders Helm release. */
export const PLACEHOLDERS_RELEASE = 'placeholders';

/**
 * The bin-packing scheduler every hub's user pods use (`singleuser.schedulerName` in the hub's
 * values): one for all hubs, so it can preempt any hub's placeholders for any hub's users.
 */
export const USER_SCHEDULER_NAME = 'hubfleet-user-scheduler';

/** The PriorityClass of user servers (`singleuser.priorityClassName`): preempts placeholders. */
export const USER_PRIORITY_CLASS_NAME = 'hubfleet-user';

/** The PriorityClass of placeholders: evicted first, never evicts anything. */
export const PLACEHOLDER_PRIORITY_CLASS_NAME = 'hubfleet-placeholder';

/**
 * Priorities. -10 is the cluster-autoscaler's default `--expendable-pods-priority-cutoff`: pods below
 * it never cause a scale-up, so it is the lowest value at which an evicted placeholder still brings up
 * a node. Users at 0 are above it and equal to pods without a class, so they evict only placeholders.
 */
export const PLACEHOLDER_PRIORITY = -10;
export const USER_PRIORITY = 0;
