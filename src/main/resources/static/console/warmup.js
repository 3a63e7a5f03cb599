// Camera and microphone open while a request rings for this expert, so that accepting it does not wait for them:
// opening a real camera takes from a few hundred milliseconds to a second.

/** How long the devices stay open after the ringing stopped, for the accepted dialog's media to take them over. */
const RELEASE_AFTER_MS = 3000;

/**
 * `local` is the console's LocalMedia; `inUse()` says whether a live dialog uses it now (then it stays open).
 * Call `update(ringing)` whenever the queue changed.
 */
export function cameraWarmUp(local, { inUse }) {
  let warmed = false;
  let releaseTimer = null;

  function release() {
    releaseTimer = null;
    if (!warmed) return;
    warmed = false;
    if (!inUse()) local.stop();
  }

  return {
    update(ringing) {
      if (ringing) {
        clearTimeout(releaseTimer);
        releaseTimer = null;
        if (local.video || local.audio || local.opening) return;
        warmed = true;
        // A failure is not reported here: the dialog's own start asks again and says what went wrong.
        local.startCameraAndMic().catch(() => {});
      } else if (warmed && releaseTimer == null) {
        // Accepting takes the request off the queue a moment before the dialog's media takes the devices over.
        releaseTimer = setTimeout(release, RELEASE_AFTER_MS);
      }
    },
  };
}
