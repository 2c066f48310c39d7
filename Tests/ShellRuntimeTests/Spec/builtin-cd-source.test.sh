# cd, pwd, and . / source on files the case creates. The case starts in HOME (a fresh empty directory).

#### cd and pwd
cd /tmp && pwd
## stdout: /tmp

#### cd to an absolute directory
cd /usr/bin
pwd
## stdout: /usr/bin

#### pwd starts in HOME
test "$(pwd)" = "$HOME" && echo home
## stdout: home

#### cd into a new subdirectory
mkdir d
cd d
pwd | sed "s|^$HOME|HOME|"
## stdout: HOME/d

#### cd without an argument goes HOME
cd /
cd
test "$(pwd)" = "$HOME" && echo home
## stdout: home

#### cd dot-dot
cd /usr/bin
cd ..
pwd
## stdout: /usr

#### cd updates PWD
cd /tmp
echo $PWD
## stdout: /tmp

#### cd dash goes back and prints the directory
cd /tmp
cd /
cd -
pwd
## STDOUT:
/tmp
/tmp
## END

#### cd to a missing directory fails
cd missing-dir
echo $?
pwd | sed "s|^$HOME|HOME|"
## STDOUT:
1
HOME
## END
## OK dash STDOUT:
2
HOME
## END
## stderr-contains: missing-dir

#### cd to a file fails
touch f
cd f
echo $?
## stdout: 1
## OK dash stdout: 2

#### relative paths follow cd
mkdir d
cd d
echo x > f
cd ..
cat d/f
## stdout: x

#### cd is seen by commands
cd /tmp
sh -c pwd
## stdout: /tmp

#### dot runs a file in the current shell
echo 'X=from-file' > f.sh
. ./f.sh
echo $X
## stdout: from-file

#### source runs a file in the current shell
echo 'X=from-source' > f.sh
source ./f.sh
echo $X
## stdout: from-source
## N-I dash STDOUT:

## END

#### sourced file sees the shell's variables
echo 'Y="$X-sourced"' > f.sh
X=a
. ./f.sh
echo $Y
## stdout: a-sourced

#### sourced file with several commands and a pipe
cat > f.sh <<'EOF'
A=one
B=$(echo two | tr a-z A-Z)
echo loaded
EOF
. ./f.sh
echo $A $B
## STDOUT:
loaded
one TWO
## END

#### sourced export reaches commands
printf 'export LP_ACCOUNT=123\n' > lp.env
. ./lp.env
sh -c 'echo $LP_ACCOUNT'
## stdout: 123

#### status of dot is the file's last command
printf 'true\nfalse\n' > f.sh
. ./f.sh
echo $?
## stdout: 1

#### dot of a missing file stops the script
. ./missing.sh
echo not-reached
## status: 1
## OK dash status: 2
