"""Loads a .ring.gz with OpenStack Swift's own Ring class and prints, for each
partition given on the command line, its primaries and handoffs as JSON.
Used by SwiftInteropTest; needs python3-swift."""
import json
import sys

from swift.common.ring import ring as swift_ring

swift_ring.validate_configuration = lambda: None  # no swift.conf needed here

path, parts = sys.argv[1], [int(p) for p in sys.argv[2:]]
r = swift_ring.Ring(path)
out = {
    "part_power": r.part_power,
    "partition_count": r.partition_count,
    "replica_count": r.replica_count,
    "devs": [d and {k: d[k] for k in ("id", "region", "zone", "ip", "port", "replication_ip",
                                       "replication_port", "device", "weight", "meta")}
             for d in r.devs],
    "parts": {},
}
for p in parts:
    out["parts"][str(p)] = {
        "primaries": [d["id"] for d in r.get_part_nodes(p)],
        "handoffs": [d["id"] for d in r.get_more_nodes(p)],
    }
json.dump(out, sys.stdout)
