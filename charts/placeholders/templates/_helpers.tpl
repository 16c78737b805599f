{{- define "placeholders.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | quote }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: hubfleet
{{- end -}}

{{- define "placeholders.image" -}}
{{- printf "%s:%s" .repository .tag -}}
{{- end -}}

{{/* The Deployment holding one placeholder size. */}}
{{- define "placeholders.deploymentName" -}}
{{- printf "placeholder-%s" . -}}
{{- end -}}

{{/* The ServiceAccount the scaler CronJobs run as. */}}
{{- define "placeholders.scalerName" -}}
placeholder-scaler
{{- end -}}

{{/* Base replicas of the placeholder named .name in .placeholders; fails on an unknown name. */}}
{{- define "placeholders.baseReplicas" -}}
{{- $found := "" -}}
{{- range .placeholders -}}
{{- if eq .name $.name }}{{ $found = toString (int64 .replicas) }}{{ end -}}
{{- end -}}
{{- if eq $found "" -}}
{{- fail (printf "schedules: placeholder %q is not in placeholders" .name) -}}
{{- end -}}
{{- $found -}}
{{- end -}}

{{/* Pod settings shared by the scheduler and the scaler Jobs: cluster tools, placed with the tools. */}}
{{- define "placeholders.toolPlacement" -}}
{{- with .Values.placement.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.placement.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "placeholders.restrictedSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65534
runAsGroup: 65534
allowPrivilegeEscalation: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}
