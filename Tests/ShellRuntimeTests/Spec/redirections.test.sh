# Redirections: > >> < 2> 2>&1 >&2 2>/dev/null, their order, and failures to open.

#### output to a file
echo hi > f
cat f
## stdout: hi

#### output truncates
echo one > f
echo two > f
cat f
## stdout: two

#### append
echo one > f
echo two >> f
cat f
## STDOUT:
one
two
## END

#### input from a file
echo data > f
tr a-z A-Z < f
## stdout: DATA

#### no space before the file name
echo x >f
cat <f
## stdout: x

#### redirection before the command name
>f echo hi
cat f
## stdout: hi

#### redirection between arguments
echo a >f b
cat f
## stdout: a b

#### file name from a variable
F=out.txt
echo x > $F
cat out.txt
## stdout: x

#### quoted file name with a space
echo x > "my file"
cat 'my file'
## stdout: x

#### stderr to a file
ls /nonexistent-dir 2> err
test -s err && echo has-error
## stdout: has-error

#### stderr to dev null
ls /nonexistent-dir 2>/dev/null
echo $?
## stdout: 2

#### stderr append
ls /nonexistent-dir 2> err
ls /nonexistent-dir 2>> err
grep -c nonexistent-dir err
## stdout: 2

#### both streams to a file
ls /nonexistent-dir > out 2>&1
grep -c nonexistent-dir out
## stdout: 1

#### order matters for 2>&1
ls /nonexistent-dir 2>&1 >out | grep -c nonexistent-dir
test -s out || echo out-is-empty
## STDOUT:
1
out-is-empty
## END

#### stdout to stderr
echo visible
echo hidden >&2
## stdout: visible

#### stdout to stderr after stderr went to a file
echo to-file 2>e >&2
cat e
## stdout: to-file

#### output to dev null
echo x >/dev/null

#### a command with no output creates an empty file
true > f
test -f f && ! test -s f && echo empty-file
## stdout: empty-file

#### input redirect feeding a pipeline
printf 'b\na\n' > f
sort < f | head -n 1
## stdout: a

#### missing input file fails the command
cat < nofile
echo $?
## stdout: 1
## OK dash stdout: 2

#### missing input file does not run the command
echo ran < nofile
## status: 1
## OK dash status: 2

#### output to a directory fails
echo x > /
echo $?
## stdout: 1
## OK dash stdout: 2

#### redirect a builtin's stderr
cd /nonexistent-dir 2>/dev/null
echo $?
## stdout: 1
## OK dash stdout: 2

#### appending creates the file
echo new >> f
cat f
## stdout: new
