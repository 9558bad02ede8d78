#!/usr/bin/env python3
"""Differential conformance test: runs the same cases against OpenStack Swift and Zerostore and
reports every client-visible difference (status line, header set and values, body), after
normalising what legitimately differs (see normalize.py).

    bench/conformance/conformance.py --swift http://127.0.0.1:28080 --ours http://127.0.0.1:28180
    bench/conformance/conformance.py ... --cases 'object.range.*,listing.*' --show object.range.multi
    bench/conformance/conformance.py --list

Both clusters need Swift's all-in-one TempAuth users (test:tester/testing, test2:tester2/testing2,
test:tester3/testing3, admin:admin/admin as reseller admin). Only the Python standard library is
used. Exit status: 0 when no unexplained difference remains, 1 otherwise, 2 on usage errors.
"""

import argparse
import concurrent.futures
import fnmatch
import json
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


from kit import CASES, Ctx, Target  # noqa: E402


# ---------------------------------------------------------------- comparison

class Diff:
    def __init__(self, step, label, field, swift, ours):
        self.step = step
        self.label = label
        self.field = field
        self.swift = swift
        self.ours = ours
        self.known = None  # the reason, when listed in the known-differences file


def _show(v):
    if v is None:
        return "(absent)"
    if isinstance(v, list):
        return " | ".join(repr(x) for x in v)
    return repr(v)


def body_diff(a, b):
    if a == b:
        return None
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    lo = max(0, i - 20)
    return ("%d B vs %d B, first difference at byte %d: swift %r | ours %r"
            % (len(a), len(b), i, a[lo:i + 60], b[lo:i + 60]))


def compare_records(idx, label, a, b):
    diffs = []
    if a.status != b.status or a.reason != b.reason:
        diffs.append(Diff(idx, label, "status", "%d %s" % (a.status, a.reason), "%d %s" % (b.status, b.reason)))
    ha, hb = a.header_map(), b.header_map()
    na, nb = a.names(), b.names()
    for name in sorted(set(ha) | set(hb)):
        va, vb = ha.get(name), hb.get(name)
        if va != vb:
            diffs.append(Diff(idx, label, "header:" + name, va, vb))
        elif na[name] != nb[name]:
            diffs.append(Diff(idx, label, "case:" + name, na[name], nb[name]))
    d = body_diff(a.body, b.body)
    if d:
        diffs.append(Diff(idx, label, "body", a.body[:300], d))
    return diffs


def compare_steps(sa, sb):
    diffs = []
    for i in range(max(len(sa), len(sb))):
        if i >= len(sa) or i >= len(sb):
            diffs.append(Diff(i, (sa[i] if i < len(sa) else sb[i]).label, "steps",
                              len(sa), len(sb)))
            break
        found = compare_records(i, sa[i].label, sa[i].record, sb[i].record)
        if sa[i].note:
            for d in found:
                if d.field == "body":
                    d.field = "note:" + sa[i].note
                    d.swift, d.ours = sa[i].record.body.decode("utf-8", "replace"), sb[i].record.body.decode(
                        "utf-8", "replace")
        diffs.extend(found)
    return diffs


def load_known(path):
    known = []
    if not path or not os.path.exists(path):
        return known
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            cglob, fglob, reason = line.split(None, 2)
            known.append((cglob, fglob, reason))
    return known


def mark_known(cid, diffs, known):
    for d in diffs:
        for cglob, fglob, reason in known:
            if fnmatch.fnmatchcase(cid, cglob) and fnmatch.fnmatchcase(d.field, fglob):
                d.known = reason
                break


# ---------------------------------------------------------------- running

def run_case(c, targets, run_id):
    results = {}

    def one(t):
        ctx = Ctx(t, run_id, c)
        try:
            c.fn(ctx)
            return ctx.steps, None
        except Exception:  # noqa: BLE001 - reported per case
            return ctx.steps, traceback.format_exc(limit=4)
        finally:
            ctx.close()

    with concurrent.futures.ThreadPoolExecutor(len(targets)) as pool:
        futures = {t.name: pool.submit(one, t) for t in targets}
        for name, f in futures.items():
            results[name] = f.result()
    return results


