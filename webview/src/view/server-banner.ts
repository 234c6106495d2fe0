/**
 * The banner over the diagram while the language server is down: the last diagram stays on screen and
 * usable; the banner says the server is restarting, or, when the client gave up on it, offers to
 * restart it. Gone once the server runs again.
 */
import type { ServerStatus } from '../messages';
import { h } from './dom';

export const RESTARTING_TEXT = 'The CALM language server stopped; restarting\u2026 The diagram shows the last model.';
export const STOPPED_TEXT = 'The CALM language server stopped. The diagram shows the last model. ';
export const RESTART_LINK_TEXT = 'Restart the language server';

export class ServerBanner {
  readonly element = h('div', { className: 'calm-server-banner', attrs: { role: 'status', 'aria-live': 'polite' } });

  constructor(restart: () => void) {
    this.element.hidden = true;
    this.element.addEventListener('click', (e) => {
      if (!(e.target instanceof HTMLElement) || !e.target.closest('a')) return;
      e.preventDefault();
      restart();
    });
  }

  show(status: ServerStatus): void {
    if (status.state === 'running') {
      this.element.hidden = true;
      return;
    }
    if (status.state === 'starting' || status.restarting) {
      this.element.replaceChildren(h('span', { className: 'calm-banner-icon', text: '\u21bb' }), h('span', { text: RESTARTING_TEXT }));
    } else {
      this.element.replaceChildren(h('span', { className: 'calm-banner-icon', text: '\u26a0' }), h('span', { text: STOPPED_TEXT }), h('a', { text: RESTART_LINK_TEXT, attrs: { href: '#', role: 'button' } }));
    }
    this.element.hidden = false;
  }
}
