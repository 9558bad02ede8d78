package io.zerostore.node.replication;

/** Counts of a replication pass, accumulated by one thread per device and then summed. */
final class PassStats {
    int partitions;
    int suffixesSynced;
    int filesPushed;
    long bytesPushed;
    int handoffsRemoved;
    int failures;

    void add(PassStats o) {
        partitions += o.partitions;
        suffixesSynced += o.suffixesSynced;
        filesPushed += o.filesPushed;
        bytesPushed += o.bytesPushed;
        handoffsRemoved += o.handoffsRemoved;
        failures += o.failures;
    }

    void add(SuffixSync.Result r) {
        filesPushed += r.pushed();
        bytesPushed += r.bytes();
        failures += r.failures();
    }

    ObjectReplicator.Pass toPass() {
        return new ObjectReplicator.Pass(partitions, suffixesSynced, filesPushed, bytesPushed, handoffsRemoved, failures);
    }
}