def dump_step(name, st):
    r = st.response
    print("    --- %s: %s %d %s" % (name, r.version, r.status, r.reason))
    for k, v in r.headers:
        print("      %s: %s" % (k, v.decode("latin-1")))
    if r.body:
        print("      body (%d B): %r" % (len(r.body), r.body[:600]))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--swift", default="http://127.0.0.1:28080", help="reference Swift proxy URL")
    ap.add_argument("--ours", default="http://127.0.0.1:28180", help="Zerostore proxy URL")
    ap.add_argument("--cases", default="*", help="comma-separated globs of case ids")
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    ap.add_argument("--known", default=os.path.join(here, "known-diffs.txt"),
                    help="known differences: '<case glob> <field glob> <reason>' per line")
    ap.add_argument("--json", help="write the report as JSON to this file")
    ap.add_argument("--show", default="", help="comma-separated globs: dump both responses of these cases")
    ap.add_argument("--strict-case", action="store_true", help="count header-name case differences")
    ap.add_argument("--run-id", default=None, help="names prefix (default: time based)")
    args = ap.parse_args()

    import cases  # noqa: F401 - registers the cases
    globs = [g.strip() for g in args.cases.split(",") if g.strip()]
    selected = [c for c in CASES if any(fnmatch.fnmatchcase(c.id, g) for g in globs)]
    if args.list:
        for c in selected:
            print("%-40s %s" % (c.id, c.doc.splitlines()[0] if c.doc else ""))
        print("%d cases" % len(selected))
        return 0
    show = [g.strip() for g in args.show.split(",") if g.strip()]
    run_id = args.run_id or "%x" % int(time.time() * 10 % 0xffffffff)
    targets = [Target("swift", args.swift), Target("ours", args.ours)]
    for t in targets:
        t.login()
    known = load_known(args.known)
    report = []
    totals = {"cases": 0, "requests": 0, "ok": 0, "diff": 0, "known": 0, "error": 0,
              "diffs": 0, "known_diffs": 0, "case_only": 0}
    started = time.time()
    for c in selected:
        res = run_case(c, targets, run_id)
        (sa, ea), (sb, eb) = res["swift"], res["ours"]
        diffs = compare_steps(sa, sb)
        mark_known(c.id, diffs, known)
        casing = [d for d in diffs if d.field.startswith("case:")]
        if not args.strict_case:
            diffs = [d for d in diffs if not d.field.startswith("case:")]
        open_diffs = [d for d in diffs if d.known is None]
        totals["cases"] += 1
        totals["requests"] += len(sa)
        if ea or eb:
            status = "ERROR"
            totals["error"] += 1
        elif open_diffs:
            status = "DIFF"
            totals["diff"] += 1
        elif diffs:
            status = "KNOWN"
            totals["known"] += 1
        else:
            status = "OK"
            totals["ok"] += 1
        totals["diffs"] += len(open_diffs)
        totals["known_diffs"] += len(diffs) - len(open_diffs)
        totals["case_only"] += len(casing) if not args.strict_case else 0
        print("%-5s %s%s" % (status, c.id, "" if not diffs else "  (%d open, %d known)"
                             % (len(open_diffs), len(diffs) - len(open_diffs))))
        for err, name in ((ea, "swift"), (eb, "ours")):
            if err:
                print("      error on %s: %s" % (name, err.strip().replace("\n", "\n      ")))
        for d in diffs:
            tag = "known: " + d.known if d.known else "DIFF"
            print("      [%d] %s -- %s %s" % (d.step, d.label, d.field, tag if d.known else ""))
            if not d.known:
                if d.field == "body":
                    print("          %s" % d.ours)
                elif d.field.startswith("note:"):
                    print("          swift: %s" % d.swift)
                    print("          ours:  %s" % d.ours)
                else:
                    print("          swift: %s" % _show(d.swift))
                    print("          ours:  %s" % _show(d.ours))
        if casing and not args.strict_case:
            print("      header-name case: " + ", ".join("%s/%s" % (d.swift, d.ours) for d in casing))
        if any(fnmatch.fnmatchcase(c.id, g) for g in show):
            for i in range(max(len(sa), len(sb))):
                print("  step %d: %s" % (i, (sa[i] if i < len(sa) else sb[i]).label))
                if i < len(sa):
                    dump_step("swift", sa[i])
                if i < len(sb):
                    dump_step("ours", sb[i])
        report.append({
            "case": c.id, "status": status, "requests": len(sa),
            "errors": {"swift": ea, "ours": eb},
            "diffs": [{"step": d.step, "request": d.label, "field": d.field, "swift": _show(d.swift),
                       "ours": _show(d.ours), "known": d.known} for d in diffs],
            "header_case": [{"swift": d.swift, "ours": d.ours} for d in casing],
        })
    totals["seconds"] = round(time.time() - started, 1)
    print()
    print("cases %(cases)d, requests compared %(requests)d: %(ok)d identical, %(known)d only known "
          "differences, %(diff)d with differences (%(diffs)d open), %(error)d errors; "
          "%(known_diffs)d known differences; %(case_only)d header-name case differences; "
          "%(seconds)ss" % totals)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"run": run_id, "swift": args.swift, "ours": args.ours, "totals": totals,
                       "cases": report}, f, indent=1)
    return 0 if totals["diff"] == 0 and totals["error"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
