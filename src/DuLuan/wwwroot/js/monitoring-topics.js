// Live preview of a watch-topic rule: what it would have matched in the last 30 days, as the rule is typed.
(function () {
  const form = document.getElementById('add-topic');
  const rule = document.getElementById('topic-rule');
  const unit = document.getElementById('topic-unit');
  const out = document.getElementById('topic-preview');
  if (!form || !rule || !unit || !out) return;
  const english = document.documentElement.lang === 'en';
  let timer = 0;
  let seq = 0;
  function show(nodes) { out.replaceChildren(...nodes); }
  function text(tag, value) { const e = document.createElement(tag); e.textContent = value; return e; }
  async function run() {
    const value = rule.value.trim();
    if (!value) { show([text('span', english ? 'Type a rule to see what it matches.' : 'Nhập quy tắc để xem bài khớp.')]); return; }
    const mine = ++seq;
    const url = form.dataset.previewUrl + '&unitId=' + encodeURIComponent(unit.value) + '&rule=' + encodeURIComponent(value);
    const response = await fetch(url, { headers: { 'Accept': 'application/json' } });
    if (mine !== seq) return;
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const where = body.position !== undefined ? (english ? ' (at character ' : ' (ở ký tự ') + (body.position + 1) + ')' : '';
      show([text('span', (english && body.messageEn ? body.messageEn : body.message || 'Error') + where)]);
      out.className = 'error';
      return;
    }
    out.className = '';
    const summary = english
      ? body.matched + ' of ' + body.scanned + ' articles of the last 30 days match.'
      : body.matched + ' trên ' + body.scanned + ' bài trong 30 ngày qua khớp quy tắc.';
    const list = document.createElement('ul');
    for (const item of body.examples) list.append(text('li', item.title + ' — ' + item.outlet));
    show([text('p', summary), list]);
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(() => { run().catch(() => {}); }, 300); }
  rule.addEventListener('input', schedule);
  unit.addEventListener('change', schedule);
})();
