# Quoting: single quotes, double quotes and their backslash escapes, unquoted backslashes, and the
# '"'$VAR'"' splicing the LivePerson tutorials use (adjacent quoted and unquoted parts form one word).
# printf is used instead of echo so that dash's escape-interpreting echo does not get in the way.

#### single quotes keep everything literal
printf '%s\n' 'a $HOME `x` \n "q"'
## stdout: a $HOME `x` \n "q"

#### single quotes keep runs of spaces
printf '[%s]\n' 'a   b'
## stdout: [a   b]

#### double quotes expand a variable
X=world
printf '%s\n' "hello $X"
## stdout: hello world

#### double quotes with escaped double quote
printf '%s\n' "say \"hi\""
## stdout: say "hi"

#### double quotes with escaped backslash
printf '%s\n' "a\\b"
## stdout: a\b

#### double quotes with escaped dollar
X=1
printf '%s\n' "cost \$X"
## stdout: cost $X

#### double quotes with escaped backtick
printf '%s\n' "tick \` tock"
## stdout: tick ` tock

#### double quotes keep other backslashes
printf '%s\n' "a\nb\qc\'d"
## stdout: a\nb\qc\'d

#### double quotes backslash-newline is removed
printf '%s\n' "ab\
cd"
## stdout: abcd

#### single quote inside double quotes
X=1
printf '%s\n' "it's '$X'"
## stdout: it's '1'

#### double quote inside single quotes
printf '%s\n' 'say "x" $X'
## stdout: say "x" $X

#### adjacent quoted parts form one word
X=tok
printf '[%s]\n' 'a'"b"$X'c'd
## stdout: [abtokcd]

#### splicing a variable into single-quoted JSON
X=tok
printf '%s\n' '{"id_token" : "'$X'"}'
## stdout: {"id_token" : "tok"}

#### splicing an unquoted value with a space splits the word
X='a b'
printf '[%s]\n' '{"id":"'$X'"}'
## STDOUT:
[{"id":"a]
[b"}]
## END

#### splicing with double quotes keeps the space
X='a b'
printf '[%s]\n' '{"id":"'"$X"'"}'
## stdout: [{"id":"a b"}]

#### double quotes keep a value's spaces
X='a   b'
printf '[%s]\n' "$X"
## stdout: [a   b]

#### empty quotes are empty arguments
printf '[%s]\n' '' ""
## STDOUT:
[]
[]
## END

#### unquoted backslash quotes the next character
printf '%s\n' a\ b \$X \'q\' \\
## STDOUT:
a b
$X
'q'
\
## END

#### single quotes spanning lines
printf '%s\n' 'line1
line2'
## STDOUT:
line1
line2
## END

#### double quotes spanning lines
X=v
printf '%s\n' "one $X
two"
## STDOUT:
one v
two
## END

#### quoted operators are plain words
printf '%s\n' '|' "&&" ';' '>' "<"
## STDOUT:
|
&&
;
>
<
## END

#### dollar sign without a name is literal
printf '%s\n' $ a$ "$" "a$"
## STDOUT:
$
a$
$
a$
## END

#### a pattern's single quotes quote even inside double quotes
var=a
echo -"${var#'a'}"- -${var#'a'}-
## stdout: -- --

#### a backslash before a right brace in a double-quoted default
echo "${U-\}}" "${U-'x'}"
## stdout: } 'x'
