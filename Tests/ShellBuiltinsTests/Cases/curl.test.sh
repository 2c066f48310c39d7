# curl builtin cases: run against the local test servers by CurlSpecTests, and through /usr/bin/curl by
# CurlDifferentialTests (unless `## differential: no`). Placeholders: {URL} {TLSURL} {HOSTPORT} {TLSHOSTPORT}
# {PORT} {CA} {OTHERCA} {TMP} {PROXY} {AUTHPROXY} (a forward proxy, one that wants user:secret).

#### GET /echo prints the body byte for byte
## args: -s {URL}/echo
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### URL without a scheme means http
## args: -s {HOSTPORT}/echo?a=1
## stdout: {"method":"GET","path":"/echo","query":"a=1","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### JSON body without a trailing newline is not given one
## args: -s {URL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### -d implies POST and the form content type
## args: -s -d a=1 {URL}/echo
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Content-Type","application/x-www-form-urlencoded"],["Content-Length","3"]],"body":"a=1"}

#### -d twice joins with &
## args: -s -d a=1 -d b=2 {URL}/echo
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Content-Type","application/x-www-form-urlencoded"],["Content-Length","7"]],"body":"a=1&b=2"}

#### custom Content-Type is kept with -d
## args: -s -H "Content-Type: application/json" -d '{"a":1}' {URL}/echo
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Content-Type","application/json"],["Content-Length","7"]],"body":"{\"a\":1}"}

#### -X POST alone sends no body and no Content-Type
## args: -s -X POST {URL}/echo
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}
## transports: direct

#### -XPUT attached value with --data-raw keeps @
## args: -s -XPUT --data-raw @x {URL}/echo
## stdout: {"method":"PUT","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Content-Type","application/x-www-form-urlencoded"],["Content-Length","2"]],"body":"@x"}

#### --request long form
## args: -s --request DELETE {URL}/echo
## stdout: {"method":"DELETE","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### -d @file strips newlines
## file: body.txt=a=1\nb=2\n
## args: -s -d @body.txt {URL}/echo
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Content-Type","application/x-www-form-urlencoded"],["Content-Length","6"]],"body":"a=1b=2"}

#### --data-binary @file keeps newlines
## file: body.txt=a=1\nb=2\n
## args: -s --data-binary @body.txt {URL}/echo
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Content-Type","application/x-www-form-urlencoded"],["Content-Length","8"]],"body":"a=1\nb=2\n"}

#### -d @- reads standard input
## stdin: x=y
## args: -s -d @- {URL}/echo
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Content-Type","application/x-www-form-urlencoded"],["Content-Length","3"]],"body":"x=y"}

#### -d @missing warns (unless -s came first) and posts nothing
## args: -d @missing.txt -s {URL}/echo
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Content-Type","application/x-www-form-urlencoded"],["Content-Length","0"]],"body":""}
## stderr: Warning: Couldn't read data from file "missing.txt", this makes an empty POST.

#### a long -d @file warning wraps like curl's
## args: -d @a-much-longer-missing-file-name.txt -s {URL}/echo -o /dev/null
## STDERR:
Warning: Couldn't read data from file "a-much-longer-missing-file-name.txt", 
Warning: this makes an empty POST.
## END

#### -s before -d @missing mutes the warning
## args: -s -d @missing.txt {URL}/echo -o /dev/null
## stderr-json: ""

#### --data-urlencode encodes the content
## args: -s --data-urlencode "a=b c&d" --data-urlencode "x y" {URL}/echo
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Content-Type","application/x-www-form-urlencoded"],["Content-Length","13"]],"body":"a=b+c%26d&x+y"}

#### --json sets both JSON headers
## args: -s --json '{"a":1}' {URL}/echo
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Content-Type","application/json"],["Accept","application/json"],["Content-Length","7"]],"body":"{\"a\":1}"}

#### -G puts the data in the query
## args: -s -G -d a=1 -d "b=x%20y" {URL}/echo
## stdout: {"method":"GET","path":"/echo","query":"a=1&b=x%20y","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### -H adds, Name: removes, Name; sends empty
## args: -s -H "X-One: 1" -H "Accept:" -H "X-Empty;" {URL}/echo
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["X-One","1"],["X-Empty",""]],"body":""}

