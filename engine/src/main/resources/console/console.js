/* Tocsin operator console: vanilla JS, no external resources (works offline).
 * Login exchanges the operator key (kept in sessionStorage, sent as Bearer) for a short-lived token that
 * opens the event stream (EventSource cannot send headers). All alert text is inserted with textContent. */
'use strict';

const TEXT = {
  zh: {
    title: '运营控制台', loginTitle: '操作员登录', operatorKey: '操作员密钥', login: '登录', logout: '退出',
    badKey: '密钥无效', alerts: '预警', approvals: '待审批', noAlerts: '暂无预警', selectAlert: '请选择一条预警',
    cancel: '撤销预警', channels: '渠道进度', channel: '渠道', progress: '进度', planned: '计划', submitted: '已提交',
    accepted: '已接受', delivered: '已送达', failed: '失败', expired: '过期', cancelled: '已取消', rate: '速率',
    eta: '预计完成', timeline: '时间线', map: '目标区域', confirmCancelTitle: '确认撤销预警', reason: '撤销原因',
    keep: '保留', confirmCancel: '确认撤销', approve: '批准', reject: '驳回', connection: '实时连接',
    reachText: '覆盖 {regions} 个区域（{names}），计划投递 {planned} 条，其中 {pending} 条尚未完成将被停止。',
    confirmText: '撤销“{headline}”（{id}）？', done: '完成', of: '/', perSec: '条/秒', mapLegend: '颜色=预警等级，深浅=投递进度',
    blindNone: '无覆盖盲区', blindSome: '紫色方块=覆盖盲区（无任何渠道覆盖的地点）', regionTip: '{name}：短信送达 {delivered}/{planned}（{pct}）',
    regionTipNone: '{name}：无逐人短信投递（整体进度 {pct}）',
    blindSummary: '覆盖估算：区域人口 {population}，任何渠道都未覆盖 {blind} 人（{share}），盲区网格 {cells} 个',
    blindClear: '覆盖估算：区域人口 {population}，所有地点均有渠道覆盖', blindPending: '正在估算覆盖…',
    rejectTitle: '驳回预警', rejectText: '驳回“{headline}”（{id}，发布方 {publisher}）？', rejectReason: '驳回原因（必填）',
    keepPending: '暂不处理', confirmReject: '确认驳回', needReason: '请填写驳回原因', commandFailed: '操作失败：',
    exercise: '演习 EXERCISE', test: '测试 TEST', cancelFailed: '撤销失败：', withdrawal: '（撤回）',
    submittedBy: '提交方 {who}', waited: '已等待 {time}', closesIn: '审批时限剩余 {time}', closed: '审批时限已到',
    selfApproval: '不能批准自己提交的预警', approvalsFailed: '无法读取待审批队列：',
    SMS: '短信', CELL_BROADCAST: '小区广播', RADIO: '广播电台', TV: '电视', WEBHOOK: 'Webhook',
    PENDING_APPROVAL: '待审批', REJECTED: '已驳回', ACTIVE: '已生效', DISPATCHING: '发送中', DONE: '已完成',
    SUPERSEDED: '已更新替代', CANCELLED: '已撤销', EXPIRED: '已过期'
  },
  en: {
    title: 'Operator console', loginTitle: 'Operator sign-in', operatorKey: 'Operator key', login: 'Sign in',
    logout: 'Sign out', badKey: 'Unknown key', alerts: 'Alerts', approvals: 'Awaiting approval', noAlerts: 'No alerts',
    selectAlert: 'Select an alert', cancel: 'Cancel alert', channels: 'Channels', channel: 'Channel',
    progress: 'Progress', planned: 'Planned', submitted: 'Submitted', accepted: 'Accepted', delivered: 'Delivered',
    failed: 'Failed', expired: 'Expired', cancelled: 'Cancelled', rate: 'Rate', eta: 'ETA', timeline: 'Timeline',
    map: 'Target areas', confirmCancelTitle: 'Cancel this alert?', reason: 'Reason', keep: 'Keep it',
    confirmCancel: 'Cancel alert', approve: 'Approve', reject: 'Reject', connection: 'Live connection',
    reachText: 'It targets {regions} region(s) ({names}) with {planned} planned dispatches; {pending} not yet finished will be stopped.',
    confirmText: 'Cancel "{headline}" ({id})?', done: 'done', of: '/', perSec: '/s',
    mapLegend: 'colour = warning level, shade = delivery progress', blindNone: 'no blind spots',
    blindSome: 'purple squares = blind spots (places no channel reaches)', regionTip: '{name}: SMS delivered {delivered}/{planned} ({pct})',
    regionTipNone: '{name}: no per-person SMS here (overall {pct})',
    blindSummary: 'Coverage estimate: {population} people in the area, {blind} reached by no channel ({share}), {cells} blind grid cells',
    blindClear: 'Coverage estimate: {population} people in the area, every place reached by some channel',
    blindPending: 'estimating coverage…',
    rejectTitle: 'Reject alert', rejectText: 'Reject "{headline}" ({id}, from {publisher})?', rejectReason: 'Reason (required)',
    keepPending: 'Not now', confirmReject: 'Reject alert', needReason: 'Give a reason for the rejection',
    commandFailed: 'Failed: ',
    exercise: 'EXERCISE 演习', test: 'TEST 测试', cancelFailed: 'Cancel failed: ', withdrawal: ' (withdrawal)',
    submittedBy: 'from {who}', waited: 'waiting {time}', closesIn: 'window closes in {time}', closed: 'approval window over',
    selfApproval: 'you may not approve what you submitted', approvalsFailed: 'Cannot read the approvals queue: ',
    SMS: 'SMS', CELL_BROADCAST: 'Cell broadcast', RADIO: 'Radio', TV: 'TV', WEBHOOK: 'Webhook',
    PENDING_APPROVAL: 'Pending approval', REJECTED: 'Rejected', ACTIVE: 'Active', DISPATCHING: 'Dispatching',
    DONE: 'Done', SUPERSEDED: 'Superseded', CANCELLED: 'Cancelled', EXPIRED: 'Expired'
  }
};
const COUNTERS = ['planned', 'submitted', 'accepted', 'delivered', 'failed', 'expired', 'cancelled'];

