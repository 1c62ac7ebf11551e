#!/usr/bin/env python3
"""Top frames of a dotnet-trace speedscope file, by inclusive and exclusive time, summed over threads.

    dotnet-trace collect --format speedscope -o trace -- <command>   (or: dotnet-trace convert --format speedscope)
    python3 bench/tools/speedscope_top.py trace.speedscope.json [--filter RoleGraph] [--top 30]
"""
import json, sys, collections, argparse

parser = argparse.ArgumentParser()
parser.add_argument("file")
parser.add_argument("--filter", default="", help="only frames whose name contains this")
parser.add_argument("--top", type=int, default=30)
parser.add_argument("--thread", default="", help="only threads whose name contains this")
args = parser.parse_args()

data = json.load(open(args.file))
frames = [f["name"] for f in data["shared"]["frames"]]
inclusive = collections.Counter()
exclusive = collections.Counter()
total = 0.0
for profile in data["profiles"]:
    if args.thread and args.thread not in profile.get("name", ""):
        continue
    stack = []  # (frame, opened_at)
    last = None
    open_count = collections.Counter()
    for event in profile["events"]:
        at = event["at"]
        if stack and last is not None:
            exclusive[stack[-1][0]] += at - last
        last = at
        if event["type"] == "O":
            stack.append((event["frame"], at))
            open_count[event["frame"]] += 1
        else:
            frame, opened = stack.pop()
            open_count[frame] -= 1
            if open_count[frame] == 0:  # count recursion once
                inclusive[frame] += at - opened
    total += profile["endValue"] - profile["startValue"]

def show(title, counter):
    print(f"== {title} (ms; all threads' total {total:,.0f} ms)")
    shown = 0
    for frame, ms in counter.most_common():
        name = frames[frame]
        if args.filter and args.filter not in name:
            continue
        print(f"{ms:10,.1f}  {name[:160]}")
        shown += 1
        if shown >= args.top:
            break

show("inclusive", inclusive)
show("exclusive", exclusive)
