# Here-documents: <<EOF (expanded), <<'EOF' and <<"EOF" (literal), <<-EOF (leading TABs stripped; this file
# contains literal TAB characters in those cases).

#### heredoc with expansion
X=1
cat <<EOF
value $X
${X}x
EOF
## STDOUT:
value 1
1x
## END

#### quoted delimiter keeps text literal
X=1
cat <<'EOF'
value $X `echo no` \n
EOF
## stdout: value $X `echo no` \n

#### double-quoted delimiter keeps text literal
X=1
cat <<"EOF"
value $X
EOF
## stdout: value $X

#### dash delimiter strips leading tabs
cat <<-EOF
	indented
		twice
not
	EOF
## STDOUT:
indented
twice
not
## END

#### heredoc with command substitution
cat <<EOF
got $(echo sub) and `echo tick`
EOF
## stdout: got sub and tick

#### backslash escapes in an expanded heredoc
X=1
cat <<EOF
\$X is $X, a\\b, keep \n and "quotes" 'too'
EOF
## stdout: $X is 1, a\b, keep \n and "quotes" 'too'

#### heredoc into a pipeline
cat <<EOF | tr a-z A-Z
shout
EOF
## stdout: SHOUT

#### heredoc written to a file
cat > f <<EOF
line
EOF
cat f
## stdout: line

#### commands after the heredoc run
cat <<EOF
body
EOF
echo after
## STDOUT:
body
after
## END

#### JSON body with a spliced token
T=abc
cat <<EOF
{"id_token":"$T"}
EOF
## stdout: {"id_token":"abc"}

#### empty heredoc
cat <<EOF
EOF
echo done
## stdout: done

#### heredoc does not split or glob
touch a b
X='x   y'
cat <<EOF
$X *
EOF
## stdout: x   y *

#### the body starts after the line's last quoted word, not at a newline inside it
cat <<EOF - "a
b" 2>/dev/null
body
EOF
echo "status $?"
## STDOUT:
body
status 1
## END

#### a line continuation after the operator moves the body down a line
cat <<EOF \
-
body
EOF
## stdout: body

#### a here-document delimiter is not expanded
cat <<${a}
here
${a}
## stdout: here

#### a here-document inside $( ) inside an indented here-document
cat <<- EOF
	outside
	$(cat <<- INSIDE
		inside
INSIDE
)
EOF
## STDOUT:
outside
inside
## END
