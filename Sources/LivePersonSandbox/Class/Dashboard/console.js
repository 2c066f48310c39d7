// The agent console: the teacher as an agent of one learner's account, over the brand socket the class hands out
// (POST /class/learners/{id}/agent), speaking the brand protocol as node-agent-sdk does: ONLINE, routing tasks,
// ExConversations, messaging events per dialog, ring accept, take-over from the bot, replies, receipts, close.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const panel = $('console');
  let session = null;
  let opener = null;

  function reset() {
    $('transcript').replaceChildren();
    $('console-error').hidden = true;
    $('console-error').textContent = '';
    $('console-state').textContent = '';
    $('console-accept').hidden = true;
    $('console-takeover').hidden = true;
    $('console-end').hidden = true;
    setReplyEnabled(false);
    panel.removeAttribute('data-assigned');
    panel.removeAttribute('data-survey');
  }

  function showError(text) {
    const line = String(text).replace(/\s+/g, ' ').trim();
    $('console-error').textContent = line;
    $('console-error').title = line;
    $('console-error').hidden = false;
  }

  function setReplyEnabled(on) {
    $('reply-text').disabled = !on;
    $('reply-send').disabled = !on;
  }

  /** Opens the console on `conversationId` of `learner`. */
  async function open(learner, conversationId) {
    teardown();
    reset();
    opener = document.activeElement;
    $('console-title').textContent = 'Agent console · ' + learner.name;
    $('console-who').textContent = 'Conversation ' + conversationId + ' · account ' + (learner.account || '?');
    $('console-state').textContent = 'Signing in as the teacher agent…';
    if (!panel.open) panel.showModal();
    const current = {
      learner, conversationId, socket: null, nextId: 1, pending: new Map(), me: null, account: learner.account,
      conversation: null, dialogs: new Map(), subscribed: new Set(), messages: new Map(), receipted: new Set(),
      ring: null, closedByUs: false, outgoing: [], known: new Map(),
    };
    session = current;
    try {
      const response = await fetch('/class/learners/' + encodeURIComponent(learner.id) + '/agent', {
        method: 'POST', credentials: 'same-origin',
      });
      if (session !== current) return;
      if (!response.ok) {
        let reason = '';
        try { reason = (await response.json()).error || ''; } catch (error) { reason = ''; }
        showError('The class refused an agent session (' + response.status + (reason ? ': ' + reason : '') + ')');
        $('console-state').textContent = '';
        return;
      }
      const agent = await response.json();
      if (session !== current) return;
      current.account = agent.account || current.account;
      const userId = String(agent.userId || '');
      current.me = {
        pid: agent.agentId || '',
        legacy: userId.includes('.') ? userId : current.account + '.' + userId,
      };
      connect(current, agent.socket);
    } catch (error) {
      if (session === current) showError('Cannot reach the class server: ' + (error && error.message));
    }
  }

  function connect(current, url) {
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (error) {
      showError('Cannot open the brand socket: ' + error.message);
      return;
    }
    current.socket = socket;
    socket.addEventListener('open', () => {
      if (session !== current) return;
      $('console-state').textContent = 'Connected: going ONLINE…';
      send('.ams.routing.SetAgentState',
        { channels: ['MESSAGING'], agentUserId: current.me.legacy, availability: 'ONLINE' });
      send('.ams.routing.SubscribeRoutingTasks',
        { channelType: 'MESSAGING', agentId: current.me.legacy, brandId: current.account });
      // OPEN and CLOSE: the survey dialog of a closed conversation still shows.
      send('.ams.aam.SubscribeExConversations', { brandId: current.account, convState: ['OPEN', 'CLOSE'] });
      subscribeDialog(current, current.conversationId);
    });
    socket.addEventListener('message', (event) => {
      if (session !== current) return;
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (error) {
        showError('Unreadable frame from the brand socket');
        return;
      }
      handleFrame(current, frame);
    });
    socket.addEventListener('error', () => {
      if (session === current) showError('Brand socket error (' + url.replace(/\/brand\/[^/?]+/, '/brand/…') + ')');
    });
    socket.addEventListener('close', (event) => {
      if (session !== current || current.closedByUs) return;
      showError('Brand socket closed: ' + event.code + (event.reason ? ' ' + event.reason : ''));
      setReplyEnabled(false);
    });
  }

  function send(type, body, done) {
    const current = session;
    if (!current || !current.socket || current.socket.readyState !== WebSocket.OPEN) {
      showError('Not connected: ' + type + ' not sent');
      return null;
    }
    const id = String(current.nextId++);
    current.pending.set(id, { type, done });
    current.socket.send(JSON.stringify({ kind: 'req', id, type, body }));
    return id;
  }

  // MARK: frames

  function handleFrame(current, frame) {
    if (frame.kind === 'resp') {
      const request = current.pending.get(String(frame.reqId));
      current.pending.delete(String(frame.reqId));
      if (frame.code >= 400) {
        const body = typeof frame.body === 'string' ? frame.body : JSON.stringify(frame.body);
        showError((request ? request.type : 'request') + ' failed: ' + frame.code + ' ' + body);
      } else if (request && request.type === '.ams.routing.SetAgentState') {
        $('console-state').textContent = 'ONLINE as the teacher agent.';
      }
      if (request && request.done) request.done(frame);
      if (Array.isArray(frame.body) && /QueryMessages/.test(frame.type || '')) messagingChanges(current, frame.body);
      return;
    }
    if (frame.kind !== 'notification') return;
    const type = frame.type || '';
    const body = frame.body || {};
    if (/ExConversationChangeNotification$/.test(type)) {
      for (const change of body.changes || []) conversationChange(current, change);
    } else if (/RoutingTaskNotification$/.test(type)) {
      for (const change of body.changes || []) routingChange(current, change);
    } else if (/MessagingEventNotification$/.test(type)) {
      messagingChanges(current, (body.changes || []).map((change) =>
        Object.assign({ dialogId: body.dialogId }, change)));
    } else if (/OnlineEventDistribution$/.test(type)) {
      messagingChanges(current, [body]);
    }
  }

  /** Role → ids, from the brand form (`{ROLE: [ids]}`) or the consumer form (`[{id, role}]`). */
  function participantsByRole(details) {
    const participants = details.participants || {};
    if (!Array.isArray(participants)) return participants;
    const byRole = {};
    for (const participant of participants) (byRole[participant.role] = byRole[participant.role] || []).push(participant.id);
    return byRole;
  }

  function isMe(current, id) {
    return !!id && !!current.me && (id === current.me.pid || id === current.me.legacy);
  }

  /** Every conversation of the account the subscription names is kept (a ring may switch the console to one). */
  function conversationChange(current, change) {
    const result = change.result || {};
    const id = result.convId || (result.conversationDetails && result.conversationDetails.convId);
    if (!id || change.type === 'DELETE') return;
    const details = result.conversationDetails || {};
    const assigned = (participantsByRole(details).ASSIGNED_AGENT || [])[0] || null;
    current.known.set(id, { state: details.state, stage: details.stage, assigned, dialogs: details.dialogs || [] });
    if (id === current.conversationId) showConversation(current);
  }

  function showConversation(current) {
    const known = current.known.get(current.conversationId);
    if (known) {
      current.conversation = known;
      for (const dialog of known.dialogs) {
        current.dialogs.set(dialog.dialogId, dialog);
        subscribeDialog(current, dialog.dialogId);
      }
    }
    render(current);
  }

  /** A ring for this conversation, or for a new one of the same learner (the console then offers to switch). */
  function routingChange(current, change) {
    const result = change.result || {};
    for (const ring of result.ringsDetails || []) {
      const conversationId = ring.convId || result.conversationId;
      if (ring.ringState === 'WAITING') current.ring = Object.assign({ conversationId }, ring);
      else if (current.ring && current.ring.ringId === ring.ringId) current.ring = null;
    }
    render(current);
  }

  /** Moves the console to another conversation of the learner: a fresh transcript, the same socket. */
  function switchTo(current, conversationId) {
    if (conversationId === current.conversationId) return;
    current.conversationId = conversationId;
    current.conversation = null;
    current.dialogs = new Map();
    current.messages = new Map();
    current.outgoing = [];
    $('transcript').replaceChildren();
    $('console-who').textContent = 'Conversation ' + conversationId + ' · account ' + (current.account || '?');
    subscribeDialog(current, conversationId);
    showConversation(current);
  }

  function subscribeDialog(current, dialogId) {
    if (!dialogId || current.subscribed.has(dialogId)) return;
    current.subscribed.add(dialogId);
    send('ms.SubscribeMessagingEvents', { dialogId, fromSeq: 0 });
  }

  function messagingChanges(current, changes) {
    for (const change of changes) {
      if (!change || !change.event) continue;
      const dialogId = change.dialogId || current.conversationId;
      const event = change.event;
      const originator = change.originatorPId || change.originatorId;
      const role = (change.originatorMetadata && change.originatorMetadata.role) || '';
      const mine = isMe(current, change.originatorId) || isMe(current, change.originatorPId);
      if (event.type === 'ContentEvent') {
        const key = dialogId + ':' + change.sequence;
        if (current.messages.has(key)) continue;
        if (mine) {
          // Our own message echoed back: the one sent with this sequence, or one we have not matched yet.
          const sent = current.outgoing.find((item) => item.sequence === change.sequence) ||
            current.outgoing.find((item) => item.sequence === undefined && item.text === event.message);
          if (sent) {
            sent.sequence = change.sequence;
            current.messages.set(key, sent);
            continue;
          }
        }
        const message = { dialogId, sequence: change.sequence, text: event.message, mine, role, originator,
          consumer: role === 'CONSUMER' || (!mine && !isAgentRole(role) && originator === consumerOf(current)) };
        current.messages.set(key, message);
        appendMessage(current, message);
        if (message.consumer) acknowledge(current, dialogId, change.sequence);
      } else if (event.type === 'AcceptStatusEvent' && !mine) {
        for (const sequence of event.sequenceList || []) {
          const message = current.messages.get(dialogId + ':' + sequence);
          if (!message || !message.mine) continue;
          if (event.status === 'READ' || (event.status === 'ACCEPT' && message.receipt !== 'READ')) {
            message.receipt = event.status;
            updateReceipt(message);
          }
        }
      }
    }
  }

  function isAgentRole(role) {
    return /AGENT|MANAGER|READER|CONTROLLER/.test(role);
  }

  function consumerOf(current) {
    return current.learner && current.learner.consumerId;
  }

  /** ACCEPT then READ for a consumer message of MAIN, once we are its agent (node-agent-sdk's agent-bot does). */
  function acknowledge(current, dialogId, sequence) {
    if (dialogId !== current.conversationId || !assignedToMe(current)) return;
    if (current.conversation && current.conversation.state !== 'OPEN') return;
    const key = dialogId + ':' + sequence;
    if (current.receipted.has(key)) return;
    current.receipted.add(key);
    for (const status of ['ACCEPT', 'READ']) {
      send('.ams.ms.PublishEvent', { dialogId, event: { type: 'AcceptStatusEvent', status, sequenceList: [sequence] } });
    }
  }

  function assignedToMe(current) {
    return !!current.conversation && isMe(current, current.conversation.assigned);
  }

  // MARK: rendering

  function surveyDialog(current) {
    return [...current.dialogs.values()].find((dialog) => dialog.dialogId !== current.conversationId) || null;
  }

  function render(current) {
    const conversation = current.conversation;
    const survey = surveyDialog(current);
    const mine = assignedToMe(current);
    const open = !!conversation && conversation.state === 'OPEN';
    const ringing = current.ring && current.ring.conversationId === current.conversationId;
    const other = current.ring && !ringing;
    let text;
    if (!conversation) text = 'Waiting for the conversation…';
    else if (!open && survey && survey.state === 'OPEN') text = 'Closed: the survey bot is running the survey.';
    else if (!open && survey) text = 'Closed; the survey has ended.';
    else if (!open) text = 'Closed.';
    else if (mine) text = 'You are the agent: reply below.';
    else if (current.ring && current.ring.conversationId === current.conversationId) {
      text = 'Ringing: accept to take the conversation.';
    }
    else if (conversation.assigned) text = 'Held by ' + agentName(current, conversation.assigned) + '.';
    else text = 'Waiting in the queue.';
    if (other) text += ' A new conversation of ' + current.learner.name + ' is ringing.';
    $('console-state').textContent = text;
    panel.setAttribute('data-assigned', mine ? 'me' : conversation && conversation.assigned ? 'other' : 'none');
    if (survey) panel.setAttribute('data-survey', survey.state === 'OPEN' ? 'open' : 'closed');
    $('console-accept').hidden = !((open && ringing && !mine) || other);
    $('console-accept').textContent = other ? 'Accept the new conversation' : 'Accept';
    $('console-takeover').hidden = !(open && !mine && !ringing && conversation.assigned);
    $('console-takeover').textContent = 'Take over from ' + (conversation && conversation.assigned
      ? agentName(current, conversation.assigned) : 'the agent');
    $('console-end').hidden = !(open && mine);
    const wasEnabled = !$('reply-text').disabled;
    setReplyEnabled(open && mine);
    if (open && mine && !wasEnabled) $('reply-text').focus();
  }

  function agentName(current, id) {
    const roster = (current.learner.conversations || []).find((item) => item.id === current.conversationId);
    if (roster && roster.agent === 'bot') return 'the bot';
    return isMe(current, id) ? 'you' : 'another agent';
  }

  function appendMessage(current, message) {
    const survey = message.dialogId !== current.conversationId;
    const from = message.mine ? 'You (teacher)' : message.consumer ? current.learner.name
      : survey ? 'Survey bot' : 'Bot';
    const item = document.createElement('li');
    item.className = 'msg' + (message.mine ? ' mine' : '') + (survey ? ' survey' : '');
    const label = document.createElement('span');
    label.className = 'from';
    label.textContent = from;
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = message.text;
    item.append(label, text);
    if (message.mine) {
      const receipt = document.createElement('span');
      receipt.className = 'receipt';
      item.append(receipt);
      message.receiptNode = receipt;
    }
    message.node = item;
    $('transcript').append(item);
    updateReceipt(message);
    $('transcript').scrollTop = $('transcript').scrollHeight;
  }

  function updateReceipt(message) {
    if (!message.receiptNode) return;
    const marks = { READ: '✓✓', ACCEPT: '✓' };
    message.receiptNode.textContent = message.sequence === undefined ? 'sending…' : marks[message.receipt] || '';
    message.receiptNode.className = 'receipt' + (message.receipt === 'READ' ? ' read' : '');
    message.receiptNode.title = message.receipt === 'READ' ? 'read' : message.receipt === 'ACCEPT' ? 'accepted' : 'sent';
    message.node.setAttribute('data-receipt', message.receipt || (message.sequence === undefined ? 'sending' : 'sent'));
  }

  // MARK: actions

  function reply(event) {
    event.preventDefault();
    const current = session;
    const text = $('reply-text').value;
    if (!current || !text.trim()) return;
    const message = { dialogId: current.conversationId, text, mine: true };
    current.outgoing.push(message);
    appendMessage(current, message);
    $('reply-text').value = '';
    send('.ams.ms.PublishEvent',
      { dialogId: current.conversationId, event: { type: 'ContentEvent', contentType: 'text/plain', message: text } },
      (frame) => {
        if (frame.code >= 400 || !frame.body || frame.body.sequence === undefined) return;
        const key = current.conversationId + ':' + frame.body.sequence;
        const echoed = current.messages.get(key);
        message.sequence = frame.body.sequence;
        if (!echoed) current.messages.set(key, message);
        updateReceipt(message);
      });
  }

  function accept() {
    const current = session;
    if (!current || !current.ring) return;
    const ring = current.ring;
    send('.ams.routing.UpdateRingState', { ringId: ring.ringId, ringState: 'ACCEPTED' }, (frame) => {
      if (frame.code >= 400) return;
      if (current.ring === ring) current.ring = null;
      if (ring.conversationId && ring.conversationId !== current.conversationId) switchTo(current, ring.conversationId);
      else render(current);
    });
  }

  /** Takes a conversation another agent (the bot) holds: removes it as ASSIGNED_AGENT and adds us, in one request. */
  function takeOver() {
    const current = session;
    if (!current || !current.conversation || !current.conversation.assigned) return;
    send('.ams.cm.UpdateConversationField', {
      conversationId: current.conversationId,
      conversationField: [
        { field: 'ParticipantsChange', type: 'REMOVE', userId: current.conversation.assigned, role: 'ASSIGNED_AGENT' },
        { field: 'ParticipantsChange', type: 'ADD', userId: current.me.legacy, role: 'ASSIGNED_AGENT' },
      ],
    });
  }

  /** Closes MAIN (DialogChange CLOSE): with the survey bot on, the post-conversation survey follows. */
  function end() {
    const current = session;
    if (!current) return;
    send('.ams.cm.UpdateConversationField', {
      conversationId: current.conversationId,
      conversationField: [{
        field: 'DialogChange', type: 'UPDATE',
        dialog: { dialogId: current.conversationId, state: 'CLOSE', closedCause: 'Closed by the teacher' },
      }],
    });
  }

  function teardown() {
    if (session && session.socket) {
      session.closedByUs = true;
      try { session.socket.close(1000, 'console closed'); } catch (error) { /* already closed */ }
    }
    session = null;
  }

  panel.addEventListener('close', () => {
    teardown();
    if (opener && document.contains(opener)) opener.focus();
    else {
      const key = opener && opener.getAttribute && opener.getAttribute('data-focus');
      const again = key && document.querySelector('[data-focus="' + CSS.escape(key) + '"]');
      if (again) again.focus();
    }
  });
  $('console-close-panel').addEventListener('click', () => panel.close());
  $('reply-form').addEventListener('submit', reply);
  $('console-accept').addEventListener('click', accept);
  $('console-takeover').addEventListener('click', takeOver);
  $('console-end').addEventListener('click', end);
  document.addEventListener('lp-learner', (event) => {
    if (session && event.detail && event.detail.id === session.learner.id) {
      session.learner = event.detail;
      render(session);
    }
  });

  window.LPConsole = { open };
})();
