// The class dashboard: trades the teacher key (from #key=… or the key form) for the session cookie, then keeps one
// row per learner live from /class/events. No framework, no inline code (the page runs under a strict CSP).
'use strict';

(function () {
  const KEY_STORE = 'lpClassTeacherKey';
  const LARGE_STORE = 'lpClassLarge';

  const state = { klass: null, learners: new Map(), events: null, retradedKey: false };

  const $ = (id) => document.getElementById(id);

  /** An element with attributes (`class`, `text`, `data-*`, properties) and children. */
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('data-') || name.startsWith('aria-') || name === 'role' || name === 'title' ||
        name === 'type' || name === 'tabindex') node.setAttribute(name, value === true ? '' : String(value));
      else node[name] = value;
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function ago(ms) {
    if (!ms) return '';
    const seconds = Math.max(0, Math.round((Date.now() - ms) / 1000));
    if (seconds < 60) return seconds + ' s ago';
    if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
    return Math.round(seconds / 3600) + ' h ago';
  }

  function oneLine(text, limit) {
    const line = String(text || '').replace(/\s+/g, ' ').trim();
    return line.length > limit ? line.slice(0, limit - 1) + '…' : line;
  }

  // MARK: the teacher key and the session cookie

  /** The key from `#key=…` (kept in sessionStorage so a reload works, then dropped from the address bar). */
  function takeKeyFromHash() {
    const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
    if (match) {
      sessionStorage.setItem(KEY_STORE, decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem(KEY_STORE);
  }

  async function tradeKey(key) {
    const response = await fetch('/class/session', {
      method: 'POST', credentials: 'same-origin', headers: { Authorization: 'Bearer ' + key },
    });
    return response.status;
  }

  async function start() {
    setConnection('connecting…', '');
    try {
      const key = takeKeyFromHash();
      if (key) {
        const status = await tradeKey(key);
        if (status === 401) {
          sessionStorage.removeItem(KEY_STORE);
          showAuth('The server did not accept that teacher key (401). Check the dashboard URL lp-shell class printed.');
          return;
        }
        if (status !== 204 && status !== 200) {
          setConnection('the server answered ' + status + ' to the key', 'down');
          return;
        }
      }
      const response = await fetch('/class/state', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.status === 401) {
        showAuth(key ? 'The session was refused (401): paste the teacher key again.' : null);
        return;
      }
      if (!response.ok) {
        setConnection('the server answered ' + response.status + ' for the class state', 'down');
        return;
      }
      applySnapshot(await response.json());
      showBoard();
      openEvents();
    } catch (error) {
      setConnection('cannot reach the class server (' + oneLine(error && error.message, 80) + ')', 'down');
    }
  }

  function showAuth(reason) {
    if (state.events) state.events.close();
    state.events = null;
    $('board').hidden = true;
    $('join-box').hidden = true;
    $('auth').hidden = false;
    if (reason) $('auth-reason').textContent = reason;
    setConnection('not signed in', 'down');
    $('auth-key').focus();
  }

  function showBoard() {
    $('auth').hidden = true;
    $('board').hidden = false;
    $('join-box').hidden = false;
  }

  // MARK: live updates

  function openEvents() {
    if (state.events) state.events.close();
    const events = new EventSource('/class/events', { withCredentials: true });
    state.events = events;
    events.addEventListener('open', () => setConnection('live', 'live'));
    events.addEventListener('snapshot', (event) => {
      applySnapshot(JSON.parse(event.data));
      setConnection('live', 'live');
    });
    events.addEventListener('learner', (event) => upsertLearner(JSON.parse(event.data)));
    events.addEventListener('class', (event) => {
      state.klass = Object.assign(state.klass || {}, JSON.parse(event.data));
      renderClass();
      renderSteps();
    });
    events.addEventListener('error', () => {
      if (events.readyState === EventSource.CLOSED) {
        setConnection('disconnected: checking the session…', 'down');
        recheck();
      } else {
        setConnection('reconnecting…', 'down');
      }
    });
  }

  /** The event stream was refused: a lapsed cookie (a restarted server) gets the stored key traded again, once. */
  async function recheck() {
    try {
      const response = await fetch('/class/state', { credentials: 'same-origin' });
      if (response.status === 401) {
        const key = sessionStorage.getItem(KEY_STORE);
        if (key && !state.retradedKey) {
          state.retradedKey = true;
          start();
        } else {
          showAuth('The session ended (401): paste the teacher key again.');
        }
        return;
      }
      setTimeout(openEvents, 2000);
    } catch (error) {
      setConnection('cannot reach the class server; retrying', 'down');
      setTimeout(recheck, 3000);
    }
  }

  function setConnection(text, kind) {
    const node = $('connection');
    node.textContent = text;
    node.className = 'connection ' + (kind || '');
  }

  function applySnapshot(snapshot) {
    state.klass = snapshot.class || state.klass || {};
    state.learners = new Map((snapshot.learners || []).map((learner) => [learner.id, learner]));
    renderClass();
    renderLearners();
    renderSteps();
  }

  function upsertLearner(learner) {
    state.learners.set(learner.id, Object.assign(state.learners.get(learner.id) || {}, learner));
    const list = $('learner-list');
    const old = list.querySelector('[data-learner="' + CSS.escape(learner.id) + '"]');
    if (old) replaceKeepingFocus(old, learnerRow(state.learners.get(learner.id)));
    else renderLearners();
    renderSummary();
    renderSteps();
    document.dispatchEvent(new CustomEvent('lp-learner', { detail: state.learners.get(learner.id) }));
  }

  // MARK: rendering

  function renderClass() {
    const klass = state.klass || {};
    $('class-name').textContent = klass.name || 'lp-shell class';
    document.title = (klass.name ? klass.name + ' · ' : '') + 'lp-shell class';
    $('join-line').textContent = klass.joinLine || '';
  }

  function sortedLearners() {
    return [...state.learners.values()].sort((a, b) =>
      (a.joinedAt || 0) - (b.joinedAt || 0) || String(a.id).localeCompare(String(b.id)));
  }

  function renderLearners() {
    const list = $('learner-list');
    const focused = focusKey(list);
    list.replaceChildren(...sortedLearners().map(learnerRow));
    $('no-learners').hidden = state.learners.size > 0;
    restoreFocus(list, focused);
    renderSummary();
  }

  function renderSummary() {
    const learners = [...state.learners.values()];
    const online = learners.filter((learner) => learner.online).length;
    const stuck = learners.filter((learner) => learner.stuck).length;
    $('count-learners').textContent = learners.length + (learners.length === 1 ? ' learner' : ' learners');
    $('count-online').textContent = online + ' online';
    $('count-stuck').textContent = stuck + ' stuck';
    $('count-stuck').className = stuck ? 'some' : '';
  }

  function stepsOf(tutorial) {
    return ((state.klass && state.klass.steps) || []).filter((step) => step.tutorial === tutorial);
  }

  function learnerRow(learner) {
    const steps = stepsOf(learner.tutorial);
    const done = (learner.stepsDone || []).length;
    const total = Math.max(steps.length, done);
    const current = steps.find((step) => step.id === learner.currentStep);
    const bar = h('span');
    bar.style.width = (total ? Math.round((done / total) * 100) : 0) + '%';
    const row = h('li', {
      class: 'learner' + (learner.online ? ' online' : '') + (learner.stuck ? ' stuck' : ''),
      'data-learner': learner.id, 'aria-label': learner.name + (learner.stuck ? ', stuck' : ''),
    },
    h('div', { class: 'who' },
      h('span', { class: 'name' },
        h('span', { class: 'dot' + (learner.online ? ' on' : ''), role: 'img',
          'aria-label': learner.online ? 'online' : 'offline', title: learner.online ? 'online' : 'offline' }),
        learner.name,
        learner.stuck ? h('span', { class: 'badge stuck', text: 'STUCK' }) : null),
      h('span', { class: 'meta', text: [
        learner.commands !== undefined ? learner.commands + ' commands' : null,
        learner.lastSeen ? 'seen ' + ago(learner.lastSeen) : null,
      ].filter(Boolean).join(' · ') }),
      h('span', { class: 'meta', text: 'account ' + (learner.account || '?') })),
    h('div', { class: 'progress' },
      h('div', { class: 'progress-line' },
        h('div', { class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total,
          'aria-valuenow': done, 'aria-label': 'steps done' }, bar),
        h('span', { class: 'count', text: done + '/' + total + ' steps' })),
      h('div', { class: 'current', text: learner.currentStep
        ? 'Step ' + learner.currentStep + (current ? ' · ' + current.title : '') +
          (learner.tutorial ? ' (' + learner.tutorial + ')' : '')
        : (learner.tutorial ? learner.tutorial : 'no tutorial started') }),
      h('div', { class: 'chips' }, (learner.tokens || []).map((token) =>
        h('span', { class: 'chip ' + token.state, title: token.name + ': ' + token.state +
          (token.expiresIn !== undefined ? ' (' + token.expiresIn + ' s left)' : ''),
        text: token.name + ' ' + token.state })))),
    conversationList(learner),
    learner.lastError
      ? h('div', { class: 'error', title: learner.lastError,
        text: oneLine(learner.lastError, 200) + (learner.lastErrorAt ? ' · ' + ago(learner.lastErrorAt) : '') })
      : null);
    return row;
  }

  function conversationList(learner) {
    const conversations = learner.conversations || [];
    if (!conversations.length) return h('div', { class: 'no-convs', text: 'no conversation' });
    return h('ul', { class: 'convs', 'aria-label': 'conversations of ' + learner.name },
      conversations.map((conversation) => h('li', {},
        h('button', {
          type: 'button', class: 'conv', 'data-focus': 'conv:' + learner.id + ':' + conversation.id,
          'data-learner-id': learner.id, 'data-conversation': conversation.id,
          title: 'Open the agent console on conversation ' + conversation.id,
          onclick: () => openConsole(learner.id, conversation.id),
        },
        h('span', { class: 'state ' + (conversation.survey ? 'SURVEY' : conversation.state),
          text: conversation.survey ? 'SURVEY' : conversation.state }),
        h('span', { class: 'agent' + (conversation.ringing ? ' ringing' : ''),
          text: conversation.ringing ? 'ringing' : (conversation.agent || 'none') }),
        h('span', { class: 'last', text: conversation.lastMessage ? oneLine(conversation.lastMessage, 80) : '—' })))));
  }

  function openConsole(learnerId, conversationId) {
    const learner = state.learners.get(learnerId);
    if (window.LPConsole && learner) window.LPConsole.open(learner, conversationId);
  }

  function renderSteps() {
    const view = $('step-view');
    const steps = (state.klass && state.klass.steps) || [];
    const learners = [...state.learners.values()];
    const tutorials = [...new Set(steps.map((step) => step.tutorial))];
    if (!tutorials.length) {
      view.replaceChildren(h('p', { class: 'empty', text: 'No tutorial steps known.' }));
      return;
    }
    const count = (tutorial) => learners.filter((learner) => learner.tutorial === tutorial).length;
    const busy = tutorials.filter((tutorial) => count(tutorial) > 0).sort((a, b) => count(b) - count(a));
    const idle = tutorials.filter((tutorial) => count(tutorial) === 0);
    const folded = document.getElementById('idle-tutorials');
    const wasOpen = !!(folded && folded.open);
    const parts = busy.map((tutorial) => tutorialSteps(tutorial, learners));
    if (!busy.length) parts.push(h('p', { class: 'empty', text: 'No learner has started a tutorial yet.' }));
    if (idle.length) {
      parts.push(h('details', { id: 'idle-tutorials', class: 'idle', open: wasOpen },
        h('summary', { text: idle.length + (idle.length === 1 ? ' tutorial' : ' tutorials') + ' nobody is on' }),
        idle.map((tutorial) => tutorialSteps(tutorial, learners))));
    }
    view.replaceChildren(...parts);
  }

  /** One tutorial's steps: how many learners are on each and how many are done with it. */
  function tutorialSteps(tutorial, learners) {
    const on = learners.filter((learner) => learner.tutorial === tutorial);
    return h('section', { class: 'tutorial', 'aria-label': tutorial },
      h('h3', { text: tutorial + ' · ' + on.length + (on.length === 1 ? ' learner' : ' learners') }),
      h('ol', { class: 'step-list' }, stepsOf(tutorial).map((step) => {
        const here = on.filter((learner) => learner.currentStep === step.id).length;
        const done = on.filter((learner) => (learner.stepsDone || []).includes(step.id)).length;
        const bar = h('span');
        bar.style.width = (on.length ? Math.round((done / on.length) * 100) : 0) + '%';
        return h('li', { class: 'step', 'data-step': tutorial + ':' + step.id },
          h('span', { class: 'id', text: step.id }),
          h('span', { class: 'title', text: step.title || '' }),
          h('span', { class: 'counts' },
            h('span', { class: 'on', title: 'learners on this step', text: here ? here + ' on' : '' }),
            ' ',
            h('span', { class: 'done', title: 'learners done with this step', text: done + ' done' })),
          h('div', { class: 'bar', 'aria-hidden': 'true' }, bar));
      })));
  }

  // MARK: focus kept across re-rendering

  function focusKey(container) {
    const active = document.activeElement;
    return active && container.contains(active) ? active.getAttribute('data-focus') : null;
  }

  function restoreFocus(container, key) {
    if (!key) return;
    const node = container.querySelector('[data-focus="' + CSS.escape(key) + '"]');
    if (node) node.focus();
  }

  function replaceKeepingFocus(old, fresh) {
    const key = focusKey(old);
    old.replaceWith(fresh);
    restoreFocus(fresh, key);
  }

  // MARK: header tools

  function setLarge(on) {
    // On the root element: rem sizes follow its font size.
    document.documentElement.classList.toggle('large', on);
    $('large-type').setAttribute('aria-pressed', on ? 'true' : 'false');
    localStorage.setItem(LARGE_STORE, on ? '1' : '0');
  }

  async function copyJoinLine() {
    const text = $('join-line').textContent;
    try {
      await navigator.clipboard.writeText(text);
      $('join-status').textContent = 'Copied.';
    } catch (error) {
      const range = document.createRange();
      range.selectNodeContents($('join-line'));
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      $('join-status').textContent = 'Selected: press Ctrl+C to copy.';
    }
  }

  async function rotateCode() {
    $('join-status').textContent = 'Rotating…';
    try {
      const response = await fetch('/class/code', { method: 'POST', credentials: 'same-origin' });
      if (response.status === 401) {
        showAuth('The session ended (401): paste the teacher key again.');
        return;
      }
      if (!response.ok) {
        $('join-status').textContent = 'The server answered ' + response.status + '.';
        return;
      }
      const answer = await response.json();
      state.klass = Object.assign(state.klass || {}, { code: answer.code, joinLine: answer.joinLine });
      renderClass();
      $('join-status').textContent = 'New code ' + answer.code + '; learners already in keep working.';
    } catch (error) {
      $('join-status').textContent = 'Cannot reach the class server.';
    }
  }

  function init() {
    const query = new URLSearchParams(location.search);
    setLarge(query.get('large') === '1' || (query.get('large') !== '0' && localStorage.getItem(LARGE_STORE) === '1'));
    $('large-type').addEventListener('click', () => setLarge(!document.documentElement.classList.contains('large')));
    $('copy-join').addEventListener('click', copyJoinLine);
    $('rotate-code').addEventListener('click', rotateCode);
    $('auth-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const key = $('auth-key').value.trim();
      if (!key) return;
      sessionStorage.setItem(KEY_STORE, key);
      $('auth-key').value = '';
      state.retradedKey = false;
      start();
    });
    // A dashboard URL pasted into this tab changes only the fragment: no reload, so the key is taken here.
    window.addEventListener('hashchange', () => {
      if (/(?:^#|&)key=/.test(location.hash)) {
        state.retradedKey = false;
        start();
      }
    });
    // "seen … ago" stays current.
    setInterval(() => { if (!$('board').hidden) renderLearners(); }, 10000);
    window.LPClass = { learner: (id) => state.learners.get(id) };
    start();
  }

  init();
})();
