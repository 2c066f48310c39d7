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

#### exec opens a descriptor above 2 for the commands that follow
exec 3>three.txt
echo one >&3
echo two >&3
exec 3>&-
cat three.txt
## STDOUT:
one
two
## END

#### a closed descriptor is a bad descriptor
exec 3>closed.txt
exec 3>&-
echo x >&3
echo status=$?
## stdout: status=1
## OK dash stdout: status=2

#### a redirection above 2 lasts for its command only
echo hi 4>four.txt >&4
cat four.txt
echo again >&4
echo status=$?
## STDOUT:
hi
status=1
## END
## OK dash STDOUT:
hi
status=2
## END

#### a program inherits descriptors above 2
sh -c 'echo from-child >&5' 5>five.txt
cat five.txt
## stdout: from-child

#### a heredoc on another descriptor
cat 3<<EOF <&3
on three
EOF
## stdout: on three

#### read from a descriptor opened for reading and writing
printf 'first\nsecond\n' > rw.txt
exec 8<>rw.txt
read line <&8
echo "line=$line"
read line <&8
echo "line=$line"
## STDOUT:
line=first
line=second
## END

#### a group's redirection puts the descriptor back afterwards
{ echo in-group >&6; } 6>six.txt
cat six.txt
## stdout: in-group

#### exec command runs it and ends the shell
exec echo replaced
echo not reached
## stdout: replaced

#### N>&M- moves a descriptor: N gets it, M is closed
exec 5> f.txt
echo five >&5
exec 6>&5-
echo gone >&5 2>/dev/null || echo closed
echo six >&6
exec 6>&-
cat f.txt
## STDOUT:
closed
five
six
## END
## N-I dash STDOUT:
## END
## N-I dash status: 2
