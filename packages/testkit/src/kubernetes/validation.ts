import { asArray, asRecord, asString, type KubeObject, labelsOf, nameOf } from './kube-object.js';
import type { ResourceType } from './resource-types.js';
import { matchesStructuredSelector } from './selectors.js';
import type { FieldProblem } from './service-allocation.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Types whose names must be RFC 1123 labels rather than subdomains. */
const LABEL_NAMED = new Set(['namespaces', 'services']);
/** Types whose names are only path segments (RBAC names such as `system:controller:x`). */
const PATH_SEGMENT_NAMED = new Set(['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings']);

/** Problems with metadata.name for `type` (empty when valid). */
export function validateName(type: ResourceType, name: string): FieldProblem[] {
  if (name === '')
    return [{ field: 'metadata.name', message: 'Required value: name or generateName is required' }];
  if (PATH_SEGMENT_NAMED.has(type.plural) && type.group === 'rbac.authorization.k8s.io') {
    return name === '.' || name === '..' || /[/%]/.test(name)
      ? [{ field: 'metadata.name', message: `Invalid value: "${name}": may not contain '/' or '%'` }]
      : [];
  }
  if (LABEL_NAMED.has(type.plural) && type.group === '') {
    return DNS_LABEL.test(name) && name.length <= 63
      ? []
      : [
          {
            field: 'metadata.name',
            message: `Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
          },
        ];
  }
  return DNS_SUBDOMAIN.test(name) && name.length <= 253
    ? []
    : [
        {
          field: 'metadata.name',
          message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
        },
      ];
}

function validatePodSpec(podSpec: unknown, field: string): FieldProblem[] {
  return asArray(asRecord(podSpec)?.containers).length === 0
    ? [{ field: `${field}.containers`, message: 'Required value' }]
    : [];
}

function validateWorkload(object: KubeObject, needsSelector: boolean): FieldProblem[] {
  const spec = asRecord(object.spec) ?? {};
  const template = asRecord(spec.template) ?? {};
  const problems = validatePodSpec(template.spec, 'spec.template.spec');
  if (!needsSelector) return problems;
  const selector = asRecord(spec.selector);
  if (!selector) return [{ field: 'spec.selector', message: 'Required value' }, ...problems];
  const templateLabels = labelsOf(template);
  if (!matchesStructuredSelector(templateLabels, selector)) {
    problems.push({
      field: 'spec.template.metadata.labels',
      message: `Invalid value: ${JSON.stringify(templateLabels)}: \`selector\` does not match template \`labels\``,
    });
  }
  return problems;
}

function validateDefinition(object: KubeObject): FieldProblem[] {
  const spec = asRecord(object.spec) ?? {};
  const names = asRecord(spec.names) ?? {};
  const expected = `${asString(names.plural) ?? ''}.${asString(spec.group) ?? ''}`;
  const problems: FieldProblem[] = [];
  if (nameOf(object) !== expected) {
    problems.push({
      field: 'metadata.name',
      message: `Invalid value: "${nameOf(object)}": must be spec.names.plural+"."+spec.group`,
    });
  }
  if (!asString(names.kind)) problems.push({ field: 'spec.names.kind', message: 'Required value' });
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') {
    problems.push({
      field: 'spec.scope',
      message: `Unsupported value: "${String(spec.scope)}": supported values: "Cluster", "Namespaced"`,
    });
  }
  const storage = asArray(spec.versions).filter((version) => asRecord(version)?.storage === true);
  if (storage.length !== 1) {
    problems.push({
      field: 'spec.versions',
      message: 'Invalid value: must have exactly one version marked as storage version',
    });
  }
  return problems;
}

/** The handful of spec checks the fake makes (the real server validates far more). */
export function validateObject(type: ResourceType, object: KubeObject): FieldProblem[] {
  if (!type.builtIn) return [];
  switch (`${type.group}/${type.plural}`) {
    case 'apps/deployments':
    case 'apps/replicasets':
    case 'apps/statefulsets':
    case 'apps/daemonsets':
      return validateWorkload(object, true);
    case 'batch/jobs':
      return validateWorkload(object, false);
    case '/pods':
      return validatePodSpec(object.spec, 'spec');
    case 'apiextensions.k8s.io/customresourcedefinitions':
      return validateDefinition(object);
    default:
      return [];
  }
}
