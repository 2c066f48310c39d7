# The shapes of the commands LivePerson's tutorials print (corpus/tutorial-commands.jsonl), with curl and wscat
# replaced by printf so no network is needed: backticks around `... | jq -r .token`, '"'$VAR'"' splicing,
# -H "Authorization:jwt $LP_JWT", ${VAR}, unquoted URLs with ? and &.
# jq: lp-shell's built-in; for bash/dash the system jq (/usr/bin/jq) must be on PATH.
# The warnings lp-shell prints for unset LP_* variables and for `VAR= value` are checked with stderr-contains
# (only lp-shell's stderr is checked; stdout and status are the same as bash's).

#### token from a backticked pipeline into jq
LP_JWT=`printf '%s\n' '{"jwt":"abc.def.ghi"}' | jq -r .jwt`
echo $LP_JWT
## stdout: abc.def.ghi

#### token field named token
LP_EXT_JWT=`echo '{"token" : "ext-1"}' | jq -r .token`
echo "$LP_EXT_JWT"
## stdout: ext-1

#### authorization header with a variable
LP_JWT=abc.def.ghi
printf '[%s]\n' -k 60 -H "Authorization:jwt $LP_JWT"
## STDOUT:
[-k]
[60]
[-H]
[Authorization:jwt abc.def.ghi]
## END

#### websocket URL in double quotes
LP_ASYNCMESSAGINGENT=msg.example:7443
LP_ACCOUNT=123
printf '%s\n' "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3"
## stdout: wss://msg.example:7443/ws_api/account/123/messaging/consumer?v=3

#### unquoted URL with a question mark matching no file
LP_IDP=idp.example
LP_ACCOUNT=123
LP_APP_CONN_ID=conn
printf '%s\n' https://$LP_IDP/api/account/$LP_ACCOUNT/app/$LP_APP_CONN_ID/authenticate?v=3.0
## stdout: https://idp.example/api/account/123/app/conn/authenticate?v=3.0

#### id_token body spliced from a variable
LP_EXT_JWT=e1.e2.e3
printf '%s\n' -d '{"id_token" : "'$LP_EXT_JWT'"}'
## STDOUT:
-d
{"id_token" : "e1.e2.e3"}
## END

#### refresh body with spaces inside the braces
LP_EXT_JWT=old
printf '%s\n' '{ "id_token":"'$LP_EXT_JWT'" }'
## stdout: { "id_token":"old" }

#### authCode body spliced
UNAUTH_JWT=u1
printf '%s\n' '{"authCode" : "'$UNAUTH_JWT'"}'
## stdout: {"authCode" : "u1"}

#### exchange step in one backticked line
LP_EXT_JWT=ext
LP_JWT=`printf '%s\n' '{"id_token" : "'$LP_EXT_JWT'"}' | jq -r .id_token`
echo $LP_JWT
## stdout: ext

#### swift upload URL with braces and ampersands in double quotes
LP_SWIFT=swift.example
LP_REL_PATH=/v1/AUTH_x/c/f.png
LP_TUS=sig
LP_TUE=99
printf '%s\n' "https://${LP_SWIFT}$LP_REL_PATH?temp_url_sig=$LP_TUS&temp_url_expires=$LP_TUE"
## stdout: https://swift.example/v1/AUTH_x/c/f.png?temp_url_sig=sig&temp_url_expires=99

#### client properties header holding JSON
LP_PROPS='{"type":".ClientProperties","os":"LINUX"}'
printf '%s\n' "Client-Properties:$LP_PROPS"
## stdout: Client-Properties:{"type":".ClientProperties","os":"LINUX"}

#### content type header keeps its space
printf '[%s]\n' -H "Content-Type: application/json"
## STDOUT:
[-H]
[Content-Type: application/json]
## END

#### site property script with arguments
printf '#!/bin/sh\necho "$1 $2 $3"\n' > set_site_property.sh
chmod +x set_site_property.sh
LP_BEARER=b1
./set_site_property.sh $LP_BEARER true messaging.file.sharing.enabled
## stdout: b1 true messaging.file.sharing.enabled

#### decode the middle part of a JWT
LP_JWT=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmNkZSJ9.c2ln
echo $LP_JWT | cut -d. -f2 | base64 -d
echo
## stdout: {"sub":"abcde"}

#### jq reads the subject from the decoded payload
LP_JWT=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmNkZSJ9.c2ln
echo $LP_JWT | cut -d. -f2 | base64 -d | jq -r .sub
## stdout: abcde

#### unset LP_APP_CONN_ID leaves an empty path segment
LP_IDP=idp.example
LP_ACCOUNT=123
printf '%s\n' https://$LP_IDP/api/account/$LP_ACCOUNT/app/$LP_APP_CONN_ID/authenticate?v=3.0
## stdout: https://idp.example/api/account/123/app//authenticate?v=3.0
## stderr-contains: LP_APP_CONN_ID is not set

#### unset LP_IDP in a double-quoted URL
echo "https://$LP_IDP/x"
## stdout: https:///x
## stderr-contains: LP_IDP is not set

#### unset LP variable in braces
echo "${LP_SWIFT}/path"
## stdout: /path
## stderr-contains: LP_SWIFT is not set

#### unset LP variable inside backticks
X=`echo a$LP_ACCOUNT`
echo $X
## stdout: a
## stderr-contains: LP_ACCOUNT is not set

#### unset LP variable in a header
printf '[%s]\n' -H "Authorization:jwt $LP_JWT"
## STDOUT:
[-H]
[Authorization:jwt ]
## END
## stderr-contains: LP_JWT is not set

#### space after the equals sign runs the value as a command
LP_USER= ADMIN_USERNAME
## status: 127
## stderr-contains: LP_USER was set empty

#### space after the equals sign leaves the variable unset
LP_PASS= ADMIN_PASSWORD
echo $?
echo "[${LP_PASS-unset}]"
## STDOUT:
127
[unset]
## END
## stderr-contains: LP_PASS was set empty

#### early draft line missing its opening backtick
UNAUTH_JWT=curl -X POST -H "Content-Type: application/json" http://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize| jq -r .jwt`
## status: 2
## stderr-contains: syntax error