const state = {
  lang: localStorage.getItem('tocsin.lang') || 'zh',
  key: sessionStorage.getItem('tocsin.key'),
  operator: null,
  alerts: new Map(),      // id -> alert
  approvals: new Map(),   // id -> row of GET /api/v1/approvals, or a provisional row from the stream
  samples: new Map(),     // id/channel -> [{t, finished}]
  selected: null,
  geography: null,
  coverage: new Map(),    // id -> coverage overlay (or 'pending')
  source: null,
  retry: 0
};

const $ = (id) => document.getElementById(id);
const t = (k) => (TEXT[state.lang][k] !== undefined ? TEXT[state.lang][k] : k);
const fmt = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));
const num = (n) => Number(n || 0).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-US');
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

/* ---------- language ---------- */
function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-title]').forEach((e) => { e.title = t(e.dataset.i18nTitle); });
  $('lang').textContent = state.lang === 'zh' ? 'EN' : '中文';
  renderAll();
}
$('lang').addEventListener('click', () => {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('tocsin.lang', state.lang);
  applyLanguage();
});

/* ---------- auth ---------- */
async function openSession() {
  const res = await fetch('/api/v1/session', { method: 'POST', headers: { Authorization: 'Bearer ' + state.key } });
  if (res.status === 401) { return null; }
  if (!res.ok) { throw new Error('session: HTTP ' + res.status); }
  return res.json();
}
$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  state.key = $('key').value.trim();
  $('login-error').textContent = '';
  try {
    const session = await openSession();
    if (!session) { $('login-error').textContent = t('badKey'); state.key = null; return; }
    sessionStorage.setItem('tocsin.key', state.key);
    $('key').value = '';
    start(session);
  } catch (e) { $('login-error').textContent = String(e.message || e); }
});
$('logout').addEventListener('click', () => {
  sessionStorage.removeItem('tocsin.key');
  if (state.source) state.source.close();
  location.reload();
});

function start(session) {
  state.operator = session.operator;
  $('operator').textContent = session.operator;
  $('login-view').classList.add('hidden');
  $('main-view').classList.remove('hidden');
  $('logout').classList.remove('hidden');
  loadGeography();
  loadApprovals();
  connect(session.token);
}

