# The same tutorial as seed-tutorial.sh, as a bash user runs it with real curl, jq and node's wscat: the four doc
# lines unchanged, then wscat on a pseudo-terminal (it prints frames only to a terminal) fed through a FIFO, with
# grep polling its output (every 5 ms) for the conversation id and the bot's reply.
set -u
LP_EXT_JWT=`curl -s -X POST -H "Content-Type: application/json" https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize | jq -r .token`
LP_JWT=`curl -s -X POST -H "Content-Type: application/json" -d '{"id_token" : "'$LP_EXT_JWT'"}' https://$LP_IDP/api/account/$LP_ACCOUNT/app/$LP_APP_CONN_ID/authenticate?v=3.0 | jq -r .token`
LP_EXT_JWT=`curl -s -X POST -H "Content-Type: application/json" -d '{ "id_token":"'$LP_EXT_JWT'" }' https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize | jq -r .token`
LP_JWT=`curl -s -X POST -H "Content-Type: application/json" -d '{"id_token" : "'$LP_EXT_JWT'"}' https://$LP_IDP/api/account/$LP_ACCOUNT/app/$LP_APP_CONN_ID/authenticate?v=3.0 | jq -r .token`
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/in"
url="wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3"
NODE_PATH=/usr/share/nodejs script -qfc "wscat -H 'Authorization:jwt $LP_JWT' -c '$url'" /dev/null < "$dir/in" > "$dir/out" &
wscat_pid=$!
exec 3> "$dir/in"
wait_for() {
    until grep -q "$1" "$dir/out"; do
        kill -0 $wscat_pid 2> /dev/null || { echo "wscat ended before '$1'" >&2; exit 1; }
        sleep 0.005
    done
}
wait_for Connected
echo '{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}' >&3
wait_for '"conversationId"'
conv=$(grep -o '"conversationId":"[^"]*"' "$dir/out" | head -1 | cut -d'"' -f4)
echo '{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"'$conv'","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi there"}}}' >&3
echo '{"kind":"req","id":3,"type":"ms.SubscribeMessagingEvents","body":{"dialogId":"'$conv'","fromSeq":0}}' >&3
wait_for 'echo: hi there'
exec 3>&-
kill -KILL $wscat_pid 2> /dev/null # script(1) would otherwise take 3 s to end wscat
wait 2> /dev/null
