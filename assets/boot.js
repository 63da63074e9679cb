// Starts the txng widget (an ES module, so no inline script is needed under the CSP).
// The wasm is located relative to the JS glue, so the widget works under any base path.
// A failed load (weak signal, old browser) says so and offers to reload the page.
import init from '../pkg/txng_web.js';

init().catch((e) => {
  const msg = document.querySelector('#txng .boot__msg');
  if (msg) {
    msg.textContent = 'Không tải được trang kiểm tra (mạng yếu hoặc trình duyệt quá cũ). Hãy tải lại trang. (Could not load the verifier: reload the page.)';
    msg.className = 'boot__msg error';
    const again = document.createElement('button');
    again.type = 'button';
    again.id = 'boot-reload';
    again.className = 'btn btn--primary';
    again.textContent = 'Tải lại trang (Reload)';
    again.addEventListener('click', () => window.location.reload());
    msg.after(again);
  }
  console.error(e);
});
