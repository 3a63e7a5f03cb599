// @ts-check
// Round avatar with a participant's initials on their colour (both chosen by the server).

const FALLBACK_COLOR = '#5b6472';
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * @param {{name?: string, initials?: string, color?: string} | null | undefined} avatar
 * @param {number} size diameter in CSS pixels
 * @returns {HTMLSpanElement}
 */
export function avatarElement(avatar, size = 32) {
  const name = avatar?.name ?? '';
  const el = document.createElement('span');
  el.className = 'avatar';
  el.textContent = avatar?.initials || initialsOf(name);
  el.title = name;
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', name);
  // Inline styles keep the avatar correct in any page, whatever stylesheet is loaded.
  Object.assign(el.style, {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flex: 'none',
    width: `${size}px`,
    height: `${size}px`,
    borderRadius: '50%',
    background: HEX_COLOR.test(avatar?.color ?? '') ? avatar.color : FALLBACK_COLOR,
    color: '#fff',
    font: `600 ${Math.round(size * 0.4)}px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`,
    letterSpacing: '0.02em',
    userSelect: 'none',
  });
  return el;
}

function initialsOf(name) {
  const letters = name.trim().split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0]);
  return letters.join('').toUpperCase() || '?';
}