/* ---------- approvals queue ---------- */
// Filled from GET /api/v1/approvals when the page opens (alerts that were waiting before it did) and on every
// (re)connection of the stream; kept live from the stream in between: an alert that leaves PENDING_APPROVAL
// leaves the box, a new one enters at once and the queue is read again for its submitter and deadline.
let approvalsLoading = null;
async function loadApprovals() {
  if (approvalsLoading) { approvalsLoading.again = true; return; }
  approvalsLoading = { again: false };
  try {
    const res = await fetch('/api/v1/approvals', { headers: { Authorization: 'Bearer ' + state.key } });
    if (!res.ok) throw new Error('HTTP ' + res.status);
    const doc = await res.json();
    const fresh = new Map();
    (doc.approvals || []).forEach((row) => {
      const a = state.alerts.get(row.id);
      if (a && a.state !== 'PENDING_APPROVAL') return; // decided since the queue was read
      fresh.set(row.id, row);
    });
    state.approvals.forEach((row, id) => { // entered from the stream after the queue was read
      const a = state.alerts.get(id);
      if (!fresh.has(id) && row.provisional && a && a.state === 'PENDING_APPROVAL') fresh.set(id, row);
    });
    state.approvals = fresh;
    $('approval-error').textContent = '';
  } catch (e) {
    $('approval-error').textContent = t('approvalsFailed') + (e.message || e);
  } finally {
    const again = approvalsLoading.again;
    approvalsLoading = null;
    scheduleRender();
    if (again) loadApprovals();
  }
}
function trackApproval(a) {
  if (a.state === 'PENDING_APPROVAL') {
    const row = state.approvals.get(a.id);
    if (!row) {
      state.approvals.set(a.id, { id: a.id, provisional: true, status: a.status, headline: a.headline,
        publisher: a.publisher, receivedAt: a.receivedAt, mayApprove: true });
      loadApprovals();
    }
  } else {
    state.approvals.delete(a.id);
  }
}
function duration(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 3600 ? Math.floor(s / 3600) + 'h' + Math.floor((s % 3600) / 60) + 'm'
    : s >= 60 ? Math.floor(s / 60) + 'm' + String(s % 60).padStart(2, '0') + 's' : s + 's';
}
// The waiting time and the deadline move on by themselves.
setInterval(() => { if (state.approvals.size > 0) renderApprovals(); }, 5000);

/* ---------- live events ---------- */
function connect(token) {
  if (state.source) state.source.close();
  const source = new EventSource('/api/v1/events?token=' + encodeURIComponent(token));
  state.source = source;
  source.addEventListener('open', () => { state.retry = 0; setConnected(true); loadApprovals(); });
  source.addEventListener('snapshot', (e) => {
    const doc = JSON.parse(e.data);
    state.alerts.clear();
    doc.alerts.forEach((a) => { state.alerts.set(a.id, a); sample(a); trackApproval(a); });
    scheduleRender();
  });
  source.addEventListener('alert', (e) => {
    const a = JSON.parse(e.data);
    state.alerts.set(a.id, a);
    sample(a);
    trackApproval(a);
    scheduleRender();
  });
  source.addEventListener('error', () => {
    setConnected(false);
    // The token may have expired: close and reconnect with a new one, backing off up to 10 s.
    source.close();
    const wait = Math.min(10000, 500 * Math.pow(2, state.retry++));
    setTimeout(async () => {
      try {
        const session = await openSession();
        if (session) { connect(session.token); } else { sessionStorage.removeItem('tocsin.key'); location.reload(); }
      } catch (err) { connect(''); }
    }, wait);
  });
}
function setConnected(on) {
  $('conn').className = 'conn ' + (on ? 'conn-on' : 'conn-off');
  document.body.dataset.connected = on ? 'true' : 'false';
}