#### -H Host replaces the Host header in place
## args: -s -H "Host: other.example" {URL}/echo
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","other.example"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### -A, -e and a custom Accept
## args: -s -A myagent -e http://ref.example/ -H "Accept: text/plain" {URL}/echo
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","myagent"],["Referer","http://ref.example/"],["Accept","text/plain"]],"body":""}

#### -u sends basic credentials
## args: -s -u user:pw {URL}/echo
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["Authorization","Basic dXNlcjpwdw=="],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### combined short flags -sSf
## args: -sSf {URL}/status/404
## stderr: curl: (22) The requested URL returned error: 404
## exit_code: 22

#### -f without -S is silent with -s
## args: -sf {URL}/status/500
## stdout-json: ""
## stderr-json: ""
## exit_code: 22

#### without -f a 404 body is printed and the exit is 0
## args: -s {URL}/status/404
## stdout: status 404

#### --fail-with-body prints the body and fails
## args: -s --fail-with-body {URL}/status/404
## stdout: status 404
## exit_code: 22

#### -i prints the status line and headers with CRLF
## args: -s -i {URL}/json
## stdout-json: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 35\r\n\r\n{\"token\":\"abc123\",\"items\":[1,2,3]}\n"

#### -i with -f prints the headers then fails
## args: -s -i -f {URL}/status/404
## stdout-json: "HTTP/1.1 404 Not Found\r\nContent-Length: 11\r\n\r\n"
## exit_code: 22

#### -I sends HEAD and prints only headers
## args: -s -I {URL}/json
## stdout-json: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 35\r\n\r\n"

#### a redirect is not followed without -L
## args: -s {URL}/redirect/1
## stdout: redirecting

#### -L follows redirects
## args: -s -L {URL}/redirect/2
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### -L with -i shows every hop
## args: -s -L -i {URL}/redirect/1
## stdout-json: "HTTP/1.1 302 Found\r\nLocation: /echo\r\nContent-Length: 12\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 138\r\n\r\n{\"method\":\"GET\",\"path\":\"/echo\",\"query\":\"\",\"headers\":[[\"Host\",\"{HOSTPORT}\"],[\"User-Agent\",\"curl/7.88.1\"],[\"Accept\",\"*/*\"]],\"body\":\"\"}\n"

#### -L turns POST into GET on 302
## args: -s -L -d a=1 {URL}/redirect/1
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### -L keeps POST and body on 307
## args: -s -L -d a=1 "{URL}/redirect-to?url=/echo&status=307"
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Content-Type","application/x-www-form-urlencoded"],["Content-Length","3"]],"body":"a=1"}

#### --max-redirs 0 fails with 47
## args: -sS -L --max-redirs 0 {URL}/redirect/1
## stderr: curl: (47) Maximum (0) redirects followed
## exit_code: 47

#### -w http_code after the body
## args: -s -w "%{http_code}\n" {URL}/status/201
## STDOUT:
status 201
201
## END

#### -w variables after a redirect
## args: -s -L -o /dev/null -w "%{url_effective}|%{content_type}|%{size_download}|%{response_code}|%{exitcode}|%{errormsg}|%{num_redirects}|%{http_version}|%{scheme}|%{method}\n" {URL}/redirect/1
## stdout: {URL}/echo|application/json|138|200|0||1|1.1|HTTP|GET

#### -w %header{name}
## args: -s -o /dev/null -w "%header{content-type}\n" {URL}/json
## stdout: application/json

#### -w http_code is 000 when the connection fails
## args: -s -w "%{http_code} %{exitcode}\n" http://127.0.0.1:1/
## stdout: 000 7
## exit_code: 7

#### -w unknown variable warns
## args: -s -o /dev/null -w "%{bogus}x\n" {URL}/json
## stdout: x
## stderr: curl: unknown --write-out variable: 'bogus'

#### -o writes the body to a file
## args: -s -o out.json {URL}/json
## stdout-json: ""
## FILE: out.json
{"token":"abc123","items":[1,2,3]}
## END

#### -O names the file after the URL
## args: -s -O {URL}/json
## stdout-json: ""
## FILE: json
{"token":"abc123","items":[1,2,3]}
## END

#### -o into a missing directory fails with 23
## args: -sS -o nodir/out {URL}/json
## stderr: curl: (23) Failure writing output to destination
## exit_code: 23

#### -o into a missing directory warns without -s
## args: -S -o nodir/out {URL}/json
## exit_code: 23
## differential: no
## exit_code: 23

