# set (tagged set): -a, -C, -v, `set -` and `set -o`.

#### set -a exports what is assigned, set +a stops
set -a
A=1
set +a
B=2
sh -c 'echo ${A-unset} ${B-unset}'
## stdout: 1 unset
## tags: set

#### set - sets the arguments and turns off xtrace
set -x
set - a b
echo "$@"
case $- in *x*) echo still-tracing ;; esac
## stdout: a b
## tags: set

#### set -C refuses to overwrite a file, >| overwrites
echo one > f
set -C
echo two > f 2>/dev/null || echo refused
echo three >| f
echo four > /dev/null && echo device-ok
cat f
## STDOUT:
refused
device-ok
three
## END
## tags: set

#### set -o lists the options
set -o | grep -c 'allexport\|noclobber\|verbose'
## stdout: 3
## tags: set

#### $- shows a, C and v
set -aC
case $- in *a*C*|*C*a*) echo yes ;; esac
## stdout: yes
## tags: set
