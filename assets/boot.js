// Starts the txng widget (an ES module, so no inline script is needed under the CSP).
// The wasm is located relative to the JS glue, so the widget works under any base path.
import init from '../pkg/txng_web.js';

init().catch((e) => {
  const msg = document.querySelector('#txng .boot__msg');
  if (msg) {
    msg.textContent = 'Không tải được trình kiểm tra. Hãy tải lại trang hoặc dùng trình duyệt mới hơn. (Could not load the verifier: reload or use a newer browser.)';
    msg.className = 'boot__msg error';
  }
  console.error(e);
});
