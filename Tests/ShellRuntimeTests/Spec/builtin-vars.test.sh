# set (positional parameters, -e, -u, -o pipefail) and env.

#### set -- replaces the positional parameters
set -- a b
echo $# $1 $2
set -- c
echo $# $1
## STDOUT:
2 a b
1 c
## END

#### set -- with nothing clears them
set -- a b
set --
echo $#
## stdout: 0

#### set -- appends with quoted dollar-at
set -- "a b"
set -- "$@" c
printf '[%s]\n' "$@"
## STDOUT:
[a b]
[c]
## END

#### set -e stops at a failing command
set -e
echo before
false
echo not-reached
## stdout: before
## status: 1

#### set -e ignores a failure on the left of or-or
set -e
false || true
echo reached
## stdout: reached

#### set -e ignores a failure on the left of and-and
set -e
false && true
echo reached
## stdout: reached

#### set -e ignores a tested failure that ends a brace group or an if
set -e
{ test no = yes && echo hi; }
echo "group $?"
if true; then false && true; fi
echo "if $?"
## STDOUT:
group 1
if 1
## END

#### set -e still stops after a subshell, a function or a redirection that fails
set -e
f() { false && true; }
( f ) || echo "subshell $?"
{ echo x; } < missing-file 2>/dev/null || echo "redirect $?"
{ echo x; } < missing-file 2>/dev/null
echo not-reached
## status: 1
## STDOUT:
subshell 1
redirect 1
## END
## OK dash status: 2
## OK dash STDOUT:
subshell 1
redirect 2
## END

#### set -e ignores a negated command
set -e
! true
echo reached
## stdout: reached

#### set -e uses the status of the last pipeline stage
set -e
false | true
echo reached
## stdout: reached

#### set +e turns it off again
set -e
set +e
false
echo reached
## stdout: reached

#### set -e stops at command not found
set -e
no-such-command-xyz
echo not-reached
## status: 127

#### set -u stops at an unset variable
set -u
echo before
echo $NOPE
echo not-reached
## stdout: before
## status: 1
## stderr-contains: NOPE
## OK bash status: 127
## OK dash status: 2

#### set -u allows a default
set -u
echo ${NOPE:-fine}
## stdout: fine

#### set -u allows set variables
set -u
X=1
echo $X
## stdout: 1

#### set -o pipefail reports a failing stage
set -o pipefail
false | true
echo $?
true | true
echo $?
## STDOUT:
1
0
## END
## N-I dash STDOUT:
## END
## N-I dash status: 2

#### set with an invalid option is a usage error
set -Z
echo not-reached
## status: 2

#### env lists exported variables
env | grep ^LANG=
## stdout: LANG=C.UTF-8

#### env has HOME once
env | grep -c ^HOME=
## stdout: 1

#### env does not list unexported variables
A=1
env | grep -c ^A=
echo $?
## STDOUT:
0
1
## END

#### env with an assignment runs a command
env A=1 sh -c 'echo $A'
echo "[${A-unset}]"
## STDOUT:
1
[unset]
## END

#### env passes exported variables to a command
export LP_ACCOUNT=123
env sh -c 'echo $LP_ACCOUNT'
## stdout: 123

#### command skips a function of the same name
echo() { printf 'function\n'; }
command echo builtin
## stdout: builtin

#### command -v prints a builtin's name and a program's path
command -v echo
command -v sh >/dev/null && echo found
command -v no-such-command-here
echo status=$?
## STDOUT:
echo
found
status=1
## END
## OK dash STDOUT:
echo
found
status=127
## END

#### read gives the last variable the rest of the line as written
printf '  a  b   c  d  \n' | { read x y; echo "[$x] [$y]"; }
## stdout: [a] [b   c  d]

#### read with a custom IFS keeps empty fields
printf 'a::c\n' | { IFS=: read x y z; echo "[$x] [$y] [$z]"; }
## stdout: [a] [] [c]

#### read returns 1 on a last line without newline, but sets the variable
printf 'last' | { read x; echo "status=$? x=$x"; }
## stdout: status=1 x=last

#### read without -r: a backslash keeps a separator in the field
printf 'a\\ b c\n' | { read x y; echo "[$x] [$y]"; }
## stdout: [a b] [c]

#### $_ is the last word of the previous command
: first 'two words'
echo "$_"
echo hi && echo "last=$_"
for x in 1 2; do echo "prev=$_"; done
## STDOUT:
two words
hi
last=hi
prev=last=hi
prev=prev=last=hi
## END
## N-I dash STDOUT:

hi
last=
prev=
prev=
## END
