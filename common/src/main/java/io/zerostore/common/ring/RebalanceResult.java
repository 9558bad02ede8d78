package io.zerostore.common.ring;

/**
 * What one {@link RingBuilder#rebalance()} did.
 *
 * @param movedReplicas    partition replicas whose device changed (the data that will move)
 * @param balance          largest deviation of any device from its weight share, in percent
 *                         (Swift's "balance"; 0 is perfect)
 * @param removedDevices   devices dropped from the ring because they had been removed
 * @param version          builder version after the rebalance, also written into the ring file
 */
public record RebalanceResult(int movedReplicas, double balance, int removedDevices, long version) {
}
