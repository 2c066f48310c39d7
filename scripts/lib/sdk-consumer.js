// A consumer for scripts/sdk-examples: signs up with the sandbox's IdP, opens the consumer socket, subscribes to its
// conversations, requests one, then publishes each argument as a message (one a second) and prints every frame it
// receives, one JSON object a line. Written for lp-shell (not taken from any LivePerson SDK); needs Debian's node-ws.
'use strict';
const https = require('https');
const WebSocket = require('ws');

const host = process.env.LP_ASYNCMESSAGINGENT;
const account = process.env.LP_ACCOUNT;
const messages = process.argv.slice(2);
const [hostname, port] = host.split(':');

// LP_JWT set: that consumer again (e.g. a second conversation of the same consumer); otherwise a new one.
if (process.env.LP_JWT) {
    converse(process.env.LP_JWT);
} else {
    signUp();
}

function signUp() {
const signup = https.request({hostname, port, method: 'POST', path: `/api/account/${account}/signup`}, res => {
    let text = '';
    res.on('data', chunk => { text += chunk; });
    res.on('end', () => {
        const jwt = JSON.parse(text).jwt;
        if (process.env.SDK_CONSUMER_JWT_FILE) require('fs').writeFileSync(process.env.SDK_CONSUMER_JWT_FILE, jwt);
        converse(jwt);
    });
});
signup.on('error', err => { console.error(`sdk-consumer: signup failed: ${err.message}`); process.exit(2); });
signup.end();
}

function converse(jwt) {
    const socket = new WebSocket(`wss://${host}/ws_api/account/${account}/messaging/consumer?v=3`,
        {headers: {Authorization: `jwt ${jwt}`}});
    let id = 1;
    const send = (type, body) => socket.send(JSON.stringify({kind: 'req', id: String(id++), type, body}));
    socket.on('open', () => {
        send('cqm.SubscribeExConversations', {convState: ['OPEN', 'CLOSE']});
        send('cm.ConsumerRequestConversation', {});
    });
    socket.on('message', data => {
        const frame = JSON.parse(data);
        console.log(JSON.stringify(frame));
        if (frame.type !== 'cm.RequestConversationResponse') return;
        const dialogId = frame.body.conversationId;
        send('ms.SubscribeMessagingEvents', {dialogId, fromSeq: 0});
        messages.forEach((message, index) => setTimeout(() => send('ms.PublishEvent',
            {dialogId, event: {type: 'ContentEvent', contentType: 'text/plain', message}}), 1500 + 1000 * index));
    });
    socket.on('close', code => { console.log(JSON.stringify({closed: code})); process.exit(0); });
    socket.on('error', err => { console.error(`sdk-consumer: ${err.message}`); process.exit(2); });
}
