import { scheduleTransition } from '../../framework/lifecycle.js';
import type { NovaVolumeBackend } from '../nova/nova-settings.js';
import { attachRefusal, beginAttach, beginDetach } from './cinder-attaching.js';
import type { CinderFake } from './cinder-fake.js';

/**
 * What Nova asks Cinder when it attaches or detaches a volume (os-volume_attachments): the sim
 * cloud hands this to the Nova fake, so an attach turns the Cinder volume attaching → in-use, and a
 * server deleted with a `delete_on_termination` volume takes the volume with it.
 */
export function cinderVolumeBackend(cinder: CinderFake): NovaVolumeBackend {
  return {
    attach(volumeId, serverId, device) {
      cinder.settle();
      const volume = cinder.state.volumes[volumeId];
      if (!volume) return 'not-found';
      const refusal = attachRefusal(volume);
      if (refusal) return { invalid: refusal };
      beginAttach(cinder.settings, volume, serverId, {
        device,
        connected: true,
        now: cinder.settings.clock.now(),
      });
      cinder.settings.save();
      return 'ok';
    },
    detach(volumeId, serverId) {
      cinder.settle();
      const volume = cinder.state.volumes[volumeId];
      const attachment = volume?.attachments.find((candidate) => candidate.serverId === serverId);
      if (!volume || !attachment) return;
      beginDetach(cinder.settings, volume, attachment, cinder.settings.clock.now());
      cinder.settings.save();
    },
    remove(volumeId) {
      cinder.settle();
      const volume = cinder.state.volumes[volumeId];
      if (!volume) return;
      // Nova deletes it right after detaching: the attachment goes with it, then the volume.
      const now = cinder.settings.clock.now();
      volume.attachments = [];
      volume.status = 'deleting';
      volume.updatedAt = now;
      scheduleTransition(volume, null, now, cinder.settings.clock.scaled(cinder.settings.durations.delete));
      cinder.settings.save();
    },
  };
}