/* ---------- progress arithmetic ---------- */
function finished(c) { return (c.delivered || 0) + (c.failed || 0) + (c.expired || 0) + (c.cancelled || 0); }
// What the channel actually worked through (cancelled dispatches never left, so they are not throughput).
function worked(c) { return (c.delivered || 0) + (c.failed || 0) + (c.expired || 0); }
const TERMINAL = ['DONE', 'CANCELLED', 'EXPIRED', 'SUPERSEDED', 'REJECTED'];
function segments(container, c) {
  const parts = [['fill', c.delivered], ['fail', (c.failed || 0) + (c.expired || 0)], ['stopped', c.cancelled]];
  parts.forEach(([cls, n]) => {
    const d = el('div', cls);
    d.style.width = (c.planned > 0 ? Math.min(100, (100 * (n || 0)) / c.planned) : 0) + '%';
    container.appendChild(d);
  });
}
function totals(a) {
  const sum = { planned: 0, delivered: 0, failed: 0, expired: 0, cancelled: 0, finished: 0 };
  Object.values(a.channels || {}).forEach((c) => {
    sum.planned += c.planned || 0; sum.delivered += c.delivered || 0; sum.failed += c.failed || 0;
    sum.expired += c.expired || 0; sum.cancelled += c.cancelled || 0; sum.finished += finished(c);
  });
  return sum;
}
function percent(done, planned) { return planned > 0 ? Math.min(100, Math.floor((done * 100) / planned)) : 0; }
function sample(a) {
  const now = Date.now();
  Object.entries(a.channels || {}).forEach(([name, c]) => {
    const k = a.id + '/' + name;
    const list = state.samples.get(k) || [];
    list.push({ t: now, finished: worked(c) });
    while (list.length > 2 && now - list[0].t > 5000) list.shift();
    state.samples.set(k, list);
  });
}
function rate(id, channel) {
  const list = state.samples.get(id + '/' + channel) || [];
  if (list.length < 2) return 0;
  const first = list[0]; const last = list[list.length - 1];
  const dt = (last.t - first.t) / 1000;
  return dt > 0 ? (last.finished - first.finished) / dt : 0;
}
function eta(remaining, perSecond) {
  if (remaining <= 0) return t('done');
  if (!(perSecond > 0)) return '—';
  const s = Math.ceil(remaining / perSecond);
  return s >= 3600 ? Math.floor(s / 3600) + 'h' + Math.floor((s % 3600) / 60) + 'm'
    : s >= 60 ? Math.floor(s / 60) + 'm' + (s % 60) + 's' : s + 's';
}
const isExercise = (a) => a.status === 'Exercise';
const isTest = (a) => a.status === 'Test' || a.status === 'Draft';

