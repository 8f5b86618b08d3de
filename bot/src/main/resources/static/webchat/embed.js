// Townhall's chat launcher for the council's own pages: one line,
//   <script src="https://chat.council.gov.uk/webchat/embed.js" defer></script>
// adds an "Ask the council" button that opens the chat in a panel (an iframe of this service's
// chat page). The page's site must be listed in townhall.security.embed-origins, or browsers refuse
// to show the chat inside it.
(function () {
  'use strict';
  const script = document.currentScript;
  const origin = new URL(script.src).origin;

  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = script.dataset.label || 'Ask the council';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'townhall-chat');
  Object.assign(button.style, { position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483000',
    font: '600 18px/1.2 system-ui, sans-serif', padding: '12px 18px', color: '#ffffff', background: '#003078',
    border: '0', borderRadius: '24px', cursor: 'pointer', boxShadow: '0 2px 6px rgba(0,0,0,0.3)' });

  const panel = document.createElement('iframe');
  panel.id = 'townhall-chat';
  panel.title = 'Chat with the council';
  panel.hidden = true;
  Object.assign(panel.style, { position: 'fixed', right: '16px', bottom: '72px', zIndex: '2147483000',
    width: 'min(400px, calc(100vw - 32px))', height: 'min(640px, calc(100vh - 96px))', border: '2px solid #0b0c0c',
    borderRadius: '8px', background: '#ffffff' });

  button.addEventListener('click', () => {
    // Loaded on first opening only: a page that never opens the chat costs the service nothing.
    if (!panel.src) panel.src = origin + '/';
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) panel.focus();
  });
  document.body.append(panel, button);
})();
