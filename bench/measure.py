"""Runs one command and prints, after whatever it printed, its wall-clock time from start to exit and its own
peak resident memory, exactly that process's (wait4), whatever program it is.
Usage: python3 measure.py PROGRAM [ARG...]; exits with the command's exit code."""
import os
import sys
import time

start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
sys.stdout.flush()
print("seconds", seconds)
print("peak_kib", usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