/* ---------- rendering ---------- */
// Events can arrive faster than a busy page paints: render at most once per 100 ms, always the latest state.
let renderPending = false;
function scheduleRender() {
  if (renderPending) return;
  renderPending = true;
  setTimeout(() => { renderPending = false; renderAll(); }, 100);
}
function renderAll() {
  if (!state.operator) return;
  renderList();
  renderApprovals();
  renderDetail();
}
function sortedAlerts() {
  const at = (a) => Date.parse(a.receivedAt) || 0;
  return Array.from(state.alerts.values()).sort((x, y) => at(y) - at(x) || String(y.id).localeCompare(String(x.id)));
}
function tags(a) {
  const frag = document.createDocumentFragment();
  const tag = (cls, text) => { const s = el('span', 'tag ' + cls); s.appendChild(el('span', '', text)); return s; };
  if (isExercise(a)) frag.appendChild(tag('exercise-stripes', t('exercise')));
  if (isTest(a)) frag.appendChild(tag('test-stripes', t('test')));
  return frag;
}
// Cards are kept per alert and updated in place, so a click never lands on a node being replaced.
const cards = new Map();
function renderList() {
  const list = $('alert-list');
  const alerts = sortedAlerts();
  $('no-alerts').classList.toggle('hidden', alerts.length > 0);
  if (!state.selected && alerts.length > 0) state.selected = alerts[0].id;
  cards.forEach((li, id) => { if (!state.alerts.has(id)) { li.remove(); cards.delete(id); } });
  alerts.forEach((a, index) => {
    let li = cards.get(a.id);
    if (!li) {
      li = el('li');
      li.dataset.alertId = a.id;
      li.addEventListener('click', () => { state.selected = a.id; renderAll(); });
      cards.set(a.id, li);
    }
    const sum = totals(a);
    const pct = percent(sum.finished, sum.planned);
    li.className = 'alert-card sev-' + (a.colour || 'none');
    if (isExercise(a)) li.classList.add('is-exercise');
    if (isTest(a)) li.classList.add('is-test');
    if (a.id === state.selected) li.classList.add('selected');
    li.dataset.state = a.state;
    li.dataset.progress = String(pct);
    li.textContent = '';
    const title = el('div', 'title');
    title.appendChild(tags(a));
    title.appendChild(document.createTextNode(headline(a)));
    li.appendChild(title);
    const sub = el('div', 'sub');
    sub.appendChild(el('span', 'state-text', t(a.state)));
    // Once something was stopped, "finished" is not "reached": show the delivered share instead.
    const stopped = sum.cancelled + sum.expired > 0;
    sub.appendChild(el('span', 'pct', stopped
      ? t('delivered') + ' ' + percent(sum.delivered, sum.planned) + '%  ' + num(sum.delivered) + t('of') + num(sum.planned)
      : pct + '%  ' + num(sum.finished) + t('of') + num(sum.planned)));
    li.appendChild(sub);
    const mini = el('div', 'mini');
    segments(mini, sum);
    li.appendChild(mini);
    if (list.children[index] !== li) list.insertBefore(li, list.children[index] || null);
  });
}
function headline(a) {
  if (state.lang === 'en' && a.headlineEn) return a.headlineEn;
  return a.headline || a.event || a.identifier;
}
function renderApprovals() {
  const at = (r) => Date.parse(r.receivedAt) || 0;
  const pending = Array.from(state.approvals.values()).sort((x, y) => at(x) - at(y)); // oldest first, as the queue
  $('approvals').classList.toggle('hidden', pending.length === 0);
  const ul = $('approval-list');
  ul.textContent = '';
  const now = Date.now();
  pending.forEach((row) => {
    const a = state.alerts.get(row.id) || row;
    const li = el('li');
    li.dataset.alertId = row.id;
    li.dataset.source = row.provisional ? 'stream' : 'queue';
    if (isExercise(a)) li.classList.add('is-exercise');
    if (isTest(a)) li.classList.add('is-test');
    const text = el('div', 'approval-text');
    const name = el('div', 'approval-name'); name.appendChild(tags(a)); name.appendChild(document.createTextNode(headline(a)));
    name.addEventListener('click', () => { if (state.alerts.has(row.id)) { state.selected = row.id; renderAll(); } });
    text.appendChild(name);
    const who = row.submitter && row.submitter !== row.publisher ? row.submitter + ' · ' + row.publisher : (row.publisher || a.sender || '');
    const meta = [fmt(t('submittedBy'), { who: who })];
    if (row.receivedAt) meta.push(fmt(t('waited'), { time: duration(now - Date.parse(row.receivedAt)) }));
    if (row.approvalDeadline) {
      const left = Date.parse(row.approvalDeadline) - now;
      meta.push(left > 0 ? fmt(t('closesIn'), { time: duration(left) }) : t('closed'));
      li.dataset.deadline = row.approvalDeadline;
    }
    text.appendChild(el('div', 'approval-meta', meta.join(' · ')));
    li.appendChild(text);
    const buttons = el('span', 'approval-buttons');
    const ok = el('button', 'approve', t('approve')); ok.type = 'button';
    if (row.mayApprove === false) { ok.disabled = true; ok.title = t('selfApproval') + (row.mayApproveReason ? ' (' + row.mayApproveReason + ')' : ''); }
    ok.addEventListener('click', () => command(row.id, 'approve', {}, 'approval-error'));
    const no = el('button', 'reject', t('reject')); no.type = 'button';
    no.addEventListener('click', () => askReject(row.id));
    buttons.appendChild(ok); buttons.appendChild(no);
    li.appendChild(buttons);
    ul.appendChild(li);
  });
}
function renderDetail() {
  const a = state.alerts.get(state.selected);
  $('no-selection').classList.toggle('hidden', !!a);
  $('detail-body').classList.toggle('hidden', !a);
  if (!a) return;
  $('detail-body').dataset.alertId = a.id;
  $('detail-body').dataset.state = a.state;
  const banner = $('detail-banner');
  banner.className = 'banner';
  banner.textContent = '';
  if (isExercise(a) || isTest(a)) {
    banner.classList.add(isExercise(a) ? 'exercise-stripes' : 'test-stripes');
    banner.appendChild(el('span', '', isExercise(a) ? 'EXERCISE 演习' : 'TEST 测试'));
  } else {
    banner.classList.add('hidden');
  }
  $('detail-colour').className = 'colour-chip chip-' + (a.colour || 'none');
  $('detail-headline').textContent = a.headline || a.event || a.identifier;
  $('detail-headline-en').textContent = a.headlineEn && a.headlineEn !== a.headline ? a.headlineEn : '';
  $('detail-meta').textContent = [a.id, a.sender, a.sent, a.status, a.msgType, a.severity, a.urgency,
    a.areaDesc].filter(Boolean).join(' · ');
  const st = $('detail-state');
  st.textContent = t(a.state);
  st.className = 'state state-' + a.state;
  const cancellable = ['ACTIVE', 'DISPATCHING', 'PENDING_APPROVAL'].includes(a.state);
  $('cancel-button').disabled = !cancellable;
  $('cancel-button').onclick = () => askCancel(a.id);

  const sum = totals(a);
  const pct = percent(sum.finished, sum.planned);
  const overall = $('overall-bar');
  overall.textContent = '';
  segments(overall, sum);
  const stopped = sum.cancelled + sum.expired > 0;
  $('overall-text').textContent = (stopped ? t('delivered') + ' ' + percent(sum.delivered, sum.planned) + '%' : pct + '%')
    + '  (' + t('delivered') + ' ' + num(sum.delivered) + t('of') + num(sum.planned)
    + (sum.cancelled > 0 ? ', ' + t('cancelled') + ' ' + num(sum.cancelled) : '')
    + (sum.failed + sum.expired > 0 ? ', ' + t('failed') + ' ' + num(sum.failed + sum.expired) : '') + ')';
  $('overall-text').dataset.progress = String(pct);

  const rows = $('channel-rows');
  rows.textContent = '';
  Object.entries(a.channels || {}).forEach(([name, c]) => {
    const tr = el('tr');
    tr.dataset.channel = name;
    const p = percent(finished(c), c.planned);
    tr.dataset.progress = String(p);
    // "CELL_BROADCAST/cancel": the withdrawals a cancel sends on that channel.
    tr.appendChild(el('td', '', name.endsWith('/cancel') ? t(name.slice(0, -7)) + t('withdrawal') : t(name)));
    const cell = el('td', 'progress-cell');
    const bar = el('div', 'bar');
    segments(bar, c);
    cell.appendChild(bar);
    cell.appendChild(el('span', 'muted', p + '%'));
    tr.appendChild(cell);
    COUNTERS.forEach((k) => tr.appendChild(el('td', 'n-' + k, num(c[k]))));
    const over = TERMINAL.includes(a.state);
    const r = over ? 0 : rate(a.id, name);
    tr.appendChild(el('td', '', r > 0 ? num(Math.round(r)) + t('perSec') : '—'));
    tr.appendChild(el('td', '', over ? t(a.state) : eta((c.planned || 0) - finished(c), r)));
    rows.appendChild(tr);
  });

  const tl = $('timeline');
  tl.textContent = '';
  (a.timeline || []).forEach((e) => {
    const li = el('li');
    li.appendChild(el('time', '', String(e.at).replace('T', ' ').replace(/\.\d+Z$/, 'Z')));
    li.appendChild(el('b', '', e.event + ' '));
    li.appendChild(document.createTextNode(e.detail || ''));
    tl.appendChild(li);
  });
  renderMap(a, pct);
}