#### -T uploads a file with PUT
## file: up.txt=hello\n
## args: -s -T up.txt {URL}/echo
## stdout: {"method":"PUT","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Expect","100-continue"],["Content-Length","6"]],"body":"hello\n"}

#### -T on a missing file fails with 26
## args: -s -T nothere.txt {URL}/echo
## STDERR:
curl: Can't open 'nothere.txt'!
curl: try 'curl --help' or 'curl --manual' for more information
## END
## exit_code: 26

#### -b sends a literal cookie string
## args: -s -b "a=1;b=2" {URL}/cookies
## stdout: {"cookie":"a=1;b=2"}

#### -b reads a Netscape cookie file
## file: jar.txt=# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tabc\n127.0.0.1\tFALSE\t/other\tFALSE\t0\tnope\tx\n
## args: -s -b jar.txt {URL}/cookies
## stdout: {"cookie":"session=abc"}

#### -c writes received cookies, -L sends them on
## args: -s -L -c out.txt "{URL}/cookies/set?k=v&n=2"
## stdout: {"cookie":"n=2; k=v"}
## FILE: out.txt
# Netscape HTTP Cookie File
# https://curl.se/docs/http-cookies.html
# This file was generated by libcurl! Edit at your own risk.

127.0.0.1	FALSE	/	FALSE	0	n	2
127.0.0.1	FALSE	/	FALSE	0	k	v
## END

#### -c with nothing received writes the header only
## args: -s -c out.txt {URL}/json -o /dev/null
## FILE: out.txt
# Netscape HTTP Cookie File
# https://curl.se/docs/http-cookies.html
# This file was generated by libcurl! Edit at your own risk.

## END

#### --compressed decodes gzip
## args: -s --compressed {URL}/gzip
## stdout: {"compressed":true}
## differential: no

#### without --compressed the gzip bytes come through
## args: -s -w "%{size_download}" -o /dev/null {URL}/gzip
## stdout-json: "40"

#### unknown long option exits 2
## args: --bogus {URL}
## STDERR:
curl: option --bogus: is unknown
curl: try 'curl --help' or 'curl --manual' for more information
## END
## exit_code: 2

#### --opt=value is not understood, as in curl
## args: --max-time=3 {URL}
## STDERR:
curl: option --max-time=3: is unknown
curl: try 'curl --help' or 'curl --manual' for more information
## END
## exit_code: 2

#### unknown short option exits 2
## args: -s9 {URL}
## STDERR:
curl: option -s9: is unknown
curl: try 'curl --help' or 'curl --manual' for more information
## END
## exit_code: 2

#### ambiguous prefix
## args: --s {URL}
## STDERR:
curl: option --s: is ambiguous
curl: try 'curl --help' or 'curl --manual' for more information
## END
## exit_code: 2

#### unambiguous prefix works
## args: --sil {URL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### missing parameter
## args: -s -X
## STDERR:
curl: option -X: requires parameter
curl: try 'curl --help' or 'curl --manual' for more information
## END
## exit_code: 2

#### bad number for -m
## args: -s -m abc {URL}
## STDERR:
curl: option -m: expected a proper numerical parameter
curl: try 'curl --help' or 'curl --manual' for more information
## END
## exit_code: 2

#### --no- on a non-boolean
## args: --no-request {URL}
## STDERR:
curl: option --no-request: used '--no-' for option that isn't a boolean
curl: try 'curl --help' or 'curl --manual' for more information
## END
## exit_code: 2

#### no URL
## args: -s
## STDERR:
curl: no URL specified!
curl: try 'curl --help' or 'curl --manual' for more information
## END
## exit_code: 2

#### -- ends options
## args: -s -- {URL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### connection refused is 7
## args: -sS http://127.0.0.1:1/
## stderr: curl: (7) Failed to connect to 127.0.0.1 port 1 after {MS} ms: Couldn't connect to server
## exit_code: 7

#### -s hides the error
## args: -s http://127.0.0.1:1/
## stderr-json: ""
## exit_code: 7

#### unresolvable host is 6
## args: -sS http://nohost.invalid/
## stderr: curl: (6) Could not resolve host: nohost.invalid
## exit_code: 6

#### malformed URL is 3
## args: -sS "http://bad host/"
## stderr: curl: (3) URL using bad/illegal format or missing URL
## exit_code: 3

