#!/usr/bin/env python3
"""Times two commands in alternation (A, B, A, B, ...) so that a machine whose load drifts affects both alike, and
prints three numbers in ms: the median of A, the median of B, and the median of the paired differences B - A.
A command that fails stops the benchmark with its output.

    usage: paired.py RUNS WARMUP 'COMMAND A' 'COMMAND B' ['PREPARE B']     (commands split like a shell would)
"""
import os
import shlex
import statistics
import subprocess
import sys
import time

runs, warmup = int(sys.argv[1]), int(sys.argv[2])
a, b = shlex.split(sys.argv[3]), shlex.split(sys.argv[4])
prepare_b = sys.argv[5] if len(sys.argv) > 5 else None


def timed(command):
    start = time.perf_counter_ns()
    done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = (time.perf_counter_ns() - start) / 1e6
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {shlex.join(command)}\n{done.stderr.decode(errors='replace')}")
    return took


def b_run():
    if prepare_b:
        subprocess.run(prepare_b, shell=True, check=True)
    return timed(b)


for _ in range(warmup):
    timed(a)
    b_run()
times_a, times_b = [], []
for i in range(runs):
    # ABBA order, so that neither command always runs right after the other
    if i % 2 == 0:
        times_a.append(timed(a))
        times_b.append(b_run())
    else:
        times_b.append(b_run())
        times_a.append(timed(a))
differences = [y - x for x, y in zip(times_a, times_b)]
if os.environ.get("PAIRED_RAW"):  # every run, for a closer look
    print("A " + " ".join(f"{t:.0f}" for t in times_a) + "\nB " + " ".join(f"{t:.0f}" for t in times_b), file=sys.stderr)
print(f"{statistics.median(times_a):.1f} {statistics.median(times_b):.1f} {statistics.median(differences):+.1f}")
