'use strict';
// The inspector page: everything goes to this page's own origin (the CSP allows nothing else).
const $ = (id) => document.getElementById(id);
const img = $('screen');
const overlay = $('overlay');
const ctx = overlay.getContext('2d');
const state = { shot: 0, width: 0, height: 0, url: null, box: null, boxShot: 0, drag: null, marks: [] };

function zoom() { return parseFloat($('zoom').value); }
function toImage(e) {
  return { x: Math.round(e.offsetX / zoom()), y: Math.round(e.offsetY / zoom()) };
}
function say(text, error) {
  const m = $('message');
  m.textContent = text;
  m.className = error ? 'error' : '';
}

async function call(method, path, params) {
  const body = params ? new URLSearchParams(params) : undefined;
  const r = await fetch('/api/' + path, { method, body, credentials: 'same-origin' });
  const type = r.headers.get('Content-Type') || '';
  const data = type.startsWith('application/json') ? await r.json() : await r.blob();
  if (!r.ok) {
    throw new Error(data.error || ('HTTP ' + r.status));
  }
  return { data, headers: r.headers };
}

async function refresh() {
  const { data, headers } = await call('GET', 'screen');
  const url = URL.createObjectURL(data);
  img.src = url;
  await img.decode();
  if (state.url) URL.revokeObjectURL(state.url);
  state.url = url;
  state.shot = parseInt(headers.get('X-Shot'), 10);
  [state.width, state.height] = headers.get('X-Screen-Size').split('x').map(Number);
  layout();
  img.dataset.shot = String(state.shot);
}

function layout() {
  const w = Math.round(state.width * zoom());
  const h = Math.round(state.height * zoom());
  img.style.width = w + 'px';
  img.style.height = h + 'px';
  if (overlay.width !== w || overlay.height !== h) {
    overlay.width = w;
    overlay.height = h;
  }
  $('info').textContent = `${state.width}x${state.height} px, shown at ${Math.round(zoom() * 100)}%` +
    ` (1 screen px = ${zoom()} page px), screen #${state.shot}`;
  draw();
}

function draw() {
  ctx.clearRect(0, 0, overlay.width, overlay.height);
  const z = zoom();
  for (const m of state.marks) {
    ctx.strokeStyle = m.color;
    ctx.lineWidth = 2;
    ctx.strokeRect(m.x * z, m.y * z, m.w * z, m.h * z);
  }
  if (state.box) {
    const b = state.box;
    ctx.strokeStyle = '#39f';
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.strokeRect(b.x * z, b.y * z, b.w * z, b.h * z);
    ctx.setLineDash([]);
  }
}

async function loop() {
  if ($('live').checked) {
    try {
      await refresh();
    } catch (e) {
      say('Screen: ' + e.message, true);
    }
  }
  // Paced by the device: the next capture starts when this one is shown.
  setTimeout(loop, 30);
}

function setBox(b) {
  state.box = b;
  $('bx').value = b ? b.x : '';
  $('by').value = b ? b.y : '';
  $('bw').value = b ? b.w : '';
  $('bh').value = b ? b.h : '';
  draw();
}

overlay.addEventListener('pointerdown', (e) => {
  overlay.setPointerCapture(e.pointerId);
  state.drag = { start: toImage(e), at: performance.now(), shot: state.shot };
  if ($('mode-cut').checked) {
    $('live').checked = false; // keep the screen the box is cut from
  }
});
overlay.addEventListener('pointermove', (e) => {
  if (!state.drag || !$('mode-cut').checked) return;
  const p = toImage(e);
  const s = state.drag.start;
  setBox({ x: Math.min(s.x, p.x), y: Math.min(s.y, p.y), w: Math.abs(p.x - s.x), h: Math.abs(p.y - s.y) });
});
overlay.addEventListener('pointerup', async (e) => {
  const d = state.drag;
  state.drag = null;
  if (!d) return;
  const p = toImage(e);
  if ($('mode-cut').checked) {
    const s = d.start;
    setBox({ x: Math.min(s.x, p.x), y: Math.min(s.y, p.y), w: Math.abs(p.x - s.x), h: Math.abs(p.y - s.y) });
    state.boxShot = d.shot;
    say(`Box ${state.box.x},${state.box.y},${state.box.w},${state.box.h}: name it and Save template.`);
    return;
  }
  const far = Math.hypot(p.x - d.start.x, p.y - d.start.y) > 12;
  try {
    const r = far
      ? await call('POST', 'swipe', { x1: d.start.x, y1: d.start.y, x2: p.x, y2: p.y,
        ms: Math.round(Math.min(2000, Math.max(100, performance.now() - d.at))) })
      : await call('POST', 'tap', { shot: d.shot, x: d.start.x, y: d.start.y });
    say(r.data.line);
    await showScript();
  } catch (err) {
    say(err.message, true);
  }
});

function fmt(v) { return v === null || v === undefined ? '-' : Number(v).toFixed(3); }

