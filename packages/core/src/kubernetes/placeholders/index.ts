export { KUBERNETES_RELEASES, kubernetesComponentTag } from './component-images.js';
export { lowerCrons } from './lower-cron.js';
export type { PlaceholderValues } from './placeholder-values.js';
export { PLACEHOLDERS_CHART } from './placeholders-chart.js';
export { placeholdersRelease } from './placeholders-release.js';
export type { ScheduleValues } from './schedule-values.js';
export {
  PLACEHOLDER_PRIORITY,
  PLACEHOLDER_PRIORITY_CLASS_NAME,
  PLACEHOLDERS_NAMESPACE,
  PLACEHOLDERS_RELEASE,
  USER_PRIORITY,
  USER_PRIORITY_CLASS_NAME,
  USER_SCHEDULER_NAME,
} from './scheduling-names.js';