/* ---------- map (SVG from /api/v1/geography; no tiles) ---------- */
async function loadGeography() {
  try {
    const res = await fetch('/api/v1/geography');
    if (res.ok) { state.geography = await res.json(); renderAll(); }
  } catch (e) { state.geography = null; }
}
function regionMatches(regionCode, alertCode) {
  const prefix = String(alertCode).replace(/(00)+$/, '');
  return prefix.length > 0 && String(regionCode).startsWith(prefix);
}
function targetedRegions(a) {
  const g = state.geography;
  if (!g) return [];
  return g.regions.filter((r) => (a.regions || []).some((code) => regionMatches(r.code, code)));
}
const COLOURS = { blue: '#1e64c8', yellow: '#f2c200', orange: '#f07800', red: '#d7191c', white: '#bbbbbb' };
const blindCache = { key: null, node: null, count: 0 };
function renderMap(a, pct) {
  const svg = $('map');
  const NS = 'http://www.w3.org/2000/svg';
  svg.textContent = '';
  const g = state.geography;
  if (!g || !g.regions || g.regions.length === 0 || g.bbox.length !== 4) {
    $('map-legend').textContent = '—';
    return;
  }
  const [minX, minY, maxX, maxY] = g.bbox;
  const kx = Math.cos(((minY + maxY) / 2) * Math.PI / 180);
  const w = (maxX - minX) * kx; const h = maxY - minY;
  const scale = 380 / Math.max(w, h);
  const px = (p) => [10 + (p[0] - minX) * kx * scale, 10 + (maxY - p[1]) * scale];
  svg.setAttribute('viewBox', '0 0 ' + Math.ceil(20 + w * scale) + ' ' + Math.ceil(20 + h * scale));
  const defs = document.createElementNS(NS, 'defs');
  const pattern = document.createElementNS(NS, 'pattern');
  pattern.setAttribute('id', 'hatch'); pattern.setAttribute('width', '6'); pattern.setAttribute('height', '6');
  pattern.setAttribute('patternUnits', 'userSpaceOnUse'); pattern.setAttribute('patternTransform', 'rotate(45)');
  const line = document.createElementNS(NS, 'line');
  line.setAttribute('x1', '0'); line.setAttribute('y1', '0'); line.setAttribute('x2', '0'); line.setAttribute('y2', '6');
  line.setAttribute('stroke', '#1d2430'); line.setAttribute('stroke-width', '2');
  pattern.appendChild(line); defs.appendChild(pattern); svg.appendChild(defs);

  const targeted = new Set(targetedRegions(a).map((r) => r.code));
  const delivered = a.regionDelivery || {};
  g.regions.forEach((r) => {
    const d = r.rings.map((ring) => 'M' + ring.map((p) => px(p).map((v) => v.toFixed(1)).join(',')).join('L') + 'Z').join('');
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', d);
    path.setAttribute('class', 'region' + (targeted.has(r.code) ? ' targeted' : ''));
    path.dataset.region = r.code;
    const title = document.createElementNS(NS, 'title');
    const name = state.lang === 'en' ? (r.nameEn || r.nameZh) : (r.nameZh || r.nameEn);
    const rd = delivered[r.code];
    if (targeted.has(r.code) || (rd && rd.planned > 0)) {
      // Shade = SMS delivered / planned to the subscribers located in this region (the ledger's count);
      // a targeted region without per-person dispatches shows the alert's overall progress.
      const p = rd && rd.planned > 0 ? percent(rd.delivered, rd.planned) : pct;
      path.style.fill = COLOURS[a.colour] || '#7a8591';
      path.style.fillOpacity = String(0.2 + 0.8 * (p / 100));
      path.dataset.delivered = rd ? String(rd.delivered) : '';
      path.dataset.planned = rd ? String(rd.planned) : '';
      path.dataset.progress = String(p);
      title.textContent = rd && rd.planned > 0
        ? fmt(t('regionTip'), { name: name, delivered: num(rd.delivered), planned: num(rd.planned), pct: p + '%' })
        : fmt(t('regionTipNone'), { name: name, pct: pct + '%' });
    } else {
      title.textContent = name;
    }
    path.appendChild(title);
    svg.appendChild(path);
  });
  const cov = state.coverage.get(a.id);
  const ready = cov && cov !== 'pending' && cov.blindCells;
  const blindKey = a.id + '|' + (ready ? 'ready' : 'none') + '|' + svg.getAttribute('viewBox');
  if (blindCache.key !== blindKey) {
    // Thousands of grid cells: built once per alert and overlay, re-attached on later renders.
    const group = document.createElementNS(NS, 'g');
    group.setAttribute('class', 'blind-cells');
    (ready ? cov.blindCells : []).forEach(([lon, lat, size]) => {
      const [x0, y0] = px([lon - size / 2, lat + size / 2]);
      const [x1, y1] = px([lon + size / 2, lat - size / 2]);
      const rect = document.createElementNS(NS, 'rect');
      rect.setAttribute('x', x0.toFixed(2)); rect.setAttribute('y', y0.toFixed(2));
      rect.setAttribute('width', Math.max(0.8, x1 - x0).toFixed(2)); rect.setAttribute('height', Math.max(0.8, y1 - y0).toFixed(2));
      rect.setAttribute('class', 'blind');
      group.appendChild(rect);
    });
    blindCache.key = blindKey; blindCache.node = group; blindCache.count = group.childNodes.length;
  }
  const blindGroup = blindCache.node;
  const blindCount = blindCache.count;
  svg.appendChild(blindGroup);
  svg.dataset.blindCells = String(blindCount);
  g.regions.forEach((r) => {
    const ring = r.rings[0];
    let sx = 0; let sy = 0;
    ring.forEach((p) => { const q = px(p); sx += q[0]; sy += q[1]; });
    const text = document.createElementNS(NS, 'text');
    text.setAttribute('x', (sx / ring.length).toFixed(1)); text.setAttribute('y', (sy / ring.length).toFixed(1));
    text.textContent = state.lang === 'en' ? (r.nameEn || r.nameZh || r.code) : (r.nameZh || r.nameEn || r.code);
    svg.appendChild(text);
  });
  $('map-legend').textContent = t('mapLegend') + ' · ' + (blindCount > 0 ? t('blindSome') : t('blindNone'));
  const summary = $('map-blind');
  if (!cov) {
    summary.textContent = '';
    loadCoverage(a.id);
  } else if (cov === 'pending') {
    summary.textContent = t('blindPending');
  } else {
    summary.textContent = cov.blindSpotPeople > 0
      ? fmt(t('blindSummary'), { population: num(cov.population), blind: num(cov.blindSpotPeople),
        share: (100 * cov.blindShare).toFixed(1) + '%', cells: num(cov.blindCells.length + (cov.blindCellsOmitted || 0)) })
      : fmt(t('blindClear'), { population: num(cov.population) });
  }
  summary.dataset.state = cov ? (cov === 'pending' ? 'pending' : 'ready') : 'none';
}
// The blind-spot overlay: targeting's coverage estimate of the alert's area, computed once per alert.
async function loadCoverage(id) {
  state.coverage.set(id, 'pending');
  try {
    const res = await fetch('/api/v1/alerts/' + encodeURIComponent(id) + '/coverage',
      { headers: { Authorization: 'Bearer ' + state.key } });
    if (res.ok) { state.coverage.set(id, await res.json()); } else { state.coverage.set(id, { none: true, blindCells: [], population: 0, blindSpotPeople: 0 }); }
  } catch (e) { state.coverage.delete(id); return; }
  if (state.selected === id) renderDetail();
}

