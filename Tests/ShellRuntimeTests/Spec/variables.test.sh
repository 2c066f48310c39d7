# Parameter expansion: $VAR, ${VAR}, the ${VAR...} operators, and the special parameters $? $$ $0 $1 $# $@ $*.

#### simple variable
X=abc
echo $X
## stdout: abc

#### braces separate the name from following text
X=abc
echo ${X}def $Xdef.
## stdout: abcdef .

#### name ends at characters that cannot be in a name
A=a
echo $A-b $A.b $A/b $A:b
## stdout: a-b a.b a/b a:b

#### underscores and digits in names
X_1=one
_y=two
echo $X_1 $_y
## stdout: one two

#### unset variable expands to nothing
printf '[%s]\n' "$NOPE"
## stdout: []

#### colon-dash default for unset, empty and set
E=
S=set
echo ${U:-d1} ${E:-d2} ${S:-d3}
## stdout: d1 d2 set

#### dash default only for unset
E=
printf '[%s]\n' "${U-d1}" "${E-d2}"
## STDOUT:
[d1]
[]
## END

#### default value with spaces and a variable
Y=y
printf '[%s]\n' "${U:-a b}" ${U:-$Y}
## STDOUT:
[a b]
[y]
## END

#### empty default
printf '[%s]\n' "${U:-}"
## stdout: []

#### colon-equals assigns the default
echo ${X:=first}
echo $X
echo ${X:=second}
## STDOUT:
first
first
first
## END

#### colon-plus alternative value
S=1
printf '[%s]\n' "${S:+alt}" "${U:+alt}"
## STDOUT:
[alt]
[]
## END

#### length of a value
X=hello
E=
echo ${#X} ${#E} ${#U}
## stdout: 5 0 0

#### colon-question with a set variable
X=ok
echo ${X:?not used}
## stdout: ok

#### colon-question on an unset variable stops the script
echo before
echo ${X:?is required}
echo after
## stdout: before
## status: 1
## stderr-contains: is required
## OK bash status: 127
## OK dash status: 2

#### colon-question shows the word with a caret
echo before
echo "${X:?is required}" after
## stdout: before
## status: 1
## stderr-contains: line 2: X: is required
## stderr-contains:   echo "${X:?is required}" after
## stderr-contains:        ^^^^^^^^^^^^^^^^^^^
## OK bash status: 127
## OK dash status: 2

#### bad arithmetic shows the expansion with a caret
x=$((1 + * 2))
echo "status $?"
## stdout: status 1
## stderr-contains: lp-shell: 1 + * 2: syntax error: operand expected
## stderr-contains:   x=$((1 + * 2))
## stderr-contains:     ^^^^^^^^^^^^
## lp-shell-only: shells differ on whether bad arithmetic in an assignment stops the list

#### status of the last command
false
echo $?
true
echo $?
## STDOUT:
1
0
## END

#### status is read before the next command runs
false
echo $? $?
## stdout: 1 1

#### dollar-dollar is a number
test "$$" -gt 0 && echo number
## stdout: number

#### dollar-dollar is the same in a command substitution
test "$$" = "$(echo $$)" && echo same
## stdout: same

#### dollar-zero is set
test -n "$0" && echo set
## stdout: set

#### no positional parameters with -c
echo $# "[$1]"
## stdout: 0 []

#### positional parameters from set --
set -- a "b c" d
echo $# $1 $3
printf '[%s]\n' "$2"
## STDOUT:
3 a d
[b c]
## END

#### quoted dollar-at keeps each parameter
set -- a "b c" d
printf '[%s]\n' "$@"
## STDOUT:
[a]
[b c]
[d]
## END

#### unquoted dollar-at and dollar-star are split
set -- a "b c" d
printf '[%s]\n' $@
printf '<%s>\n' $*
## STDOUT:
[a]
[b]
[c]
[d]
<a>
<b>
<c>
<d>
## END

#### quoted dollar-star joins with a space
set -- a "b c" d
printf '[%s]\n' "$*"
## stdout: [a b c d]

#### quoted dollar-at with no parameters is no word
set --
printf '[%s]\n' x "$@"
## stdout: [x]

#### variable holding a URL
LP_IDP=idp.example:8443
LP_ACCOUNT=123
echo https://$LP_IDP/api/account/$LP_ACCOUNT/signup
## stdout: https://idp.example:8443/api/account/123/signup
