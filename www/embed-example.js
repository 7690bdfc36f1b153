// The example host page's frame follows the calculator's height
// (embed-example.html). Only messages from the frame's own origin and
// window are taken. A host page under a strict Content-Security-Policy
// keeps this in a file of its own, like this one; setting the height
// through `style.height` is allowed.
const frame = document.getElementById('finsam-kalkyl-frame');
addEventListener('message', (e) => {
  if (e.origin !== new URL(frame.src, location.href).origin || e.source !== frame.contentWindow) return;
  if (e.data && e.data.type === 'finsam-kalkyl:height') frame.style.height = `${e.data.height}px`;
});
