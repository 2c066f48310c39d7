# Exit statuses: 0/1 from true/false, 127 command not found, 126 not executable, exit N, the status of the
# whole -c script (its last command).

#### true and false
true
echo $?
false
echo $?
## STDOUT:
0
1
## END

#### script status is the last command
echo a
false
## stdout: a
## status: 1

#### command not found is 127
no-such-command-xyz
## status: 127
## stderr-contains: command not found

#### command not found status in $?
no-such-command-xyz
echo $?
## stdout: 127
## stderr-contains: no-such-command-xyz

#### script continues after command not found
no-such-command-xyz 2>/dev/null
echo next
## stdout: next

#### missing path is 127
./missing-script
echo $?
## stdout: 127

#### file without execute permission is 126
printf '#!/bin/sh\necho hi\n' > s
chmod -x s
./s
echo $?
## stdout: 126

#### executable script runs
printf '#!/bin/sh\necho "hi $1"\n' > s
chmod +x s
./s there
## stdout: hi there

#### directory is not executable
mkdir d
./d
echo $?
## stdout: 126

#### exit with a status
exit 3
## status: 3

#### exit stops the script
echo a
exit 0
echo b
## stdout: a

#### exit without a number uses the last status
false
exit
## status: 1

#### status of an external command
sh -c 'exit 5'
echo $?
## stdout: 5

#### exit status is taken modulo 256
sh -c 'exit 300'
echo $?
## stdout: 44

#### status of a failing external
ls /nonexistent-dir 2>/dev/null
## status: 2

#### usage error of a builtin is 2
cd -z
## status: 2

#### an empty command name is not found
""
echo "status $?"
## stdout: status 127

#### a directory in PATH with the command's name is skipped
mkdir -p d/tool
PATH="$PWD/d:$PATH" tool
echo "status $?"
## stdout: status 127

#### a script without a #! line is run by the shell
printf 'echo run by the shell: $1\n' > script
chmod +x script
./script arg
echo status=$?
## STDOUT:
run by the shell: arg
status=0
## END
## tags: status

#### hash remembers where a program was found until hash -r
mkdir one two
printf 'echo two\n' > two/cmd
chmod +x two/cmd
PATH="$PWD/one:$PWD/two:$PATH"
cmd
printf 'echo one\n' > one/cmd
chmod +x one/cmd
cmd
hash -r
cmd
hash cmd && echo hashed
hash no-such-command 2>/dev/null || echo not-found
## STDOUT:
two
two
one
hashed
not-found
## END
## tags: status

#### PATH=dir cmd looks in dir
mkdir bin
printf 'echo from bin\n' > bin/hello
chmod +x bin/hello
PATH="$PWD/bin:$PATH" hello
## stdout: from bin
## tags: status