#### -m times out with 28
## args: -sS -m 1 "{URL}/slow?ms=3000"
## exit_code: 28
## differential: no

#### -m reports the bytes received so far
## args: -s -m 1 -w "%{exitcode}" "{URL}/drip?ms=3000"
## stdout-json: "1234528"
## exit_code: 28

#### two URLs in one curl share a keep-alive connection
## args: -s {URL}/connection/plain {URL}/connection/plain
## stdout-json: "1\n2\n"

#### two URLs over https share a keep-alive connection
## args: -s --cacert {CA} {TLSURL}/connection/tls {TLSURL}/connection/tls
## stdout-json: "1\n2\n"

#### a connection is not reused after the request asked to close it
## args: -s -H "Connection: close" {URL}/connection/close {URL}/connection/close
## stdout-json: "1\n1\n"
## differential: no

#### localhost needs no resolver
## args: -s http://localhost:{PORT}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### a chunked body is printed without its framing
## args: -s {URL}/chunked?parts=4&size=3
## stdout-json: "000111222333"

#### a chunked body larger than a read arrives whole
## args: -s -w "%{size_download}" -o {TMP}/big {URL}/chunked?parts=40&size=5000
## stdout-json: "200000"

#### a chunked body over https
## args: -s --cacert {CA} {TLSURL}/chunked?parts=2&size=4
## stdout-json: "00001111"

#### a body cut short is 18 with the bytes missing
## args: -sS {URL}/truncated
## stdout-json: "12345"
## stderr: curl: (18) transfer closed with 5 bytes remaining to read
## exit_code: 18

#### empty reply is 52
## args: -sS {URL}/close
## stderr: curl: (52) Empty reply from server
## exit_code: 52

#### error without -s shows the progress meter and the error
## args: http://127.0.0.1:1/
## exit_code: 7
## differential: no

#### https with --cacert
## args: -s --cacert {CA} {TLSURL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### https with CURL_CA_BUNDLE
## env: CURL_CA_BUNDLE={CA}
## args: -s {TLSURL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### https with SSL_CERT_FILE
## env: SSL_CERT_FILE={CA}
## args: -s {TLSURL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### https without the CA fails with 60
## args: -sS {TLSURL}/json
## STDERR:
curl: (60) SSL certificate problem: unable to get local issuer certificate
More details here: https://curl.se/docs/sslcerts.html

curl failed to verify the legitimacy of the server and therefore could not
establish a secure connection to it. To learn more about this situation and
how to fix it, please visit the web page mentioned above.
## END
## exit_code: 60

#### https with the wrong CA fails with 60
## args: -s --cacert {OTHERCA} {TLSURL}/json
## exit_code: 60

#### https -k skips verification
## args: -s -k {TLSURL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### https with a missing CA file is 77
## args: -sS --cacert /nonexistent/ca.pem {TLSURL}/json
## stderr: curl: (77) error setting certificate file: /nonexistent/ca.pem
## exit_code: 77

#### -v shows request and response lines on stderr
## args: -s -v {URL}/json
## stdout: {"token":"abc123","items":[1,2,3]}
## differential: no

#### --connect-timeout accepted
## args: -s --connect-timeout 5 {URL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### -m with a fast response succeeds
## args: -s -m 5 {URL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### two URLs run one after the other
## args: -s {URL}/status/200 {URL}/status/201
## STDOUT:
status 200
status 201
## END

#### --pretty leaves the body alone when stdout is not a terminal (lp-shell extension)
## differential: no
## args: -s --pretty {URL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### -x sends a plain http request to the proxy in absolute form (the proxy adds Connection: close)
## transports: direct
## args: -s -x {PROXY} {URL}/echo
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Connection","close"]],"body":""}

#### -x with http:// and a POST body
## transports: direct
## args: -s -x http://{PROXY} -H "X-A: 1" -d a=1 {URL}/echo?q=2
## stdout: {"method":"POST","path":"/echo","query":"q=2","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["X-A","1"],["Content-Type","application/x-www-form-urlencoded"],["Content-Length","3"],["Connection","close"]],"body":"a=1"}

