# What /proc says of a server process, for the small-device scripts (sourced, not run).

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }
# The stat lines of a process and of each of its threads, read at one instant by one cat: reading
# them must not delay a request that follows (the server's deferred work would progress meanwhile).
proc_stats() { cat "/proc/$1/stat" /proc/"$1"/task/*/stat 2>/dev/null || true; }
# CPU milliseconds (user + system) summed over the stat lines on standard input. A thread's name
# may hold spaces, so fields count from its ") ".
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); t += $12 + $13} END {print int(t * 1000 / hz)}'; }
