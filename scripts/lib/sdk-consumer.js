// A consumer for scripts/sdk-examples: signs up with the sandbox's IdP (or reuses LP_JWT), opens the consumer socket,
// subscribes to its conversations, requests one, then sends its arguments one a second, and prints every frame it
// receives, one JSON object a line. Written for lp-shell (not taken from any LivePerson SDK); needs Debian's node-ws.
//
// Arguments: a text is published as a message; `@pause` waits a second; `@close-dialog` closes the MAIN dialog (a
// survey dialog may follow);
// `@answer-survey` makes the consumer subscribe to a survey dialog when one opens and click the first quick reply of
// each question asked there (an ACTION receipt and the button's text, with its `Answer` metadata, as the PCS
// pages show).
'use strict';
const fs = require('fs');
const https = require('https');
const WebSocket = require('ws');

const host = process.env.LP_ASYNCMESSAGINGENT;
const account = process.env.LP_ACCOUNT;
const steps = process.argv.slice(2);
const [hostname, port] = host.split(':');

if (process.env.LP_JWT) {
    converse(process.env.LP_JWT);
} else {
    signUp();
}

function signUp() {
    const request = https.request({hostname, port, method: 'POST', path: `/api/account/${account}/signup`}, res => {
        let text = '';
        res.on('data', chunk => { text += chunk; });
        res.on('end', () => {
            const jwt = JSON.parse(text).jwt;
            if (process.env.SDK_CONSUMER_JWT_FILE) fs.writeFileSync(process.env.SDK_CONSUMER_JWT_FILE, jwt);
            converse(jwt);
        });
    });
    request.on('error', err => { console.error(`sdk-consumer: signup failed: ${err.message}`); process.exit(2); });
    request.end();
}

function converse(jwt) {
    const socket = new WebSocket(`wss://${host}/ws_api/account/${account}/messaging/consumer?v=3`,
        {headers: {Authorization: `jwt ${jwt}`}});
    const answerSurvey = steps.includes('@answer-survey');
    const surveys = new Set();
    let id = 1;
    let conversationId;
    const send = (type, body, metadata) =>
        socket.send(JSON.stringify({kind: 'req', id: String(id++), type, body, metadata}));
    const publish = (dialogId, event, metadata) => send('ms.PublishEvent', {dialogId, event}, metadata);

    socket.on('open', () => {
        send('cqm.SubscribeExConversations', {convState: ['OPEN', 'CLOSE']});
        send('cm.ConsumerRequestConversation', {});
    });
    socket.on('message', data => {
        const frame = JSON.parse(data);
        console.log(JSON.stringify(frame));
        if (frame.type === 'cm.RequestConversationResponse') {
            conversationId = frame.body.conversationId;
            send('ms.SubscribeMessagingEvents', {dialogId: conversationId, fromSeq: 0});
            steps.filter(step => step !== '@answer-survey').forEach((step, index) =>
                setTimeout(() => run(step), 1500 + 1000 * index));
        } else if (answerSurvey && frame.type === 'cqm.ExConversationChangeNotification') {
            for (const change of frame.body.changes) {
                for (const dialog of change.result.conversationDetails.dialogs || []) {
                    if (dialog.dialogType === 'POST_SURVEY' && dialog.state === 'OPEN' && !surveys.has(dialog.dialogId)) {
                        surveys.add(dialog.dialogId);
                        send('ms.SubscribeMessagingEvents', {dialogId: dialog.dialogId, fromSeq: 0});
                    }
                }
            }
        } else if (answerSurvey && frame.type === 'ms.MessagingEventNotification') {
            for (const change of frame.body.changes) {
                const replies = change.event && change.event.quickReplies;
                if (surveys.has(change.dialogId) && replies && change.originatorMetadata.role !== 'CONSUMER') {
                    // A click: the ACTION receipt and the button's text, both with the button's metadata.
                    const choice = replies.replies[0];
                    const metadata = (choice.click && choice.click.metadata) || [{type: 'Answer'}];
                    setTimeout(() => {
                        publish(change.dialogId,
                            {type: 'AcceptStatusEvent', status: 'ACTION', sequenceList: [change.sequence]}, metadata);
                        publish(change.dialogId, {type: 'ContentEvent', contentType: 'text/plain',
                            message: choice.title}, metadata);
                    }, 500);
                }
            }
        }
    });
    socket.on('close', code => { console.log(JSON.stringify({closed: code})); process.exit(0); });
    socket.on('error', err => { console.error(`sdk-consumer: ${err.message}`); process.exit(2); });

    function run(step) {
        if (step === '@pause') return;
        if (step === '@close-dialog') {
            send('cm.UpdateConversationField', {conversationId, conversationField: [{field: 'DialogChange',
                type: 'UPDATE', dialog: {dialogId: conversationId, state: 'CLOSE'}}]});
        } else {
            publish(conversationId, {type: 'ContentEvent', contentType: 'text/plain', message: step});
        }
    }
}
