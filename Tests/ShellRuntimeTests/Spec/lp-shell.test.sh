# lp-shell's deliberate differences from POSIX shells (compare-shells skips `## lp-shell-only:` cases for
# bash and dash). A line that starts with a pasted prompt, "> " or "$ ", runs without it and stderr gets a
# one-line note containing "pasted prompt" (these cases run with -c; the REPL and standard input do the same; a
# script file does not: there `> file` is a redirection, see EndToEndTests' InvocationTests). Text inside here-documents and quoted strings is never touched
# (those cases are ordinary and checked against bash and dash).

#### greater-than prompt is dropped
> echo hi
## stdout: hi
## stderr-contains: pasted prompt
## lp-shell-only: bash redirects to a file named echo and runs hi

#### dollar prompt is dropped
$ echo hi
## stdout: hi
## stderr-contains: pasted prompt
## lp-shell-only: bash runs a command named $

#### the tutorial's echo of the token
LP_JWT=abc.def.ghi
> echo $LP_JWT
## stdout: abc.def.ghi
## stderr-contains: pasted prompt
## lp-shell-only: bash creates a file named echo and runs the token as a command

#### the authentication tutorial's echo
LP_AUTH_JWT=tok
> echo $LP_AUTH_JWT
## stdout: tok
## stderr-contains: pasted prompt
## lp-shell-only: bash creates a file named echo and runs the token as a command

#### pasted prompt does not create a file
> echo hi
test -e echo || echo no-file
## STDOUT:
hi
no-file
## END
## lp-shell-only: bash creates a file named echo

#### pasted prompt before an unset LP variable
> echo $LP_JWT
## STDOUT:

## END
## stderr-contains: LP_JWT is not set
## lp-shell-only: bash truncates a file named echo and prints nothing

#### pasted prompt before an assignment
$ LP_ACCOUNT=123
echo $LP_ACCOUNT
## stdout: 123
## stderr-contains: pasted prompt
## lp-shell-only: bash runs a command named $

#### pasted prompt before a backticked assignment
$ LP_JWT=`echo '{"jwt":"j1"}' | jq -r .jwt`
echo $LP_JWT
## stdout: j1
## lp-shell-only: bash runs a command named $

#### pasted prompt before a pipeline
> echo abc | tr a-z A-Z
## stdout: ABC
## lp-shell-only: bash sends echo's output to a file

#### pasted prompt before an and-list
$ echo one && echo two
## STDOUT:
one
two
## END
## lp-shell-only: bash runs a command named $

#### pasted prompt on the first of several lines
> echo first
echo second
## STDOUT:
first
second
## END
## lp-shell-only: bash sends first to a file named echo

#### pasted prompt on a later line
echo first
$ echo second
## STDOUT:
first
second
## END
## lp-shell-only: bash runs a command named $

#### pasted prompt followed by extra spaces
>   echo spaced
## stdout: spaced
## lp-shell-only: bash redirects to a file named echo

#### pasted prompt before a continued line
> echo a \
  b
## stdout: a b
## lp-shell-only: bash redirects to a file named echo

#### dollar inside the command after a pasted prompt
$ printf '[%s]\n' '$ x' "> y"
## STDOUT:
[$ x]
[> y]
## END
## lp-shell-only: bash runs a command named $

#### prompt-like lines inside a here-document are kept
cat <<EOF
> quoted line
$ dollar line
EOF
## STDOUT:
> quoted line
$ dollar line
## END

#### prompt-like line inside a double-quoted string is kept
echo "a
> b"
## STDOUT:
a
> b
## END

#### prompt-like line inside a single-quoted string is kept
printf '%s\n' 'a
$ b'
## STDOUT:
a
$ b
## END

#### pasted prompt before cd
$ cd /tmp
pwd
## stdout: /tmp
## lp-shell-only: bash runs a command named $ and stays in HOME

#### pasted prompt before export
> export LP_ACCOUNT=1
sh -c 'echo $LP_ACCOUNT'
## stdout: 1
## lp-shell-only: bash exports nothing (the line is a redirection to a file named export)

#### a redirection without a space is not a prompt
>out echo hi
cat out
## stdout: hi

#### equals with a space before an existing command also warns
LP_X= echo ran
## stdout: ran
## stderr-contains: LP_X was set empty

#### unknown command message
no-such-command-xyz arg
## status: 127
## stderr-contains: no-such-command-xyz: command not found
