// index.html's only script in the head, render-blocking and small: it runs
// before the first paint and chooses what that paint shows (the build
// puts www/takeover.js before it, wraps both in a function and names the
// file by content hash; a strict Content-Security-Policy allows no inline
// script). The prerendered first screen (#fk-pre) stays when the app will
// open on it; otherwise `fk-wait` on <html> hides it behind the loading
// message (www/page.css). `?embed` shows it as the embedded page does.
const html = document.documentElement;
const params = new URLSearchParams(location.search);
const ask = { preset: params.get('preset'), lang: params.get('lang'), budget: params.get('budget') };
if (params.has('bench') || !opensOnDefault(ask)) {
  html.classList.add('fk-wait');
} else if (params.has('embed')) {
  // Hidden until it looks as the embedded app does: no header or footer,
  // the top controls at the top of main.
  html.classList.add('fk-hold');
  addEventListener('DOMContentLoaded', () => {
    const fk = document.querySelector('#fk-pre > .fk');
    const top = document.createElement('div');
    top.className = 'top embedded-top';
    top.append(fk.querySelector('.top-controls'));
    fk.querySelector('main').prepend(top);
    for (const el of fk.querySelectorAll('.skip, header.top, footer.foot')) el.remove();
    fk.classList.add('embedded');
    html.classList.remove('fk-hold');
    // The host page's frame takes this height at the first frame (styled),
    // not when the app starts.
    if (parent !== window) {
      requestAnimationFrame(() => parent.postMessage({ type: 'finsam-kalkyl:height', height: html.scrollHeight }, '*'));
    }
  });
}
window.finsamTakeover = keep(() => document.body);
