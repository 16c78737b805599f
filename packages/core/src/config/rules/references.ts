import type { NodeGroupConfig } from '../cluster.js';
import type { HubfleetConfig } from '../deployment.js';
import { didYouMean } from '../did-you-mean.js';
import { type ConfigIssue, error } from '../issues.js';

function missingGroup(
  path: (string | number)[],
  name: string,
  groups: readonly NodeGroupConfig[],
): ConfigIssue {
  const names = groups.map((group) => group.name);
  const suggestion = didYouMean(name, names);
  return error(
    path,
    `nodegroup "${name}" does not exist`,
    suggestion ? `did you mean "${suggestion}"?` : `use one of: ${names.join(', ')}`,
  );
}

export function checkProfiles(config: HubfleetConfig): ConfigIssue[] {
  const groups = config.cluster.nodeGroups;
  const hasGpuGroup = groups.some((group) => group.role === 'gpu');
  return config.hubs.flatMap((hub, hubIndex) =>
    hub.profiles.flatMap((profile, index) => {
      const path = ['hubs', hubIndex, 'profiles', index];
      if (profile.nodeGroup !== undefined) {
        const group = groups.find((candidate) => candidate.name === profile.nodeGroup);
        if (!group) return [missingGroup([...path, 'nodeGroup'], profile.nodeGroup, groups)];
        if (group.role !== 'users' && group.role !== 'gpu') {
          return [
            error(
              [...path, 'nodeGroup'],
              `nodegroup "${group.name}" has role "${group.role}"; user servers run only on users or gpu nodegroups`,
              'point nodeGroup at a users or gpu nodegroup',
            ),
          ];
        }
        if (profile.gpu !== undefined && group.role !== 'gpu') {
          return [
            error(
              [...path, 'nodeGroup'],
              `the profile asks for ${profile.gpu} GPU(s) but nodegroup "${group.name}" has role "${group.role}"`,
              'point nodeGroup at a nodegroup with role gpu',
            ),
          ];
        }
        return [];
      }
      if (profile.gpu !== undefined && !hasGpuGroup) {
        return [
          error(
            [...path, 'gpu'],
            'a GPU profile needs a nodegroup with role gpu, and there is none',
            'add a gpu nodegroup under cluster.nodeGroups, e.g. { name: gpu, role: gpu, instanceType: ..., min: 0, max: 2, gpu: { count: 1 } }',
          ),
        ];
      }
      return [];
    }),
  );
}

export function checkPlaceholders(config: HubfleetConfig): ConfigIssue[] {
  const groups = config.cluster.nodeGroups;
  const placeholderIssues = config.tools.placeholders.flatMap((placeholder, index) => {
    const path = ['tools', 'placeholders', index];
    const group = groups.find((candidate) => candidate.name === placeholder.nodeGroup);
    if (!group) return [missingGroup([...path, 'nodeGroup'], placeholder.nodeGroup, groups)];
    if (group.role !== 'users' && group.role !== 'gpu') {
      return [
        error(
          [...path, 'nodeGroup'],
          `placeholders keep seats for users, but nodegroup "${group.name}" has role "${group.role}"`,
          'point nodeGroup at a users or gpu nodegroup',
        ),
      ];
    }
    if (placeholder.gpu !== undefined && group.role !== 'gpu') {
      return [
        error(
          [...path, 'gpu'],
          `nodegroup "${group.name}" has no GPUs`,
          'point nodeGroup at a gpu nodegroup, or remove gpu',
        ),
      ];
    }
    return [];
  });
  const names = config.tools.placeholders.map((placeholder) => placeholder.name);
  const scheduleIssues = config.tools.placeholderSchedule.flatMap((entry, index) => {
    if (names.includes(entry.placeholder)) return [];
    const suggestion = didYouMean(entry.placeholder, names);
    return [
      error(
        ['tools', 'placeholderSchedule', index, 'placeholder'],
        `placeholder "${entry.placeholder}" does not exist`,
        suggestion
          ? `did you mean "${suggestion}"?`
          : names.length > 0
            ? `use one of: ${names.join(', ')}`
            : 'define it under tools.placeholders first',
      ),
    ];
  });
  return [...placeholderIssues, ...scheduleIssues];
}