async function save() {
  const box = { x: $('bx').value, y: $('by').value, w: $('bw').value, h: $('bh').value };
  try {
    const { data } = await call('POST', 'template', { shot: state.boxShot || state.shot, ...box, name: $('name').value,
      overwrite: $('overwrite').checked });
    showPreview(data);
    say('Saved ' + data.file);
    setBox(null);
    $('live').checked = true;
    await refresh();
    await matchAll();
  } catch (e) {
    say(e.message, true);
  }
}

async function readText() {
  const box = { x: $('bx').value, y: $('by').value, w: $('bw').value, h: $('bh').value };
  try {
    const { data } = await call('GET', 'text?' + new URLSearchParams({ shot: state.boxShot || state.shot, ...box }));
    const el = $('preview');
    el.replaceChildren();
    const d = document.createElement('div');
    d.id = 'preview-text';
    d.textContent = data.text ? `Text: ${data.text}` : 'No text read in the box';
    const code = document.createElement('code');
    code.textContent = data.java;
    el.append(d, code);
  } catch (e) {
    say(e.message, true);
  }
}

function showPreview(p) {
  const el = $('preview');
  el.replaceChildren();
  const line = (text, cls) => {
    const d = document.createElement('div');
    d.textContent = text;
    if (cls) d.className = cls;
    el.appendChild(d);
    return d;
  };
  line(`Best ${fmt(p.best.score)} at ${p.best.x},${p.best.y},${p.best.w},${p.best.h}`).id = 'preview-best';
  line(p.runnerUp ? `Runner-up ${fmt(p.runnerUp.score)} at ${p.runnerUp.x},${p.runnerUp.y} (orange); margin ${fmt(p.margin)}`
    : 'No runner-up', p.margin < 0.1 ? 'warn' : 'ok').id = 'preview-margin';
  line(p.colorCheckNeeded ? 'Colour check needed: only colour tells the runner-up apart'
    : (p.ambiguous ? 'Ambiguous even with colour: cut a more distinctive box or search a region'
      : 'Colour check not needed'), p.colorCheckNeeded || p.ambiguous ? 'warn' : 'ok').id = 'preview-colour';
  line(`Suggested threshold ${p.threshold.toFixed(2)}, region ${p.region}`);
  const code = document.createElement('code');
  code.textContent = p.java;
  el.appendChild(code);
  state.marks = [{ ...p.best, color: '#3c3' }];
  if (p.runnerUp) state.marks.push({ ...p.runnerUp, color: '#f90' });
  draw();
}

async function matchAll() {
  const shot = state.shot;
  const { data } = await call('GET', 'matches?shot=' + shot);
  const body = $('matches').tBodies[0];
  body.replaceChildren();
  for (const m of data) {
    const tr = document.createElement('tr');
    tr.dataset.name = m.name;
    tr.dataset.shot = String(shot);
    const cells = [m.name, m.found ? (m.colorOk ? 'found' : 'found (other colour)') : 'not found',
      m.error ? m.error : fmt(m.score), m.error ? '' : `${m.x},${m.y},${m.w},${m.h}`];
    for (const c of cells) {
      const td = document.createElement('td');
      td.textContent = c;
      tr.appendChild(td);
    }
    tr.addEventListener('click', () => heat(m, shot));
    body.appendChild(tr);
  }
  state.marks = data.filter((m) => m.found).map((m) => ({ ...m, color: '#3c3' }));
  draw();
}

async function heat(m, shot) {
  try {
    const { data } = await call('GET', `heatmap?shot=${shot}&name=${encodeURIComponent(m.name)}`);
    const h = $('heat');
    h.src = URL.createObjectURL(data);
    h.hidden = false;
    h.dataset.name = m.name;
    if (!m.error) state.marks = [{ ...m, color: '#f33' }];
    draw();
  } catch (e) {
    say(e.message, true);
  }
}

async function showScript() {
  const { data } = await call('GET', 'script');
  $('script').textContent = data.lines.join('\n');
}

async function start() {
  try {
    const { data } = await call('GET', 'device');
    $('device').textContent = `${data.model} ${data.serial} ${data.width}x${data.height} — ${data.explanation}`;
  } catch (e) {
    say(e.message, true);
  }
  $('save').addEventListener('click', save);
  $('read').addEventListener('click', readText);
  $('cancel').addEventListener('click', () => { setBox(null); $('live').checked = true; });
  $('match').addEventListener('click', () => matchAll().catch((e) => say(e.message, true)));
  $('zoom').addEventListener('change', layout);
  $('clear').addEventListener('click', () => call('POST', 'script/clear', {}).then(showScript));
  $('save-screen').addEventListener('click', () => call('POST', 'screen/save', { shot: state.shot,
    name: $('screen-name').value }).then((r) => say('Saved ' + r.data.file)).catch((e) => say(e.message, true)));
  for (const id of ['bx', 'by', 'bw', 'bh']) {
    $(id).addEventListener('change', () => setBox({ x: +$('bx').value, y: +$('by').value, w: +$('bw').value,
      h: +$('bh').value }));
  }
  loop();
}
start();
