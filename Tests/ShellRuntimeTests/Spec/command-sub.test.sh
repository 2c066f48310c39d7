# Command substitution: $(...) and backticks, nested both ways, trailing newlines stripped, \` escapes
# inside backticks, splitting of unquoted results.

#### dollar-paren substitution
echo $(echo hi)
## stdout: hi

#### backtick substitution
echo `echo hi`
## stdout: hi

#### trailing newlines are stripped
X=$(printf 'a\n\n\n')
printf '[%s]\n' "$X"
## stdout: [a]

#### inner newlines are kept when quoted
X=$(printf 'a\nb\n')
printf '[%s]\n' "$X"
## STDOUT:
[a
b]
## END

#### nested dollar-paren
echo $(echo $(echo deep))
## stdout: deep

#### backticks inside dollar-paren
echo $(echo `echo mixed`)
## stdout: mixed

#### dollar-paren inside backticks
echo `echo $(echo inner)`
## stdout: inner

#### nested backticks with escaped backticks
echo `echo \`echo nested\``
## stdout: nested

#### escaped dollar and backslash inside backticks
X=v
echo `echo \$X \\\\`
## stdout: v \

#### quoted substitution keeps spaces
printf '[%s]\n' "$(echo 'a   b')"
## stdout: [a   b]

#### unquoted substitution is split
printf '[%s]\n' $(echo a b) `echo c   d`
## STDOUT:
[a]
[b]
[c]
[d]
## END

#### empty unquoted substitution is no word
printf '[%s]\n' a $(true) b
## STDOUT:
[a]
[b]
## END

#### double quotes inside a quoted dollar-paren
echo "$(echo "inner quoted")"
## stdout: inner quoted

#### escaped double quotes inside a quoted backtick
echo "`echo \"x y\"`"
## stdout: x y

#### pipeline inside backticks
X=`echo '{"jwt":"abc"}' | cut -d'"' -f4`
echo $X
## stdout: abc

#### assignment inside a substitution does not leak
X=1
Y=$(X=2; echo $X)
echo $X $Y
## STDOUT:
1 2
## END

#### status of an assignment is the substitution's status
X=$(false)
echo $?
X=$(true)
echo $?
## STDOUT:
1
0
## END

#### exit inside a substitution does not end the shell
X=$(echo out; exit 3)
echo $? $X
## stdout: 3 out

#### substitution reads the current directory
touch only-file
echo $(ls)
## stdout: only-file

#### substitution inside a word
echo pre$(echo mid)post
## stdout: premidpost
