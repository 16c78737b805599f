import type { HubfleetConfig } from '../../config/deployment.js';
import { placementOn, toolsNodeGroup } from '../placement.js';
import type { ReleaseSpec } from '../release.js';
import { kubernetesComponentTag } from './component-images.js';
import { placeholderValues } from './placeholder-values.js';
import { PLACEHOLDERS_CHART } from './placeholders-chart.js';
import { scheduleValues } from './schedule-values.js';
import {
  PLACEHOLDER_PRIORITY,
  PLACEHOLDER_PRIORITY_CLASS_NAME,
  PLACEHOLDERS_NAMESPACE,
  PLACEHOLDERS_RELEASE,
  USER_PRIORITY,
  USER_PRIORITY_CLASS_NAME,
  USER_SCHEDULER_NAME,
} from './scheduling-names.js';

function describe(placeholders: number, schedules: number): string {
  const sizes = placeholders === 1 ? '1 placeholder size' : `${placeholders} placeholder sizes`;
  const raises = schedules === 1 ? '1 schedule' : `${schedules} schedules`;
  return `the bin-packing user scheduler every hub uses, ${sizes}, ${raises}`;
}

/**
 * The cluster-wide placeholders release: the user scheduler and priority classes every hub's values
 * name (installed even with no placeholders), `tools.placeholders` as Deployments placed on their
 * nodegroups, and `tools.placeholderSchedule` as raise/lower CronJobs. The scheduler and the scaler
 * Jobs run with the cluster tools; kube-scheduler and kubectl follow the cluster's minor version.
 */
export function placeholdersRelease(config: HubfleetConfig): ReleaseSpec {
  const tag = kubernetesComponentTag(config.cluster.kubernetesVersion);
  const { placeholders, placeholderSchedule } = config.tools;
  const toolPlacement = placementOn(toolsNodeGroup(config));
  return {
    release: PLACEHOLDERS_RELEASE,
    namespace: PLACEHOLDERS_NAMESPACE,
    chart: PLACEHOLDERS_CHART.chart,
    repository: PLACEHOLDERS_CHART.repository,
    version: PLACEHOLDERS_CHART.version,
    values: {
      userScheduler: {
        name: USER_SCHEDULER_NAME,
        image: { repository: 'registry.k8s.io/kube-scheduler', tag },
      },
      priorityClasses: {
        placeholder: { name: PLACEHOLDER_PRIORITY_CLASS_NAME, value: PLACEHOLDER_PRIORITY },
        user: { name: USER_PRIORITY_CLASS_NAME, value: USER_PRIORITY },
      },
      placeholders: placeholders.map((placeholder) =>
        placeholderValues(placeholder, config.cluster.nodeGroups),
      ),
      schedules: scheduleValues(placeholderSchedule),
      scaler: { image: { repository: 'registry.k8s.io/kubectl', tag } },
      placement: { nodeSelector: toolPlacement.nodeSelector, tolerations: toolPlacement.tolerations },
    },
    dependsOn: [],
    reason: describe(placeholders.length, placeholderSchedule.length),
  };
}
