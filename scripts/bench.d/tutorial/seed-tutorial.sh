# The seed tutorial (shared/seed/unauthenticated-messaging.md) as one script, the doc's own lines: step 1 (external
# token), step 2 (LP consumer token), step 4 (refresh the external token), step 2 again, then the consumer socket:
# request a conversation, publish, subscribe, wait for the bot's reply, close. lp-shell runs it as it is.
LP_EXT_JWT=`curl -s -X POST -H "Content-Type: application/json" https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize | jq -r .token`
LP_JWT=`curl -s -X POST -H "Content-Type: application/json" -d '{"id_token" : "'$LP_EXT_JWT'"}' https://$LP_IDP/api/account/$LP_ACCOUNT/app/$LP_APP_CONN_ID/authenticate?v=3.0 | jq -r .token`
LP_EXT_JWT=`curl -s -X POST -H "Content-Type: application/json" -d '{ "id_token":"'$LP_EXT_JWT'" }' https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize | jq -r .token`
LP_JWT=`curl -s -X POST -H "Content-Type: application/json" -d '{"id_token" : "'$LP_EXT_JWT'"}' https://$LP_IDP/api/account/$LP_ACCOUNT/app/$LP_APP_CONN_ID/authenticate?v=3.0 | jq -r .token`
wscat -H "Authorization:jwt $LP_JWT" -c "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3"
{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}
{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"__YOUR_CONVERSATION_ID__","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi there"}}}
{"kind":"req","id":3,"type":"ms.SubscribeMessagingEvents","body":{"dialogId":"__YOUR_CONVERSATION_ID__","fromSeq":0}}
/wait-for echo: hi there
/close
