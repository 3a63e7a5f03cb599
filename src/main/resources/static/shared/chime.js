// @ts-check
// A short, soft tone for new messages and requests, and the person's choice to hear it, kept per browser.

/**
 * A setting stored in this browser (off unless switched on).
 * @param {string} key
 * @returns {{get: () => boolean, set: (on: boolean) => void}}
 */
export function storedSwitch(key) {
  return {
    get() {
      try {
        return localStorage.getItem(key) === 'on';
      } catch {
        return false;
      }
    },
    set(on) {
      try {
        if (on) localStorage.setItem(key, 'on');
        else localStorage.removeItem(key);
      } catch {
        // storage blocked: the setting lasts for this page only
      }
    },
  };
}

/** Plays the tone; silently nothing where audio may not start yet. */
export function chime() {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.onended = () => audio.close();
    tone.start();
    tone.stop(audio.currentTime + 0.3);
  } catch {
    // no audio here
  }
}