/* ---------- commands: cancel, approve, reject ---------- */
function askCancel(id) {
  const a = state.alerts.get(id);
  if (!a) return;
  const sum = totals(a);
  const regions = targetedRegions(a);
  const names = regions.length > 0
    ? regions.map((r) => (state.lang === 'en' ? (r.nameEn || r.nameZh) : (r.nameZh || r.nameEn))).join(state.lang === 'en' ? ', ' : '、')
    : (a.areaDesc || '—');
  $('confirm-text').textContent = fmt(t('confirmText'), { headline: headline(a), id: a.id });
  $('confirm-reach').textContent = fmt(t('reachText'), {
    regions: regions.length || (a.regions || []).length, names: names,
    planned: num(sum.planned), pending: num(Math.max(0, sum.planned - sum.finished))
  });
  $('confirm-error').textContent = '';
  $('confirm-reason').value = '';
  $('confirm').dataset.alertId = id;
  $('confirm').classList.remove('hidden');
  $('confirm-no').focus();
}
$('confirm-no').addEventListener('click', () => $('confirm').classList.add('hidden'));
$('confirm-yes').addEventListener('click', async () => {
  const id = $('confirm').dataset.alertId;
  const reason = $('confirm-reason').value.trim() || 'cancelled by operator in console';
  const ok = await command(id, 'cancel', { reason: reason });
  if (ok) $('confirm').classList.add('hidden');
});
function askReject(id) {
  const a = state.alerts.get(id) || state.approvals.get(id);
  if (!a) return;
  $('reject-text').textContent = fmt(t('rejectText'), { headline: headline(a), id: a.id, publisher: a.publisher || a.sender });
  $('reject-error').textContent = '';
  $('reject-reason').value = '';
  $('reject').dataset.alertId = id;
  $('reject').classList.remove('hidden');
  $('reject-reason').focus();
}
$('reject-no').addEventListener('click', () => $('reject').classList.add('hidden'));
$('reject-yes').addEventListener('click', async () => {
  const reason = $('reject-reason').value.trim();
  if (!reason) { $('reject-error').textContent = t('needReason'); return; }
  const ok = await command($('reject').dataset.alertId, 'reject', { reason: reason }, 'reject-error');
  if (ok) $('reject').classList.add('hidden');
});
async function command(id, verb, body, errorTarget) {
  const errors = $(errorTarget || (verb === 'cancel' ? 'confirm-error' : 'approval-error'));
  try {
    const res = await fetch('/api/v1/alerts/' + encodeURIComponent(id) + '/' + verb, {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + state.key, 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    });
    if (!res.ok) {
      const text = await res.text();
      errors.textContent = (verb === 'cancel' ? t('cancelFailed') : t('commandFailed')) + res.status + ' ' + text.slice(0, 200);
      return false;
    }
    return true;
  } catch (e) {
    errors.textContent = (verb === 'cancel' ? t('cancelFailed') : t('commandFailed')) + (e.message || e);
    return false;
  }
}

/* ---------- boot ---------- */
applyLanguage();
if (state.key) {
  openSession().then((s) => { if (s) start(s); else sessionStorage.removeItem('tocsin.key'); })
    .catch(() => {});
}
