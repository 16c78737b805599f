{{/*
Names. Every object is named after the release (hubfleet installs `<hub>-nfs` in the hub's namespace),
so one hub's PersistentVolumes, which are cluster-wide, never collide with another's.
*/}}
{{- define "nfs-server.fullname" -}}
{{- .Release.Name | trunc 52 | trimSuffix "-" -}}
{{- end -}}

{{/* The claim on the provider's block volume that the server pod mounts. */}}
{{- define "nfs-server.diskName" -}}
{{- printf "%s-disk" (include "nfs-server.fullname" .) -}}
{{- end -}}

{{/* The NFS volume and claim the hub mounts: homes and ~/shared are sub-paths of it. */}}
{{- define "nfs-server.homeName" -}}
{{- printf "%s-home" (include "nfs-server.fullname" .) -}}
{{- end -}}

{{- define "nfs-server.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | quote }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: hubfleet
hubfleet.io/hub: {{ .Values.hub }}
{{- end -}}

{{- define "nfs-server.serverSelectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end -}}

{{/*
Prepares the directory layout under the directory given as the first argument: the parent of the
homes, and ~/shared for the admins' group. Idempotent: it runs before every server start.
*/}}
{{- define "nfs-server.prepareScript" -}}
{{- $homes := .Values.layout.homes -}}
{{- $shared := .Values.layout.sharedDir -}}
set -eu
root="$1"
mkdir -p "$root/{{ $homes.path }}"
chown {{ int64 $homes.uid }}:{{ int64 $homes.gid }} "$root/{{ $homes.path }}"
chmod 0755 "$root/{{ $homes.path }}"
{{- if $shared.enabled }}
mkdir -p "$root/{{ $shared.path }}"
chown {{ int64 $shared.uid }}:{{ int64 $shared.gid }} "$root/{{ $shared.path }}"
chmod {{ $shared.mode }} "$root/{{ $shared.path }}"
{{- end }}
ls -ln "$root"
{{- end -}}

{{- define "nfs-server.image" -}}
{{- printf "%s:%s" .repository .tag -}}
{{- end -}}