#### https goes through a CONNECT tunnel, verified end to end
## args: -s -x {PROXY} --cacert {CA} {TLSURL}/echo
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","{TLSHOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### -i shows the proxy's answer to CONNECT before the server's response
## transports: direct
## args: -s -i -x {PROXY} --cacert {CA} {TLSURL}/json
## stdout-json: "HTTP/1.1 200 Connection established\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 35\r\n\r\n{\"token\":\"abc123\",\"items\":[1,2,3]}\n"

#### credentials in the proxy URL authenticate the tunnel
## args: -s -x http://user:secret@{AUTHPROXY} --cacert {CA} {TLSURL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### -U gives the proxy credentials for a plain request
## args: -s -x {AUTHPROXY} -U user:secret {URL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### a tunnel the proxy refuses is curl's 56
## args: -sS -x {AUTHPROXY} --cacert {CA} {TLSURL}/json
## stderr: curl: (56) CONNECT tunnel failed, response 407
## exit_code: 56

#### -i shows the refusal
## transports: direct
## args: -s -i -x {AUTHPROXY} --cacert {CA} {TLSURL}/json
## stdout-json: "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"lp-test\"\r\nContent-Length: 0\r\n\r\n"
## exit_code: 56

#### %{http_connect} is the proxy's answer to CONNECT
## transports: direct
## args: -s -o /dev/null -w "%{http_connect} %{http_code}" -x {PROXY} --cacert {CA} {TLSURL}/json
## stdout-json: "200 200"

#### %{http_connect} of a refused tunnel
## transports: direct
## args: -s -w "%{http_connect} %{http_code}" -x {AUTHPROXY} --cacert {CA} {TLSURL}/json
## stdout-json: "407 000"
## exit_code: 56

#### a plain request the proxy refuses is just its 407 answer
## transports: direct
## args: -s -w %{http_code} -x {AUTHPROXY} {URL}/json
## stdout-json: "407"

#### http_proxy from the environment
## transports: direct
## env: http_proxy={PROXY}
## args: -s {URL}/echo
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Connection","close"]],"body":""}

#### HTTP_PROXY in capitals is ignored, as in curl
## env: HTTP_PROXY=127.0.0.1:1
## args: -s {URL}/echo
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### HTTPS_PROXY from the environment
## transports: direct
## env: HTTPS_PROXY=http://{PROXY}
## args: -s -i --cacert {CA} {TLSURL}/json
## stdout-json: "HTTP/1.1 200 Connection established\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 35\r\n\r\n{\"token\":\"abc123\",\"items\":[1,2,3]}\n"

#### NO_PROXY names the hosts reached directly
## env: http_proxy=127.0.0.1:1
## env: NO_PROXY=example.com, 127.0.0.1
## args: -s {URL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### no_proxy takes CIDR ranges
## env: all_proxy=127.0.0.1:1
## env: no_proxy=10.0.0.0/8,127.0.0.0/8
## args: -s {URL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### --noproxy '*' overrides -x
## args: -s -x 127.0.0.1:1 --noproxy * {URL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### -x "" turns the environment's proxy off
## env: http_proxy=127.0.0.1:1
## args: -s -x "" {URL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### an unreachable proxy is curl's 7, naming the proxy
## args: -sS -x 127.0.0.1:1 {URL}/json
## stderr: curl: (7) Failed to connect to 127.0.0.1 port 1 after {MS} ms: Couldn't connect to server
## exit_code: 7

#### a proxy name that does not resolve is curl's 5
## args: -sS -x nosuchproxy.invalid:3128 {URL}/json
## stderr: curl: (5) Could not resolve proxy: nosuchproxy.invalid
## exit_code: 5

#### a bad proxy port is curl's 5
## args: -sS -x 127.0.0.1:99999 {URL}/json
## stderr: curl: (5) Unsupported proxy syntax in '127.0.0.1:99999'
## exit_code: 5

#### an unknown proxy scheme is curl's 7
## args: -sS -x foo://127.0.0.1:1 {URL}/json
## stderr: curl: (7) Unsupported proxy scheme for 'foo://127.0.0.1:1'
## exit_code: 7

#### --compressed through a proxy (AsyncHTTPClient's CONNECT tunnel)
## args: -s --compressed -x {PROXY} {URL}/gzip
## stdout: {"compressed":true}
## differential: no

#### a SOCKS proxy is refused with the reason
## args: -sS -x socks5://127.0.0.1:1 {URL}/json
## stderr: curl: (7) Unsupported proxy scheme for 'socks5://127.0.0.1:1' (lp-shell's curl speaks to http:// proxies only)
## exit_code: 7
## differential: no

#### -X POST alone over https sends no Content-Length either, even with -i (the direct transport carries it)
## args: -s -i -X POST --cacert {CA} -o /dev/null -w "%{http_code}" {TLSURL}/echo
## stdout-json: "200"
## transports: direct

#### -d '' still sends Content-Length: 0
## args: -s -d "" {URL}/echo
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Content-Type","application/x-www-form-urlencoded"],["Content-Length","0"]],"body":""}

#### -r sends a byte range
## args: -s -r 0-4 {URL}/echo
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["Range","bytes=0-4"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### -r without a dash gets one, with curl's warning (an -s after it does not mute it)
## args: -r 5 -s -o /dev/null {URL}/echo
## STDERR:
Warning: A specified range MUST include at least one dash (-). Appending one 
Warning: for you!
## END

#### --oauth2-bearer wins over -u, in curl's place
## args: -s -u a:b --oauth2-bearer tok123 -r 1-2 {URL}/echo
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["Authorization","Bearer tok123"],["Range","bytes=1-2"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### -F sends multipart/form-data: a field, a file, a file's contents with a type
## file: up.txt=hi\n
## args: -s -F a=1 -F f=@up.txt -F "g=<up.txt;type=text/x" {URL}/echo
## stdout: {"method":"POST","path":"/echo","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"],["Content-Type","multipart/form-data; boundary={BOUNDARY}"],["Content-Length","390"]],"body":"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"f\"; filename=\"up.txt\"\r\nContent-Type: text/plain\r\n\r\nhi\n\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"g\"\r\nContent-Type: text/x\r\n\r\nhi\n\r\n--{BOUNDARY}--\r\n"}

#### -F with a file that cannot be read is 26
## args: -sS -F f=@missing.bin {URL}/echo
## stderr: curl: (26) Failed to open/read local data from file/application
## exit_code: 26

#### -F without = is badly used
## args: -s -F novalue {URL}/echo
## STDERR:
curl: option -F: is badly used here
curl: try 'curl --help' or 'curl --manual' for more information
## END
## exit_code: 2

#### -F with -d, -s first: exit 2 and nothing said
## args: -s -F a=1 -d b {URL}/echo
## stderr-json: ""
## exit_code: 2

#### -F with -d is curl's warning and exit 2
## args: -F a=1 -d b {URL}/echo
## STDERR:
Warning: You can only select one HTTP request method! You asked for both POST 
Warning: (-d, --data) and multipart formpost (-F, --form).
## END
## exit_code: 2

#### -D - writes the headers before the body
## args: -s -D - {URL}/json
## stdout-json: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 35\r\n\r\n{\"token\":\"abc123\",\"items\":[1,2,3]}\n"

#### -D - with -L writes every hop's headers
## args: -s -L -D - -o /dev/null "{URL}/redirect-to?url=/json"
## stdout-json: "HTTP/1.1 302 Found\r\nLocation: /json\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 35\r\n\r\n"

#### --retry tries a 503 again, printing each body (curl 7.88.1's warning)
## args: --no-progress-meter --retry 1 --retry-delay 1 {URL}/status/503
## stdout-json: "status 503\nstatus 503\n"
## stderr: Warning: Problem : HTTP error. Will retry in 1 seconds. 1 retries left.

#### --retry throws away what a failed try wrote to -o
## args: --no-progress-meter --retry 1 --retry-delay 1 -o out.txt {URL}/status/500
## STDERR:
Warning: Problem : HTTP error. Will retry in 1 seconds. 1 retries left.
Throwing away 11 bytes
## END
## FILE: out.txt
status 500
## END

#### --retry with -f shows each failure and ends with 22
## args: --no-progress-meter -f --retry 1 --retry-delay 1 {URL}/status/500
## STDERR:
curl: (22) The requested URL returned error: 500
Warning: Problem : HTTP error. Will retry in 1 seconds. 1 retries left.
curl: (22) The requested URL returned error: 500
## END
## exit_code: 22

#### --retry does not retry a 404 or a refused connection
## args: -sS --retry 2 http://127.0.0.1:1/
## stderr: curl: (7) Failed to connect to 127.0.0.1 port 1 after {MS} ms: Couldn't connect to server
## exit_code: 7

#### --retry-all-errors retries a refused connection
## args: --no-progress-meter --retry 1 --retry-all-errors --retry-delay 1 http://127.0.0.1:1/
## STDERR:
curl: (7) Failed to connect to 127.0.0.1 port 1 after {MS} ms: Couldn't connect to server
Warning: Problem (retrying all errors). Will retry in 1 seconds. 1 retries 
Warning: left.
curl: (7) Failed to connect to 127.0.0.1 port 1 after {MS} ms: Couldn't connect to server
## END
## exit_code: 7

#### -s mutes the retry warnings
## args: -s --retry 1 --retry-delay 1 {URL}/status/503
## stdout-json: "status 503\nstatus 503\n"
## stderr-json: ""

#### --no-progress-meter keeps the error message
## args: --no-progress-meter http://127.0.0.1:1/
## stderr: curl: (7) Failed to connect to 127.0.0.1 port 1 after {MS} ms: Couldn't connect to server
## exit_code: 7

#### -# draws curl's bar
## args: -# -o /dev/null {URL}/json
## stderr-json: "\r######################################################################## 100.0%\n"

#### --create-dirs makes -o's directories
## args: -s --create-dirs -o a/b/out.json {URL}/json
## FILE: a/b/out.json
{"token":"abc123","items":[1,2,3]}
## END

#### --resolve sends a name to the address given
## args: -s --resolve lp.example:{PORT}:127.0.0.1 http://lp.example:{PORT}/echo
## stdout: {"method":"GET","path":"/echo","query":"","headers":[["Host","lp.example:{PORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}
## transports: direct

#### -4 connects over IPv4
## args: -s -4 http://localhost:{PORT}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### --http1.1 over https shows HTTP/1.1
## args: -s -i --http1.1 --cacert {CA} {TLSURL}/json
## stdout-json: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 35\r\n\r\n{\"token\":\"abc123\",\"items\":[1,2,3]}\n"

#### --http2 over https uses what the server offers (HTTP/1.1 here)
## args: -s --http2 --tlsv1.2 --cacert {CA} -o /dev/null -w "%{http_version}" {TLSURL}/json
## stdout-json: "1.1"

#### --cert and --key are presented when the server asks (this one does not; they must load)
## args: -s --cert {SERVERCERT} --key {SERVERKEY} --cacert {CA} {TLSURL}/json
## stdout: {"token":"abc123","items":[1,2,3]}

#### --cert naming a missing file is 58
## args: -sS --cert nothere.pem --cacert {CA} {TLSURL}/json
## stderr: curl: (58) could not load PEM client certificate from nothere.pem, OpenSSL error error:80000002:system library::No such file or directory, (no key found, wrong pass phrase, or wrong file format?)
## exit_code: 58

#### --cert without a key in it or --key is 58
## args: -sS --cert {SERVERCERT} --cacert {CA} {TLSURL}/json
## stderr: curl: (58) unable to set private key file: '{SERVERCERT}' type PEM
## exit_code: 58

#### --url-query adds encoded parts (lower-case escapes, as 7.88.1)
## args: -s --url-query "a=b c" --url-query "+x%2Fy" --url-query "=/:" "{URL}/echo?z=1"
## stdout: {"method":"GET","path":"/echo","query":"z=1&a=b+c&x%2fy&%2f%3a","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### dot segments are squashed unless --path-as-is
## args: -s {URL}/echo/a/../x/./y
## stdout: {"method":"GET","path":"/echo/x/y","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### --path-as-is sends the path as typed
## args: -s --path-as-is {URL}/echo/a/../x/./y
## stdout: {"method":"GET","path":"/echo/a/../x/./y","query":"","headers":[["Host","{HOSTPORT}"],["User-Agent","curl/7.88.1"],["Accept","*/*"]],"body":""}

#### --stderr FILE takes curl's messages
## args: --stderr err.txt -r 5 -s -o /dev/null {URL}/json
## stderr-json: ""
## FILE: err.txt
Warning: A specified range MUST include at least one dash (-). Appending one 
Warning: for you!
## END

#### an option of curl's that is not built in says so and how to run the system's curl
## args: --parallel {URL}/json
## stderr: curl: option --parallel: is not built into lp-shell's curl; run the system's curl: /usr/bin/curl --parallel {URL}/json
## exit_code: 2
## differential: no
